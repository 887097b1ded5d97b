/** An answer too long for one message is split, never cut: the first part carries the answer, the rest follows. */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { assertPostedMessage, blocksText, findButtons } from './helpers/blockKit.ts';
import { fakeEngine, longAnswer } from './helpers/fakeEngine.ts';
import { appMention, blockActions, BOT_USER, directMessage } from './helpers/payloads.ts';
import { startTestApp, type TestApp } from './helpers/testApp.ts';

let t: TestApp;
/** About 54,000 characters: six messages. */
const answer = longAnswer(60, 900, 10);
/** About 31,000 characters: three messages (within the five replies a response_url allows). */
const shorter = longAnswer(34, 900, 10);

beforeAll(async () => {
  t = await startTestApp({ engine: fakeEngine({ ask: (q) => (q.includes('a lot') ? shorter : answer) }) });
});
afterAll(async () => {
  await t?.close();
});
beforeEach(() => t.stub.reset());

/** Waits until every part the first message announces ("Continued … (N parts)") has been posted. */
async function waitForAllParts(posted: () => any[]): Promise<any[]> {
  return t.stub.waitFor(() => {
    const all = posted();
    const total = Number(/Continued (?:in the thread|below) \((\d+) parts\)/.exec(all[0] ? blocksText(all[0].blocks) : '')?.[1] ?? Infinity);
    return all.length >= total ? all : undefined;
  }, 10_000);
}

/** Every statement's text appears, whole, somewhere in the messages. */
function expectAllStatements(messages: any[], of = answer): void {
  const all = messages.map((m) => blocksText(m.blocks)).join('\n');
  for (const s of of.statements) expect(all).toContain(s.text);
}

describe('long answers', () => {
  it('a mention: every part goes in the thread of the question, the first says it continues', async () => {
    await t.event(appMention(`<@${BOT_USER}> tell me everything`, '1700006000.000001'));
    const posts = await waitForAllParts(() => t.stub.callsTo('chat.postMessage').map((c) => c.body));
    expect(posts.length).toBeGreaterThan(1);
    posts.forEach((p) => assertPostedMessage(p));
    posts.forEach((p) => expect(p.thread_ts).toBe('1700006000.000001'));
    expect(blocksText(posts[0].blocks)).toContain(`Continued in the thread (${posts.length} parts)`);
    expect(findButtons(posts[0].blocks, 'show_quotes')).toHaveLength(1);
    expect(blocksText(posts[1].blocks)).toContain(`Continued, part 2 of ${posts.length}`);
    expectAllStatements(posts);
  });

  it('a DM: the first part at top level, the rest in its thread', async () => {
    await t.event(directMessage('tell me everything', '1700006000.000002'));
    await waitForAllParts(() => t.stub.callsTo('chat.postMessage').map((c) => c.body));
    const calls = t.stub.callsTo('chat.postMessage');
    expect(calls[0]!.body.thread_ts).toBeUndefined();
    const roots = new Set(calls.slice(1).map((c) => c.body.thread_ts));
    expect(roots.size).toBe(1);
    expect([...roots][0]).toMatch(/^1700000000\.\d{6}$/);
    expectAllStatements(calls.map((c) => c.body));
  });

  it('a slash command: several private messages, the first saying more follows below', async () => {
    await t.slash('ask tell me a lot', 'long');
    await t.stub.waitFor(() => t.stub.responses.filter((r) => r.id === 'long').length >= 2);
    await t.idle();
    const parts = t.stub.responses.filter((r) => r.id === 'long').map((r) => r.body);
    expect(parts.length).toBeGreaterThan(1);
    expect(parts.length).toBeLessThanOrEqual(5);
    parts.forEach((p) => assertPostedMessage(p));
    parts.forEach((p) => expect(p.response_type).toBe('ephemeral'));
    expect(blocksText(parts[0].blocks)).toContain(`Continued below (${parts.length} parts)`);
    expectAllStatements(parts, shorter);
  });

  it('a slash reply needing more than five messages says where to read the rest (never a silent cut)', async () => {
    await t.slash('ask tell me everything', 'huge');
    await t.stub.waitFor(() => t.stub.responses.filter((r) => r.id === 'huge').length >= 5);
    await t.idle();
    const parts = t.stub.responses.filter((r) => r.id === 'huge').map((r) => r.body);
    expect(parts).toHaveLength(5);
    expect(blocksText(parts[4].blocks)).toContain('Ask me in a direct message to read the rest');
  });

  it('quotes for many long citations are split too, each quote whole', async () => {
    await t.slash('ask tell me everything', 'first');
    const first = await t.stub.waitFor(() => t.stub.responses.find((r) => r.id === 'first'));
    const [quotes] = findButtons(first.body.blocks, 'show_quotes');
    await t.sendInteraction(blockActions(quotes, { ephemeral: true, responseUrl: t.stub.responseUrl('quotes') }));
    await t.stub.waitFor(() => t.stub.responses.filter((r) => r.id === 'quotes').length >= 2);
    await t.idle();
    const parts = t.stub.responses.filter((r) => r.id === 'quotes').map((r) => r.body);
    parts.forEach((p) => assertPostedMessage(p));
    const text = parts
      .map((p) => blocksText(p.blocks))
      .join('\n')
      .replace(/\n>/g, ' ')
      .replace(/\s+/g, ' ');
    for (const c of answer.citations) expect(text).toContain(c.quote.replace(/\s+/g, ' ').trim().slice(0, 200));
  });
});
