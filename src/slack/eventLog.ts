/**
 * Where Slack event ids are recorded so a retry is answered once. The store implements it, shared
 * by every replica (a retry may land on another one); without a store the app keeps a bounded
 * in-process memory, which is enough for one process.
 */
import { RecentIds } from './recentIds.ts';

/** Records an event id; true on its first delivery, false for a retry. */
export interface EventLog {
  recordEvent(eventId: string): Promise<boolean> | boolean;
}

/** An in-process EventLog remembering the last `capacity` ids (one process only). */
export function memoryEventLog(capacity = 2000): EventLog {
  const ids = new RecentIds(capacity);
  return { recordEvent: (eventId) => !ids.checkAndAdd(eventId) };
}
