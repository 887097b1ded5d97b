/** The English word list, looked up where it lies: the same answers as a Set of its words. */
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { isEnglish } from '../../src/search/reading.ts';

describe('isEnglish', () => {
  const list = createRequire(import.meta.url)('an-array-of-english-words') as string[];
  const set = new Set(list);
  it('knows every word of the list, and only those', () => {
    for (let i = 0; i < list.length; i += 7) expect(isEnglish(list[i])).toBe(true);
    for (const w of [list[0], list.at(-1)!, 'weather', 'whether', 'merger']) expect(isEnglish(w)).toBe(true);
    const near = list.slice(0, 20_000).flatMap((w) => [`${w}zq`, w.slice(1), `${w}_`, `x${w}`]);
    for (const w of [...near, '', 'thurrock', 'ccgs', 'e54000027', 'zzzzzz']) expect(isEnglish(w), w).toBe(set.has(w));
  });
});
