/**
 * A load test of the Slack HTTP receiver on loopback: signed app_mention events at rising rates, with
 * the local Web API stub answering chat.postMessage. Reports how fast events are acked (Slack allows
 * 3 s) and how many answers per second get posted. Bounded: a few seconds a step, a hard stop at 30 s,
 * and only ever 127.0.0.1.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { EVENTS_PATH } from '../src/slack/app.ts';
import { appMention, BOT_USER, eventCallback } from '../test/slack/helpers/payloads.ts';
import { signedHeaders } from '../test/slack/helpers/signing.ts';
import { startSlackStub } from '../test/slack/helpers/slackStub.ts';
import type { LoadServerArgs } from './loadServer.ts';
import { PROJECT_ROOT } from './sizes.ts';
import { round, summarise } from './stats.ts';

/** One request rate: how fast events were acked and answered. */
export interface LoadStep {
  /** Events per second asked for. */
  rate: number;
  sent: number;
  acked: number;
  ackP50: number;
  ackP99: number;
  ackMax: number;
  /** Answers posted to the stub (chat.postMessage) for this step's events. */
  answers: number;
  answersPerSecond: number;
  errors: number;
}

/** Every rate of the load test. */
export interface LoadResult {
  /** The knowledge the engine answered from: "seeds", or a generated corpus's passage count. */
  knowledge: string;
  steps: LoadStep[];
  /** Slack's limit for an ack, ms. */
  ackLimitMs: number;
  stoppedEarly: boolean;
  /** CPU the app's process spent per event (warm-up included), ms: one core sustains about 1000/this events a second. */
  serverCpuMsPerEvent: number;
  /** Errors the app logged. */
  serverErrors: number;
}

/** Rates, duration, hard stop, and the knowledge the app under load answers from (the seeds by default). */
export interface LoadOptions {
  rates?: number[];
  secondsPerStep?: number;
  /** Hard stop for the whole test, ms. */
  deadlineMs?: number;
  server?: Omit<LoadServerArgs, 'slackApiUrl'>;
  /** Describes that knowledge in the result. */
  knowledge?: string;
  log?: (line: string) => void;
}

const QUESTIONS = [
  'Which CCGs are under legal directions?',
  'Tell me about Thurrock CCG',
  'Who leads primary care in the Essex success regime?',
  'What is an STP?',
  'How many CCGs are in financial special measures?',
  'When were the Essex directions imposed?',
  'What is happening to Walsall CCG?',
  'What is the weather in Leeds?',
  'What did Wigan Borough CCG say about urgent and emergency care?',
  'How did the CQC rate Chesterfield Royal Hospital NHS Foundation Trust?',
];

/** Runs the rising-rate load test against the app in its own process on 127.0.0.1; one row per rate. */
export async function runLoadTest(options: LoadOptions = {}): Promise<LoadResult> {
  const rates = options.rates ?? [20, 50, 100, 200, 400];
  const seconds = options.secondsPerStep ?? 3;
  const stub = await startSlackStub();
  const { child, port, lines } = await startServer({ ...options.server, slackApiUrl: stub.apiUrl });
  const deadline = Date.now() + (options.deadlineMs ?? 30_000);
  const url = `http://127.0.0.1:${port}${EVENTS_PATH}`;
  // Warm-up (JIT, the first auth.test), not counted.
  await Promise.all(QUESTIONS.map((q, i) => sendEvent(url, `<@${BOT_USER}> ${q}`, `1700000999.${String(i).padStart(6, '0')}`).catch(() => 0)));
  const steps: LoadStep[] = [];
  let stoppedEarly = false;
  try {
    for (const rate of rates) {
      if (Date.now() + seconds * 1000 > deadline) {
        stoppedEarly = true;
        break;
      }
      options.log?.(`bench: ${rate} events/s for ${seconds} s…`);
      steps.push(await runStep(url, rate, seconds, deadline, () => new Set(stub.callsTo('chat.postMessage').map((c) => String(c.body.thread_ts)))));
    }
  } finally {
    child.kill('SIGTERM');
    await stub.close();
  }
  const usage = await Promise.race([lines.next(), new Promise<null>((r) => setTimeout(() => r(null), 5000))]);
  const { cpuMs, errors } = usage && !usage.done ? (JSON.parse(usage.value) as { cpuMs: number; errors: number }) : { cpuMs: NaN, errors: NaN };
  const events = QUESTIONS.length + steps.reduce((n, s) => n + s.sent, 0);
  return { knowledge: options.knowledge ?? 'seeds', steps, ackLimitMs: 3000, stoppedEarly, serverCpuMsPerEvent: round(cpuMs / events), serverErrors: errors };
}

