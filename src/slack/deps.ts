/** What the listeners share: the engine, optional stores, and the subcommand registry. */
import type { DigestSubscriptionSummary } from '../render/homeBlocks.ts';
import type { AnswerEngine } from './engineContract.ts';
import type { FeedbackSink } from './feedback.ts';
import type { EventLog } from './eventLog.ts';
import type { SubcommandRegistry } from './subcommands.ts';

/** Lists the channel digest subscriptions for the App Home (sync or async). */
export type SubscriptionsProvider = () => DigestSubscriptionSummary[] | Promise<DigestSubscriptionSummary[]>;

/** Dependencies handed to every listener factory. */
export interface SlackDeps {
  engine: AnswerEngine;
  feedback?: FeedbackSink;
  subscriptionsProvider?: SubscriptionsProvider;
  subcommands: SubcommandRegistry;
  /** Event ids already answered (the store's, shared by replicas, or an in-process memory). */
  events: EventLog;
}
