/** `/commissioning …`: ack at once, then answer ephemerally through response_url. */
import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from '@slack/bolt';
import { renderNotice } from '../../../render/blocks.ts';
import { escapeAndTruncate } from '../../../render/escape.ts';
import type { SlackDeps } from '../../deps.ts';
import { describeFailure } from '../../failures.ts';
import { respondEphemeral, respondFailure } from '../../reply.ts';
import { parseRequest, renderRequest } from '../../requests.ts';
import { toPlainQuestion } from '../../slackText.ts';
import { renderReview } from '../../../render/review.ts';
import type { SlackMessage } from '../../../render/blockLimits.ts';
import type { Logger } from '@slack/bolt';

type Args = AllMiddlewareArgs & SlackCommandMiddlewareArgs;

/** The slash command name, as in manifest.yml. */
export const COMMAND = '/commissioning';

/** Handles /commissioning org|ask|help|review|<question>|<registered subcommand> (ack first, reply after). */
export function commissioningCommand(deps: SlackDeps) {
  return async ({ command, ack, respond, client, logger }: Args): Promise<void> => {
    await ack();
    const text = toPlainQuestion(typeof command.text === 'string' ? command.text : '');
    const request = parseRequest(text, deps.subcommands);
    if (request.kind === 'subcommand') {
      const handler = deps.subcommands.get(request.name);
      if (!handler) {
        const name = escapeAndTruncate(request.name, 50);
        await respondEphemeral(respond, logger, [
          renderNotice(`${name[0]?.toUpperCase()}${name.slice(1)} subscriptions are not set up yet in this workspace.`),
        ]);
        return;
      }
      try {
        await handler({ args: request.args, command, respond, client, logger, engine: deps.engine });
      } catch (error) {
        logger.error(`/commissioning ${request.name} failed: ${error instanceof Error ? error.stack : String(error)}`);
        await respondFailure(respond, logger, describeFailure(error));
      }
      return;
    }
    if (request.kind === 'review') {
      await respondEphemeral(respond, logger, await reviewReply(deps, command.user_id, logger));
      return;
    }
    const messages = renderRequest(deps.engine, logger, request, { surface: 'ephemeral', echoQuestion: true });
    await respondEphemeral(respond, logger, messages);
  };
}

/** `/commissioning review`, for admins only: the most frequent unanswered questions and 👎 answers. */
async function reviewReply(deps: SlackDeps, user: unknown, logger: Logger): Promise<SlackMessage[]> {
  if (deps.admins.length === 0) {
    return [
      renderNotice(
        'The review is for the app’s admins, and none are set. Whoever runs the app can add Slack user ids to `ADMINS` (comma-separated) and restart it.',
      ),
    ];
  }
  if (typeof user !== 'string' || !deps.admins.includes(user)) {
    return [renderNotice('The review is for the app’s admins. Ask one of them, or ask whoever runs the app to add you to `ADMINS`.')];
  }
  if (!deps.review) return [renderNotice('The review needs the app’s store, which is not set up here.')];
  try {
    return renderReview(await deps.review.review({ limit: 50 }));
  } catch (error) {
    logger.error(`Reading the review failed: ${error instanceof Error ? error.message : String(error)}`);
    return [renderNotice('Sorry, the review could not be read just now. It has been logged; please try again.')];
  }
}
