/**
 * The binary passage index holds what MiniSearch's index holds and ranks as MiniSearch ranks, on the
 * seeds and on a synthetic corpus; its snapshot reads back as views over one buffer.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type MiniSearch from 'minisearch';
import { afterAll, describe, expect, it } from 'vitest';
import { generateCorpus } from '../../bench/corpus.ts';
import { loadKnowledge } from '../../src/knowledge/knowledge.ts';
import { BinaryIndex, type TermData } from '../../src/search/binaryIndex.ts';
import { buildBinaryPassageIndex, buildPassageIndex, processTerm, searchPassages, termsInTexts } from '../../src/search/passageIndex.ts';
import { contentTerms } from '../../src/search/text.ts';
import { prunedSearch } from '../../src/search/prunedSearch.ts';

const dir = mkdtempSync(join(tmpdir(), 'binary-index-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const seeds = loadKnowledge();
const synthetic = loadKnowledge(generateCorpus(join(dir, 'corpus'), 3000, 7).dir);

/** MiniSearch's protected structures, read to compare them field by field. */
interface MiniInternals {
  _index: { keys(): Iterable<string>; get(t: string): Map<number, Map<number, number>>; fuzzyGet(t: string, d: number): Map<string, [unknown, number]> };
  _documentIds: Map<number, number>;
  _fieldLength: Map<number, number[]>;
  _avgFieldLength: number[];
  _documentCount: number;
}
const internals = (m: MiniSearch) => m as unknown as MiniInternals;

const options = {
  boost: { text: 2, context: 1 },
  fuzzy: (t: string) => (t.length > 5 ? 0.2 : false),
  prefix: (t: string) => t.length > 5,
  weights: { fuzzy: 0.4, prefix: 0.5 },
};
const QUERIES = [
  'legal directions ccg',
  'joint committee',
  'wigan deficit plan',
  'frailty programme savings',
  'cqc rated trust inadequate',
  'many ccgs legal directions 2016_17',
  'urgnet care',
  'success regime',
  'primary care essex',
  'commissioning',
  'directons thurrock',
].map((q) => q.split(' ').map((w) => processTerm(w)!));

/** A term's postings with external (passage) ids, field by field. */
function miniPostings(mini: MiniInternals, term: string): Record<number, [number, number][]> {
  const out: Record<number, [number, number][]> = {};
  for (const [field, docs] of mini._index.get(term) ?? [])
    out[field] = [...docs].map(([short, tf]) => [mini._documentIds.get(short)!, tf] as [number, number]).sort((a, b) => a[0] - b[0]);
  return out;
}
function binaryPostings(data: TermData | undefined): Record<number, [number, number][]> {
  const out: Record<number, [number, number][]> = {};
  for (const [field, list] of data ?? []) out[field] = [...list.keys()].map((doc) => [doc, list.get(doc)!] as [number, number]);
  return out;
}

