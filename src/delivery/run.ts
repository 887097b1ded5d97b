/**
 * One pass over the store: finish digests a crashed process left half-posted, then post every
 * period now due, each exactly once.
 *
 * Exactly once: a period is claimed by inserting its ledger row as "posting", with the messages,
 * in one transaction (the (subscription, period) key is unique, so only one claimer wins). Every
 * message carries metadata naming its ledger row and part. Each accepted part is recorded; the row
 * becomes "posted" when all parts are. A row left "posting" longer than `staleAfterMs` (its poster
 * died) is re-claimed, and before re-sending a part the channel (or thread) is searched for that
 * part's metadata: found, it is recorded, not re-sent. A post whose reply is lost (a timeout, a
 * dropped connection, a 5xx) is treated the same way at once: the channel is searched before the part
 * is sent again. Only when Slack will not let us read the channel (missing history scope) is a part
 * re-sent unchecked: at most one duplicate, logged.
 *
 * The lease on the digest lock is renewed before each part and, while a post is in flight, every
 * `leaseRenewMs`; a poster that finds it has lost the lease stops before the next part.
 */
import { hostname } from 'node:os';
import { randomUUID } from 'node:crypto';
import type { Knowledge } from '../knowledge/knowledge.ts';
import type { LedgerRow } from '../store/ledger.ts';
import type { Store } from '../store/store.ts';
import type { Subscription } from '../store/subscriptions.ts';
import { composeDigest, type ComposedDigest } from './compose.ts';
import { FilterError } from '../digest/filter.ts';
import { DigestPostError, type DigestPoster } from './post.ts';
import { latestSlot } from '../digest/schedule.ts';

/** The lock row that lets one process at a time post digests. */
export const DIGEST_LOCK = 'digest-poster';
/** Who the audit trail names when the scheduler itself pauses a subscription. */
export const SCHEDULER_USER = 'digest-scheduler';

/** Just what the runner logs with (console or Bolt's logger will do). */
export interface DigestLogger {
  info(...args: unknown[]): void;
  warn(...args: unknown[]): void;
  error(...args: unknown[]): void;
}

/** What a pass needs: the store, the knowledge, a poster, and its limits. */
export interface DigestRunDeps {
  store: Store;
  /** The knowledge serving now (a reload swaps it; each run reads it once). */
  knowledge: () => Knowledge;
  poster: DigestPoster;
  /** This process's id in the lock and ledger rows; defaults to host:pid:random. */
  owner?: string;
  logger?: DigestLogger;
  /** A "posting" row older than this is presumed abandoned by a dead process (default 5 minutes). */
  staleAfterMs?: number;
  /** Attempts per period before a retryable failure is left failed (default 5). */
  maxAttempts?: number;
  /** Lease on the digest lock (default 3 minutes; renewed before each post and while one is in flight). */
  lockTtlMs?: number;
  /** How often the lease is renewed while a post is in flight (default a third of the lease). */
  leaseRenewMs?: number;
  /** Times a part whose post got no reply, and is not found in the channel, is sent again in one pass (default 2). */
  unknownOutcomeRetries?: number;
}

/** What a run did, for logs and tests. */
export interface RunReport {
  locked: boolean;
  posted: number[];
  skipped: number[];
  recovered: number[];
  failed: { id: number; channel: string; error: string }[];
  paused: { channel: string; reason: string }[];
}

