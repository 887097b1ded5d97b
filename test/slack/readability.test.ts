/**
 * What people see, end to end over the real Bolt app and a real SQLite store: the answer's first
 * line, a short org card, Show all paging, private quotes, one vote per person, and the review.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Answer } from '../../src/engine/answer.ts';
import type { Engine } from '../../src/engine/engine.ts';
import { openStore, type Store } from '../../src/store/index.ts';
import { assertPostedMessage, blocksText, findButtons } from './helpers/blockKit.ts';
import { DIRECTIONS_CITATION, fakeEngine } from './helpers/fakeEngine.ts';
import { blockActions, CHANNEL, feedbackModalSubmission, slashCommand, USER } from './helpers/payloads.ts';
import { realEngine } from './helpers/realEngine.ts';
import { startTestApp, type TestApp } from './helpers/testApp.ts';

const ADMIN = 'U0ADMIN';
let t: TestApp;
let engine: Engine;
let store: Store;
let dir: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'slackux-'));
  store = await openStore({ dataDir: dir });
  engine = await realEngine();
  engine.onUnanswered = (e) => void store.recordUnanswered(e);
  t = await startTestApp({ engine, store, admins: [ADMIN], conversations: store });
});
afterAll(async () => {
  engine.onUnanswered = undefined;
  await t?.close();
  store?.close();
  rmSync(dir, { recursive: true, force: true });
});
beforeEach(() => {
  t.stub.reset();
  t.logger.clear();
});

let n = 0;
/** Runs `/commissioning <text>` as `user` and returns its first private reply. */
async function slash(text: string, user = USER) {
  const id = `read-${++n}`;
  await t.sendForm(slashCommand(text, t.stub.responseUrl(id), { user_id: user }));
  return (await t.stub.waitFor(() => t.stub.responses.find((r) => r.id === id))).body;
}

/** Clicks `button` on a message; returns the response_url id its private reply goes to. */
async function click(button: any, place: { ephemeral: boolean; messageTs?: string; blocks?: unknown[] }, user = USER) {
  const id = `click-${++n}`;
  const reply = await t.sendInteraction(blockActions(button, { ...place, responseUrl: t.stub.responseUrl(id) }, user));
  expect(reply.status).toBe(200);
  return id;
}
const privateReply = (id: string) => t.stub.waitFor(() => t.stub.responses.find((r) => r.id === id));

/** The text of every section a message has, in order. */
const sectionTexts = (blocks: any[]) => blocks.filter((b) => b.type === 'section' && b.text).map((b) => b.text.text as string);

describe('the answer', () => {
  it('opens with the direct answer, cited, in its own section right under the question', async () => {
    const answer = engine.ask('Which CCGs are under legal directions?');
    const reply = await slash('Which CCGs are under legal directions?');
    const [first] = sectionTexts(reply.blocks);
    expect(reply.blocks[0].type).toBe('context');
    expect(first).toBe(answer.text.split('\n')[0]);
    expect(blocksText(reply.blocks)).toMatch(/\[1\]/);
  });

  it('dates a present-tense answer by the newest source, not by the register', async () => {
    const reply = await slash('tell me about Thurrock CCG');
    const text = blocksText(reply.blocks);
    expect(text).toContain('As of the newest source (October 2019).');
    expect(text).not.toMatch(/knowledge runs to|since 2024/i);
  });
});

