/**
 * The HTTP surface never falls over: any signed body, however malformed, gets a 400 or a 200 (never a
 * 500, a crash or Bolt's 3-second wait), unknown actions and views are acknowledged at once, and
 * timestamps too far in the future are refused like stale ones. Random signed payloads (fast-check)
 * probe the shapes nobody thought of.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fakeEngine } from './helpers/fakeEngine.ts';
import { APP_ID, CHANNEL, slashCommand, TEAM, USER } from './helpers/payloads.ts';
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

/** Still serving: a slash command gets its answer. */
async function stillServing(id: string) {
  const reply = await t.slash('help', id);
  expect(reply.status).toBe(200);
  await t.stub.waitFor(() => t.stub.responses.find((r) => r.id === id));
}

describe('bodies that used to crash the process or answer 500', () => {
  it('JSON null, and a form payload=null, get 400 and the app keeps serving', async () => {
    expect((await t.send('null', 'application/json')).status).toBe(400);
    expect((await t.send('payload=null', 'application/x-www-form-urlencoded')).status).toBe(400);
    await stillServing('after-null');
  });

  it('arrays and bare values get 400', async () => {
    for (const body of ['[]', '[null]', '0', '"text"', 'true']) expect((await t.send(body, 'application/json')).status, body).toBe(400);
    expect((await t.send('payload=%5B%5D', 'application/x-www-form-urlencoded')).status).toBe(400);
  });

  it('null or missing user, team and channel get 400 or 200, never 500', async () => {
    const event = (fields: Record<string, unknown>) => ({
      type: 'event_callback',
      event_id: `Ev${Math.random()}`,
      team_id: TEAM,
      api_app_id: APP_ID,
      event: { type: 'app_mention', text: 'hi', ts: '1.1', user: USER, channel: CHANNEL, ...fields },
    });
    const action = (fields: Record<string, unknown>) => ({
      type: 'block_actions',
      user: { id: USER },
      team: { id: TEAM },
      channel: { id: CHANNEL },
      actions: [{ action_id: 'share_answer', value: '{}' }],
      ...fields,
    });
    const cases: [string, () => Promise<{ status: number }>][] = [
      ['event user null', () => t.sendJson(event({ user: null }))],
      ['event channel null', () => t.sendJson(event({ channel: null }))],
      ['event team_id null', () => t.sendJson({ ...event({}), team_id: null })],
      ['event authorizations [null]', () => t.sendJson({ ...event({}), authorizations: [null] })],
      ['event item null', () => t.sendJson(event({ item: null }))],
      ['action user null', () => t.sendInteraction(action({ user: null }))],
      ['action user and team missing', () => t.sendInteraction({ type: 'block_actions', actions: [{ action_id: 'share_answer' }] })],
      ['action team null, user without team', () => t.sendInteraction(action({ team: null }))],
      ['action channel null', () => t.sendInteraction(action({ channel: null }))],
      ['view user null', () => t.sendInteraction({ type: 'view_submission', user: null, view: { callback_id: 'ask_modal', state: { values: {} } } })],
      ['command team missing', () => t.sendForm({ command: '/commissioning', text: 'help', user_id: USER })],
    ];
    for (const [name, send] of cases) expect([200, 400], name).toContain((await send()).status);
    expect(t.logger.text()).not.toMatch(/TypeError/);
    await stillServing('after-nulls');
  });
});

describe('requests nothing listens for', () => {
  it('an unknown action, view submission, view close, shortcut or command is acknowledged at once (200)', async () => {
    const user = { id: USER, team_id: TEAM };
    const cases = [
      () => t.sendInteraction({ type: 'block_actions', user, team: { id: TEAM }, actions: [{ action_id: 'no_such_button', block_id: 'b', type: 'button' }] }),
      () => t.sendInteraction({ type: 'view_submission', user, team: { id: TEAM }, view: { id: 'V1', callback_id: 'no_such_modal', state: { values: {} } } }),
      () => t.sendInteraction({ type: 'view_closed', user, team: { id: TEAM }, view: { id: 'V1', callback_id: 'no_such_modal' } }),
      () => t.sendInteraction({ type: 'shortcut', callback_id: 'no_such_shortcut', user, team: { id: TEAM } }),
      () => t.sendForm(slashCommand('help', t.stub.responseUrl('other'), { command: '/no-such-command' })),
    ];
    for (const send of cases) {
      const reply = await send();
      expect(reply.status).toBe(200);
      expect(reply.ms).toBeLessThan(1000);
    }
  });
});

describe('timestamps', () => {
  it('a correctly signed request timestamped more than five minutes ahead is refused (401), and does nothing', async () => {
    const reply = await t.sendForm(slashCommand('help', t.stub.responseUrl('future')), { timestamp: nowSeconds() + 6 * 60 });
    expect(reply.status).toBe(401);
    expect(t.logger.text('warn')).toMatch(/timestamped \d+ s in the future/);
    await stillServing('after-future');
    expect(t.stub.responses.find((r) => r.id === 'future')).toBeUndefined();
  });

  it('a request a little ahead of our clock (within five minutes) is served', async () => {
    const reply = await t.sendForm(slashCommand('help', t.stub.responseUrl('slightly-ahead')), { timestamp: nowSeconds() + 60 });
    expect(reply.status).toBe(200);
    await t.stub.waitFor(() => t.stub.responses.find((r) => r.id === 'slightly-ahead'));
  });
});

