/** Small pieces of the Slack layer: request parsing, Slack text decoding, retry de-duplication, payload checks. */
import { describe, expect, it } from 'vitest';
import { malformedReason } from '../../src/slack/malformed.ts';
import { RecentIds } from '../../src/slack/recentIds.ts';
import { parseRequest } from '../../src/slack/requests.ts';
import { stripBotMention, toPlainQuestion } from '../../src/slack/slackText.ts';
import { SubcommandRegistry } from '../../src/slack/subcommands.ts';

describe('parseRequest', () => {
  const registry = new SubcommandRegistry();
  registry.register('digest', async () => undefined);

  it.each([
    ['', { kind: 'help' }],
    ['help', { kind: 'help' }],
    ['HELP', { kind: 'help' }],
    ['org thurrock', { kind: 'org', query: 'thurrock' }],
    ['Org   NHS  Thurrock CCG', { kind: 'org', query: 'NHS Thurrock CCG' }],
    ['ask which CCGs are under legal directions?', { kind: 'ask', question: 'which CCGs are under legal directions?' }],
    ['which CCGs are under legal directions?', { kind: 'ask', question: 'which CCGs are under legal directions?' }],
    ['help me find the Thurrock accountable officer', { kind: 'ask', question: 'help me find the Thurrock accountable officer' }],
    ['digest weekly #commissioning', { kind: 'subcommand', name: 'digest', args: 'weekly #commissioning' }],
  ])('%j', (text, expected) => {
    expect(parseRequest(text, registry)).toMatchObject(expected);
  });

  it('a word no subcommand is registered under is part of the question', () => {
    expect(parseRequest('review the Thurrock directions', registry)).toEqual({ kind: 'ask', question: 'review the Thurrock directions' });
  });

  it('org and ask without an argument become help with a reason', () => {
    expect(parseRequest('org')).toMatchObject({ kind: 'help', reason: expect.stringContaining('Say which organisation') });
    expect(parseRequest('ask')).toMatchObject({ kind: 'help', reason: expect.stringContaining('Add your question') });
  });
});

describe('Slack text', () => {
  it('strips the bot’s own mention (with or without a label) wherever it is', () => {
    expect(stripBotMention('<@UBOT> who leads primary care?', 'UBOT')).toBe('who leads primary care?');
    expect(stripBotMention('hey <@UBOT|commissioning>, who leads primary care?', 'UBOT')).toBe('hey who leads primary care?');
    expect(stripBotMention('<@UOTHER> and <@UBOT> hello', 'UBOT')).toBe('<@UOTHER> and hello');
    expect(stripBotMention('<@UBOT> hello', undefined)).toBe('hello');
  });

  it('decodes mentions, links and entities into what the person typed', () => {
    expect(toPlainQuestion('<!here> ask <@U123|ann> about <#C1|general> and <https://x.example|this link>')).toBe(
      '@here ask @ann about #general and this link',
    );
    expect(toPlainQuestion('<!channel> <@U123> <https://evil.example>')).toBe('@channel @U123 https://evil.example');
    expect(toPlainQuestion('A &amp; B &lt;!channel&gt;')).toBe('A & B <!channel>');
    expect(toPlainQuestion('<!subteam^S123|@nhs-team> help')).toBe('@nhs-team help');
  });
});

describe('RecentIds', () => {
  it('reports duplicates and forgets the least recently seen beyond its capacity', () => {
    const ids = new RecentIds(3);
    expect(ids.checkAndAdd('a')).toBe(false);
    expect(ids.checkAndAdd('a')).toBe(true);
    ids.checkAndAdd('b');
    ids.checkAndAdd('c');
    ids.checkAndAdd('a'); // refreshes a
    ids.checkAndAdd('d'); // evicts b
    expect(ids.size).toBe(3);
    expect(ids.checkAndAdd('b')).toBe(false);
    expect(ids.checkAndAdd('a')).toBe(true);
  });
});

describe('malformedReason', () => {
  it('accepts well-formed payloads of every kind', () => {
    expect(malformedReason({ type: 'event_callback', event: { type: 'app_mention' } })).toBeNull();
    expect(malformedReason({ command: '/commissioning', user_id: 'U1' })).toBeNull();
    expect(malformedReason({ type: 'block_actions', user: { id: 'U1' }, actions: [{ action_id: 'x' }] })).toBeNull();
    expect(malformedReason({ type: 'view_submission', user: { id: 'U1' }, team: null, view: {} })).toBeNull();
    expect(malformedReason({ type: 'shortcut', user: { id: 'U1' }, callback_id: 'x' })).toBeNull();
  });

  it('names what is wrong with the rest', () => {
    expect(malformedReason('text')).toMatch(/not an object/);
    expect(malformedReason({ type: 'event_callback', event: {} })).toMatch(/without an event type/);
    expect(malformedReason({ command: '' })).toMatch(/without a command name/);
    expect(malformedReason({ actions: [{}] })).toMatch(/without action_id/);
    expect(malformedReason({ hello: 'world' })).toMatch(/unrecognised/);
    expect(malformedReason({ type: 'block_actions', actions: [{ action_id: 'x' }] })).toMatch(/without a user/);
    expect(malformedReason({ type: 'event_callback', event: { type: 'app_mention', user: null } })).toMatch(/user is neither an id nor an object/);
    expect(malformedReason({ type: 'event_callback', authorizations: [null], event: { type: 'app_mention' } })).toMatch(
      /authorizations are not a list of objects/,
    );
  });
});
