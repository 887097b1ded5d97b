/** Block Kit rendering: limits by construction, escaping, citations, buttons, splitting without loss. */
import { describe, expect, it } from 'vitest';
import type { Answer } from '../../src/engine/answer.ts';
import type { OrgCard } from '../../src/engine/orgCard.ts';
import { decodeRef, encodeRef } from '../../src/render/actions.ts';
import { LIMITS, packMessages, sections, splitText } from '../../src/render/blockLimits.ts';
import { renderAnswer, renderHelp, renderHome, renderOrgCard, renderOrgSection, renderQuotes } from '../../src/render/blocks.ts';
import { escapeSlack, link } from '../../src/render/escape.ts';
import { assertBlockKitLimits, assertPostedMessage, blocksText, findButtons, INJECTIONS } from './helpers/blockKit.ts';
import { declinedAnswer, DIRECTIONS_CITATION, directionsAnswer, fakeOverview, longAnswer, thurrockCard } from './helpers/fakeEngine.ts';

const ephemeral = (question: string) => ({ question, surface: 'ephemeral' as const, echoQuestion: true });

describe('escaping', () => {
  it('escapes & < > and nothing else', () => {
    expect(escapeSlack('a & b <c> "d" \'e\'')).toBe('a &amp; b &lt;c&gt; "d" \'e\'');
  });

  it('makes user-typed mentions and disguised links inert', () => {
    for (const s of INJECTIONS) expect(escapeSlack(s)).not.toMatch(/[<>]/);
    expect(escapeSlack('<https://evil.example|click>')).toBe('&lt;https://evil.example|click&gt;');
  });

  it('links only plain http(s) URLs, with an escaped label', () => {
    expect(link('https://www.hsj.co.uk/a', 'A & B')).toBe('<https://www.hsj.co.uk/a|A &amp; B>');
    expect(link('javascript:alert(1)', 'x')).toBe('x');
    expect(link('https://evil.example/x|<!channel>', 'x')).toBe('x');
    expect(link(null, 'Title | with pipe')).toBe('Title ¦ with pipe');
  });
});

