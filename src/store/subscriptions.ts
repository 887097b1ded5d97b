/**
 * Channel digest subscriptions: one per channel, with its schedule (Europe/London), filter and
 * quiet-period setting. Every change is written with its audit entry in one transaction.
 */
import { recordAudit } from './audit.ts';
import type { Sql } from './sql.ts';
import { forgetSeen, markSeen, pruneSnapshots, storeSnapshot, type SavedSnapshot } from './snapshots.ts';
import type { Frequency, Schedule } from '../digest/schedule.ts';

// The schedule is the digest's own type; the store keeps it as it is.
export type { Frequency, Schedule };

/** A channel's digest subscription as stored. */
export interface Subscription extends Schedule {
  id: number;
  channel: string;
  /** The filter as the user typed it (region, STP/ICB or organisation), or null for everything. */
  filter: string | null;
  /** When true a period with nothing to report posts a one-line "No changes"; when false it stays silent. */
  postWhenQuiet: boolean;
  status: 'active' | 'paused';
  pausedReason: string | null;
  /** ISO instant digests are due from (set when subscribing, rescheduling or resuming). */
  since: string;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
}

/** Who made a change and when (the audit trail's subject). */
export interface Actor {
  user: string;
  at: string;
}

/** Reads and changes subscriptions; each change returns the record before and after. */
export class SubscriptionStore {
  constructor(private readonly db: Sql) {}

  /** The channel's subscription, if any. */
  get(channel: string): Promise<Subscription | null> {
    return byChannel(this.db, channel);
  }

  /** A subscription by id, if it still exists. */
  async getById(id: number): Promise<Subscription | null> {
    const row = await this.db.get<Row>('SELECT * FROM subscriptions WHERE id = ?', [id]);
    return row ? toSubscription(row) : null;
  }

  /** Every subscription, by channel. */
  async list(): Promise<Subscription[]> {
    return (await this.db.all<Row>('SELECT * FROM subscriptions ORDER BY channel')).map(toSubscription);
  }

  /**
   * Creates or replaces the channel's subscription (schedule and filter) and resumes it if paused.
   * `baseline` is the facts snapshot a new subscription starts from, so its first digest reports
   * changes made after it subscribed rather than every fact ever recorded.
   */
  subscribe(channel: string, schedule: Schedule & { filter: string | null }, actor: Actor, baseline?: SavedSnapshot): Promise<Change> {
    return this.change(channel, actor, 'subscribe', async (tx, before) => {
      if (before) {
        await tx.run(
          `UPDATE subscriptions SET frequency = ?, at_time = ?, weekday = ?, filter = ?, status = 'active', paused_reason = NULL, since = ?, updated_at = ? WHERE id = ?`,
          [schedule.frequency, schedule.atTime, schedule.weekday, schedule.filter, actor.at, actor.at, before.id],
        );
      } else {
        const created = await tx.get<{ id: number }>(
          `INSERT INTO subscriptions (channel, frequency, at_time, weekday, filter, since, created_by, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
          [channel, schedule.frequency, schedule.atTime, schedule.weekday, schedule.filter, actor.at, actor.user, actor.at, actor.at],
        );
        if (baseline) {
          await storeSnapshot(tx, baseline, actor.at);
          await markSeen(tx, Number(created!.id), baseline.knowledgeId, actor.at);
        }
      }
    });
  }

  /** Removes the channel's subscription and forgets the facts it last saw (the ledger keeps its history). */
  unsubscribe(channel: string, actor: Actor): Promise<Change> {
    return this.change(channel, actor, 'unsubscribe', async (tx, before) => {
      if (!before) return;
      await forgetSeen(tx, before.id);
      await tx.run('DELETE FROM subscriptions WHERE id = ?', [before.id]);
      await pruneSnapshots(tx);
    });
  }

  /** Sets whether quiet periods post a one-line "No changes" message. */
  setPostWhenQuiet(channel: string, postWhenQuiet: boolean, actor: Actor): Promise<Change> {
    return this.change(channel, actor, postWhenQuiet ? 'quiet-off' : 'quiet-on', async (tx, before) => {
      if (before) await tx.run('UPDATE subscriptions SET post_when_quiet = ?, updated_at = ? WHERE id = ?', [postWhenQuiet ? 1 : 0, actor.at, before.id]);
    });
  }

  /** Pauses a subscription with the reason people will see (e.g. the bot was removed from the channel). */
  pause(channel: string, reason: string, actor: Actor): Promise<Change> {
    return this.change(channel, actor, 'pause', async (tx, before) => {
      if (before) await tx.run(`UPDATE subscriptions SET status = 'paused', paused_reason = ?, updated_at = ? WHERE id = ?`, [reason, actor.at, before.id]);
    });
  }

  /** Resumes a paused subscription; digests are due again from now (the next one covers the gap). */
  resume(channel: string, actor: Actor): Promise<Change> {
    return this.change(channel, actor, 'resume', async (tx, before) => {
      if (before)
        await tx.run(`UPDATE subscriptions SET status = 'active', paused_reason = NULL, since = ?, updated_at = ? WHERE id = ?`, [
          actor.at,
          actor.at,
          before.id,
        ]);
    });
  }

  private change(channel: string, actor: Actor, action: string, apply: (tx: Sql, before: Subscription | null) => Promise<void>): Promise<Change> {
    return this.db.transaction(async (tx): Promise<Change> => {
      const before = await byChannel(tx, channel);
      await apply(tx, before);
      const after = await byChannel(tx, channel);
      if (before || after) await recordAudit(tx, { at: actor.at, user: actor.user, channel, action, before, after });
      return { before, after };
    });
  }
}

async function byChannel(db: Sql, channel: string): Promise<Subscription | null> {
  const row = await db.get<Row>('SELECT * FROM subscriptions WHERE channel = ?', [channel]);
  return row ? toSubscription(row) : null;
}

/** A subscription before and after a change (null where there was none). */
export interface Change {
  before: Subscription | null;
  after: Subscription | null;
}

type Row = Record<string, string | number | null>;

function toSubscription(r: Row): Subscription {
  return {
    id: Number(r.id),
    channel: String(r.channel),
    frequency: r.frequency as Frequency,
    atTime: String(r.at_time),
    weekday: r.weekday == null ? null : Number(r.weekday),
    filter: r.filter == null ? null : String(r.filter),
    postWhenQuiet: Number(r.post_when_quiet) === 1,
    status: r.status as 'active' | 'paused',
    pausedReason: r.paused_reason == null ? null : String(r.paused_reason),
    since: String(r.since),
    createdBy: String(r.created_by),
    createdAt: String(r.created_at),
    updatedAt: String(r.updated_at),
  };
}
