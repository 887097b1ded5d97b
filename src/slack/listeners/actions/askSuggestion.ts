/** "Did you mean …" buttons: answer the reading the person picked. */
import type { AllMiddlewareArgs, BlockAction, ButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import type { SlackDeps } from '../../deps.ts';
import { postMessages, respondEphemeral, respondFailure } from '../../reply.ts';
import { renderRef } from '../../requests.ts';
import { readClick } from './click.ts';

type Args = AllMiddlewareArgs & SlackActionMiddlewareArgs<BlockAction<ButtonAction>>;

/**
 * Handles ask_suggestion and show_org (a picked question or organisation): under a slash-command
 * reply the private message is replaced; elsewhere the answer goes in the thread.
 */
export function answerChoice(deps: SlackDeps) {
  return async ({ ack, body, action, client, respond, logger }: Args): Promise<void> => {
    await ack();
    const click = readClick(body, action);
    if (!click.ref) {
      logger.warn(`${action.action_id} without a readable choice; ignored.`);
      return;
    }
    if (click.ephemeral || !click.channel) {
      const messages = renderRef(deps.engine, logger, click.ref, { surface: 'ephemeral', echoQuestion: true });
      await respondEphemeral(respond, logger, messages, { replaceOriginal: true });
      return;
    }
    const messages = renderRef(deps.engine, logger, click.ref, { surface: 'channel', echoQuestion: true, askedBy: click.user });
    const failure = await postMessages(client, logger, click.channel, messages, click.threadTs);
    if (failure) await respondFailure(respond, logger, failure);
  };
}
