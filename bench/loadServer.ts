/**
 * The Slack app under load, in its own process (so the load generator does not share its event loop):
 * HTTP receiver on 127.0.0.1, an ephemeral port, the Web API at the given stub. Prints {"port": n} once
 * listening and runs until it is sent SIGTERM, when it prints {"cpuMs": n, "errors": n}.
 */
import { writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { Session } from 'node:inspector/promises';
import type { AddressInfo } from 'node:net';
import { Engine, loadEngine } from '../src/engine/engine.ts';
import { loadIntents } from '../src/engine/intents.ts';
import { loadKnowledge } from '../src/knowledge/knowledge.ts';
import { buildIndexesCached } from '../src/search/indexCache.ts';
import { createSlackApp } from '../src/slack/app.ts';
import { openStore } from '../src/store/store.ts';
import { captureLogger } from '../test/slack/helpers/captureLogger.ts';
import { TEST_SIGNING_SECRET } from '../test/slack/helpers/signing.ts';

/** Where the server's answers come from, and where its Web API calls go. */
export interface LoadServerArgs {
  slackApiUrl: string;
  /** A generated corpus to answer from (the bundled seeds when absent), with its snapshot cache. */
  knowledgeDir?: string;
  cacheDir?: string;
}

const args = JSON.parse(process.argv[2]) as LoadServerArgs;
let engine: Engine;
if (args.knowledgeDir) {
  const knowledge = loadKnowledge(args.knowledgeDir);
  engine = new Engine(knowledge, await loadIntents(), buildIndexesCached(knowledge, args.cacheDir ?? `${args.knowledgeDir}.cache`));
} else engine = await loadEngine();

const logger = captureLogger();
// BENCH_DATABASE_URL=postgres://…: de-duplicate events in PostgreSQL, as a replica does (one write per event).
const store = process.env.BENCH_DATABASE_URL ? await openStore({ databaseUrl: process.env.BENCH_DATABASE_URL }) : undefined;
const app = createSlackApp({
  engine,
  botToken: 'xoxb-bench',
  signingSecret: TEST_SIGNING_SECRET,
  slackApiUrl: args.slackApiUrl,
  logger,
  ...(store ? { events: store, store } : {}),
});
const server = (await app.start({ port: 0, host: '127.0.0.1' })) as Server;
const listening = process.cpuUsage();
// BENCH_PROFILE=<file.cpuprofile>: a CPU profile of the app under load, for Chrome DevTools.
const profiler = process.env.BENCH_PROFILE ? new Session() : null;
if (profiler) {
  profiler.connect();
  await profiler.post('Profiler.enable');
  await profiler.post('Profiler.start');
}
process.on('SIGTERM', async () => {
  if (profiler) writeFileSync(process.env.BENCH_PROFILE!, JSON.stringify((await profiler.post('Profiler.stop')).profile));
  // CPU this process spent answering since it started listening, for the parent's cost per event.
  const used = process.cpuUsage(listening);
  const errors = logger.lines.filter((l) => l.level === 'error').length;
  process.stdout.write(`${JSON.stringify({ cpuMs: (used.user + used.system) / 1000, errors })}\n`);
  void app.stop().finally(() => process.exit(0));
});
process.stdout.write(`${JSON.stringify({ port: (server.address() as AddressInfo).port })}\n`);
