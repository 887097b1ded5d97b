/**
 * `npm start`: Socket Mode when SLACK_APP_TOKEN is set, HTTP when SLACK_SIGNING_SECRET is set, and with
 * no Slack settings at all a local console chat over the bundled knowledge. Says which and why.
 */
import { loadEngine } from './engine/engine.ts';
import { KnowledgeErrors } from './knowledge/errors.ts';
import { readSlackConfig } from './slack/config.ts';
import { startSlack } from './slack/start.ts';
import { runConsoleChat } from './console.ts';

async function main(): Promise<void> {
  const config = readSlackConfig();
  if (config.mode === 'error') {
    console.error(`Cannot start: ${config.message}`);
    process.exitCode = 2;
    return;
  }
  const engine = await loadEngine(process.env.KNOWLEDGE_DIR || undefined);
  if (config.mode === 'console') {
    console.error(`No Slack settings (${config.reason}): opening the local console chat.`);
    await runConsoleChat(engine);
    return;
  }
  await startSlack(config, engine);
}

main().catch((e: unknown) => {
  console.error(e instanceof KnowledgeErrors ? e.message : e instanceof Error ? e.message : String(e));
  process.exitCode = 1;
});
