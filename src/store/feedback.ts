/**
 * 👍/👎 votes on answers, with the question and the intent it was answered under, so weak intents
 * show up. A person has one vote per answer (answer_key): voting again replaces it. A 👎 can carry
 * what was wrong (reason, note) and the citations the answer showed.
 */
import type { Sql } from './sql.ts';

/** One vote, as the Slack layer reports it (see src/slack/feedback.ts). */
export interface FeedbackInput {
  user: string;
  channel: string;
  question: string;
  intent: string;
  vote: 'up' | 'down';
  /** "<channel>:<message ts>" of the answer; with it, the person's earlier vote on that answer is replaced. */
  answerKey?: string;
  /** ISO instant; defaults to now. */
  at?: string;
}

/** A stored vote. */
export interface FeedbackRow {
  id: number;
  at: string;
  user: string;
  channel: string;
  question: string;
  intent: string;
  vote: 'up' | 'down';
  answerKey: string | null;
  reason: FeedbackReason | null;
  note: string | null;
  /** The answer's citations as the person saw them (👎 reports). */
  citations: { document: string; title: string; quote: string }[];
}

export type FeedbackReason = 'wrong' | 'incomplete' | 'out-of-date' | 'other';

/** What a 👎 report adds to the person's vote on an answer. */
export interface FeedbackDetailInput {
  user: string;
  answerKey: string;
  channel: string;
  question: string;
  intent: string;
  reason: FeedbackReason;
  note: string;
  citations: { document: string; title: string; quote: string }[];
  at?: string;
}

const REASONS: readonly string[] = ['wrong', 'incomplete', 'out-of-date', 'other'];

/** Stores one vote (replacing the person's earlier vote on the same answer); an unknown vote value is refused. */
export async function recordFeedback(db: Sql, f: FeedbackInput): Promise<void> {
  if (f.vote !== 'up' && f.vote !== 'down') throw new Error(`feedback vote must be "up" or "down", not ${JSON.stringify(f.vote)}`);
  const at = f.at ?? new Date().toISOString();
  // Changing a vote to 👍 clears the old 👎 report: it no longer stands.
  await db.run(
    `INSERT INTO feedback (at, "user", channel, question, intent, vote, answer_key) VALUES (?, ?, ?, ?, ?, ?, ?)
    ON CONFLICT (answer_key, "user") WHERE answer_key IS NOT NULL DO UPDATE SET vote = excluded.vote, at = excluded.at,
      reason = CASE WHEN excluded.vote = 'up' THEN NULL ELSE feedback.reason END,
      note = CASE WHEN excluded.vote = 'up' THEN NULL ELSE feedback.note END`,
    [at, f.user, f.channel ?? '', f.question, f.intent, f.vote, f.answerKey ?? null],
  );
}

/** Adds a 👎 report to the person's vote on the answer (recording the 👎 too if the vote was lost). */
export async function recordFeedbackDetail(db: Sql, d: FeedbackDetailInput): Promise<void> {
  if (!REASONS.includes(d.reason)) throw new Error(`feedback reason must be one of ${REASONS.join(', ')}, not ${JSON.stringify(d.reason)}`);
  const at = d.at ?? new Date().toISOString();
  const citations = JSON.stringify(d.citations);
  await db.transaction(async (tx) => {
    const key = d.answerKey || null;
    const updated = key
      ? await tx.run(`UPDATE feedback SET vote = 'down', reason = ?, note = ?, citations = ?, at = ? WHERE answer_key = ? AND "user" = ?`, [
          d.reason,
          d.note,
          citations,
          at,
          key,
          d.user,
        ])
      : 0;
    if (updated === 0) {
      await tx.run(
        'INSERT INTO feedback (at, "user", channel, question, intent, vote, answer_key, reason, note, citations) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
        [at, d.user, d.channel, d.question, d.intent, 'down', key, d.reason, d.note, citations],
      );
    }
  });
}

/** The votes on one answer. */
export async function feedbackTally(db: Sql, answerKey: string): Promise<{ up: number; down: number }> {
  // CASE, not SUM(vote = 'up'): PostgreSQL does not sum booleans.
  const r = await db.get<{ up: number | string | null; down: number | string | null }>(
    `SELECT SUM(CASE WHEN vote = 'up' THEN 1 ELSE 0 END) AS up, SUM(CASE WHEN vote = 'down' THEN 1 ELSE 0 END) AS down FROM feedback WHERE answer_key = ?`,
    [answerKey],
  );
  return { up: Number(r?.up ?? 0), down: Number(r?.down ?? 0) };
}

/** Votes, newest first (optionally only 👎 ones, the ones worth turning into test cases). */
export async function listFeedback(db: Sql, options: { vote?: 'up' | 'down'; limit?: number } = {}): Promise<FeedbackRow[]> {
  const where = options.vote ? 'WHERE vote = ?' : '';
  const args: (string | number)[] = options.vote ? [options.vote] : [];
  const rows = await db.all<Record<string, unknown>>(`SELECT * FROM feedback ${where} ORDER BY at DESC, id DESC LIMIT ?`, [...args, options.limit ?? 1000]);
  return rows.map((r) => ({
    id: Number(r.id),
    at: String(r.at),
    user: String(r.user),
    channel: String(r.channel),
    question: String(r.question),
    intent: String(r.intent),
    vote: r.vote as 'up' | 'down',
    answerKey: (r.answer_key as string | null) ?? null,
    reason: (r.reason as FeedbackReason | null) ?? null,
    note: (r.note as string | null) ?? null,
    citations: r.citations ? JSON.parse(String(r.citations)) : [],
  }));
}
