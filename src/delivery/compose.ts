/**
 * The digest a subscription is due: its period (from where the last completed digest ended, so a
 * catch-up after downtime or a pause covers every missed period in one message), its filter, and
 * the fact changes since the snapshot the channel last saw.
 */
import type { Knowledge } from '../knowledge/knowledge.ts';
import type { SlackMessage } from '../render/blockLimits.ts';
import type { Store } from '../store/store.ts';
import type { Subscription } from '../store/subscriptions.ts';
import { digestMessages, quietMessage } from '../render/digestBlocks.ts';
import { buildDigest, isQuiet } from '../digest/build.ts';
import { filterForCode } from '../digest/filter.ts';
import { latestSlot, periodDays, previousSlot, slotsBetween } from '../digest/schedule.ts';
import { factSnapshotJson, parseSnapshot } from '../digest/snapshot.ts';
import type { Digest } from '../digest/types.ts';

/** A digest ready to claim: its period, content, messages and the snapshot it brings the channel to. */
export interface ComposedDigest {
  periodStart: Date;
  periodEnd: Date;
  digest: Digest;
  /** How many scheduled periods the digest covers (more than 1 after downtime). */
  periods: number;
  title: string;
  /** The messages to post; a single "no changes" line for a quiet period. */
  messages: SlackMessage[];
  quiet: boolean;
  snapshot: string;
}

/** Composes the digest of `sub` for the period ending at `slot`. Throws FilterError when its filter no longer resolves. */
export async function composeDigest(store: Store, knowledge: Knowledge, sub: Subscription, slot: Date): Promise<ComposedDigest> {
  // From where the last completed digest ended; failing that, where the first (failed) one began;
  // failing that (a first digest), the period the subscription started in.
  const last = await store.ledger.lastCompleted(sub.id);
  const anchor = last ? last.periodEnd : ((await store.ledger.firstPeriodStart(sub.id)) ?? latestSlot(sub, new Date(sub.since)).toISOString());
  const periodStart = anchor < slot.toISOString() ? new Date(anchor) : previousSlot(sub, slot);
  const periods = Math.max(1, slotsBetween(sub, periodStart, slot).length);
  const { from, to } = periodDays(periodStart, slot);
  const filter = sub.filter ? filterForCode(knowledge, sub.filter) : null;
  const seen = await store.loadSeenSnapshot(sub.id);
  const digest = buildDigest(knowledge, { from, to, filter, since: parseSnapshot(seen?.snapshot), imprecise: 'start' });
  const title = `${sub.frequency[0].toUpperCase()}${sub.frequency.slice(1)} commissioning digest${periods > 1 ? ` (catching up ${periods} periods)` : ''}`;
  const quiet = isQuiet(digest);
  const messages = quiet ? [quietMessage(title, from, to, digest.filter)] : digestMessages(knowledge, digest, title);
  return { periodStart, periodEnd: slot, digest, periods, title, messages, quiet, snapshot: factSnapshotJson(knowledge) };
}
