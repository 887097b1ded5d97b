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
  await db.run('INSERT INTO unanswered (at, question, intent, reason) VALUES (?, ?, ?, ?)', [
    u.at ?? new Date().toISOString(),
    u.question,
    u.intent ?? null,
    u.reason,
  ]);
}

/** Declined questions, newest first, optionally since an ISO instant. */
export async function listUnanswered(db: Sql, options: { since?: string; limit?: number } = {}): Promise<UnansweredRow[]> {
  return db.all<UnansweredRow>('SELECT * FROM unanswered WHERE at >= ? ORDER BY at DESC, id DESC LIMIT ?', [options.since ?? '', options.limit ?? 1000]);
}

/**
 * The engine's onUnanswered hook over a store: records the declined question without the answer
 * waiting for it, and logs (never throws) when the store cannot take the write, so a store fault
 * never costs a person their answer.
 */
export function unansweredRecorder(
  store: { recordUnanswered(u: UnansweredInput): Promise<void> },
  log: (message: string) => void,
): (entry: { question: string; intent: string; reason: string }) => void {
  return (entry) => {
    let write: Promise<void>;
    try {
      write = store.recordUnanswered({ ...entry, at: new Date().toISOString() });
    } catch (e) {
      write = Promise.reject(e);
    }
    write.catch((error: unknown) =>
      log(`store: could not record an unanswered question (${error instanceof Error ? error.message : String(error)}); the answer was still sent.`),
    );
  };
}
