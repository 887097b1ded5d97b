/** "Show quotes" (and an org card's "Sources"): the verbatim passages behind an answer, for the person who clicked only. */
import type { AllMiddlewareArgs, BlockAction, ButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import type { SlackDeps } from '../../deps.ts';
import { respondEphemeral } from '../../reply.ts';
import { renderRefQuotes } from '../../requests.ts';
import { readClick } from './click.ts';

type Args = AllMiddlewareArgs & SlackActionMiddlewareArgs<BlockAction<ButtonAction>>;

/** Handles show_quotes: an ephemeral reply through the click's response_url, wherever the answer is. */
export function showQuotes(deps: SlackDeps) {
  return async ({ ack, body, action, respond, logger }: Args): Promise<void> => {
    await ack();
    const click = readClick(body, action);
    if (!click.ref) {
      logger.warn('show_quotes without a readable question; ignored.');
      return;
    }
    // A channel answer's quotes once went into its thread for everyone (17 blocks); now only the reader sees them.
    const messages = renderRefQuotes(deps.engine, logger, click.ref, { surface: 'ephemeral' });
    await respondEphemeral(respond, logger, messages);
  };
}
