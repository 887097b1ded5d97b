/**
 * `npm run digest -- …`:
 *   --from 2016-01-01 --to 2016-12-31 [--filter …] [--json] [--compare OLD_DIR]   print a digest for a window
 *   --run-due                                                                     post what is due once (for cron)
 *   --knowledge DIR (or KNOWLEDGE_DIR)                                            another seeds folder
 * --run-due reads SLACK_BOT_TOKEN, SLACK_API_URL and DATABASE_URL or DATA_DIR.
 */
import { parseDateInput } from '../knowledge/dates.ts';
import { EXIT_USAGE, readCommandLine, UsageError } from './args.ts';
import { KnowledgeErrors } from '../knowledge/errors.ts';
import { loadKnowledge, type Knowledge } from '../knowledge/knowledge.ts';
import { openStore, storeOptionsFromEnv } from '../store/store.ts';
import { StoreError } from '../store/errors.ts';
import { buildDigest } from '../digest/build.ts';
import { FilterError } from '../digest/filter.ts';
import { createDigestClient, DigestPoster } from '../delivery/post.ts';
import { DIGEST_LOCK, newOwnerId, runDueDigests } from '../delivery/run.ts';
import { factSnapshot } from '../digest/snapshot.ts';
import { digestJson, digestText } from '../render/digestText.ts';

/** Where the CLI writes (process will do: `runDigestCli(argv, process)`), and the environment it reads. */
export interface DigestCliIo {
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown };
  env?: Record<string, string | undefined>;
}

/** What `npm run digest -- --help` prints. */
export const DIGEST_USAGE = `usage: npm run digest -- --from YYYY-MM-DD --to YYYY-MM-DD [--filter "region, STP/ICB or organisation"] [--json] [--compare OLD_KNOWLEDGE_DIR] [--knowledge DIR]
       npm run digest -- --run-due [--knowledge DIR]      (posts due digests once; reads SLACK_BOT_TOKEN, SLACK_API_URL, DATABASE_URL or DATA_DIR)
Dates may also be a month (2018-04) or a year (2018). A filter is a region (East of England, Y61),
an STP/ICB (QH8, Mid and South Essex) or an organisation (Thurrock CCG, 07G).`;

interface Options {
  from?: string;
  to?: string;
  filter?: string;
  json: boolean;
  runDue: boolean;
  knowledge?: string;
  compare?: string;
  help: boolean;
}

/** Runs the digest command line; returns the exit code (0 ok, 1 failed, 2 bad usage). */
export async function runDigestCli(argv: string[], io: DigestCliIo): Promise<number> {
  const env = io.env ?? process.env;
  const say = (text: string) => io.stdout.write(`${text}\n`);
  const complain = (text: string) => io.stderr.write(`${text}\n`);
  const parsed = parseOptions(argv, env);
  if (typeof parsed === 'string') {
    complain(`${parsed}\n${DIGEST_USAGE}`);
    return EXIT_USAGE;
  }
  if (parsed.help) {
    say(DIGEST_USAGE);
    return 0;
  }
  try {
    const knowledge = loadKnowledge(parsed.knowledge);
    if (parsed.runDue) return await runDue(knowledge, env, say, complain);
    return windowDigest(knowledge, parsed, say, complain);
  } catch (e) {
    if (e instanceof KnowledgeErrors || e instanceof StoreError || e instanceof FilterError) {
      complain(e.message);
      return 1;
    }
    throw e;
  }
}

function windowDigest(knowledge: Knowledge, o: Options, say: (t: string) => void, complain: (t: string) => void): number {
  const from = o.from ? parseDateInput(o.from) : null;
  const to = o.to ? parseDateInput(o.to) : null;
  if (!from || !to) {
    complain(`give a window: --from and --to\n${DIGEST_USAGE}`);
    return 2;
  }
  if (typeof from === 'string' || typeof to === 'string') {
    complain(`--from/--to: ${typeof from === 'string' ? from : to}`);
    return 2;
  }
  if (from.start > to.end) {
    complain(`--from (${from.start}) is after --to (${to.end}): swap them`);
    return 2;
  }
  const since = o.compare ? factSnapshot(loadKnowledge(o.compare)) : null;
  const digest = buildDigest(knowledge, { from: from.start, to: to.end, filter: o.filter ?? null, since });
  say(o.json ? JSON.stringify(digestJson(knowledge, digest)) : digestText(knowledge, digest));
  return 0;
}

async function runDue(knowledge: Knowledge, env: Record<string, string | undefined>, say: (t: string) => void, complain: (t: string) => void): Promise<number> {
  const token = env.SLACK_BOT_TOKEN;
  if (!token) {
    complain('--run-due needs SLACK_BOT_TOKEN (the Bot User OAuth Token, xoxb-…) to post digests.');
    return 2;
  }
  const store = await openStore(storeOptionsFromEnv(env));
  const owner = newOwnerId();
  try {
    const poster = new DigestPoster(createDigestClient(token, env.SLACK_API_URL || undefined));
    const logger = {
      info: (...a: unknown[]) => say(a.join(' ')),
      warn: (...a: unknown[]) => complain(a.join(' ')),
      error: (...a: unknown[]) => complain(a.join(' ')),
    };
    const report = await runDueDigests({ store, knowledge: () => knowledge, poster, owner, logger });
    if (!report.locked) return 0;
    say(
      `digests: ${report.posted.length} posted, ${report.skipped.length} quiet (not posted), ${report.recovered.length} recovered after a crash, ${report.failed.length} failed, ${report.paused.length} paused.`,
    );
    for (const p of report.paused) complain(`paused ${p.channel}: ${p.reason}`);
    for (const f of report.failed) complain(`failed ${f.channel} (digest ${f.id}): ${f.error}`);
    return report.failed.length ? 1 : 0;
  } finally {
    await store.releaseLock(DIGEST_LOCK, owner);
    await store.close();
  }
}

/** The digest command's flags, read by node:util parseArgs (strict). */
const DIGEST_OPTIONS = {
  from: { type: 'string' },
  to: { type: 'string' },
  filter: { type: 'string' },
  json: { type: 'boolean' },
  'run-due': { type: 'boolean' },
  knowledge: { type: 'string' },
  compare: { type: 'string' },
} as const;

function parseOptions(argv: string[], env: Record<string, string | undefined>): Options | string {
  try {
    const { values: v } = readCommandLine(argv, DIGEST_OPTIONS);
    return {
      from: v.from,
      to: v.to,
      filter: v.filter,
      compare: v.compare,
      json: v.json === true,
      runDue: v['run-due'] === true,
      help: v.help === true,
      knowledge: v.knowledge ?? (env.KNOWLEDGE_DIR || undefined),
    };
  } catch (e) {
    if (e instanceof UsageError) return e.message;
    throw e;
  }
}
