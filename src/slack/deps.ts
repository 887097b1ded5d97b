/** What the listeners share: the engine, optional stores, the digest commands and the subcommand registry. */
import type { DigestCommandInput, DigestReply } from '../delivery/commands.ts';
import type { DigestSubscriptionSummary } from '../render/homeBlocks.ts';
import type { AnswerEngine } from './engineContract.ts';
import type { FeedbackSink, ReviewSource } from './feedback.ts';
import type { EventLog } from './eventLog.ts';
import type { ConversationMemory } from './conversations.ts';
import type { SubcommandRegistry } from './subcommands.ts';

/** Lists the channel digest subscriptions for the App Home (sync or async). */
export type SubscriptionsProvider = () => DigestSubscriptionSummary[] | Promise<DigestSubscriptionSummary[]>;

/** Runs one `/commissioning digest …` command and says what to reply (main.ts passes the delivery module's). */
export type DigestCommandRunner = (input: DigestCommandInput) => DigestReply | Promise<DigestReply>;

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
  /** Event ids already answered (the store's, shared by replicas, or an in-process memory). */
  events: EventLog;
  /** Follow-up context per thread or DM (the store's); without it each question stands alone. */
  conversations?: ConversationMemory;
}
