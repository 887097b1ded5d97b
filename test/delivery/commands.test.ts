/**
 * `/commissioning digest …` end to end: signed slash commands over HTTP to the real Bolt app, the
 * digest subcommand registered on it, replies through response_url on the Slack stub, subscriptions
 * and their audit trail in a store on a temporary DATA_DIR, and the App Home listing them.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { runDigestCommand } from '../../src/delivery/commands.ts';
import { digestSubscriptionsProvider } from '../../src/delivery/subscriptions.ts';
import { openStore, type Store } from '../../src/store/store.ts';
import { blocksText, assertPostedMessage } from '../slack/helpers/blockKit.ts';
import { fakeEngine } from '../slack/helpers/fakeEngine.ts';
import { CHANNEL, USER, slashCommand } from '../slack/helpers/payloads.ts';
import { startTestApp, type TestApp } from '../slack/helpers/testApp.ts';
import { BASE_DIR, CHANGED_DIR, fixture, tempDataDir } from '../digest/helpers/fixtures.ts';

const base = fixture(BASE_DIR);
let knowledge = base;
let t: TestApp;
let store: Store;
let admins: string[] = [];
let n = 0;

beforeAll(async () => {
  store = await openStore({ dataDir: tempDataDir() });
  t = await startTestApp({
    engine: fakeEngine(),
    subscriptionsProvider: digestSubscriptionsProvider(store, () => knowledge),
    // `admins` is read on each command so each test can set DIGEST_ADMINS its own way.
    digestCommand: (input) => runDigestCommand(input, { store, knowledge: () => knowledge, admins }),
  });
});
afterAll(async () => {
  await t?.close();
  await store?.close();
});
beforeEach(async () => {
  t.stub.reset();
  admins = [];
  knowledge = base;
  for (const s of await store.subscriptions.list()) await store.subscriptions.unsubscribe(s.channel, { user: 'cleanup', at: new Date().toISOString() });
});

/** Runs `/commissioning <text>` as `user` in `channel`; returns the response_url post. */
async function command(text: string, user = USER, channel = CHANNEL) {
  const id = `digest-${++n}`;
  const reply = await t.sendForm(slashCommand(text, t.stub.responseUrl(id), { user_id: user, channel_id: channel }));
  expect(reply.status).toBe(200);
  const post = await t.stub.waitFor(() => t.stub.responses.find((r) => r.id === id), 5000);
  assertPostedMessage(post.body);
  return { body: post.body, text: blocksText(post.body.blocks) };
}

