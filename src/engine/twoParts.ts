/**
 * Two questions in one ("when were the directions imposed and who imposed them?", "who leads primary care?
 * and who leads back office?"): split where a second question starts, so each part is answered with its own sources.
 */

const STARTS_QUESTION = /^(who|whom|whose|what|whats|when|where|which|why|how|is|are|was|were|did|does|do|has|have|can|could|will)\b/i;
const MIN_WORDS = 3;

const wordCount = (s: string) => s.trim().split(/\s+/).filter(Boolean).length;

/** The question's parts: one for a single question, two (at most) where a second question clearly starts. */
export function splitQuestion(text: string): string[] {
  // "…? …": a question mark with more after it.
  const marked = text
    .split(/\?\s+(?=\S)/)
    .map((s) => s.trim())
    .filter(Boolean);
  if (marked.length === 2 && marked.every((p) => wordCount(p) >= MIN_WORDS)) return marked.map((p) => p.replace(/\?+$/, ''));
  // "… and who …", "…; when …", "…, and why …": a conjunction followed by a question word.
  const joined =
    /\s*(?:;|,?\s+and\s+(?:also\s+)?|,\s+also\s+|\.\s+)(?=(?:who|whom|whose|what|whats|when|where|which|why|how|is|are|was|were|did|does|do|has|have)\b)/i;
  const m = joined.exec(text);
  if (m && m.index > 0) {
    const first = text.slice(0, m.index).trim();
    const second = text.slice(m.index + m[0].length).trim();
    // "who is responsible and accountable" has no second question; "and is" after a noun phrase may ("X and is Y merging").
    if (wordCount(first) >= MIN_WORDS && wordCount(second) >= 1 && STARTS_QUESTION.test(second) && STARTS_QUESTION.test(first))
      return [first.replace(/\?+$/, ''), second];
  }
  return [text];
}
