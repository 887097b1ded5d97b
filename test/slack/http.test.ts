/** The HTTP endpoint as Slack sees it: URL verification, request signing, retries, malformed bodies. */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fakeEngine } from './helpers/fakeEngine.ts';
import { appMention, slashCommand } from './helpers/payloads.ts';
import { nowSeconds } from './helpers/signing.ts';
import { startTestApp, type TestApp } from './helpers/testApp.ts';

let t: TestApp;

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

describe('Slack request handling over HTTP', () => {
  it('answers the url_verification challenge', async () => {
    const reply = await t.sendJson({ token: 'x', challenge: 'c3RhbGUgY2hhbGxlbmdl', type: 'url_verification' });
    expect(reply.status).toBe(200);
    expect(JSON.parse(reply.body)).toEqual({ challenge: 'c3RhbGUgY2hhbGxlbmdl' });
  });

  it('answers ssl_check pings', async () => {
    const reply = await t.sendForm({ ssl_check: '1', token: 'x' });
    expect(reply.status).toBe(200);
  });

  it('refuses a request signed with the wrong secret (401) and does nothing', async () => {
    const reply = await t.sendForm(slashCommand('org thurrock', t.stub.responseUrl('bad')), { secret: 'not-the-secret' });
    expect(reply.status).toBe(401);
    await t.idle();
    expect(t.stub.responses).toEqual([]);
  });

  it('refuses an unsigned request (401)', async () => {
    const reply = await t.sendForm(slashCommand('help', t.stub.responseUrl('unsigned')), { unsigned: true });
    expect(reply.status).toBe(401);
  });

  it('refuses a correctly signed but stale request, older than five minutes (401)', async () => {
    const reply = await t.sendForm(slashCommand('help', t.stub.responseUrl('stale')), { timestamp: nowSeconds() - 6 * 60 });
    expect(reply.status).toBe(401);
    await t.idle();
    expect(t.stub.responses).toEqual([]);
  });

  it('refuses a body tampered with after signing (401)', async () => {
    const body = new URLSearchParams(slashCommand('help', t.stub.responseUrl('tampered'))).toString();
    const { signedHeaders } = await import('./helpers/signing.ts');
    const headers = signedHeaders(body);
    const reply = await t.send(body.replace('help', 'org+essex'), 'application/x-www-form-urlencoded', { unsigned: true, headers });
    expect(reply.status).toBe(401);
  });

  it('answers 400 at once for a signed body that is not JSON', async () => {
    const reply = await t.send('{this is not json', 'application/json');
    expect(reply.status).toBe(400);
    expect(reply.ms).toBeLessThan(1000);
  });

  it('answers 400 at once for signed payloads missing the fields their kind needs', async () => {
    const cases: unknown[] = [
      {},
      { type: 'event_callback', event_id: 'Ev1' },
      { type: 'event_callback', event: 'not an object' },
      { type: 'block_actions', actions: [] },
      { type: 'view_submission' },
      [1, 2, 3],
    ];
    for (const payload of cases) {
      const reply = await t.sendJson(payload);
      expect(reply.status, JSON.stringify(payload)).toBe(400);
      expect(reply.ms).toBeLessThan(1000);
    }
    const form = await t.sendForm({ garbage: 'yes', more: 'garbage' });
    expect(form.status).toBe(400);
    const noUser = await t.sendForm({ command: '/commissioning', text: 'help' });
    expect(noUser.status).toBe(400);
    const badInteraction = await t.send('payload=%7Bnot-json', 'application/x-www-form-urlencoded');
    expect(badInteraction.status).toBe(400);
  });

  it('keeps serving after malformed requests (the process did not crash)', async () => {
    await t.send('\u0000\u0001garbage', 'application/octet-stream');
    const reply = await t.slash('help', 'after-garbage');
    expect(reply.status).toBe(200);
    await t.stub.waitFor(() => t.stub.responses.find((r) => r.id === 'after-garbage'));
  });

  it('acks an event with an event type it does not handle (200) without posting anything', async () => {
    const reply = await t.event({
      type: 'reaction_added',
      user: 'U1',
      reaction: 'thumbsup',
      item: { type: 'message', channel: 'C1', ts: '1.1' },
      event_ts: '1.2',
    });
    expect(reply.status).toBe(200);
    await t.idle();
    expect(t.stub.callsTo('chat.postMessage')).toEqual([]);
  });

  it('tolerates an app_mention with missing text and channel', async () => {
    const reply = await t.event({ type: 'app_mention', user: 'U1', ts: '1700000001.000001' });
    expect(reply.status).toBe(200);
    await t.idle();
    expect(t.stub.callsTo('chat.postMessage')).toEqual([]);
    const ok = await t.event(appMention('<@UBOT> help', '1700000001.000002'));
    expect(ok.status).toBe(200);
    await t.stub.waitFor(() => t.stub.callsTo('chat.postMessage')[0]);
  });

  it('acks a delivered event fast', async () => {
    const reply = await t.event(appMention('<@UBOT> which CCGs are under legal directions?', '1700000002.000001'));
    expect(reply.status).toBe(200);
    expect(reply.ms).toBeLessThan(1000);
  });
});