describe('the org card', () => {
  it('is a header, at most five cited lines, fields in words and buttons: short enough to read at a glance', async () => {
    const card = await slash('org thurrock');
    assertPostedMessage(card);
    expect(card.blocks.find((b: any) => b.type === 'header').text.text).toBe('NHS Thurrock CCG');
    const status = sectionTexts(card.blocks)[0]!.split('\n');
    expect(status.length).toBeGreaterThan(1);
    expect(status.length).toBeLessThanOrEqual(5);
    for (const line of status) expect(line).toMatch(/\[\d+\]$/);
    expect(status.join('\n')).toContain('Under legal directions since 31 March 2017.');
    const fields = card.blocks
      .filter((b: any) => b.fields)
      .flatMap((b: any) => b.fields.map((f: any) => f.text))
      .join('\n');
    expect(fields).toContain('Clinical commissioning group (CCG)');
    expect(fields).not.toMatch(/\bccg\b|\*Closed\*\nOpen|did-not-happen/);
    // The whole card, "In the documents" included, reads in a glance (it was 3,700 characters).
    const text = blocksText(card.blocks);
    expect(text.length).toBeLessThan(2500);
    expect(text.slice(0, text.indexOf('*In the documents*')).length).toBeLessThan(1300);
    expect(findButtons(card.blocks, 'org_section').map((b) => b.text.text)).toEqual(['Interventions (6)', 'History']);
  });

  it('Interventions opens privately, each with its status in words, its outcome and its [n]', async () => {
    const card = await slash('org thurrock');
    const [interventions] = findButtons(card.blocks, 'org_section');
    const section = await privateReply(await click(interventions, { ephemeral: true }));
    expect(section.body.response_type).toBe('ephemeral');
    assertPostedMessage(section.body);
    const text = blocksText(section.body.blocks);
    expect(text).toContain('Interventions naming NHS Thurrock CCG');
    expect(text).toMatch(/_In the end this did not happen: The single CCG was never formed\..*_ \[\d+\]/);
    expect(text).toContain('_planned_');
    expect(text).not.toContain('did-not-happen');
    expect(t.stub.callsTo('chat.postMessage')).toEqual([]);
  });

  it('Sources shows the register rows as labelled fields, privately', async () => {
    const card = await slash('org thurrock');
    const [sources] = findButtons(card.blocks, 'show_quotes');
    const quotes = await privateReply(await click(sources, { ephemeral: true }));
    const fields = quotes.body.blocks.filter((b: any) => b.fields).flatMap((b: any) => b.fields.map((f: any) => f.text));
    expect(fields).toContain('*ODS code*\n07G');
    expect(fields).toContain('*Opened*\n1 April 2013');
    expect(blocksText(quotes.body.blocks)).toContain('NHS organisation register (ODS) · eccg.csv line');
  });
});

