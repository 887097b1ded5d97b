/** 👍/👎 votes on answers, with the question and the intent it was answered under, so weak intents show up. */
import type { Db } from './db.ts';

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
export function recordFeedback(db: Db, f: FeedbackInput): void {
  if (f.vote !== 'up' && f.vote !== 'down') throw new Error(`feedback vote must be "up" or "down", not ${JSON.stringify(f.vote)}`);
  db.prepare('INSERT INTO feedback (at, user, channel, question, intent, vote) VALUES (?, ?, ?, ?, ?, ?)')
    .run(f.at ?? new Date().toISOString(), f.user, f.channel ?? '', f.question, f.intent, f.vote);
}

/** Votes, newest first (optionally only 👎 ones, the ones worth turning into test cases). */
export function listFeedback(db: Db, options: { vote?: 'up' | 'down'; limit?: number } = {}): FeedbackRow[] {
  const where = options.vote ? 'WHERE vote = ?' : '';
  const args: (string | number)[] = options.vote ? [options.vote] : [];
  return db.prepare(`SELECT * FROM feedback ${where} ORDER BY at DESC, id DESC LIMIT ?`).all(...args, options.limit ?? 1000) as FeedbackRow[];
}
