/**
 * Follow-up context per Slack conversation (a thread, or a DM), kept in the store so any replica can read it:
 * "what about Southend?" in a thread is read against the thread's previous question. Kept a day.
 */
import type { Logger } from '@slack/bolt';
import type { ConversationContext } from '../engine/conversation.ts';

/** Where a conversation's context lives (the store's getConversation/putConversation). */
export interface ConversationMemory {
  getConversation(key: { team: string; channel: string; thread: string }): Promise<Record<string, unknown> | null>;
  putConversation(key: { team: string; channel: string; thread: string }, value: Record<string, unknown>, expiresAt: Date): Promise<void>;
}

export type ConversationKey = { team: string; channel: string; thread: string };

const DAY_MS = 24 * 60 * 60 * 1000;

/** The previous turn of the conversation, or undefined (none, expired, or the store could not be read: logged). */
export async function recallConversation(
  memory: ConversationMemory | undefined,
  key: ConversationKey,
  logger: Logger,
): Promise<ConversationContext | undefined> {
  if (!memory) return undefined;
  try {
    const value = await memory.getConversation(key);
    return value && typeof value.question === 'string' && Array.isArray(value.mentions) ? (value as unknown as ConversationContext) : undefined;
  } catch (e) {
    logger.warn(`Could not read the conversation context (follow-ups read on their own): ${e instanceof Error ? e.message : String(e)}`);
    return undefined;
  }
}

/** Keeps this turn for the next one; a store fault is logged and the answer has gone out regardless. */
export async function rememberConversation(
  memory: ConversationMemory | undefined,
  key: ConversationKey,
  context: ConversationContext | undefined,
  logger: Logger,
  now = new Date(),
): Promise<void> {
  if (!memory || !context) return;
  try {
    await memory.putConversation(key, context as unknown as Record<string, unknown>, new Date(now.getTime() + DAY_MS));
  } catch (e) {
    logger.warn(`Could not keep the conversation context: ${e instanceof Error ? e.message : String(e)}`);
  }
}
