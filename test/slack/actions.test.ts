/** Button clicks end to end: share, show quotes, feedback, did-you-mean, organisation picks, the ask modal. */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { FeedbackRecord } from '../../src/slack/feedback.ts';
import { assertPostedMessage, blocksText, findButtons } from './helpers/blockKit.ts';
import { askModalSubmission, blockActions, CHANNEL, USER } from './helpers/payloads.ts';
import { realEngine } from './helpers/realEngine.ts';
import { startTestApp, type TestApp } from './helpers/testApp.ts';

let t: TestApp;
const votes: FeedbackRecord[] = [];

beforeAll(async () => {
  t = await startTestApp({ engine: await realEngine(), store: { recordFeedback: (r) => void votes.push(r) } });
});
afterAll(async () => {
  await t?.close();
});
beforeEach(() => {
  t.stub.reset();
  t.logger.clear();
  votes.length = 0;
});

/** Runs a slash command and returns its first ephemeral reply. */
async function slashReply(text: string) {
  const id = `a-${Math.random().toString(36).slice(2)}`;
  await t.slash(text, id);
  const post = await t.stub.waitFor(() => t.stub.responses.find((r) => r.id === id));
  t.stub.reset();
  return post.body;
}

/** Clicks the first button whose action id starts with `prefix`; returns the HTTP reply. */
async function click(
  blocks: any[],
  prefix: string,
  place: { ephemeral: boolean; messageTs?: string; threadTs?: string },
  responseId = `c-${Math.random().toString(36).slice(2)}`,
) {
  const [button] = findButtons(blocks, prefix);
  expect(button, `a ${prefix} button`).toBeDefined();
  const reply = await t.sendInteraction(blockActions(button, { ...place, responseUrl: t.stub.responseUrl(responseId) }));
  return { reply, responseId };
}

describe('Share in channel', () => {
  it('posts the same answer visibly in the channel, naming the asker, and removes the private copy', async () => {
    const answer = await slashReply('ask Which CCGs are under legal directions?');
    const { reply, responseId } = await click(answer.blocks, 'share_answer', { ephemeral: true });
    expect(reply.status).toBe(200);
    const post = await t.stub.waitFor(() => t.stub.callsTo('chat.postMessage')[0]);
    expect(post.body.channel).toBe(CHANNEL);
    expect(post.body.thread_ts).toBeUndefined();
    assertPostedMessage(post.body);
    const text = blocksText(post.body.blocks);
    expect(text).toContain(`<@${USER}> asked: “Which CCGs are under legal directions?”`);
    expect(text).toMatch(/Thurrock/);
    expect(findButtons(post.body.blocks, 'share_answer')).toHaveLength(0);
    expect(findButtons(post.body.blocks, 'show_quotes')).toHaveLength(1);
    const cleanup = await t.stub.waitFor(() => t.stub.responses.find((r) => r.id === responseId));
    expect(cleanup.body).toEqual({ delete_original: true });
  });

  it('shares an organisation card too', async () => {
    const card = await slashReply('org thurrock');
    await click(card.blocks, 'share_answer', { ephemeral: true });
    const post = await t.stub.waitFor(() => t.stub.callsTo('chat.postMessage')[0]);
    expect(post.body.blocks.find((b: any) => b.type === 'header')?.text.text).toBe('NHS Thurrock CCG');
    expect(blocksText(post.body.blocks)).toContain(`<@${USER}> looked up: “thurrock”`);
  });

  it('tells the person privately when the bot is not in the channel (not_in_channel), without crashing', async () => {
    const answer = await slashReply('ask Which CCGs are under legal directions?');
    t.stub.fail('chat.postMessage', { error: 'not_in_channel' });
    const { responseId } = await click(answer.blocks, 'share_answer', { ephemeral: true });
    const notice = await t.stub.waitFor(() => t.stub.responses.find((r) => r.id === responseId));
    expect(notice.body.response_type).toBe('ephemeral');
    expect(blocksText(notice.body.blocks)).toContain('/invite @Commissioning');
    expect(t.logger.text()).toContain('not_in_channel');
  });

  it('tells the person to wait when Slack rate-limits the post (429 Retry-After)', async () => {
    const answer = await slashReply('ask Which CCGs are under legal directions?');
    t.stub.fail('chat.postMessage', { status: 429, retryAfter: 7 });
    const { responseId } = await click(answer.blocks, 'share_answer', { ephemeral: true });
    const notice = await t.stub.waitFor(() => t.stub.responses.find((r) => r.id === responseId));
    expect(blocksText(notice.body.blocks)).toContain('try again in 7 seconds');
    expect(t.logger.text()).toMatch(/ratelimited/);
  });
});

