/** Subscriptions and their audit trail; the ledger's claim is exclusive; the lock lets one process post. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStore, type Store } from '../../src/store/store.ts';
import { tempDataDir } from '../digest/helpers/fixtures.ts';

let store: Store;
const weekly = { frequency: 'weekly' as const, atTime: '09:00', weekday: 1, filter: null };
const at = (iso: string, user = 'U1') => ({ user, at: iso });
beforeEach(() => { store = openStore({ dataDir: ':memory:' }); });
afterEach(() => store.close());

describe('subscriptions', () => {
  it('subscribe, change, quiet, pause, resume and unsubscribe are each audited with user, before and after', () => {
    store.subscriptions.subscribe('C1', weekly, at('2026-01-01T00:00:00.000Z'));
    store.subscriptions.subscribe('C1', { ...weekly, frequency: 'daily', weekday: null, filter: 'Y61' }, at('2026-01-02T00:00:00.000Z', 'U2'));
    store.subscriptions.setPostWhenQuiet('C1', true, at('2026-01-03T00:00:00.000Z'));
    store.subscriptions.pause('C1', 'the channel is archived', at('2026-01-04T00:00:00.000Z', 'digest-scheduler'));
    expect(store.subscriptions.get('C1')).toMatchObject({ status: 'paused', pausedReason: 'the channel is archived', frequency: 'daily', filter: 'Y61', postWhenQuiet: true, createdBy: 'U1' });
    store.subscriptions.resume('C1', at('2026-01-05T00:00:00.000Z'));
    expect(store.subscriptions.get('C1')).toMatchObject({ status: 'active', pausedReason: null, since: '2026-01-05T00:00:00.000Z' });
    store.subscriptions.unsubscribe('C1', at('2026-01-06T00:00:00.000Z', 'U3'));
    expect(store.subscriptions.get('C1')).toBeNull();

    const audit = store.listAudit('C1');
    expect(audit.map((a) => [a.action, a.user])).toEqual([
      ['subscribe', 'U1'], ['subscribe', 'U2'], ['quiet-off', 'U1'], ['pause', 'digest-scheduler'], ['resume', 'U1'], ['unsubscribe', 'U3'],
    ]);
    expect(audit[0].before).toBeNull();
    expect(audit[1]).toMatchObject({ before: { frequency: 'weekly' }, after: { frequency: 'daily', filter: 'Y61' } });
    expect(audit[5]).toMatchObject({ before: { channel: 'C1' }, after: null, at: '2026-01-06T00:00:00.000Z' });
  });

  it('unsubscribing a channel without a digest changes nothing and audits nothing', () => {
    expect(store.subscriptions.unsubscribe('C9', at('2026-01-01T00:00:00.000Z'))).toEqual({ before: null, after: null });
    expect(store.listAudit()).toEqual([]);
  });
});

describe('ledger', () => {
  const claim = (s: Store, owner: string) => s.ledger.claim({
    subscriptionId: 1, channel: 'C1', periodKey: '2026-03-30T08:00:00.000Z', periodStart: '2026-03-23T09:00:00.000Z', periodEnd: '2026-03-30T08:00:00.000Z',
    messages: [{ text: 'digest', blocks: [] }], snapshot: '{"version":1,"knowledgeId":"k1","facts":{}}', knowledgeId: 'k1', owner, at: '2026-03-30T08:00:01.000Z',
  });

  it('a period is claimed once, even by two store instances on one file', () => {
    const dataDir = tempDataDir();
    const a = openStore({ dataDir });
    const b = openStore({ dataDir });
    try {
      a.subscriptions.subscribe('C1', weekly, at('2026-03-01T00:00:00.000Z'));
      expect(claim(a, 'process-a')).toMatchObject({ status: 'posting', owner: 'process-a', attempts: 1 });
      expect(claim(b, 'process-b')).toBeNull();
      expect(b.ledger.list()).toHaveLength(1);
    } finally {
      a.close();
      b.close();
    }
  });

  it('posted moves the channel on to the snapshot it was sent with', () => {
    store.subscriptions.subscribe('C1', weekly, at('2026-03-01T00:00:00.000Z'));
    const row = claim(store, 'me')!;
    expect(store.loadSeenSnapshot(1)).toBeNull();
    store.ledger.recordPart(row.id, 0, '1800000001.000100');
    store.ledger.markPosted(row.id, '2026-03-30T08:00:02.000Z');
    expect(store.ledger.get(row.id)).toMatchObject({ status: 'posted', ts: '1800000001.000100', partsPosted: 1 });
    expect(store.loadSeenSnapshot(1)).toMatchObject({ knowledgeId: 'k1' });
  });

  it('a stale "posting" row can be reclaimed by exactly one caller; a fresh one cannot', () => {
    store.subscriptions.subscribe('C1', weekly, at('2026-03-01T00:00:00.000Z'));
    const row = claim(store, 'dead')!;
    expect(store.ledger.reclaim(row.id, 'me', '2026-03-30T08:01:00.000Z', '2026-03-30T08:00:00.000Z')).toBe(false);
    expect(store.ledger.reclaim(row.id, 'me', '2026-03-30T09:00:00.000Z', '2026-03-30T08:10:00.000Z')).toBe(true);
    expect(store.ledger.reclaim(row.id, 'other', '2026-03-30T09:00:00.000Z', '2026-03-30T08:10:00.000Z')).toBe(false);
    expect(store.ledger.get(row.id)).toMatchObject({ owner: 'me', attempts: 2 });
  });
});

describe('locks', () => {
  it('one owner at a time; the lease expires; the owner renews and releases', () => {
    const t0 = new Date('2026-03-30T08:00:00Z');
    expect(store.acquireLock('digest-poster', 'a', t0, 60_000)).toBe(true);
    expect(store.acquireLock('digest-poster', 'b', new Date(t0.getTime() + 30_000), 60_000)).toBe(false);
    expect(store.acquireLock('digest-poster', 'a', new Date(t0.getTime() + 30_000), 60_000)).toBe(true);
    expect(store.acquireLock('digest-poster', 'b', new Date(t0.getTime() + 80_000), 60_000)).toBe(false);
    expect(store.acquireLock('digest-poster', 'b', new Date(t0.getTime() + 91_000), 60_000)).toBe(true);
    expect(store.lockHolder('digest-poster', new Date(t0.getTime() + 92_000))).toBe('b');
    store.releaseLock('digest-poster', 'a');
    expect(store.lockHolder('digest-poster', new Date(t0.getTime() + 92_000))).toBe('b');
    store.releaseLock('digest-poster', 'b');
    expect(store.lockHolder('digest-poster', new Date(t0.getTime() + 92_000))).toBeNull();
  });
});
