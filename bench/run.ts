/**
 * `npm run bench`: generates synthetic corpora (10k, 100k and 1M passages, with a Zipf vocabulary) and
 * measures building, the cold start from the snapshots, memory, answer latency, and FlexSearch and
 * MiniSearch on the same passages and questions as anchors; then load-tests the Slack HTTP receiver.
 *   --small (or BENCH_SMALL=1)  1k and 5k passages, 300 questions, no load test: under a minute
 *   --json                      print one JSON object instead of the tables
 *   --load                      only the HTTP load test (on the seeds);  --no-load  skip it
 *   --sizes 1000,20000          --questions N                --out DIR (default bench/out)
 */
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { readFileSync } from 'node:fs';
import { benchSize, PROJECT_ROOT, runChild, type SizeResult } from './sizes.ts';
import type { LoadResult } from './load.ts';
import { formatAnchorTable, formatLoadTable, formatSizeTable, formatTargets } from './table.ts';
import { EXIT_USAGE, readCommandLine, UsageError } from '../src/cli/args.ts';

/** What to run: corpus sizes, questions per size, where to write, and whether to load-test. */
export interface BenchOptions {
  sizes: number[];
  questions: number;
  outDir: string;
  load: boolean;
  sizesToo: boolean;
  mode: 'full' | 'small';
  /** Progress lines go here (stderr by default); pass () => {} for silence. */
  log?: (line: string) => void;
}

/** The whole run, as `--json` prints it. */
export interface BenchReport {
  machine: Machine;
  mode: 'full' | 'small';
  sizes: SizeResult[];
  load?: LoadResult;
}

/** The machine the numbers came from. */
export interface Machine {
  cpus: number;
  cpuModel: string;
  memoryGb: number;
  node: string;
}

/** The options `--small` (or BENCH_SMALL=1) stands for. */
export const SMALL: Pick<BenchOptions, 'sizes' | 'questions' | 'load'> = { sizes: [1000, 5000], questions: 300, load: false };
/** The options of a full run. */
export const FULL: Pick<BenchOptions, 'sizes' | 'questions' | 'load'> = { sizes: [10_000, 100_000, 1_000_000], questions: 1500, load: true };

/** Runs the benchmark and returns every measurement. */
export async function runBench(options: BenchOptions): Promise<BenchReport> {
  const log = options.log ?? ((l: string) => process.stderr.write(`${l}\n`));
  const sizes: SizeResult[] = [];
  if (options.sizesToo) {
    for (const size of options.sizes) {
      log(`bench: ${size.toLocaleString('en-GB')} passages…`);
      sizes.push(await benchSize(size, options.questions, options.outDir, undefined, log));
    }
  }
  let load: LoadResult | undefined;
  if (options.load) {
    // Against the largest corpus just measured up to 100k passages (its snapshots are warm), else the bundled seeds.
    const size = sizes.filter((s) => s.size <= 100_000).at(-1)?.size;
    const args: { knowledgeDir?: string; cacheDir?: string; label?: string } = size
      ? { knowledgeDir: join(options.outDir, `corpus-${size}`), cacheDir: join(options.outDir, `cache-${size}`), label: `${size} passages` }
      : {};
    log(`bench: HTTP load test (${args.label ?? 'seeds'})…`);
    load = await runChild<LoadResult>('load.ts', args, 120_000);
  }
  return { machine: describeMachine(), mode: options.mode, sizes, load };
}

/** CPU count and model, memory and Node version of this machine. */
export function describeMachine(): Machine {
  let cpuModel = cpus()[0]?.model ?? 'unknown';
  try {
    cpuModel = /model name\s*:\s*(.+)/.exec(readFileSync('/proc/cpuinfo', 'utf8'))?.[1] ?? cpuModel;
  } catch {
    // not Linux: os.cpus() will do
  }
  return { cpus: cpus().length, cpuModel: cpuModel.trim(), memoryGb: Math.round(totalmem() / 2 ** 30), node: process.version };
}

/** What `npm run bench -- --help` prints. */
export const BENCH_USAGE = `usage: npm run bench -- [--small] [--json] [--load | --no-load] [--sizes 1000,20000] [--questions N] [--out DIR]
  --small       1k and 5k passages, 300 questions, no load test (also BENCH_SMALL=1)
  --json        one JSON object on standard output
  --load        only the load test of the HTTP receiver, on the seeds; --no-load skips it
  --sizes       passage counts to generate, comma-separated
  --questions   questions asked at each size
  --out DIR     where reports go (default bench/out/)`;

const BENCH_OPTIONS = {
  small: { type: 'boolean' },
  json: { type: 'boolean' },
  load: { type: 'boolean' },
  'no-load': { type: 'boolean' },
  sizes: { type: 'string' },
  questions: { type: 'string' },
  out: { type: 'string' },
} as const;

/** Reads the command line into options (node:util parseArgs, strict); throws UsageError for an unknown flag or a bad number. */
export function parseArgs(argv: string[], env: NodeJS.ProcessEnv = process.env): BenchOptions & { json: boolean; help: boolean } {
  const { values: v } = readCommandLine(argv, BENCH_OPTIONS);
  const small = v.small === true || env.BENCH_SMALL === '1';
  const preset = small ? SMALL : FULL;
  const onlyLoad = v.load === true;
  const sizes = v.sizes?.split(',').map(Number);
  if (sizes?.some((n) => !Number.isInteger(n) || n <= 0))
    throw new UsageError(`--sizes takes passage counts separated by commas, e.g. 1000,20000 (got "${v.sizes}")`);
  const questions = v.questions === undefined ? preset.questions : Number(v.questions);
  if (!Number.isInteger(questions) || questions <= 0) throw new UsageError(`--questions takes a whole number above 0 (got "${v.questions}")`);
  return {
    sizes: sizes ?? preset.sizes,
    questions,
    outDir: v.out ?? join(PROJECT_ROOT, 'bench', 'out'),
    load: onlyLoad || (preset.load && v['no-load'] !== true),
    sizesToo: !onlyLoad,
    mode: small ? 'small' : 'full',
    json: v.json === true,
    help: v.help === true,
  };
}

/** Reads the command line, or prints what was wrong with the usage and exits 2 (-h prints the usage and exits 0). */
function optionsOrExit(argv: string[]): BenchOptions & { json: boolean } {
  try {
    const options = parseArgs(argv);
    if (!options.help) return options;
    console.log(BENCH_USAGE);
    process.exit(0);
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    console.error(`bench: ${e.message}\n${BENCH_USAGE}`);
    process.exit(EXIT_USAGE);
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const options = optionsOrExit(process.argv.slice(2));
  const report = await runBench(options);
  if (options.json) process.stdout.write(`${JSON.stringify(report)}\n`);
  else {
    const m = report.machine;
    console.log(`${m.cpus} × ${m.cpuModel}, ${m.memoryGb} GB, Node ${m.node}\n`);
    if (report.sizes.length) {
      console.log(`${formatSizeTable(report.sizes)}\n\nThe anchors, on the same passages and questions:\n\n${formatAnchorTable(report.sizes)}\n`);
      console.log(formatTargets(report.sizes));
    }
    if (report.load) {
      const l = report.load;
      console.log(
        `\nHTTP receiver on 127.0.0.1, answering from ${l.knowledge} (app process: ${l.serverCpuMsPerEvent} ms CPU an event, ${l.serverErrors} errors logged):\n${formatLoadTable(l)}`,
      );
    }
  }
}
