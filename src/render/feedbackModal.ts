/** The "What was wrong?" modal a 👎 opens: a reason and an optional note. */
import type { ModalView } from './slackTypes.ts';
import { plainText } from './escape.ts';

/** Ids the view_submission handler reads the report back with. */
export const FEEDBACK_MODAL = {
  callbackId: 'feedback_modal',
  reasonBlock: 'reason',
  reasonAction: 'reason_input',
  noteBlock: 'note',
  noteAction: 'note_input',
} as const;

/** The reasons offered, in the order shown. */
export const FEEDBACK_REASONS = [
  { value: 'wrong', label: 'Wrong' },
  { value: 'incomplete', label: 'Incomplete' },
  { value: 'out-of-date', label: 'Out of date' },
  { value: 'other', label: 'Something else' },
] as const;

/** Notes are kept short: they are read by the people who keep the knowledge, one by one. */
export const FEEDBACK_NOTE_MAX = 1000;

/** Builds the modal; `metadata` (at most 3,000 characters) says which answer it is about. */
export function renderFeedbackModal(metadata: string): ModalView {
  return {
    type: 'modal',
    callback_id: FEEDBACK_MODAL.callbackId,
    private_metadata: metadata,
    title: plainText('What was wrong?'),
    submit: plainText('Send'),
    close: plainText('Cancel'),
    blocks: [
      {
        type: 'input',
        block_id: FEEDBACK_MODAL.reasonBlock,
        label: plainText('The answer was…'),
        element: {
          type: 'radio_buttons',
          action_id: FEEDBACK_MODAL.reasonAction,
          options: FEEDBACK_REASONS.map((r) => ({ text: plainText(r.label), value: r.value })),
        },
      },
      {
        type: 'input',
        block_id: FEEDBACK_MODAL.noteBlock,
        optional: true,
        label: plainText('Anything to add?'),
        element: {
          type: 'plain_text_input',
          action_id: FEEDBACK_MODAL.noteAction,
          multiline: true,
          max_length: FEEDBACK_NOTE_MAX,
          placeholder: plainText('e.g. Thurrock left legal directions in 2019'),
        },
        hint: plainText('Your note, the question and the answer’s sources go to the team that keeps the knowledge.'),
      },
    ],
  };
}
