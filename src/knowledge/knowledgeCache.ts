/**
 * A cache of the validated knowledge, keyed by its content hash. Every file of the seeds folder is still
 * read and hashed at each start (so an edit is always seen), but when the hash matches a cached snapshot
 * nothing is parsed or validated again: the Knowledge value is read back whole.
 *
 * The value is stored with node:v8's structured serialization, which carries any plain data (objects,
 * arrays, Maps, Sets, typed arrays) as it is: a field added to Knowledge, its documents or its passages
 * is cached with no change here. Only the passage store is a class; it is stored as its columns and
 * revived (passages.ts).
 */
import { isUtf8 } from 'node:buffer';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import type { Knowledge } from './knowledge.ts';
import { Passages, type PassageColumns } from './passages.ts';
import { REGISTER_FILES } from './register.ts';

/** Bump by hand when the cached form changes in a way the content hash cannot see. */
const FORMAT = 4;

/**
 * The content hash `loadKnowledge` gives a seeds folder (the same files, in the same order), computed by
 * reading and hashing every file without parsing any.
 */
export function knowledgeId(dir: string): string {
  const root = resolve(dir);
  const hash = createHash('sha256');
  const docDir = join(root, 'documents');
  for (const file of existsSync(docDir)
    ? readdirSync(docDir)
        .filter((f) => !f.startsWith('.'))
        .sort()
    : [])
    hash.update(file).update(asText(readFileSync(join(docDir, file))));
  if (existsSync(join(root, 'register'))) {
    for (const f of Object.values(REGISTER_FILES)) {
      const p = join(root, 'register', f);
      if (existsSync(p)) hash.update(f).update(readFileSync(p));
    }
  }
  const factsDir = join(root, 'facts');
  for (const f of existsSync(factsDir) ? readdirSync(factsDir).sort() : []) if (/\.ya?ml$/.test(f)) hash.update(f).update(readFileSync(join(factsDir, f)));
  const lexicon = join(root, 'lexicon.yml');
  hash.update('lexicon.yml').update(existsSync(lexicon) ? readFileSync(lexicon, 'utf8') : '');
  return hash.digest('hex').slice(0, 16);
}

/**
 * The bytes `loadKnowledge` hashes for a file it reads as UTF-8 text: the file's own bytes when they are valid
 * UTF-8 (decoding and re-encoding gives them back, so the text need not be made), else the decoded text.
 */
function asText(bytes: Buffer): Buffer | string {
  return isUtf8(bytes) ? bytes : bytes.toString('utf8');
}

/** What happened when the cache was consulted. */
export type KnowledgeCacheOutcome = { kind: 'hit'; file: string } | { kind: 'loaded'; file: string; reason: string };

export interface KnowledgeCacheOptions {
  /** Loads and validates the folder on a miss (loadKnowledge unless a caller needs another). */
  load?: (dir: string) => Knowledge;
  report?: (outcome: KnowledgeCacheOutcome) => void;
}

/** The cache file for knowledge of content hash `id`. */
export function knowledgeCacheFile(cacheDir: string, id: string): string {
  return join(cacheDir, `knowledge-${id}-v${FORMAT}.bin`);
}

/**
 * The knowledge of `dir`: read back from `cacheDir` when a snapshot of the same content is there, else
 * loaded and validated (throwing its KnowledgeErrors as `loadKnowledge` does) and cached for next time.
 * The loading and validating code (the YAML parser, the schemas and zod) is imported only on a miss: a
 * start from the cache never pays for it.
 */
export async function loadKnowledgeCached(dir: string, cacheDir: string, options: KnowledgeCacheOptions = {}): Promise<Knowledge> {
  const root = resolve(dir);
  const id = knowledgeId(root);
  const file = knowledgeCacheFile(cacheDir, id);
  let reason: string;
  try {
    const knowledge = revive(deserialize(readFileSync(file)) as Stored, id, root);
    options.report?.({ kind: 'hit', file });
    return knowledge;
  } catch (e) {
    reason = (e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no cached knowledge' : `cached knowledge unreadable: ${(e as Error).message}`;
  }
  const load = options.load ?? (await import('./knowledge.ts')).loadKnowledge;
  const knowledge = load(root);
  if (knowledge.id !== id) reason += '; not cached: the files changed while they were being loaded';
  else {
    try {
      saveKnowledge(knowledge, cacheDir);
    } catch (e) {
      reason += `; could not cache it: ${(e as Error).message}`;
    }
  }
  options.report?.({ kind: 'loaded', file, reason });
  return knowledge;
}

/** The knowledge as stored: itself, with the passage store as its columns. */
type Stored = Omit<Knowledge, 'passages'> & { passages: PassageColumns; format: number };

/** Writes the knowledge to the cache atomically (temporary file, then rename) and removes older snapshots. */
export function saveKnowledge(knowledge: Knowledge, cacheDir: string): string {
  mkdirSync(cacheDir, { recursive: true });
  const file = knowledgeCacheFile(cacheDir, knowledge.id);
  const stored: Stored = { ...knowledge, passages: knowledge.passages.columns, format: FORMAT };
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, serialize(stored));
  renameSync(tmp, file);
  for (const f of readdirSync(cacheDir)) {
    if (f.startsWith('knowledge-') && !f.endsWith('.tmp') && join(cacheDir, f) !== file) rmSync(join(cacheDir, f), { force: true });
  }
  return file;
}

/** The Knowledge value of a stored snapshot, checked to be the one wanted. */
function revive(stored: Stored, id: string, root: string): Knowledge {
  if (!stored || typeof stored !== 'object' || stored.format !== FORMAT) throw new Error('not a knowledge snapshot of this version');
  if (stored.id !== id) throw new Error(`it holds knowledge ${stored.id}, not ${id}`);
  if (!(stored.documents instanceof Map) || !stored.passages?.start) throw new Error('it lacks documents or passages');
  const { format: _, passages, ...rest } = stored;
  // node:v8 reads typed arrays as views over the file's buffer: copied, so the buffer itself is not kept.
  const columns = Object.fromEntries(
    Object.entries(passages).map(([key, v]) => [key, ArrayBuffer.isView(v) ? (v as Uint32Array).slice() : v]),
  ) as unknown as PassageColumns;
  return { ...rest, dir: root, passages: Passages.revive(columns, rest.documents) } as Knowledge;
}
