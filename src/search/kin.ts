/** Words of one sense, from the lexicon's `kin`: "a deficit of £21.3m" answers "how much will they overspend?". */
import type { Knowledge } from '../knowledge/knowledge.ts';
import { stem, words } from './text.ts';

const kinCache = new WeakMap<Knowledge, (stem: string) => string[][]>();
/**
 * What the lexicon groups with a stemmed word, each as the stems of its words: [["deficit"], ["shortfall"]] for
 * "overspend", [["revenue", "resource", "limit"]] among those for "budget". A text speaks to the word when it
 * holds every word of one of them.
 */
export function kinOf(k: Knowledge): (stem: string) => string[][] {
  let fn = kinCache.get(k);
  if (!fn) {
    const m = new Map<string, string[][]>();
    for (const group of k.lexicon.kin) {
      const members = group.map((w) => words(w).map(stem));
      for (const [s] of members.filter((ws) => ws.length === 1)) {
        const others = members.filter((ws) => ws.join(' ') !== s);
        m.set(s, [...(m.get(s) ?? []), ...others]);
      }
    }
    fn = (s) => m.get(s) ?? [];
    kinCache.set(k, fn);
  }
  return fn;
}
