/** Registers the view (modal) listeners. */
import type { App } from '@slack/bolt';
import { ASK_MODAL } from '../../../render/askModal.ts';
import type { SlackDeps } from '../../deps.ts';
import { askModalSubmission } from './askModalSubmission.ts';
import { FEEDBACK_MODAL } from '../../../render/feedbackModal.ts';
import { feedbackModalSubmission } from './feedbackModalSubmission.ts';

/** The App Home's "Ask a question" modal and the 👎 "What was wrong?" modal. */
export function registerViews(app: App, deps: SlackDeps): void {
  app.view({ callback_id: ASK_MODAL.callbackId, type: 'view_submission' }, askModalSubmission(deps));
  app.view({ callback_id: FEEDBACK_MODAL.callbackId, type: 'view_submission' }, feedbackModalSubmission(deps));
}
