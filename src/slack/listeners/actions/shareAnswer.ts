/** "Share in channel": post the same answer, visibly, where the slash command was run. */
import type { AllMiddlewareArgs, BlockAction, ButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import type { SlackDeps } from '../../deps.ts';
import { postMessages, respondFailure } from '../../reply.ts';
import { renderRef } from '../../requests.ts';
import { readClick } from './click.ts';

type Args = AllMiddlewareArgs & SlackActionMiddlewareArgs<BlockAction<ButtonAction>>;

/** Handles share_answer: re-renders from the question in the button value and posts it in the channel. */
export function shareAnswer(deps: SlackDeps) {
  return async ({ ack, body, action, client, respond, logger }: Args): Promise<void> => {
    await ack();
    const click = readClick(body, action);
    if (!click.ref || !click.channel) {
      logger.warn('share_answer without a readable question or channel; ignored.');
      return;
    }
    const messages = renderRef(deps.engine, logger, click.ref, { surface: 'channel', echoQuestion: true, askedBy: click.user });
    const failure = await postMessages(client, logger, click.channel, messages);
    if (failure) {
      await respondFailure(respond, logger, failure);
      return;
    }
    // The visible copy replaces the private one.
    try {
      await respond?.({ delete_original: true });
    } catch (error) {
      logger.warn(`Could not remove the private copy after sharing: ${String(error)}`);
    }
  };
}
