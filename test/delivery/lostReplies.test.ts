/**
 * Exactly once when Slack's reply is lost: a chat.postMessage that Slack carried out but whose reply
 * never arrived (the connection dropped, or no reply before the timeout) is looked for in the channel
 * before it is sent again; the lease is renewed while a post is in flight, and a poster that lost it
 * stops before the next part.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { composeDigest } from '../../src/delivery/compose.ts';
import { createDigestClient, DigestPoster } from '../../src/delivery/post.ts';
import { DIGEST_LOCK, runDueDigests, type DigestRunDeps } from '../../src/delivery/run.ts';
import { factSnapshot } from '../../src/digest/snapshot.ts';
import type { Knowledge } from '../../src/knowledge/knowledge.ts';
import { openStore, type Store } from '../../src/store/store.ts';
import { startDigestStub, type DigestStub } from '../digest/helpers/digestStub.ts';
import { BASE_DIR, CHANGED_DIR, fixture, tempDataDir } from '../digest/helpers/fixtures.ts';

const base = fixture(BASE_DIR);
const changed = fixture(CHANGED_DIR);
const CHANNEL = 'C0LOST';
const AFTER_SLOT = new Date('2026-03-30T08:05:00Z');
/** A week holding 1 April 2013, when 211 CCGs opened: a digest of several parts. */
const LONG_SLOT = new Date('2013-04-08T08:00:00Z');

let stub: DigestStub;
let stores: Store[];
let dataDir: string;
let warnings: string[];

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
  warnings = [];
});
afterEach(async () => {
  stub.release();
  for (const s of stores) await s.close();
});

async function store(): Promise<Store> {
  const s = await openStore({ dataDir });
  stores.push(s);
  return s;
}

/**
 * The poster's reply timeout, injected: `held` times a post out the moment the stub holds its reply
 * (no real waiting); `never` lets a held post wait until the test releases it.
 */
type Timeouts = 'held' | 'never';
const replyTimeout = (timeouts: Timeouts) => (_ms: number, method: string) =>
  timeouts === 'held' && method === 'chat.postMessage' ? stub.nextHeld() : new Promise<void>(() => undefined);

/** Run deps over the stub. */
function deps(s: Store, knowledge: Knowledge, extra: Partial<DigestRunDeps> = {}, timeouts: Timeouts = 'held'): DigestRunDeps {
  return {
    store: s,
    knowledge: () => knowledge,
    poster: new DigestPoster(createDigestClient('xoxb-test', stub.apiUrl), { sleep: async () => undefined, replyTimeout: replyTimeout(timeouts) }),
    owner: 'this-process',
    logger: { info: () => undefined, warn: (m: unknown) => void warnings.push(String(m)), error: (m: unknown) => void warnings.push(String(m)) },
    ...extra,
  };
}

async function subscribeWeekly(s: Store) {
  await s.subscriptions.subscribe(
    CHANNEL,
    { frequency: 'weekly', atTime: '09:00', weekday: 1, filter: null },
    { user: 'U1', at: '2026-03-25T12:00:00.000Z' },
    { knowledgeId: base.id, snapshot: JSON.stringify(factSnapshot(base)) },
  );
}

async function subscribeLong(s: Store) {
  await s.subscriptions.subscribe(CHANNEL, { frequency: 'weekly', atTime: '09:00', weekday: 1, filter: null }, { user: 'U1', at: '2013-04-02T00:00:00.000Z' });
  return (await composeDigest(s, base, (await s.subscriptions.get(CHANNEL))!, LONG_SLOT)).messages.length;
}

/** Every digest part in the stub, as [part, how many times posted]. */
function partCounts(): Map<number, number> {
  const counts = new Map<number, number>();
  for (const m of stub.messages) {
    const part = Number(m.metadata?.event_payload.part);
    counts.set(part, (counts.get(part) ?? 0) + 1);
  }
  return counts;
}

/** Two posts, with the channel's history read between them. */
function checkedBeforeResending(): boolean {
  const methods = stub.calls.map((c) => c.method);
  const posts = methods.flatMap((m, i) => (m === 'chat.postMessage' ? [i] : []));
  return posts.length === 2 && methods.slice(posts[0], posts[1]).includes('conversations.history');
}

/** Resolves once `check` holds, polling on timers (never a fixed sleep). */
async function until(check: () => boolean): Promise<void> {
  for (let i = 0; i < 2000 && !check(); i++) await new Promise((r) => setTimeout(r, 5));
  expect(check()).toBe(true);
}

