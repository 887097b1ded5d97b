/**
 * The Bolt App factory. It takes its whole configuration as arguments (tokens, receiver, Web API
 * URL), so the same app runs in Socket Mode, over HTTP, and against the local Slack stub in tests.
 */
import { App, ErrorCode, HTTPModuleFunctions, LogLevel, SocketModeReceiver, webApi, type Logger, type Receiver } from '@slack/bolt';
import { botTokenAuthorize } from './authorize.ts';
import type { DigestCommandRunner, SlackDeps, SubscriptionsProvider } from './deps.ts';
import type { AnswerEngine } from './engineContract.ts';
import type { FeedbackSink, ReviewSource } from './feedback.ts';
import { registerActions } from './listeners/actions/index.ts';
import { DIGEST_SUBCOMMAND, digestSubcommand } from './listeners/commands/digest.ts';
import { registerCommands } from './listeners/commands/index.ts';
import { registerEvents } from './listeners/events/index.ts';
import { registerViews } from './listeners/views/index.ts';
import { GuardedHTTPReceiver } from './guardedReceiver.ts';
import { ackUnhandledRequests, MalformedPayloadError, refuseMalformedPayloads } from './malformed.ts';
import { memoryEventLog, type EventLog } from './eventLog.ts';
import type { ConversationMemory } from './conversations.ts';
import { healthRoute, type HealthReport } from './health.ts';
import { InFlight } from './inflight.ts';
import { SubcommandRegistry } from './subcommands.ts';

/** The path Slack posts events, slash commands and interactions to in HTTP mode. */
export const EVENTS_PATH = '/slack/events';

/** Options for createSlackApp. Give appToken for Socket Mode, or signingSecret for HTTP. */
export interface SlackAppOptions {
  engine: AnswerEngine;
  /** Bot User OAuth Token (xoxb-…). */
  botToken: string;
  /** Signing Secret, required for HTTP mode. */
  signingSecret?: string;
  /** App-level token (xapp-…, scope connections:write); when set, the app uses Socket Mode. */
  appToken?: string;
  /** Web API base URL, ending in /api/ (a proxy, or the local Slack stub in tests). */
  slackApiUrl?: string;
  /** HTTP port (HTTP mode; app.start(port) may override it). */
  port?: number;
  logger?: Logger;
  /** Where 👍/👎 votes are recorded (and, when it can, where `/commissioning review` reads). */
  store?: FeedbackSink & Partial<ReviewSource>;
  /** Slack user ids allowed to run `/commissioning review` (see readAdmins: ADMINS and DIGEST_ADMINS). */
  admins?: readonly string[];
  /** Lists channel digest subscriptions for the App Home. */
  subscriptionsProvider?: SubscriptionsProvider;
  /** Runs `/commissioning digest …` (the delivery module's commands); without it, digest says it is not set up. */
  digestCommand?: DigestCommandRunner;
  /** This app's subcommand registry, for extra subcommands (a fresh one by default); `digest` is registered in it. */
  subcommands?: SubcommandRegistry;
  /** Where event ids are recorded for de-duplication: the store (shared by replicas), else process memory. */
  events?: EventLog;
  /** Follow-up context per thread or DM (the store's). */
  conversations?: ConversationMemory;
  /** Counts work in flight, so a stopping replica can finish its replies (one is made when not given). */
  inFlight?: InFlight;
  /** Answers GET /healthz on the HTTP receiver when given. */
  health?: () => Promise<HealthReport>;
}

/** Web API client settings for interactive replies: fail fast on rate limits instead of queueing for minutes. */
function webClientOptions(options: SlackAppOptions, logger: Logger | undefined): webApi.WebClientOptions {
  return {
    ...(options.slackApiUrl ? { slackApiUrl: normaliseApiUrl(options.slackApiUrl) } : {}),
    ...(logger ? { logger } : {}),
    rejectRateLimitedCalls: true,
    retryConfig: { retries: 2, factor: 2, minTimeout: 250, maxTimeout: 1000 },
    timeout: 10_000,
  };
}

/** Ensures the Web API base URL ends with a slash (the client appends method names to it). */
export function normaliseApiUrl(url: string): string {
  return url.endsWith('/') ? url : `${url}/`;
}

