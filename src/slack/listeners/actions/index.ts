/** Registers the button listeners (one handler per file). */
import type { App, BlockAction, ButtonAction } from '@slack/bolt';
import { ACTIONS, actionPattern } from '../../../render/actions.ts';
import type { SlackDeps } from '../../deps.ts';
import { answerChoice } from './askSuggestion.ts';
import { feedback } from './feedback.ts';
import { openAskModal } from './openAskModal.ts';
import { shareAnswer } from './shareAnswer.ts';
import { showPart } from './showPart.ts';
import { showQuotes } from './showQuotes.ts';

/** Share, show quotes, feedback, did-you-mean choices, organisation picks, Show all, card sections and the Home's ask button. */
export function registerActions(app: App, deps: SlackDeps): void {
  const button = (id: string) => ({ type: 'block_actions' as const, action_id: actionPattern(id) });
  app.action<BlockAction<ButtonAction>>(button(ACTIONS.share), shareAnswer(deps));
  app.action<BlockAction<ButtonAction>>(button(ACTIONS.showQuotes), showQuotes(deps));
  app.action<BlockAction<ButtonAction>>(button(ACTIONS.feedbackUp), feedback(deps, 'up'));
  app.action<BlockAction<ButtonAction>>(button(ACTIONS.feedbackDown), feedback(deps, 'down'));
  app.action<BlockAction<ButtonAction>>(button(ACTIONS.askSuggestion), answerChoice(deps));
  app.action<BlockAction<ButtonAction>>(button(ACTIONS.showOrg), answerChoice(deps));
  app.action<BlockAction<ButtonAction>>(button(ACTIONS.openAskModal), openAskModal());
  app.action<BlockAction<ButtonAction>>(button(ACTIONS.showAll), showPart(deps));
  app.action<BlockAction<ButtonAction>>(button(ACTIONS.orgSection), showPart(deps));
}
