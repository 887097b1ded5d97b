/**
 * Named leases in the store, so only one process posts digests at a time: the holder renews its
 * lease each tick; if it dies the lease expires and another process takes over.
 */
import type { Sql } from './sql.ts';

/** Takes or renews the lease `name` for `owner` until `at + ttlMs`; false while another owner holds an unexpired lease. */
export function acquireLock(db: Sql, name: string, owner: string, at: Date, ttlMs: number): Promise<boolean> {
  return db.transaction(async (tx) => {
    const row = await tx.get<{ owner: string; expires_at: string }>('SELECT owner, expires_at FROM locks WHERE name = ?', [name]);
    if (row && row.owner !== owner && row.expires_at > at.toISOString()) return false;
    const expires = new Date(at.getTime() + ttlMs).toISOString();
    await tx.run(
      `INSERT INTO locks (name, owner, acquired_at, expires_at) VALUES (?, ?, ?, ?)
      ON CONFLICT (name) DO UPDATE SET owner = excluded.owner, acquired_at = CASE WHEN locks.owner = excluded.owner THEN locks.acquired_at ELSE excluded.acquired_at END, expires_at = excluded.expires_at`,
      [name, owner, at.toISOString(), expires],
    );
    return true;
  });
}

/** Gives the lease up (only if `owner` holds it). */
export async function releaseLock(db: Sql, name: string, owner: string): Promise<void> {
  await db.run('DELETE FROM locks WHERE name = ? AND owner = ?', [name, owner]);
}

/** Who holds the lease now, if anyone. */
export async function lockHolder(db: Sql, name: string, at: Date): Promise<string | null> {
  const row = await db.get<{ owner: string; expires_at: string }>('SELECT owner, expires_at FROM locks WHERE name = ?', [name]);
  return row && row.expires_at > at.toISOString() ? row.owner : null;
}
