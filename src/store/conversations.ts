/**
 * Follow-up context per conversation (team + channel + thread), so a follow-up question resolves
 * against the previous one whichever replica receives it. The value is an opaque JSON object the
 * engine owns; the store only keeps it until it expires (a day, by the caller's expiresAt).
 */
import type { Sql } from './sql.ts';

/** Where a conversation happens: the thread's root ts, or the DM/channel id when not in a thread. */
export interface ConversationKey {
  team: string;
  channel: string;
  thread: string;
}

/** A JSON object (what JSON.parse gives back for an object). */
export type JsonObject = { [key: string]: unknown };

/** The conversation's key as stored: "team/channel/thread". */
export function conversationKeyText(key: ConversationKey): string {
  return `${key.team}/${key.channel}/${key.thread}`;
}

/** The stored context of a conversation, or null when there is none or it has expired. */
export async function getConversation(db: Sql, key: ConversationKey, at: Date): Promise<JsonObject | null> {
  const row = await db.get<{ value: string }>('SELECT value FROM conversations WHERE key = ? AND expires_at > ?', [conversationKeyText(key), at.toISOString()]);
  return row ? (JSON.parse(row.value) as JsonObject) : null;
}

/** Stores (replacing) a conversation's context until `expiresAt`. Refuses anything but a JSON object. */
export async function putConversation(db: Sql, key: ConversationKey, value: JsonObject, expiresAt: Date, at: Date): Promise<void> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new TypeError(`putConversation: the value must be a JSON object, not ${value === null ? 'null' : Array.isArray(value) ? 'an array' : typeof value}`);
  }
  await db.run(
    `INSERT INTO conversations (key, value, updated_at, expires_at) VALUES (?, ?, ?, ?)
    ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at, expires_at = excluded.expires_at`,
    [conversationKeyText(key), JSON.stringify(value), at.toISOString(), expiresAt.toISOString()],
  );
}
