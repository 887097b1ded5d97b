/**
 * Reading a question: typo correction against the knowledge's vocabulary, then entity linking
 * (organisations, people, programmes, glossary terms, intervention types, dates).
 */
import type { Indexes, Named } from './indexes.ts';
import type { OrgMention } from './organisations.ts';
import type { PhraseMatch } from './phrases.ts';
import { PhraseIndex } from './phrases.ts';
import { STOP_WORDS, stem, words as toWords } from './text.ts';
import { findDates, type DateMention } from './dates.ts';
import { readAreas, readOrgTypes, type AreaMention } from './areas.ts';
import type { SetKind } from '../knowledge/registerQueries.ts';

export interface ParsedQuestion {
  raw: string;
  /** Normalised words, typos corrected. */
  words: string[];
  /** Topic terms (stop words dropped, stemmed) of the corrected words. */
  terms: string[];
  /** The topic terms no entity mention covers: what the question says beyond the names in it. */
  free: string[];
  orgs: OrgMention[];
  names: PhraseMatch<Named>[];
  interventionTypes: string[];
  dates: DateMention[];
  /** Words neither the knowledge nor the intents know, even allowing for a typo. */
  unknown: string[];
  /** For each word, whether an entity mention covers it. */
  linked: boolean[];
  /** The question asks what a source or a person said ("what did the letter say?"): a passage answers it, not a fact. */
  quoting: boolean;
  /** Kinds of body asked for as a set ("how many CCGs…", "which trusts…"); see areas.ts. */
  orgTypes: SetKind[];
  /** Areas a set is narrowed to: STPs/ICBs, regions, register place names ("the Surrey CCGs"). */
  areas: AreaMention[];
}

const QUOTING_WORDS = new Set(['say', 'said', 'says', 'write', 'wrote', 'writes', 'written', 'argue', 'argued', 'argues', 'claim', 'claimed', 'claims', 'quote', 'quoted']);

/** Phrases that name a kind of intervention. */
const TYPE_PHRASES: [string, string][] = [
  ['legal directions', 'legal-directions'], ['legal direction', 'legal-directions'], ['directions', 'legal-directions'], ['directed', 'legal-directions'], ['direction', 'legal-directions'],
  ['financial special measures', 'financial-special-measures'], ['special measures', 'financial-special-measures'], ['fsm', 'financial-special-measures'],
  ['single commissioning leadership structure', 'single-commissioning-leadership'], ['single commissioning leadership', 'single-commissioning-leadership'], ['single commissioning structures', 'single-commissioning-leadership'],
  ['joint committee', 'joint-committee'], ['joint commissioning plan', 'joint-commissioning-plan'],
  ['recovery plan', 'required-plan'], ['financial recovery plan', 'required-plan'],
  ['accountable officer', 'accountable-officer-change'],
  ['merger', 'planned-merger'], ['mergers', 'planned-merger'], ['merge', 'planned-merger'], ['merging', 'planned-merger'], ['merged', 'planned-merger'], ['single ccg', 'planned-merger'],
  ['joint leadership', 'joint-leadership'], ['joint management', 'joint-leadership'],
  ['governance review', 'governance-review'], ['organisational review', 'organisational-review'],
];
const typePhrases = new PhraseIndex<string>();
for (const [phrase, type] of TYPE_PHRASES) typePhrases.add(phrase, type);

/** Parses a question against the indexes; `extraWords` are words the intents themselves know. */
export function parseQuestion(raw: string, ix: Indexes, extraWords: Set<string>): ParsedQuestion {
  // "@channel", "@ann": addressing people in Slack says nothing about the question.
  const original = toWords(raw.replace(/(^|\s)@[\w.-]+/g, ' '));
  const unknown: string[] = [];
  const words = original.map((w) => {
    if (STOP_WORDS.has(w) || extraWords.has(w) || ix.vocabulary.has(w) || /^\d/.test(w)) return w;
    const fixed = ix.vocabulary.correct(w) ?? (extraWords.has(stem(w)) ? w : null);
    if (fixed === null) {
      unknown.push(w);
      return w;
    }
    return fixed;
  });
  const orgs = ix.organisations.mentions(words, raw);
  const linked = words.map((_, i) => orgs.some((m) => m.from <= i && i < m.to));
  const names = ix.names.find(words, linked);
  for (const n of names) for (let i = n.from; i < n.to; i++) linked[i] = true;
  const dates = findDates(words);
  for (const d of dates) for (let i = d.from; i < d.to; i++) linked[i] = true;
  const interventionTypes = [...new Set(typePhrases.find(words).flatMap((m) => m.items))];
  const terms = words.filter((w) => !STOP_WORDS.has(w)).map(stem);
  const free = words.flatMap((w, i) => (linked[i] || STOP_WORDS.has(w) ? [] : [stem(w)]));
  // "Who writes the newsletter?" asks for a person, not for the words.
  const quoting = words.some((w) => QUOTING_WORDS.has(w)) && !words.includes('who');
  const orgTypes = readOrgTypes(words, orgs);
  const areas = readAreas(words, orgs, ix.organisations);
  return { raw, words, terms, free, orgs, names, interventionTypes, dates, unknown, linked, quoting, orgTypes, areas };
}
