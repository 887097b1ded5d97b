/** The passage-index snapshot cache: used when it fits the knowledge, rebuilt when stale or damaged. */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadKnowledge } from '../../src/knowledge/knowledge.ts';
import { buildIndexesCached, loadOrBuildPassageIndex, snapshotFile, type CacheOutcome } from '../../src/search/indexCache.ts';
import { buildIndexes } from '../../src/search/indexes.ts';
import { searchPassages } from '../../src/search/passageIndex.ts';
import { BinaryIndex } from '../../src/search/binaryIndex.ts';
import { generateCorpus } from '../../bench/corpus.ts';

const knowledge = loadKnowledge();
let cacheDir: string;
beforeEach(() => void (cacheDir = mkdtempSync(join(tmpdir(), 'index-cache-'))));
afterEach(() => rmSync(cacheDir, { recursive: true, force: true }));

function load(k = knowledge) {
  const outcomes: CacheOutcome[] = [];
  const index = loadOrBuildPassageIndex(k, cacheDir, (o) => outcomes.push(o));
  return { index, outcome: outcomes[0] };
}

describe('loadOrBuildPassageIndex', () => {
  it('builds and saves a snapshot, then starts from it with the same search results', () => {
    const first = load();
    expect(first.outcome).toMatchObject({ kind: 'built', reason: 'no snapshot' });
    const second = load();
    expect(second.outcome.kind).toBe('hit');
    const terms = ['legal', 'direction', 'joint', 'committee'];
    expect(searchPassages(second.index, knowledge.passages, terms)).toEqual(searchPassages(first.index, knowledge.passages, terms));
  });

  it('never uses the snapshot of other knowledge, and keeps only the current snapshot', () => {
    load();
    const edited = { ...knowledge, id: 'feedfacefeedface' };
    expect(load(edited).outcome.kind).toBe('built');
    expect(readdirSync(cacheDir)).toEqual([snapshotFile(edited, cacheDir).split('/').at(-1)]);
  });

  it('rebuilds a truncated or corrupt snapshot and replaces it', () => {
    load();
    const file = snapshotFile(knowledge, cacheDir);
    const whole = readFileSync(file);
    writeFileSync(file, whole.subarray(0, whole.length - 100));
    expect(load().outcome).toMatchObject({ kind: 'built', reason: expect.stringMatching(/truncated/) });
    writeFileSync(file, 'not a snapshot');
    expect(load().outcome.kind).toBe('built');
    expect(load().outcome.kind).toBe('hit');
    expect(readFileSync(file).equals(whole)).toBe(true);
  });

  it('still answers when the cache folder cannot be written', () => {
    const blocked = join(cacheDir, 'file');
    writeFileSync(blocked, '');
    const outcomes: CacheOutcome[] = [];
    const index = loadOrBuildPassageIndex(knowledge, join(blocked, 'cache'), (o) => outcomes.push(o));
    expect(index.documentCount).toBeGreaterThan(0);
    expect(outcomes[0]).toMatchObject({ kind: 'built', reason: expect.stringMatching(/could not save/) });
    expect(existsSync(join(blocked, 'cache'))).toBe(false);
  });
});

describe('the snapshot of large knowledge', () => {
  it('serves the binary index from the snapshot, with the same results as one built afresh', () => {
    const dir = join(cacheDir, 'corpus');
    const large = loadKnowledge(generateCorpus(dir, 3000, 11).dir);
    const outcomes: CacheOutcome[] = [];
    const built = loadOrBuildPassageIndex(large, cacheDir, (o) => outcomes.push(o));
    const read = loadOrBuildPassageIndex(large, cacheDir, (o) => outcomes.push(o));
    expect(outcomes.map((o) => o.kind)).toEqual(['built', 'hit']);
    expect(read).toBeInstanceOf(BinaryIndex);
    for (const terms of [['legal', 'direction'], ['frailty', 'saving'], ['frailt']]) {
      expect(searchPassages(read, large.passages, terms)).toEqual(searchPassages(built, large.passages, terms));
      expect(searchPassages(read, large.passages, terms).length).toBeGreaterThan(0);
    }
  });
});

describe('buildIndexesCached', () => {
  it('gives the same vocabulary as building from scratch, cold or warm', () => {
    const fresh = buildIndexes(knowledge);
    for (const run of [1, 2]) {
      const cached = buildIndexesCached(knowledge, cacheDir);
      expect(cached.vocabulary.size, `run ${run}`).toBe(fresh.vocabulary.size);
      for (const typo of ['dirctions', 'comittee', 'thurock', 'financal']) expect(cached.vocabulary.correct(typo)).toBe(fresh.vocabulary.correct(typo));
    }
  });
});
