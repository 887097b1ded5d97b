/** Full-text search over document passages (MiniSearch), for cited passages when no structured fact fits. */
import MiniSearch from 'minisearch';
import type { Passage } from '../knowledge/documents.ts';
import { STOP_WORDS, normalise, stem } from './text.ts';

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

/** Whether the passage index holds a passage (headings are only context for the passages under them). */
export const isIndexed = (p: Passage): boolean => p.kind !== 'heading';

/** Document titles by id: each passage is indexed with its document's title as context. */
export const titlesOf = (k: { documents: Map<string, { title: string }> }): Map<string, string> => new Map([...k.documents].map(([id, d]) => [id, d.title]));

/** Builds the passage index; ids are positions in the passages array. */
export function buildPassageIndex(passages: Passage[], titles: Map<string, string> = new Map()): MiniSearch {
  const index = new MiniSearch(PASSAGE_INDEX_OPTIONS);
  // Ids come from the map's position argument: looking each passage up with indexOf was quadratic (minutes at 100k passages).
  index.addAll(passages.flatMap((p, id) => (isIndexed(p) ? [{ id, text: p.text, context: [p.section, p.label, titles.get(p.document)].filter(Boolean).join(' ') }] : [])));
  return index;
}

/** Rebuilds a passage index from MiniSearch's JSON (a cached snapshot). */
export function loadPassageIndex(json: string): MiniSearch {
  return MiniSearch.loadJSON(json, PASSAGE_INDEX_OPTIONS);
}

/** Searches passages with the question's topic terms; `limit` caps the hits returned. */
export function searchPassages(index: MiniSearch, passages: Passage[], terms: string[], limit = 5, filter?: (p: Passage) => boolean): PassageHit[] {
  if (terms.length === 0) return [];
  const hits = index.search(terms.join(' '), {
    boost: { text: 2, context: 1 },
    fuzzy: (term) => (term.length > 5 ? 0.2 : false),
    prefix: (term) => term.length > 5,
    weights: { fuzzy: 0.4, prefix: 0.5 },
    filter: filter ? (r) => filter(passages[r.id as number]) : undefined,
  });
  return hits.slice(0, limit).map((h) => ({ passage: passages[h.id as number], score: h.score, terms: h.queryTerms }));
}
