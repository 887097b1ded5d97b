/** Registers the view (modal) listeners. */
import type { App } from '@slack/bolt';
import { ASK_MODAL } from '../../../render/askModal.ts';
import type { SlackDeps } from '../../deps.ts';
import { askModalSubmission } from './askModalSubmission.ts';

/** The App Home's "Ask a question" modal. */
export function registerViews(app: App, deps: SlackDeps): void {
  app.view({ callback_id: ASK_MODAL.callbackId, type: 'view_submission' }, askModalSubmission(deps));
}
