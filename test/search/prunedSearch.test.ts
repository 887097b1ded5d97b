/**
 * Bounded search over a large corpus: the candidates it scores get exactly MiniSearch's scores, and
 * small corpora are left to MiniSearch. Guards against a MiniSearch upgrade changing its internals:
 * the installed and pinned versions must be the one it was written against, and the index must expose
 * the structures it reads (a change there would otherwise only make every search quietly slower).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generateCorpus } from '../../bench/corpus.ts';
import { loadKnowledge } from '../../src/knowledge/knowledge.ts';
import { buildPassageIndex, PASSAGE_SEARCH_OPTIONS as options, processTerm } from '../../src/search/passageIndex.ts';
import { MINISEARCH_VERSION, postingCount, prunedSearch, readsInternalsOf } from '../../src/search/prunedSearch.ts';

const dir = mkdtempSync(join(tmpdir(), 'pruned-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const knowledge = loadKnowledge(generateCorpus(join(dir, 'corpus'), 3000, 7).dir);
const index = buildPassageIndex(knowledge.passages);

/** Questions' terms as the index holds them (searchPassages processes them so before searching). */
const QUERIES = [
  'legal directions ccg',
  'joint committee',
  'wigan deficit plan',
  'frailty programme savings',
  'cqc rated trust inadequate',
  'many ccgs legal directions 2016_17',
  'urgnet care',
].map((q) => q.split(' ').map((w) => processTerm(w)!));

describe('prunedSearch', () => {
  it('reads the MiniSearch it was written against: the version installed and pinned, its internals in place', () => {
    const installed = JSON.parse(readFileSync(new URL('../../node_modules/minisearch/package.json', import.meta.url), 'utf8')).version;
    const pinned = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')).dependencies.minisearch;
    expect(installed).toBe(MINISEARCH_VERSION);
    expect(pinned).toBe(MINISEARCH_VERSION);
    expect(readsInternalsOf(index)).toBe(true);
    // A MiniSearch whose structures have moved is searched by MiniSearch itself, never misread.
    const moved = Object.assign(Object.create(Object.getPrototypeOf(index)), index, { _fieldLength: {} });
    expect(readsInternalsOf(moved)).toBe(false);
    expect(prunedSearch(moved, ['legal', 'direction', 'ccg'], options, 5, 50)).toBeNull();
  });

  it('counts postings as MiniSearch finds them, field by field', () => {
    for (const term of ['ccg', 'deficit', 'frailty']) {
      const byField = ['text', 'context'].reduce((n, f) => n + index.search(term, { fields: [f] }).length, 0);
      expect(postingCount(index, term), term).toBe(byField);
    }
    expect(postingCount(index, 'nosuchword')).toBe(0);
  });

  it('scores its candidates exactly as MiniSearch does', () => {
    for (const terms of QUERIES) {
      const hits = prunedSearch(index, terms, options, 5, 50)!;
      expect(hits, terms.join(' ')).not.toBeNull();
      expect(hits.length).toBeGreaterThan(0);
      // MiniSearch with the same rule for fuzzy matching: only for terms the index does not hold.
      const full = new Map(
        index.search(terms.join(' '), { ...options, fuzzy: (t) => (t.length > 5 && postingCount(index, t) === 0 ? 0.2 : false) }).map((h) => [h.id, h]),
      );
      for (const hit of hits) {
        expect(hit.score).toBeCloseTo(full.get(hit.id)!.score, 9);
        expect(new Set(hit.queryTerms)).toEqual(new Set(full.get(hit.id)!.queryTerms));
      }
      expect(hits.map((h) => h.score)).toEqual([...hits.map((h) => h.score)].sort((a, b) => b - a));
    }
  });

  it('keeps the passage holding all the terms when only a rare word picks candidates', () => {
    const [top] = prunedSearch(index, ['many', 'ccg', 'legal', 'direction', '2016_17'], options, 1, 50)!;
    expect(knowledge.passages.at(top.id as number)!.text).toMatch(/legal directions imposed by NHS England during 2016-17/);
  });

  it('applies a filter, leaving MiniSearch to search when the filter rejects the candidates', () => {
    const bench = (id: unknown) => knowledge.passages.at(id as number)!.document.startsWith('bench');
    const hits = prunedSearch(index, ['legal', 'direction', 'ccg'], { ...options, filter: bench }, 5, 50)!;
    expect(hits).toHaveLength(5);
    for (const h of hits) expect(bench(h.id)).toBe(true);
    const essex = (id: unknown) => knowledge.passages.at(id as number)!.document === 'essex-single-executive-2019';
    expect(prunedSearch(index, ['legal', 'direction', 'ccg'], { ...options, filter: essex }, 5, 50)).toBeNull();
  });

  it('leaves queries and corpora within the budget to MiniSearch', () => {
    expect(prunedSearch(index, ['legal', 'direction'], options, 5, 1_000_000)).toBeNull();
    expect(prunedSearch(index, ['ccg'], options, 5, index.documentCount)).toBeNull();
  });
});
