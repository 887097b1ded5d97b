/** Direct messages to the app (its Messages tab): answer in the conversation. */
import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import type { SlackDeps } from '../../deps.ts';
import { postMessages } from '../../reply.ts';
import { parseRequest, renderRequest } from '../../requests.ts';
import { stripBotMention, toPlainQuestion } from '../../slackText.ts';
import { recallConversation, rememberConversation } from '../../conversations.ts';
import type { ConversationContext } from '../../../engine/conversation.ts';

type Args = AllMiddlewareArgs & SlackEventMiddlewareArgs<'message'>;

/** The fields of a message event this handler reads, whatever its subtype. */
interface PlainMessage {
  channel?: unknown;
  channel_type?: unknown;
  subtype?: unknown;
  bot_id?: unknown;
  user?: unknown;
  text?: unknown;
  ts?: unknown;
  thread_ts?: unknown;
}

/** True for a message a person typed in a DM with the app (not an edit, join, bot post or our own). */
export function isPersonDirectMessage(message: PlainMessage, botUserId: string | undefined): boolean {
  return (
    message.channel_type === 'im' &&
    message.subtype === undefined &&
    message.bot_id === undefined &&
    typeof message.user === 'string' &&
    message.user !== botUserId &&
    typeof message.channel === 'string' &&
    typeof message.ts === 'string'
  );
}

/** Handles message.im: answers the question (or help, or an organisation card) in the DM. */
export function directMessage(deps: SlackDeps) {
  return async ({ message, client, context, logger }: Args): Promise<void> => {
    const m = message as PlainMessage;
    if (!isPersonDirectMessage(m, context.botUserId)) return;
    const text = toPlainQuestion(stripBotMention(typeof m.text === 'string' ? m.text : '', context.botUserId));
    const threadTs = typeof m.thread_ts === 'string' ? m.thread_ts : undefined;
    // A DM is one conversation (a thread in it, its own): follow-ups read against the previous question.
    const key = { team: context.teamId ?? '', channel: m.channel as string, thread: threadTs ?? (m.channel as string) };
    const conversation = await recallConversation(deps.conversations, key, logger);
    let next: ConversationContext | undefined;
    const messages = renderRequest(deps.engine, logger, parseRequest(text), { surface: 'channel', conversation, onContext: (c) => (next = c) });
    // Kept before the reply goes out: a follow-up sent the moment the answer shows reads this turn.
    await rememberConversation(deps.conversations, key, next, logger);
    await postMessages(client, logger, m.channel as string, messages, threadTs);
  };
}
