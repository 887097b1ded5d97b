/**
 * What the bot missed, for the people who keep the knowledge: the questions it declined most often,
 * and the answers people marked 👎, each grouped by question (case and spacing ignored) with counts
 * and the first and last time seen.
 */
// The report is built here in the shape the renderers show it, declared once beside them.
import type { ReviewItem, ReviewReport } from '../render/review.ts';
import type { Sql } from './sql.ts';

export type { ReviewItem, ReviewReport };

const SEP = '\u001f';

/** The grouping key of a question: lower case, trimmed, runs of spaces as one (up to eight). */
const key = (column: string) => `replace(replace(replace(lower(trim(${column})), '    ', ' '), '  ', ' '), '  ', ' ')`;
const split = (v: unknown) => (typeof v === 'string' && v ? v.split(SEP).filter(Boolean) : []);

/** The review since an ISO instant (or of all time), at most `limit` questions in each list. */
export async function review(db: Sql, options: { since?: string; limit?: number } = {}): Promise<ReviewReport> {
  const since = options.since ?? '';
  const limit = options.limit ?? 50;
  // The newest wording of each question is shown; the count covers every wording.
  // GROUP_CONCAT in SQLite is string_agg in PostgreSQL.
  const concat = (expr: string) => (db.dialect === 'postgres' ? `string_agg(${expr}, '${SEP}' ORDER BY at DESC)` : `GROUP_CONCAT(${expr}, '${SEP}')`);
  const unanswered = await db.all<Record<string, unknown>>(
    `SELECT k, COUNT(*) AS count, MIN(at) AS first, MAX(at) AS last, ${concat('reason')} AS reasons,
      (SELECT question FROM unanswered u WHERE ${key('u.question')} = g.k AND u.at >= ? ORDER BY u.at DESC, u.id DESC LIMIT 1) AS question,
      (SELECT intent FROM unanswered u WHERE ${key('u.question')} = g.k AND u.at >= ? ORDER BY u.at DESC, u.id DESC LIMIT 1) AS intent
    FROM (SELECT *, ${key('question')} AS k FROM unanswered WHERE at >= ?) g GROUP BY k ORDER BY count DESC, last DESC LIMIT ?`,
    [since, since, since, limit],
  );
  const downvoted = await db.all<Record<string, unknown>>(
    `SELECT k, intent, COUNT(*) AS count, MIN(at) AS first, MAX(at) AS last,
      ${concat('reason')} AS reasons, ${concat('note')} AS notes, ${concat('citations')} AS citations,
      (SELECT question FROM feedback f WHERE ${key('f.question')} = g.k AND f.intent = g.intent AND f.vote = 'down' ORDER BY f.at DESC, f.id DESC LIMIT 1) AS question
    FROM (SELECT *, ${key('question')} AS k FROM feedback WHERE vote = 'down' AND at >= ? ORDER BY at DESC) g GROUP BY k, intent ORDER BY count DESC, last DESC LIMIT ?`,
    [since, limit],
  );
  return {
    since: options.since ?? null,
    unanswered: unanswered.map((r) => ({
      question: String(r.question),
      intent: (r.intent as string | null) ?? null,
      count: Number(r.count),
      first: String(r.first),
      last: String(r.last),
      reasons: [...new Set(split(r.reasons).map(shortReason))],
      notes: [],
      documents: [],
    })),
    downvoted: downvoted.map((r) => ({
      question: String(r.question),
      intent: (r.intent as string | null) ?? null,
      count: Number(r.count),
      first: String(r.first),
      last: String(r.last),
      reasons: tallied(split(r.reasons)),
      notes: split(r.notes)
        .map((n) => n.trim())
        .filter(Boolean),
      documents: citedDocuments(split(r.citations)),
    })),
  };
}

/** The engine's decline sentence, cut to its first clause ("That is outside what I know"). */
function shortReason(reason: string): string {
  return reason.split(/[.:]/)[0]!.trim().slice(0, 80);
}

/** ["wrong", "wrong", "other"] as ["wrong ×2", "other"]. */
function tallied(reasons: string[]): string[] {
  const counts = new Map<string, number>();
  for (const r of reasons) counts.set(r, (counts.get(r) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1]).map(([r, n]) => (n > 1 ? `${r} ×${n}` : r));
}

function citedDocuments(lists: string[]): string[] {
  const docs = new Set<string>();
  for (const list of lists) {
    try {
      for (const c of JSON.parse(list) as { document: string }[]) docs.add(c.document);
    } catch {
      // a malformed list is skipped; the vote still counts
    }
  }
  return [...docs];
}

/** Deletes votes, 👎 reports and unanswered questions older than an ISO instant; returns how many went. */
export function pruneFeedback(db: Sql, before: string): Promise<{ feedback: number; unanswered: number }> {
  return db.transaction(async (tx) => ({
    feedback: await tx.run('DELETE FROM feedback WHERE at < ?', [before]),
    unanswered: await tx.run('DELETE FROM unanswered WHERE at < ?', [before]),
  }));
}
