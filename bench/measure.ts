/**
 * One measurement, run in its own child process so corpus sizes (and the anchors) never share a heap:
 *   build       load and validate the knowledge, build every index from scratch, write the snapshots
 *               (the validated knowledge, the binary passage index and the links), as `npm run build-index` does;
 *   serve       cold-start from the snapshots, then time engine answers;
 *   minisearch  the same passages in MiniSearch, its plain OR search on the same questions (an anchor);
 *   flexsearch  the same in FlexSearch 0.8 (an anchor).
 * Children run with --expose-gc, so retained memory is measured after a full collection. Prints one JSON line.
 * bench/sizes.ts runs this module bundled the way `npm run build` bundles the app (scripts/build.ts).
 */
import { readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { getHeapStatistics } from 'node:v8';
import MiniSearch from 'minisearch';
import { Engine } from '../src/engine/engine.ts';
import { loadIntents } from '../src/engine/intents.ts';
import type { Knowledge } from '../src/knowledge/knowledge.ts';
import { knowledgeCacheFile, loadKnowledgeCached, saveKnowledge, type KnowledgeCacheOutcome } from '../src/knowledge/knowledgeCache.ts';
import { buildIndexesCached, saveSnapshot, type CacheOutcome } from '../src/search/indexCache.ts';
import { loadOrBuildLinks } from '../src/search/linkCache.ts';
import { buildIndexes, passageWordCounts } from '../src/search/indexes.ts';
import { buildBinaryPassageIndex, isIndexed, PASSAGE_INDEX_OPTIONS } from '../src/search/passageIndex.ts';
import { contentTerms, STOP_WORDS } from '../src/search/text.ts';
import { wordList } from '../src/search/vocabulary.ts';
import type { BenchQuestion } from './questions.ts';
import { round, since, summarise } from './stats.ts';

/** What the parent asks of one measuring child. */
export interface MeasureArgs {
  phase: 'build' | 'serve' | 'minisearch' | 'flexsearch';
  dir: string;
  cacheDir: string;
  questionsFile?: string;
  /** Questions answered before timing starts (JIT warm-up); they are not counted. */
  warmup?: number;
  /** Which questions the anchors are asked (indexes into the questions file). */
  sample?: number[];
}

/** Latency percentiles in milliseconds over `count` samples. */
export interface Latency {
  p50: number;
  p99: number;
  max: number;
  count: number;
}

/** Loading and indexing from scratch, and writing the snapshots. */
export interface BuildResult {
  phase: 'build';
  passages: number;
  documents: number;
  /** Distinct words of the passages, and distinct terms of the passage index. */
  vocabulary: number;
  terms: number;
  loadMs: number;
  indexMs: number;
  snapshotMs: number;
  snapshotBytes: number;
  knowledgeCacheBytes: number;
  maxRssMb: number;
  heapLimitMb: number;
}

/** Starting from the snapshots and answering the questions. */
export interface ServeResult {
  phase: 'serve';
  cache: { knowledge: KnowledgeCacheOutcome['kind']; index: CacheOutcome['kind'] };
  /** From the start of loading until the engine answers: reading and hashing every file, both snapshots, the indexes. */
  engineReadyMs: number;
  knowledgeMs: number;
  /**
   * From process start until the engine answers (adds Node's boot, the bundle's imports and the intents), less
   * `pauseMs`: the full collections this benchmark runs to measure memory before the start, which a real start has not.
   */
  readyMs: number;
  pauseMs: number;
  /** Peak RSS while starting, and RSS once started (after a collection). */
  startPeakRssMb: number;
  startedRssMb: number;
  /** Heap and off-heap memory the knowledge and its indexes keep, and how much of it the indexes. */
  retainedMb: number;
  indexesMb: number;
  engine: Latency;
  byKind: Record<string, Latency>;
  /** Each question's latency, so the parent can compare the anchors' sample question for question. */
  samples: number[];
  answered: number;
  /** Peak RSS while answering. */
  servingRssMb: number;
  heapLimitMb: number;
}

/** One anchor library over the same passages and questions. */
export interface AnchorResult {
  phase: 'minisearch' | 'flexsearch';
  buildMs: number;
  retainedMb: number;
  search: Latency;
  maxRssMb: number;
}

const mb = (bytes: number) => round(bytes / 2 ** 20, 1);
const maxRssMb = () => round(process.resourceUsage().maxRSS / 1024, 0);
const heapLimitMb = () => round(getHeapStatistics().heap_size_limit / 2 ** 20, 0);
const latency = (samples: number[]): Latency => {
  const s = summarise(samples);
  return { p50: round(s.p50, 3), p99: round(s.p99, 3), max: round(s.max, 3), count: s.count };
};

/**
 * Heap and off-heap bytes in use after full collections (children run with --expose-gc). V8 frees
 * array buffers' memory on a background thread after a collection, so this collects again until two
 * readings agree (at most ten rounds, 50 ms apart).
 */
async function retained(): Promise<number> {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error('bench/measure.ts needs node --expose-gc');
  let last = -1;
  for (let round = 0; round < 10; round++) {
    gc();
    const m = process.memoryUsage();
    const now = m.heapUsed + m.external;
    if (Math.abs(now - last) < 2 ** 18) return now;
    last = now;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return last;
}

async function build(args: MeasureArgs): Promise<BuildResult> {
  const intents = await loadIntents();
  // Imported here, as the app imports it only when the knowledge cache misses: the serve phase's imports are the app's.
  const { loadKnowledge } = await import('../src/knowledge/knowledge.ts');
  let t = performance.now();
  const knowledge = loadKnowledge(args.dir);
  const loadMs = since(t);
  t = performance.now();
  const words = wordList(passageWordCounts(knowledge.passages), STOP_WORDS);
  const binary = buildBinaryPassageIndex(knowledge.passages);
  new Engine(knowledge, intents, buildIndexes(knowledge, binary, words));
  const indexMs = since(t);
  t = performance.now();
  const file = saveSnapshot({ index: binary, words }, knowledge, args.cacheDir);
  saveKnowledge(knowledge, args.cacheDir);
  // And the passages' links, as build-index writes them: the serving phase reads all three snapshots.
  loadOrBuildLinks(knowledge, args.cacheDir);
  const snapshotMs = since(t);
  return {
    phase: 'build',
    passages: binary.documentCount,
    documents: knowledge.documents.size,
    vocabulary: words.words.length,
    terms: binary.data.terms.length,
    loadMs: round(loadMs, 0),
    indexMs: round(indexMs, 0),
    snapshotMs: round(snapshotMs, 0),
    snapshotBytes: statSync(file).size,
    knowledgeCacheBytes: statSync(knowledgeCacheFile(args.cacheDir, knowledge.id)).size,
    maxRssMb: maxRssMb(),
    heapLimitMb: heapLimitMb(),
  };
}

async function serve(args: MeasureArgs): Promise<ServeResult> {
  const questions = JSON.parse(readFileSync(args.questionsFile!, 'utf8')) as BenchQuestion[];
  const intents = await loadIntents();
  // Measuring memory before the start pauses for full collections (50 ms apart): the benchmark's pause, not
  // the start's, so it is taken out of the time from process start.
  const pausedAt = performance.now();
  const before = await retained();
  const pausedMs = since(pausedAt);
  const cache = { knowledge: 'loaded', index: 'built' } as ServeResult['cache'];
  const t = performance.now();
  const knowledge = await loadKnowledgeCached(args.dir, args.cacheDir, { report: (o) => (cache.knowledge = o.kind) });
  const knowledgeMs = since(t);
  const engine = new Engine(
    knowledge,
    intents,
    buildIndexesCached(knowledge, args.cacheDir, (o) => (cache.index = o.kind)),
  );
  const engineReadyMs = since(t);
  // performance.now() counts from process start: this includes Node's boot and the bundle's imports (this
  // module runs bundled by scripts/build.ts, as `npm start` runs dist/main.js, not through a TypeScript loader).
  const readyMs = performance.now() - pausedMs;
  const startPeakRssMb = maxRssMb();
  const after = await retained();
  const startedRssMb = mb(process.memoryUsage().rss);
  // The indexes alone: built once more from the snapshot beside the served ones, to measure what they hold.
  const withoutSecond = await retained();
  const second = buildIndexesCached(knowledge, args.cacheDir);
  const indexesMb = mb((await retained()) - withoutSecond);
  void second.vocabulary.size;

  const warmup = args.warmup ?? 100;
  for (const q of questions.slice(0, warmup)) engine.ask(q.text);
  const samples: number[] = [];
  const byKind = new Map<string, number[]>();
  let answered = 0;
  for (const q of questions) {
    const start = performance.now();
    const answer = engine.ask(q.text);
    const ms = since(start);
    samples.push(round(ms, 4));
    if (answer.answered) answered++;
    const kind = byKind.get(q.kind) ?? [];
    kind.push(ms);
    byKind.set(q.kind, kind);
  }
  return {
    phase: 'serve',
    cache,
    engineReadyMs: round(engineReadyMs, 0),
    knowledgeMs: round(knowledgeMs, 0),
    readyMs: round(readyMs, 0),
    pauseMs: round(pausedMs, 0),
    startPeakRssMb,
    startedRssMb,
    retainedMb: mb(after - before),
    indexesMb,
    engine: latency(samples),
    byKind: Object.fromEntries([...byKind].map(([k, v]) => [k, latency(v)])),
    samples,
    answered,
    servingRssMb: maxRssMb(),
    heapLimitMb: heapLimitMb(),
  };
}

/** The searchable passages as the anchors index them: the passage index's two fields. */
function anchorDocuments(knowledge: Knowledge): { id: number; text: string; context: string }[] {
  const docs: { id: number; text: string; context: string }[] = [];
  let id = 0;
  for (const p of knowledge.passages) {
    if (isIndexed(p)) docs.push({ id, text: p.text, context: [p.section, p.label].filter(Boolean).join(' ') });
    id++;
  }
  return docs;
}

/** A search library as an anchor: build over the documents, then one search a question. */
interface Anchor {
  build(docs: { id: number; text: string; context: string }[]): unknown;
  search(index: unknown, query: string): unknown;
}

const ANCHORS: Record<'minisearch' | 'flexsearch', Anchor> = {
  // MiniSearch as the engine configures it for passages, and its plain OR search.
  minisearch: {
    build: (docs) => {
      const index = new MiniSearch(PASSAGE_INDEX_OPTIONS);
      index.addAll(docs);
      return index;
    },
    search: (index, query) => (index as MiniSearch).search(query),
  },
  // FlexSearch 0.8's Document index with its defaults over the same two fields, and its bare search.
  flexsearch: {
    build: (docs) => {
      const { Document } = createRequire(import.meta.url)('flexsearch') as {
        Document: new (o: unknown) => { add(d: unknown): void; search(q: string, o: unknown): unknown };
      };
      const index = new Document({ document: { id: 'id', index: ['text', 'context'] } });
      for (const d of docs) index.add(d);
      return index;
    },
    search: (index, query) => (index as { search(q: string, o: unknown): unknown }).search(query, { limit: 10 }),
  },
};

async function anchor(args: MeasureArgs & { phase: 'minisearch' | 'flexsearch' }): Promise<AnchorResult> {
  const questions = JSON.parse(readFileSync(args.questionsFile!, 'utf8')) as BenchQuestion[];
  const knowledge = await loadKnowledgeCached(args.dir, args.cacheDir);
  const docs = anchorDocuments(knowledge);
  const queries = (args.sample ?? questions.map((_, i) => i)).map((i) => contentTerms(questions[i].text).join(' '));
  const a = ANCHORS[args.phase];
  const before = await retained();
  const t = performance.now();
  const index = a.build(docs);
  const buildMs = since(t);
  const retainedMb = mb((await retained()) - before);
  for (const q of queries.slice(0, 10)) a.search(index, q);
  const ms = queries.map((q) => {
    const start = performance.now();
    a.search(index, q);
    return since(start);
  });
  return { phase: args.phase, buildMs: round(buildMs, 0), retainedMb, search: latency(ms), maxRssMb: maxRssMb() };
}

const args = JSON.parse(process.argv[2]) as MeasureArgs;
const result =
  args.phase === 'build'
    ? await build(args)
    : args.phase === 'serve'
      ? await serve(args)
      : await anchor(args as MeasureArgs & { phase: 'minisearch' | 'flexsearch' });
process.stdout.write(`${JSON.stringify(result)}\n`);
