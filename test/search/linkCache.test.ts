/** The passages' machine-read links are read back from the cache when the knowledge has not changed. */
import { describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serialize } from 'node:v8';
import { loadKnowledge } from '../../src/knowledge/knowledge.ts';
import { linkPassages, nameMatcher } from '../../src/search/linking.ts';
import { linksFile, loadOrBuildLinks } from '../../src/search/linkCache.ts';

describe('the link cache', () => {
  it('saves the links, reads them back equal to a fresh linking, and never uses a file that does not fit', () => {
    const cacheDir = mkdtempSync(join(tmpdir(), 'links-'));
    const first = loadKnowledge();
    const built = loadOrBuildLinks(first, cacheDir);
    expect(existsSync(linksFile(first, cacheDir))).toBe(true);
    const again = loadKnowledge();
    const read = loadOrBuildLinks(again, cacheDir);
    expect(read).not.toBe(built);
    expect(read).toEqual(linkPassages(again.passages, nameMatcher(again), again.documents.values()));
    // A file holding links for other passages is ignored and replaced.
    writeFileSync(linksFile(again, cacheDir), serialize({ passages: [], byOrganisation: new Map() }));
    const fresh = loadKnowledge();
    expect(loadOrBuildLinks(fresh, cacheDir).count).toBe(fresh.passages.length);
  });
});
