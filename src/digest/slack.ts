/**
 * The digest's Slack hooks: the `/commissioning digest …` subcommand handler, and the provider the
 * App Home calls to list channel subscriptions (paused ones with their reason).
 */
import type { Knowledge } from '../knowledge/knowledge.ts';
import { note } from '../render/blockLimits.ts';
import type { DigestSubscriptionSummary } from '../render/homeBlocks.ts';
import type { SubscriptionsProvider } from '../slack/deps.ts';
import type { SubcommandHandler } from '../slack/subcommands.ts';
import type { Store } from '../store/store.ts';
import { runDigestCommand, type DigestCommandDeps } from './commands.ts';
import { filterForCode } from './filter.ts';
import { describeSchedule } from './schedule.ts';

/** The handler to register as `registerSubcommand('digest', digestSubcommand(deps))`. */
export function digestSubcommand(deps: DigestCommandDeps): SubcommandHandler {
  return async ({ args, command, respond }) => {
    const reply = await runDigestCommand({ args, user: command.user_id, channel: command.channel_id }, deps);
    await respond({ response_type: reply.visibility, text: reply.text, blocks: reply.blocks, replace_original: false });
    // A response_url takes five messages; a preview longer than that points to the CLI for the rest.
    const more = reply.more ?? [];
    for (const [i, m] of more.slice(0, 4).entries()) {
      const last = i === 3 && more.length > 4;
      const blocks = last ? [...m.blocks.slice(0, 49), note(`_…${more.length - 3} more parts: run \`npm run digest\` for the whole digest._`)] : m.blocks;
      await respond({ response_type: 'ephemeral', text: m.text, blocks, replace_original: false });
    }
  };
}

/** Lists subscriptions for the App Home: channel, schedule, filter and, when paused, why. */
export function digestSubscriptionsProvider(store: Store, knowledge: () => Knowledge): SubscriptionsProvider {
  return async () => (await store.subscriptions.list()).map((s): DigestSubscriptionSummary => ({
    channel: s.channel,
    schedule: describeSchedule(s),
    ...(s.filter ? { filter: filterLabel(knowledge, s.filter) } : {}),
    ...(s.status === 'paused' ? { paused: s.pausedReason ?? 'paused' } : {}),
  }));
}

function filterLabel(knowledge: () => Knowledge, code: string): string {
  try {
    return filterForCode(knowledge(), code).label;
  } catch {
    return code;
  }
}