describe.each([
  ['the seeds', seeds],
  ['a synthetic corpus of 3,000 passages', synthetic],
])('the binary index of %s', (_, knowledge) => {
  const mini = buildPassageIndex(knowledge.passages);
  const m = internals(mini);
  const binary = buildBinaryPassageIndex(knowledge.passages);

  it('holds the same terms, postings, field lengths and average lengths as MiniSearch', () => {
    expect(binary.documentCount).toBe(m._documentCount);
    expect([...binary.data.terms]).toEqual([...m._index.keys()].sort());
    for (const term of binary.data.terms) expect(binaryPostings(binary.get(term)), term).toEqual(miniPostings(m, term));
    expect([...binary.avgFieldLength]).toEqual(m._avgFieldLength);
    for (const [short, lengths] of m._fieldLength) {
      const doc = m._documentIds.get(short)!;
      expect([binary.fieldLength(doc, 0), binary.fieldLength(doc, 1)]).toEqual(lengths);
    }
  });

  it('finds the same fuzzy and prefix expansions as MiniSearch', () => {
    for (const term of ['direction', 'directons', 'comittee', 'thurock', 'commissioning', 'regim', 'xyzzyq']) {
      for (const distance of [1, 2, 3]) {
        const fromMini = new Map([...m._index.fuzzyGet(term, distance)].map(([t, [, d]]) => [t, d]));
        const fromBinary = new Map([...binary.fuzzyGet(term, distance)].map(([t, [, d]]) => [t, d]));
        expect(fromBinary, `${term} within ${distance}`).toEqual(fromMini);
      }
    }
    for (const prefix of ['commiss', 'dire', 'zz', '']) {
      const fromMini = [...(mini as unknown as { _index: { atPrefix(p: string): Map<string, unknown> } })._index.atPrefix(prefix).keys()].sort();
      expect(
        [...binary.atPrefix(prefix)].map(([t]) => t),
        prefix,
      ).toEqual(fromMini);
    }
  });

  it('ranks every query as MiniSearch does, with the same scores', () => {
    // Over a binary index fuzzy matching is kept to terms the index does not hold: MiniSearch is asked the same.
    const unknownOnly = { ...options, fuzzy: (t: string) => (t.length > 5 && !binary.get(t) ? 0.2 : false) };
    for (const terms of QUERIES) {
      const expected = mini.search(terms.join(' '), { ...unknownOnly, processTerm: (t) => t });
      const got = prunedSearch(binary, terms, options, 10, Number.MAX_SAFE_INTEGER)!;
      expect(got.length, terms.join(' ')).toBe(Math.min(10, expected.length));
      got.forEach((hit, i) => {
        expect(hit.score, `${terms.join(' ')} #${i + 1}`).toBeCloseTo(expected[i].score, 9);
        // Equal scores may come in either order; a distinct score must be the same passage's.
        if (expected.filter((e) => Math.abs(e.score - hit.score) < 1e-9).length === 1) expect(hit.id).toBe(expected[i].id);
        expect(new Set(hit.queryTerms)).toEqual(new Set(expected.find((e) => e.id === hit.id)!.queryTerms));
      });
    }
  });

  it('prunes a search beyond its budget to the same passages and scores as over MiniSearch', () => {
    let pruned = 0;
    for (const terms of QUERIES) {
      const overMini = prunedSearch(mini, terms, options, 5, 50);
      if (!overMini) continue;
      pruned++;
      const overBinary = prunedSearch(binary, terms, options, 5, 50)!;
      expect(
        overBinary.map((h) => h.score.toFixed(9)),
        terms.join(' '),
      ).toEqual(overMini.map((h) => h.score.toFixed(9)));
    }
    expect(pruned).toBeGreaterThan(3);
    // And the passage search itself hands back the passages the hits name.
    const [hit] = searchPassages(binary, knowledge.passages, QUERIES[0], 1);
    expect(hit.passage).toEqual(knowledge.passages.at(prunedSearch(binary, QUERIES[0], { ...options }, 1, 1000)![0].id as number));
  });
});

describe('a binary index snapshot', () => {
  const binary = buildBinaryPassageIndex(synthetic.passages);

  it('reads back as views over the one buffer, with the same results', () => {
    const buffer = binary.toBuffer({ knowledge: synthetic.id });
    const { index, meta } = BinaryIndex.fromBuffer<{ knowledge: string }>(buffer);
    expect(meta).toMatchObject({ knowledge: synthetic.id });
    expect(index.data.docs.buffer).toBe(buffer.buffer);
    expect(index.data.tfs.buffer).toBe(buffer.buffer);
    for (const terms of QUERIES) expect(prunedSearch(index, terms, options, 10, 1000)).toEqual(prunedSearch(binary, terms, options, 10, 1000));
  });

  it('says so when it is cut short or is not a snapshot at all', () => {
    const buffer = binary.toBuffer({});
    expect(() => BinaryIndex.fromBuffer(buffer.subarray(0, buffer.length - 64))).toThrow(/truncated/);
    expect(() => BinaryIndex.fromBuffer(Buffer.from('{"not": "a snapshot"}'))).toThrow(/not a packed snapshot/);
  });
});

describe('termsInTexts', () => {
  it("reads which terms each passage's text holds from the index as contentTerms reads them from the text", () => {
    const binary = buildBinaryPassageIndex(synthetic.passages);
    const mini = buildPassageIndex(seeds.passages);
    for (const [knowledge, index] of [
      [synthetic, binary],
      [seeds, mini],
    ] as const) {
      let held = 0;
      for (const doc of [...knowledge.documents.values()].slice(0, 40)) {
        const range = knowledge.passages.rangeOf(doc.id)!;
        const words = [...new Set(doc.passages.flatMap((p) => contentTerms(p.text)))];
        const terms = [words[0], words[3], words[words.length - 1], 'zzqx', words[7]].filter((t, i, all) => t && all.indexOf(t) === i);
        const expected = doc.passages.map((p) => {
          const has = new Set(contentTerms(p.text));
          return terms.filter((t) => has.has(t));
        });
        expect(termsInTexts(index, knowledge.passages, range.from, range.to, terms)).toEqual(expected);
        held += expected.flat().length;
      }
      expect(held).toBeGreaterThan(40);
    }
  });
});
