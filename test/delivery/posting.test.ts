/**
 * Posting digests exactly once over a Slack Web API stub: crashes between claiming and confirming,
 * two processes, rate limits, channels that refuse us, catch-up after downtime, quiet periods and
 * long digests split into a thread.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { composeDigest } from '../../src/delivery/compose.ts';
import { createDigestClient, DigestPoster, DIGEST_EVENT_TYPE } from '../../src/delivery/post.ts';
import { DIGEST_LOCK, runDueDigests, type DigestRunDeps } from '../../src/delivery/run.ts';
import { startDigestScheduler } from '../../src/delivery/scheduler.ts';
import { factSnapshot } from '../../src/digest/snapshot.ts';
import { digestSubscriptionsProvider } from '../../src/delivery/subscriptions.ts';
import { runDigestCommand } from '../../src/delivery/commands.ts';
import type { Knowledge } from '../../src/knowledge/knowledge.ts';
import { openStore, type Store } from '../../src/store/store.ts';
import { startDigestStub, type DigestStub } from '../digest/helpers/digestStub.ts';
import { assertPostedMessage } from '../slack/helpers/blockKit.ts';
import { BASE_DIR, CHANGED_DIR, fixture, tempDataDir } from '../digest/helpers/fixtures.ts';

const base = fixture(BASE_DIR);
const changed = fixture(CHANGED_DIR);
const CHANNEL = 'C0DIGEST';
/** Weekly Monday 09:00 London: 30 March 2026 is the first Monday of BST, so the slot is 08:00Z. */
const SLOT = new Date('2026-03-30T08:00:00Z');
const AFTER_SLOT = new Date('2026-03-30T08:05:00Z');

let stub: DigestStub;
let dataDir: string;
let stores: Store[];

beforeAll(async () => {
  stub = await startDigestStub();
});
afterAll(async () => {
  await stub.close();
});
beforeEach(() => {
  stub.calls.length = 0;
  stub.messages.length = 0;
  dataDir = tempDataDir();
  stores = [];
});
afterEach(async () => {
  for (const s of stores) await s.close();
});

/** A store on the test's DATA_DIR: a new one is a new process after a crash. */
async function store(): Promise<Store> {
  const s = await openStore({ dataDir });
  stores.push(s);
  return s;
}

function deps(s: Store, knowledge: Knowledge, extra: Partial<DigestRunDeps> = {}): DigestRunDeps {
  return {
    store: s,
    knowledge: () => knowledge,
    poster: new DigestPoster(createDigestClient('xoxb-test', stub.apiUrl)),
    owner: 'this-process',
    logger: { info: () => undefined, warn: () => undefined, error: () => undefined },
    ...extra,
  };
}

/** Subscribes CHANNEL weekly (Mondays 09:00) as of `since`, having seen `seen`'s facts. */
async function subscribe(
  s: Store,
  since = '2026-03-25T12:00:00.000Z',
  seen: Knowledge = base,
  settings: Partial<{ filter: string | null; postWhenQuiet: boolean }> = {},
) {
  await s.subscriptions.subscribe(
    CHANNEL,
    { frequency: 'weekly', atTime: '09:00', weekday: 1, filter: settings.filter ?? null },
    { user: 'U1', at: since },
    { knowledgeId: seen.id, snapshot: JSON.stringify(factSnapshot(seen)) },
  );
  if (settings.postWhenQuiet !== undefined) await s.subscriptions.setPostWhenQuiet(CHANNEL, settings.postWhenQuiet, { user: 'U1', at: since });
  return (await s.subscriptions.get(CHANNEL))!;
}

/** Claims the due period as a process that then dies (nothing is posted). */
async function claimAndCrash(s: Store, knowledge: Knowledge) {
  const sub = (await s.subscriptions.get(CHANNEL))!;
  const composed = await composeDigest(s, knowledge, sub, SLOT);
  return (await s.ledger.claim({
    subscriptionId: sub.id,
    channel: CHANNEL,
    periodKey: SLOT.toISOString(),
    periodStart: composed.periodStart.toISOString(),
    periodEnd: SLOT.toISOString(),
    messages: composed.messages,
    snapshot: composed.snapshot,
    knowledgeId: knowledge.id,
    owner: 'dead-process',
    at: AFTER_SLOT.toISOString(),
  }))!;
}

const later = (ms: number) => new Date(AFTER_SLOT.getTime() + ms);
const textOf = (m: { blocks?: unknown[]; text: string }) => JSON.stringify(m.blocks ?? m.text);

