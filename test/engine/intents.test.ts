import { beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../src/engine/engine.ts';
import type { Answer } from '../../src/engine/answer.ts';
import { bundledEngine } from '../helpers/knowledge.ts';
import { expectVerbatimCitations } from '../helpers/citations.ts';

let engine: Engine;
const answers: Answer[] = [];
const ask = (q: string) => {
  const a = engine.ask(q);
  answers.push(a);
  return a;
};
beforeAll(async () => {
  engine = await bundledEngine();
});

describe('each intent answers, citing its source', () => {
  it('summarises an organisation with register facts and interventions', () => {
    const a = ask('tell me about Thurrock CCG');
    expect(a).toMatchObject({ answered: true, intent: 'organisation-status' });
    expect(a.text).toContain('Under legal directions since 31 March 2017');
    expect(a.text).toContain('did not happen');
    expect(a.text).toContain('As of the newest source (October 2019).');
    expect(a.text).not.toContain('24 July 2024');
    expect(a.citations.some((c) => c.document.startsWith('register:'))).toBe(true);
  });

  it('lists interventions by type, and by date', () => {
    const fsm = ask('which CCGs are in financial special measures?');
    expect(fsm.intent).toBe('interventions-list');
    for (const name of ['Vale of York', 'Croydon', 'Walsall', 'East Surrey']) expect(fsm.text).toContain(name);
    const ld = ask('which CCGs were under legal directions in 2017?');
    expect(ld.text).toContain('Thurrock');
    expect(ld.text).not.toContain('Vale of York');
  });

  it('says no for an organisation outside a kind of intervention, with those under it and their source', () => {
    const a = ask('is bradford city ccg among the ccgs in financial special measures?');
    expect(a.text).toMatch(/^No — NHS Bradford City CCG is not in financial special measures/);
    expect(a.text).toMatch(/Those in financial special measures in what I hold: .*Croydon.*Walsall\./);
    expect(a.citations.some((c) => c.document === 'single-commissioning-2016')).toBe(true);
  });

  it('explains what an intervention required, and why', () => {
    const told = ask('what was Vale of York told to do?');
    expect(told.intent).toBe('intervention-detail');
    expect(told.text).toContain('accountable officer');
    const why = ask('why does Croydon CCG need a recovery plan?');
    expect(why.text).toMatch(/deteriorat/);
    // The reason comes before what was required, each on its own line.
    expect(why.text).toMatch(/\nWhy: [^\n]*deteriorat[^\n]*\n(?:Why: [^\n]*\n)*Required: /);
  });

  it('answers who leads what, and who a person is', () => {
    expect(ask('who leads primary care in the success regime?').text).toContain('Ian Stidson');
    const melanie = ask('who is Melanie Craig?');
    expect(melanie.intent).toBe('people');
    expect(melanie.text).toContain('Southend');
  });

  it('lists members of groups and STPs', () => {
    const slg = ask('which providers sit on the System Leaders Group?');
    expect(slg.text).toContain('East of England Ambulance Service');
    expect(slg.text).toContain('Provide');
    const stp = ask('which CCGs are in the mid and south Essex STP?');
    for (const name of ['Thurrock', 'Southend', 'Basildon and Brentwood', 'Castle Point and Rochford', 'Mid Essex']) expect(stp.text).toContain(name);
  });

  it('gives dates and timelines', () => {
    expect(ask('when was the Essex success regime programme set up?').text).toContain('December 2015');
    const changed = ask('what changed in April 2018?');
    expect(changed.text).toContain('merged into');
    expect(changed.text).toContain('Bristol, North Somerset and South Gloucestershire');
    const timeline = ask('timeline of the Essex success regime');
    expect(timeline.statements.length).toBeGreaterThan(3);
  });

  it('dates a plan by its deadline when asked when it will happen', () => {
    expect(ask('What is the deadline for the hospital merger?').text).toMatch(/^April 2020: due/);
    expect(ask('When is the STP consultation expected?').text).toContain('later in 2017');
  });

  it('keeps the source’s hedge on a figure', () => {
    expect(ask('How many interviews were carried out in phase 1?').text).toMatch(/^Over 40 — Interviews/);
  });

  it('lists a provider question from the passage, not the STP’s CCGs', () => {
    const a = ask('What are the three general hospital providers in mid and south Essex?');
    expect(a.text).toContain('Southend University Hospital');
    expect(a.text).not.toContain('Castle Point');
  });

  it('gives figures, in words and digits', () => {
    expect(ask('how many CCGs had legal directions in 2016-17?').text).toMatch(/28|twenty-eight/i);
    expect(ask('how many CCGs are in the financial special measures regime?').text).toMatch(
      /^Nine \(9\) — CCGs placed in the financial special measures regime/,
    );
  });

  it('defines terms', () => {
    const a = ask('what is a success regime?');
    expect(a.intent).toBe('definition');
    expect(a.text.toLowerCase()).toContain('success regime');
  });

  it('says what became of merged organisations, and of plans that never happened', () => {
    const ns = ask('what happened to North Somerset CCG?');
    expect(ns.text).toContain('31 March 2018');
    expect(ns.text).toContain('15C');
    const mse = ask('is mid and south Essex merging?');
    expect(mse.text).toContain('did not happen');
  });

  it('explains what it can do', () => {
    const a = ask('what can you do?');
    expect(a).toMatchObject({ answered: true, intent: 'help' });
  });

  it('says when a document is dated and who published it, naming it by its title', () => {
    const doc = engine.knowledge.documents.get('essex-success-regime-2016')!;
    const dated = engine.ask("what's the date on update no.1 of the essex success regime briefing");
    expect(dated).toMatchObject({ intent: 'document-details', answered: true });
    expect(dated.text).toMatch(new RegExp(`^“${doc.title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}” is dated ${doc.publishedLabel} \\(${doc.publisher}\\)\\.`));
    expect(doc.text).toContain(dated.citations[0].quote);
    const wrote = engine.ask('who wrote the kiss goodbye to ccg autonomy newsletter');
    expect(wrote.text).toMatch(/was published by Health Service Journal \(newsletter by Dave West\), May 2016\./);
    // "When did …" asks about what a document reports, not about the document.
    expect(engine.ask('when did the nhs england chief exec announce the success regime areas').intent).not.toBe('document-details');
  });

  it('quotes a passage when no intent fits but a document answers', () => {
    const a = ask('What options did NHS England consider for severely troubled CCGs?');
    expect(a.intent).toBe('passage');
    expect(a.text).toContain('accountable providers');
  });
});

describe('reading questions forgivingly', () => {
  it('ignores @-mentions of people and channels', () => {
    expect(ask('@channel who leads primary care in the success regime? @ann').text).toContain('Ian Stidson');
  });

  it('reads ODS codes typed in a question', () => {
    expect(ask('RAJ').text).toContain('Southend University Hospital');
    expect(ask('what is 07g').text).toContain('NHS Thurrock CCG');
  });

  it('quotes the passage when asked what a source or person said', () => {
    const a = ask('What did Anita Donley say?');
    expect(a.intent).toBe('passage');
    expect(a.text).toContain('A joint committee for commissioning is crucial');
    expect(ask('What does the Long Term Plan say about the number of CCGs per ICS?').text).toContain('typically');
  });

  it('states STP membership over time', () => {
    expect(ask('tell me about Thurrock CCG').text).toMatch(/STP: Mid and South Essex STP footprint \(2016 footprint\); Mid and South Essex STP \(April 2019\)/);
  });

  it('finds the passage with the question’s own words even when names are everywhere', () => {
    expect(ask('How much debt does mid and south Essex have?').text).toContain('significant debts');
  });

  it('links entities through typos', () => {
    const a = ask('legal directons thurock');
    expect(a.answered).toBe(true);
    expect(a.text).toContain('Thurrock');
    expect(a.text.toLowerCase()).toContain('legal directions');
  });
});

describe('declining honestly', () => {
  it.each([
    "what's the weather in Leeds tomorrow?",
    'Who won the football last night?',
    'is there a good pizza place near Basildon?',
    'Tell me about Narnia CCG',
    'What is the weather in Southend?',
    'How do I reset my password?',
  ])('declines "%s" and offers what it can do', (q) => {
    const a = ask(q);
    expect(a.answered).toBe(false);
    expect(a.citations).toHaveLength(0);
    expect(a.suggestions.length).toBeGreaterThan(0);
  });

  it('declines an over-long question politely', () => {
    const a = ask('which CCGs '.repeat(100));
    expect(a.answered).toBe(false);
    expect(a.text).toContain('I can take up to 500');
  });

  it('logs unanswered questions for review', () => {
    const seen: string[] = [];
    engine.onUnanswered = (e) => seen.push(e.question);
    engine.ask('Who won the football last night?');
    engine.onUnanswered = undefined;
    expect(seen).toEqual(['Who won the football last night?']);
  });
});

describe('every answer keeps its promises', () => {
  it('quotes every citation verbatim from its document or register row, within the limits', () => expectVerbatimCitations(engine.knowledge, answers));
});
