/** Buttons and the action rows that carry them, within Slack's limits. */
import type { ActionsBlock, Button } from './slackTypes.ts';
import { ACTIONS, encodeRef, type QuestionRef } from './actions.ts';
import { LIMITS } from './blockLimits.ts';
import { escapeAndTruncate, plainText } from './escape.ts';

/** A button; the label is escaped and kept within 75 characters. */
export function button(label: string, actionId: string, value?: string, style?: 'primary' | 'danger'): Button {
  const b: Button = { type: 'button', text: plainText(escapeAndTruncate(label, LIMITS.buttonText)), action_id: actionId };
  if (value !== undefined) b.value = value;
  if (style) b.style = style;
  return b;
}

/** An actions block, or nothing when there are no buttons (Slack rejects an empty one). */
export function actionsRow(buttons: Button[], blockId?: string): ActionsBlock[] {
  if (buttons.length === 0) return [];
  const block: ActionsBlock = { type: 'actions', elements: buttons.slice(0, LIMITS.actionsElements) };
  if (blockId) block.block_id = blockId;
  return [block];
}

/** Which of the usual answer buttons to show. */
export interface AnswerButtonOptions {
  ref: QuestionRef;
  quotes: boolean;
  share: boolean;
  feedback: boolean;
}

/** The row under an answer: Show quotes, Share in channel, 👍, 👎 (each only when it applies and its value fits). */
export function answerButtons({ ref, quotes, share, feedback }: AnswerButtonOptions): ActionsBlock[] {
  const value = encodeRef(ref);
  if (value === null) return [];
  const buttons: Button[] = [];
  if (quotes) buttons.push(button('Show quotes', ACTIONS.showQuotes, value));
  if (share) buttons.push(button('Share in channel', ACTIONS.share, value, 'primary'));
  if (feedback) {
    buttons.push(button('👍', ACTIONS.feedbackUp, value));
    buttons.push(button('👎', ACTIONS.feedbackDown, value));
  }
  return actionsRow(buttons, 'answer_actions');
}

/** One button per choice (at most five), each re-asking with its own reading. */
export function choiceButtons(choices: { label: string; ref: QuestionRef }[], actionId: string): ActionsBlock[] {
  const buttons: Button[] = [];
  choices.slice(0, 5).forEach((choice, n) => {
    const value = encodeRef(choice.ref);
    if (value !== null) buttons.push(button(choice.label, `${actionId}:${n}`, value));
  });
  return actionsRow(buttons);
}
