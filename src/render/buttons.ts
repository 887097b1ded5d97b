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
  /** The vote this person gave, shown on its button so they see it was recorded. */
  vote?: 'up' | 'down';
  /** What Show quotes is called here ("Sources" on an org card). */
  quotesLabel?: string;
}

/** What an answer's message says once this person has voted. */
export const VOTE_NOTES = {
  up: 'Your vote is recorded: 👍 helpful. Thank you. You can change it.',
  down: 'Your vote is recorded: 👎 not helpful. Thank you for saying what was wrong. You can change it.',
} as const;

/** The feedback buttons' words, with a tick on the one chosen. */
export const FEEDBACK_LABELS = { up: '👍 Helpful', down: '👎 Not helpful' } as const;

/** The row under an answer: Show quotes, Share in channel, 👍, 👎 (each only when it applies and its value fits). */
export function answerButtons({ ref, quotes, share, feedback, vote, quotesLabel = 'Show quotes' }: AnswerButtonOptions): ActionsBlock[] {
  const value = encodeRef(ref);
  if (value === null) return [];
  const buttons: Button[] = [];
  if (quotes) buttons.push(button(quotesLabel, ACTIONS.showQuotes, value));
  if (share) buttons.push(button('Share in channel', ACTIONS.share, value, 'primary'));
  if (feedback) buttons.push(...feedbackButtons(value, vote));
  return actionsRow(buttons, 'answer_actions');
}

/** 👍 Helpful / 👎 Not helpful; the one this person chose is marked "✓" and styled primary. */
export function feedbackButtons(value: string, vote?: 'up' | 'down', counts?: { up: number; down: number }): Button[] {
  return (['up', 'down'] as const).map((v) => {
    const count = counts && counts[v] > 0 ? ` · ${counts[v]}` : '';
    const label = `${FEEDBACK_LABELS[v]}${count}${vote === v ? ' ✓' : ''}`;
    return button(label, v === 'up' ? ACTIONS.feedbackUp : ACTIONS.feedbackDown, value, vote === v ? 'primary' : undefined);
  });
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