describe('renderAnswer', () => {
  it('puts the direct answer first, then sources, then the buttons; within limits', () => {
    const [message, ...rest] = renderAnswer(directionsAnswer(), ephemeral('Which CCGs are under legal directions?'));
    expect(rest).toEqual([]);
    assertPostedMessage(message!);
    const types = message!.blocks.map((b) => b.type);
    expect(types).toEqual(['context', 'section', 'context', 'actions']);
    const text = blocksText(message!.blocks as any[]);
    expect(text).toContain('You asked: “Which CCGs are under legal directions?”');
    expect(text).toContain('31 March 2017. [1]');
    expect(text).toContain(
      '*[1]* <https://www.hsj.co.uk/commissioning/nhs-england-orders-ccgs-to-join-forces-in-success-regime-area/7017303.article|NHS England orders CCGs to join forces in success regime area> · Health Service Journal · April 2017',
    );
    const ids = findButtons(message!.blocks as any[], '').map((b) => b.action_id);
    expect(ids).toEqual(['show_quotes', 'share_answer', 'feedback_up', 'feedback_down']);
  });

  it('adds markers to statements the text does not mark, and lists statements the text lacks', () => {
    const answer: Answer = {
      ...directionsAnswer(),
      text: 'Three CCGs were under legal directions.',
      statements: [
        { text: 'Three CCGs were under legal directions.', cites: [0] },
        { text: 'They had to form a joint committee.', cites: [0] },
      ],
    };
    const text = blocksText(renderAnswer(answer, { question: 'q', surface: 'channel' })[0]!.blocks as any[]);
    expect(text).toContain('Three CCGs were under legal directions. [1]');
    expect(text).toContain('• They had to form a joint committee. [1]');
  });

  it('channel answers have no Share button; declined answers offer did-you-mean buttons with unique ids', () => {
    const channel = renderAnswer(directionsAnswer(), { question: 'q', surface: 'channel' })[0]!;
    expect(findButtons(channel.blocks as any[], 'share_answer')).toEqual([]);
    const declined = renderAnswer(declinedAnswer(['Which CCGs are under legal directions?', 'Tell me about Thurrock CCG']), ephemeral('weather?'))[0]!;
    assertPostedMessage(declined);
    expect(findButtons(declined.blocks as any[], 'share_answer')).toEqual([]);
    expect(findButtons(declined.blocks as any[], 'show_quotes')).toEqual([]);
    const choices = findButtons(declined.blocks as any[], 'ask_suggestion');
    expect(choices.map((b) => b.action_id)).toEqual(['ask_suggestion:0', 'ask_suggestion:1']);
    expect(decodeRef(choices[1].value)).toEqual({ k: 'ask', q: 'Tell me about Thurrock CCG' });
    expect(blocksText(declined.blocks as any[])).toContain('*Did you mean…*');
  });

  it('keeps long suggestion labels within 75 characters but lists them in full', () => {
    const long = `Which CCGs ${'and commissioning support units '.repeat(5)}were under legal directions?`;
    const [message] = renderAnswer(declinedAnswer([long]), ephemeral('q'));
    assertPostedMessage(message!);
    const [button] = findButtons(message!.blocks as any[], 'ask_suggestion');
    expect(button.text.text.length).toBeLessThanOrEqual(75);
    expect(button.text.text.endsWith('…')).toBe(true);
    expect(blocksText(message!.blocks as any[])).toContain(long);
  });

  it('shows the newest source’s date unless the text already says it', () => {
    const said = { ...directionsAnswer(), knowledgeAsOf: 'As of the newest source (October 2019).' };
    said.text += '\nAs of the newest source (October 2019).';
    expect(blocksText(renderAnswer(said, ephemeral('q'))[0]!.blocks as any[]).match(/as of the newest source/gi)).toHaveLength(1);
    const unsaid = { ...directionsAnswer(), knowledgeAsOf: 'October 2019' };
    expect(blocksText(renderAnswer(unsaid, ephemeral('q'))[0]!.blocks as any[])).toContain('As of October 2019.');
  });

  it('more than ten sources go into several context blocks of at most ten elements', () => {
    const answer: Answer = {
      ...directionsAnswer(),
      citations: Array.from({ length: 14 }, (_, i) => ({ ...DIRECTIONS_CITATION, title: `Source ${i + 1}` })),
    };
    const [message] = renderAnswer(answer, ephemeral('q'));
    assertPostedMessage(message!);
    const sourceBlocks = message!.blocks.filter((b) => b.type === 'context' && /\*Sources\*|\*\[\d+\]\*/.test(JSON.stringify(b)));
    expect(sourceBlocks).toHaveLength(2);
    expect(blocksText(message!.blocks as any[])).toContain('*[14]* <https://www.hsj.co.uk');
  });

  it('lists a document once with the numbers of all its citations, and the register as one line of rows', () => {
    const answer: Answer = {
      ...directionsAnswer(),
      statements: [
        { text: 'First.', cites: [0] },
        { text: 'Second.', cites: [1] },
        { text: 'Third.', cites: [2] },
      ],
      text: 'First. [1]\nSecond. [2]\nThird. [3]',
      citations: [
        DIRECTIONS_CITATION,
        { ...DIRECTIONS_CITATION, document: 'register:eccg.csv', title: 'NHS organisation register, eccg.csv line 118', url: null },
        { ...DIRECTIONS_CITATION, quote: 'Another passage.' },
      ],
    };
    const text = blocksText(renderAnswer(answer, ephemeral('q'))[0]!.blocks as any[]);
    expect(text).toContain(
      '*[1] [3]* <https://www.hsj.co.uk/commissioning/nhs-england-orders-ccgs-to-join-forces-in-success-regime-area/7017303.article|NHS England orders CCGs to join forces in success regime area> · Health Service Journal · April 2017',
    );
    expect(text).toContain('*[2]* NHS organisation register (ODS), 1 row');
    expect(text).not.toContain('eccg.csv');
  });

  it('splits a huge answer into several messages, none over the limits, losing nothing', () => {
    const answer = longAnswer(150, 2500, 10);
    const messages = renderAnswer(answer, { question: 'q', surface: 'channel' });
    expect(messages.length).toBeGreaterThan(3);
    messages.forEach((m) => assertPostedMessage(m));
    const all = messages.map((m) => blocksText(m.blocks as any[])).join('\n');
    for (const s of answer.statements) expect(all).toContain(s.text);
    expect(findButtons(messages[0]!.blocks as any[], 'show_quotes')).toHaveLength(1);
    expect(blocksText(messages[0]!.blocks as any[])).toContain(`Continued in the thread (${messages.length} parts)`);
  });

  it('omits the buttons rather than exceed the 2,000-character value limit', () => {
    const question = 'q'.repeat(2100);
    const [message] = renderAnswer(directionsAnswer(), ephemeral(question));
    assertPostedMessage(message!);
    expect(findButtons(message!.blocks as any[], '')).toEqual([]);
  });
});

