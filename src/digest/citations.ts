/** Digest entries' citations are made as answers make them (toCitation in src/engine/citations.ts); this keeps each once. */
import type { Citation } from '../engine/answer.ts';

/** Citations without repeats (same document and quote), in first-seen order. */
export function uniqueCitations(citations: Citation[]): Citation[] {
  const seen = new Set<string>();
  return citations.filter((c) => {
    const key = `${c.document}\u0000${c.quote}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
