/** Two answers as one, for a two-part question: each part keeps its statements and citations, renumbered. */
import { MAX_ANSWER_CHARS, MAX_CITATIONS, type Answer } from './answer.ts';

export function joinAnswers(a: Answer, b: Answer): Answer {
  if (!a.answered && !b.answered) return { ...a, text: `${a.text}\n${b.text}`.slice(0, MAX_ANSWER_CHARS) };
  const citations = [...a.citations];
  const remap = b.citations.map((c) => {
    const at = citations.findIndex((x) => x.document === c.document && x.quote === c.quote);
    if (at >= 0) return at;
    citations.push(c);
    return citations.length - 1;
  });
  const renumber = (text: string) => text.replace(/\[(\d+)\]/g, (_, n: string) => `[${(remap[Number(n) - 1] ?? Number(n) - 1) + 1}]`);
  // Each part says its own answer; a part the bot could not answer says so plainly.
  const second = renumber(b.text);
  const budget = Math.max(200, Math.floor(MAX_ANSWER_CHARS / 2));
  const cut = (t: string) => (t.length > budget ? `${t.slice(0, budget - 1)}…` : t);
  const text = `${cut(a.text)}\n\n${cut(second)}`.slice(0, MAX_ANSWER_CHARS);
  const kept = citations.slice(0, MAX_CITATIONS);
  return {
    answered: true,
    intent: `${a.intent}+${b.intent}`,
    confidence: Math.min(a.answered ? a.confidence : 0.5, b.answered ? b.confidence : 0.5),
    text,
    statements: [...a.statements, ...b.statements.map((s) => ({ ...s, cites: s.cites.map((c) => remap[c]).filter((c) => c < kept.length) }))],
    citations: kept,
    suggestions: [...new Set([...a.suggestions, ...b.suggestions])].slice(0, 3),
    ...((b.context ?? a.context) ? { context: b.context ?? a.context } : {}),
    ...((a.organisationCode ?? b.organisationCode) ? { organisationCode: a.organisationCode ?? b.organisationCode } : {}),
  };
}
