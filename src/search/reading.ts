/**
 * The English side of reading a question: each word's lemma and part of speech (wink-nlp with its light
 * English model), and whether a word is ordinary English at all. Ordinary words say how a question is asked;
 * only its nouns and names say what it is about.
 */
import { createRequire } from 'node:module';
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';

/** Universal parts of speech, as the model tags them. */
export type PartOfSpeech =
  | 'NOUN'
  | 'PROPN'
  | 'VERB'
  | 'AUX'
  | 'ADJ'
  | 'ADV'
  | 'ADP'
  | 'DET'
  | 'PRON'
  | 'NUM'
  | 'CCONJ'
  | 'SCONJ'
  | 'PART'
  | 'INTJ'
  | 'PUNCT'
  | 'SYM'
  | 'X'
  | 'SPACE';

export interface Token {
  word: string;
  lemma: string;
  pos: PartOfSpeech;
}

type Nlp = ReturnType<typeof winkNLP>;
let nlp: Nlp | undefined;
// The model takes ~100 ms to load: only the first question pays it, never a start-up that answers nothing.
const reader = (): Nlp => (nlp ??= winkNLP(model, ['pos']));

/** Plurals of acronyms the model keeps whole ("ccgs"), and forms it lemmatises oddly. */
const LEMMA_FIXES: Record<string, string> = {
  ccgs: 'ccg',
  icbs: 'icb',
  stps: 'stp',
  cscs: 'csu',
  icss: 'ics',
  trusts: 'trust',
  data: 'data',
  analyses: 'analysis',
  footprints: 'footprint',
};
/** Question-initial imperatives the model reads as nouns ("list the CCGs…"). */
const IMPERATIVES = new Set(['list', 'show', 'name', 'give', 'tell', 'find', 'explain', 'describe', 'summarise', 'summarize', 'count']);

/**
 * Lemmas and parts of speech for words already normalised by `words()` (lower case, no punctuation). The words
 * are read as one sentence so the tags see their context; a word the model splits (a financial year "2016_17",
 * a code "07g") keeps itself as its lemma.
 */
export function readTokens(words: string[]): Token[] {
  if (words.length === 0) return [];
  const its = reader().its;
  const doc = reader().readDoc(words.map((w) => (/^[a-z]+$/.test(w) ? w : 'x')).join(' '));
  const values = doc.tokens().out(its.value) as string[];
  const lemmas = doc.tokens().out(its.lemma as never) as unknown as string[];
  const tags = doc.tokens().out(its.pos) as PartOfSpeech[];
  const aligned = values.length === words.length;
  return words.map((word, i) => {
    if (!/^[a-z]+$/.test(word)) return { word, lemma: word, pos: /^\d+$/.test(word) ? 'NUM' : 'PROPN' };
    const pos: PartOfSpeech = aligned ? tags[i] : 'X';
    const lemma = LEMMA_FIXES[word] ?? (aligned ? lemmas[i] || word : word);
    return { word, lemma, pos: i === 0 && IMPERATIVES.has(word) ? 'VERB' : pos };
  });
}

let english: Set<string> | undefined;
/** True for a word of ordinary English (a list of about 275,000 words, loaded on first use). */
export function isEnglish(word: string): boolean {
  english ??= new Set(createRequire(import.meta.url)('an-array-of-english-words') as string[]);
  return english.has(word);
}

/** Parts of speech that can name what a question is about. */
export const TOPIC_POS = new Set<PartOfSpeech>(['NOUN', 'PROPN', 'NUM', 'X']);
