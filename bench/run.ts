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
    const args: { knowledgeDir?: string; cacheDir?: string; label?: string } = size ? { knowledgeDir: join(options.outDir, `corpus-${size}`), cacheDir: join(options.outDir, `cache-${size}`), label: `${size} passages` } : {};
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

/** Reads the command line into options. */
export function parseArgs(argv: string[], env: NodeJS.ProcessEnv = process.env): BenchOptions & { json: boolean } {
  const has = (flag: string) => argv.includes(flag);
  const value = (flag: string) => {
    const i = argv.indexOf(flag);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const small = has('--small') || env.BENCH_SMALL === '1';
  const preset = small ? SMALL : FULL;
  const onlyLoad = has('--load');
  return {
    sizes: value('--sizes')?.split(',').map(Number).filter((n) => n > 0) ?? preset.sizes,
    questions: Number(value('--questions') ?? preset.questions),
    outDir: value('--out') ?? join(PROJECT_ROOT, 'bench', 'out'),
    load: onlyLoad || (preset.load && !has('--no-load')),
    sizesToo: !onlyLoad,
    mode: small ? 'small' : 'full',
    json: has('--json'),
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const options = parseArgs(process.argv.slice(2));
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
      console.log(`\nHTTP receiver on 127.0.0.1, answering from ${l.knowledge} (app process: ${l.serverCpuMsPerEvent} ms CPU an event, ${l.serverErrors} errors logged):\n${formatLoadTable(l)}`);
    }
  }
}
