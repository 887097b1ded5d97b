/**
 * Channel digests of commissioning changes. The app wires them with createDigests(); the engine
 * answers "what changed in April 2018?" with changesInWindow(); the CLI is runDigestCli().
 */
import type { Knowledge } from '../knowledge/knowledge.ts';
import type { SubscriptionsProvider } from '../slack/deps.ts';
import type { SubcommandHandler } from '../slack/subcommands.ts';
import type { Store } from '../store/store.ts';
import { parseAdmins } from './commands.ts';
import { createDigestClient, DigestPoster } from './post.ts';
import type { DigestLogger } from './run.ts';
import { startDigestScheduler, type DigestScheduler } from './scheduler.ts';
import { digestSubcommand, digestSubscriptionsProvider } from './slack.ts';

export { changesInWindow, type WindowOptions } from './window.ts';
export { buildDigest } from './build.ts';
export { resolveFilter, FilterError, type DigestFilter } from './filter.ts';
export { runDigestCommand } from './commands.ts';
export { runDueDigests, type RunReport } from './run.ts';
export { startDigestScheduler, type DigestScheduler } from './scheduler.ts';
/** The digest model, for renderers and the engine. */
export type { Digest, DigestEntry, EntryKind } from './types.ts';

/** What the app hands createDigests(). */
export interface DigestsOptions {
  store: Store;
  /** The knowledge serving now (read on each use, so a reload is picked up). */
  knowledge: () => Knowledge;
  /** SLACK_BOT_TOKEN; needed only to post (the scheduler). */
  botToken?: string;
  /** SLACK_API_URL, when set. */
  slackApiUrl?: string;
  /** Who may change subscriptions; defaults to DIGEST_ADMINS (empty: anyone in the channel). */
  admins?: string[];
  logger?: DigestLogger;
  /** Tick interval, lease and stale-claim limits for the scheduler (defaults: 1 minute, 3 minutes, 5 minutes). */
  scheduler?: { intervalMs?: number; lockTtlMs?: number; staleAfterMs?: number };
}

/** The digest hooks the app wires into Slack and starts. */
export interface Digests {
  /** Register as the `digest` subcommand. */
  subcommand: SubcommandHandler;
  /** Pass to the Slack app as `subscriptionsProvider`. */
  subscriptionsProvider: SubscriptionsProvider;
  /** Starts posting on schedule (a first pass at once catches up missed periods). */
  startScheduler(): DigestScheduler;
}

/** Everything the long-running app needs for digests, over one store and the serving knowledge. */
export function createDigests(options: DigestsOptions): Digests {
  const admins = options.admins ?? parseAdmins(process.env.DIGEST_ADMINS);
  return {
    subcommand: digestSubcommand({ store: options.store, knowledge: options.knowledge, admins }),
    subscriptionsProvider: digestSubscriptionsProvider(options.store, options.knowledge),
    startScheduler: () => {
      if (!options.botToken) throw new Error('digests need SLACK_BOT_TOKEN to post: set it, or do not start the digest scheduler');
      const poster = new DigestPoster(createDigestClient(options.botToken, options.slackApiUrl));
      const s = options.scheduler ?? {};
      return startDigestScheduler({
        store: options.store, knowledge: options.knowledge, poster, logger: options.logger,
        ...(s.intervalMs ? { intervalMs: s.intervalMs } : {}), ...(s.lockTtlMs ? { lockTtlMs: s.lockTtlMs } : {}), ...(s.staleAfterMs ? { staleAfterMs: s.staleAfterMs } : {}),
      });
    },
  };
}
