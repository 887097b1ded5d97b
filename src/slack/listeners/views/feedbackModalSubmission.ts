/** "What was wrong?" submitted: store the reason and note with the answer's question, intent and citations. */
import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import { FEEDBACK_MODAL, FEEDBACK_NOTE_MAX, FEEDBACK_REASONS } from '../../../render/feedbackModal.ts';
import type { SlackDeps } from '../../deps.ts';
import type { FeedbackReason } from '../../feedback.ts';
import { decodeFeedbackMetadata } from './feedbackMetadata.ts';

type Args = AllMiddlewareArgs & SlackViewMiddlewareArgs<ViewSubmitAction>;

/** Handles the feedback_modal view_submission; without a reason the modal stays open and says so. */
export function feedbackModalSubmission(deps: SlackDeps) {
  return async ({ ack, body, view, logger }: Args): Promise<void> => {
    const values = view.state?.values ?? {};
    const reason = values[FEEDBACK_MODAL.reasonBlock]?.[FEEDBACK_MODAL.reasonAction]?.selected_option?.value;
    if (!FEEDBACK_REASONS.some((r) => r.value === reason)) {
      await ack({ response_action: 'errors', errors: { [FEEDBACK_MODAL.reasonBlock]: 'Pick what was wrong with the answer.' } });
      return;
    }
    await ack();
    const meta = decodeFeedbackMetadata(view.private_metadata);
    const user = body.user?.id;
    if (!meta || typeof user !== 'string') {
      logger.warn('feedback_modal without readable metadata; the report is dropped.');
      return;
    }
    const note = String(values[FEEDBACK_MODAL.noteBlock]?.[FEEDBACK_MODAL.noteAction]?.value ?? '')
      .trim()
      .slice(0, FEEDBACK_NOTE_MAX);
    try {
      // The engine is deterministic: the same question gives the citations the person saw.
      const answer = meta.ref.k === 'org' ? deps.engine.org(meta.ref.q) : deps.engine.ask(meta.ref.q);
      await deps.feedback?.recordFeedbackDetail?.({
        user,
        answerKey: meta.key,
        channel: meta.channel,
        question: meta.ref.q,
        intent: meta.ref.i ?? (meta.ref.k === 'org' ? 'org-card' : 'unknown'),
        reason: reason as FeedbackReason,
        note,
        citations: answer.citations.map((c) => ({ document: c.document, title: c.title, quote: c.quote })),
      });
    } catch (error) {
      logger.error(`Recording the feedback report failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  };
}
