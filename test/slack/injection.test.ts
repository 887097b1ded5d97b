/**
 * Untrusted text (what people type, document text, names) reaches Slack escaped: `<!channel>`,
 * `<!here>`, `<@U123>` and `<https://evil.example|click>` never arrive as live markup, whichever
 * path the text takes (slash command, mention, DM, share, quotes, suggestions, organisation lookups).
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Answer } from '../../src/engine/answer.ts';
import { assertNoRawInjection, assertPostedMessage, blocksText, findButtons, INJECTIONS } from './helpers/blockKit.ts';
import { DIRECTIONS_CITATION, fakeEngine, thurrockCard } from './helpers/fakeEngine.ts';
import { appMention, blockActions, BOT_USER, directMessage } from './helpers/payloads.ts';
import { realEngine } from './helpers/realEngine.ts';
import { startTestApp, type TestApp } from './helpers/testApp.ts';

/** How Slack delivers typed brackets: & < > entity-encoded. */
const TYPED = INJECTIONS.map((s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')).join(' ');
/** How Slack delivers real mentions and links the person inserted: as markup. */
const MARKUP = INJECTIONS.join(' ');

/** Everything the app sent to Slack so far, serialised. */
const everything = (t: TestApp) => JSON.stringify({ calls: t.stub.calls.map((c) => c.body), responses: t.stub.responses.map((r) => r.body) });

describe('with the real engine', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ engine: await realEngine() });
  });
  afterAll(async () => {
    await t?.close();
  });
  beforeEach(() => t.stub.reset());

  it('slash command questions: typed brackets come back escaped, markup is reduced to plain words', async () => {
    await t.slash(`ask which CCGs are under legal directions ${TYPED}`, 'typed');
    await t.slash(`which CCGs are under legal directions ${MARKUP}`, 'markup');
    await t.slash(`org ${TYPED}`, 'org');
    await t.stub.waitFor(() => t.stub.responses.length >= 3 && t.stub.responses);
    for (const r of t.stub.responses) assertPostedMessage(r.body);
    const typed = t.stub.responses.find((r) => r.id === 'typed')!;
    expect(blocksText(typed.body.blocks)).toContain('&lt;!channel&gt; &lt;!here&gt; &lt;@U123&gt; &lt;https://evil.example|click&gt;');
    const markup = t.stub.responses.find((r) => r.id === 'markup')!;
    expect(blocksText(markup.body.blocks)).toContain('@channel @here @U123 click');
    assertNoRawInjection(everything(t));
  });

  it('mentions and DMs', async () => {
    await t.event(appMention(`<@${BOT_USER}> tell me about ${TYPED} ${MARKUP}`, '1700004000.000001'));
    await t.event(directMessage(`who leads ${TYPED} ${MARKUP}`, '1700004000.000002'));
    await t.stub.waitFor(() => t.stub.callsTo('chat.postMessage').length >= 2);
    for (const c of t.stub.callsTo('chat.postMessage')) assertPostedMessage(c.body);
    assertNoRawInjection(everything(t));
  });
});

describe('with hostile knowledge (document text, titles, names, suggestions)', () => {
  const hostile = `Thurrock ${MARKUP} & co`;
  const answer: Answer = {
    answered: true,
    intent: 'interventions-list',
    confidence: 1,
    text: `${hostile} were under legal directions. [1]`,
    statements: [{ text: `${hostile} were under legal directions.`, cites: [0] }],
    citations: [
      {
        ...DIRECTIONS_CITATION,
        title: `Title ${MARKUP}`,
        publisher: `Publisher ${MARKUP}`,
        quote: `Quote ${MARKUP}`,
        url: 'https://evil.example/x|<!channel>',
      },
    ],
    suggestions: [`Did you mean ${MARKUP}?`],
    knowledgeAsOf: `The knowledge runs to ${MARKUP}.`,
  };
  const card = thurrockCard();
  card.organisation!.name = `NHS ${MARKUP} CCG`;
  card.status = `Status ${MARKUP}`;
  card.interventions[0]!.summary = `Summary ${MARKUP}`;
  card.people = [{ id: 'p', name: `Person ${MARKUP}`, title: `Lead ${MARKUP}` }];
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({
      engine: fakeEngine({
        ask: () => answer,
        org: () => card,
        overview: () => ({
          documents: [{ id: 'd', title: `Doc ${MARKUP}`, publisher: `Pub ${MARKUP}`, published: '2017', url: null }],
          organisationCount: 1,
          asOf: MARKUP,
          sourcesAsOf: MARKUP,
          registerAsOf: MARKUP,
          recentInterventions: [{ title: `IV ${MARKUP}`, date: '2017', status: MARKUP, organisations: [MARKUP] }],
        }),
      }),
      subscriptionsProvider: () => [{ channel: MARKUP, schedule: MARKUP, filter: MARKUP, paused: MARKUP }],
    });
  });
  afterAll(async () => {
    await t?.close();
  });

  it('escapes every piece of it, in answers, quotes, cards, the App Home and fallback text', async () => {
    await t.slash('ask anything', 'answer');
    await t.slash('org anything', 'card');
    const ans = await t.stub.waitFor(() => t.stub.responses.find((r) => r.id === 'answer'));
    await t.stub.waitFor(() => t.stub.responses.find((r) => r.id === 'card'));
    const [quotes] = findButtons(ans.body.blocks, 'show_quotes');
    await t.sendInteraction(blockActions(quotes, { ephemeral: true, responseUrl: t.stub.responseUrl('quotes') }));
    await t.event({ type: 'app_home_opened', user: 'U0ASKER', tab: 'home', channel: 'D1', event_ts: '1.1' });
    await t.stub.waitFor(() => t.stub.responses.find((r) => r.id === 'quotes') && t.stub.callsTo('views.publish')[0]);
    for (const r of t.stub.responses) assertPostedMessage(r.body);
    assertPostedMessage(t.stub.callsTo('views.publish')[0]!.body.view, 'home');
    assertNoRawInjection(everything(t));
    // The unsafe URL is not linked; the title is shown as text.
    expect(blocksText(ans.body.blocks)).toContain('Title &lt;!channel&gt;');
    expect(everything(t)).not.toContain('<https://evil.example/x');
  });

  it('shared answers, quotes and suggestions built from a hostile question', async () => {
    t.stub.reset();
    await t.slash(`ask which CCGs are under legal directions ${TYPED} ${MARKUP}`, 'q');
    const answer = await t.stub.waitFor(() => t.stub.responses.find((r) => r.id === 'q'));
    let clicks = 0;
    for (const prefix of ['share_answer', 'show_quotes', 'ask_suggestion', 'feedback_up']) {
      for (const button of findButtons(answer.body.blocks, prefix)) {
        clicks += 1;
        await t.sendInteraction(blockActions(button, { ephemeral: true, responseUrl: t.stub.responseUrl(`click-${prefix}`) }));
      }
    }
    expect(clicks).toBe(4);
    // share → chat.postMessage + delete_original; quotes, suggestion and feedback → response_url posts.
    await t.stub.waitFor(() => t.stub.callsTo('chat.postMessage').length >= 1 && t.stub.responses.length >= 5);
    for (const c of t.stub.callsTo('chat.postMessage')) assertPostedMessage(c.body);
    expect(blocksText(t.stub.callsTo('chat.postMessage')[0]!.body.blocks)).toContain('&lt;!channel&gt;');
    assertNoRawInjection(everything(t));
  });
});
