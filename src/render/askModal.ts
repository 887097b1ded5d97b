/** The "Ask a question" modal opened from the App Home. */
import type { ModalView } from './slackTypes.ts';
import { plainText } from './escape.ts';
import { EXAMPLE_QUESTIONS } from './helpBlocks.ts';

/** Ids the view_submission handler reads the question back with. */
export const ASK_MODAL = { callbackId: 'ask_modal', blockId: 'question', actionId: 'question_input' } as const;

/** Builds the modal: one multi-line input for the question. */
export function renderAskModal(): ModalView {
  return {
    type: 'modal',
    callback_id: ASK_MODAL.callbackId,
    title: plainText('Ask Commissioning'),
    submit: plainText('Ask'),
    close: plainText('Cancel'),
    blocks: [
      {
        type: 'input',
        block_id: ASK_MODAL.blockId,
        label: plainText('Your question'),
        element: {
          type: 'plain_text_input',
          action_id: ASK_MODAL.actionId,
          multiline: true,
          max_length: 1000,
          placeholder: plainText(EXAMPLE_QUESTIONS[0]),
        },
        hint: plainText('The answer arrives in your direct messages with the app, with its sources.'),
      },
    ],
  };
}
