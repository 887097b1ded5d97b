/**
 * Starts the real Bolt app (HTTP receiver, signing secret) on 127.0.0.1 against a Slack stub, and
 * sends it signed requests exactly as Slack would. Reusable by any Slack feature's tests.
 */
import type { App } from '@slack/bolt';
import { createServer, type AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { createSlackApp, type SlackAppOptions } from '../../../src/slack/app.ts';
import type { AnswerEngine } from '../../../src/slack/engineContract.ts';
import { SubcommandRegistry } from '../../../src/slack/subcommands.ts';
import { captureLogger, type CaptureLogger } from './captureLogger.ts';
import { eventCallback, slashCommand } from './payloads.ts';
import { signedHeaders, TEST_SIGNING_SECRET } from './signing.ts';
import { startSlackStub, type SlackStub } from './slackStub.ts';

/** What an HTTP request to the app returned, and how long it took. */
export interface AppReply {
  status: number;
  body: string;
  ms: number;
}

/** Options for sending a request. */
export interface SendOptions {
  /** Sign with this secret instead of the app's. */
  secret?: string;
  /** Unix seconds for x-slack-request-timestamp (default now). */
  timestamp?: number;
  /** Extra headers, e.g. x-slack-retry-num. */
  headers?: Record<string, string>;
  /** Send without signature headers. */
  unsigned?: boolean;
}

/** A running app with its stub, logger and subcommand registry, plus ways to talk to it as Slack. */
export interface TestApp {
  app: App;
  stub: SlackStub;
  logger: CaptureLogger;
  subcommands: SubcommandRegistry;
  /** http://127.0.0.1:<port>/slack/events */
  eventsUrl: string;
  /** Posts a raw body with the given content type, signed unless told otherwise. */
  send(body: string, contentType: string, options?: SendOptions): Promise<AppReply>;
  /** Posts a JSON body (Events API). */
  sendJson(payload: unknown, options?: SendOptions): Promise<AppReply>;
  /** Posts form fields (slash commands). */
  sendForm(fields: Record<string, string>, options?: SendOptions): Promise<AppReply>;
  /** Posts an interaction payload as Slack does: form field `payload` holding JSON. */
  sendInteraction(payload: unknown, options?: SendOptions): Promise<AppReply>;
  /** Runs `/commissioning <text>`; the reply goes to response_url `responseId` on the stub. */
  slash(text: string, responseId?: string): Promise<AppReply>;
  /**
   * Resolves once the app has finished handling every request it has taken (listeners done, their
   * replies sent): what a test waits for before checking that something did not happen.
   */
  idle(): Promise<void>;
  /** Delivers an Events API event; returns the reply and the event id used. */
  event(event: Record<string, unknown>, options?: SendOptions & { eventId?: string }): Promise<AppReply & { eventId: string }>;
  close(): Promise<void>;
}

/** createSlackApp options minus the ones the harness fills in (tokens, secret, API URL). */
export type TestAppOptions = Partial<Omit<SlackAppOptions, 'engine' | 'botToken' | 'signingSecret' | 'appToken' | 'slackApiUrl'>> & {
  engine: AnswerEngine;
};

let responseCounter = 0;

/** Starts a stub and the app; call close() in afterAll. */
export async function startTestApp(options: TestAppOptions): Promise<TestApp> {
  const stub = await startSlackStub();
  const logger = options.logger ? (options.logger as CaptureLogger) : captureLogger();
  const subcommands = options.subcommands ?? new SubcommandRegistry();
  const app = createSlackApp({
    ...options,
    subcommands,
    logger,
    botToken: 'xoxb-0000-test',
    signingSecret: TEST_SIGNING_SECRET,
    slackApiUrl: stub.apiUrl,
  });
  const inFlight = trackProcessing(app);
  const server = (await app.start({ port: 0, host: '127.0.0.1' })) as Server;
  const { port } = server.address() as AddressInfo;
  const eventsUrl = `http://127.0.0.1:${port}/slack/events`;

  async function send(body: string, contentType: string, opts: SendOptions = {}): Promise<AppReply> {
    const headers: Record<string, string> = {
      'content-type': contentType,
      ...(opts.unsigned ? {} : signedHeaders(body, opts.secret ?? TEST_SIGNING_SECRET, opts.timestamp)),
      ...(opts.headers ?? {}),
    };
    const started = performance.now();
    const res = await fetch(eventsUrl, { method: 'POST', headers, body });
    const text = await res.text();
    return { status: res.status, body: text, ms: performance.now() - started };
  }

  const testApp: TestApp = {
    app,
    stub,
    logger,
    subcommands,
    eventsUrl,
    send,
    sendJson: (payload, opts) => send(JSON.stringify(payload), 'application/json', opts),
    sendForm: (fields, opts) => send(new URLSearchParams(fields).toString(), 'application/x-www-form-urlencoded', opts),
    sendInteraction: (payload, opts) => send(new URLSearchParams({ payload: JSON.stringify(payload) }).toString(), 'application/x-www-form-urlencoded', opts),
    idle: inFlight.idle,
    slash: (text, responseId = `r${++responseCounter}`) => testApp.sendForm(slashCommand(text, stub.responseUrl(responseId))),
    event: async (event, opts = {}) => {
      const body = eventCallback(event, opts.eventId);
      const reply = await testApp.sendJson(body, opts);
      return { ...reply, eventId: body.event_id as string };
    },
    close: async () => {
      await app.stop();
      await stub.close();
    },
  };
  return testApp;
}

/**
 * Counts the requests the app is processing. Every receiver hands each request to the public
 * `app.processEvent` (Bolt's receiver contract) and it resolves when the listeners are done, so
 * wrapping it (behaviour unchanged) tells when the app has nothing left to do.
 */
function trackProcessing(app: App): { idle(): Promise<void> } {
  let active = 0;
  const waiting: (() => void)[] = [];
  const processEvent = app.processEvent.bind(app);
  app.processEvent = async (event) => {
    active++;
    try {
      return await processEvent(event);
    } finally {
      if (--active === 0) for (const resolve of waiting.splice(0)) resolve();
    }
  };
  return { idle: () => (active === 0 ? Promise.resolve() : new Promise<void>((resolve) => waiting.push(resolve))) };
}

/** A TCP port that was free a moment ago on 127.0.0.1 (for code that takes a port number, not 0). */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