/** Values Slack never sends where it sends objects and ids, and some it does. */
const anyValue = fc.oneof(
  fc.constant(null),
  fc.string({ maxLength: 12 }),
  fc.integer(),
  fc.boolean(),
  fc.constant([]),
  fc.constant({}),
  fc.array(fc.constant(null), { maxLength: 2 }),
);
const idOrObject = fc.oneof(anyValue, fc.record({ id: fc.oneof(fc.constant(USER), anyValue) }, { requiredKeys: [] }));
const TYPES = [
  'event_callback',
  'block_actions',
  'view_submission',
  'view_closed',
  'shortcut',
  'message_action',
  'block_suggestion',
  'dialog_submission',
  'url_verification',
  'interactive_message',
  'nonsense',
];
const EVENT_TYPES = ['app_mention', 'message', 'app_home_opened', 'reaction_added', 'team_join', 'function_executed'];

/** A payload shaped roughly like one of Slack's, with any field missing, null or of the wrong type. */
const slackish = fc.record(
  {
    type: fc.oneof(fc.constantFrom(...TYPES), anyValue),
    event: fc.oneof(
      anyValue,
      fc.record(
        {
          type: fc.oneof(fc.constantFrom(...EVENT_TYPES), anyValue),
          user: idOrObject,
          channel: idOrObject,
          text: anyValue,
          ts: anyValue,
          channel_type: fc.oneof(fc.constant('im'), anyValue),
          item: idOrObject,
          subteam: anyValue,
          bot_id: anyValue,
          thread_ts: anyValue,
        },
        { requiredKeys: [] },
      ),
    ),
    event_id: fc.oneof(
      fc.string({ minLength: 1, maxLength: 10 }).map((s) => `Ev${s}`),
      anyValue,
    ),
    team_id: anyValue,
    authorizations: fc.oneof(
      anyValue,
      fc.array(fc.oneof(anyValue, fc.record({ team_id: anyValue, user_id: anyValue, enterprise_id: anyValue }, { requiredKeys: [] })), { maxLength: 2 }),
    ),
    user: idOrObject,
    team: idOrObject,
    channel: idOrObject,
    enterprise: idOrObject,
    container: anyValue,
    message: anyValue,
    actions: fc.oneof(
      anyValue,
      fc.array(
        fc.oneof(
          anyValue,
          fc.record(
            {
              action_id: fc.oneof(fc.constantFrom('share_answer', 'show_quotes', 'feedback_up', 'ask_suggestion', 'nope'), anyValue),
              value: anyValue,
              type: anyValue,
            },
            { requiredKeys: [] },
          ),
        ),
        { maxLength: 2 },
      ),
    ),
    view: fc.oneof(
      anyValue,
      fc.record({ callback_id: fc.oneof(fc.constant('ask_modal'), anyValue), state: anyValue, private_metadata: anyValue, id: anyValue }, { requiredKeys: [] }),
    ),
    command: fc.oneof(fc.constant('/commissioning'), anyValue),
    user_id: anyValue,
    text: anyValue,
    response_url: anyValue,
    response_urls: anyValue,
    callback_id: anyValue,
    trigger_id: anyValue,
    name: anyValue,
    action_id: anyValue,
    challenge: anyValue,
    ssl_check: anyValue,
  },
  { requiredKeys: [] },
);

/** A signed request: JSON, an interaction's form payload, or form fields of strings. */
const request = fc.oneof(
  fc.oneof(slackish, fc.jsonValue({ maxDepth: 3 })).map((p) => ({ body: JSON.stringify(p) ?? 'null', type: 'application/json' })),
  fc
    .oneof(slackish, fc.jsonValue({ maxDepth: 3 }))
    .map((p) => ({ body: new URLSearchParams({ payload: JSON.stringify(p) ?? 'null' }).toString(), type: 'application/x-www-form-urlencoded' })),
  fc
    .dictionary(
      fc.constantFrom('command', 'text', 'user_id', 'team_id', 'channel_id', 'response_url', 'ssl_check', 'payload', 'type', 'x'),
      fc.string({ maxLength: 20 }),
    )
    .map((fields) => ({ body: new URLSearchParams(fields).toString(), type: 'application/x-www-form-urlencoded' })),
);

describe('random signed payloads (fast-check)', () => {
  it('always get 400 or 200 within a second, nothing crashes or errors, and the app keeps serving', async () => {
    await fc.assert(
      fc.asyncProperty(request, async ({ body, type }) => {
        const reply = await t.send(body, type);
        expect([200, 400]).toContain(reply.status);
        expect(reply.ms).toBeLessThan(1000);
      }),
      { numRuns: 250, seed: 1201 },
    );
    // Listeners finish after the ack: give the last ones time to fail, by waiting for a later answer.
    await stillServing('after-fuzz');
    expect(t.logger.text()).not.toMatch(/TypeError|Could not dispatch|not acknowledged within 3 seconds/);
  });
});
