/** `/commissioning …`: ack at once, then answer ephemerally through response_url. */
import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from '@slack/bolt';
import { renderNotice } from '../../../render/blocks.ts';
import { escapeAndTruncate } from '../../../render/escape.ts';
import type { SlackDeps } from '../../deps.ts';
import { describeFailure } from '../../failures.ts';
import { respondEphemeral, respondFailure } from '../../reply.ts';
import { parseRequest, renderRequest } from '../../requests.ts';
import { toPlainQuestion } from '../../slackText.ts';

type Args = AllMiddlewareArgs & SlackCommandMiddlewareArgs;

/** The slash command name, as in manifest.yml. */
export const COMMAND = '/commissioning';

/** Handles /commissioning org|ask|help|<question>|<registered subcommand> (ack first, reply after). */
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
    const messages = renderRequest(deps.engine, logger, request, { surface: 'ephemeral', echoQuestion: true });
    await respondEphemeral(respond, logger, messages);
  };
}
