/** Words of opposite sense, from the lexicon's `opposites`: "supported" answers "did they oppose it?", with a no. */
import type { Knowledge } from '../knowledge/knowledge.ts';
import { stem } from './text.ts';

const oppositeCache = new WeakMap<Knowledge, (stem: string) => string[]>();
/** The stems of the lexicon's opposites of a stemmed word ("support" and "back" for "oppose"). */
export function oppositesOf(k: Knowledge): (stem: string) => string[] {
  let fn = oppositeCache.get(k);
  if (!fn) {
    const m = new Map<string, string[]>();
    for (const [a, b] of k.lexicon.opposites)
      for (const [x, y] of [
        [stem(a), stem(b)],
        [stem(b), stem(a)],
      ])
        m.set(x, [...(m.get(x) ?? []), y]);
    fn = (s) => m.get(s) ?? [];
    oppositeCache.set(k, fn);
  }
  return fn;
}
