/** Web API failures (rate limits, not_in_channel, HTTP errors, a dead API) are logged; the app keeps serving. */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { blocksText } from './helpers/blockKit.ts';
import { fakeEngine } from './helpers/fakeEngine.ts';
import { appMention, BOT_USER, directMessage, USER } from './helpers/payloads.ts';
import { startTestApp, type TestApp } from './helpers/testApp.ts';

let t: TestApp;
let n = 0;
const ts = () => `1700005000.${String(++n).padStart(6, '0')}`;

beforeAll(async () => {
  t = await startTestApp({ engine: fakeEngine() });
});
afterAll(async () => {
  await t?.close();
});
beforeEach(() => {
  t.stub.reset();
  t.logger.clear();
});

/** The app still answers after a failure. */
async function stillServing(): Promise<void> {
  t.stub.reset();
  await t.event(appMention(`<@${BOT_USER}> tell me about Thurrock CCG`, ts()));
  await t.stub.waitFor(() => t.stub.callsTo('chat.postMessage')[0]);
}

describe('Web API errors', () => {
  it('a rate-limited reply to a mention (429 Retry-After) is logged, not retried for minutes, and the app goes on', async () => {
    t.stub.fail('chat.postMessage', { status: 429, retryAfter: 30 });
    const started = Date.now();
    await t.event(appMention(`<@${BOT_USER}> which CCGs are under legal directions?`, ts()));
    await t.stub.waitFor(() => t.logger.text().includes('ratelimited'));
    expect(Date.now() - started).toBeLessThan(2000);
    expect(t.stub.callsTo('chat.postMessage')).toHaveLength(1);
    await stillServing();
  });

  it('not_in_channel on a DM reply is logged and the app goes on', async () => {
    t.stub.fail('chat.postMessage', { error: 'not_in_channel' });
    await t.event(directMessage('who leads primary care in the success regime?', ts()));
    await t.stub.waitFor(() => t.logger.text().includes('not_in_channel'));
    await stillServing();
  });

  it('HTTP 500s from Slack are retried briefly, then logged', async () => {
    t.stub.fail('chat.postMessage', { status: 500 }, Infinity);
    await t.event(appMention(`<@${BOT_USER}> tell me about Thurrock CCG`, ts()));
    await t.stub.waitFor(() => t.logger.text().includes('unreachable'), 5000);
    expect(t.stub.callsTo('chat.postMessage').length).toBe(3);
    await stillServing();
  });

  it('a failing views.publish is logged', async () => {
    t.stub.fail('views.publish', { error: 'invalid_blocks' });
    await t.event({ type: 'app_home_opened', user: USER, tab: 'home', channel: 'D1', event_ts: ts() });
    await t.stub.waitFor(() => t.logger.text().includes('invalid_blocks'));
    await stillServing();
  });

  it('a response_url that rejects the reply is logged', async () => {
    const dead = await t.sendForm({
      ...(await import('./helpers/payloads.ts')).slashCommand('help', t.stub.apiUrl.replace('/api/', '/nowhere')),
    });
    expect(dead.status).toBe(200);
    await t.stub.waitFor(() => t.logger.text().includes('response_url reply failed'));
  });

  it('auth.test failing on the first event leaves the app able to recover on the next', async () => {
    const fresh = await startTestApp({ engine: fakeEngine() });
    try {
      fresh.stub.fail('auth.test', { error: 'invalid_auth' });
      await fresh.event(appMention('<@UBOT> hello', ts()));
      await fresh.idle();
      expect(fresh.stub.callsTo('chat.postMessage')).toEqual([]);
      await fresh.event(appMention('<@UBOT> which CCGs are under legal directions?', ts()));
      const post = await fresh.stub.waitFor(() => fresh.stub.callsTo('chat.postMessage')[0]);
      expect(blocksText(post.body.blocks)).toMatch(/Thurrock/);
    } finally {
      await fresh.close();
    }
  });

  it('an engine that throws gives a polite reply and a log line', async () => {
    const broken = await startTestApp({
      engine: fakeEngine({
        ask: () => {
          throw new Error('index corrupted');
        },
      }),
    });
    try {
      await broken.slash('ask which CCGs are under legal directions?', 'broken');
      const reply = await broken.stub.waitFor(() => broken.stub.responses.find((r) => r.id === 'broken'));
      expect(blocksText(reply.body.blocks)).toMatch(/Sorry, something went wrong/);
      expect(broken.logger.text()).toContain('index corrupted');
    } finally {
      await broken.close();
    }
  });

  it('a Web API that cannot be reached: the event is acked, the failure logged, nothing left unhandled, and the next request served', async () => {
    const fresh = await startTestApp({ engine: fakeEngine() });
    const unhandled: unknown[] = [];
    const record = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', record);
    try {
      await fresh.stub.close();
      expect((await fresh.event(appMention('<@UBOT> hello', ts()))).status).toBe(200);
      await fresh.idle();
      // Node reports unhandled rejections once the microtasks have run, before the next turn of the loop.
      await new Promise((resolve) => setImmediate(resolve));
      expect(unhandled).toEqual([]);
      expect(fresh.logger.text('error')).toMatch(/ECONNREFUSED|request failed|authoriz/i);
      expect((await fresh.sendForm({ ssl_check: '1', token: 'x' })).status).toBe(200);
    } finally {
      process.off('unhandledRejection', record);
      await fresh.close();
    }
  });
});
