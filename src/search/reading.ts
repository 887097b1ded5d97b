/**
 * The English side of reading a question: each word's lemma and part of speech (wink-nlp with its light
 * English model), and whether a word is ordinary English at all. Ordinary words say how a question is asked;
 * only its nouns and names say what it is about.
 */
import { readFileSync } from 'node:fs';
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

let english: ((word: string) => boolean) | undefined;
/** True for a word of ordinary English (a list of about 275,000 words, loaded on first use). */
export function isEnglish(word: string): boolean {
  english ??= englishWords();
  return english(word);
}

/**
 * The English word list as a lookup. The list is a JSON array of plain sorted words: its bytes are searched
 * where they lie (by the offsets of its quotes), rather than parsed into 275,000 strings and a Set of them,
 * which took a few hundred milliseconds of the first question to need it and 20 MB. A list in any other
 * shape (escapes, letters beyond ASCII, out of order) is parsed into a Set as before.
 */
function englishWords(): (word: string) => boolean {
  const file = createRequire(import.meta.url).resolve('an-array-of-english-words');
  const bytes = readFileSync(file);
  // One pass: every quote's offset, and whether anything but plain ASCII without escapes stands in the list.
  let plain = true;
  let quoted = 0;
  // Quotes of a list of words ("a","aa",…) are at most one byte in two.
  const quotes = new Uint32Array((bytes.length >>> 1) + 2);
  for (let at = 0; at < bytes.length && plain; at++) {
    const b = bytes[at];
    if (b === 0x22) {
      if (quoted === quotes.length) plain = false;
      else quotes[quoted++] = at;
    } else if (b === 0x5c || b >= 0x80) plain = false;
  }
  const count = plain && quoted % 2 === 0 ? quoted / 2 : 0;
  const starts = new Uint32Array(count);
  const ends = new Uint32Array(count);
  for (let i = 0; i < count; i++) {
    starts[i] = quotes[2 * i] + 1;
    ends[i] = quotes[2 * i + 1];
  }
  /** Word i against `word`, as strings compare: negative when it sorts first. */
  const compare = (i: number, word: string) => {
    const n = Math.min(ends[i] - starts[i], word.length);
    for (let j = 0; j < n; j++) {
      const d = bytes[starts[i] + j] - word.charCodeAt(j);
      if (d) return d;
    }
    return ends[i] - starts[i] - word.length;
  };
  // Strictly ascending, each word against the one before, byte by byte.
  let sorted = count > 0;
  for (let i = 1; sorted && i < count; i++) {
    const n = Math.min(ends[i] - starts[i], ends[i - 1] - starts[i - 1]);
    let d = 0;
    for (let j = 0; j < n && !d; j++) d = bytes[starts[i] + j] - bytes[starts[i - 1] + j];
    sorted = (d || ends[i] - starts[i] - (ends[i - 1] - starts[i - 1])) > 0;
  }
  if (!sorted) {
    const set = new Set(JSON.parse(bytes.toString('utf8')) as string[]);
    return (word) => set.has(word);
  }
  return (word) => {
    let lo = 0;
    let hi = count;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (compare(mid, word) < 0) lo = mid + 1;
      else hi = mid;
    }
    return lo < count && compare(lo, word) === 0;
  };
}

/** Parts of speech that can name what a question is about. */
export const TOPIC_POS = new Set<PartOfSpeech>(['NOUN', 'PROPN', 'NUM', 'X']);
