/**
 * A snapshot cache for the passage index: building it over a large corpus takes seconds, reading a
 * snapshot far less. The snapshot is the binary index (binaryIndex.ts: typed arrays read as views over
 * one buffer) and the passages' word counts, the vocabulary's main source, so a cold start need not read
 * every passage again. Knowledge small enough for MiniSearch gets MiniSearch, built from the passages in
 * milliseconds. A snapshot is keyed by the knowledge's content hash and by a fingerprint of the index
 * options (fields, tokenizer, stemmer, stop words), so a stale snapshot is never used; a mismatched,
 * truncated or corrupt one is rebuilt and replaced.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Knowledge } from '../knowledge/knowledge.ts';
import { BinaryIndex, buildBinaryIndex } from './binaryIndex.ts';
import { isStrings, isU32, pack, section, unpack } from './packed.ts';
import { buildIndexes, passageWordCounts, type Indexes } from './indexes.ts';
import { loadOrBuildLinks } from './linkCache.ts';
import {
  BINARY_INDEX_FROM,
  buildBinaryPassageIndex,
  buildPassageIndex,
  buildSearchIndex,
  isIndexed,
  isIndexedKind,
  passageContext,
  PASSAGE_INDEX_OPTIONS,
  type PassageIndex,
} from './passageIndex.ts';
import { normalise, stem, STOP_WORDS } from './text.ts';
import { wordList, type WordList } from './vocabulary.ts';

/** Bump by hand when the index changes in a way the fingerprint below cannot see. */
const FORMAT = 8;

/** A fingerprint of everything that decides which terms the index holds: fields, what goes in them, tokenizer, stemmer, stop words. */
export const INDEX_OPTIONS_VERSION = createHash('sha256')
  .update(JSON.stringify({ FORMAT, fields: PASSAGE_INDEX_OPTIONS.fields }))
  .update(String(buildBinaryPassageIndex))
  .update(String(buildBinaryIndex))
  .update(String(isIndexed))
  .update(String(isIndexedKind))
  .update(String(passageContext))
  .update(String(passageWordCounts))
  .update(String(wordList))
  .update(String(PASSAGE_INDEX_OPTIONS.tokenize))
  .update(String(PASSAGE_INDEX_OPTIONS.processTerm))
  .update(String(normalise))
  .update(String(stem))
  .update([...STOP_WORDS].sort().join(' '))
  .digest('hex')
  .slice(0, 12);

/** What a snapshot's header says about it. */
interface SnapshotMeta {
  knowledgeId: string;
  optionsVersion: string;
  fields: readonly string[];
  documentCount: number;
}

/** What a snapshot holds: the passage index, and how often each word occurs in the passages (for the vocabulary). */
export interface PassageSnapshot {
  index: PassageIndex;
  /** The passages' words without stop words, for the vocabulary. */
  words: WordList;
}

/** What happened when the cache was consulted. */
export type CacheOutcome = { kind: 'hit'; file: string } | { kind: 'built'; file: string; reason: string };

/** The snapshot file for a knowledge snapshot. */
export function snapshotFile(knowledge: Knowledge, cacheDir: string): string {
  return join(cacheDir, `passages-${knowledge.id}-${INDEX_OPTIONS_VERSION}.bin`);
}

/** The passage index of `knowledge`, from its snapshot in `cacheDir` when one fits, else built and saved. */
export function loadOrBuildPassageIndex(knowledge: Knowledge, cacheDir: string, report?: (outcome: CacheOutcome) => void): PassageIndex {
  return loadOrBuildSnapshot(knowledge, cacheDir, report).index;
}

/** Every index of `knowledge`, with the passage index and the passages' words taken from (or saved to) the snapshot cache. */
export function buildIndexesCached(knowledge: Knowledge, cacheDir: string, report?: (outcome: CacheOutcome) => void): Indexes {
  const { index, words } = loadOrBuildSnapshot(knowledge, cacheDir, report);
  loadOrBuildLinks(knowledge, cacheDir);
  return buildIndexes(knowledge, index, words);
}