/** Builds the Bolt App with every listener registered; call `app.start()` (HTTP: with a port) to run it. */
export function createSlackApp(options: SlackAppOptions): App {
  if (!options.appToken && !options.signingSecret) {
    throw new Error('createSlackApp needs appToken (Socket Mode) or signingSecret (HTTP mode).');
  }
  const logger = options.logger;
  const clientOptions = webClientOptions(options, logger);
  const authClient = new webApi.WebClient(undefined, clientOptions);
  const receiver = options.appToken ? socketReceiver(options, clientOptions) : httpReceiver(options);
  const app = new App({
    receiver,
    authorize: botTokenAuthorize(authClient, options.botToken),
    clientOptions,
    ...(logger ? { logger } : { logLevel: LogLevel.INFO }),
  });
  refuseMalformedPayloads(app);
  ackUnhandledRequests(app);

  const deps: SlackDeps = {
    engine: options.engine,
    feedback: options.store,
    review: options.store?.review ? (options.store as ReviewSource) : undefined,
    admins: options.admins ?? [],
    subscriptionsProvider: options.subscriptionsProvider,
    subcommands: withDigest(options.subcommands ?? new SubcommandRegistry(), options.digestCommand),
    events: options.events ?? memoryEventLog(2000),
    ...(options.conversations ? { conversations: options.conversations } : {}),
  };
  const inFlight = options.inFlight ?? new InFlight();
  // Before de-dup and the listeners, so the count covers the lookup and the whole reply.
  app.use(({ next }) => inFlight.track(next));
  app.use(dropDuplicateEvents(deps.events));
  registerEvents(app, deps);
  registerCommands(app, deps);
  registerActions(app, deps);
  registerViews(app, deps);
  app.error(async (error) => {
    app.logger.error(`Unhandled error in a Slack listener: ${error.stack ?? error.message}`);
  });
  return app;
}

/** The registry with `/commissioning digest` in it, run by the given digest commands. */
function withDigest(subcommands: SubcommandRegistry, digestCommand: DigestCommandRunner | undefined): SubcommandRegistry {
  subcommands.register(DIGEST_SUBCOMMAND, digestSubcommand(digestCommand));
  return subcommands;
}

/**
 * Global middleware: an event whose event_id is already recorded (a Slack retry, perhaps to another
 * replica) is acked and dropped. When the log cannot be written the event is answered anyway: a rare
 * duplicate answer is better than a question left unanswered.
 */
function dropDuplicateEvents(events: EventLog) {
  return async ({ body, next, logger }: { body: unknown; next: () => Promise<void>; logger: Logger }) => {
    const eventId = (body as { event_id?: unknown } | null)?.event_id;
    if (typeof eventId === 'string') {
      let first = true;
      try {
        first = await events.recordEvent(eventId);
      } catch (error) {
        logger.warn(`Could not record event ${eventId} for de-duplication (${error instanceof Error ? error.message : String(error)}); answering it anyway.`);
      }
      if (!first) {
        logger.info(`Dropping duplicate delivery of event ${eventId} (already answered).`);
        return;
      }
    }
    await next();
  };
}

function httpReceiver(options: SlackAppOptions): Receiver {
  return new GuardedHTTPReceiver({
    signingSecret: options.signingSecret as string,
    endpoints: EVENTS_PATH,
    ...(options.port !== undefined ? { port: options.port } : {}),
    ...(options.logger ? { logger: options.logger } : {}),
    ...(options.health ? { customRoutes: [healthRoute(options.health)] } : {}),
    processEventErrorHandler: async (args) => {
      if (args.error instanceof MalformedPayloadError) {
        args.logger.warn(args.error.message);
        if (!args.response.headersSent) {
          args.response.writeHead(400, { 'content-type': 'text/plain' });
          args.response.end('Malformed Slack payload');
        }
        return true;
      }
      if ((args.error as { code?: string }).code === ErrorCode.AuthorizationError) return HTTPModuleFunctions.defaultProcessEventErrorHandler(args);
      // Anything else failed before a listener ran (Bolt routing a body of an odd shape): a 500 would only
      // make Slack retry the same body, so it is logged and refused.
      args.logger.error(`Could not dispatch a Slack request: ${args.error.stack ?? args.error.message}`);
      if (!args.response.headersSent) {
        args.response.writeHead(400, { 'content-type': 'text/plain' });
        args.response.end('Could not process this Slack request');
      }
      return true;
    },
  });
}

function socketReceiver(options: SlackAppOptions, clientOptions: webApi.WebClientOptions): Receiver {
  return new SocketModeReceiver({
    appToken: options.appToken as string,
    ...(options.logger ? { logger: options.logger } : {}),
    installerOptions: { clientOptions },
    processEventErrorHandler: async ({ error, logger }) => {
      logger.error(`Socket Mode event failed: ${error instanceof Error ? error.message : String(error)}`);
      // Ack malformed payloads so Slack does not redeliver them.
      return error instanceof MalformedPayloadError;
    },
  });
}
