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
import { linkPassages, nameMatcher, passageLinks, PEOPLE_PATTERNS, primeLinks, type Links } from './linking.ts';

const VERSION = createHash('sha256').update(String(linkPassages)).update(String(nameMatcher)).update(PEOPLE_PATTERNS.join('\n')).digest('hex').slice(0, 12);

export const linksFile = (k: Knowledge, cacheDir: string) => join(cacheDir, `links-${k.id}-${VERSION}.bin`);

/** Whether stored links have the shape of links of `count` passages. */
function fits(stored: Links | undefined, count: number): stored is Links {
  if (!stored || typeof stored !== 'object' || stored.count !== count) return false;
  const starts = [stored.orgStart, stored.dateStart];
  return (
    starts.every((a) => a instanceof Uint32Array && a.length === count + 1) &&
    [stored.orgIds, stored.dateText, stored.dateFirst].every((a) => a instanceof Uint32Array) &&
    stored.datePrecision instanceof Uint8Array &&
    stored.orgIds.length === stored.orgStart[count] &&
    stored.dateText.length === stored.dateStart[count] &&
    [stored.codes, stored.strings, stored.precisions].every(Array.isArray) &&
    [stored.people, stored.cues, stored.byOrganisation, stored.documents].every((m) => m instanceof Map)
  );
}

/** The links of `k`: read from `cacheDir` when there, else computed and saved (a failure to save is not fatal). */
export function loadOrBuildLinks(k: Knowledge, cacheDir: string): Links {
  const file = linksFile(k, cacheDir);
  try {
    const stored = deserialize(readFileSync(file)) as Links;
    if (fits(stored, k.passages.length)) {
      // node:v8 reads typed arrays as views over the file's buffer: copied, so the buffer itself is not kept.
      const links = Object.fromEntries(
        Object.entries(stored).map(([key, v]) => [key, ArrayBuffer.isView(v) ? (v as Uint32Array).slice() : v]),
      ) as unknown as Links;
      primeLinks(k, links);
      return links;
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
