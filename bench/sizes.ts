/** Benchmarks one corpus size: generate it, then build and serve it each in a fresh child process. */
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateCorpus } from './corpus.ts';
import type { BuildResult, MeasureArgs, ServeResult } from './measure.ts';
import { makeQuestions } from './questions.ts';
import { round, since } from './stats.ts';

/** The project folder (children run with it as their working directory). */
export const PROJECT_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** Everything measured for one corpus size. */
export interface SizeResult {
  /** Searchable passages asked for. */
  size: number;
  generateMs: number;
  build: BuildResult;
  serve: ServeResult;
  /** p50(engine) / p50(raw MiniSearch OR search on the engine's terms), over the same questions. */
  overhead: number;
}

/** Runs a TypeScript module of this folder in a child Node process (through tsx) and returns its last JSON line. */
export function runChild<T>(script: string, arg: unknown, timeoutMs = 600_000): Promise<T> {
  return new Promise((ok, fail) => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(PROJECT_ROOT, 'bench', script), JSON.stringify(arg)], {
      cwd: PROJECT_ROOT, stdio: ['ignore', 'pipe', 'pipe'], timeout: timeoutMs,
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    child.on('error', fail);
    child.on('close', (code, signal) => {
      const line = out.trim().split('\n').reverse().find((l) => l.startsWith('{'));
      if (code === 0 && line) ok(JSON.parse(line) as T);
      else fail(new Error(`bench/${script} ${signal ? `was stopped by ${signal}` : `exited with ${code}`}:\n${err.slice(-2000)}`));
    });
  });
}

/** Generates a corpus of `size` passages under `outDir` and measures it. */
export async function benchSize(size: number, questionCount: number, outDir: string, seed = 20170331): Promise<SizeResult> {
  const dir = join(outDir, `corpus-${size}`);
  const t = performance.now();
  const corpus = generateCorpus(dir, size, seed);
  const questionsFile = join(outDir, `questions-${size}.json`);
  writeFileSync(questionsFile, JSON.stringify(makeQuestions(corpus, questionCount, seed + size)));
  const generateMs = round(since(t), 0);
  const cacheDir = join(outDir, `cache-${size}`);
  const base: Omit<MeasureArgs, 'phase'> = { dir, cacheDir, questionsFile, warmup: Math.min(100, Math.floor(questionCount / 10)) };
  const build = await runChild<BuildResult>('measure.ts', { ...base, phase: 'build' });
  const serve = await runChild<ServeResult>('measure.ts', { ...base, phase: 'serve' });
  return { size, generateMs, build, serve, overhead: round(serve.engineOnRawSample.p50 / Math.max(serve.raw.p50, 1e-6), 4) };
}
