/** `npm run build-index` writes the snapshots a start then reads, without building anything itself. */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildIndex } from '../../src/cli/buildIndex.ts';
import { DEFAULT_SEEDS_DIR, loadKnowledge } from '../../src/knowledge/knowledge.ts';
import { loadKnowledgeCached, type KnowledgeCacheOutcome } from '../../src/knowledge/knowledgeCache.ts';
import { loadOrBuildSnapshot, type CacheOutcome } from '../../src/search/indexCache.ts';

let cacheDir: string;
beforeEach(() => void (cacheDir = mkdtempSync(join(tmpdir(), 'build-index-'))));
afterEach(() => rmSync(cacheDir, { recursive: true, force: true }));

describe('build-index', () => {
  it('writes the knowledge and passage index snapshots, which a start then reads', async () => {
    const out: string[] = [];
    expect(
      buildIndex(
        undefined,
        ['--cache', cacheDir],
        (l) => out.push(l),
        () => {},
      ),
    ).toBe(0);
    expect(out[0]).toMatch(/^Knowledge [0-9a-f]{16}: 5 documents, \d+ passages/);
    // The passages' links are cached beside the index too, so a start reads all three.
    expect(readdirSync(cacheDir).sort()).toEqual([
      expect.stringMatching(/^knowledge-.*\.bin$/),
      expect.stringMatching(/^links-.*\.bin$/),
      expect.stringMatching(/^passages-.*\.bin$/),
    ]);
    const seen: (KnowledgeCacheOutcome | CacheOutcome)['kind'][] = [];
    const knowledge = await loadKnowledgeCached(DEFAULT_SEEDS_DIR, cacheDir, {
      load: () => {
        throw new Error('loaded again');
      },
      report: (o) => seen.push(o.kind),
    });
    loadOrBuildSnapshot(knowledge, cacheDir, (o) => seen.push(o.kind));
    expect(seen).toEqual(['hit', 'hit']);
    expect(knowledge.id).toBe(loadKnowledge().id);
  });

  it('refuses an argument it does not know, with its usage', () => {
    const err: string[] = [];
    expect(
      buildIndex(
        undefined,
        ['--cahce', cacheDir],
        () => {},
        (l) => err.push(l),
      ),
    ).toBe(2);
    expect(err.join('\n')).toMatch(/unknown argument "--cahce"[\s\S]*usage: npm run build-index/);
    expect(readdirSync(cacheDir)).toEqual([]);
  });
});
