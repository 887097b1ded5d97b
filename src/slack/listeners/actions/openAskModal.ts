/** The App Home's "Ask a question" button: open the question modal. */
import type { AllMiddlewareArgs, BlockAction, ButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { renderAskModal } from '../../../render/askModal.ts';
import { logLine } from '../../failures.ts';

type Args = AllMiddlewareArgs & SlackActionMiddlewareArgs<BlockAction<ButtonAction>>;

/** Handles open_ask_modal: views.open with the click's trigger_id. */
export function openAskModal() {
  return async ({ ack, body, client, logger }: Args): Promise<void> => {
    await ack();
    if (typeof body.trigger_id !== 'string') return;
    try {
      await client.views.open({ trigger_id: body.trigger_id, view: renderAskModal() });
    } catch (error) {
      logger.error(logLine('views.open (ask modal)', error));
    }
  };
}
