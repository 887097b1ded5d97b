/** Helpers the intents share: reading entities off a parsed question, and small phrasing helpers. */
import type { Knowledge, Person, Programme, GlossaryEntry } from '../src/knowledge/knowledge.ts';
import type { Organisation } from '../src/knowledge/register.ts';
import type { IntentContext } from '../src/engine/intent.ts';
import type { ParsedQuestion } from '../src/search/question.ts';
import { STOP_WORDS, contentTerms, stem } from '../src/search/text.ts';

export const orgsIn = (q: ParsedQuestion): Organisation[] => q.orgs.map((m) => m.org);
export const peopleIn = (q: ParsedQuestion): Person[] => q.names.flatMap((n) => n.items.flatMap((i) => (i.kind === 'person' ? [i.person] : [])));
export const programmesIn = (q: ParsedQuestion): Programme[] => q.names.flatMap((n) => n.items.flatMap((i) => (i.kind === 'programme' ? [i.programme] : [])));
export const termsIn = (q: ParsedQuestion): GlossaryEntry[] => q.names.flatMap((n) => n.items.flatMap((i) => (i.kind === 'term' ? [i.entry] : [])));

const stemmedWords = new WeakMap<readonly string[], string[]>();
const askedStems = new Map<string, Set<string>>();

/** True when the question uses any of these words (compared stemmed). Every intent asks this: the stems are made once. */
export function asks(q: ParsedQuestion, ...words: string[]): boolean {
  const key = words.join('\u0000');
  let wanted = askedStems.get(key);
  // The intents ask after a fixed few sets of words.
  if (!wanted) askedStems.set(key, (wanted = new Set(words.map(stem))));
  let stems = stemmedWords.get(q.words);
  if (!stems) stemmedWords.set(q.words, (stems = q.words.map(stem)));
  const w = wanted;
  return q.words.some((word, i) => w.has(stems[i]) || w.has(word));
}

/** The words the lexicon read a phrasing as ("conclude" for "wrap up", "require" for "told to do"), stop words aside. */
export const lexicalWords = (q: ParsedQuestion): string[] => q.words.filter((w, i) => q.lexical[i] && !STOP_WORDS.has(w));

/** The most specific programme mentioned: one whose parent is also mentioned wins over the parent. */
export function mostSpecific(programmes: Programme[]): Programme | undefined {
  return programmes.find((p) => !programmes.some((other) => other.parent === p.id)) ?? programmes[0];
}

/** A list item's text without its marker ("- NHS Dudley CCG" → "NHS Dudley CCG"). */
export const itemText = (text: string): string => text.replace(/^[-•*]\s*/, '').trim();

/** Organisation name as people say it. */
export const nameOf = (k: Knowledge, code: string): string => k.organisations.get(code)?.name ?? code;

/** Children of a programme (workstreams, objectives…), optionally of one kind. */
export const childrenOf = (k: Knowledge, id: string, kind?: string): Programme[] => k.programmes.filter((p) => p.parent === id && (!kind || p.kind === kind));

const NUMBER_WORDS = [
  'zero',
  'one',
  'two',
  'three',
  'four',
  'five',
  'six',
  'seven',
  'eight',
  'nine',
  'ten',
  'eleven',
  'twelve',
  'thirteen',
  'fourteen',
  'fifteen',
  'sixteen',
  'seventeen',
  'eighteen',
  'nineteen',
  'twenty',
];
/** "4" → "four", for the numbers written out in words; undefined beyond twenty. */
export const numberWord = (digits: string): string | undefined => (/^\d{1,2}$/.test(digits) ? NUMBER_WORDS[Number(digits)] : undefined);

/** 9 → "nine (9)"; larger numbers as digits. */
export const countWords = (n: number): string =>
  Number.isInteger(n) && n >= 0 && n < NUMBER_WORDS.length ? `${NUMBER_WORDS[n]} (${n})` : n.toLocaleString('en-GB');

/** "A, B and C". */
export const listing = (items: string[]): string => (items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`);

export type { IntentContext };

/**
 * What "how many …" (or "what proportion of …") counts: the terms of the last noun of the nouns and adjectives right after "many" or "much"
 * ("how many london ccgs were dissolved": ccg; "how many practices voted": practic). Empty when it counts nothing.
 */
export function countedTerms(q: ParsedQuestion): string[] {
  // "What proportion of practices …" counts practices as "how many" does.
  const of = q.words.findIndex((w, i) => ['proportion', 'percentage', 'share', 'fraction', 'number'].includes(w) && q.words[i + 1] === 'of');
  const at = of >= 0 ? of + 1 : q.words.findIndex((w) => w === 'many' || w === 'much');
  if (at < 0) return [];
  let head = -1;
  for (let i = at + 1; i < q.words.length && !STOP_WORDS.has(q.words[i]); i++) {
    const pos = q.tokens[i]?.pos;
    if (pos === 'NOUN' || pos === 'PROPN') head = i;
    else if (pos !== 'ADJ' && pos !== 'NUM') break;
  }
  return head < 0 ? [] : contentTerms(q.words[head]);
}
