/** The benchmark's results as Markdown tables (they paste straight into docs/benchmarks.md). */
import type { LoadResult } from './load.ts';
import type { SizeResult } from './sizes.ts';

function table(header: string[], rows: (string | number)[][]): string {
  const line = (cells: (string | number)[]) => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map(() => '---:')), ...rows.map(line)].join('\n');
}

const ms = (n: number) => (n >= 100 ? n.toFixed(0) : n >= 10 ? n.toFixed(1) : n.toFixed(2));

/** One row per corpus size. */
export function formatSizeTable(sizes: SizeResult[]): string {
  return table(
    ['passages', 'docs', 'load ms', 'index ms', 'cold start ms (from process start)', 'linking ms (build / start)', 'snapshot MB', 'p50 ms', 'p99 ms', 'raw p50 ms', 'raw p99 ms', 'engine/raw p50', 'answered', 'peak RSS MB (build / serve)'],
    sizes.map((s) => [
      s.build.passages.toLocaleString('en-GB'), s.build.documents.toLocaleString('en-GB'), s.build.loadMs, s.build.indexMs, `${s.serve.coldStartMs} (${s.serve.readyMs})`, `${s.build.linkMs} / ${s.serve.linkMs}`,
      (s.build.snapshotBytes / 2 ** 20).toFixed(1), ms(s.serve.engine.p50), ms(s.serve.engine.p99), ms(s.serve.raw.p50), ms(s.serve.raw.p99),
      `${s.overhead < 0.1 ? s.overhead.toPrecision(1) : s.overhead.toFixed(2)}×`, `${s.serve.answered}/${s.serve.engine.count}`, `${s.build.maxRssMb} / ${s.serve.maxRssMb}`,
    ]),
  );
}

/** One row per request rate. */
export function formatLoadTable(load: LoadResult): string {
  return table(
    ['target events/s', 'sent', 'acked', 'ack p50 ms', 'ack p99 ms', 'ack max ms', 'answers', 'answers/s', 'errors'],
    load.steps.map((s) => [s.rate, s.sent, s.acked, ms(s.ackP50), ms(s.ackP99), ms(s.ackMax), s.answers, s.answersPerSecond.toFixed(1), s.errors]),
  );
}
