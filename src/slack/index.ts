/** The Slack surface's public entry points. */
export { createSlackApp, EVENTS_PATH, type SlackAppOptions } from './app.ts';
export { readSlackConfig, type SlackConfig } from './config.ts';
export { startSlack, type RunnableSlackConfig, type RunningSlack, type StartSlackExtras } from './start.ts';
export type { AnswerEngine, EngineOverview } from './engineContract.ts';
export type { FeedbackRecord, FeedbackSink } from './feedback.ts';
export type { DigestCommandRunner, SubscriptionsProvider } from './deps.ts';
export {
  SubcommandRegistry,
  type SubcommandContext,
  type SubcommandHandler,
} from './subcommands.ts';