describe('no silent cut', () => {
  it('a long list shows its first items and "Show all (N)", whose page holds the rest, privately', async () => {
    const answer = engine.ask('which interventions are there?');
    expect(answer.more?.statements.length).toBeGreaterThan(0);
    await t.event({ type: 'app_mention', user: USER, text: '<@UBOT> which interventions are there?', ts: '1700009000.000001', channel: CHANNEL });
    const posted = await t.stub.waitFor(() => t.stub.callsTo('chat.postMessage')[0]);
    const [showAll] = findButtons(posted.body.blocks, 'show_all');
    // Every statement counts, less an uncited lead line ("18 interventions found:").
    const total = answer.statements.length + answer.more!.statements.length - (answer.statements[0]!.cites.length === 0 ? 1 : 0);
    expect(showAll.text.text).toBe(`Show all (${total})`);
    expect(blocksText(posted.body.blocks)).not.toMatch(/…and \d+ more/);
    t.stub.reset();
    const page = await privateReply(await click(showAll, { ephemeral: false, messageTs: '1700009000.000002' }));
    expect(page.body.response_type).toBe('ephemeral');
    assertPostedMessage(page.body);
    const text = blocksText(page.body.blocks);
    // Each item once, a sub-item indented under its item rather than bulleted twice.
    for (const s of answer.more!.statements) expect(text).toContain(s.text.startsWith('• ') ? `    ◦ ${s.text.slice(2)}` : `• ${s.text}`);
    expect(text).not.toContain('• •');
    expect(text).toContain(`Items ${total - answer.more!.statements.length + 1}–${total} of ${total}`);
    expect(findButtons(page.body.blocks, 'show_all')).toHaveLength(0);
    expect(t.stub.callsTo('chat.postMessage')).toEqual([]);
  });

  it('a two-part answer gives each part with a long list its own "Show all (N)", right under it, paging that part’s rest', async () => {
    const question = 'what interventions did thurrock have and which interventions are there?';
    const answer = engine.ask(question);
    await t.event({ type: 'app_mention', user: USER, text: `<@UBOT> ${question}`, ts: '1700009050.000001', channel: CHANNEL });
    const posted = await t.stub.waitFor(() => t.stub.callsTo('chat.postMessage')[0]);
    assertPostedMessage(posted.body);
    const blocks: any[] = posted.body.blocks;
    expect(blocksText(blocks)).not.toMatch(/…and \d+ more/);
    const buttons = findButtons(blocks, 'show_all');
    expect(buttons.map((b) => b.text.text)).toEqual(['Show all (7)', 'Show all (15)']);
    // Each button sits under its own part: after the part's direct answer, before the next part's.
    const at = (text: string, after = -1) => blocks.findIndex((b, i) => i > after && b.type === 'section' && b.text?.text.startsWith(text));
    const showAt = (i: number) => blocks.findIndex((b) => b.type === 'actions' && b.elements.includes(buttons[i]));
    const firstLine = (i: number) => answer.parts![i]!.text.split('\n')[0]!;
    expect(at(firstLine(0))).toBeLessThan(showAt(0));
    expect(at(firstLine(1), showAt(0))).toBeGreaterThan(showAt(0));
    expect(at(firstLine(1), showAt(0))).toBeLessThan(showAt(1));

    const pages: string[] = [];
    for (const [i, button] of buttons.entries()) {
      t.stub.reset();
      const page = await privateReply(await click(button, { ephemeral: false, messageTs: '1700009050.000002' }));
      expect(page.body.response_type).toBe('ephemeral');
      assertPostedMessage(page.body);
      const text = blocksText(page.body.blocks);
      const part = answer.parts![i]!;
      const total = i === 0 ? 7 : 15;
      expect(text).toContain(`Items ${total - part.more!.statements.length + 1}–${total} of ${total} for “${part.question}”`);
      for (const s of part.more!.statements) expect(text).toContain(s.text.replace(/^• /, ''));
      // Every [n] on the page is listed in its Sources.
      const [items, sources] = text.split('*Sources*');
      for (const [, n] of items!.matchAll(/\[(\d+)\]/g)) expect(sources).toContain(`[${n}]`);
      expect(t.stub.callsTo('chat.postMessage')).toEqual([]);
      pages.push(text);
    }
    // The two pages are the two parts' rests, not one list twice.
    expect(pages[0]).not.toContain('financial special measures');
    expect(pages[1]).toContain('financial special measures');
  });

  it('pages a very long rest within Block Kit’s limits, a Next button leading on until every item is shown', async () => {
    const rest = Array.from({ length: 65 }, (_, i) => ({
      text: `NHS Example ${i + 1} CCG was placed in financial special measures on 21 July 2016.`,
      cites: [1],
    }));
    const long: Answer = {
      answered: true,
      intent: 'interventions-list',
      confidence: 1,
      text: '66 interventions found:\n• First. [1]',
      suggestions: [],
      statements: [
        { text: '66 interventions found:', cites: [] },
        { text: 'First.', cites: [0] },
      ],
      citations: [DIRECTIONS_CITATION],
      more: { statements: rest, citations: [{ ...DIRECTIONS_CITATION, quote: 'In total nine CCGs were placed in special measures.' }] },
    };
    const app = await startTestApp({ engine: fakeEngine({ ask: () => long }) });
    try {
      await app.slash('how many?', 'long');
      const answer = await app.stub.waitFor(() => app.stub.responses.find((r) => r.id === 'long'));
      let [button] = findButtons(answer.body.blocks, 'show_all');
      expect(button.text.text).toBe('Show all (66)');
      const seen: string[] = [];
      for (let page = 1; button; page++) {
        const id = `page-${page}`;
        await app.sendInteraction(blockActions(button, { ephemeral: true, responseUrl: app.stub.responseUrl(id) }));
        const reply = await app.stub.waitFor(() => app.stub.responses.find((r) => r.id === id));
        assertPostedMessage(reply.body);
        seen.push(blocksText(reply.body.blocks));
        [button] = findButtons(reply.body.blocks, 'show_all');
        expect(page).toBeLessThan(10);
      }
      expect(seen.length).toBe(4);
      expect(seen[0]).toContain('Items 2–21 of 66');
      expect(seen[0]).toContain('*[2]*');
      for (const s of rest) expect(seen.join('\n')).toContain(s.text);
    } finally {
      await app.close();
    }
  });
});

