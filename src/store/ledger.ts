/**
 * The digest ledger: one row per (subscription, period). A period is claimed by inserting its row
 * as "posting" together with the exact messages to send (and the facts snapshot they bring the
 * channel to), in one transaction, so two processes can
 * never both claim it and a restart re-sends the same words. The row becomes "posted" (all parts
 * sent), "skipped" (a quiet period that stays silent) or "failed" (with the reason).
 */
import type { Sql } from './sql.ts';
import { markSeen, pruneSnapshots, storeSnapshot } from './snapshots.ts';

/** posting: claimed, being sent; posted: all parts accepted; skipped: a quiet period left silent; failed: see `error`. */
export type LedgerStatus = 'posting' | 'posted' | 'skipped' | 'failed';

/** A message part as stored: the Web API arguments for chat.postMessage (text + blocks). */
export interface StoredMessage {
  text: string;
  blocks: unknown[];
}

/** One digest period of one subscription, as the ledger holds it. */
export interface LedgerRow {
  id: number;
  subscriptionId: number;
  channel: string;
  /** The scheduled instant (ISO, UTC) the digest belongs to; unique per subscription. */
  periodKey: string;
  periodStart: string;
  periodEnd: string;
  status: LedgerStatus;
  attempts: number;
  owner: string | null;
  claimedAt: string;
  finishedAt: string | null;
  messages: StoredMessage[];
  /** The knowledge whose facts the channel will have seen once this digest is posted. */
  knowledgeId: string;
  /** Timestamp of the first message, once Slack accepted it. */
  ts: string | null;
  partsPosted: number;
  error: string | null;
  retryable: boolean;
}

/** What claiming a period needs: the period, the messages and the snapshot they bring the channel to. */
export interface Claim {
  subscriptionId: number;
  channel: string;
  periodKey: string;
  periodStart: string;
  periodEnd: string;
  messages: StoredMessage[];
  /** The facts snapshot (JSON) of `knowledgeId`, stored once for every channel. */
  snapshot: string;
  knowledgeId: string;
  owner: string;
  at: string;
}

/** Claims, progresses and finishes digest periods. */
export class Ledger {
  constructor(private readonly db: Sql) {}

  /** Claims a period for posting; returns the row, or null when the period is already in the ledger. */
  claim(c: Claim): Promise<LedgerRow | null> {
    return this.db.transaction(async (tx) => {
      const row = await insert(tx, c, 'posting');
      if (row) await storeSnapshot(tx, { knowledgeId: c.knowledgeId, snapshot: c.snapshot }, c.at);
      return row;
    });
  }

  /** Records a quiet period that posts nothing, and moves the channel's snapshot on, in one transaction. */
  skip(c: Claim): Promise<LedgerRow | null> {
    return this.db.transaction(async (tx) => {
      const row = await insert(tx, c, 'skipped');
      if (row) {
        await storeSnapshot(tx, { knowledgeId: c.knowledgeId, snapshot: c.snapshot }, c.at);
        await markSeen(tx, c.subscriptionId, c.knowledgeId, c.at);
        await pruneSnapshots(tx);
      }
      return row;
    });
  }

  /** Re-claims a failed-but-retryable row, or a "posting" row whose poster is presumed dead; true when this caller won it. */
  async reclaim(id: number, owner: string, at: string, staleBefore: string): Promise<boolean> {
    const changed = await this.db.run(
      `UPDATE digest_ledger SET status = 'posting', attempts = attempts + 1, owner = ?, claimed_at = ?, error = NULL, retryable = 0
      WHERE id = ? AND ((status = 'failed' AND retryable = 1) OR (status = 'posting' AND claimed_at < ?))`,
      [owner, at, id, staleBefore],
    );
    return changed === 1;
  }

  /** Records that message part `index` was accepted by Slack (the first part's ts threads the rest). */
  async recordPart(id: number, index: number, ts: string): Promise<void> {
    // CASE rather than the two-argument MAX, which PostgreSQL spells GREATEST.
    if (index === 0)
      await this.db.run('UPDATE digest_ledger SET ts = ?, parts_posted = CASE WHEN parts_posted < 1 THEN 1 ELSE parts_posted END WHERE id = ?', [ts, id]);
    else
      await this.db.run('UPDATE digest_ledger SET parts_posted = CASE WHEN parts_posted < ? THEN ? ELSE parts_posted END WHERE id = ?', [
        index + 1,
        index + 1,
        id,
      ]);
  }

  /** Marks a row posted and moves the channel's snapshot on, in one transaction. */
  markPosted(id: number, at: string): Promise<void> {
    return this.db.transaction(async (tx) => {
      const row = await getRow(tx, id);
      if (!row) return;
      await tx.run(`UPDATE digest_ledger SET status = 'posted', finished_at = ?, error = NULL WHERE id = ?`, [at, id]);
      await markSeen(tx, row.subscriptionId, row.knowledgeId, at);
      await pruneSnapshots(tx);
    });
  }