/** Starts bench/loadServer.ts and waits (up to two minutes, for a large corpus) for the port it listens on. */
async function startServer(args: LoadServerArgs): Promise<{ child: ChildProcess; port: number; lines: AsyncIterator<string> }> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(PROJECT_ROOT, 'bench', 'loadServer.ts'), JSON.stringify(args)], {
    cwd: PROJECT_ROOT,
    stdio: ['ignore', 'pipe', 'inherit'],
    timeout: 180_000,
  });
  const lines = createInterface({ input: child.stdout! })[Symbol.asyncIterator]();
  const exited = new Promise<never>((_, fail) => child.once('exit', (code) => fail(new Error(`the load server exited with ${code} before listening`))));
  const timeout = new Promise<never>((_, fail) => setTimeout(() => fail(new Error('the load server did not start within 2 minutes')), 120_000).unref());
  const first = await Promise.race([lines.next(), exited, timeout]);
  return { child, port: (JSON.parse(first.value as string) as { port: number }).port, lines };
}

let tsCounter = 0;

/** Sends `rate` signed events a second for `seconds`, then waits (bounded) until each is answered in its thread. */
async function runStep(url: string, rate: number, seconds: number, deadline: number, answeredThreads: () => Set<string>): Promise<LoadStep> {
  const total = rate * seconds;
  const ackMs: number[] = [];
  const sentTs: string[] = [];
  let errors = 0;
  const start = performance.now();
  const sends: Promise<void>[] = [];
  for (let i = 0; i < total && Date.now() < deadline; i++) {
    const due = start + (i * 1000) / rate;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    const ts = `1700001000.${String(++tsCounter).padStart(6, '0')}`;
    sentTs.push(ts);
    sends.push(
      sendEvent(url, `<@${BOT_USER}> ${QUESTIONS[i % QUESTIONS.length]}`, ts).then(
        (ms) => void ackMs.push(ms),
        () => void errors++,
      ),
    );
  }
  await Promise.all(sends);
  const answered = () => {
    const threads = answeredThreads();
    return sentTs.filter((ts) => threads.has(ts)).length;
  };
  while (answered() < ackMs.length && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
  const elapsed = (performance.now() - start) / 1000;
  const answers = answered();
  const s = summarise(ackMs);
  return {
    rate,
    sent: sends.length,
    acked: ackMs.length,
    ackP50: round(s.p50),
    ackP99: round(s.p99),
    ackMax: round(s.max),
    answers,
    answersPerSecond: round(answers / elapsed, 1),
    errors,
  };
}

/** Posts one signed app_mention and returns the time to Slack's ack (HTTP 200), ms. */
async function sendEvent(url: string, text: string, ts: string): Promise<number> {
  const body = JSON.stringify(eventCallback(appMention(text, ts)));
  const t = performance.now();
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...signedHeaders(body) }, body });
  await res.arrayBuffer();
  if (res.status !== 200) throw new Error(`HTTP ${res.status}`);
  return performance.now() - t;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const args = JSON.parse(process.argv[2] ?? '{}') as LoadOptions['server'] & { label?: string };
  const result = await runLoadTest({ server: args, knowledge: args.label, log: (l) => process.stderr.write(`${l}\n`) });
  process.stdout.write(`${JSON.stringify(result)}\n`);
}