describe('button values', () => {
  it('round-trip, carry no raw < > &, and refuse anything else', () => {
    const ref = { k: 'ask' as const, q: 'a <!channel> & b', i: 'people' };
    const value = encodeRef(ref)!;
    expect(value).not.toMatch(/[<>&]/);
    expect(decodeRef(value)).toEqual(ref);
    expect(decodeRef('{"k":"sql","q":"x"}')).toBeNull();
    expect(decodeRef('not json')).toBeNull();
    expect(decodeRef(undefined)).toBeNull();
  });
});

describe('renderQuotes', () => {
  it('shows every verbatim passage as a blockquote under its numbered source', () => {
    const [message] = renderQuotes([DIRECTIONS_CITATION], { question: 'Which CCGs?', surface: 'ephemeral' });
    assertPostedMessage(message!);
    const text = blocksText(message!.blocks as any[]);
    expect(text).toContain('*[1]*');
    expect(text).toContain(`>${DIRECTIONS_CITATION.quote}`);
  });

  it('says so when there is nothing to quote', () => {
    const [message] = renderQuotes([], { question: 'q', surface: 'channel' });
    expect(blocksText(message!.blocks as any[])).toContain('no quoted passage');
  });
});

describe('renderOrgCard', () => {
  it('renders a header, cited status lines, the fields in words, the sources, and buttons for the rest', () => {
    const card: OrgCard = {
      ...thurrockCard(),
      summary: [{ text: 'Clinical commissioning group (CCG) in NHS England’s East of England region, opened 1 April 2013.', cites: [0] }],
    };
    const [message] = renderOrgCard(card, { query: 'thurrock', surface: 'ephemeral', echoQuestion: true });
    assertPostedMessage(message!);
    const fields = (message!.blocks.find((b) => b.type === 'section' && 'fields' in b) as any).fields.map((f: any) => f.text);
    expect(fields).toEqual([
      '*ODS code*\n07G',
      '*Type*\nClinical commissioning group (CCG)',
      '*Region*\nEast of England',
      '*Part of*\nNHS Mid and South Essex Integrated Care Board (QH8)',
      '*Status*\nOpen since 1 April 2013',
    ]);
    const text = blocksText(message!.blocks as any[]);
    expect(text).toContain('opened 1 April 2013. [1]');
    expect(text).toContain('*Sources*');
    expect(text).not.toContain('Ordered to develop a joint committee');
    expect(findButtons(message!.blocks as any[], 'org_section').map((b) => b.text.text)).toEqual(['Interventions (1)']);
    expect(findButtons(message!.blocks as any[], 'show_quotes').map((b) => b.text.text)).toEqual(['Sources']);
  });

  it('an organisation with hundreds of predecessors and members stays within limits, its History listing them all', () => {
    const card: OrgCard = thurrockCard();
    const refs = Array.from({ length: 300 }, (_, i) => ({
      code: `X${i}`,
      name: `NHS Example Number ${i} Clinical Commissioning Group`,
      type: 'ccg',
      date: '2018-04-01',
    }));
    card.organisation = { ...card.organisation!, predecessors: refs, members: refs };
    const messages = renderOrgCard(card, { query: 'x', surface: 'channel' });
    messages.forEach((m) => assertPostedMessage(m));
    expect(messages).toHaveLength(1);
    expect(blocksText(messages[0]!.blocks as any[])).toMatch(/…and 298 more \(see History\)/);
    const history = renderOrgSection(card, 'history', { query: 'x', surface: 'ephemeral' });
    history.forEach((m) => assertPostedMessage(m));
    expect(history.map((m) => blocksText(m.blocks as any[])).join('\n')).toContain('NHS Example Number 299 Clinical Commissioning Group (X299), 1 April 2018');
  });

  it('not found: status plus buttons for the closest names', () => {
    const card: OrgCard = {
      found: false,
      query: 'thurock',
      status: 'No organisation matches “thurock”.',
      interventions: [],
      people: [],
      citations: [],
      suggestions: [{ code: '07G', name: 'NHS Thurrock CCG', type: 'ccg' }],
    };
    const [message] = renderOrgCard(card, { query: 'thurock', surface: 'ephemeral' });
    assertPostedMessage(message!);
    const [button] = findButtons(message!.blocks as any[], 'show_org');
    expect(decodeRef(button.value)).toEqual({ k: 'org', q: '07G' });
    expect(blocksText(message!.blocks as any[])).toContain('*Closest names:*');
  });
});