describe('a post whose reply is lost', () => {
  it('Slack accepted it and the connection dropped: the poster finds it in the channel and does not repost', async () => {
    const s = await store();
    await subscribeWeekly(s);
    stub.fail('chat.postMessage', { dropReply: true });
    const report = await runDueDigests(deps(s, changed), AFTER_SLOT);
    expect(stub.posts(CHANNEL)).toHaveLength(1);
    expect(stub.callsTo('chat.postMessage')).toHaveLength(1);
    expect(stub.callsTo('conversations.history').length).toBeGreaterThan(0);
    expect(report.posted).toHaveLength(1);
    expect(await s.ledger.get(report.posted[0])).toMatchObject({ status: 'posted', ts: stub.posts(CHANNEL)[0].ts, partsPosted: 1 });
    expect(warnings.join('\n')).toMatch(/no reply .*it may have posted.*looking in the channel before sending it again/);
  });

  it('Slack accepted it and never replied: the call times out, and the part is found, not re-sent', async () => {
    // The timeout is the poster's own (injected here), not a WebClient option: a reply held past it counts as lost.
    const s = await store();
    await subscribeWeekly(s);
    stub.fail('chat.postMessage', { noReply: true, accept: true });
    const report = await runDueDigests(deps(s, changed), AFTER_SLOT);
    expect(stub.posts(CHANNEL)).toHaveLength(1);
    expect(stub.callsTo('chat.postMessage')).toHaveLength(1);
    expect(await s.ledger.get(report.posted[0])).toMatchObject({ status: 'posted', ts: stub.posts(CHANNEL)[0].ts });
  });

  it('Slack never got it and never replied: the channel is checked, then the part is sent once more', async () => {
    const s = await store();
    await subscribeWeekly(s);
    stub.fail('chat.postMessage', { noReply: true, accept: false });
    const report = await runDueDigests(deps(s, changed), AFTER_SLOT);
    expect(stub.posts(CHANNEL)).toHaveLength(1);
    expect(checkedBeforeResending()).toBe(true);
    expect(report.posted).toHaveLength(1);
  });

  it('a 5xx to a post is an unknown outcome too: checked before it is re-sent', async () => {
    const s = await store();
    await subscribeWeekly(s);
    stub.fail('chat.postMessage', { status: 503 });
    await runDueDigests(deps(s, changed), AFTER_SLOT);
    expect(checkedBeforeResending()).toBe(true);
    expect(stub.posts(CHANNEL)).toHaveLength(1);
  });

  it('a reply lost in the middle of a thread: every part is in the thread exactly once', async () => {
    const s = await store();
    const parts = await subscribeLong(s);
    expect(parts).toBeGreaterThan(2);
    stub.fail('chat.postMessage', { dropReply: true }, 1, 1);
    const report = await runDueDigests(deps(s, base), new Date('2013-04-08T08:05:00Z'));
    expect(report.posted).toHaveLength(1);
    expect([...partCounts()]).toEqual(Array.from({ length: parts }, (_, i) => [i, 1]));
    expect(stub.callsTo('conversations.replies')).toHaveLength(1);
    expect(stub.callsTo('chat.postMessage')).toHaveLength(parts);
  });

  it('when every send goes unanswered and unfound, the period is left retryable and a later pass posts it once', async () => {
    const s = await store();
    await subscribeWeekly(s);
    stub.fail('chat.postMessage', { noReply: true, accept: false }, 3);
    const first = await runDueDigests(deps(s, changed), AFTER_SLOT);
    expect(first.failed).toHaveLength(1);
    expect(stub.posts(CHANNEL)).toHaveLength(0);
    expect(await s.ledger.get(first.failed[0].id)).toMatchObject({ status: 'failed', retryable: true });
    const second = await runDueDigests(deps(s, changed), new Date(AFTER_SLOT.getTime() + 60_000));
    expect(second.posted).toEqual([first.failed[0].id]);
    expect(stub.posts(CHANNEL)).toHaveLength(1);
  });
});

describe('the reply timeout', () => {
  it('every digest call waits at most 20 s by default, well inside the 3-minute lease', async () => {
    const s = await store();
    await subscribeWeekly(s);
    const waits: [string, number][] = [];
    const poster = new DigestPoster(createDigestClient('xoxb-test', stub.apiUrl), {
      replyTimeout: (ms, method) => {
        waits.push([method, ms]);
        return new Promise(() => undefined);
      },
    });
    await runDueDigests({ ...deps(s, changed), poster }, AFTER_SLOT);
    expect(waits).toEqual([['chat.postMessage', 20_000]]);
  });
});

describe('the lease while a post is in flight', () => {
  it('is renewed while Slack takes its time to reply', async () => {
    const s = await store();
    await subscribeWeekly(s);
    const renewals: Date[] = [];
    const watched: Store = {
      ...s,
      acquireLock: async (name, owner, at, ttl) => {
        renewals.push(at);
        return s.acquireLock(name, owner, at, ttl);
      },
    };
    stub.fail('chat.postMessage', { noReply: true, accept: true });
    const run = runDueDigests(deps(watched, changed, { leaseRenewMs: 10 }, 'never'), AFTER_SLOT);
    await until(() => stub.held() === 1);
    const before = renewals.length;
    await until(() => renewals.length >= before + 3);
    stub.release();
    const report = await run;
    expect(report.posted).toHaveLength(1);
    expect(stub.posts(CHANNEL)).toHaveLength(1);
  });

  it('a poster that lost it stops before the next part; the new holder finishes without repeating one', async () => {
    const s = await store();
    const parts = await subscribeLong(s);
    const at = new Date('2013-04-08T08:05:00Z');
    const results: boolean[] = [];
    const watched: Store = {
      ...s,
      acquireLock: async (name, owner, when, ttl) => {
        const ok = await s.acquireLock(name, owner, when, ttl);
        if (owner === 'this-process') results.push(ok);
        return ok;
      },
    };
    stub.fail('chat.postMessage', { noReply: true, accept: true });
    const run = runDueDigests(deps(watched, base, { leaseRenewMs: 10 }, 'never'), at);
    await until(() => stub.held() === 1);
    // Our lease lapses (a long stall) and another process takes the lock.
    const later = new Date(at.getTime() + 10 * 60_000);
    expect(await s.acquireLock(DIGEST_LOCK, 'other-process', later, 180_000)).toBe(true);
    await until(() => results.includes(false));
    stub.release();
    const report = await run;
    expect(report.posted).toEqual([]);
    expect(stub.callsTo('chat.postMessage')).toHaveLength(1);
    expect(warnings.join('\n')).toMatch(/lost the digest lease \(other-process\); stopped before part 2/);

    const other = await runDueDigests(deps(s, base, { owner: 'other-process' }), new Date(later.getTime() + 1000));
    expect(other.posted).toHaveLength(1);
    expect([...partCounts()]).toEqual(Array.from({ length: parts }, (_, i) => [i, 1]));
  });
});