/** A fresh owner id for this process. */
export function newOwnerId(): string {
  return `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
}

/** Posts everything due at `now`, once; returns what it did. Does nothing when another process holds the digest lock. */
export async function runDueDigests(deps: DigestRunDeps, now: Date = new Date()): Promise<RunReport> {
  const { store } = deps;
  const owner = deps.owner ?? newOwnerId();
  const log = deps.logger ?? console;
  const report: RunReport = { locked: false, posted: [], skipped: [], recovered: [], failed: [], paused: [] };
  const lockTtl = deps.lockTtlMs ?? 180_000;
  if (!(await store.acquireLock(DIGEST_LOCK, owner, now, lockTtl))) {
    log.info(`digests: another process (${await store.lockHolder(DIGEST_LOCK, now)}) holds the digest lock; not posting`);
    return report;
  }
  report.locked = true;
  const at = now.toISOString();
  const staleBefore = new Date(now.getTime() - (deps.staleAfterMs ?? 300_000)).toISOString();
  const maxAttempts = deps.maxAttempts ?? 5;
  // The pass's clock: `now`, moved on by the real time the pass has taken (rate-limit waits can be long).
  const started = Date.now();
  const clock = () => new Date(now.getTime() + (Date.now() - started));
  const renew = async () => {
    try {
      return await store.acquireLock(DIGEST_LOCK, owner, clock(), lockTtl);
    } catch (e) {
      log.error(`digests: could not renew the digest lease: ${e instanceof Error ? e.message : String(e)}`);
      return false;
    }
  };
  const ctx: DeliverContext = { deps, owner, log, report, at, clock, renew, renewEveryMs: deps.leaseRenewMs ?? Math.floor(lockTtl / 3) };

  // 1. Digests a dead process claimed but did not confirm: finish them without repeating what Slack already has.
  for (const row of await store.ledger.unfinished()) {
    if (row.claimedAt >= staleBefore) continue;
    if (row.attempts >= maxAttempts) {
      await store.ledger.markFailed(row.id, `gave up after ${row.attempts} attempts`, false, at);
      report.failed.push({ id: row.id, channel: row.channel, error: `gave up after ${row.attempts} attempts` });
      continue;
    }
    if (!(await store.subscriptions.getById(row.subscriptionId))) {
      await store.ledger.markFailed(row.id, 'the channel unsubscribed before it was posted', false, at);
      continue;
    }
    if (!(await store.ledger.reclaim(row.id, owner, at, staleBefore))) continue;
    log.warn(`digests: resuming digest ${row.id} for ${row.channel} (${row.periodKey}), left unconfirmed by ${row.owner}`);
    if (await deliver(ctx, (await store.ledger.get(row.id))!, true)) report.recovered.push(row.id);
    if (ctx.stop) return report;
  }

  // 2. Every active subscription whose latest slot has no digest yet (or a retryable failure).
  const knowledge = deps.knowledge();
  for (const sub of await store.subscriptions.list()) {
    if (sub.status !== 'active') continue;
    const slot = latestSlot(sub, now);
    if (slot.toISOString() <= sub.since) continue;
    const key = slot.toISOString();
    const existing = await store.ledger.find(sub.id, key);
    if (existing) {
      if (
        existing.status === 'failed' &&
        existing.retryable &&
        existing.attempts < maxAttempts &&
        (await store.ledger.reclaim(existing.id, owner, at, staleBefore))
      ) {
        // The failed call may have reached Slack (a timeout), so look before re-sending.
        await deliver(ctx, (await store.ledger.get(existing.id))!, true);
      }
    } else {
      try {
        await postDue(ctx, knowledge, sub, slot);
      } catch (e) {
        // One channel's problem must not hold up the others; the period stays unclaimed and is tried next pass.
        log.error(`digests: could not prepare the digest for ${sub.channel}: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
      }
    }
    if (ctx.stop) break;
  }
  return report;
}

interface DeliverContext {
  deps: DigestRunDeps;
  owner: string;
  log: DigestLogger;
  report: RunReport;
  at: string;
  clock: () => Date;
  renew: () => Promise<boolean>;
  renewEveryMs: number;
  stop?: boolean;
  /** Set when a renewal during a post failed: another process may hold the lease now. */
  leaseLost?: boolean;
}

