/**
 * `npm start`: Socket Mode when SLACK_APP_TOKEN is set, HTTP when SLACK_SIGNING_SECRET is set, and with
 * no Slack settings at all a local console chat over the bundled knowledge. Says which and why.
 */
import { loadEngine } from './engine/engine.ts';
import { ReloadableEngine } from './engine/reloadable.ts';
import { KnowledgeErrors } from './knowledge/errors.ts';
import { readSlackConfig } from './slack/config.ts';
import type { HealthReport } from './slack/health.ts';
import { InFlight } from './slack/inflight.ts';
import { startSlack } from './slack/start.ts';
import { openStore, storeOptionsFromEnv, unansweredRecorder, type Store } from './store/index.ts';
import { createDigests, parseAdmins } from './delivery/index.ts';
import { readAdmins } from './slack/admins.ts';
import { readRetentionDays, retentionCutoff } from './store/retention.ts';
import { join } from 'node:path';
import { runConsoleChat } from './console.ts';
import { logUnhandledRejections } from './processGuards.ts';

/** How long a stopping replica waits for replies in flight and a digest pass before it exits anyway. */
const STOP_GRACE_MS = 25_000;

async function main(): Promise<void> {
  const config = readSlackConfig();
  if (config.mode === 'error') {
    console.error(`Cannot start: ${config.message}`);
    process.exitCode = 2;
    return;
  }
  const dataDir = process.env.DATA_DIR || 'data';
  if (config.mode === 'console') {
    const engine = await loadEngine(process.env.KNOWLEDGE_DIR || undefined);
    console.error(`No Slack settings (${config.reason}): opening the local console chat.`);
    // Questions the console could not answer go to the same review as Slack's (npm run review).
    const store = await openConsoleStore(dataDir);
    if (store) engine.onUnanswered = unansweredRecorder(store, (message) => console.error(message));
    await runConsoleChat(engine);
    await store?.close();
    return;
  }
  const retention = readRetentionDays();
  if (typeof retention !== 'number') {
    console.error(`Cannot start: ${retention.error}`);
    process.exitCode = 2;
    return;
  }
  logUnhandledRejections();
  // The store is opened (DATA_DIR checked, the schema migrated, a write tried) before anything else,
  // so a store that cannot be written stops the start with one line, not the first answer later.
  const store = await openStore(storeOptionsFromEnv(process.env));
  console.error(`Store: ${store.backend === 'postgres' ? `PostgreSQL at ${store.path}` : `SQLite at ${store.path}`}.`);
  // Feedback and unanswered questions older than the retention go at start and once a day.
  const prune = async () => {
    const gone = await store.pruneFeedback(retentionCutoff(new Date(), retention)).catch((e: unknown) => {
      console.error(`Pruning old feedback failed: ${e instanceof Error ? e.message : String(e)}`);
      return { feedback: 0, unanswered: 0 };
    });
    if (gone.feedback || gone.unanswered)
      console.error(`Deleted ${gone.feedback} votes and ${gone.unanswered} unanswered questions older than ${retention} days.`);
  };
  await prune();
  const pruning = setInterval(() => void prune(), 24 * 60 * 60 * 1000);
  pruning.unref();
  // A large knowledge starts in a fraction of the time from its index snapshot.
  const load = () => loadEngine(process.env.KNOWLEDGE_DIR || undefined, { cacheDir: join(dataDir, 'index-cache') });
  const engine = new ReloadableEngine(await load(), load);
  for (const notice of engine.engine.knowledge.notices) console.error(`Knowledge: ${notice}`);
  // Answering never waits on, or fails with, this write: a store fault is logged and the answer goes out.
  engine.engine.onUnanswered = unansweredRecorder(store, (message) => console.error(message));
  const digests = createDigests({
    store,
    knowledge: () => engine.engine.knowledge,
    botToken: config.botToken,
    slackApiUrl: config.slackApiUrl,
    admins: parseAdmins(process.env.DIGEST_ADMINS),
    scheduler: schedulerSettings(process.env),
  });
  const inFlight = new InFlight();
  let stopping = false;
  const health = () => checkHealth(store, engine.engine.knowledge.id, stopping);
  const { admins, problems } = readAdmins();
  for (const p of problems) console.error(`Ignoring an admin: ${p}`);
  const slack = await startSlack(config, engine, {
    store,
    events: store,
    inFlight,
    health,
    subscriptionsProvider: digests.subscriptionsProvider,
    digestCommand: digests.command,
    admins,
    conversations: store,
  });
  const scheduler = digests.startScheduler();

  // SIGTERM (a deploy, a scale-down): stop taking events, finish the replies in flight, give up the
  // digest lease so another replica takes over at once, and exit.
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.error(`${signal}: no longer taking events; finishing ${inFlight.size} in flight, then releasing the digest lease.`);
    setTimeout(() => {
      console.error(`Stopping took longer than ${STOP_GRACE_MS / 1000} s; exiting with work unfinished.`);
      process.exit(1);
    }, STOP_GRACE_MS).unref();
    await slack.stop().catch((e: unknown) => console.error(`Stopping the receiver: ${e instanceof Error ? e.message : String(e)}`));
    clearInterval(pruning);
    await Promise.all([inFlight.idle(), scheduler.stop()]);
    await store.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));
  // `kill -HUP <pid>` after editing seeds/: the new knowledge serves only once it has loaded and validated.
  process.on('SIGHUP', () => {
    engine.reload().then(
      (id) => console.error(`Knowledge reloaded (snapshot ${id}).${engine.engine.knowledge.notices.map((n) => `\n${n}`).join('')}`),
      (e: unknown) => console.error(`Knowledge not reloaded, the previous snapshot keeps serving:\n${e instanceof Error ? e.message : String(e)}`),
    );
  });
}

/** The health report: the serving knowledge, whether the store answers within 2 s, and whether this replica is stopping. */
async function checkHealth(store: Store, knowledge: string, stopping: boolean): Promise<HealthReport> {
  if (stopping) return { ok: false, knowledge, store: 'ok', stopping: true };
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      store.ping(),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error('no answer within 2 s')), 2000);
      }),
    ]);
    return { ok: true, knowledge, store: 'ok' };
  } catch (e) {
    return { ok: false, knowledge, store: `unreachable: ${e instanceof Error ? e.message : String(e)}` };
  } finally {
    clearTimeout(timer);
  }
}

/** DIGEST_INTERVAL_MS, DIGEST_LEASE_MS and DIGEST_STALE_MS, when set (whole milliseconds). */
function schedulerSettings(env: Record<string, string | undefined>): { intervalMs?: number; lockTtlMs?: number; staleAfterMs?: number } {
  const read = (name: string) => {
    const raw = env[name];
    if (raw === undefined || raw === '') return undefined;
    const n = Number(raw);
    if (!Number.isInteger(n) || n <= 0) throw new Error(`${name} must be a whole number of milliseconds, not "${raw}"`);
    return n;
  };
  return { intervalMs: read('DIGEST_INTERVAL_MS'), lockTtlMs: read('DIGEST_LEASE_MS'), staleAfterMs: read('DIGEST_STALE_MS') };
}

/** The store for the console chat; a store that cannot open only turns the unanswered log off. */
async function openConsoleStore(dataDir: string) {
  try {
    return await openStore({ dataDir });
  } catch (e) {
    console.error(`Unanswered questions will not be logged: ${e instanceof Error ? e.message : String(e)}`);
    return undefined;
  }
}

main().catch((e: unknown) => {
  console.error(e instanceof KnowledgeErrors ? e.message : e instanceof Error ? e.message : String(e));
  process.exitCode = 1;
});
