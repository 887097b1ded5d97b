/** Pulling the answer out of the line that answers: the count of the thing counted, the person in the role asked. */
import { describe, expect, it } from 'vitest';
import { answeringLine, countOf, extractAnswer, namedPairs, sentences, wantedKind } from '../../src/search/passageReading.ts';

const ask = (questionWords: string[], extra: { counted?: string[]; roles?: string[] } = {}) => ({ orgs: [], questionWords, questionTerms: [], ...extra });

describe('the answer standing in a line', () => {
  it('gives the count standing before the word counted, among other numbers', () => {
    const line =
      'the phase 1 review found that there are over 300 contracts between the seven CCGs in Essex, three local authorities and various service providers';
    expect(countOf(line, undefined, ['ccg'])).toBe('seven');
    expect(countOf(line, undefined, ['contract'])).toBe('300');
    expect(countOf(line, undefined, ['hospit'])).toBeNull();
    expect(countOf('at least two thirds of the practices voting in each of the CCGs must vote in favour', undefined, ['practice'])).toBe('two thirds');
    expect(countOf('one of 22 CCG mergers', undefined, ['ccg'])).toBe('22');
    expect(extractAnswer('number', line, ask(['how', 'many', 'ccgs'], { counted: ['ccg'] }))).toBe('seven');
  });

  it('answers "how much" with the one sum of money, not a share, a count or a month’s number beside it', () => {
    const line = 'By month 10 it forecast delivering £3.525m, or 84% of the target, with 6 appeals outstanding:';
    expect(extractAnswer('number', line, ask(['how', 'much', 'did', 'it', 'deliver']))).toBe('£3.525m');
    expect(extractAnswer('number', line, ask(['what', 'proportion', 'of', 'the', 'target']))).toBe('84%');
    expect(extractAnswer('number', '6 appeals were outstanding.', ask(['how', 'much', 'did', 'it', 'save']))).toBeNull();
    expect(extractAnswer('number', 'The plan for month 10 shows 12 schemes.', ask(['how', 'many', 'schemes']))).toBe('12');
  });

  it('reads names with an apostrophe or a capital inside ("O’Sullivan", "McAllister") whole', () => {
    const line = 'Back office - led by James O’Sullivan, Chief Financial Officer at Southend University Hospital';
    expect(extractAnswer('person', line, ask(['who', 'leads', 'back', 'office']))).toBe('James O’Sullivan');
    expect(extractAnswer('person', 'clinical sign-off from the clinical chair, Dr Fiona McAllister.', ask(['who', 'signs', 'off']))).toBe(
      'Dr Fiona McAllister',
    );
  });

  it('gives a year with the season or part of the year the line says it in', () => {
    const line = 'the chief executive announced in summer 2014 that it would be a focus';
    expect(extractAnswer('date', line, ask(['when', 'was', 'it', 'announced']))).toBe('summer 2014');
    expect(extractAnswer('date', 'It was announced in 2014.', ask(['when', 'was', 'it', 'announced']))).toBe('2014');
  });

  it('asks for a sum of money when the question asks what a budget, deficit or spend was', () => {
    expect(wantedKind(['what', 'was', 'sheffield', 'ccg', 'budget'])).toBe('number');
    expect(wantedKind(['what', 'did', 'they', 'spend', 'on', 'running', 'costs'])).toBe('number');
    expect(wantedKind(['what', 'caused', 'the', 'deficit'])).toBeNull();
  });

  it('chooses the line by what the question asks about before the year it names', () => {
    const unit = { lines: ['It forecasts a deficit of £21.3m for 2017/18.', 'Its allocation for the year is £711m.'], display: '' } as never;
    expect(answeringLine(unit, ['allocation', '2017_18'])).toBe('Its allocation for the year is £711m.');
  });

  it('chooses the line by what is asked of a person before the lines naming them', () => {
    const unit = {
      lines: ['This followed a letter from Ann Radmore, regional director.', 'The letter addressed all accountable officers and included Radmore’s wish.'],
      display: '',
    } as never;
    expect(answeringLine(unit, ['ann', 'radmor', 'letter', 'address'], undefined, new Set(['ann', 'radmor']))).toBe(
      'The letter addressed all accountable officers and included Radmore’s wish.',
    );
  });

  it('never reads a plan, a policy or the person asked about as the person who answers', () => {
    const line = 'The letter from Ann Radmore is stronger than the NHS Long Term Plan.';
    expect(extractAnswer('person', line, ask(['who', 'was', 'ann', 'radmore', 'letter', 'sent', 'to']))).toBeNull();
    expect(extractAnswer('person', 'The letter was sent by Ann Radmore.', ask(['who', 'sent', 'the', 'letter']))).toBe('Ann Radmore');
  });

  it('names the person beside the role asked, not another person of the sentence', () => {
    const line =
      "He was interviewed the previous week by a panel chaired by Jennifer Oldroyd, the ICB's chair designate, and including the NHS England and NHS Improvement regional director for the North West.";
    expect(extractAnswer('person', line, ask(['who', 'chairs'], { roles: ['chair'] }))).toBe('Jennifer Oldroyd');
    expect(
      extractAnswer(
        'person',
        'Andrew Fairhurst, who has led the trust since 2017, was confirmed on 18 January as chief executive designate.',
        ask(['who'], { roles: ['chief', 'execut'] }),
      ),
    ).toBe('Andrew Fairhurst');
  });

  it('names nobody for a role held elsewhere, held before, or only to be filled', () => {
    const elsewhere = 'Ms Jane Oldroyd, chief executive of Blackburn with Darwen Borough Council, was appointed chair designate.';
    expect(
      extractAnswer('person', elsewhere, {
        ...ask(['who'], { roles: ['chief', 'execut'] }),
        orgs: [{ names: ['NHS Lancashire and South Cumbria ICB'] } as never],
      }),
    ).toBeNull();
    expect(extractAnswer('person', 'Sarah Bickerstaffe, a former chief executive, spoke.', ask(['who', 'is'], { roles: ['chief', 'execut'] }))).toBeNull();
    expect(
      extractAnswer('person', 'Ann Hale said the board would recruit a chief finance officer.', ask(['who'], { roles: ['chief', 'financ', 'offic'] })),
    ).toBeNull();
  });

  it('names the holder of the post asked, not of another chief post', () => {
    const cfo = ask(['who', 'is', 'the', 'cfo'], { roles: ['chief', 'finance', 'officer'] });
    expect(extractAnswer('person', 'Caroline Redfern is currently chief officer of the three CCGs.', cfo)).toBeNull();
    expect(extractAnswer('person', 'The board welcomed Stephen Hartigan, Chief Finance Officer, to his first meeting.', cfo)).toBe('Stephen Hartigan');
  });

  it('names a person once when the line names them twice', () => {
    const line = 'Claire Whitworth, Chief Executive, opened the meeting. Ms Whitworth has been in post since April.';
    expect(extractAnswer('person', line, ask(['who'], { roles: ['chief', 'execut'] }))).toBe('Claire Whitworth');
  });

  it('does not take the chief executive of a trust for the chief executive of the ICB', () => {
    const line = 'Sarah Dugan, Chief Executive of Birmingham and Solihull Mental Health NHS Foundation Trust, joined the board.';
    const icb = { ...ask(['who'], { roles: ['chief', 'execut'] }), orgs: [{ names: ['NHS Birmingham and Solihull ICB'] } as never] };
    expect(extractAnswer('person', line, icb)).toBeNull();
  });

  it('never answers with the person the question names', () => {
    expect(extractAnswer('person', 'Margaret Ellery retired on 30 September 2018.', ask(['who', 'took', 'over', 'from', 'margaret', 'ellery']))).toBeNull();
  });

  it('never takes the name of a committee for a person', () => {
    expect(extractAnswer('person', 'The Primary Care Commissioning Committee met six times.', ask(['who']))).toBeNull();
  });

  it('never takes a place named in an organisation for a person', () => {
    const pairs = new Set(['milton keynes']);
    const inOrganisationName = (a: string, b: string) => pairs.has(`${a} ${b}`);
    const line = 'If the merger is approved, the new organisation will be called NHS Bedfordshire, Luton and Milton Keynes CCG.';
    expect(extractAnswer('person', line, { ...ask(['who', 'approves']), inOrganisationName })).toBeNull();
    expect(extractAnswer('person', 'The merger was led by Felicity Cox.', { ...ask(['who', 'led']), inOrganisationName })).toBe('Felicity Cox');
  });

  it('finds a person typed in lower case where a text names them in full', () => {
    const text = 'They have shared a single chief officer, Sarah Bickerstaffe, since October 2020.';
    expect(namedPairs(['is', 'sarah', 'bickerstaffe', 'apply'], text)).toEqual([['sarah', 'bickerstaffe']]);
    expect(namedPairs(['shared', 'single'], text)).toEqual([]);
  });

  it('splits sentences, keeping a list number and an initial with what follows', () => {
    expect(sentences('2. Accelerate plans for changes. Then more.')).toEqual(['2. Accelerate plans for changes.', 'Then more.']);
    expect(sentences('A. Smith said so. It grew by 2. Then it fell.')).toEqual(['A. Smith said so.', 'It grew by 2.', 'Then it fell.']);
  });
});
