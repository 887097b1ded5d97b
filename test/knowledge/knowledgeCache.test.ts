/** The knowledge cache: read back whole when the content is unchanged, loaded afresh when it is not. */
import { appendFileSync, cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_SEEDS_DIR, loadKnowledge, type Knowledge } from '../../src/knowledge/knowledge.ts';
import { knowledgeCacheFile, knowledgeId, loadKnowledgeCached, type KnowledgeCacheOutcome } from '../../src/knowledge/knowledgeCache.ts';
import { Passages } from '../../src/knowledge/passages.ts';

let work: string;
let seeds: string;
let cacheDir: string;
beforeEach(() => {
  work = mkdtempSync(join(tmpdir(), 'knowledge-cache-'));
  seeds = join(work, 'seeds');
  cacheDir = join(work, 'cache');
  cpSync(DEFAULT_SEEDS_DIR, seeds, { recursive: true });
});
afterEach(() => rmSync(work, { recursive: true, force: true }));

/** Loads through the cache, counting how often the folder is actually parsed and validated. */
async function cached(load: (dir: string) => Knowledge = loadKnowledge) {
  const outcomes: KnowledgeCacheOutcome[] = [];
  let parsed = 0;
  const knowledge = await loadKnowledgeCached(seeds, cacheDir, {
    load: (d) => {
      parsed++;
      return load(d);
    },
    report: (o) => outcomes.push(o),
  });
  return { knowledge, outcome: outcomes[0], parsed };
}

describe('loadKnowledgeCached', () => {
  it('hashes the folder as loadKnowledge does', () => {
    expect(knowledgeId(seeds)).toBe(loadKnowledge(seeds).id);
  });

  it('hashes a document that is not valid UTF-8 as loadKnowledge reads it', () => {
    // A document received as is (no sha256 to match), ending in bytes no UTF-8 decoder reads back the same.
    const file = join(seeds, 'documents', readdirSync(join(seeds, 'documents')).sort()[0]);
    writeFileSync(file, readFileSync(file, 'utf8').replace(/^sha256: .*\n/m, ''));
    appendFileSync(file, Buffer.from([0x0a, 0xc3, 0x28, 0xff, 0x0a]));
    expect(knowledgeId(seeds)).toBe(loadKnowledge(seeds).id);
  });

  it('loads and caches the knowledge once, then reads it back whole without parsing anything', async () => {
    const first = await cached();
    expect(first).toMatchObject({ parsed: 1, outcome: { kind: 'loaded', reason: 'no cached knowledge' } });
    const second = await cached();
    expect(second).toMatchObject({ parsed: 0, outcome: { kind: 'hit' } });
    expect(second.knowledge).toEqual(first.knowledge);
    expect([...second.knowledge.passages]).toEqual([...first.knowledge.passages]);
    const doc = second.knowledge.documents.get('essex-directions-2017')!;
    expect(doc.passages).toEqual(first.knowledge.documents.get('essex-directions-2017')!.passages);
  });

  it('loads afresh when any file changes, and keeps only the current snapshot', async () => {
    await cached();
    appendFileSync(join(seeds, 'facts', 'glossary.yml'), '\n# A comment added since.\n');
    const after = await cached();
    expect(after.parsed).toBe(1);
    expect(after.knowledge.id).not.toBe(loadKnowledge(DEFAULT_SEEDS_DIR).id);
    expect(readdirSync(cacheDir)).toEqual([knowledgeCacheFile(cacheDir, after.knowledge.id).split('/').at(-1)]);
    expect((await cached()).parsed).toBe(0);
  });

  it('still fails on invalid knowledge, caching nothing', async () => {
    writeFileSync(join(seeds, 'facts', 'people.yml'), '- id: [unclosed\n');
    await expect(cached()).rejects.toThrow(/people\.yml/);
    await expect(cached()).rejects.toThrow(/people\.yml/);
  });

  it('loads afresh over a damaged snapshot, and replaces it', async () => {
    const { knowledge } = await cached();
    writeFileSync(knowledgeCacheFile(cacheDir, knowledge.id), 'not a snapshot');
    expect(await cached()).toMatchObject({ parsed: 1, outcome: { kind: 'loaded', reason: expect.stringMatching(/unreadable/) } });
    expect((await cached()).parsed).toBe(0);
  });

  it('carries fields it has never heard of, on the knowledge, its documents and its passages', async () => {
    // What another loader might add: machine-read mentions on passages, structure, new top-level indexes.
    const withMore = (dir: string): Knowledge => {
      const k = loadKnowledge(dir);
      const documents = new Map(
        [...k.documents].map(([id, d]) => [
          id,
          {
            ...d,
            outline: [{ level: 1, title: d.title }],
            passages: d.passages.map((p, i) => ({
              ...p,
              depth: i % 3,
              mentions: i % 2 ? [] : [{ kind: 'organisation', code: '07G', from: 0, to: 4, machineRead: true }],
            })),
          },
        ]),
      );
      return { ...k, documents, passages: Passages.from(documents), mentionIndex: new Map([['07G', new Set(['a#1'])]]) } as Knowledge;
    };
    const first = await cached(withMore);
    const second = await cached(() => {
      throw new Error('parsed again');
    });
    expect(second.parsed).toBe(0);
    const k = second.knowledge as Knowledge & { mentionIndex: Map<string, Set<string>> };
    expect(k.mentionIndex).toEqual(new Map([['07G', new Set(['a#1'])]]));
    expect([...k.passages]).toEqual([...first.knowledge.passages]);
    expect(k.passages.at(0)).toMatchObject({ depth: 0, mentions: [{ code: '07G', machineRead: true }] });
    expect(k.documents.get('essex-directions-2017')).toMatchObject({ outline: [{ level: 1 }] });
    expect(k.documents.get('essex-directions-2017')!.passages[1]).toMatchObject({ depth: 1, mentions: [] });
  });
});