describe('feedback', () => {
  it('one vote per person per answer: voting again changes it, and the channel message shows the count', async () => {
    await t.event({
      type: 'app_mention',
      user: USER,
      text: '<@UBOT> who leads primary care in the success regime?',
      ts: '1700009100.000001',
      channel: CHANNEL,
    });
    const posted = await t.stub.waitFor(() => t.stub.callsTo('chat.postMessage')[0]);
    const ts = '1700009100.000002';
    const place = { ephemeral: false, messageTs: ts, blocks: posted.body.blocks };
    const [up] = findButtons(posted.body.blocks, 'feedback_up');
    const [down] = findButtons(posted.body.blocks, 'feedback_down');
    expect([up.text.text, down.text.text]).toEqual(['👍 Helpful', '👎 Not helpful']);

    const first = await privateReply(await click(up, place));
    expect(blocksText(first.body.blocks)).toContain('Your vote is recorded: 👍 helpful');
    await privateReply(await click(up, place));
    const update = await t.stub.waitFor(() => t.stub.callsTo('chat.update').at(-1));
    expect(update.body).toMatchObject({ channel: CHANNEL, ts });
    expect(findButtons(update.body.blocks, 'feedback_up')[0].text.text).toBe('👍 Helpful · 1');
    expect(await store.feedbackTally(`${CHANNEL}:${ts}`)).toEqual({ up: 1, down: 0 });

    t.stub.reset();
    await privateReply(await click(down, place));
    const changed = await t.stub.waitFor(() => t.stub.callsTo('chat.update').at(-1));
    expect(findButtons(changed.body.blocks, 'feedback_up')[0].text.text).toBe('👍 Helpful');
    expect(findButtons(changed.body.blocks, 'feedback_down')[0].text.text).toBe('👎 Not helpful · 1');
    await privateReply(await click(up, place, 'U0SECOND'));
    expect(await store.feedbackTally(`${CHANNEL}:${ts}`)).toEqual({ up: 1, down: 1 });
  });

  it('👎 asks what was wrong and stores the reason and note with the question, intent and citations', async () => {
    const reply = await slash('Which CCGs are under legal directions?', 'U0REPORTER');
    const [down] = findButtons(reply.blocks, 'feedback_down');
    await privateReply(await click(down, { ephemeral: true, messageTs: '1700009200.000001' }, 'U0REPORTER'));
    const open = await t.stub.waitFor(() => t.stub.callsTo('views.open')[0]);
    const metadata = open.body.view.private_metadata as string;

    const missing = await t.sendInteraction(feedbackModalSubmission(metadata, null, '', 'U0REPORTER'));
    expect(JSON.parse(missing.body)).toEqual({ response_action: 'errors', errors: { reason: 'Pick what was wrong with the answer.' } });

    const sent = await t.sendInteraction(feedbackModalSubmission(metadata, 'out-of-date', 'The directions were lifted later.', 'U0REPORTER'));
    expect(sent.status).toBe(200);
    let downs: Awaited<ReturnType<Store['listFeedback']>> = [];
    const row = await t.stub.waitFor(() => {
      void store.listFeedback({ vote: 'down' }).then((rows) => (downs = rows));
      return downs.find((f) => f.user === 'U0REPORTER' && f.reason);
    });
    expect(row).toMatchObject({
      question: 'Which CCGs are under legal directions?',
      intent: 'interventions-list',
      reason: 'out-of-date',
      note: 'The directions were lifted later.',
    });
    expect(row.citations.map((c) => c.document)).toEqual(engine.ask('Which CCGs are under legal directions?').citations.map((c) => c.document));
    expect((await store.listFeedback()).filter((f) => f.user === 'U0REPORTER')).toHaveLength(1);
  });
});

