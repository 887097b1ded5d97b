/** The question modal's submission: close it and answer in the person's DM with the app. */
import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import { ASK_MODAL } from '../../../render/askModal.ts';
import type { SlackDeps } from '../../deps.ts';
import { postMessages } from '../../reply.ts';
import { parseRequest, renderRequest } from '../../requests.ts';

type Args = AllMiddlewareArgs & SlackViewMiddlewareArgs<ViewSubmitAction>;

/** Handles the ask_modal view_submission; an empty question keeps the modal open with an error. */
export function askModalSubmission(deps: SlackDeps) {
  return async ({ ack, body, view, client, logger }: Args): Promise<void> => {
    const value = view.state?.values?.[ASK_MODAL.blockId]?.[ASK_MODAL.actionId]?.value;
    const question = typeof value === 'string' ? value.trim() : '';
    if (question === '') {
      await ack({ response_action: 'errors', errors: { [ASK_MODAL.blockId]: 'Type a question first.' } });
      return;
    }
    await ack();
    const user = body.user?.id;
    if (typeof user !== 'string') return;
    const messages = renderRequest(deps.engine, logger, parseRequest(question), {
      surface: 'channel',
      echoQuestion: true,
    });
    // Posting to a user id delivers to the person's DM with the app.
    await postMessages(client, logger, user, messages);
  };
}
