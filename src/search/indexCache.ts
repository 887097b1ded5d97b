/**
 * A snapshot cache for the passage index: building MiniSearch over a large corpus takes seconds, loading
 * its JSON far less. The snapshot also keeps the passages' word counts, the vocabulary's main source, so a
 * cold start need not read every passage again. A snapshot is keyed by the knowledge's content hash and by a fingerprint of the
 * index options (fields, tokenizer, stemmer, stop words), so a stale snapshot is never used; a
 * mismatched, truncated or corrupt one is rebuilt and replaced.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type MiniSearch from 'minisearch';
import type { Knowledge } from '../knowledge/knowledge.ts';
import { buildIndexes, passageWordCounts, type Indexes } from './indexes.ts';
import { buildPassageIndex, isIndexed, loadPassageIndex, passageContext, PASSAGE_INDEX_OPTIONS } from './passageIndex.ts';
import { normalise, stem, STOP_WORDS } from './text.ts';

/** Bump by hand when the index changes in a way the fingerprint below cannot see. */
const FORMAT = 3;

/** A fingerprint of everything that decides which terms the index holds: fields, what goes in them, tokenizer, stemmer, stop words. */
export const INDEX_OPTIONS_VERSION = createHash('sha256')
  .update(JSON.stringify({ FORMAT, fields: PASSAGE_INDEX_OPTIONS.fields, storeFields: PASSAGE_INDEX_OPTIONS.storeFields }))
  .update(String(buildPassageIndex))
  .update(String(isIndexed))
  .update(String(passageContext))
  .update(String(passageWordCounts))
  .update(String(PASSAGE_INDEX_OPTIONS.tokenize))
  .update(String(PASSAGE_INDEX_OPTIONS.processTerm))
  .update(String(normalise))
  .update(String(stem))
  .update([...STOP_WORDS].sort().join(' '))
  .digest('hex')
  .slice(0, 12);

interface SnapshotHeader {
  knowledgeId: string;
  optionsVersion: string;
  documentCount: number;
  /** Lengths in characters of the two JSON lines after the header: MiniSearch's index, then the word counts. */
  indexLength: number;
  wordsLength: number;
}

/** What a snapshot holds: the passage index, and how often each word occurs in the passages (for the vocabulary). */
export interface PassageSnapshot {
  index: MiniSearch;
  words: Map<string, number>;
}

/** What happened when the cache was consulted. */
export type CacheOutcome = { kind: 'hit'; file: string } | { kind: 'built'; file: string; reason: string };

/** The snapshot file for a knowledge snapshot. */
export function snapshotFile(knowledge: Knowledge, cacheDir: string): string {
  return join(cacheDir, `passages-${knowledge.id}-${INDEX_OPTIONS_VERSION}.json`);
}

/** The passage index of `knowledge`, from its snapshot in `cacheDir` when one fits, else built and saved. */
export function loadOrBuildPassageIndex(knowledge: Knowledge, cacheDir: string, report?: (outcome: CacheOutcome) => void): MiniSearch {
  return loadOrBuildSnapshot(knowledge, cacheDir, report).index;
}

/** Every index of `knowledge`, with the passage index and the passages' words taken from (or saved to) the snapshot cache. */
export function buildIndexesCached(knowledge: Knowledge, cacheDir: string, report?: (outcome: CacheOutcome) => void): Indexes {
  const { index, words } = loadOrBuildSnapshot(knowledge, cacheDir, report);
  return buildIndexes(knowledge, index, words);
}

/** The snapshot of `knowledge` from `cacheDir` when one fits; otherwise built from the knowledge and saved. */
export function loadOrBuildSnapshot(knowledge: Knowledge, cacheDir: string, report?: (outcome: CacheOutcome) => void): PassageSnapshot {
  const file = snapshotFile(knowledge, cacheDir);
  let reason: string;
  try {
    const snapshot = parseSnapshot(readFileSync(file, 'utf8'), knowledge.id, searchableCount(knowledge));
    report?.({ kind: 'hit', file });
    return snapshot;
  } catch (e) {
    reason = (e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no snapshot' : (e as Error).message;
  }
  const snapshot = { index: buildPassageIndex(knowledge.passages), words: passageWordCounts(knowledge.passages) };
  try {
    saveSnapshot(snapshot, knowledge, cacheDir);
  } catch (e) {
    reason += `; could not save the snapshot: ${(e as Error).message}`;
  }
  report?.({ kind: 'built', file, reason });
  return snapshot;
}

/** Writes the snapshot atomically (temporary file, then rename) and removes older snapshots. */
export function saveSnapshot({ index, words }: PassageSnapshot, knowledge: Knowledge, cacheDir: string): string {
  mkdirSync(cacheDir, { recursive: true });
  const file = snapshotFile(knowledge, cacheDir);
  const indexJson = JSON.stringify(index);
  const wordsJson = JSON.stringify([...words]);
  const header: SnapshotHeader = {
    knowledgeId: knowledge.id, optionsVersion: INDEX_OPTIONS_VERSION, documentCount: index.documentCount, indexLength: indexJson.length, wordsLength: wordsJson.length,
  };
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, `${JSON.stringify(header)}\n${indexJson}\n${wordsJson}`);
  renameSync(tmp, file);
  for (const f of readdirSync(cacheDir)) {
    if (f.startsWith('passages-') && f.endsWith('.json') && join(cacheDir, f) !== file) rmSync(join(cacheDir, f), { force: true });
  }
  return file;
}

/** Checks a snapshot's header against what the knowledge needs, then loads it; throws saying why it does not fit. */
function parseSnapshot(raw: string, knowledgeId: string, expectedCount: number): PassageSnapshot {
  const newline = raw.indexOf('\n');
  if (newline < 0) throw new Error('snapshot has no header line');
  const header = JSON.parse(raw.slice(0, newline)) as Partial<SnapshotHeader>;
  if (header.knowledgeId !== knowledgeId) throw new Error(`snapshot is of knowledge ${header.knowledgeId}, not ${knowledgeId}`);
  if (header.optionsVersion !== INDEX_OPTIONS_VERSION) throw new Error(`snapshot index options ${header.optionsVersion} differ from ${INDEX_OPTIONS_VERSION}`);
  const indexStart = newline + 1;
  const wordsStart = indexStart + (header.indexLength ?? NaN) + 1;
  if (wordsStart + (header.wordsLength ?? NaN) !== raw.length || raw[wordsStart - 1] !== '\n') throw new Error('snapshot is truncated or damaged');
  const index = loadPassageIndex(raw.slice(indexStart, wordsStart - 1));
  if (index.documentCount !== expectedCount || header.documentCount !== expectedCount) throw new Error(`snapshot holds ${index.documentCount} passages, the knowledge ${expectedCount}`);
  return { index, words: new Map(JSON.parse(raw.slice(wordsStart)) as [string, number][]) };
}

/** How many passages the index of this knowledge holds. */
function searchableCount(knowledge: Knowledge): number {
  return knowledge.passages.reduce((n, p) => n + (isIndexed(p) ? 1 : 0), 0);
}
