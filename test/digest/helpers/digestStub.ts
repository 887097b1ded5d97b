/**
 * A Slack Web API stub for digest tests, on 127.0.0.1. Unlike the shared test/slack stub it keeps
 * what was posted, per channel and thread, with message metadata, and serves it back through
 * conversations.history and conversations.replies: what the crash-recovery path reads. Failures can
 * be injected per method: HTTP 429 with Retry-After, or {ok: false, error}.
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

export type StubFailure = { retryAfter: number } | { error: string } | { status: number };

export interface DigestStub {
  apiUrl: string;
  calls: StubCall[];
  messages: StubMessage[];
  /** Top-level posts (not thread replies). */
  posts(channel?: string): StubMessage[];
  callsTo(method: string): StubCall[];
  fail(method: string, failure: StubFailure, times?: number): void;
  /**
   * Holds the reply to the next call of `method` matching `when`: the call is handled (a post is
   * recorded) but its reply is not sent — a reply lost mid-post. Resolves when such a call arrives;
   * `release()` then drops the connection.
   */
  hold(method: string, when: (body: Record<string, any>) => boolean): Promise<{ body: Record<string, any>; release(): void }>;
  close(): Promise<void>;
}

/** Starts the stub on a free port. */
export async function startDigestStub(): Promise<DigestStub> {
  const calls: StubCall[] = [];
  const messages: StubMessage[] = [];
  const failures = new Map<string, { failure: StubFailure; times: number }>();
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
    const pending = failures.get(method);
    if (pending && pending.times > 0) {
      pending.times--;
      const f = pending.failure;
      if ('retryAfter' in f) return void res.writeHead(429, { 'retry-after': String(f.retryAfter), 'content-type': 'application/json' }).end('{"ok":false,"error":"ratelimited"}');
      if ('error' in f) return json(res, { ok: false, error: f.error });
      return void res.writeHead(f.status).end();
    }
    switch (method) {
      case 'chat.postMessage': {
        const ts = `${1800000000 + ++counter}.000100`;
        const m: StubMessage = { channel: body.channel, ts, text: body.text, blocks: body.blocks, ...(body.thread_ts ? { thread_ts: body.thread_ts } : {}), ...(body.metadata ? { metadata: body.metadata } : {}) };
        messages.push(m);
        const held = holds.findIndex((h) => h.method === method && h.when(body));
        if (held >= 0) {
          const [h] = holds.splice(held, 1);
          return h.arrived({ body, release: () => res.destroy() });
        }
        return json(res, { ok: true, channel: body.channel, ts, message: { text: body.text, ts } });
      }
      case 'conversations.history': {
        const list = messages.filter((m) => m.channel === body.channel && !m.thread_ts && Number(m.ts) >= Number(body.oldest ?? 0)).reverse();
        return json(res, { ok: true, messages: list.map((m) => strip(m, body.include_all_metadata)), has_more: false });
      }
      case 'conversations.replies': {
        const list = messages.filter((m) => m.channel === body.channel && (m.ts === body.ts || m.thread_ts === body.ts));
        return json(res, { ok: true, messages: list.map((m) => strip(m, body.include_all_metadata)), has_more: false });
      }
      default:
        return json(res, { ok: true });
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
    fail: (method, failure, times = 1) => void failures.set(method, { failure, times }),
    hold: (method, when) => new Promise((arrived) => holds.push({ method, when, arrived })),
    close: () => new Promise((r) => { server.closeAllConnections(); server.close(() => r()); }),
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
