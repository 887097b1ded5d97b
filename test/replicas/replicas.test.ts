/**
 * Two app processes in HTTP mode on one PostgreSQL store, behind a round-robin proxy, against a
 * Slack Web API stub: what a deployment of several replicas must guarantee. A Slack retry that
 * lands on the other replica is answered once; with both schedulers running a digest period is
 * posted once; when the lease holder is killed mid-post the other finishes it without repeating
 * it; and a rolling restart answers every event exactly once.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { factSnapshotJson } from '../../src/digest/snapshot.ts';
import { DIGEST_LOCK } from '../../src/delivery/run.ts';
import { openStore, type Store } from '../../src/store/store.ts';
import { startDigestStub, type DigestStub } from '../digest/helpers/digestStub.ts';
import { BASE_DIR, fixture, tempDataDir } from '../digest/helpers/fixtures.ts';
import { appMention, eventCallback } from '../slack/helpers/payloads.ts';
import { signedHeaders } from '../slack/helpers/signing.ts';
import { DATABASE_URL, POSTGRES_MISSING, freshSchema, urlWithSchema } from '../store/helpers/backends.ts';
import { health, startProxy, startReplica, waitUntil, type RoundRobinProxy, type Replica } from './helpers/cluster.ts';

const LEASE_MS = 3000;
const STALE_MS = 2000;
const base = fixture(BASE_DIR);

const inCi = process.env.CI === 'true' || process.env.CI === '1';
if (!DATABASE_URL && !inCi) console.warn(`\n  Two-replica tests: ${POSTGRES_MISSING}\n`);

describe.skipIf(!DATABASE_URL && !inCi)(`two replicas on one PostgreSQL${DATABASE_URL ? '' : ` — ${POSTGRES_MISSING}`}`, () => {
  let stub: DigestStub;
  let proxy: RoundRobinProxy;
  let store: Store;
  let env: Record<string, string>;
  const replicas: Replica[] = [];
  let started = 0;
  const live = () => replicas.filter((r) => r.running());

  const addReplica = async () => {
    const r = await startReplica(`replica-${++started}`, env);
    replicas.push(r);
    return r;
  };

  beforeAll(async () => {
    expect(DATABASE_URL, `${POSTGRES_MISSING} CI must provide one: .ci/run starts it.`).not.toBe('');
    stub = await startDigestStub();
    const databaseUrl = urlWithSchema(await freshSchema());
    store = await openStore({ databaseUrl });
    env = {
      DATABASE_URL: databaseUrl,
      SLACK_API_URL: stub.apiUrl,
      KNOWLEDGE_DIR: BASE_DIR,
      DATA_DIR: tempDataDir(),
      DIGEST_INTERVAL_MS: '250',
      DIGEST_LEASE_MS: String(LEASE_MS),
      DIGEST_STALE_MS: String(STALE_MS),
    };
    proxy = await startProxy(() => live().map((r) => r.port));
  });

  // Every test starts with two healthy replicas, whatever the one before it stopped or killed.
  beforeEach(async () => {
    const missing = Math.max(0, 2 - live().length);
    await Promise.all(Array.from({ length: missing }, addReplica));
  }, 180_000);

  afterAll(async () => {
    for (const r of live()) r.child.kill('SIGKILL');
    await Promise.all(replicas.map((r) => r.exited));
    await proxy?.close();
    await store?.close();
    await stub?.close();
  });

  let tsCounter = 0;
  const nextTs = () => `1700000${String(++tsCounter).padStart(3, '0')}.000100`;
  const answersTo = (ts: string) => stub.messages.filter((m) => m.thread_ts === ts);

  /** Delivers one signed app_mention through the proxy (or straight to `port`). */
  async function deliver(body: Record<string, unknown>, options: { retry?: number; port?: number } = {}) {
    const raw = JSON.stringify(body);
    const url = options.port ? `http://127.0.0.1:${options.port}/slack/events` : proxy.url;
    const res = await fetch(url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...signedHeaders(raw),
        ...(options.retry ? { 'x-slack-retry-num': String(options.retry), 'x-slack-retry-reason': 'http_timeout' } : {}),
      },
      body: raw,
    });
    await res.text();
    return res.status;
  }

  const mention = (ts: string) => eventCallback(appMention('<@UBOT> tell me about Thurrock CCG', ts));

  async function subscribe(channel: string) {
    // Daily at 09:00 London, subscribed three days ago: the latest slot is due now.
    const since = new Date(Date.now() - 3 * 24 * 3600_000).toISOString();
    const { after } = await store.subscriptions.subscribe(
      channel,
      { frequency: 'daily', atTime: '09:00', weekday: null, filter: null },
      { user: 'U1', at: since },
      { knowledgeId: base.id, snapshot: factSnapshotJson(base) },
    );
    return after!;
  }

  it('reports the knowledge and the store on /healthz', async () => {
    for (const r of live()) {
      expect(await health(r.port)).toEqual({ status: 200, body: { ok: true, knowledge: base.id, store: 'ok' } });
    }
  });

  it('a Slack retry that lands on the other replica is answered once', async () => {
    const [a, b] = live();
    const ts = nextTs();
    const body = mention(ts);
    expect(await deliver(body, { port: a.port })).toBe(200);
    expect(await deliver(body, { port: b.port, retry: 1 })).toBe(200);
    await waitUntil('the answer', () => answersTo(ts).length >= 1);
    // The other replica found the event_id in the store and dropped its copy.
    await waitUntil('the retry to be dropped', () => b.output().includes(`Dropping duplicate delivery of event ${body.event_id as string}`));
    expect(answersTo(ts)).toHaveLength(1);
  });

  it('with both schedulers running, a digest period is posted once', async () => {
    const sub = await subscribe('C0BOTHRUN');
    const row = await waitUntil('the digest to be posted', async () => (await store.ledger.list(sub.id)).find((r) => r.status === 'posted'));
    expect(stub.posts('C0BOTHRUN')).toHaveLength(row.messages.length);
    // Both replicas keep ticking: once the lease has been renewed well after the post (more passes
    // have run), there is still one row and one post.
    const after = new Date(Date.parse(row.finishedAt!) + LEASE_MS + 1000).toISOString();
    await waitUntil(
      'more scheduler passes',
      async () => ((await store.sql.get<{ expires_at: string }>('SELECT expires_at FROM locks WHERE name = ?', [DIGEST_LOCK]))?.expires_at ?? '') > after,
    );
    expect(await store.ledger.list(sub.id)).toHaveLength(1);
    expect(stub.posts('C0BOTHRUN')).toHaveLength(row.messages.length);
  });

  it('the lease holder killed mid-post: the other replica takes over and the digest is posted exactly once', async () => {
    const held = stub.hold('chat.postMessage', (body) => body.channel === 'C0FAILOVER');
    const sub = await subscribe('C0FAILOVER');
    await held;
    // Slack has the message; its poster dies before hearing so.
    const holder = (await store.lockHolder(DIGEST_LOCK, new Date()))!;
    const victim = live().find((r) => holder.split(':')[1] === String(r.child.pid))!;
    expect(victim, `the lease holder ${holder} is one of the replicas`).toBeDefined();
    const killedAt = Date.now();
    victim.child.kill('SIGKILL');
    await victim.exited;
    (await held).release();

    const row = await waitUntil(
      'the other replica to finish the digest',
      async () => (await store.ledger.list(sub.id)).find((r) => r.status === 'posted'),
      30_000,
    );
    const failoverMs = Date.now() - killedAt;
    console.info(
      `failover: digest finished by the surviving replica ${failoverMs} ms after the holder was killed (lease ${LEASE_MS} ms, stale after ${STALE_MS} ms)`,
    );
    expect(row).toMatchObject({ attempts: 2, partsPosted: row.messages.length });
    expect(row.owner).not.toBe(holder);
    expect(stub.posts('C0FAILOVER')).toHaveLength(1);
    expect(stub.messages.filter((m) => m.channel === 'C0FAILOVER')).toHaveLength(row.messages.length);
  });

  it('a rolling restart loses no event: every signed event gets a 200 and exactly one answer', async () => {
    const sent: { ts: string; status: Promise<number> }[] = [];
    let sending = true;
    // A steady stream of events through the proxy for the whole restart.
    const stream = (async () => {
      while (sending) {
        const ts = nextTs();
        sent.push({ ts, status: deliver(mention(ts)) });
        await new Promise((r) => setTimeout(r, 100)); // a steady 10 events a second
      }
    })();
    for (const old of [...live()]) {
      const before = sent.length;
      await waitUntil('events flowing', () => sent.length >= before + 10);
      const holder = await store.lockHolder(DIGEST_LOCK, new Date());
      old.child.kill('SIGTERM');
      const ended = await old.exited;
      expect(ended, `${old.name} stopped cleanly:\n${old.output()}`).toEqual({ code: 0, signal: null });
      expect(old.output()).toMatch(/SIGTERM: no longer taking events; finishing \d+ in flight/);
      // A stopping lease holder gives the lease up rather than leaving it to expire.
      if (holder?.split(':')[1] === String(old.child.pid)) expect(await store.lockHolder(DIGEST_LOCK, new Date())).not.toBe(holder);
      await addReplica();
    }
    const restarted = sent.length;
    await waitUntil('events after the restart', () => sent.length >= restarted + 10);
    sending = false;
    await stream;
    const statuses = await Promise.all(sent.map((s) => s.status));
    expect(statuses.filter((s) => s !== 200)).toEqual([]);
    await waitUntil(`every one of ${sent.length} events answered`, () => sent.every((s) => answersTo(s.ts).length >= 1), 30_000);
    expect(sent.filter((s) => answersTo(s.ts).length !== 1).map((s) => s.ts)).toEqual([]);
  }, 240_000);
});
