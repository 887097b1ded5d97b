/**
 * Full-text search over document passages, for cited passages when no structured fact fits: MiniSearch
 * for knowledge of up to BINARY_INDEX_FROM passages, a binary index (binaryIndex.ts, same terms and
 * scores) beyond, where MiniSearch's Maps cost seconds to rebuild and gigabytes to hold.
 */
import MiniSearch from 'minisearch';
import type { Passage, PassageKind } from '../knowledge/documents.ts';
import type { Passages } from '../knowledge/passages.ts';
import { BinaryIndex, buildBinaryIndex, PostingList } from './binaryIndex.ts';
import { prunedSearch, type SearchIndex } from './prunedSearch.ts';
import { STOP_WORDS, contentTerms, normalise, stem } from './text.ts';

export interface PassageHit {
  passage: Passage;
  score: number;
  /** Question terms found in the passage. */
  terms: string[];
}

/** How MiniSearch turns text into terms: normalised, stop words dropped, stemmed. */
export function processTerm(term: string): string | null {
  const t = normalise(term);
  if (!t || STOP_WORDS.has(t)) return null;
  return stem(t);
}

export const PASSAGE_INDEX_OPTIONS = {
  fields: ['text', 'context'],
  storeFields: [] as string[],
  tokenize: (text: string) => normalise(text).split(' '),
  processTerm,
};

/** Whether the passage index holds passages of a kind (headings are only context for the passages under them). */
export const isIndexedKind = (kind: PassageKind): boolean => kind !== 'heading';

/** Whether the passage index holds a passage. */
export const isIndexed = (p: Passage): boolean => isIndexedKind(p.kind);

/** Passages, however they are held: an array, or the knowledge's column store (passages.ts). */
export interface PassageList extends Iterable<Passage> {
  readonly length: number;
  at(i: number): Passage | undefined;
}

/** The passage index: MiniSearch, or a binary index for large knowledge. */
export type PassageIndex = SearchIndex;

/** Knowledge with more searchable passages than this is indexed in a binary index. */
export const BINARY_INDEX_FROM = 1000;

/** What a passage is read with: its heading, a table row's label or column names, a list item's introducing line. */
export function passageContext(p: Passage): string {
  return [p.section, p.label, p.intro, ...(p.columns ?? [])].filter(Boolean).join(' ');
}

/** What a passage is indexed under: its text, and its context. */
export const fieldsOf = (p: Passage) => [p.text, passageContext(p)];

/** Builds the MiniSearch passage index; ids are positions in the passages list. */
export function buildPassageIndex(passages: PassageList): MiniSearch {
  const index = new MiniSearch(PASSAGE_INDEX_OPTIONS);
  const docs: { id: number; text: string; context: string }[] = [];
  // Ids are positions: looking each passage up with indexOf was quadratic (minutes at 100k passages).
  let id = 0;
  for (const p of passages) {
    if (isIndexed(p)) {
      const [text, context] = fieldsOf(p);
      docs.push({ id, text, context });
    }
    id++;
  }
  index.addAll(docs);
  return index;
}

/** Builds the binary passage index, holding the same terms as `buildPassageIndex`; ids are positions. */
export function buildBinaryPassageIndex(passages: PassageList): BinaryIndex {
  function* documents() {
    let id = 0;
    for (const p of passages) {
      if (isIndexed(p)) yield { id, fields: fieldsOf(p) };
      id++;
    }
  }
  return buildBinaryIndex(documents(), passages.length, PASSAGE_INDEX_OPTIONS);
}

/** The passage index fit for the size of the knowledge. */
export function buildSearchIndex(passages: PassageList): PassageIndex {
  let searchable = 0;
  for (const p of passages) if (isIndexed(p)) searchable++;
  return searchable > BINARY_INDEX_FROM ? buildBinaryPassageIndex(passages) : buildPassageIndex(passages);
}

/**
 * Which of `terms` (processed as the index processes text) the text of each passage from `from` up to `to`
 * holds, in the order of `terms`: what `contentTerms` of each text gives. A binary index answers from its
 * postings for the passages it holds (their text is its first field, read by the same tokenizer and terms);
 * the others, and any passage over MiniSearch, are read from their text.
 */
export function termsInTexts(index: PassageIndex, passages: Passages, from: number, to: number, terms: string[]): string[][] {
  const out: string[][] = Array.from({ length: Math.max(0, to - from) }, () => []);
  const answered = (i: number) => index instanceof BinaryIndex && isIndexedKind(passages.kindOf(i));
  if (index instanceof BinaryIndex) {
    const field = index.fieldIds.text;
    for (const term of terms) {
      const list = index.get(term)?.get(field);
      if (!(list instanceof PostingList)) continue;
      for (let j = lowerBound(list.docs, from); j < list.docs.length && list.docs[j] < to; j++) if (answered(list.docs[j])) out[list.docs[j] - from].push(term);
    }
  }
  for (let i = from; i < to; i++) {
    if (answered(i)) continue;
    const has = new Set(contentTerms(passages.textAt(i)));
    out[i - from] = terms.filter((t) => has.has(t));
  }
  return out;
}

/** The first position in the ascending `docs` not below `doc`. */
function lowerBound(docs: Uint32Array, doc: number): number {
  let lo = 0;
  let hi = docs.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (docs[mid] < doc) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Rebuilds a passage index from MiniSearch's JSON (a cached snapshot). */
export function loadPassageIndex(json: string): MiniSearch {
  return MiniSearch.loadJSON(json, PASSAGE_INDEX_OPTIONS);
}

/** How passages are ranked: text counts twice a heading or table label; long words allow typos and endings. */
export const PASSAGE_SEARCH_OPTIONS = {
  boost: { text: 2, context: 1 },
  fuzzy: (term: string) => (term.length > 5 ? 0.2 : false),
  prefix: (term: string) => term.length > 5,
  weights: { fuzzy: 0.4, prefix: 0.5 },
};

/**
 * Postings one search may score before it narrows to the question's rarest terms (see prunedSearch.ts):
 * a few milliseconds of MiniSearch's time. Knowledge the size of the seeds never reaches it.
 */
export const POSTING_BUDGET = 1000;

/**
 * Searches passages with the question's topic terms, already processed as the index processes text
 * (`contentTerms`: normalised, stemmed): they are searched as they are, never stemmed twice.
 * `limit` caps the hits returned.
 */
export function searchPassages(index: PassageIndex, passages: PassageList, terms: string[], limit = 5, filter?: (p: Passage) => boolean): PassageHit[] {
  if (terms.length === 0) return [];
  const keep = filter ? (id: unknown) => filter(passages.at(id as number)!) : undefined;
  // Large corpora: score only the candidates the rarest terms pick. Otherwise (null) MiniSearch scores every match.
  const hits =
    prunedSearch(index, terms, { ...PASSAGE_SEARCH_OPTIONS, filter: keep }, limit, POSTING_BUDGET) ??
    (index instanceof MiniSearch
      ? index.search(terms.join(' '), { ...PASSAGE_SEARCH_OPTIONS, processTerm: (t) => t, filter: keep && ((r) => keep(r.id)) }).slice(0, limit)
      : []);
  return hits.map((h) => ({ passage: passages.at(h.id as number)!, score: h.score, terms: h.queryTerms }));
}
