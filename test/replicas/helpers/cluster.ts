/**
 * Several app processes (`src/main.ts` in HTTP mode) on one PostgreSQL store, behind a small
 * round-robin proxy on 127.0.0.1, as a load balancer would run them: a request that finds a
 * replica gone (connection refused or reset) or stopping (503) is tried on the next one.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createServer, request, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { freePort } from '../../slack/helpers/testApp.ts';
import { TEST_SIGNING_SECRET } from '../../slack/helpers/signing.ts';

const ROOT = resolve(import.meta.dirname, '../../..');

/** One running app process. */
export interface Replica {
  name: string;
  port: number;
  child: ChildProcess;
  /** Everything it has written to stdout and stderr so far. */
  output(): string;
  /** Resolves with how it ended. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  running(): boolean;
}

/**
 * Starts `src/main.ts` (or `main`, a built dist/main.js) with `env` on a free port; resolves once GET /healthz
 * answers 200.
 */
export async function startReplica(name: string, env: Record<string, string>, main?: string): Promise<Replica> {
  const port = await freePort();
  const child = spawn(process.execPath, main ? [main] : ['--import', 'tsx', 'src/main.ts'], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '',
      SLACK_SIGNING_SECRET: TEST_SIGNING_SECRET,
      SLACK_BOT_TOKEN: 'xoxb-replica-test',
      ...env,
      PORT: String(port),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (d) => {
    out += String(d);
  });
  child.stderr!.on('data', (d) => {
    out += String(d);
  });
  let alive = true;
  const exited = once(child, 'exit').then(([code, signal]) => {
    alive = false;
    return { code: code as number | null, signal: signal as NodeJS.Signals | null };
  });
  const replica: Replica = { name, port, child, output: () => out, exited, running: () => alive };
  await waitUntil(
    `${name} healthy`,
    async () => {
      if (!alive) throw new Error(`replica ${name} exited before it was healthy:\n${out}`);
      return (await health(port).catch(() => null))?.status === 200;
    },
    60_000,
  ).catch((e: Error) => {
    child.kill('SIGKILL');
    throw new Error(`${e.message}\n--- ${name} output ---\n${out}`);
  });
  return replica;
}

/** Polls `check` (every 25 ms) until it returns something truthy; throws naming `what` after `timeoutMs`. */
export async function waitUntil<T>(what: string, check: () => Promise<T> | T, timeoutMs = 20_000): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value as NonNullable<T>;
    if (Date.now() > deadline) throw new Error(`waited ${timeoutMs} ms for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** GET /healthz on a replica. */
export async function health(port: number): Promise<{ status: number; body: Record<string, unknown> }> {
  const res = await fetch(`http://127.0.0.1:${port}/healthz`);
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

/** The proxy: its URL, how many requests each backend port answered, and close(). */
export interface RoundRobinProxy {
  url: string;
  served: Map<number, number>;
  close(): Promise<void>;
}

/** A round-robin proxy over `backends()` (read per request, so replicas can come and go). */
export async function startProxy(backends: () => number[]): Promise<RoundRobinProxy> {
  let next = 0;
  const served = new Map<number, number>();
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      const attempt = (tries: number) => {
        // Read afresh on every try: a replica may have gone, or a new one come, since the last.
        const ports = backends();
        if (tries >= 8 || ports.length === 0) {
          res.writeHead(502).end('no replica answered');
          return;
        }
        const port = ports[next++ % ports.length];
        const upstream = request({ host: '127.0.0.1', port, method: req.method, path: req.url, headers: req.headers, agent: false }, (up: IncomingMessage) => {
          if (up.statusCode === 503) {
            up.resume();
            attempt(tries + 1);
            return;
          }
          served.set(port, (served.get(port) ?? 0) + 1);
          res.writeHead(up.statusCode ?? 502, up.headers);
          up.pipe(res);
        });
        // Refused or reset before a reply: the replica is gone or going; the next one takes it.
        upstream.on('error', () => attempt(tries + 1));
        upstream.end(body);
      };
      attempt(0);
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/slack/events`,
    served,
    close: () =>
      new Promise((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}
