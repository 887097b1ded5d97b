/**
 * Benchmark questions: a seeded mix of the kinds people ask (organisations, interventions, people,
 * definitions, figures, dates, passages), with typos and off-topic questions, drawn from the corpus.
 */
import type { CorpusSummary } from './corpus.ts';
import { INTERVENTIONS, OUT_OF_SCOPE, PERFORMANCE_MEASURES, ROLES, WORKSTREAMS } from './lexicon.ts';
import { mulberry32, type Rng } from './prng.ts';

/** The kinds of question in the mix (latency is also reported per kind). */
export type QuestionKind = 'org' | 'intervention-type' | 'person' | 'definition' | 'figure' | 'when' | 'register' | 'passage' | 'typo' | 'out-of-scope';

/** One benchmark question and its kind. */
export interface BenchQuestion {
  kind: QuestionKind;
  text: string;
}

const short = (name: string) => name.replace(/^NHS /, '');

type Maker = (rng: Rng, c: CorpusSummary) => string;

const MAKERS: Record<Exclude<QuestionKind, 'typo'>, { weight: number; make: Maker[] }> = {
  org: {
    weight: 15,
    make: [
      (r, c) => `Tell me about ${short(r.pick(c.ccgs).name)}`,
      (r, c) => `What is happening at ${r.pick(c.ccgs).code}?`,
      (r, c) => `Is ${short(r.pick(c.ccgs).name)} under legal directions?`,
      (r, c) => short(r.pick(c.ccgs).name).toLowerCase(),
      () => 'Tell me about Thurrock CCG',
      () => 'mid essex ccg',
      () => 'What is happening to Walsall CCG?',
    ],
  },
  'intervention-type': {
    weight: 10,
    make: [
      () => 'Which CCGs are under legal directions?',
      () => 'Which CCGs are in financial special measures?',
      () => 'Which CCGs planned to merge?',
      () => 'Which CCGs had to form a joint committee?',
      (r) => `Which CCGs are subject to ${r.pick(INTERVENTIONS).phrase}?`,
      () => 'What was Southend CCG ordered to do under its legal directions?',
    ],
  },
  person: {
    weight: 10,
    make: [
      () => 'Who leads primary care in the Essex success regime?',
      () => 'Who is Clare Panniker?',
      () => 'Who leads the clinical services workstream?',
      (r, c) => `Who is ${r.pick(c.people).name}?`,
      (r, c) => `Who is the ${r.pick(ROLES)} of ${short(r.pick(c.ccgs).name)}?`,
      (r) => `Who leads the ${r.pick(WORKSTREAMS)} workstream?`,
    ],
  },
  definition: {
    weight: 10,
    make: [
      () => 'What is an STP?',
      () => 'What does QIPP mean?',
      () => 'What is a joint committee?',
      () => 'Define financial special measures',
      () => 'What is the success regime?',
      () => 'What is the Joint Oversight Group?',
    ],
  },
  figure: {
    weight: 10,
    make: [
      () => 'How many CCGs had legal directions in 2016-17?',
      () => 'How many CCGs are in the financial special measures regime?',
      () => 'How many hospitals are there in Essex?',
      (r, c) => `What is the deficit of ${short(r.pick(c.ccgs).name)}?`,
      (r, c) => `How much QIPP does ${short(r.pick(c.ccgs).name)} have to find?`,
    ],
  },
  when: {
    weight: 10,
    make: [
      () => 'When were the Essex directions imposed?',
      () => 'When will the public consultation on the Essex hospital plans happen?',
      (r, c) => `When did ${short(r.pick(c.ccgs).name)} merge?`,
      (r, c) => `When was ${r.pick(c.people).name} appointed?`,
    ],
  },
  // Questions over the whole register: counts, lists and changes by place and time, chains, codes.
  register: {
    weight: 10,
    make: [
      (r) => `How many CCGs were there in April ${r.int(2013, 2022)}?`,
      (r) => `Which CCGs merged in April ${r.pick([2015, 2017, 2018, 2019, 2020, 2021])}?`,
      (r) =>
        `Which CCGs were in the ${r.pick(['North West', 'Midlands', 'South East', 'South West', 'East of England', 'North East and Yorkshire'])} in ${r.int(2016, 2021)}?`,
      (r, c) => `What replaced ${short(r.pick(c.ccgs).name)}?`,
      (r, c) => `Was ${short(r.pick(c.ccgs).name)} still open in ${r.int(2014, 2022)}?`,
      (r, c) => `What is the ODS code for ${r.pick(c.trusts).name}?`,
      () => 'Which London CCGs merged in April 2020?',
      () => 'How many trusts are in London?',
      () => 'Which organisation is E54000027?',
    ],
  },
  passage: {
    weight: 20,
    make: [
      (r, c) => `What did ${short(r.pick(c.ccgs).name)} say about ${r.pick(WORKSTREAMS)}?`,
      (r, c) => `What is the ${r.pick(PERFORMANCE_MEASURES)} performance at ${r.pick(c.trusts).name}?`,
      (r, c) => `Was the ${r.pick(WORKSTREAMS)} business case approved by ${short(r.pick(c.ccgs).name)}?`,
      (r, c) => `How did the CQC rate ${r.pick(c.trusts).name}?`,
      (r) => `What savings will the ${r.pick(WORKSTREAMS)} programme deliver?`,
      (r) => `Why was the risk rating for ${r.pick(WORKSTREAMS)} raised?`,
      () => 'What does the Long Term Plan say about the number of CCGs per ICS?',
      () => 'Which trusts did Simon Stevens give as examples of systems forming around a strong provider?',
      // Words of the Zipf vocabulary, from common to rare, as a reader searching the papers would use them.
      (r, c) => `What did ${short(r.pick(c.ccgs).name)} say about ${vocabularyWord(r, c)} and ${vocabularyWord(r, c)}?`,
      (r, c) => `Which papers mention ${vocabularyWord(r, c)}?`,
    ],
  },
  'out-of-scope': { weight: 8, make: OUT_OF_SCOPE.map((q) => () => q) },
};