async function postDue(ctx: DeliverContext, knowledge: Knowledge, sub: Subscription, slot: Date): Promise<void> {
  const { store } = ctx.deps;
  let composed: ComposedDigest;
  try {
    composed = await composeDigest(store, knowledge, sub, slot);
  } catch (e) {
    if (!(e instanceof FilterError)) throw e;
    await store.subscriptions.pause(sub.channel, e.message, { user: SCHEDULER_USER, at: ctx.at });
    ctx.report.paused.push({ channel: sub.channel, reason: e.message });
    return;
  }
  const claim = {
    subscriptionId: sub.id,
    channel: sub.channel,
    periodKey: slot.toISOString(),
    periodStart: composed.periodStart.toISOString(),
    periodEnd: slot.toISOString(),
    messages: composed.messages,
    snapshot: composed.snapshot,
    knowledgeId: knowledge.id,
    owner: ctx.owner,
    at: ctx.at,
  };
  if (composed.quiet && !sub.postWhenQuiet) {
    const row = await store.ledger.skip(claim);
    if (row) {
      await store.ledger.supersede(sub.id, row.periodKey);
      ctx.report.skipped.push(row.id);
    }
    return;
  }
  const row = await store.ledger.claim(claim);
  if (!row) return;
  await store.ledger.supersede(sub.id, row.periodKey);
  await deliver(ctx, row, false);
}

/** Sends the parts of a claimed row not yet recorded; when `recovering`, first looks for each in Slack. True when the row ends posted. */
async function deliver(ctx: DeliverContext, row: LedgerRow, recovering: boolean): Promise<boolean> {
  const { store } = ctx.deps;
  let ts = row.ts;
  let look = recovering;
  try {
    for (let part = row.partsPosted; part < row.messages.length; part++) {
      const mark = { ledgerId: row.id, subscriptionId: row.subscriptionId, periodKey: row.periodKey, part };
      if (part > 0 && !ts) throw new DigestPostError('no_thread', 'the first part has no timestamp to thread the rest under', 'permanent');
      if (look) {
        const found = await findQuietly(ctx, row, mark, ts);
        if (found) {
          await store.ledger.recordPart(row.id, part, found);
          if (part === 0) ts = found;
          continue;
        }
        look = false; // parts go in order: once one is missing, the later ones are too
      }
      if (ctx.leaseLost || !(await ctx.renew())) throw lockLost();
      const posted = await sendPart(ctx, row, mark, part > 0 ? ts! : undefined);
      await store.ledger.recordPart(row.id, part, posted);
      if (part === 0) ts = posted;
    }
    await store.ledger.markPosted(row.id, ctx.clock().toISOString());
    ctx.report.posted.push(row.id);
    return true;
  } catch (e) {
    if (!(e instanceof DigestPostError)) throw e;
    const at = ctx.clock().toISOString();
    await store.ledger.markFailed(row.id, `${e.code}: ${e.message}`, e.kind === 'retryable' || e.kind === 'fatal', at);
    ctx.report.failed.push({ id: row.id, channel: row.channel, error: e.message });
    if (e.code === LOCK_LOST) {
      // The new holder sees the row as retryable and, like after a crash, looks before re-sending.
      ctx.stop = true;
      const holder = await ctx.deps.store.lockHolder(DIGEST_LOCK, ctx.clock()).catch(() => null);
      const posted = (await store.ledger.get(row.id).catch(() => null))?.partsPosted ?? row.partsPosted;
      ctx.log.warn(`digests: lost the digest lease (${holder ?? 'expired'}); stopped before part ${posted + 1} of digest ${row.id}`);
    } else if (e.kind === 'pause') {
      await store.subscriptions.pause(row.channel, e.message, { user: SCHEDULER_USER, at });
      ctx.report.paused.push({ channel: row.channel, reason: e.message });
      ctx.log.warn(`digests: paused the digest for ${row.channel}: ${e.message}`);
    } else if (e.kind === 'fatal') {
      ctx.stop = true;
      ctx.log.error(`digests: stopped posting: ${e.message}`);
    } else {
      ctx.log.warn(`digests: digest ${row.id} for ${row.channel} failed (${e.kind}): ${e.message}`);
    }
    return false;
  }
}

