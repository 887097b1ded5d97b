/** The closest passage to a quote that does not stand in its document: what the editor most likely meant. */
import type { Passage, SourceDocument } from './documents.ts';

const words = (s: string) =>
  new Set(
    s
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, ' ')
      .split(' ')
      .filter((w) => w.length > 2),
  );

/** The passage sharing most words with the text: what an editor most likely meant to quote. */
export function closestPassage(doc: SourceDocument, text: string): Passage | null {
  const target = words(text);
  let best: Passage | null = null;
  let bestScore = 0;
  for (const p of doc.passages) {
    const pw = words(p.text);
    let shared = 0;
    for (const w of target) if (pw.has(w)) shared++;
    const score = shared / Math.max(target.size, 1);
    if (score > bestScore) {
      bestScore = score;
      best = p;
    }
  }
  return bestScore > 0.2 ? best : null;
}
