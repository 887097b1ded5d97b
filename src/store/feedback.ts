/** 👍/👎 votes on answers, with the question and the intent it was answered under, so weak intents show up. */
import type { Sql } from './sql.ts';

/** One vote, as the Slack layer reports it (see src/slack/feedback.ts). */
export interface FeedbackInput {
  user: string;
  channel: string;
  question: string;
  intent: string;
  vote: 'up' | 'down';
  /** ISO instant; defaults to now. */
  at?: string;
}

/** A stored vote. */
export interface FeedbackRow extends Required<FeedbackInput> {
  id: number;
}

/** Stores one vote; an unknown vote value is refused with a message saying what is allowed. */
export async function recordFeedback(db: Sql, f: FeedbackInput): Promise<void> {
  if (f.vote !== 'up' && f.vote !== 'down') throw new Error(`feedback vote must be "up" or "down", not ${JSON.stringify(f.vote)}`);
  await db.run('INSERT INTO feedback (at, "user", channel, question, intent, vote) VALUES (?, ?, ?, ?, ?, ?)',
    [f.at ?? new Date().toISOString(), f.user, f.channel ?? '', f.question, f.intent, f.vote]);
}

/** Votes, newest first (optionally only 👎 ones, the ones worth turning into test cases). */
export async function listFeedback(db: Sql, options: { vote?: 'up' | 'down'; limit?: number } = {}): Promise<FeedbackRow[]> {
  const where = options.vote ? 'WHERE vote = ?' : '';
  const args: (string | number)[] = options.vote ? [options.vote] : [];
  return db.all<FeedbackRow>(`SELECT * FROM feedback ${where} ORDER BY at DESC, id DESC LIMIT ?`, [...args, options.limit ?? 1000]);
}