/** The snapshot of `knowledge` from `cacheDir` when one fits; otherwise built from the knowledge and saved. */
export function loadOrBuildSnapshot(knowledge: Knowledge, cacheDir: string, report?: (outcome: CacheOutcome) => void): PassageSnapshot {
  const file = snapshotFile(knowledge, cacheDir);
  const searchable = searchableCount(knowledge);
  let reason: string;
  try {
    const { index, words } = readSnapshot(readFileSync(file), knowledge.id, searchable);
    report?.({ kind: 'hit', file });
    // Small knowledge is searched with MiniSearch itself, built in milliseconds.
    return { index: searchable > BINARY_INDEX_FROM ? index : buildPassageIndex(knowledge.passages), words };
  } catch (e) {
    reason = (e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no snapshot' : (e as Error).message;
  }
  const binary = buildBinaryPassageIndex(knowledge.passages);
  const words = wordList(passageWordCounts(knowledge.passages), STOP_WORDS);
  try {
    saveSnapshot({ index: binary, words }, knowledge, cacheDir);
  } catch (e) {
    reason += `; could not save the snapshot: ${(e as Error).message}`;
  }
  report?.({ kind: 'built', file, reason });
  return { index: searchable > BINARY_INDEX_FROM ? binary : buildSearchIndex(knowledge.passages), words };
}

/** Writes the snapshot atomically (temporary file, then rename) and removes older snapshots; returns its path. */
export function saveSnapshot({ index, words }: { index: BinaryIndex; words: WordList }, knowledge: Knowledge, cacheDir: string): string {
  mkdirSync(cacheDir, { recursive: true });
  const file = snapshotFile(knowledge, cacheDir);
  const own = index.sections();
  const meta: SnapshotMeta = { ...own.meta, knowledgeId: knowledge.id, optionsVersion: INDEX_OPTIONS_VERSION };
  const buffer = pack(meta, { ...own.sections, words: words.words, wordCounts: words.counts, wordOrder: words.order, stems: words.stems });
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, buffer);
  renameSync(tmp, file);
  for (const f of readdirSync(cacheDir)) {
    if (f.startsWith('passages-') && join(cacheDir, f) !== file && !f.endsWith('.tmp')) rmSync(join(cacheDir, f), { force: true });
  }
  return file;
}

/** Checks a snapshot's header against what the knowledge needs, then reads it; throws saying why it does not fit. */
function readSnapshot(buffer: Buffer, knowledgeId: string, expectedCount: number): { index: BinaryIndex; words: WordList } {
  const u = unpack<SnapshotMeta>(buffer);
  const meta = u.meta;
  if (meta.knowledgeId !== knowledgeId) throw new Error(`snapshot is of knowledge ${meta.knowledgeId}, not ${knowledgeId}`);
  if (meta.optionsVersion !== INDEX_OPTIONS_VERSION) throw new Error(`snapshot index options ${meta.optionsVersion} differ from ${INDEX_OPTIONS_VERSION}`);
  if (meta.documentCount !== expectedCount) throw new Error(`snapshot holds ${meta.documentCount} passages, the knowledge ${expectedCount}`);
  const index = BinaryIndex.fromSections(u);
  const words: WordList = {
    words: section(u, 'words', isStrings),
    counts: section(u, 'wordCounts', isU32),
    order: section(u, 'wordOrder', isU32),
    stems: section(u, 'stems', isStrings),
  };
  if (words.words.length !== words.counts.length || words.words.length !== words.order.length)
    throw new Error('snapshot is damaged (its words, counts and order differ in number)');
  return { index, words };
}

/** How many passages the index of this knowledge holds (every one but the headings: read on the columns, none is made). */
function searchableCount(knowledge: Knowledge): number {
  const passages = knowledge.passages;
  let n = 0;
  for (let i = 0; i < passages.length; i++) if (isIndexedKind(passages.kindOf(i))) n++;
  return n;
}
