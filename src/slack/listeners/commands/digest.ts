/**
 * `/commissioning digest …`: hands the words to the digest commands main.ts wired in (the delivery
 * module's), then replies through response_url. With no digest commands wired in it says so.
 */
import { note } from '../../../render/blockLimits.ts';
import { renderNotice } from '../../../render/blocks.ts';
import type { DigestCommandRunner } from '../../deps.ts';
import { respondEphemeral } from '../../reply.ts';
import type { SubcommandHandler } from '../../subcommands.ts';

/** The word after /commissioning that reaches this listener. */
export const DIGEST_SUBCOMMAND = 'digest';

/** The handler createSlackApp registers as the `digest` subcommand. */
export function digestSubcommand(run: DigestCommandRunner | undefined): SubcommandHandler {
  return async ({ args, command, respond, logger }) => {
    if (!run) {
      await respondEphemeral(respond, logger, [renderNotice('Digest subscriptions are not set up yet in this workspace.')]);
      return;
    }
    const reply = await run({ args, user: command.user_id, channel: command.channel_id });
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
