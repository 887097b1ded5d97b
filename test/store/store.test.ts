/**
 * The store's behaviour, once per backend (SQLite and PostgreSQL): subscriptions and their audit
 * trail, the ledger's exclusive claim, the digest lease, feedback and unanswered questions, Slack
 * event de-duplication and conversation context. Every open() of a home is another process.
 */
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { FeedbackSink } from '../../src/slack/feedback.ts';
import type { Store } from '../../src/store/store.ts';
import { describeBackends, freshHome, type StoreHome } from './helpers/backends.ts';

const weekly = { frequency: 'weekly' as const, atTime: '09:00', weekday: 1, filter: null };
const at = (iso: string, user = 'U1') => ({ user, at: iso });
const claimOf = (owner: string, subscriptionId = 1) => ({
  subscriptionId,
  channel: 'C1',
  periodKey: '2026-03-30T08:00:00.000Z',
  periodStart: '2026-03-23T09:00:00.000Z',
  periodEnd: '2026-03-30T08:00:00.000Z',
  messages: [{ text: 'digest', blocks: [] }],
  snapshot: '{"version":1,"knowledgeId":"k1","facts":{}}',
  knowledgeId: 'k1',
  owner,
  at: '2026-03-30T08:00:01.000Z',
});

describeBackends('store', (backend) => {
  let home: StoreHome;
  let store: Store;
  const opened: Store[] = [];
  const another = async () => {
    const s = await home.open();
    opened.push(s);
    return s;
  };
  beforeEach(async () => {
    home = await freshHome(backend);
    store = await another();
  });
  afterEach(async () => {
    for (const s of opened.splice(0)) await s.close();
  });

  it('subscribe, change, quiet, pause, resume and unsubscribe are each audited with user, before and after', async () => {
    await store.subscriptions.subscribe('C1', weekly, at('2026-01-01T00:00:00.000Z'));
    await store.subscriptions.subscribe('C1', { ...weekly, frequency: 'daily', weekday: null, filter: 'Y61' }, at('2026-01-02T00:00:00.000Z', 'U2'));
    await store.subscriptions.setPostWhenQuiet('C1', true, at('2026-01-03T00:00:00.000Z'));
    await store.subscriptions.pause('C1', 'the channel is archived', at('2026-01-04T00:00:00.000Z', 'digest-scheduler'));
    expect(await store.subscriptions.get('C1')).toMatchObject({
      status: 'paused',
      pausedReason: 'the channel is archived',
      frequency: 'daily',
      filter: 'Y61',
      postWhenQuiet: true,
      createdBy: 'U1',
    });
    await store.subscriptions.resume('C1', at('2026-01-05T00:00:00.000Z'));
    expect(await store.subscriptions.get('C1')).toMatchObject({ status: 'active', pausedReason: null, since: '2026-01-05T00:00:00.000Z' });
    await store.subscriptions.unsubscribe('C1', at('2026-01-06T00:00:00.000Z', 'U3'));
    expect(await store.subscriptions.get('C1')).toBeNull();

    const audit = await store.listAudit('C1');
    expect(audit.map((a) => [a.action, a.user])).toEqual([
      ['subscribe', 'U1'],
      ['subscribe', 'U2'],
      ['quiet-off', 'U1'],
      ['pause', 'digest-scheduler'],
      ['resume', 'U1'],
      ['unsubscribe', 'U3'],
    ]);
    expect(audit[0].before).toBeNull();
    expect(audit[1]).toMatchObject({ before: { frequency: 'weekly' }, after: { frequency: 'daily', filter: 'Y61' } });
    expect(audit[5]).toMatchObject({ before: { channel: 'C1' }, after: null, at: '2026-01-06T00:00:00.000Z' });
  });

  it('unsubscribing a channel without a digest changes nothing and audits nothing', async () => {
    expect(await store.subscriptions.unsubscribe('C9', at('2026-01-01T00:00:00.000Z'))).toEqual({ before: null, after: null });
    expect(await store.listAudit()).toEqual([]);
  });

  it('a new subscription starts from its baseline snapshot; unsubscribing forgets it', async () => {
    const { after } = await store.subscriptions.subscribe('C1', weekly, at('2026-01-01T00:00:00.000Z'), { knowledgeId: 'k0', snapshot: '{"version":1}' });
    expect(await store.loadSeenSnapshot(after!.id)).toEqual({ knowledgeId: 'k0', snapshot: '{"version":1}', seenAt: '2026-01-01T00:00:00.000Z' });
    await store.subscriptions.unsubscribe('C1', at('2026-01-02T00:00:00.000Z'));
    expect(await store.loadSeenSnapshot(after!.id)).toBeNull();
  });

  it('a period is claimed once, even by two processes on one store', async () => {
    const b = await another();
    await store.subscriptions.subscribe('C1', weekly, at('2026-03-01T00:00:00.000Z'));
    expect(await store.ledger.claim(claimOf('process-a'))).toMatchObject({
      status: 'posting',
      owner: 'process-a',
      attempts: 1,
      messages: [{ text: 'digest' }],
    });
    expect(await b.ledger.claim(claimOf('process-b'))).toBeNull();
    expect(await b.ledger.list()).toHaveLength(1);
  });

  it('of many claims of one period at once, across connections, exactly one wins', async () => {
    // SQLite: one process's store serialises its writes; PostgreSQL: separate pools race for real.
    const claimers = backend === 'postgres' ? await Promise.all(Array.from({ length: 6 }, another)) : [store];
    const results = await Promise.all(Array.from({ length: 12 }, (_, i) => claimers[i % claimers.length].ledger.claim(claimOf(`p${i}`))));
    expect(results.filter(Boolean)).toHaveLength(1);
    expect(await store.ledger.list()).toHaveLength(1);
  });

  it('posted moves the channel on to the snapshot it was sent with', async () => {
    const { after } = await store.subscriptions.subscribe('C1', weekly, at('2026-03-01T00:00:00.000Z'));
    const row = (await store.ledger.claim(claimOf('me', after!.id)))!;
    expect(await store.loadSeenSnapshot(after!.id)).toBeNull();
    await store.ledger.recordPart(row.id, 0, '1800000001.000100');
    await store.ledger.markPosted(row.id, '2026-03-30T08:00:02.000Z');
    expect(await store.ledger.get(row.id)).toMatchObject({ status: 'posted', ts: '1800000001.000100', partsPosted: 1 });
    expect(await store.loadSeenSnapshot(after!.id)).toMatchObject({ knowledgeId: 'k1' });
    expect(await store.ledger.lastCompleted(after!.id)).toMatchObject({ id: row.id });
  });

  it('parts are recorded in order and never go backwards', async () => {
    const row = (await store.ledger.claim({
      ...claimOf('me'),
      messages: [
        { text: 'a', blocks: [] },
        { text: 'b', blocks: [] },
        { text: 'c', blocks: [] },
      ],
    }))!;
    await store.ledger.recordPart(row.id, 0, '1.1');
    await store.ledger.recordPart(row.id, 2, '1.3');
    await store.ledger.recordPart(row.id, 1, '1.2');
    expect(await store.ledger.get(row.id)).toMatchObject({ ts: '1.1', partsPosted: 3 });
  });

  it('a stale "posting" row can be reclaimed by exactly one caller; a fresh one cannot', async () => {
    const row = (await store.ledger.claim(claimOf('dead')))!;
    expect(await store.ledger.reclaim(row.id, 'me', '2026-03-30T08:01:00.000Z', '2026-03-30T08:00:00.000Z')).toBe(false);
    expect(await store.ledger.reclaim(row.id, 'me', '2026-03-30T09:00:00.000Z', '2026-03-30T08:10:00.000Z')).toBe(true);
    expect(await store.ledger.reclaim(row.id, 'other', '2026-03-30T09:00:00.000Z', '2026-03-30T08:10:00.000Z')).toBe(false);
    expect(await store.ledger.get(row.id)).toMatchObject({ owner: 'me', attempts: 2 });
    expect(await store.ledger.unfinished()).toHaveLength(1);
  });

  it('failed periods before a newer digest are superseded, saying by which', async () => {
    const row = (await store.ledger.claim(claimOf('me')))!;
    await store.ledger.markFailed(row.id, 'ratelimited: try later', true, '2026-03-30T08:00:05.000Z');
    await store.ledger.supersede(1, '2026-04-06T08:00:00.000Z');
    expect(await store.ledger.get(row.id)).toMatchObject({
      status: 'failed',
      retryable: false,
      error: 'ratelimited: try later (superseded by the digest of 2026-04-06T08:00:00.000Z)',
    });
    expect(await store.ledger.firstPeriodStart(1)).toBe('2026-03-23T09:00:00.000Z');
  });

  it('the digest lease: one owner at a time; it expires; the owner renews and releases', async () => {
    const t0 = new Date('2026-03-30T08:00:00Z');
    const b = await another();
    expect(await store.acquireLock('digest-poster', 'a', t0, 60_000)).toBe(true);
    expect(await b.acquireLock('digest-poster', 'b', new Date(t0.getTime() + 30_000), 60_000)).toBe(false);
    expect(await store.acquireLock('digest-poster', 'a', new Date(t0.getTime() + 30_000), 60_000)).toBe(true);
    expect(await b.acquireLock('digest-poster', 'b', new Date(t0.getTime() + 80_000), 60_000)).toBe(false);
    expect(await b.acquireLock('digest-poster', 'b', new Date(t0.getTime() + 91_000), 60_000)).toBe(true);
    expect(await store.lockHolder('digest-poster', new Date(t0.getTime() + 92_000))).toBe('b');
    await store.releaseLock('digest-poster', 'a');
    expect(await store.lockHolder('digest-poster', new Date(t0.getTime() + 92_000))).toBe('b');
    await b.releaseLock('digest-poster', 'b');
    expect(await store.lockHolder('digest-poster', new Date(t0.getTime() + 92_000))).toBeNull();
  });

  it('of many processes asking for a free lease at once, exactly one gets it', async () => {
    const t0 = new Date('2026-03-30T08:00:00Z');
    const askers = backend === 'postgres' ? await Promise.all(Array.from({ length: 6 }, another)) : [store];
    const won = await Promise.all(Array.from({ length: 12 }, (_, i) => askers[i % askers.length].acquireLock('digest-poster', `p${i}`, t0, 60_000)));
    expect(won.filter(Boolean)).toHaveLength(1);
  });

  it('records 👍/👎 with the question and intent, newest first, and filters by vote', async () => {
    await store.recordFeedback({
      user: 'U1',
      channel: 'C1',
      question: 'which CCGs are under legal directions?',
      intent: 'interventions-list',
      vote: 'up',
      at: '2026-01-01T10:00:00.000Z',
    });
    await store.recordFeedback({
      user: 'U2',
      channel: 'C1',
      question: 'who leads primary care?',
      intent: 'people-role',
      vote: 'down',
      at: '2026-01-02T10:00:00.000Z',
    });
    expect((await store.listFeedback()).map((f) => [f.user, f.vote, f.intent])).toEqual([
      ['U2', 'down', 'people-role'],
      ['U1', 'up', 'interventions-list'],
    ]);
    expect((await store.listFeedback({ vote: 'down' })).map((f) => f.question)).toEqual(['who leads primary care?']);
    expect(await store.listFeedback({ limit: 1 })).toEqual([expect.objectContaining({ user: 'U2', channel: 'C1', at: '2026-01-02T10:00:00.000Z' })]);
  });

  it('the store is the Slack layer’s FeedbackSink', async () => {
    const sink: FeedbackSink = store;
    await sink.recordFeedback({ user: 'U1', channel: '', question: 'thurrock', intent: 'org-card', vote: 'up' });
    expect(await store.listFeedback()).toHaveLength(1);
  });

  it('refuses a vote that is neither up nor down, saying what is allowed', async () => {
    await expect(store.recordFeedback({ user: 'U1', channel: 'C1', question: 'q', intent: 'i', vote: 'sideways' as 'up' })).rejects.toThrow(
      /vote must be "up" or "down"/,
    );
  });

  it('records unanswered questions with intent and reason; lists newest first, optionally since a time', async () => {
    await store.recordUnanswered({ question: 'what is the weather?', intent: null, reason: 'out of scope', at: '2026-01-01T00:00:00.000Z' });
    await store.recordUnanswered({ question: 'tell me about Narnia CCG', intent: 'org-card', reason: 'unknown organisation', at: '2026-02-01T00:00:00.000Z' });
    expect((await store.listUnanswered()).map((u) => u.question)).toEqual(['tell me about Narnia CCG', 'what is the weather?']);
    expect(await store.listUnanswered({ since: '2026-01-15T00:00:00.000Z' })).toEqual([
      expect.objectContaining({ question: 'tell me about Narnia CCG', intent: 'org-card', reason: 'unknown organisation' }),
    ]);
  });

  it('a Slack event id is new once, whichever process sees it, and forgotten after a day', async () => {
    const b = await another();
    const t0 = new Date('2026-03-30T08:00:00Z');
    expect(await store.recordEvent('Ev001', t0)).toBe(true);
    expect(await b.recordEvent('Ev001', new Date(t0.getTime() + 60_000))).toBe(false);
    expect(await store.recordEvent('Ev002', t0)).toBe(true);
    await store.pruneExpired(new Date(t0.getTime() + 25 * 3600_000));
    expect(await b.recordEvent('Ev001', new Date(t0.getTime() + 25 * 3600_000))).toBe(true);
  });

  it('of one event delivered to many processes at once, exactly one answers it', async () => {
    const seers = backend === 'postgres' ? await Promise.all(Array.from({ length: 6 }, another)) : [store];
    const first = await Promise.all(Array.from({ length: 12 }, (_, i) => seers[i % seers.length].recordEvent('EvSAME')));
    expect(first.filter(Boolean)).toHaveLength(1);
  });

  it('conversation context: an opaque JSON object per team, channel and thread, until it expires', async () => {
    const b = await another();
    const key = { team: 'T1', channel: 'C1', thread: '1700000000.000100' };
    const value = { lastQuestion: 'who leads Thurrock CCG?', entities: [{ kind: 'org', code: '07G' }], turn: 2, flag: true, none: null };
    expect(await store.getConversation(key)).toBeNull();
    await store.putConversation(key, value, new Date(Date.now() + 24 * 3600_000));
    expect(await b.getConversation(key)).toEqual(value);
    expect(await b.getConversation({ ...key, thread: '1700000000.000200' })).toBeNull();
    expect(await b.getConversation({ ...key, team: 'T2' })).toBeNull();
    await b.putConversation(key, { lastQuestion: 'and its STP?' }, new Date(Date.now() + 24 * 3600_000));
    expect(await store.getConversation(key)).toEqual({ lastQuestion: 'and its STP?' });
    expect(await store.getConversation(key, new Date(Date.now() + 25 * 3600_000))).toBeNull();
  });

  it('conversation context must be a JSON object: anything else is refused, saying so', async () => {
    const key = { team: 'T1', channel: 'C1', thread: 't' };
    await expect(store.putConversation(key, [1, 2] as never, new Date(Date.now() + 1000))).rejects.toThrow(/must be a JSON object, not an array/);
    await expect(store.putConversation(key, null as never, new Date(Date.now() + 1000))).rejects.toThrow(/not null/);
  });

  it('answers the health check ping', async () => {
    await expect(store.ping()).resolves.toBeUndefined();
  });
});
