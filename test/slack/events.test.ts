/** Events API end to end: mentions answered in thread, DMs answered, noise ignored, retries de-duplicated, App Home. */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { assertPostedMessage, blocksText } from './helpers/blockKit.ts';
import { appMention, BOT_ID, BOT_USER, CHANNEL, directMessage, USER } from './helpers/payloads.ts';
import { realEngine } from './helpers/realEngine.ts';
import { startTestApp, type TestApp } from './helpers/testApp.ts';

let t: TestApp;
let tsCounter = 0;
const nextTs = () => `1700001000.${String(++tsCounter).padStart(6, '0')}`;

beforeAll(async () => {
  t = await startTestApp({
    engine: await realEngine(),
    subscriptionsProvider: () => [
      { channel: 'C0DIGESTS', schedule: 'weekly on Monday at 09:00', filter: 'legal directions' },
      { channel: 'C0PAUSED', schedule: 'daily at 08:30', paused: 'since 1 May 2024' },
    ],
  });
});
afterAll(async () => {
  await t?.close();
});
beforeEach(() => {
  t.stub.reset();
  t.logger.clear();
});

const posts = () => t.stub.callsTo('chat.postMessage');

describe('app_mention', () => {
  it('answers in a thread under the question, stripping the bot mention', async () => {
    const ts = nextTs();
    await t.event(appMention(`<@${BOT_USER}> which CCGs are under legal directions?`, ts));
    const [post] = await t.stub.waitFor(() => (posts().length > 0 ? posts() : undefined));
    expect(post!.body.channel).toBe(CHANNEL);
    expect(post!.body.thread_ts).toBe(ts);
    assertPostedMessage(post!.body);
    expect(blocksText(post!.body.blocks)).toMatch(/Thurrock/);
    expect(blocksText(post!.body.blocks)).not.toContain('UBOT');
    expect(post!.authorization).toBe('Bearer xoxb-0000-test');
  });

  it('replies inside an existing thread when mentioned in one', async () => {
    await t.event(appMention(`<@${BOT_USER}> tell me about Thurrock CCG`, nextTs(), '1700000999.000001'));
    const [post] = await t.stub.waitFor(() => (posts().length > 0 ? posts() : undefined));
    expect(post!.body.thread_ts).toBe('1700000999.000001');
  });

  it('understands "org <name>" and "help" after the mention', async () => {
    await t.event(appMention(`<@${BOT_USER}> org 07G`, nextTs()));
    const [card] = await t.stub.waitFor(() => (posts().length > 0 ? posts() : undefined));
    expect(card!.body.blocks.find((b: any) => b.type === 'header')?.text.text).toBe('NHS Thurrock CCG');
    t.stub.reset();
    await t.event(appMention(`<@${BOT_USER}>`, nextTs()));
    const [help] = await t.stub.waitFor(() => (posts().length > 0 ? posts() : undefined));
    expect(blocksText(help!.body.blocks)).toContain('/commissioning');
  });

  it('ignores mentions posted by bots', async () => {
    await t.event({ ...appMention(`<@${BOT_USER}> which CCGs are under legal directions?`, nextTs()), bot_id: 'B0OTHER' });
    await t.idle();
    expect(posts()).toEqual([]);
  });

  it('answers a retried event once (same event_id, x-slack-retry-num), acking the retry fast', async () => {
    const event = appMention(`<@${BOT_USER}> who leads primary care in the success regime?`, nextTs());
    const first = await t.event(event, { eventId: 'Ev0RETRY0001' });
    const retry1 = await t.event(event, { eventId: 'Ev0RETRY0001', headers: { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' } });
    const retry2 = await t.event(event, { eventId: 'Ev0RETRY0001', headers: { 'x-slack-retry-num': '2', 'x-slack-retry-reason': 'http_timeout' } });
    expect([first.status, retry1.status, retry2.status]).toEqual([200, 200, 200]);
    expect(retry1.ms).toBeLessThan(1000);
    await t.stub.waitFor(() => posts()[0]);
    await t.idle();
    expect(posts()).toHaveLength(1);
  });

  it('answers a retry of an event it never saw (e.g. after a restart)', async () => {
    await t.event(appMention(`<@${BOT_USER}> tell me about Thurrock CCG`, nextTs()), { headers: { 'x-slack-retry-num': '1' } });
    await t.stub.waitFor(() => posts()[0]);
  });
});

describe('message.im', () => {
  it('answers a direct message in the DM', async () => {
    await t.event(directMessage('who leads primary care in the success regime?', nextTs()));
    const [post] = await t.stub.waitFor(() => (posts().length > 0 ? posts() : undefined));
    expect(post!.body.channel).toBe('D0DIRECT');
    expect(post!.body.thread_ts).toBeUndefined();
    assertPostedMessage(post!.body);
    expect(blocksText(post!.body.blocks)).toContain('Ian Stidson');
  });

  it('ignores edits, joins, bot messages, its own messages and channel messages', async () => {
    const ignored = [
      directMessage('edited', nextTs(), { subtype: 'message_changed', message: { text: 'edited', user: USER } }),
      directMessage('joined', nextTs(), { subtype: 'channel_join' }),
      directMessage('from a bot', nextTs(), { subtype: 'bot_message', bot_id: 'B0OTHER', user: undefined }),
      directMessage('my own answer', nextTs(), { user: BOT_USER, bot_id: BOT_ID }),
      directMessage('from a bot user without subtype', nextTs(), { bot_id: 'B0OTHER' }),
      directMessage('a channel message', nextTs(), { channel_type: 'channel', channel: CHANNEL }),
      directMessage('no user', nextTs(), { user: undefined }),
    ];
    for (const event of ignored) expect((await t.event(event)).status).toBe(200);
    await t.idle();
    expect(posts()).toEqual([]);
  });
});

describe('app_home_opened', () => {
  it('publishes the Home view with documents, organisation count, examples, interventions and digests', async () => {
    await t.event({ type: 'app_home_opened', user: USER, channel: 'D0DIRECT', tab: 'home', event_ts: nextTs() });
    const call = await t.stub.waitFor(() => t.stub.callsTo('views.publish')[0]);
    expect(call.body.user_id).toBe(USER);
    const view = call.body.view;
    expect(view.type).toBe('home');
    assertPostedMessage(view, 'home');
    const text = blocksText(view.blocks);
    // The documents' date and the register's are stated apart: the register's 2024 dates are not the documents'.
    expect(text).toMatch(
      /\d+ source documents, the newest from \*October 2019\*, and [\d,]+ organisations from the NHS organisation register \(ODS\), whose dates run to \d+ \w+ 20\d\d/,
    );
    expect(text).toContain('NHS England orders CCGs to join forces in success regime area');
    expect(text).toContain('Which CCGs are under legal directions?');
    expect(text).toContain('*Latest in the sources*');
    expect(text).toContain('· _did not happen_');
    expect(text).not.toMatch(/_(did-not-happen|in-force|under-discussion)_/);
    expect(text).toContain('<#C0DIGESTS> · weekly on Monday at 09:00 · only legal directions');
    expect(text).toContain('paused (since 1 May 2024)');
  });

  it('does not publish for the Messages tab', async () => {
    await t.event({ type: 'app_home_opened', user: USER, channel: 'D0DIRECT', tab: 'messages', event_ts: nextTs() });
    await t.idle();
    expect(t.stub.callsTo('views.publish')).toEqual([]);
  });
});