describe('posting a due digest', () => {
  it('posts once with metadata naming its ledger row; another pass posts nothing more', async () => {
    const s = await store();
    await subscribe(s);
    const report = await runDueDigests(deps(s, changed), AFTER_SLOT);
    expect(report).toMatchObject({ locked: true, failed: [], paused: [] });
    expect(stub.posts(CHANNEL)).toHaveLength(1);
    const [message] = stub.posts(CHANNEL);
    expect(message.metadata).toEqual({
      event_type: DIGEST_EVENT_TYPE,
      event_payload: { ledger_id: report.posted[0], subscription_id: 1, period_key: SLOT.toISOString(), part: 0 },
    });
    expect(textOf(message)).toContain('Weekly commissioning digest: 23 March 2026 to 29 March 2026');
    expect(textOf(message)).toContain('status: planned → completed');
    expect(textOf(message)).toContain('Removed intervention: Organisational review of East Surrey CCG');
    expect(await s.ledger.list()).toEqual([expect.objectContaining({ status: 'posted', ts: message.ts, partsPosted: 1, attempts: 1 })]);
    assertPostedMessage(stub.callsTo('chat.postMessage')[0].body);
    expect(stub.callsTo('chat.postMessage')[0].body).toMatchObject({ channel: CHANNEL, unfurl_links: 'false' });

    await runDueDigests(deps(s, changed), later(60_000));
    await runDueDigests(deps(await store(), changed), later(120_000));
    expect(stub.callsTo('chat.postMessage')).toHaveLength(1);
  });

  it('the next period reports only what changed since the last digest (here nothing: with quiet on it stays silent)', async () => {
    const s = await store();
    await subscribe(s, undefined, base, { postWhenQuiet: false });
    await runDueDigests(deps(s, changed), AFTER_SLOT);
    const next = await runDueDigests(deps(s, changed), new Date('2026-04-06T08:01:00Z'));
    expect(next.skipped).toHaveLength(1);
    expect(stub.posts(CHANNEL)).toHaveLength(1);
    expect((await s.ledger.list()).map((r) => r.status)).toEqual(['posted', 'skipped']);
  });

  it('by default a quiet period posts a one-line "no changes"', async () => {
    const s = await store();
    await subscribe(s);
    await runDueDigests(deps(s, base), AFTER_SLOT);
    expect(stub.posts(CHANNEL).map((m) => m.text)).toEqual(['Weekly commissioning digest: no changes from 23 March 2026 to 29 March 2026.']);
  });

  it('a first digest delayed by downtime still covers the period the subscription started in', async () => {
    const s = await store();
    await subscribe(s, '2026-03-25T12:00:00.000Z', base, { postWhenQuiet: true });
    await runDueDigests(deps(s, base), new Date('2026-04-13T08:01:00Z'));
    expect(stub.posts(CHANNEL).map((m) => m.text)).toEqual([
      'Weekly commissioning digest (catching up 3 periods): no changes from 23 March 2026 to 12 April 2026.',
    ]);
  });

  it('a period before the subscription started is not due', async () => {
    const s = await store();
    await subscribe(s, '2026-03-30T08:30:00.000Z');
    const report = await runDueDigests(deps(s, changed), new Date('2026-03-30T09:00:00Z'));
    expect(report.posted).toEqual([]);
    expect(await s.ledger.list()).toEqual([]);
  });
});

