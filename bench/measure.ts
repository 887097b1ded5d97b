/**
 * One measurement, run in its own child process so corpus sizes never share a heap:
 *   build  load the knowledge, build every index from scratch, save the passage snapshot;
 *   serve  cold-start from the snapshot, then time engine answers and raw MiniSearch on the same terms.
 * Prints one JSON line on stdout.
 */
import { readFileSync } from 'node:fs';
import { Engine } from '../src/engine/engine.ts';
import { loadIntents } from '../src/engine/intents.ts';
import { IntentMatcher } from '../src/engine/matcher.ts';
import { loadKnowledge } from '../src/knowledge/knowledge.ts';
import { buildIndexesCached, saveSnapshot, type CacheOutcome } from '../src/search/indexCache.ts';
import { buildIndexes, passageWordCounts } from '../src/search/indexes.ts';
import { buildPassageIndex } from '../src/search/passageIndex.ts';
import { passageLinks } from '../src/search/linking.ts';
import { parseQuestion } from '../src/search/question.ts';
import type { BenchQuestion } from './questions.ts';
import { round, since, summarise } from './stats.ts';

/** What the parent asks of one measuring child. */
export interface MeasureArgs {
  phase: 'build' | 'serve';
  dir: string;
  cacheDir: string;
  questionsFile?: string;
  /** Questions answered before timing starts (JIT warm-up); they are not counted. */
  warmup?: number;
  /** At most this many questions are also put to raw MiniSearch (default 300). */
  rawSample?: number;
}

/** Loading and indexing from scratch, and saving the snapshot. */
export interface BuildResult {
  phase: 'build';
  passages: number;
  documents: number;
  loadMs: number;
  indexMs: number;
  /** Of indexMs, linking every passage to the register, people, dates and cues (src/search/linking.ts). */
  linkMs: number;
  snapshotMs: number;
  snapshotBytes: number;
  maxRssMb: number;
}

/** Latency percentiles in milliseconds over `count` samples. */
export interface Latency {
  p50: number;
  p99: number;
  max: number;
  count: number;
}

/** Starting from the snapshot and answering the questions. */
export interface ServeResult {
  phase: 'serve';
  cache: CacheOutcome['kind'];
  /** Loading the knowledge and the snapshot until the engine can answer. */
  coldStartMs: number;
  /** Of coldStartMs, linking every passage (it is not in the snapshot: it runs at every start). */
  linkMs: number;
  /** From process start until the engine can answer (adds Node, tsx and imports). */
  readyMs: number;
  engine: Latency;
  /** Raw MiniSearch OR search on the engine's terms, over a sample of the questions. */
  raw: Latency;
  /** The engine's latency over the same sample, for the overhead ratio. */
  engineOnRawSample: Latency;
  byKind: Record<string, Latency>;
  answered: number;
  /** Peak RSS while starting and answering. */
  maxRssMb: number;
  /** Peak RSS once raw MiniSearch searches have run too. */
  maxRssWithRawMb: number;
  heapUsedMb: number;
}

const rssMb = () => round(process.resourceUsage().maxRSS / 1024, 0);
const latency = (samples: number[]): Latency => {
  const s = summarise(samples);
  return { p50: round(s.p50, 3), p99: round(s.p99, 3), max: round(s.max, 3), count: s.count };
};

async function build(args: MeasureArgs): Promise<BuildResult> {
  const intents = await loadIntents();
  let t = performance.now();
  const knowledge = loadKnowledge(args.dir);
  const loadMs = since(t);
  t = performance.now();
  const words = passageWordCounts(knowledge.passages);
  const linkStart = performance.now();
  passageLinks(knowledge);
  const linkMs = since(linkStart);
  const indexes = buildIndexes(knowledge, buildPassageIndex(knowledge.passages), words);
  new Engine(knowledge, intents, indexes);
  const indexMs = since(t);
  t = performance.now();
  const file = saveSnapshot({ index: indexes.passages, words }, knowledge, args.cacheDir);
  const snapshotMs = since(t);
  return {
    phase: 'build', passages: indexes.passages.documentCount, documents: knowledge.documents.size, loadMs: round(loadMs, 0), indexMs: round(indexMs, 0), linkMs: round(linkMs, 0),
    snapshotMs: round(snapshotMs, 0), snapshotBytes: readFileSync(file).length, maxRssMb: rssMb(),
  };
}

async function serve(args: MeasureArgs): Promise<ServeResult> {
  const questions = JSON.parse(readFileSync(args.questionsFile!, 'utf8')) as BenchQuestion[];
  const intents = await loadIntents();
  let cache: CacheOutcome['kind'] = 'built';
  const t = performance.now();
  const knowledge = loadKnowledge(args.dir);
  const linkStart = performance.now();
  passageLinks(knowledge);
  const linkMs = since(linkStart);
  const engine = new Engine(knowledge, intents, buildIndexesCached(knowledge, args.cacheDir, (o) => (cache = o.kind)));
  const coldStartMs = since(t);
  // performance.now() counts from process start: this includes Node's boot, tsx and the module imports.
  const readyMs = performance.now();

  // The engine's own reading of each question gives the terms raw MiniSearch is asked for.
  const known = new IntentMatcher(intents).vocabulary;
  const terms = questions.map((q) => parseQuestion(q.text, engine.indexes, known).terms.join(' '));
  const warmup = args.warmup ?? 100;
  for (const q of questions.slice(0, warmup)) engine.ask(q.text);

  const engineMs: number[] = [];
  const byKind = new Map<string, number[]>();
  let answered = 0;
  for (const q of questions) {
    const start = performance.now();
    const answer = engine.ask(q.text);
    const ms = since(start);
    engineMs.push(ms);
    if (answer.answered) answered++;
    const kind = byKind.get(q.kind) ?? [];
    kind.push(ms);
    byKind.set(q.kind, kind);
  }
  // Peak memory of answering, before raw MiniSearch's large result lists swell the heap.
  const maxRssMb = rssMb();

  // Raw MiniSearch (a plain OR search) on an evenly spaced sample: at 100k passages each search takes ~0.2 s.
  const step = Math.max(1, Math.ceil(questions.length / (args.rawSample ?? 300)));
  const sample = questions.map((_, i) => i).filter((i) => i % step === 0);
  for (const i of sample.slice(0, 20)) engine.indexes.passages.search(terms[i]);
  const rawMs = sample.map((i) => {
    const start = performance.now();
    engine.indexes.passages.search(terms[i]);
    return since(start);
  });
  return {
    phase: 'serve', cache, coldStartMs: round(coldStartMs, 0), linkMs: round(linkMs, 0), readyMs: round(readyMs, 0), engine: latency(engineMs), raw: latency(rawMs),
    engineOnRawSample: latency(sample.map((i) => engineMs[i])),
    byKind: Object.fromEntries([...byKind].map(([k, v]) => [k, latency(v)])), answered,
    maxRssMb, maxRssWithRawMb: rssMb(), heapUsedMb: round(process.memoryUsage().heapUsed / 2 ** 20, 0),
  };
}

const args = JSON.parse(process.argv[2]) as MeasureArgs;
const result = args.phase === 'build' ? await build(args) : await serve(args);
process.stdout.write(`${JSON.stringify(result)}\n`);
