/** 👍 / 👎 under an answer: record the vote (when a store is wired in) and thank the person privately. */
import type { AllMiddlewareArgs, BlockAction, ButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { renderNotice } from '../../../render/blocks.ts';
import type { SlackDeps } from '../../deps.ts';
import { respondEphemeral } from '../../reply.ts';
import { readClick } from './click.ts';

type Args = AllMiddlewareArgs & SlackActionMiddlewareArgs<BlockAction<ButtonAction>>;

/** Handles feedback_up / feedback_down. */
export function feedback(deps: SlackDeps, vote: 'up' | 'down') {
  return async ({ ack, body, action, respond, logger }: Args): Promise<void> => {
    await ack();
    const click = readClick(body, action);
    if (!click.ref) {
      logger.warn(`feedback_${vote} without a readable question; ignored.`);
      return;
    }
    if (deps.feedback) {
      try {
        await deps.feedback.recordFeedback({
          user: click.user,
          channel: click.channel ?? '',
          question: click.ref.q,
          intent: click.ref.i ?? (click.ref.k === 'org' ? 'org-card' : 'unknown'),
          vote,
        });
      } catch (error) {
        logger.error(`Recording feedback failed: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
    const thanks =
      vote === 'up'
        ? 'Thanks for the feedback. Glad it helped.'
        : 'Thanks for the feedback. It is noted so the answer can be improved.';
    await respondEphemeral(respond, logger, [renderNotice(thanks)]);
  };
}
