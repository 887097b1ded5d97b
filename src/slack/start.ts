/** Starting the Slack app from a SlackConfig: check the bot token, start the receiver, say which mode and why. */
import { type App, type Logger, webApi } from '@slack/bolt';
import { createSlackApp, EVENTS_PATH, normaliseApiUrl, type SlackAppOptions } from './app.ts';
import type { SlackConfig } from './config.ts';
import type { AnswerEngine } from './engineContract.ts';
import { consoleLogger } from './logger.ts';

/** A config that runs Slack (not the console, not an error). */
export type RunnableSlackConfig = Extract<SlackConfig, { mode: 'socket' | 'http' }>;

/** Optional extras for startSlack: a logger, the feedback store, the digest commands and subscriptions, a registry, event de-dup, in-flight count, health. */
export type StartSlackExtras = Partial<
  Pick<
    SlackAppOptions,
    'logger' | 'store' | 'subscriptionsProvider' | 'digestCommand' | 'subcommands' | 'events' | 'inFlight' | 'health' | 'admins' | 'conversations'
  >
>;

/** A running Slack app. */
export interface RunningSlack {
  app: App;
  /** Stops the receiver (closes the HTTP server or the socket). */
  stop(): Promise<void>;
}

/**
 * Starts the Slack app in the configured mode after checking the bot token with auth.test, and
 * logs the mode and the reason. Throws an Error with a readable message when Slack refuses the token.
 */
export async function startSlack(config: RunnableSlackConfig, engine: AnswerEngine, extras: StartSlackExtras = {}): Promise<RunningSlack> {
  const logger = extras.logger ?? consoleLogger();
  const botName = await checkBotToken(config, logger);
  const app = createSlackApp({
    engine,
    botToken: config.botToken,
    slackApiUrl: config.slackApiUrl,
    logger,
    ...extras,
    ...(config.mode === 'socket' ? { appToken: config.appToken } : { signingSecret: config.signingSecret, port: config.port }),
  });
  if (config.mode === 'socket') {
    await app.start();
    logger.info(`Slack: Socket Mode, connected as ${botName} (${config.reason}).`);
  } else {
    await app.start(config.port);
    logger.info(`Slack: HTTP on port ${config.port}, Slack posts to ${EVENTS_PATH} (${config.reason}); connected as ${botName}.`);
  }
  return { app, stop: async () => void (await app.stop()) };
}

/** Calls auth.test with the bot token; returns "@name in team" or throws a message saying what to fix. */
async function checkBotToken(config: RunnableSlackConfig, logger: Logger): Promise<string> {
  const client = new webApi.WebClient(config.botToken, {
    logger,
    ...(config.slackApiUrl ? { slackApiUrl: normaliseApiUrl(config.slackApiUrl) } : {}),
    retryConfig: { retries: 1 },
  });
  try {
    const who = await client.auth.test();
    return `@${who.user ?? 'bot'}${who.team ? ` in ${who.team}` : ''}`;
  } catch (error) {
    const code = error instanceof webApi.WebAPIPlatformError ? error.data.error : error instanceof Error ? error.message : String(error);
    throw new Error(
      `Slack did not accept SLACK_BOT_TOKEN (auth.test: ${code}). Check it is this app's Bot User OAuth Token (xoxb-…) from "OAuth & Permissions" and that the app is installed in the workspace${config.slackApiUrl ? `, and that SLACK_API_URL (${config.slackApiUrl}) is right` : ''}.`,
    );
  }
}
