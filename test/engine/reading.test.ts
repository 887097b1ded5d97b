/**
 * Questions as people type them: paraphrases, chat framing, typos, yes/no, counts, filters, unknown names,
 * small talk, advice, two parts and follow-ups. Each answer is checked for what a person would read.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../src/engine/engine.ts';
import type { Answer } from '../../src/engine/answer.ts';
import { CONFIDENCE_BAR } from '../../src/engine/judge.ts';
import { bundledEngine } from '../helpers/knowledge.ts';
import { parseQuestion } from '../../src/search/question.ts';
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

describe('the domain lexicon reads paraphrases as the knowledge says them', () => {
  it.each([
    ['which ccgs were slapped with legal directions', 'Castle Point and Rochford'],
    ['hey bot, which ccgs got put into special measures?', 'Vale of York'],
    ['who took over from north somerset ccg', 'Bristol, North Somerset and South Gloucestershire'],
    ['who is in charge of primary care in the success regime', 'Ian Stidson'],
    ['who runs primary care in the success regime', 'Ian Stidson'],
    ['what does fsm mean', 'Financial special measures'],
    ['did vale of york ccg have to get a new AO?', 'accountable officer'],
    ['what was east surrey ccg swallowed up by', 'NHS Surrey Heartlands CCG'],
    ['what is the ods code for the gm icb', 'NHS Greater Manchester Integrated Care Board'],
    ['does southend hospital have a seat on the system leaders group', 'Yes — Southend University Hospital'],
    ['were the essex directions ever made public', 'No, going by the source'],
  ])('%s', (question, expected) => {
    const a = ask(question);
    expect(a.answered).toBe(true);
    expect(a.text).toContain(expected);
  });

  it('never lets ordinary words push a question out of scope', () => {
    for (const q of ['what job does Melanie Craig do?', "who's the author of the commissioner newsletter", 'which org does Melanie Craig work for']) {
      const a = ask(q);
      expect(a.answered, q).toBe(true);
      expect(a.intent).not.toBe('out-of-scope');
    }
    expect(ask('what job does Melanie Craig do?').text).toContain('Chief Officer');
    expect(ask("who's the author of the commissioner newsletter").text).toContain('Dave West');
  });

  it('still declines questions whose topic the knowledge does not hold', () => {
    for (const q of ["what's the weather in leeds", 'who won the football last night?', 'is there a good pizza place near Basildon?'])
      expect(ask(q).answered, q).toBe(false);
  });

  it('reads typos of question words and of names', () => {
    expect(ask('waht does fsm mean').text).toContain('Financial special measures');
    expect(ask('wich ccgs are under legal directons').text).toContain('Thurrock');
    expect(ask('who leads primary care in the succes regime').text).toContain('Ian Stidson');
  });

  it('corrects a typo to the word that makes a name with the words beside it', () => {
    // "contry" is one letter from "county" as from "country": "black country" is a name.
    expect(ask('e54 code for black contry icb').text).toMatch(/^The ODS code of NHS Black Country Integrated Care Board is QUA\./);
  });

  it('reads the g people drop ("still goin") and a system by the initials of its places ("the bob stp")', () => {
    expect(ask('was nene ccg still goin in 2021').text).toMatch(/^No — NHS Nene CCG \(04G\) was not open in 2021/);
    const bob = ask('which ccgs were in the bob stp in 2019');
    for (const code of ['15A', '14Y', '10Q']) expect(bob.text).toContain(`(${code})`);
    // Lower case and alone, "bob" is a word, not the system.
    expect(ask('hey bob').text).not.toContain('Buckinghamshire');
  });

  it('reads "wrap up" as the end of something, and dates the event that concluded it', () => {
    expect(ask('when did phase 1 of the essex success regime wrap up').text).toMatch(/^November 2015: Phase 1 concluded/);
  });

  it('counts a kind of intervention over a period from the source’s national figure, not the few curated', () => {
    expect(ask('how many ccgs were slapped with legal directions during 2016-17').text).toMatch(/^28 — CCGs that had legal directions imposed/);
    // With no period, the interventions held are counted, as held.
    expect(ask('how many ccgs are under legal directions').text).toMatch(/^Three \(3\) CCGs/);
  });

  it('reads "what was done in <month> for …" as what happened then, not a definition', () => {
    const a = ask('what was done in december 2015 for the essex success regime');
    expect(a.intent).not.toBe('definition');
    expect(a.text).toMatch(/^\d+ dated entries in December 2015:/);
    expect(a.text).toContain('The Essex Success Regime programme was set up');
  });

  it('answers "is X the only …?" from how many there are', () => {
    expect(ask('is essex the only success regime?').text).toMatch(/^No — Three \(3\) — Success regimes in England \(Essex, Devon and Cumbria\)/);
    expect(ask('is thurrock the only ccg under legal directions?').text).toMatch(
      /^No — NHS Castle Point and Rochford CCG, NHS Southend CCG and NHS Thurrock CCG/,
    );
    expect(ask('is thurrock under legal directions?').text).toMatch(/^Yes — /);
  });

  it('reads "how much" as asking an amount, never a count of bodies', () => {
    const a = ask('how much is the lancashire icb chief exec salary');
    expect(a.intent).not.toBe('register-count');
    expect(a.text).not.toMatch(/^1 ICB/);
  });

  it('never answers a sum asked ("what was its deficit?") with a profile that gives none', () => {
    const a = ask("what was croydon ccg's deficit in 2016");
    expect(a.answered).toBe(false);
    expect(a.text).toMatch(/^I'm not sure/);
  });

  it('reads "n" typed for "and" inside a name', () => {
    expect(ask('tell me about coventry n rugby ccg').text).toMatch(/^NHS Coventry and Rugby CCG \(05A\)/);
  });

  it('reads a possessive typed without its apostrophe as the body it names', () => {
    expect(ask('whats nhs englands most severe form of intervention').text).toMatch(/^[^\n]*Legal directions – the national organisation’s most severe form/);
  });
});

describe('reading the words of a question', () => {
  const read = (q: string) => parseQuestion(q, engine.indexes, new Set());

  it('reads negatives typed without an apostrophe as "not", never as a typo of another word', () => {
    for (const q of ['which trust isnt a foundation trust', "which trust isn't a foundation trust"]) {
      const { words } = read(q);
      expect(words).toContain('not');
      expect(words).not.toContain('list');
    }
    expect(read('why cant the ccg agree its plan').words.slice(0, 3)).toEqual(['why', 'can', 'not']);
  });

  it('leaves the verb of a clause saying when out of what is asked, but not the verb after a question word', () => {
    expect(read('was the chief officer in post before the ccgs merged').predicates.flat()).not.toContain('merge');
    expect(read('on what date were the conditions lifted').predicates.flat()).toContain('lift');
  });
});

describe('the kind of answer asked for leads the answer', () => {
  it('answers yes/no questions with yes or no first', () => {
    const no = ask('is walsall ccg under legal directions?');
    expect(no.text).toMatch(/^No — /);
    expect(no.text).toContain('financial special measures');
    expect(ask('is thurrock ccg under legal directions?').text).toMatch(/^Yes — /);
    expect(ask('is the cqc part of the tripartite').text).toMatch(/^No — /);
    expect(ask('did the single mid and south essex ccg ever actually get formed?').text).toMatch(/^No — /);
    // A clause saying when ("… when the directions were issued") leaves it a yes/no; "do you know when …" asks a date.
    expect(ask('was thurrock ccg still open when the legal directions were issued?').text).toMatch(/^Yes — /);
    expect(ask('do you know when thurrock ccg closed?').text).not.toMatch(/^(Yes|No)\b/);
  });

  it('reads a passage for its verdict, and says so', () => {
    const a = ask('have the essex directions been publicised?');
    expect(a.text).toMatch(/^No, going by the source — /);
    expect(a.citations.some((c) => c.quote.includes('have not been publicised'))).toBe(true);
  });

  it('answers "who is in charge of" a workstream from the line naming what they lead, and "when did … first say" with the date', () => {
    const lead = ask('who is in charge of the back office work in the acute programme of the success regime');
    expect(lead.text).toMatch(/^James O’Sullivan\b/);
    const first = ask('when did the nhs england chief executive first announce the success regime');
    expect(first.text).toMatch(/^Summer 2014[.:] /);
    expect(ask("what's jon findlay's day job").text).toMatch(/^Jon Findlay: Chief Operating Officer/);
  });

  it('reads the opposite of what is asked as a no, and its own word as a yes', () => {
    expect(ask('did the success regime leaders oppose the legal directions?').text).toMatch(/^No, going by the source — .*supported the work/);
    expect(ask('did the success regime leaders support the legal directions?').text).toMatch(/^Yes, going by the source — .*supported the work/);
  });

  it('reads a verdict off a passage whose document is about the place the question names', () => {
    expect(ask('did the success regime leaders back the legal directions in essex?').text).toMatch(/^Yes, going by the source — .*supported the work/);
  });

  it('says no when a question asks what must be and the source says only what is usual', () => {
    const a = ask('does there have to be one ccg per ics under the long term plan?');
    expect(a.text).toMatch(/^No, going by the source — .*‘typically’ there will be one CCG per ICS/);
  });

  it('answers about every name the question gives, a programme aside: not a workstream lead for "the tripartite"', () => {
    const a = ask('who does the tripartite work closely with in the success regime');
    expect(a.text).toContain('The tripartite works closely with the Care Quality Commission');
    expect(a.text).not.toMatch(/^Clare Panniker/);
    expect(ask('who leads back office for the success regime').text).toMatch(/^James O’Sullivan — Lead, Back office workstream/);
  });

  it('reads "close to one another" as nearness, never as a body closing', () => {
    const a = ask('are the general hospitals in mid and south essex close to one another');
    expect(a.text).toMatch(/^Yes, going by the source — /);
    expect(a.text).toContain('which are relatively near each other');
  });

  it('reads "looks a lot like" and "similar to" as asking what something resembles', () => {
    for (const q of ['what does the combined authority idea look a lot like', 'what is the combined authority idea similar to']) {
      const a = ask(q);
      expect(a.answered, q).toBe(true);
      expect(a.text, q).toContain('the idea of a combined authority bears a striking resemblance to the ACS concept');
    }
  });

  it('reads the word a document uses for the question’s verb ("addressed" for "send") in the line about the person named', () => {
    const a = ask('who did ann radmore send her letter to');
    expect(a.text).toContain('The letter addressed all accountable officers');
    expect(a.text).not.toMatch(/^(Ann Radmore|Long Term Plan)/);
  });

  it('finds the passage saying a question’s verb in another form ("hoping", "it is hoped")', () => {
    const a = ask('what is nhs england hoping the changes in essex lead to');
    expect(a.text).toContain('“It is hoped the changes will now lead to streamlined decision making');
  });

  it('asks a person named as a document’s writer of that document, and counts from the line introducing a list', () => {
    const a = ask('into how many categories does dave west put the likely first combined authorities');
    expect(a.text).toMatch(/^Two\. The Commissioner: .*fall into two categories:\n• The first is/s);
  });

  it('reads a place set aside ("besides essex") as not asked about, and answers with the line about the others', () => {
    const a = ask('besides essex, where were the other success regimes');
    expect(a.text).toMatch(/^Essex Success Regime – Progress update, .* says: “The other two Success Regimes are in Devon and Cumbria\.”/);
  });

  it('reads a small count before a noun ("the other 2 …") as how many, never a word to look for', () => {
    expect(ask('where were the other 2 success regimes').text).toContain('“The other two Success Regimes are in Devon and Cumbria.”');
  });

  it('answers "what is X part of" with the programme it belongs to, on a quote naming both, never with its members', () => {
    const a = ask('what is the success regime part of?');
    expect(a.text).toMatch(/^The Success Regime is part of the NHS Five Year Forward View\./);
    expect(a.citations[0].quote).toContain('The Success Regime is part of the NHS Five Year Forward View');
    expect(ask('what is the essex success regime part of?').text).not.toMatch(/members of/);
  });

  it('reads "answer to" and "report to" as who something is accountable to', () => {
    expect(ask('who does the essex success regime report to').text).toContain('The Essex Success Regime is accountable to a Joint Oversight Group');
  });

  it('answers "how long" with the length of time the passage gives, not its words "long" or "last"', () => {
    const a = ask('how long will the essex success regime programme last?');
    expect(a.text).toMatch(/^Two to three year\. .*“We are embarking upon a two to three year programme of change\.”/);
  });

  it('reads "intervene" and "step in" as asking after interventions', () => {
    expect(ask('did nhs england intervene in walsall ccg?').text).toMatch(/^Yes — NHS Walsall CCG: Walsall CCG placed in financial special measures/);
    expect(ask('why did nhs england step in at thurrock ccg').text).toContain('Why: The need to form a single decision making group');
  });

  it('reads a place word before a named group as saying which group ("the Essex System Leaders Group")', () => {
    expect(ask('is the trust development authority on the essex system leaders group').text).toMatch(
      /^Yes — NHS Trust Development Authority is a member of the System Leaders Group\./,
    );
  });

  it('says no when the source only calls something a possibility, and yes when it says it outright', () => {
    const possible = ask('is there already a single contract for all three essex hospitals');
    expect(possible.text).toMatch(/^No, going by the source — .*“A single contract for all three hospitals, for example, is also a possibility\.”/);
    const stated = ask('would the downgraded essex hospitals still do some specialist surgery');
    expect(stated.text).toMatch(/^Yes, going by the source — .*still provide some specialist surgery/);
  });

  it('counts from the data, saying the count first', () => {
    const a = ask('how many ccgs are under legal directions');
    expect(a.text).toMatch(/^Three \(3\) CCGs — Castle Point and Rochford, Southend and Thurrock — have been under legal directions since 31 March 2017/);
  });

  it('honours the filters of a list question', () => {
    const apart = ask('apart from croydon, which ccgs are in financial special measures?');
    expect(apart.text).toMatch(/^Eight \(8\) CCGs/);
    expect(apart.text).not.toContain('Croydon');
    const ofNine = ask('which of the nine ccgs in special measures have to produce a recovery plan');
    for (const name of ['Croydon', 'Enfield', 'North Tyneside']) expect(ofNine.text).toContain(name);
    expect(ofNine.text).not.toContain('Walsall');
  });
});

describe('what the bot does not answer as fact', () => {
  it('declines names nothing in the knowledge is called, with the nearest real ones', () => {
    const org = ask('tell me about Wessex Downs CCG');
    expect(org).toMatchObject({ answered: false, intent: 'unknown-name' });
    expect(org.text).toContain("I don't know an organisation called “Wessex Downs CCG”");
    expect(org.suggestions.some((s) => s.includes('Surrey Downs'))).toBe(true);
    expect(ask('ods code for Northfield ICB')).toMatchObject({ answered: false, intent: 'unknown-name' });
    expect(ask('who is jane smythe?').text).toContain("I don't know anyone called");
  });

  it('answers greetings and thanks briefly, with what it can do', () => {
    const hello = ask('helo');
    expect(hello).toMatchObject({ answered: false, intent: 'small-talk' });
    expect(hello.text).toMatch(/^Hello\. I answer questions about CCGs/);
    expect(ask('thanks!').text).toMatch(/^You're welcome/);
    expect(ask('hi, which ccgs are under legal directions?').answered).toBe(true);
  });

  it('reads a reaction to an answer as thanks, never as a question to search for', () => {
    for (const q of ["ta bot, that's just what i wanted", 'that is really useful, thank you'])
      expect(ask(q), q).toMatchObject({ answered: false, intent: 'small-talk' });
    expect(ask("thanks, that's great - and who leads primary care in the success regime?").answered).toBe(true);
  });

  it('declines judging how someone is doing', () => {
    const a = ask('is anita donley doing a good job');
    expect(a).toMatchObject({ answered: false, intent: 'advice' });
    expect(a.suggestions).toContain('Who is Anita Donley?');
  });

  it('declines advice and opinion, offering the facts instead', () => {
    const a = ask('should castle point merge with southend?');
    expect(a).toMatchObject({ answered: false, intent: 'advice' });
    expect(a.text).toContain('advice or an opinion');
    expect(a.suggestions.length).toBeGreaterThan(0);
  });

  it('says it is not sure below the confidence bar, and states nothing as fact', () => {
    const a = ask('who is the AO for thurrock');
    expect(a.answered).toBe(false);
    expect(a.confidence).toBeLessThan(CONFIDENCE_BAR);
    expect(a.text).toMatch(/^I'm not sure I have that/);
  });
});

describe('questions in more than one turn', () => {
  it('answers both parts of a two-part question, each with its sources', () => {
    const a = ask('when were the legal directions imposed and who imposed them?');
    expect(a.answered).toBe(true);
    expect(a.text).toContain('31 March 2017');
    expect(a.text).toContain('NHS England');
    expect(a.text.split('\n\n')).toHaveLength(2);
  });

  it('keeps each part’s long list whole: what a part has no room for is its own rest, every [n] a real source', () => {
    const question = 'what interventions did thurrock have and which interventions are there?';
    const a = ask(question);
    const whole = [engine.ask('what interventions did thurrock have'), engine.ask('which interventions are there?')];
    expect(a.parts?.map((p) => p.question)).toEqual(['what interventions did thurrock have', 'which interventions are there?']);
    a.parts!.forEach((part, i) => {
      expect(part.more?.statements.length, `part ${i + 1} has a rest`).toBeGreaterThan(0);
      // Nothing the part's own answer says is lost: shown, or in its rest, with the same source.
      const said = [...part.statements, ...part.more!.statements];
      const sources = [...a.citations, ...part.more!.citations];
      const wholeSources = [...whole[i]!.citations, ...(whole[i]!.more?.citations ?? [])];
      for (const s of [...whole[i]!.statements, ...(whole[i]!.more?.statements ?? [])]) {
        const kept = said.find((x) => x.text === s.text);
        expect(kept, s.text).toBeDefined();
        expect(kept!.cites.map((c) => sources[c]!.quote).sort()).toEqual(s.cites.map((c) => wholeSources[c]!.quote).sort());
      }
    });
    expect(a.text).toContain(a.parts![0]!.text);
    expect(a.text).toContain(a.parts![1]!.text);
  });

  it('a part’s rest reads on from its text in order: no heading shown without its items, no later item shown before an earlier one', () => {
    const a = ask('which interventions are there? and what happened in 2017?');
    const alone = engine.ask('what happened in 2017?');
    const second = a.parts![1]!;
    expect(second.more?.statements.length).toBeGreaterThan(0);
    const inOrder = (x: { statements: { text: string }[]; more?: { statements: { text: string }[] } }) =>
      [...x.statements, ...(x.more?.statements ?? [])].map((s) => s.text);
    expect(inOrder(second)).toEqual(inOrder(alone));
    expect(second.statements.at(-1)!.text).not.toMatch(/:$/);
  });

  it('leaves the second part room for its direct answer’s source: no [n] in the text without its source', () => {
    // The first part's list used to take all ten sources, and the second part's "[11]" pointed at nothing.
    for (const question of [
      'which interventions are there and which ccgs are under legal directions?',
      'which interventions are there? and what happened in 2017?',
    ]) {
      const a = ask(question);
      expect(a.parts).toHaveLength(2);
      expect(a.citations.length).toBeLessThanOrEqual(10);
      for (const [, n] of a.text.matchAll(/\[(\d+)\]/g)) expect(Number(n), `${question}: [${n}]`).toBeLessThanOrEqual(a.citations.length);
      const second = a.parts![1]!;
      const cited = second.statements.find((s) => s.cites.length > 0)!;
      expect(second.text).toContain(cited.text);
      for (const s of a.statements) for (const c of s.cites) expect(c).toBeLessThan(a.citations.length);
    }
    expect(ask('which interventions are there and which ccgs are under legal directions?').parts![1]!.text).toMatch(
      /^Three \(3\) CCGs — Castle Point and Rochford, Southend and Thurrock — have been under legal directions since 31 March 2017\. \[\d+\]$/,
    );
  });

  it('reads "it" in a second part naming only a kind of body ("which CCGs formed it?") as the first part’s organisation', () => {
    const a = ask('when did leeds ccg open and which ccgs formed it');
    expect(a.parts![1]!.text).toMatch(
      /^On 1 April 2018 NHS Leeds North CCG \(02V\), NHS Leeds West CCG \(03C\) and NHS Leeds South and East CCG \(03G\) merged into NHS Leeds CCG \(15F\)/,
    );
  });

  it('reads "they" as the interventions asked about before, not the organisation; a verdict never stands before a bullet', () => {
    const a = ask('which ccgs are under legal directions and when were they imposed');
    expect(a.parts![1]!.text).toMatch(/^31 March 2017: NHS England legal directions on Castle Point and Rochford, Southend and Thurrock CCGs/);
    const yes = ask('is thurrock ccg under legal directions and who imposed them?');
    expect(yes.text).toMatch(/^Yes — NHS Castle Point and Rochford CCG/);
    expect(yes.parts![1]!.text).toContain('NHS England legal directions');
  });

  it('reads follow-ups against the previous question of the conversation', () => {
    const first = engine.ask('what was vale of york ccg told to do?');
    const next = engine.ask('what about walsall?', { context: first.context });
    expect(next.text).toContain('joint management');
    const list = engine.ask('which ccgs are under legal directions?');
    expect(engine.ask('when were they imposed?', { context: list.context }).text).toContain('31 March 2017');
    const person = engine.ask('who is melanie craig');
    expect(engine.ask('what does she lead?', { context: person.context }).text).toContain('Urgent and emergency care');
    answers.push(first, next, list, person);
  });

  it('reads "she" as the person a "who" question was answered with, in a conversation and in a two-part question', () => {
    const who = engine.ask("who's the independent success regime chair");
    expect(who.text).toMatch(/^Anita Donley: Independent chair, mid and south Essex success regime/);
    const said = engine.ask('what did she say about a joint committee for commissioning', { context: who.context });
    expect(said.text).toContain('“Independent success regime chair Anita Donley said: “The mid and south Essex STP is well advanced');
    const both = engine.ask("who's the independent success regime chair and what did she say about a joint committee for commissioning");
    expect(both.parts![1]!.text).toContain('Anita Donley said');
    answers.push(who, said, both);
  });

  it('reads a follow-up on its own when there is no conversation', () => {
    expect(engine.ask('what about walsall?').text).not.toContain('joint management with another CCG to plan');
  });
});

describe('every answer above', () => {
  it('quotes its citations verbatim, within the limits', async () => expectVerbatimCitations(engine.knowledge, answers));
});