describe('exactly once across a crash', () => {
  it('claimed, then crashed before posting: a new process posts it once', async () => {
    const first = await store();
    await subscribe(first);
    const row = await claimAndCrash(first, changed);
    await first.close();

    // Within the stale window the new process leaves the claim alone.
    const early = await runDueDigests(deps(await store(), changed, { staleAfterMs: 300_000 }), later(60_000));
    expect(early.recovered).toEqual([]);
    expect(stub.callsTo('chat.postMessage')).toHaveLength(0);

    const second = await store();
    const report = await runDueDigests(deps(second, changed, { staleAfterMs: 300_000 }), later(600_000));
    expect(report.recovered).toEqual([row.id]);
    expect(stub.callsTo('conversations.history')).toHaveLength(1);
    expect(stub.posts(CHANNEL)).toHaveLength(1);
    expect(await second.ledger.get(row.id)).toMatchObject({ status: 'posted', attempts: 2 });

    await runDueDigests(deps(await store(), changed, { staleAfterMs: 0 }), later(900_000));
    expect(stub.callsTo('chat.postMessage')).toHaveLength(1);
  });

  it('Slack accepted it, then the process crashed before recording it: the new process finds it and does not repost', async () => {
    const first = await store();
    await subscribe(first);
    const row = await claimAndCrash(first, changed);
    const poster = new DigestPoster(createDigestClient('xoxb-test', stub.apiUrl));
    const ts = await poster.post(CHANNEL, row.messages[0], { ledgerId: row.id, subscriptionId: row.subscriptionId, periodKey: row.periodKey, part: 0 });
    await first.close();

    const second = await store();
    const report = await runDueDigests(deps(second, changed, { staleAfterMs: 300_000 }), later(600_000));
    expect(report.recovered).toEqual([row.id]);
    expect(stub.callsTo('chat.postMessage')).toHaveLength(1);
    expect(stub.posts(CHANNEL)).toHaveLength(1);
    expect(await second.ledger.get(row.id)).toMatchObject({ status: 'posted', ts });
    // The channel has moved on to the knowledge it was shown.
    expect((await second.loadSeenSnapshot(row.subscriptionId))?.knowledgeId).toBe(changed.id);
  });

  it('a second process does not post while the first holds the digest lock', async () => {
    const a = await store();
    await subscribe(a);
    expect(await a.acquireLock(DIGEST_LOCK, 'process-a', AFTER_SLOT, 180_000)).toBe(true);
    const report = await runDueDigests(deps(await store(), changed, { owner: 'process-b' }), later(1000));
    expect(report.locked).toBe(false);
    expect(stub.callsTo('chat.postMessage')).toHaveLength(0);
  });

  it('two schedulers on one DATA_DIR post one digest between them, and stopping gives up the lock', async () => {
    const a = await store();
    await subscribe(a);
    const clock = () => AFTER_SLOT;
    // Each starts with a pass of its own; the hour-long interval keeps the timer out of it, so the passes are the test's.
    const one = startDigestScheduler({ ...deps(a, changed), now: clock, intervalMs: 3_600_000 });
    const two = startDigestScheduler({ ...deps(await store(), changed), now: clock, intervalMs: 3_600_000 });
    await Promise.all([one.tick(), two.tick()]);
    await Promise.all([one.tick(), two.tick()]);
    await Promise.all([two.tick(), one.tick()]);
    expect(stub.posts(CHANNEL)).toHaveLength(1);
    const holder = await a.lockHolder(DIGEST_LOCK, AFTER_SLOT);
    expect([one.owner, two.owner]).toContain(holder);
    await one.stop();
    await two.stop();
    expect(await a.lockHolder(DIGEST_LOCK, AFTER_SLOT)).toBeNull();
  });
});

describe('Slack refusing', () => {
  it('waits out a 429 for its Retry-After, then posts', async () => {
    const s = await store();
    await subscribe(s);
    stub.fail('chat.postMessage', { retryAfter: 1 });
    const report = await runDueDigests(deps(s, changed), AFTER_SLOT);
    const calls = stub.callsTo('chat.postMessage');
    expect(calls).toHaveLength(2);
    expect(calls[1].at - calls[0].at).toBeGreaterThanOrEqual(950);
    expect(report.posted).toHaveLength(1);
    expect(stub.posts(CHANNEL)).toHaveLength(1);
  });

  it('gives up after a bounded number of 429s, marks the period retryable, and posts it on a later pass', async () => {
    const s = await store();
    await subscribe(s);
    stub.fail('chat.postMessage', { retryAfter: 1 }, 2);
    const poster = new DigestPoster(createDigestClient('xoxb-test', stub.apiUrl), { maxRateLimitWaits: 1 });
    const first = await runDueDigests(deps(s, changed, { poster }), AFTER_SLOT);
    expect(first.failed).toEqual([expect.objectContaining({ channel: CHANNEL, error: expect.stringMatching(/still rate limited/) })]);
    expect(await s.ledger.list()).toEqual([expect.objectContaining({ status: 'failed', retryable: true })]);
    const second = await runDueDigests(deps(s, changed), later(60_000));
    expect(second.posted).toHaveLength(1);
    expect(stub.posts(CHANNEL)).toHaveLength(1);
    expect(await s.ledger.list()).toEqual([expect.objectContaining({ status: 'posted', attempts: 2 })]);
  });

  it('not_in_channel pauses the subscription with the reason, shown in App Home; resume picks up the gap', async () => {
    const s = await store();
    await subscribe(s);
    stub.fail('chat.postMessage', { error: 'not_in_channel' });
    const report = await runDueDigests(deps(s, changed), AFTER_SLOT);
    expect(report.paused).toEqual([{ channel: CHANNEL, reason: expect.stringMatching(/not in the channel.*\/invite/) }]);
    expect(await s.subscriptions.get(CHANNEL)).toMatchObject({ status: 'paused' });
    expect((await s.listAudit(CHANNEL)).at(-1)).toMatchObject({
      action: 'pause',
      user: 'digest-scheduler',
      before: { status: 'active' },
      after: { status: 'paused' },
    });
    const home = await digestSubscriptionsProvider(s, () => changed)();
    expect(home).toEqual([{ channel: CHANNEL, schedule: 'weekly on Mondays at 09:00 (London time)', paused: expect.stringMatching(/not in the channel/) }]);

    await runDueDigests(deps(s, changed), new Date('2026-04-06T08:01:00Z'));
    expect(stub.posts(CHANNEL)).toHaveLength(0);

    const reply = await runDigestCommand(
      { args: 'resume', user: 'U2', channel: CHANNEL },
      { store: s, knowledge: () => changed, now: () => new Date('2026-04-08T10:00:00Z') },
    );
    expect(reply.visibility).toBe('in_channel');
    await runDueDigests(deps(s, changed), new Date('2026-04-13T08:01:00Z'));
    const [message] = stub.posts(CHANNEL);
    expect(textOf(message)).toContain('catching up 3 periods');
    expect(textOf(message)).toContain('23 March 2026 to 12 April 2026');
    expect(textOf(message)).toContain('status: planned → completed');
  });

  it('channel_not_found and is_archived pause too', async () => {
    for (const error of ['channel_not_found', 'is_archived']) {
      dataDir = tempDataDir();
      const s = await store();
      await subscribe(s);
      stub.fail('chat.postMessage', { error });
      await runDueDigests(deps(s, changed), AFTER_SLOT);
      expect(await s.subscriptions.get(CHANNEL)).toMatchObject({ status: 'paused', pausedReason: expect.any(String) });
    }
  });
});

