/**
 * The vocabulary over a sorted word list (from the index snapshot) corrects typos exactly as the
 * deletion maps do: the same corrections, tie-breaks and caps, on the seeds and a synthetic corpus.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generateCorpus } from '../../bench/corpus.ts';
import { mulberry32 } from '../../bench/prng.ts';
import { loadKnowledge } from '../../src/knowledge/knowledge.ts';
import { passageWordCounts } from '../../src/search/indexes.ts';
import { STOP_WORDS } from '../../src/search/text.ts';
import { Vocabulary, wordList } from '../../src/search/vocabulary.ts';

const dir = mkdtempSync(join(tmpdir(), 'vocabulary-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Typos of known words (a letter dropped, added, changed, or two swapped), and some unknown words. */
function typos(words: string[], count: number, seed: number): string[] {
  const rng = mulberry32(seed);
  const out: string[] = [];
  const letter = () => 'abcdefghijklmnopqrstuvwxyz'[rng.int(0, 25)];
  while (out.length < count) {
    const w = rng.pick(words);
    if (w.length < 4) continue;
    const at = rng.int(0, w.length - 2);
    const edits = [
      w.slice(0, at) + w.slice(at + 1),
      w.slice(0, at) + letter() + w.slice(at),
      w.slice(0, at) + letter() + w.slice(at + 1),
      w.slice(0, at) + w[at + 1] + w[at] + w.slice(at + 2),
      `${w}${letter()}${letter()}`,
    ];
    out.push(rng.pick(edits));
  }
  return out;
}

describe.each([
  ['the seeds', () => loadKnowledge()],
  ['a synthetic corpus', () => loadKnowledge(generateCorpus(join(dir, 'corpus'), 4000, 3).dir)],
])('a vocabulary over a word list, on %s', (_, knowledge) => {
  it('knows and corrects the words as the deletion maps do', () => {
    const k = knowledge();
    const counts = passageWordCounts(k.passages);
    const extras = [...k.organisations.values()].flatMap((o) =>
      o.names
        .join(' ')
        .toLowerCase()
        .split(/[^a-z0-9]+/),
    );
    const maps = new Vocabulary(STOP_WORDS);
    for (const [w, c] of counts) maps.addCount(w, c);
    maps.add(extras);
    const list = new Vocabulary(STOP_WORDS, wordList(counts, STOP_WORDS));
    list.add(extras);
    expect(list.size).toBe(maps.size);
    const known = [...counts.keys()].filter((w) => !STOP_WORDS.has(w));
    const queries = [...typos(known, 1500, 9), ...typos(extras.filter(Boolean), 300, 10), 'weather', 'whethr', 'dirctions', 'comittee', 'thurock', 'financal'];
    let corrected = 0;
    for (const q of queries) {
      expect(list.correct(q), q).toBe(maps.correct(q));
      expect(list.correct(q, 4), `${q} (from 4 letters)`).toBe(maps.correct(q, 4));
      expect(list.has(q), q).toBe(maps.has(q));
      if (maps.correct(q) && maps.correct(q) !== q) corrected++;
    }
    expect(corrected).toBeGreaterThan(300);
    // Corrections already made give way to words added or counted since.
    const typo = queries.find((q) => list.correct(q) && list.correct(q) !== q)!;
    const meant = list.correct(typo)!;
    const rival = `${typo}x`.length === meant.length ? `${typo}x` : `${typo.slice(0, -1)}x`;
    for (const v of [list, maps]) v.addCount(rival, 1e6);
    expect(list.correct(typo)).toBe(rival);
    expect(maps.correct(typo)).toBe(rival);
    for (const v of [list, maps]) v.addCount(typo, 1);
    expect(list.correct(typo)).toBe(typo);
  });
});

describe('a typo', () => {
  it('is read as the word with one of its doubled letters left out before a commoner word with a letter changed', () => {
    const counts = new Map([
      ['isles', 7],
      ['issues', 3],
    ]);
    for (const v of [new Vocabulary(STOP_WORDS, wordList(counts, STOP_WORDS)), new Vocabulary(STOP_WORDS)]) {
      for (const [w, c] of counts) v.addCount(w, c);
      expect(v.correct('isues')).toBe('issues');
      expect(v.correct('isdes')).toBe('isles');
    }
  });
});
