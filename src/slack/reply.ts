/**
 * Sending rendered messages: into a channel (the rest of a long answer in the thread), or
 * ephemerally through a response_url. Failures are logged and reported back where possible; they
 * never escape to crash the app.
 */
import type { Logger, RespondArguments, RespondFn, webApi } from '@slack/bolt';
import type { SlackMessage } from '../render/blockLimits.ts';
import { renderNotice } from '../render/blocks.ts';
import { describeFailure, logLine, type SlackFailure } from './failures.ts';

/**
 * Posts messages in a channel: the first as a reply in `threadTs` (or top level when absent), the
 * rest in the thread of that reply. Returns null on success, or the failure (already logged).
 */
export async function postMessages(
  client: webApi.WebClient,
  logger: Logger,
  channel: string,
  messages: SlackMessage[],
  threadTs?: string,
): Promise<SlackFailure | null> {
  let root = threadTs;
  try {
    for (const message of messages) {
      const result = await client.chat.postMessage({
        channel,
        text: message.text,
        blocks: message.blocks,
        unfurl_links: false,
        unfurl_media: false,
        ...(root ? { thread_ts: root } : {}),
      });
      root ??= typeof result.ts === 'string' ? result.ts : undefined;
    }
    return null;
  } catch (error) {
    logger.error(logLine(`chat.postMessage to ${channel}`, error));
    return describeFailure(error);
  }
}

/** Slack accepts at most five replies through one response_url. */
const RESPONSE_URL_USES = 5;

/** Sends messages ephemerally through response_url; the first may replace the message the click came from. */
export async function respondEphemeral(
  respond: RespondFn | undefined,
  logger: Logger,
  messages: SlackMessage[],
  options: { replaceOriginal?: boolean } = {},
): Promise<boolean> {
  if (!respond) {
    logger.warn('No response_url in the payload; cannot reply ephemerally.');
    return false;
  }
  const toSend =
    messages.length <= RESPONSE_URL_USES
      ? messages
      : [
          ...messages.slice(0, RESPONSE_URL_USES - 1),
          renderNotice(
            `_This reply has ${messages.length} parts and Slack lets me send only ${RESPONSE_URL_USES} privately. ` +
              'Ask me in a direct message to read the rest: long replies continue in a thread there._',
          ),
        ];
  try {
    for (const [i, message] of toSend.entries()) {
      const args: RespondArguments = {
        response_type: 'ephemeral',
        replace_original: i === 0 && options.replaceOriginal === true,
        text: message.text,
        blocks: message.blocks,
      };
      await respond(args);
    }
    return true;
  } catch (error) {
    logger.error(logLine('response_url reply', error));
    return false;
  }
}

/** Tells the person, ephemerally, why something failed (escaped text is the bot's own wording). */
export async function respondFailure(respond: RespondFn | undefined, logger: Logger, failure: SlackFailure): Promise<void> {
  await respondEphemeral(respond, logger, [renderNotice(failure.userMessage)]);
}
