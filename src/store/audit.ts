/** The audit trail of subscription changes: who changed which channel's digest, what it was before and after, and when. */
import type { Sql } from './sql.ts';

/** One change to a channel's subscription. `before`/`after` are the subscription records (null when absent). */
export interface AuditEntry {
  at: string;
  user: string;
  channel: string;
  action: string;
  before: unknown;
  after: unknown;
}

/** Appends an audit entry (call inside the transaction that makes the change). */
export async function recordAudit(db: Sql, entry: AuditEntry): Promise<void> {
  await db.run('INSERT INTO subscription_audit (at, "user", channel, action, before, after) VALUES (?, ?, ?, ?, ?, ?)', [
    entry.at,
    entry.user,
    entry.channel,
    entry.action,
    json(entry.before),
    json(entry.after),
  ]);
}

/** The audit trail, oldest first, for one channel or for all. */
export async function listAudit(db: Sql, channel?: string): Promise<AuditEntry[]> {
  const rows = channel
    ? await db.all<Record<string, string | null>>('SELECT * FROM subscription_audit WHERE channel = ? ORDER BY id', [channel])
    : await db.all<Record<string, string | null>>('SELECT * FROM subscription_audit ORDER BY id');
  return rows.map((r) => ({
    at: r.at!,
    user: r.user!,
    channel: r.channel!,
    action: r.action!,
    before: r.before == null ? null : JSON.parse(r.before),
    after: r.after == null ? null : JSON.parse(r.after),
  }));
}

const json = (v: unknown): string | null => (v == null ? null : JSON.stringify(v));
