/** The audit trail of subscription changes: who changed which channel's digest, what it was before and after, and when. */
import type { Db } from './db.ts';

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
export function recordAudit(db: Db, entry: AuditEntry): void {
  db.prepare('INSERT INTO subscription_audit (at, user, channel, action, before, after) VALUES (?, ?, ?, ?, ?, ?)').run(
    entry.at, entry.user, entry.channel, entry.action, json(entry.before), json(entry.after),
  );
}

/** The audit trail, oldest first, for one channel or for all. */
export function listAudit(db: Db, channel?: string): AuditEntry[] {
  const rows = (channel
    ? db.prepare('SELECT * FROM subscription_audit WHERE channel = ? ORDER BY id').all(channel)
    : db.prepare('SELECT * FROM subscription_audit ORDER BY id').all()) as Record<string, string | null>[];
  return rows.map((r) => ({
    at: r.at!, user: r.user!, channel: r.channel!, action: r.action!,
    before: r.before == null ? null : JSON.parse(r.before), after: r.after == null ? null : JSON.parse(r.after),
  }));
}

const json = (v: unknown) => (v == null ? null : JSON.stringify(v));