describe('downtime and long digests', () => {
  it('periods missed while down are merged into one catch-up digest, oldest day first', async () => {
    const s = await store();
    await subscribe(s, '2026-03-01T12:00:00.000Z', base, { postWhenQuiet: true });
    await runDueDigests(deps(s, base), new Date('2026-03-02T09:01:00Z'));
    expect(stub.posts(CHANNEL).map((m) => m.text)).toEqual(['Weekly commissioning digest: no changes from 23 February 2026 to 1 March 2026.']);
    // Down from 2 March until after the 30 March slot: 9, 16, 23 and 30 March were missed.
    const report = await runDueDigests(deps(s, base), AFTER_SLOT);
    expect(report.posted).toHaveLength(1);
    expect(stub.posts(CHANNEL).at(-1)!.text).toBe('Weekly commissioning digest (catching up 4 periods): no changes from 2 March 2026 to 29 March 2026.');
    expect((await s.ledger.list()).map((r) => [r.periodStart, r.periodEnd])).toEqual([
      ['2026-02-23T09:00:00.000Z', '2026-03-02T09:00:00.000Z'],
      ['2026-03-02T09:00:00.000Z', '2026-03-30T08:00:00.000Z'],
    ]);
  });

  it('a long digest goes out as a message plus thread replies; after a crash mid-thread only the missing parts are sent', async () => {
    // A week holding 1 April 2013, when 211 CCGs opened (the clock is the test's to set).
    const s = await store();
    await s.subscriptions.subscribe(
      CHANNEL,
      { frequency: 'weekly', atTime: '09:00', weekday: 1, filter: null },
      { user: 'U1', at: '2013-04-02T00:00:00.000Z' },
    );
    const slot = new Date('2013-04-08T08:00:00Z');
    const sub = (await s.subscriptions.get(CHANNEL))!;
    const composed = await composeDigest(s, base, sub, slot);
    expect(composed.messages.length).toBeGreaterThan(2);
    for (const m of composed.messages) expect(m.blocks.length).toBeLessThanOrEqual(50);
    const row = (await s.ledger.claim({
      subscriptionId: sub.id,
      channel: CHANNEL,
      periodKey: slot.toISOString(),
      periodStart: composed.periodStart.toISOString(),
      periodEnd: slot.toISOString(),
      messages: composed.messages,
      snapshot: composed.snapshot,
      knowledgeId: base.id,
      owner: 'dead-process',
      at: '2013-04-08T08:01:00.000Z',
    }))!;
    // The dead process got the first two parts out before it died.
    const poster = new DigestPoster(createDigestClient('xoxb-test', stub.apiUrl));
    const mark = (part: number) => ({ ledgerId: row.id, subscriptionId: sub.id, periodKey: row.periodKey, part });
    const ts = await poster.post(CHANNEL, row.messages[0], mark(0));
    await poster.post(CHANNEL, row.messages[1], mark(1), ts);
    await s.close();

    const again = await store();
    const report = await runDueDigests(deps(again, base), new Date('2013-04-08T09:00:00Z'));
    expect(report.recovered).toEqual([row.id]);
    expect(stub.posts(CHANNEL)).toHaveLength(1);
    const replies = stub.messages.filter((m) => m.thread_ts === ts);
    expect(replies.map((m) => m.metadata!.event_payload.part)).toEqual(row.messages.slice(1).map((_, i) => i + 1));
    expect(stub.callsTo('chat.postMessage')).toHaveLength(row.messages.length);
    expect(await again.ledger.get(row.id)).toMatchObject({ status: 'posted', partsPosted: row.messages.length });
    for (const call of stub.callsTo('chat.postMessage')) assertPostedMessage(call.body);
  });
});
