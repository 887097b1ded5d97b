/**
 * Benchmarks one corpus size: generate it, then build it, serve it, and index it in MiniSearch and in
 * FlexSearch (the anchors), each in a fresh child process with an explicit heap limit. The measuring
 * child runs bundled by `npm run build`'s own bundler (plain JavaScript, as `npm start` runs), so its
 * cold start from process start counts Node's boot and the real imports, not a TypeScript loader.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundle } from '../scripts/build.ts';
import { generateCorpus } from './corpus.ts';
import type { AnchorResult, BuildResult, Latency, MeasureArgs, ServeResult } from './measure.ts';
import { makeQuestions } from './questions.ts';
import { round, since, summarise } from './stats.ts';

/** The project folder (children run with it as their working directory). */
export const PROJECT_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** Heap limit of every measuring child (MB): building a million passages must fit in 4 GB. */
export const HEAP_LIMIT_MB = 4096;
/** The anchors' heap limit: MiniSearch needs more than the engine to hold a million passages. */
export const ANCHOR_HEAP_LIMIT_MB = 8192;

/** An anchor's figures beside the engine's, on the same questions. */
export interface AnchorComparison extends Omit<AnchorResult, 'phase' | 'search'> {
  search: Latency;
  /** The engine's whole answer on the anchor's sample of questions. */
  engineOnSample: Latency;
  /** engine p50 / anchor p50, engine p99 / anchor p99, engine indexes / anchor index (memory). */
  p50Ratio: number;
  p99Ratio: number;
  memoryRatio: number;
}

/** Everything measured for one corpus size. */
export interface SizeResult {
  /** Searchable passages asked for. */
  size: number;
  generateMs: number;
  build: BuildResult;
  serve: Omit<ServeResult, 'samples'>;
  minisearch?: AnchorComparison;
  flexsearch?: AnchorComparison;
  /** The anchors' run, or why it did not run. */
  anchorsError?: string;
}

/**
 * Runs a module in a child Node process and returns its last JSON line: a bundle (.js) as it is, a
 * TypeScript module through tsx. A relative `script` is one of this folder.
 */
export function runChild<T>(script: string, arg: unknown, timeoutMs = 600_000, heapMb = HEAP_LIMIT_MB): Promise<T> {
  return new Promise((ok, fail) => {
    const flags = [`--max-old-space-size=${heapMb}`, '--expose-gc', ...(script.endsWith('.ts') ? ['--import', 'tsx'] : [])];
    const child = spawn(process.execPath, [...flags, isAbsolute(script) ? script : join(PROJECT_ROOT, 'bench', script), JSON.stringify(arg)], {
      cwd: PROJECT_ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
      timeout: timeoutMs,
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    child.on('error', fail);
    child.on('close', (code, signal) => {
      const line = out
        .trim()
        .split('\n')
        .reverse()
        .find((l) => l.startsWith('{'));
      if (code === 0 && line) ok(JSON.parse(line) as T);
      else fail(new Error(`${script} ${signal ? `was stopped by ${signal}` : `exited with ${code}`}:\n${err.slice(-2000)}`));
    });
  });
}

/** Questions the anchors are asked: evenly spaced, fewer at large sizes (MiniSearch's OR search takes a second each at 1M). */
export function anchorSample(questionCount: number, size: number): number[] {
  const wanted = Math.min(questionCount, size >= 500_000 ? 60 : 300);
  const step = questionCount / wanted;
  return Array.from({ length: wanted }, (_, i) => Math.floor(i * step));
}

/**
 * bench/measure.ts bundled as `npm run build` bundles the app (same bundler, options and built-in intents),
 * in a folder of its own under .tmp/ (inside the project, so its packages resolve); `done` removes it.
 */
export async function bundleMeasure(): Promise<{ script: string; done: () => void }> {
  mkdirSync(join(PROJECT_ROOT, '.tmp'), { recursive: true });
  const outdir = mkdtempSync(join(PROJECT_ROOT, '.tmp', 'bench-'));
  const { measure } = await bundle({ entryPoints: { measure: join(PROJECT_ROOT, 'bench', 'measure.ts') }, outdir });
  return { script: measure, done: () => rmSync(outdir, { recursive: true, force: true }) };
}

/** Generates a corpus of `size` passages under `outDir` and measures it. */
export async function benchSize(
  size: number,
  questionCount: number,
  outDir: string,
  seed = 20170331,
  log: (line: string) => void = () => {},
): Promise<SizeResult> {
  const dir = join(outDir, `corpus-${size}`);
  const t = performance.now();
  const corpus = generateCorpus(dir, size, seed);
  const questionsFile = join(outDir, `questions-${size}.json`);
  writeFileSync(questionsFile, JSON.stringify(makeQuestions(corpus, questionCount, seed + size)));
  const generateMs = round(since(t), 0);
  const cacheDir = join(outDir, `cache-${size}`);
  const base: Omit<MeasureArgs, 'phase'> = { dir, cacheDir, questionsFile, warmup: Math.min(100, Math.floor(questionCount / 10)) };
  const measure = await bundleMeasure();
  try {
    return await measureSize(measure.script, size, generateMs, base, questionCount, log);
  } finally {
    measure.done();
  }
}

async function measureSize(
  measure: string,
  size: number,
  generateMs: number,
  base: Omit<MeasureArgs, 'phase'>,
  questionCount: number,
  log: (line: string) => void,
): Promise<SizeResult> {
  log('  build…');
  const build = await runChild<BuildResult>(measure, { ...base, phase: 'build' }, 1_800_000);
  log('  serve…');
  const { samples, ...serve } = await runChild<ServeResult>(measure, { ...base, phase: 'serve' });
  const result: SizeResult = { size, generateMs, build, serve };
  const sample = anchorSample(questionCount, size);
  try {
    for (const phase of ['flexsearch', 'minisearch'] as const) {
      log(`  ${phase}…`);
      const a = await runChild<AnchorResult>(measure, { ...base, phase, sample }, 1_800_000, ANCHOR_HEAP_LIMIT_MB);
      const engineOnSample = latency(sample.map((i) => samples[i]));
      result[phase] = {
        buildMs: a.buildMs,
        retainedMb: a.retainedMb,
        maxRssMb: a.maxRssMb,
        search: a.search,
        engineOnSample,
        p50Ratio: round(engineOnSample.p50 / Math.max(a.search.p50, 1e-6), 4),
        p99Ratio: round(engineOnSample.p99 / Math.max(a.search.p99, 1e-6), 4),
        memoryRatio: round(serve.indexesMb / Math.max(a.retainedMb, 1e-6), 3),
      };
    }
  } catch (e) {
    result.anchorsError = (e as Error).message.split('\n')[0];
  }
  return result;
}

function latency(samples: number[]): Latency {
  const s = summarise(samples);
  return { p50: round(s.p50, 3), p99: round(s.p99, 3), max: round(s.max, 3), count: s.count };
}
