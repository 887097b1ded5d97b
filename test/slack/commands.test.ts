/** `/commissioning …` end to end: ack at once, then an ephemeral reply through response_url. */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { assertPostedMessage, blocksText, findButtons } from './helpers/blockKit.ts';
import { realEngine } from './helpers/realEngine.ts';
import { startTestApp, type TestApp } from './helpers/testApp.ts';

let t: TestApp;

beforeAll(async () => {
  t = await startTestApp({ engine: await realEngine() });
  t.subcommands.register('echo-args', async ({ args, respond }) => {
    await respond({ response_type: 'ephemeral', text: `args: ${args}` });
  });
  t.subcommands.register('explode', async () => {
    throw new Error('subcommand failed on purpose');
  });
});
afterAll(async () => {
  await t?.close();
});
beforeEach(() => {
  t.stub.reset();
  t.logger.clear();
});

/** Runs the command and waits for the first (or `count`) response_url posts. */
async function run(text: string, count = 1) {
  const id = `cmd-${Math.random().toString(36).slice(2)}`;
  const reply = await t.slash(text, id);
  const posts = await t.stub.waitFor(() => {
    const mine = t.stub.responses.filter((r) => r.id === id);
    return mine.length >= count ? mine : undefined;
  });
  return { reply, posts, first: posts[0]!.body };
}

describe('/commissioning', () => {
  it('org thurrock: acks 200 quickly with an empty body, then posts an ephemeral card with blocks', async () => {
    const { reply, first } = await run('org thurrock');
    expect(reply.status).toBe(200);
    expect(reply.body).toBe('');
    expect(reply.ms).toBeLessThan(1500);
    expect(first.response_type).toBe('ephemeral');
    assertPostedMessage(first);
    const text = blocksText(first.blocks);
    expect(text).toContain('NHS Thurrock CCG');
    expect(text).toContain('07G');
    expect(first.blocks.find((b: any) => b.type === 'header')?.text.text).toBe('NHS Thurrock CCG');
    const fields = first.blocks
      .find((b: any) => b.type === 'section' && b.fields)
      ?.fields.map((f: any) => f.text)
      .join('\n');
    for (const label of ['ODS code', 'Type', 'Region', 'Part of', 'Status']) {
      expect(fields).toContain(`*${label}*`);
    }
    expect(fields).not.toMatch(/\bccg\b|Closed\*\nOpen/);
    expect(findButtons(first.blocks, 'share_answer')).toHaveLength(1);
    expect(findButtons(first.blocks, 'show_quotes')).toHaveLength(1);
  });

  it('org with an ODS code finds the same organisation', async () => {
    const { first } = await run('org 07G');
    expect(blocksText(first.blocks)).toContain('NHS Thurrock CCG');
  });

  it('org with an ambiguous name offers one button per candidate', async () => {
    const { first } = await run('org essex');
    assertPostedMessage(first);
    const picks = findButtons(first.blocks, 'show_org');
    expect(picks.length).toBeGreaterThan(1);
    expect(new Set(picks.map((b: any) => b.action_id)).size).toBe(picks.length);
  });

  it('ask <question>: an ephemeral cited answer with the question echoed, sources and buttons', async () => {
    const { first } = await run('ask Which CCGs are under legal directions?');
    expect(first.response_type).toBe('ephemeral');
    assertPostedMessage(first);
    const text = blocksText(first.blocks);
    expect(text).toContain('You asked: “Which CCGs are under legal directions?”');
    expect(text).toMatch(/Thurrock/);
    expect(text).toContain('*Sources*');
    expect(text).toContain('*[1]*');
    expect(text).toContain('Health Service Journal');
    for (const id of ['show_quotes', 'share_answer', 'feedback_up', 'feedback_down']) expect(findButtons(first.blocks, id)).toHaveLength(1);
    expect(first.text).toMatch(/Thurrock/);
  });

  it('a bare question is answered like ask', async () => {
    const { first } = await run('who leads primary care in the success regime?');
    expect(blocksText(first.blocks)).toContain('Ian Stidson');
  });

  it('help, and empty text, show the usage', async () => {
    for (const text of ['help', '']) {
      const { first } = await run(text);
      assertPostedMessage(first);
      expect(blocksText(first.blocks)).toContain('/commissioning org &lt;name or ODS code&gt;');
      expect(first.response_type).toBe('ephemeral');
    }
  });

  it('org or ask without an argument explains what to add', async () => {
    const org = await run('org');
    expect(blocksText(org.first.blocks)).toContain('Say which organisation');
    const ask = await run('ask');
    expect(blocksText(ask.first.blocks)).toContain('Add your question');
  });

  it('a declined question has no share button but offers did-you-mean choices', async () => {
    const { first } = await run('what is the weather on mars tomorrow?');
    assertPostedMessage(first);
    expect(findButtons(first.blocks, 'share_answer')).toHaveLength(0);
    expect(findButtons(first.blocks, 'ask_suggestion').length).toBeGreaterThan(0);
  });

  it('digest … says digests are not set up when the app was given no digest commands', async () => {
    const { first } = await run('digest weekly');
    expect(blocksText(first.blocks)).toContain('Digest subscriptions are not set up yet');
  });

  it('a registered subcommand gets the rest of the text, after the ack', async () => {
    const { reply, first } = await run('echo-args weekly  #general');
    expect(reply.status).toBe(200);
    expect(first.text).toBe('args: weekly #general');
  });

  it('a failing subcommand is logged and the person gets a polite message', async () => {
    const { first } = await run('explode now');
    expect(blocksText(first.blocks)).toMatch(/something went wrong/i);
    expect(t.logger.text()).toContain('subcommand failed on purpose');
  });

  it('registering a built-in word is refused', () => {
    expect(() => t.subcommands.register('org', async () => undefined)).toThrow(/built into/);
  });
});
