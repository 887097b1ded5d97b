/**
 * A local stand-in for the Slack Web API (and for response_url endpoints) on 127.0.0.1. It records
 * every call (method + parsed body), answers `{ok: true, …}`, and can be told to fail: HTTP 429
 * with Retry-After, or `{ok: false, error}` such as not_in_channel.
 */
import { once } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { parse as parseQuery } from 'node:querystring';

/** One recorded Web API call. */
export interface ApiCall {
  method: string;
  /** Form fields or JSON body; fields holding JSON (blocks, view …) are parsed. */
  body: Record<string, any>;
  authorization: string | undefined;
}

/** One recorded post to a response_url. */
export interface ResponseUrlPost {
  id: string;
  body: Record<string, any>;
}

/** How the stub should fail a method. */
export type Failure = { status: 429; retryAfter: number } | { error: string } | { status: number };

/** A running stub: its URLs, what it recorded, and how to make it fail. */
export interface SlackStub {
  /** Web API base URL, ending in /api/ (pass as slackApiUrl). */
  apiUrl: string;
  /** A response_url on this stub; posts to it are recorded under `id`. */
  responseUrl(id: string): string;
  calls: ApiCall[];
  responses: ResponseUrlPost[];
  callsTo(method: string): ApiCall[];
  /** Fails the next `times` calls to `method` (default once; Infinity for always). */
  fail(method: string, failure: Failure, times?: number): void;
  /** Waits until `check` returns a truthy value (polling), or throws after `timeoutMs`. */
  waitFor<T>(check: () => T | undefined | null | false, timeoutMs?: number): Promise<T>;
  /** Forgets recorded calls and pending failures. */
  reset(): void;
  close(): Promise<void>;
}

const JSON_FIELDS = new Set(['blocks', 'attachments', 'view', 'metadata']);

/** Starts the stub on a free port of 127.0.0.1. */
export async function startSlackStub(): Promise<SlackStub> {
  const calls: ApiCall[] = [];
  const responses: ResponseUrlPost[] = [];
  const failures = new Map<string, { failure: Failure; times: number }>();
  let tsCounter = 0;

  const server: Server = createServer((req, res) => {
    void handle(req, res).catch((error) => {
      res.writeHead(500).end(String(error));
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const raw = await readBody(req);
    const url = new URL(req.url ?? '/', 'http://stub');
    const body = parseBody(raw, req.headers['content-type']);
    if (url.pathname.startsWith('/response/')) {
      responses.push({ id: decodeURIComponent(url.pathname.slice('/response/'.length)), body });
      res.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
      return;
    }
    if (!url.pathname.startsWith('/api/')) {
      res.writeHead(404).end();
      return;
    }
    const method = url.pathname.slice('/api/'.length);
    calls.push({ method, body, authorization: req.headers.authorization });
    const pending = failures.get(method);
    if (pending && pending.times > 0) {
      pending.times -= 1;
      const f = pending.failure;
      if ('retryAfter' in f) {
        res
          .writeHead(429, { 'retry-after': String(f.retryAfter), 'content-type': 'application/json' })
          .end(JSON.stringify({ ok: false, error: 'ratelimited' }));
      } else if ('error' in f) {
        json(res, { ok: false, error: f.error });
      } else {
        res.writeHead(f.status).end();
      }
      return;
    }
    json(res, { ok: true, ...defaultResult(method, body) });
  }

  function defaultResult(method: string, body: Record<string, any>): Record<string, unknown> {
    switch (method) {
      case 'auth.test':
        return { url: 'https://test.slack.com/', team: 'Test NHS', user: 'commissioning', team_id: 'T0TEST', user_id: 'UBOT', bot_id: 'BBOT' };
      case 'chat.postMessage':
      case 'chat.postEphemeral': {
        tsCounter += 1;
        const ts = `1700000000.${String(tsCounter).padStart(6, '0')}`;
        return { channel: body.channel, ts, message: { text: body.text, ts, bot_id: 'BBOT' } };
      }
      case 'views.publish':
      case 'views.open':
        return { view: { id: 'V0TEST', ...(body.view ?? {}) } };
      default:
        return {};
    }
  }

  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  const base = `http://127.0.0.1:${port}`;

  return {
    apiUrl: `${base}/api/`,
    responseUrl: (id) => `${base}/response/${encodeURIComponent(id)}`,
    calls,
    responses,
    callsTo: (method) => calls.filter((c) => c.method === method),
    fail: (method, failure, times = 1) => void failures.set(method, { failure, times }),
    waitFor: (check, timeoutMs = 3000) => waitFor(check, timeoutMs),
    reset: () => {
      calls.length = 0;
      responses.length = 0;
      failures.clear();
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Polls `check` every 10 ms until it returns something truthy. */
export async function waitFor<T>(check: () => T | undefined | null | false, timeoutMs = 3000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`waitFor: condition not met within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function parseBody(raw: string, contentType: string | undefined): Record<string, any> {
  if (!raw) return {};
  if (contentType?.includes('application/json')) return JSON.parse(raw);
  const fields = parseQuery(raw) as Record<string, any>;
  for (const key of Object.keys(fields)) {
    if (JSON_FIELDS.has(key) && typeof fields[key] === 'string') {
      try {
        fields[key] = JSON.parse(fields[key]);
      } catch {
        // leave as text
      }
    }
  }
  return fields;
}

function json(res: ServerResponse, body: unknown): void {
  res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body));
}
