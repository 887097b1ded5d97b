/**
 * A Slack Web API stub for digest tests, on 127.0.0.1. Unlike the shared test/slack stub it keeps
 * what was posted, per channel and thread, with message metadata, and serves it back through
 * conversations.history and conversations.replies: what the crash-recovery path reads. Failures can
 * be injected per method: HTTP 429 with Retry-After, {ok: false, error}, an HTTP status, a lost reply
 * (the call is carried out, then the connection dropped), or no reply at all (the call carried out or
 * not, the response held until release(), or for good).
 */
import { once } from 'node:events';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { parse as parseQuery } from 'node:querystring';

export interface StubMessage {
  channel: string;
  ts: string;
  thread_ts?: string;
  text: string;
  blocks?: unknown[];
  metadata?: { event_type: string; event_payload: Record<string, unknown> };
}

export interface StubCall {
  method: string;
  body: Record<string, any>;
  at: number;
  authorization?: string;
}

export type StubFailure =
  | { retryAfter: number }
  | { error: string }
  | { status: number }
  /** Carry the call out, then drop the connection before replying. */
  | { dropReply: true }
  /** Never reply (until release()); `accept` carries the call out first. */
  | { noReply: true; accept: boolean };

export interface DigestStub {
  apiUrl: string;
  calls: StubCall[];
  messages: StubMessage[];
  /** Top-level posts (not thread replies). */
  posts(channel?: string): StubMessage[];
  callsTo(method: string): StubCall[];
  /** The next `times` calls of `method` after the next `skip` fail with `failure`. */
  fail(method: string, failure: StubFailure, times?: number, skip?: number): void;
  /** Calls whose reply is being held (noReply). */
  held(): number;
  /** Sends the held replies. */
  release(): void;
  /** Resolves when the stub next holds a reply: the moment a client waiting for it has waited "too long". */
  nextHeld(): Promise<void>;
  /**
   * Holds the reply to the next call of `method` whose body matches `when`: the call is carried out
   * (a post is recorded) but not answered. Resolves when such a call arrives; `release()` then drops
   * the connection (a poster killed while it waited never hears back).
   */
  hold(method: string, when: (body: Record<string, any>) => boolean): Promise<{ body: Record<string, any>; release(): void }>;
  close(): Promise<void>;
}

/** Starts the stub on a free port. */
export async function startDigestStub(): Promise<DigestStub> {
  const calls: StubCall[] = [];
  const messages: StubMessage[] = [];
  const failures = new Map<string, { failure: StubFailure; times: number; skip: number }>();
  const heldReplies: (() => void)[] = [];
  const onHold: (() => void)[] = [];
  const holds: { method: string; when: (body: Record<string, any>) => boolean; arrived: (held: { body: Record<string, any>; release(): void }) => void }[] = [];
  let counter = 0;

  const server = createServer((req, res) => void handle(req, res).catch((e) => res.writeHead(500).end(String(e))));

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    const body = parseBody(raw, req.headers['content-type']);
    const method = new URL(req.url ?? '/', 'http://stub').pathname.replace(/^\/api\//, '');
    calls.push({ method, body, at: Date.now(), authorization: req.headers.authorization });
    const hold = holds.findIndex((h) => h.method === method && h.when(body));
    if (hold >= 0) {
      const [h] = holds.splice(hold, 1);
      carryOut(method, body);
      return h.arrived({ body, release: () => void res.destroy() });
    }
    const pending = failures.get(method);
    if (pending && pending.skip > 0) pending.skip--;
    else if (pending && pending.times > 0) {
      pending.times--;
      const f = pending.failure;
      if ('retryAfter' in f)
        return void res.writeHead(429, { 'retry-after': String(f.retryAfter), 'content-type': 'application/json' }).end('{"ok":false,"error":"ratelimited"}');
      if ('error' in f) return json(res, { ok: false, error: f.error });
      if ('status' in f) return void res.writeHead(f.status).end();
      if ('dropReply' in f) {
        carryOut(method, body);
        return void req.socket.destroy();
      }
      const reply = f.accept ? carryOut(method, body) : { ok: false, error: 'internal_error' };
      heldReplies.push(() => json(res, reply));
      onHold.splice(0).forEach((notify) => notify());
      return;
    }
    json(res, carryOut(method, body));
  }

  function carryOut(method: string, body: Record<string, any>): unknown {
    switch (method) {
      case 'chat.postMessage': {
        const ts = `${1800000000 + ++counter}.000100`;
        const m: StubMessage = {
          channel: body.channel,
          ts,
          text: body.text,
          blocks: body.blocks,
          ...(body.thread_ts ? { thread_ts: body.thread_ts } : {}),
          ...(body.metadata ? { metadata: body.metadata } : {}),
        };
        messages.push(m);
        return { ok: true, channel: body.channel, ts, message: { text: body.text, ts } };
      }
      case 'conversations.history': {
        const list = messages.filter((m) => m.channel === body.channel && !m.thread_ts && Number(m.ts) >= Number(body.oldest ?? 0)).reverse();
        return { ok: true, messages: list.map((m) => strip(m, body.include_all_metadata)), has_more: false };
      }
      case 'conversations.replies': {
        const list = messages.filter((m) => m.channel === body.channel && (m.ts === body.ts || m.thread_ts === body.ts));
        return { ok: true, messages: list.map((m) => strip(m, body.include_all_metadata)), has_more: false };
      }
      default:
        return { ok: true };
    }
  }

  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  return {
    apiUrl: `http://127.0.0.1:${port}/api/`,
    calls,
    messages,
    posts: (channel) => messages.filter((m) => !m.thread_ts && (!channel || m.channel === channel)),
    callsTo: (method) => calls.filter((c) => c.method === method),
    fail: (method, failure, times = 1, skip = 0) => void failures.set(method, { failure, times, skip }),
    held: () => heldReplies.length,
    release: () => heldReplies.splice(0).forEach((send) => send()),
    nextHeld: () => new Promise<void>((r) => void onHold.push(r)),
    hold: (method, when) => new Promise((arrived) => void holds.push({ method, when, arrived })),
    close: () =>
      new Promise((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}

function strip(m: StubMessage, withMetadata: unknown) {
  const { metadata, ...rest } = m;
  return withMetadata === true || withMetadata === 'true' ? m : rest;
}

function parseBody(raw: string, type: string | undefined): Record<string, any> {
  if (!raw) return {};
  if (type?.includes('application/json')) return JSON.parse(raw);
  const fields = parseQuery(raw) as Record<string, any>;
  for (const k of ['blocks', 'metadata']) if (typeof fields[k] === 'string') fields[k] = JSON.parse(fields[k]);
  return fields;
}

function json(res: ServerResponse, body: unknown) {
  res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body));
}