describe('renderHelp and renderHome', () => {
  it('help is one message within limits, with escaped placeholders', () => {
    const help = renderHelp();
    assertPostedMessage(help);
    expect(help.text).not.toMatch(/[<>]/);
  });

  it('the Home view says digests are not set up when there is no subscription store, and lists them when there is', () => {
    const none = renderHome(fakeOverview(), null);
    assertBlockKitLimits(none.blocks, 'home');
    expect(blocksText(none.blocks as any[])).toContain('Digest subscriptions are not set up yet.');
    const empty = renderHome(fakeOverview(), []);
    expect(blocksText(empty.blocks as any[])).toContain('No channel has a digest yet');
    const many = renderHome(
      fakeOverview(),
      Array.from({ length: 40 }, (_, i) => ({ channel: `C0${i}X`, schedule: 'weekly' })),
    );
    assertBlockKitLimits(many.blocks, 'home');
    expect(blocksText(many.blocks as any[])).toContain('…and 15 more.');
  });
});

describe('splitting helpers', () => {
  it('splitText keeps every word and respects the maximum', () => {
    const text = Array.from({ length: 400 }, (_, i) => `Sentence number ${i} about joint committees.`).join(' ');
    const pieces = splitText(text, 500);
    pieces.forEach((p) => expect(p.length).toBeLessThanOrEqual(500));
    expect(pieces.join(' ').replace(/\s+/g, ' ')).toBe(text);
  });

  it('splitText never splits an escape entity', () => {
    const text = escapeSlack('<'.repeat(2000));
    const pieces = splitText(text, 3000);
    pieces.forEach((p) => expect(p).toMatch(/^(&lt;)+$/));
  });

  it('packMessages keeps a single short message whole and numbers the parts of a long one', () => {
    expect(packMessages(sections('short'), { fallback: 'short', continuation: 'thread' })).toHaveLength(1);
    const many = packMessages(
      Array.from({ length: 120 }, (_, i) => sections(`block ${i}`)[0]!),
      { fallback: 'f', continuation: 'below' },
    );
    expect(many.length).toBe(3);
    many.forEach((m) => expect(m.blocks.length).toBeLessThanOrEqual(LIMITS.blocksPerMessage));
  });
});