describe('/commissioning review', () => {
  it('lists the most frequent unanswered questions and 👎 answers, with counts and dates, for admins only', async () => {
    await slash('what is the weather on mars tomorrow?');
    await slash('What is the weather on Mars tomorrow?');
    await slash('where can I park my bicycle?');
    const refused = await slash('review');
    expect(blocksText(refused.blocks)).toContain('The review is for the app’s admins');
    const review = await slash('review', ADMIN);
    assertPostedMessage(review);
    const text = blocksText(review.blocks);
    const today = new Date().toISOString().slice(0, 10);
    expect(text).toContain('*Unanswered questions*');
    expect(text).toMatch(new RegExp(`• \\*2×\\* what is the weather on mars tomorrow\\?\\n   ${today}`, 'i'));
    expect(text.indexOf('weather on mars')).toBeLessThan(text.indexOf('park my bicycle'));
    expect(text).toContain('*Answers marked 👎 Not helpful*');
    expect(text).toContain('npm run review -- --csv');
  });
});

describe('the 👎 modal’s metadata', () => {
  it('stays within Slack’s 3,000 characters for the worst question, and reads back', async () => {
    const { decodeFeedbackMetadata, encodeFeedbackMetadata } = await import('../../src/slack/listeners/views/feedbackMetadata.ts');
    const worst = encodeFeedbackMetadata({ ref: { k: 'ask', q: '"\\'.repeat(1000), i: 'passage' }, key: `${CHANNEL}:1700000000.000001`, channel: CHANNEL });
    expect(worst.length).toBeLessThanOrEqual(3000);
    const plain = encodeFeedbackMetadata({ ref: { k: 'org', q: 'thurrock', i: 'org-card' }, key: 'C1:1.2', channel: 'C1' });
    expect(decodeFeedbackMetadata(plain)).toEqual({ ref: { k: 'org', q: 'thurrock', i: 'org-card' }, key: 'C1:1.2', channel: 'C1' });
    expect(decodeFeedbackMetadata('{"ref":{"k":"drop"}}')).toBeNull();
  });
});

describe('follow-ups in a thread', () => {
  it("reads a follow-up against the thread's previous question, kept in the store, and not in another thread", async () => {
    const posts = () => t.stub.callsTo('chat.postMessage').filter((c) => c.body.channel === 'C0FOLLOW');
    await t.event({ type: 'app_mention', user: USER, text: '<@UBOT> what was vale of york ccg told to do?', ts: '1700020000.000001', channel: 'C0FOLLOW' });
    await t.stub.waitFor(() => posts()[0]);
    await t.event({
      type: 'app_mention',
      user: USER,
      text: '<@UBOT> what about walsall?',
      ts: '1700020001.000001',
      thread_ts: '1700020000.000001',
      channel: 'C0FOLLOW',
    });
    const followUp = await t.stub.waitFor(() => posts().find((c) => c.body.thread_ts === '1700020000.000001' && blocksText(c.body.blocks).includes('Walsall')));
    expect(blocksText(followUp.body.blocks)).toContain('Walsall CCG placed in financial special measures');
    expect(await store.getConversation({ team: 'T0TEST', channel: 'C0FOLLOW', thread: '1700020000.000001' }).then((c) => c?.question)).toContain('walsall');
    // Elsewhere, the same words stand alone.
    await t.event({ type: 'app_mention', user: USER, text: '<@UBOT> what about walsall?', ts: '1700020002.000001', channel: 'C0FOLLOW' });
    const alone = await t.stub.waitFor(() => posts().find((c) => c.body.thread_ts === '1700020002.000001'));
    expect(blocksText(alone.body.blocks)).not.toContain('Walsall CCG placed in financial special measures:');
  });
});
