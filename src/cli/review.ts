/**
 * `npm run review`: the most frequent unanswered questions and 👎 answers, with counts and dates,
 * from the store in DATA_DIR. `--csv` writes CSV to standard output (`> review.csv`).
 *   npm run review -- [--csv] [--since YYYY-MM-DD] [--limit N] [--data-dir DIR]
 */
import { parseArgs } from 'node:util';
import { reviewToCsv, reviewToText } from '../render/review.ts';
import { existsSync } from 'node:fs';
import { openStore, StoreError, storePath, type Store } from '../store/index.ts';

const USAGE = 'usage: npm run review -- [--csv] [--since YYYY-MM-DD] [--limit N] [--data-dir DIR]';

/** Runs the review command; returns the exit code (2 for a usage error). */
export async function runReview(argv: string[], out: NodeJS.WritableStream, err: NodeJS.WritableStream, env = process.env): Promise<number> {
  let values: { csv?: boolean; since?: string; limit?: string; 'data-dir'?: string; help?: boolean };
  try {
    ({ values } = parseArgs({
      args: argv,
      options: { csv: { type: 'boolean' }, since: { type: 'string' }, limit: { type: 'string' }, 'data-dir': { type: 'string' }, help: { type: 'boolean' } },
      strict: true,
    }));
  } catch (e) {
    err.write(`${e instanceof Error ? e.message : String(e)}\n${USAGE}\n`);
    return 2;
  }
  if (values.help) {
    out.write(`${USAGE}\n`);
    return 0;
  }
  if (values.since !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(values.since)) {
    err.write(`--since must be a date like 2026-11-01, not "${values.since}".\n${USAGE}\n`);
    return 2;
  }
  const limit = values.limit === undefined ? 50 : Number(values.limit);
  if (!Number.isInteger(limit) || limit < 1) {
    err.write(`--limit must be a whole number of at least 1, not "${values.limit}".\n${USAGE}\n`);
    return 2;
  }
  const dataDir = values['data-dir'] ?? (env.DATA_DIR || './data');
  // A mistyped DATA_DIR would otherwise create an empty store and report that nothing was missed.
  if (dataDir !== ':memory:' && !existsSync(storePath(dataDir))) {
    err.write(`There is no store at ${storePath(dataDir)}: set DATA_DIR (or --data-dir) to the folder the app runs with.\n`);
    return 1;
  }
  let store: Store;
  try {
    store = await openStore({ dataDir });
  } catch (e) {
    err.write(`${e instanceof StoreError ? e.message : String(e)}\n`);
    return 1;
  }
  try {
    const report = await store.review({ ...(values.since ? { since: values.since } : {}), limit });
    out.write(values.csv ? reviewToCsv(report) : `${reviewToText(report)}\n`);
    return 0;
  } finally {
    await store.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  process.exitCode = await runReview(process.argv.slice(2), process.stdout, process.stderr);
}
