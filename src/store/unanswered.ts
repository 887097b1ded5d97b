/** Questions the bot declined, with why: the log that becomes new intents, facts and test cases. */
import type { Db } from './db.ts';

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
export function recordUnanswered(db: Db, u: UnansweredInput): void {
  db.prepare('INSERT INTO unanswered (at, question, intent, reason) VALUES (?, ?, ?, ?)').run(u.at ?? new Date().toISOString(), u.question, u.intent ?? null, u.reason);
}

/** Declined questions, newest first, optionally since an ISO instant. */
export function listUnanswered(db: Db, options: { since?: string; limit?: number } = {}): UnansweredRow[] {
  return db.prepare('SELECT * FROM unanswered WHERE at >= ? ORDER BY at DESC, id DESC LIMIT ?').all(options.since ?? '', options.limit ?? 1000) as UnansweredRow[];
}
