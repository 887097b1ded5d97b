/**
 * `npm start`: Socket Mode when SLACK_APP_TOKEN is set, HTTP when SLACK_SIGNING_SECRET is set, and with
 * no Slack settings at all a local console chat over the bundled knowledge. Says which and why.
 */
import { loadEngine } from './engine/engine.ts';
import { ReloadableEngine } from './engine/reloadable.ts';
import { KnowledgeErrors } from './knowledge/errors.ts';
import { readSlackConfig } from './slack/config.ts';
import { startSlack } from './slack/start.ts';
import { registerSubcommand } from './slack/subcommands.ts';
import { readAdmins } from './slack/admins.ts';
import { openStore } from './store/index.ts';
import { readRetentionDays, retentionCutoff } from './store/retention.ts';
import { createDigests } from './digest/index.ts';
import { join } from 'node:path';
import { runConsoleChat } from './console.ts';
import { logUnhandledRejections } from './processGuards.ts';

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
    const store = openConsoleStore(dataDir);
    if (store) engine.onUnanswered = (e) => store.recordUnanswered({ ...e, at: new Date().toISOString() });
    await runConsoleChat(engine);
    store?.close();
    return;
  }
  const retention = readRetentionDays();
  if (typeof retention !== 'number') {
    console.error(`Cannot start: ${retention.error}`);
    process.exitCode = 2;
    return;
  }
  logUnhandledRejections();
  // The store is opened before anything listens, so a bad DATA_DIR stops the start, not a digest later.
  const store = openStore({ dataDir });
  // Feedback and unanswered questions older than the retention go at start and once a day.
  const prune = () => {
    const gone = store.pruneFeedback(retentionCutoff(new Date(), retention));
    if (gone.feedback || gone.unanswered) console.error(`Deleted ${gone.feedback} votes and ${gone.unanswered} unanswered questions older than ${retention} days.`);
  };
  prune();
  const pruning = setInterval(prune, 24 * 60 * 60 * 1000);
  pruning.unref();
  // A large knowledge starts in a fraction of the time from its index snapshot.
  const load = () => loadEngine(process.env.KNOWLEDGE_DIR || undefined, { cacheDir: join(dataDir, 'index-cache') });
  const engine = new ReloadableEngine(await load(), load);
  for (const notice of engine.engine.knowledge.notices) console.error(`Knowledge: ${notice}`);
  engine.engine.onUnanswered = (e) => store.recordUnanswered({ ...e, at: new Date().toISOString() });
  const digests = createDigests({ store, knowledge: () => engine.engine.knowledge, botToken: config.botToken, slackApiUrl: config.slackApiUrl });
  registerSubcommand('digest', digests.subcommand);
  const { admins, problems } = readAdmins();
  for (const p of problems) console.error(`Ignoring an admin: ${p}`);
  const slack = await startSlack(config, engine, { store, subscriptionsProvider: digests.subscriptionsProvider, admins });
  const scheduler = digests.startScheduler();
  const stop = async () => {
    clearInterval(pruning);
    await scheduler.stop();
    await slack.stop();
    store.close();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  // `kill -HUP <pid>` after editing seeds/: the new knowledge serves only once it has loaded and validated.
  process.on('SIGHUP', () => {
    engine.reload().then(
      (id) => console.error(`Knowledge reloaded (snapshot ${id}).${engine.engine.knowledge.notices.map((n) => `\n${n}`).join('')}`),
      (e: unknown) => console.error(`Knowledge not reloaded, the previous snapshot keeps serving:\n${e instanceof Error ? e.message : String(e)}`),
    );
  });
}

/** The store for the console chat; a store that cannot open only turns the unanswered log off. */
function openConsoleStore(dataDir: string) {
  try {
    return openStore({ dataDir });
  } catch (e) {
    console.error(`Unanswered questions will not be logged: ${e instanceof Error ? e.message : String(e)}`);
    return undefined;
  }
}

main().catch((e: unknown) => {
  console.error(e instanceof KnowledgeErrors ? e.message : e instanceof Error ? e.message : String(e));
  process.exitCode = 1;
});
