/**
 * 👍 Helpful / 👎 Not helpful under an answer. One vote per person per answer (voting again
 * changes it); the message shows the vote was recorded. 👎 also opens "What was wrong?".
 */
import type { AllMiddlewareArgs, BlockAction, ButtonAction, Logger, SlackActionMiddlewareArgs, webApi } from '@slack/bolt';
import { ACTIONS, encodeRef } from '../../../render/actions.ts';
import { feedbackButtons, VOTE_NOTES } from '../../../render/buttons.ts';
import { renderNotice } from '../../../render/blocks.ts';
import { renderFeedbackModal } from '../../../render/feedbackModal.ts';
import type { SlackDeps } from '../../deps.ts';
import { logLine } from '../../failures.ts';
import type { VoteTally } from '../../feedback.ts';
import { respondEphemeral } from '../../reply.ts';
import { renderRef } from '../../requests.ts';
import { answerKey, readClick, type Click } from './click.ts';
import { encodeFeedbackMetadata } from '../views/feedbackMetadata.ts';

type Args = AllMiddlewareArgs & SlackActionMiddlewareArgs<BlockAction<ButtonAction>>;

/** Handles feedback_up / feedback_down. */
export function feedback(deps: SlackDeps, vote: 'up' | 'down') {
  return async ({ ack, body, action, respond, client, logger }: Args): Promise<void> => {
    await ack();
    const click = readClick(body, action);
    if (!click.ref) {
      logger.warn(`feedback_${vote} without a readable question; ignored.`);
      return;
    }
    const key = answerKey(click);
    const intent = click.ref.i ?? (click.ref.k === 'org' ? 'org-card' : 'unknown');
    // The modal first: Slack's trigger_id is good for three seconds only.
    if (vote === 'down' && click.triggerId) {
      const metadata = encodeFeedbackMetadata({ ref: click.ref, key: key ?? '', channel: click.channel ?? '' });
      try {
        await client.views.open({ trigger_id: click.triggerId, view: renderFeedbackModal(metadata) });
      } catch (error) {
        logger.error(logLine('views.open (feedback modal)', error));
      }
    }
    let recorded = true;
    if (deps.feedback) {
      try {
        await deps.feedback.recordFeedback({
          user: click.user,
          channel: click.channel ?? '',
          question: click.ref.q,
          intent,
          vote,
          ...(key ? { answerKey: key } : {}),
        });
      } catch (error) {
        recorded = false;
        logger.error(`Recording feedback failed: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
    if (!recorded) {
      await respondEphemeral(respond, logger, [renderNotice('Sorry, your vote could not be saved just now. It has been logged; please try again later.')]);
      return;
    }
    if (click.ephemeral || !click.channel) {
      // A private copy: re-render it with the vote marked on its button.
      const [first] = renderRef(deps.engine, logger, click.ref, { surface: 'ephemeral', echoQuestion: true, vote });
      if (first) await respondEphemeral(respond, logger, [first], { replaceOriginal: true });
      return;
    }
    await showTally(deps, client, logger, click, key);
    await respondEphemeral(respond, logger, [renderNotice(VOTE_NOTES[vote])]);
  };
}

/** On a channel message everyone sees, the buttons show the counts (the voter sees theirs go up). */
async function showTally(deps: SlackDeps, client: webApi.WebClient, logger: Logger, click: Click, key: string | undefined): Promise<void> {
  if (!key || !click.messageBlocks || !click.messageTs || !click.channel || !deps.feedback?.feedbackTally) return;
  let tally: VoteTally;
  try {
    tally = await deps.feedback.feedbackTally(key);
  } catch (error) {
    logger.error(`Counting feedback failed: ${error instanceof Error ? error.message : String(error)}`);
    return;
  }
  const value = click.ref ? encodeRef(click.ref) : null;
  if (!value) return;
  const blocks = click.messageBlocks.map((block) => {
    const b = block as { type?: string; elements?: { action_id?: string }[] };
    if (b.type !== 'actions' || !b.elements?.some((e) => e.action_id === ACTIONS.feedbackUp)) return block;
    const [up, down] = feedbackButtons(value, undefined, tally);
    return { ...b, elements: b.elements.map((e) => (e.action_id === ACTIONS.feedbackUp ? up : e.action_id === ACTIONS.feedbackDown ? down : e)) };
  });
  try {
    await client.chat.update({ channel: click.channel, ts: click.messageTs, blocks: blocks as never, text: 'Answer (votes updated)' });
  } catch (error) {
    logger.warn(logLine('chat.update (vote counts)', error));
  }
}
