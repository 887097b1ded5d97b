/** @-mentions in a channel: answer in the thread of the question. */
import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import type { SlackDeps } from '../../deps.ts';
import { postMessages } from '../../reply.ts';
import { parseRequest, renderRequest } from '../../requests.ts';
import { stripBotMention, toPlainQuestion } from '../../slackText.ts';
import { recallConversation, rememberConversation } from '../../conversations.ts';
import type { ConversationContext } from '../../../engine/conversation.ts';

type Args = AllMiddlewareArgs & SlackEventMiddlewareArgs<'app_mention'>;

/** Handles app_mention: strips the bot's mention, answers in the thread (thread_ts ?? ts). */
export function appMention(deps: SlackDeps) {
  return async ({ event, client, context, logger }: Args): Promise<void> => {
    if (event.bot_id || event.subtype) return;
    if (typeof event.channel !== 'string' || typeof event.ts !== 'string') return;
    const text = toPlainQuestion(stripBotMention(event.text ?? '', context.botUserId));
    const request = parseRequest(text);
    // The thread is the conversation: a follow-up there is read against its previous question.
    const key = { team: context.teamId ?? '', channel: event.channel, thread: event.thread_ts ?? event.ts };
    const conversation = await recallConversation(deps.conversations, key, logger);
    let next: ConversationContext | undefined;
    const messages = renderRequest(deps.engine, logger, request, { surface: 'channel', conversation, onContext: (c) => (next = c) });
    // Kept before the reply goes out: a follow-up sent the moment the answer shows reads this turn.
    await rememberConversation(deps.conversations, key, next, logger);
    await postMessages(client, logger, event.channel, messages, event.thread_ts ?? event.ts);
  };
}
