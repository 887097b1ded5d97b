/**
 * Slack event de-duplication shared by every replica: the first process to record an event_id
 * answers it; a retry of it (which may land on any replica) finds the row and is dropped. Rows are
 * kept a day (Slack retries within minutes), then pruned.
 */
import type { Sql } from './sql.ts';

/** How long an event id is remembered. */
export const EVENT_TTL_MS = 24 * 60 * 60 * 1000;

/** Records `eventId` as seen at `at`; true when this is its first delivery, false for a retry. */
export async function recordEvent(db: Sql, eventId: string, at: Date, ttlMs = EVENT_TTL_MS): Promise<boolean> {
  const row = await db.get('INSERT INTO slack_events (event_id, seen_at, expires_at) VALUES (?, ?, ?) ON CONFLICT (event_id) DO NOTHING RETURNING event_id', [
    eventId,
    at.toISOString(),
    new Date(at.getTime() + ttlMs).toISOString(),
  ]);
  return row !== undefined;
}

/** Deletes event ids (and conversations) past their expiry; returns how many rows went. */
export async function pruneExpired(db: Sql, at: Date): Promise<number> {
  const now = at.toISOString();
  return (await db.run('DELETE FROM slack_events WHERE expires_at <= ?', [now])) + (await db.run('DELETE FROM conversations WHERE expires_at <= ?', [now]));
}