const TYPO_WEIGHT = 7;

/** A word of the corpus's vocabulary, its rank spread evenly on a log scale from the 20th to the 20,000th. */
function vocabularyWord(r: Rng, c: CorpusSummary): string {
  const rank = Math.floor(20 * 1000 ** r.next());
  return c.vocabulary[Math.min(rank, c.vocabulary.length - 1)];
}

/** `count` questions, the same for the same seed and corpus. */
export function makeQuestions(corpus: CorpusSummary, count: number, seed: number): BenchQuestion[] {
  const rng = mulberry32(seed);
  const kinds = Object.entries(MAKERS) as [Exclude<QuestionKind, 'typo'>, { weight: number; make: Maker[] }][];
  const total = kinds.reduce((n, [, m]) => n + m.weight, 0) + TYPO_WEIGHT;
  const out: BenchQuestion[] = [];
  while (out.length < count) {
    let roll = rng.next() * total - TYPO_WEIGHT;
    if (roll < 0) {
      const [, maker] = rng.pick(kinds.filter(([k]) => k !== 'out-of-scope'));
      out.push({ kind: 'typo', text: misspell(rng, rng.pick(maker.make)(rng, corpus)) });
      continue;
    }
    const [kind, maker] = kinds.find(([, m]) => (roll -= m.weight) < 0) ?? kinds[0];
    out.push({ kind, text: rng.pick(maker.make)(rng, corpus) });
  }
  return out;
}

/** Swaps two neighbouring letters, or drops one, in one longer word. */
function misspell(rng: Rng, text: string): string {
  const words = text.split(' ');
  const long = words.map((w, i) => [w, i] as const).filter(([w]) => /^[a-z]{6,}$/i.test(w));
  if (long.length === 0) return text;
  const [word, i] = rng.pick(long);
  const at = rng.int(1, word.length - 3);
  words[i] = rng.chance(0.5) ? word.slice(0, at) + word[at + 1] + word[at] + word.slice(at + 2) : word.slice(0, at) + word.slice(at + 1);
  return words.join(' ');
}