describe('Show quotes', () => {
  it('reveals the verbatim passages privately under a slash-command answer', async () => {
    const answer = await slashReply('ask What was Southend CCG ordered to do under its legal directions?');
    const { responseId } = await click(answer.blocks, 'show_quotes', { ephemeral: true });
    const quotes = await t.stub.waitFor(() => t.stub.responses.find((r) => r.id === responseId));
    expect(quotes.body.response_type).toBe('ephemeral');
    expect(quotes.body.replace_original).toBe(false);
    assertPostedMessage(quotes.body);
    const text = blocksText(quotes.body.blocks);
    expect(text).toContain('Quotes behind the answer to “What was Southend CCG ordered to do under its legal directions?”');
    expect(text).toMatch(/^>.*joint committee/m);
  });

  it('shows a channel answer’s quotes to the person who clicked only, posting nothing in the channel', async () => {
    await t.event({ type: 'app_mention', user: USER, text: '<@UBOT> which CCGs are under legal directions?', ts: '1700002000.000001', channel: CHANNEL });
    const answer = await t.stub.waitFor(() => t.stub.callsTo('chat.postMessage')[0]);
    t.stub.reset();
    const { responseId } = await click(answer.body.blocks, 'show_quotes', { ephemeral: false, messageTs: '1700002000.000009', threadTs: '1700002000.000001' });
    const quotes = await t.stub.waitFor(() => t.stub.responses.find((r) => r.id === responseId));
    expect(quotes.body.response_type).toBe('ephemeral');
    expect(quotes.body.replace_original).toBe(false);
    assertPostedMessage(quotes.body);
    expect(blocksText(quotes.body.blocks)).toContain('Legal directions – the national organisation’s most severe form of intervention');
    expect(t.stub.callsTo('chat.postMessage')).toEqual([]);
  });
});

describe('feedback', () => {
  it('👍 Helpful records the vote with user, channel, question, intent and the answer, and marks it on the private copy', async () => {
    const answer = await slashReply('ask Which CCGs are under legal directions?');
    const { reply, responseId } = await click(answer.blocks, 'feedback_up', { ephemeral: true });
    expect(reply.status).toBe(200);
    const marked = await t.stub.waitFor(() => t.stub.responses.find((r) => r.id === responseId));
    expect(marked.body.replace_original).toBe(true);
    expect(blocksText(marked.body.blocks)).toContain('Your vote is recorded: 👍 helpful');
    expect(findButtons(marked.body.blocks, 'feedback_up')[0].text.text).toBe('👍 Helpful ✓');
    expect(findButtons(marked.body.blocks, 'feedback_down')[0].text.text).toBe('👎 Not helpful');
    expect(votes).toEqual([
      {
        user: USER,
        channel: CHANNEL,
        question: 'Which CCGs are under legal directions?',
        intent: 'interventions-list',
        vote: 'up',
        answerKey: `${CHANNEL}:1700000000.000001`,
      },
    ]);
  });

  it('👎 records a down vote (organisation cards carry the org-card intent) and opens “What was wrong?”', async () => {
    const card = await slashReply('org thurrock');
    const { responseId } = await click(card.blocks, 'feedback_down', { ephemeral: true });
    await t.stub.waitFor(() => t.stub.responses.find((r) => r.id === responseId));
    expect(votes).toEqual([
      { user: USER, channel: CHANNEL, question: 'thurrock', intent: 'org-card', vote: 'down', answerKey: `${CHANNEL}:1700000000.000001` },
    ]);
    const modal = await t.stub.waitFor(() => t.stub.callsTo('views.open')[0]);
    expect(modal.body.view.title.text).toBe('What was wrong?');
    assertPostedMessage(modal.body.view, 'modal');
  });

  it('a store that throws is logged, and the person is told the vote was not saved', async () => {
    const failing = await startTestApp({
      engine: await realEngine(),
      store: {
        recordFeedback: () => {
          throw new Error('database is locked');
        },
      },
    });
    try {
      const id = 'fb-fail';
      await failing.slash('ask Which CCGs are under legal directions?', 'first');
      const answer = await failing.stub.waitFor(() => failing.stub.responses.find((r) => r.id === 'first'));
      const [up] = findButtons(answer.body.blocks, 'feedback_up');
      await failing.sendInteraction(blockActions(up, { ephemeral: true, responseUrl: failing.stub.responseUrl(id) }));
      const notice = await failing.stub.waitFor(() => failing.stub.responses.find((r) => r.id === id));
      expect(blocksText(notice.body.blocks)).toContain('your vote could not be saved');
      expect(failing.logger.text()).toContain('database is locked');
    } finally {
      await failing.close();
    }
  });
});

