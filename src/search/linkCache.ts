/**
 * The machine-read links of every passage, kept beside the index snapshot: linking reads every passage against
 * the whole register, seconds at 100,000 passages, so a start whose knowledge has not changed reads them back.
 * Keyed by the knowledge's content hash and a fingerprint of the linking code, so a stale file is never used.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import type { Knowledge } from '../knowledge/knowledge.ts';
import { linkPassages, nameMatcher, passageLinks, primeLinks, type Links } from './linking.ts';

const VERSION = createHash('sha256').update(String(linkPassages)).update(String(nameMatcher)).digest('hex').slice(0, 12);

export const linksFile = (k: Knowledge, cacheDir: string) => join(cacheDir, `links-${k.id}-${VERSION}.bin`);

/** The links of `k`: read from `cacheDir` when there, else computed and saved (a failure to save is not fatal). */
export function loadOrBuildLinks(k: Knowledge, cacheDir: string): Links {
  const file = linksFile(k, cacheDir);
  try {
    const stored = deserialize(readFileSync(file)) as Links;
    if (Array.isArray(stored?.passages) && stored.passages.length === k.passages.length && stored.byOrganisation instanceof Map) {
      primeLinks(k, stored);
      return stored;
    }
  } catch {
    // Missing or unreadable: computed below.
  }
  const links = passageLinks(k);
  try {
    mkdirSync(cacheDir, { recursive: true });
    const tmp = `${file}.${process.pid}.tmp`;
    writeFileSync(tmp, serialize(links));
    renameSync(tmp, file);
    for (const f of readdirSync(cacheDir))
      if (f.startsWith('links-') && !f.endsWith('.tmp') && join(cacheDir, f) !== file) rmSync(join(cacheDir, f), { force: true });
  } catch {
    // The cache is an optimisation: a read-only folder only costs the next start the linking again.
  }
  return links;
}
