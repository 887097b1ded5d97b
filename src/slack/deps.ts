/** What the listeners share: the engine, optional stores, and the subcommand registry. */
import type { DigestSubscriptionSummary } from '../render/homeBlocks.ts';
import type { AnswerEngine } from './engineContract.ts';
import type { FeedbackSink, ReviewSource } from './feedback.ts';
import type { RecentIds } from './recentIds.ts';
import type { SubcommandRegistry } from './subcommands.ts';

/** Lists the channel digest subscriptions for the App Home (sync or async). */
export type SubscriptionsProvider = () => DigestSubscriptionSummary[] | Promise<DigestSubscriptionSummary[]>;

/** Dependencies handed to every listener factory. */
export interface SlackDeps {
  engine: AnswerEngine;
  feedback?: FeedbackSink;
  /** The review of unanswered questions and 👎 answers (`/commissioning review`). */
  review?: ReviewSource;
  /** Slack user ids allowed to run `/commissioning review` (ADMINS and DIGEST_ADMINS). */
  admins: readonly string[];
  subscriptionsProvider?: SubscriptionsProvider;
  subcommands: SubcommandRegistry;
  recentEvents: RecentIds;
}
