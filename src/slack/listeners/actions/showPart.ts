/** "Show all (32)", its "Next" pages, and an org card's Interventions / People / History: posted privately. */
import type { AllMiddlewareArgs, BlockAction, ButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import type { SlackDeps } from '../../deps.ts';
import { respondEphemeral } from '../../reply.ts';
import { renderRefPart } from '../../requests.ts';
import { readClick } from './click.ts';

type Args = AllMiddlewareArgs & SlackActionMiddlewareArgs<BlockAction<ButtonAction>>;

/** Handles show_all and org_section: only the person who clicked sees the result. */
export function showPart(deps: SlackDeps) {
  return async ({ ack, body, action, respond, logger }: Args): Promise<void> => {
    await ack();
    const click = readClick(body, action);
    if (!click.ref) {
      logger.warn(`${action.action_id} without a readable question; ignored.`);
      return;
    }
    await respondEphemeral(respond, logger, renderRefPart(deps.engine, logger, click.ref));
  };
}
