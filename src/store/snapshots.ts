/**
 * Fact snapshots, and which one each subscription last saw, so its next digest can say what changed
 * since. A snapshot is a pure function of a Knowledge, so it is stored once per knowledge id and
 * shared by every channel; snapshots nobody needs any more are pruned.
 */
import type { Sql } from './sql.ts';

/** A snapshot as stored: the knowledge id it describes and its JSON (see src/digest/snapshot.ts). */
export interface SavedSnapshot {
  knowledgeId: string;
  snapshot: string;
}

/** Stores a snapshot body (a no-op when that knowledge id is already stored). */
export async function storeSnapshot(db: Sql, saved: SavedSnapshot, at: string): Promise<void> {
  await db.run('INSERT INTO fact_snapshots (knowledge_id, snapshot, saved_at) VALUES (?, ?, ?) ON CONFLICT (knowledge_id) DO NOTHING', [
    saved.knowledgeId,
    saved.snapshot,
    at,
  ]);
}

/** The snapshot a subscription last saw, or null when it has seen none. */
export async function loadSeenSnapshot(db: Sql, subscriptionId: number): Promise<(SavedSnapshot & { seenAt: string }) | null> {
  const r = await db.get<{ knowledge_id: string; snapshot: string; saved_at: string }>(
    'SELECT s.knowledge_id, f.snapshot, s.saved_at FROM seen_snapshots s JOIN fact_snapshots f ON f.knowledge_id = s.knowledge_id WHERE s.subscription_id = ?',
    [subscriptionId],
  );
  return r ? { knowledgeId: r.knowledge_id, snapshot: r.snapshot, seenAt: r.saved_at } : null;
}

/** Records that a subscription has now seen the snapshot of `knowledgeId` (which must be stored). */
export async function markSeen(db: Sql, subscriptionId: number, knowledgeId: string, at: string): Promise<void> {
  await db.run(
    `INSERT INTO seen_snapshots (subscription_id, knowledge_id, saved_at) VALUES (?, ?, ?)
    ON CONFLICT (subscription_id) DO UPDATE SET knowledge_id = excluded.knowledge_id, saved_at = excluded.saved_at`,
    [subscriptionId, knowledgeId, at],
  );
}

/** Forgets what a subscription saw (on unsubscribe). */
export async function forgetSeen(db: Sql, subscriptionId: number): Promise<void> {
  await db.run('DELETE FROM seen_snapshots WHERE subscription_id = ?', [subscriptionId]);
}

/** Deletes snapshots no subscription has seen and no unfinished digest will bring a channel to. */
export async function pruneSnapshots(db: Sql): Promise<number> {
  return db.run(`DELETE FROM fact_snapshots WHERE knowledge_id NOT IN (SELECT knowledge_id FROM seen_snapshots)
    AND knowledge_id NOT IN (SELECT knowledge_id FROM digest_ledger WHERE status = 'posting' OR (status = 'failed' AND retryable = 1))`);
}
