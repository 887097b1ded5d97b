/** The benchmark's results as Markdown tables (they paste straight into docs/benchmarks.md). */
import type { LoadResult } from './load.ts';
import type { SizeResult } from './sizes.ts';

function table(header: string[], rows: (string | number)[][]): string {
  const line = (cells: (string | number)[]) => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map(() => '---:')), ...rows.map(line)].join('\n');
}

const ms = (n: number) => (n >= 100 ? n.toFixed(0) : n >= 10 ? n.toFixed(1) : n.toFixed(2));

const n = (x: number) => x.toLocaleString('en-GB');
const ratio = (x: number) => `${x < 0.1 ? x.toPrecision(2) : x.toFixed(2)}×`;
const perThousand = (s: SizeResult) => (s.serve.retainedMb / (s.build.passages / 1000)).toFixed(2);

/** One row per corpus size: building, the cold start, memory, and the engine's answers. */
export function formatSizeTable(sizes: SizeResult[]): string {
  return table(
    [
      'passages',
      'docs',
      'vocabulary (words / terms)',
      'load + index s (build)',
      'build peak RSS MB',
      'engine ready ms (from process start)',
      'start peak / settled RSS MB',
      'retained MB (per 1k passages)',
      'p50 ms',
      'p99 ms',
      'serving RSS MB',
      'answered',
    ],
    sizes.map((s) => [
      n(s.build.passages),
      n(s.build.documents),
      `${n(s.build.vocabulary)} / ${n(s.build.terms)}`,
      ((s.build.loadMs + s.build.indexMs) / 1000).toFixed(1),
      s.build.maxRssMb,
      `${s.serve.engineReadyMs} (${s.serve.readyMs})`,
      `${s.serve.startPeakRssMb} / ${s.serve.startedRssMb.toFixed(0)}`,
      `${s.serve.retainedMb.toFixed(0)} (${perThousand(s)})`,
      ms(s.serve.engine.p50),
      ms(s.serve.engine.p99),
      s.serve.servingRssMb,
      `${s.serve.answered}/${s.serve.engine.count}`,
    ]),
  );
}

/** One row per corpus size and anchor: the anchor's build, memory and bare search beside the engine's whole answer. */
export function formatAnchorTable(sizes: SizeResult[]): string {
  const rows: (string | number)[][] = [];
  for (const s of sizes) {
    for (const [name, a] of [
      ['FlexSearch 0.8', s.flexsearch],
      ['MiniSearch 7', s.minisearch],
    ] as const) {
      if (!a) continue;
      rows.push([
        n(s.build.passages),
        name,
        (a.buildMs / 1000).toFixed(1),
        a.retainedMb.toFixed(0),
        s.serve.indexesMb.toFixed(0),
        ratio(a.retainedMb ? s.serve.indexesMb / a.retainedMb : 0),
        `${ms(a.search.p50)} / ${ms(a.search.p99)}`,
        `${ms(a.engineOnSample.p50)} / ${ms(a.engineOnSample.p99)}`,
        `${ratio(a.p50Ratio)} / ${ratio(a.p99Ratio)}`,
        a.search.count,
      ]);
    }
    if (s.anchorsError) rows.push([n(s.build.passages), `anchors failed: ${s.anchorsError}`, '', '', '', '', '', '', '', '']);
  }
  return table(
    [
      'passages',
      'anchor',
      'anchor build s',
      'anchor index MB',
      'engine indexes MB',
      'engine / anchor memory',
      'anchor search p50 / p99 ms',
      'engine answer p50 / p99 ms',
      'engine / anchor p50 / p99',
      'questions',
    ],
    rows,
  );
}

/** The targets, checked against the sizes that were run (100k and 1M passages). */
export function formatTargets(sizes: SizeResult[]): string {
  const lines: string[] = [];
  const check = (label: string, value: number, limit: number, unit: string) =>
    lines.push(`${value <= limit ? '✓' : '✗'} ${label}: ${value}${unit} (target ≤ ${limit}${unit})`);
  const at = (size: number) => sizes.find((s) => s.size === size);
  const k100 = at(100_000);
  if (k100) {
    check('100k cold start from process start', k100.serve.readyMs, 800, ' ms');
    check('100k engine ready', k100.serve.engineReadyMs, 500, ' ms');
    check('100k peak RSS while starting / settled RSS', Math.round((k100.serve.startPeakRssMb / k100.serve.startedRssMb) * 100) / 100, 1.5, '×');
    check('100k retained per 1,000 passages', Number(perThousand(k100)), 0.6, ' MB');
  }
  const m1 = at(1_000_000);
  if (m1) {
    check('1M cold start from process start', m1.serve.readyMs, 4000, ' ms');
    check('1M engine.ask p50', m1.serve.engine.p50, 2, ' ms');
    check('1M engine.ask p99', m1.serve.engine.p99, 30, ' ms');
    check('1M serving RSS', m1.serve.servingRssMb, 1024, ' MB');
    check('1M build peak RSS', m1.build.maxRssMb, m1.build.heapLimitMb, ' MB');
  }
  for (const s of sizes) {
    if (s.flexsearch) {
      check(`${n(s.size)}: engine answer p50 / FlexSearch bare search p50`, s.flexsearch.p50Ratio, 1, '×');
      check(`${n(s.size)}: engine indexes / FlexSearch index memory`, s.flexsearch.memoryRatio, 1, '×');
    }
  }
  return lines.join('\n');
}

/** One row per request rate. */
export function formatLoadTable(load: LoadResult): string {
  return table(
    ['target events/s', 'sent', 'acked', 'ack p50 ms', 'ack p99 ms', 'ack max ms', 'answers', 'answers/s', 'errors'],
    load.steps.map((s) => [s.rate, s.sent, s.acked, ms(s.ackP50), ms(s.ackP99), ms(s.ackMax), s.answers, s.answersPerSecond.toFixed(1), s.errors]),
  );
}
