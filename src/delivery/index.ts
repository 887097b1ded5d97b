/**
 * Delivering digests: the `/commissioning digest …` commands, the App Home's list of subscriptions,
 * and the scheduler that posts what is due. main.ts builds them with createDigests() and hands them
 * to the Slack app; the CLI's `--run-due` calls runDueDigests() directly.
 */
import type { Knowledge } from '../knowledge/knowledge.ts';
import type { DigestSubscriptionSummary } from '../render/homeBlocks.ts';
import type { Store } from '../store/store.ts';
import { runDigestCommand, type DigestCommandInput, type DigestReply } from './commands.ts';
import { createDigestClient, DigestPoster } from './post.ts';
import type { DigestLogger } from './run.ts';
import { startDigestScheduler, type DigestScheduler } from './scheduler.ts';
import { digestSubscriptionsProvider } from './subscriptions.ts';

export { parseAdmins, runDigestCommand, type DigestCommandInput, type DigestReply } from './commands.ts';
export { runDueDigests, type RunReport } from './run.ts';
export { startDigestScheduler, type DigestScheduler } from './scheduler.ts';

/** What the app hands createDigests(). */
export interface DigestsOptions {
  store: Store;
  /** The knowledge serving now (read on each use, so a reload is picked up). */
  knowledge: () => Knowledge;
  /** SLACK_BOT_TOKEN; needed only to post (the scheduler). */
  botToken?: string;
  /** SLACK_API_URL, when set. */
  slackApiUrl?: string;
  /** Who may change subscriptions (DIGEST_ADMINS); empty lets anyone in the channel. */
  admins: string[];
  logger?: DigestLogger;
  /** Tick interval, lease and stale-claim limits for the scheduler (defaults: 1 minute, 3 minutes, 5 minutes). */
  scheduler?: { intervalMs?: number; lockTtlMs?: number; staleAfterMs?: number };
}

/** The digest hooks the app hands to the Slack app and starts. */
export interface Digests {
  /** Runs one `/commissioning digest …` command (the Slack app's `digestCommand`). */
  command(input: DigestCommandInput): Promise<DigestReply>;
  /** The Slack app's `subscriptionsProvider`, for the App Home. */
  subscriptionsProvider: () => Promise<DigestSubscriptionSummary[]>;
  /** Starts posting on schedule (a first pass at once catches up missed periods). */
  startScheduler(): DigestScheduler;
}

/** Everything the long-running app needs for digests, over one store and the serving knowledge. */
export function createDigests(options: DigestsOptions): Digests {
  const { store, knowledge, admins } = options;
  return {
    command: (input) => runDigestCommand(input, { store, knowledge, admins }),
    subscriptionsProvider: digestSubscriptionsProvider(store, knowledge),
    startScheduler: () => {
      if (!options.botToken) throw new Error('digests need SLACK_BOT_TOKEN to post: set it, or do not start the digest scheduler');
      const poster = new DigestPoster(createDigestClient(options.botToken, options.slackApiUrl));
      const s = options.scheduler ?? {};
      return startDigestScheduler({
        store,
        knowledge,
        poster,
        logger: options.logger,
        ...(s.intervalMs ? { intervalMs: s.intervalMs } : {}),
        ...(s.lockTtlMs ? { lockTtlMs: s.lockTtlMs } : {}),
        ...(s.staleAfterMs ? { staleAfterMs: s.staleAfterMs } : {}),
      });
    },
  };
}
