/** Questions the bot declined, with why: the log that becomes new intents, facts and test cases. */
import type { Sql } from './sql.ts';

/** A declined question, as the engine reports it. */
export interface UnansweredInput {
  question: string;
  /** The best intent it came near, if any. */
  intent?: string | null;
  /** Why it declined: "out of scope", "unknown organisation", "low confidence" … */
  reason: string;
  /** ISO instant; defaults to now. */
  at?: string;
}

/** A stored declined question. */
export interface UnansweredRow {
  id: number;
  at: string;
  question: string;
  intent: string | null;
  reason: string;
}

/** Records one declined question. */
export async function recordUnanswered(db: Sql, u: UnansweredInput): Promise<void> {
  await db.run('INSERT INTO unanswered (at, question, intent, reason) VALUES (?, ?, ?, ?)', [u.at ?? new Date().toISOString(), u.question, u.intent ?? null, u.reason]);
}

/** Declined questions, newest first, optionally since an ISO instant. */
export async function listUnanswered(db: Sql, options: { since?: string; limit?: number } = {}): Promise<UnansweredRow[]> {
  return db.all<UnansweredRow>('SELECT * FROM unanswered WHERE at >= ? ORDER BY at DESC, id DESC LIMIT ?', [options.since ?? '', options.limit ?? 1000]);
}