const LOCK_LOST = 'lock_lost';
const lockLost = () => new DigestPostError(LOCK_LOST, 'another process took the digest lock', 'retryable');

/**
 * Posts one part, renewing the lease while the post is in flight. When the post's outcome is unknown
 * (no reply), the channel is searched for the part first: found, its ts is returned; not found, it is
 * sent again (a bounded number of times). Throws DigestPostError.
 */
async function sendPart(
  ctx: DeliverContext,
  row: LedgerRow,
  mark: { ledgerId: number; subscriptionId: number; periodKey: string; part: number },
  threadTs?: string,
): Promise<string> {
  const { poster } = ctx.deps;
  const retries = ctx.deps.unknownOutcomeRetries ?? 2;
  for (let attempt = 0; ; attempt++) {
    try {
      return await whileLeased(ctx, () => poster.post(row.channel, row.messages[mark.part], mark, threadTs));
    } catch (e) {
      if (!(e instanceof DigestPostError) || e.kind !== 'unknown') throw e;
      ctx.log.warn(`digests: ${e.message} (digest ${row.id} part ${mark.part + 1} for ${row.channel}); looking in the channel before sending it again`);
      const found = await findAfterUnknown(ctx, row, mark, threadTs ?? null);
      if (found) return found;
      if (attempt >= retries) throw new DigestPostError(e.code, `${e.message}; not found in the channel after ${attempt + 1} sends`, 'retryable');
      if (ctx.leaseLost || !(await ctx.renew())) throw lockLost();
    }
  }
}

/** Runs `fn` while renewing the lease every `renewEveryMs`; a failed renewal marks the lease lost. */
async function whileLeased<T>(ctx: DeliverContext, fn: () => Promise<T>): Promise<T> {
  // Renewals never overlap: a slow store skips a beat rather than piling up writes.
  let renewing = false;
  const timer = setInterval(() => {
    if (ctx.leaseLost || renewing) return;
    renewing = true;
    void ctx.renew().then((held) => {
      renewing = false;
      if (!held) ctx.leaseLost = true;
    });
  }, ctx.renewEveryMs);
  try {
    return await fn();
  } finally {
    clearInterval(timer);
  }
}

/**
 * After a post with no reply: a network or rate-limit failure of the search leaves the part for a later
 * pass (which looks first); Slack refusing to let us read the channel means re-sending it unchecked.
 */
async function findAfterUnknown(
  ctx: DeliverContext,
  row: LedgerRow,
  mark: { ledgerId: number; subscriptionId: number; periodKey: string; part: number },
  ts: string | null,
): Promise<string | null> {
  try {
    return await ctx.deps.poster.findPosted(row.channel, mark, new Date(row.periodEnd), mark.part > 0 ? ts : null);
  } catch (e) {
    if (!(e instanceof DigestPostError) || e.kind === 'pause' || e.kind === 'retryable') throw e;
    warnUnchecked(ctx, row, mark.part, e);
    return null;
  }
}

function warnUnchecked(ctx: DeliverContext, row: LedgerRow, part: number, e: DigestPostError): void {
  ctx.log.warn(
    `digests: cannot check ${row.channel} for digest ${row.id} part ${part + 1} (${e.message}); re-sending it, which may repeat it once. Give the app channels:history and groups:history to avoid this.`,
  );
}

/** Looks for a part in Slack; when Slack will not say, logs it and answers "not found" (the part is then re-sent). */
async function findQuietly(
  ctx: DeliverContext,
  row: LedgerRow,
  mark: { ledgerId: number; subscriptionId: number; periodKey: string; part: number },
  ts: string | null,
): Promise<string | null> {
  try {
    // A digest is never posted before its period ends, so the search starts there.
    return await ctx.deps.poster.findPosted(row.channel, mark, new Date(row.periodEnd), mark.part > 0 ? ts : null);
  } catch (e) {
    if (!(e instanceof DigestPostError) || e.kind === 'pause') throw e;
    warnUnchecked(ctx, row, mark.part, e);
    return null;
  }
}
