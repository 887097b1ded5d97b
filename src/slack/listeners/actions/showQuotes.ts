/** "Show quotes": reveal the verbatim passages behind an answer. */
import type { AllMiddlewareArgs, BlockAction, ButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import type { SlackDeps } from '../../deps.ts';
import { postMessages, respondEphemeral, respondFailure } from '../../reply.ts';
import { renderRefQuotes } from '../../requests.ts';
import { readClick } from './click.ts';

type Args = AllMiddlewareArgs & SlackActionMiddlewareArgs<BlockAction<ButtonAction>>;

/** Handles show_quotes: privately under a slash-command reply, otherwise in the answer's thread. */
export function showQuotes(deps: SlackDeps) {
  return async ({ ack, body, action, client, respond, logger }: Args): Promise<void> => {
    await ack();
    const click = readClick(body, action);
    if (!click.ref) {
      logger.warn('show_quotes without a readable question; ignored.');
      return;
    }
    if (click.ephemeral || !click.channel) {
      const messages = renderRefQuotes(deps.engine, logger, click.ref, { surface: 'ephemeral' });
      await respondEphemeral(respond, logger, messages);
      return;
    }
    const messages = renderRefQuotes(deps.engine, logger, click.ref, { surface: 'channel' });
    const failure = await postMessages(client, logger, click.channel, messages, click.threadTs);
    if (failure) await respondFailure(respond, logger, failure);
  };
}