describe('/commissioning digest', () => {
  it('subscribe weekly East of England: stored with its schedule and filter, announced in the channel, audited', async () => {
    const { body, text } = await command('digest subscribe weekly East of England');
    expect(body.response_type).toBe('in_channel');
    expect(text).toContain(
      `<@${USER}> subscribed this channel to a commissioning digest, weekly on Mondays at 09:00 (London time), only NHS England East of England (Y61).`,
    );
    expect(text).toMatch(/First digest: Monday \d+ \w+ \d{4} at 09:00/);
    expect(await store.subscriptions.get(CHANNEL)).toMatchObject({
      frequency: 'weekly',
      atTime: '09:00',
      weekday: 1,
      filter: 'Y61',
      status: 'active',
      createdBy: USER,
    });
    expect((await store.listAudit(CHANNEL)).at(-1)).toMatchObject({ action: 'subscribe', user: USER, before: null, after: { filter: 'Y61' } });
    expect((await store.loadSeenSnapshot((await store.subscriptions.get(CHANNEL))!.id))?.knowledgeId).toBe(base.id);
  });

  it('subscribe daily at a time for an STP, then change it: the audit keeps before and after', async () => {
    await command('digest subscribe daily at 07:30 QH8');
    const { text } = await command('digest subscribe monthly Thurrock CCG', 'U0OTHER');
    expect(text).toContain(
      '<@U0OTHER> changed this channel’s digest to monthly on the 1st at 09:00 (London time), only NHS Thurrock CCG (07G) (it was daily at 07:30 (London time), only NHS Mid and South Essex Integrated Care Board (QH8))',
    );
    const audit = (await store.listAudit(CHANNEL)).filter((a) => a.action === 'subscribe');
    expect(audit.slice(-2).map((a) => [a.user, (a.after as { filter: string }).filter])).toEqual([
      [USER, 'QH8'],
      ['U0OTHER', '07G'],
    ]);
  });

  it('belongs to this app alone: another app in the same process, given no digest commands, says digests are not set up', async () => {
    const other = await startTestApp({ engine: fakeEngine() });
    try {
      await other.slash('digest list', 'other-app');
      const reply = await other.stub.waitFor(() => other.stub.responses.find((r) => r.id === 'other-app'));
      expect(blocksText(reply.body.blocks)).toContain('Digest subscriptions are not set up yet');
      const { text } = await command('digest list');
      expect(text).toContain('No channel has a digest yet.');
    } finally {
      await other.close();
    }
  });

  it('an unknown filter is refused, privately, with what to type instead', async () => {
    const { body, text } = await command('digest subscribe weekly Narnia');
    expect(body.response_type).toBe('ephemeral');
    expect(text).toMatch(/No region, STP\/ICB or organisation matches “Narnia”/);
    expect(await store.subscriptions.get(CHANNEL)).toBeNull();
  });

  it('list shows every channel’s digest; quiet on|off changes the setting', async () => {
    await command('digest subscribe weekly on friday at 16:00');
    await command('digest subscribe daily Y58', USER, 'C0SOUTHWEST');
    const off = await command('digest quiet off');
    expect(off.text).toContain('post “no changes” when nothing changed');
    expect((await store.subscriptions.get(CHANNEL))?.postWhenQuiet).toBe(true);
    const { body, text } = await command('digest list');
    expect(body.response_type).toBe('ephemeral');
    expect(text).toContain(`<#${CHANNEL}>: weekly on Fridays at 16:00 (London time) — next Friday`);
    expect(text).toContain('<#C0SOUTHWEST>: daily at 09:00 (London time), only NHS England South West (Y58)');
    await command('digest quiet on');
    expect((await store.subscriptions.get(CHANNEL))?.postWhenQuiet).toBe(false);
    expect((await command('digest list')).text).toContain(`<#${CHANNEL}>: weekly on Fridays at 16:00 (London time), silent when nothing changed`);
    expect((await command('digest quiet maybe')).text).toContain('Say `/commissioning digest quiet on`');
  });

  it('preview shows what the next digest would say now, including knowledge changes since the channel subscribed', async () => {
    await command('digest subscribe weekly');
    knowledge = fixture(CHANGED_DIR);
    const { body, text } = await command('digest preview');
    expect(body.response_type).toBe('ephemeral');
    expect(text).toMatch(/Preview of this channel’s next digest \(Monday .*\), as it stands now/);
    expect(text).toContain(
      'Changed intervention: Single commissioning leadership across Bristol, North Somerset and South Gloucestershire — status: planned → completed.',
    );
    expect(text).toContain('Added intervention: Governance review and financial recovery plan for North Tyneside CCG');
    expect(text).toContain('“will have to review its governance and implement a financial recovery plan”');
    expect(await store.ledger.list()).toEqual([]); // a preview posts nothing and claims nothing
  });

  it('unsubscribe stops the digest, says who, and is audited', async () => {
    await command('digest subscribe weekly');
    const { body, text } = await command('digest unsubscribe', 'U0LEAVER');
    expect(body.response_type).toBe('in_channel');
    expect(text).toContain('<@U0LEAVER> stopped this channel’s digest');
    expect(await store.subscriptions.get(CHANNEL)).toBeNull();
    expect((await store.listAudit(CHANNEL)).at(-1)).toMatchObject({ action: 'unsubscribe', user: 'U0LEAVER', after: null });
    expect((await command('digest unsubscribe')).text).toContain('no digest to stop');
  });

  it('with DIGEST_ADMINS set, only those users may change a channel’s digest; anyone may list and preview', async () => {
    admins = ['U0ADMIN'];
    const refused = await command('digest subscribe weekly', 'U0RANDOM');
    expect(refused.body.response_type).toBe('ephemeral');
    expect(refused.text).toContain('Only digest admins can change this channel’s digest (<@U0ADMIN>)');
    expect(await store.subscriptions.get(CHANNEL)).toBeNull();
    await command('digest subscribe weekly', 'U0ADMIN');
    expect(await store.subscriptions.get(CHANNEL)).toMatchObject({ createdBy: 'U0ADMIN' });
    expect((await command('digest unsubscribe', 'U0RANDOM')).text).toContain('Only digest admins');
    expect((await command('digest list', 'U0RANDOM')).text).toContain(`<#${CHANNEL}>`);
  });

  it('help, and an unknown digest word, explain the commands', async () => {
    expect((await command('digest')).text).toContain('/commissioning digest subscribe [daily|weekly|monthly]');
    const unknown = await command('digest frobnicate');
    expect(unknown.text).toContain('I don’t know `digest frobnicate`');
  });

  it('the App Home lists subscriptions, a paused one with its reason', async () => {
    await command('digest subscribe weekly East of England');
    await store.subscriptions.pause(CHANNEL, 'the channel is archived', { user: 'digest-scheduler', at: new Date().toISOString() });
    await t.event({ type: 'app_home_opened', user: USER, channel: 'D0DIRECT', tab: 'home', event_ts: '1700002000.000001' });
    const call = await t.stub.waitFor(() => t.stub.callsTo('views.publish')[0], 5000);
    expect(blocksText(call.body.view.blocks)).toContain(
      `<#${CHANNEL}> · weekly on Mondays at 09:00 (London time) · only NHS England East of England (Y61) · _paused (the channel is archived)_`,
    );
  });
});