describe('did you mean / organisation picks', () => {
  it('answers the chosen suggestion, replacing the private "did you mean" message', async () => {
    const declined = await slashReply('what is the weather on mars tomorrow?');
    const [choice] = findButtons(declined.blocks, 'ask_suggestion');
    const { responseId } = await click(declined.blocks, 'ask_suggestion', { ephemeral: true });
    const answer = await t.stub.waitFor(() => t.stub.responses.find((r) => r.id === responseId));
    expect(answer.body.replace_original).toBe(true);
    assertPostedMessage(answer.body);
    const chosen = JSON.parse(choice.value).q as string;
    expect(blocksText(answer.body.blocks)).toContain(`You asked: “${chosen}”`);
  });

  it('posts the chosen reading in the thread when the suggestion was on a channel message', async () => {
    await t.event({ type: 'app_mention', user: USER, text: '<@UBOT> what is the weather on mars tomorrow?', ts: '1700003000.000001', channel: CHANNEL });
    const declined = await t.stub.waitFor(() => t.stub.callsTo('chat.postMessage')[0]);
    t.stub.reset();
    await click(declined.body.blocks, 'ask_suggestion', { ephemeral: false, messageTs: '1700003000.000002', threadTs: '1700003000.000001' });
    const answer = await t.stub.waitFor(() => t.stub.callsTo('chat.postMessage')[0]);
    expect(answer.body.thread_ts).toBe('1700003000.000001');
    expect(blocksText(answer.body.blocks)).toContain(`<@${USER}> asked:`);
  });

  it('shows the card of the organisation picked from several candidates', async () => {
    const candidates = await slashReply('org essex');
    const [pick] = findButtons(candidates.blocks, 'show_org');
    const code = JSON.parse(pick.value).q as string;
    const { responseId } = await click(candidates.blocks, 'show_org', { ephemeral: true });
    const card = await t.stub.waitFor(() => t.stub.responses.find((r) => r.id === responseId));
    assertPostedMessage(card.body);
    expect(blocksText(card.body.blocks)).toContain(code);
    expect(card.body.blocks.some((b: any) => b.type === 'header')).toBe(true);
  });

  it('ignores a button whose value was tampered with', async () => {
    const answer = await slashReply('ask Which CCGs are under legal directions?');
    const [share] = findButtons(answer.blocks, 'share_answer');
    const reply = await t.sendInteraction(
      blockActions({ ...share, value: '{"k":"drop table"}' }, { ephemeral: true, responseUrl: t.stub.responseUrl('tamper') }),
    );
    expect(reply.status).toBe(200);
    await t.idle();
    expect(t.stub.callsTo('chat.postMessage')).toEqual([]);
    expect(t.logger.text('warn')).toContain('share_answer without a readable question');
  });
});

describe('the App Home ask modal', () => {
  it('opens the modal from the Home button', async () => {
    const reply = await t.sendInteraction(
      blockActions(
        { type: 'button', action_id: 'open_ask_modal', text: { type: 'plain_text', text: 'Ask a question' } },
        { ephemeral: false, responseUrl: t.stub.responseUrl('home') },
      ),
    );
    expect(reply.status).toBe(200);
    const open = await t.stub.waitFor(() => t.stub.callsTo('views.open')[0]);
    expect(open.body.trigger_id).toBe('1234.5678.abcd');
    expect(open.body.view.callback_id).toBe('ask_modal');
    assertPostedMessage(open.body.view, 'modal');
  });

  it('answers a submitted question in the person’s DM and closes the modal', async () => {
    const reply = await t.sendInteraction(askModalSubmission('Who leads primary care in the success regime?'));
    expect(reply.status).toBe(200);
    expect(reply.body).toBe('');
    const post = await t.stub.waitFor(() => t.stub.callsTo('chat.postMessage')[0]);
    expect(post.body.channel).toBe(USER);
    assertPostedMessage(post.body);
    expect(blocksText(post.body.blocks)).toContain('Ian Stidson');
  });

  it('keeps the modal open with an error for an empty question', async () => {
    const reply = await t.sendInteraction(askModalSubmission('   '));
    expect(JSON.parse(reply.body)).toEqual({ response_action: 'errors', errors: { question: 'Type a question first.' } });
  });
});