  /** Marks a row failed with the reason; `retryable` rows are tried again on a later run. */
  async markFailed(id: number, error: string, retryable: boolean, at: string): Promise<void> {
    await this.db.run(`UPDATE digest_ledger SET status = 'failed', error = ?, retryable = ?, finished_at = ? WHERE id = ?`, [error, retryable ? 1 : 0, at, id]);
  }

  /** Stops retrying a subscription's failed periods before `periodKey`: the newer digest covers their window. */
  async supersede(subscriptionId: number, periodKey: string): Promise<void> {
    await this.db.run(
      `UPDATE digest_ledger SET retryable = 0, error = COALESCE(error, '') || ' (superseded by the digest of ' || CAST(? AS TEXT) || ')'
      WHERE subscription_id = ? AND status = 'failed' AND retryable = 1 AND period_key < ?`,
      [periodKey, subscriptionId, periodKey],
    );
  }

  /** One row by id. */
  get(id: number): Promise<LedgerRow | null> {
    return getRow(this.db, id);
  }

  /** The row for a subscription's period, if claimed. */
  async find(subscriptionId: number, periodKey: string): Promise<LedgerRow | null> {
    const r = await this.db.get<Raw>('SELECT * FROM digest_ledger WHERE subscription_id = ? AND period_key = ?', [subscriptionId, periodKey]);
    return r ? toRow(r) : null;
  }

  /** The most recent period a subscription completed (posted or skipped): the next digest starts where it ended. */
  async lastCompleted(subscriptionId: number): Promise<LedgerRow | null> {
    const r = await this.db.get<Raw>(
      `SELECT * FROM digest_ledger WHERE subscription_id = ? AND status IN ('posted', 'skipped') ORDER BY period_key DESC LIMIT 1`,
      [subscriptionId],
    );
    return r ? toRow(r) : null;
  }

  /** Where a subscription's first claimed period began (posted or not), so a digest after failures covers their window too. */
  async firstPeriodStart(subscriptionId: number): Promise<string | null> {
    const r = await this.db.get<{ start: string | null }>('SELECT MIN(period_start) AS start FROM digest_ledger WHERE subscription_id = ?', [subscriptionId]);
    return r?.start ?? null;
  }

  /** Rows still "posting" (claimed, not confirmed), oldest first. */
  async unfinished(): Promise<LedgerRow[]> {
    return (await this.db.all<Raw>(`SELECT * FROM digest_ledger WHERE status = 'posting' ORDER BY claimed_at`)).map(toRow);
  }

  /** Every row of a subscription (or all), oldest period first. */
  async list(subscriptionId?: number): Promise<LedgerRow[]> {
    const rows =
      subscriptionId == null
        ? await this.db.all<Raw>('SELECT * FROM digest_ledger ORDER BY period_key, id')
        : await this.db.all<Raw>('SELECT * FROM digest_ledger WHERE subscription_id = ? ORDER BY period_key, id', [subscriptionId]);
    return rows.map(toRow);
  }
}

async function getRow(db: Sql, id: number): Promise<LedgerRow | null> {
  const r = await db.get<Raw>('SELECT * FROM digest_ledger WHERE id = ?', [id]);
  return r ? toRow(r) : null;
}

async function insert(db: Sql, c: Claim, status: LedgerStatus): Promise<LedgerRow | null> {
  const r = await db.get<Raw>(
    `INSERT INTO digest_ledger (subscription_id, channel, period_key, period_start, period_end, status, owner, claimed_at, finished_at, messages, knowledge_id)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (subscription_id, period_key) DO NOTHING RETURNING *`,
    [
      c.subscriptionId,
      c.channel,
      c.periodKey,
      c.periodStart,
      c.periodEnd,
      status,
      c.owner,
      c.at,
      status === 'skipped' ? c.at : null,
      JSON.stringify(c.messages),
      c.knowledgeId,
    ],
  );
  return r ? toRow(r) : null;
}

type Raw = Record<string, string | number | null>;

function toRow(r: Raw): LedgerRow {
  return {
    id: Number(r.id),
    subscriptionId: Number(r.subscription_id),
    channel: String(r.channel),
    periodKey: String(r.period_key),
    periodStart: String(r.period_start),
    periodEnd: String(r.period_end),
    status: r.status as LedgerStatus,
    attempts: Number(r.attempts),
    owner: r.owner == null ? null : String(r.owner),
    claimedAt: String(r.claimed_at),
    finishedAt: r.finished_at == null ? null : String(r.finished_at),
    messages: JSON.parse(String(r.messages)) as StoredMessage[],
    knowledgeId: String(r.knowledge_id),
    ts: r.ts == null ? null : String(r.ts),
    partsPosted: Number(r.parts_posted),
    error: r.error == null ? null : String(r.error),
    retryable: Number(r.retryable) === 1,
  };
}
