/**
 * Named leases in the store, so only one process posts digests at a time: the holder renews its
 * lease each tick; if it dies the lease expires and another process takes over.
 */
import type { Db } from './db.ts';

/** Takes or renews the lease `name` for `owner` until `at + ttlMs`; false while another owner holds an unexpired lease. */
export function acquireLock(db: Db, name: string, owner: string, at: Date, ttlMs: number): boolean {
  return db.transaction(() => {
    const row = db.prepare('SELECT owner, expires_at FROM locks WHERE name = ?').get(name) as { owner: string; expires_at: string } | undefined;
    if (row && row.owner !== owner && row.expires_at > at.toISOString()) return false;
    const expires = new Date(at.getTime() + ttlMs).toISOString();
    db.prepare(`INSERT INTO locks (name, owner, acquired_at, expires_at) VALUES (?, ?, ?, ?)
      ON CONFLICT (name) DO UPDATE SET owner = excluded.owner, acquired_at = CASE WHEN locks.owner = excluded.owner THEN locks.acquired_at ELSE excluded.acquired_at END, expires_at = excluded.expires_at`)
      .run(name, owner, at.toISOString(), expires);
    return true;
  }).immediate();
}

/** Gives the lease up (only if `owner` holds it). */
export function releaseLock(db: Db, name: string, owner: string): void {
  db.prepare('DELETE FROM locks WHERE name = ? AND owner = ?').run(name, owner);
}

/** Who holds the lease now, if anyone. */
export function lockHolder(db: Db, name: string, at: Date): string | null {
  const row = db.prepare('SELECT owner, expires_at FROM locks WHERE name = ?').get(name) as { owner: string; expires_at: string } | undefined;
  return row && row.expires_at > at.toISOString() ? row.owner : null;
}
