/**
 * Bounded full-text search over a MiniSearch index or a binary index (binaryIndex.ts). MiniSearch scores every document that matches any
 * query term, so a question holding common words ("care", "CCG", "plan") costs time in proportion to the
 * corpus: ~170 ms a term at 100k passages. Here only candidates are scored: every document of the rarest
 * query terms (an organisation's name, a workstream) as far as their postings fit a budget, plus documents
 * holding the most of the remaining common terms together (an AND, checked by lookups, so common terms'
 * postings are never walked). Every query term then scores the candidates exactly as MiniSearch would
 * (BM25, field boosts, prefix weights, and its bonus for matching more terms); fuzzy matching, being for
 * typos, is kept to terms the index does not hold.
 * A query (or corpus) that fits the budget is not pruned: over MiniSearch the caller runs MiniSearch itself
 * (null), so knowledge the size of the seeds gets exactly MiniSearch's results; over a binary index every
 * matching document is scored here, as MiniSearch would score it.
 *
 * It reads MiniSearch 7's index structures (protected fields); `readInternals` checks their shape and,
 * should a MiniSearch upgrade change them, returns null so callers fall back to a plain search. The
 * version is pinned in package.json, and test/search/prunedSearch.test.ts fails when either changes.
 */
import type MiniSearch from 'minisearch';
import type { SearchOptions } from 'minisearch';
import { BinaryIndex, PostingList, type Postings, type TermData } from './binaryIndex.ts';
import type { Counts } from './packed.ts';

/** Postings of one term: field id → (short document id → term frequency). */
type FieldTermData = TermData;

interface TermTree {
  get(term: string): FieldTermData | undefined;
  atPrefix(prefix: string): Iterable<[string, FieldTermData]>;
  fuzzyGet(term: string, maxDistance: number): Map<string, [FieldTermData, number]>;
}

/** MiniSearch's search defaults merged with the index's own (its constructor does the merge). */
interface DefaultSearchOptions {
  maxFuzzy: number;
  weights: { fuzzy: number; prefix: number };
  bm25: { k: number; b: number; d: number };
}

/** MiniSearch's own defaults (a binary index is searched with them, as its MiniSearch twin would be). */
export const MINISEARCH_DEFAULTS: DefaultSearchOptions = { maxFuzzy: 6, weights: { fuzzy: 0.45, prefix: 0.375 }, bm25: { k: 1.2, b: 0.7, d: 0.5 } };

interface Internals {
  _options: { searchOptions: DefaultSearchOptions };
  _index: TermTree;
  _documentCount: number;
  _documentIds: Map<number, unknown>;
  _fieldIds: Record<string, number>;
  _fieldLength: Map<number, number[]>;
  _avgFieldLength: number[];
}

/** What bounded search reads of an index, whichever kind it is. */
interface Source {
  terms: TermTree;
  documentCount: number;
  fieldIds: Record<string, number>;
  defaults: DefaultSearchOptions;
  avgFieldLength: ArrayLike<number>;
  fieldLength(doc: number, field: number): number;
  holds(doc: number): boolean;
  externalId(doc: number): unknown;
  /** True when no MiniSearch can take over: every search is answered here. */
  answersAll: boolean;
}

/** A search index the passage search runs over. */
export type SearchIndex = MiniSearch | BinaryIndex;

/** A hit in MiniSearch's own terms: the document id, its score and the (processed) query terms it matched. */
export interface PrunedHit {
  id: unknown;
  score: number;
  queryTerms: string[];
}

/** MiniSearch's search options that bounded search honours, and a filter on document ids. */
export type BoundedSearchOptions = Pick<SearchOptions, 'boost' | 'fuzzy' | 'prefix' | 'weights' | 'fields'> & {
  /** Keeps a hit only when true (given the document's own id); applied to the candidates before scoring. */
  filter?: (id: unknown) => boolean;
};

/** The MiniSearch release whose internals this module reads (package.json pins it exactly). */
export const MINISEARCH_VERSION = '7.2.0';

/** True when `index` exposes the internal structures bounded search reads (false: every search falls back to MiniSearch's). */
export function readsInternalsOf(index: MiniSearch): boolean {
  return readInternals(index) !== null;
}

/** The index's internal structures, or null when they are not MiniSearch 7's. */
function readInternals(index: MiniSearch): Internals | null {
  const i = index as unknown as Partial<Internals>;
  const tree = i._index as Partial<TermTree> | undefined;
  const ok =
    tree &&
    typeof tree.get === 'function' &&
    typeof tree.atPrefix === 'function' &&
    typeof tree.fuzzyGet === 'function' &&
    i._documentIds instanceof Map &&
    i._fieldLength instanceof Map &&
    Array.isArray(i._avgFieldLength) &&
    typeof i._documentCount === 'number' &&
    !!i._fieldIds &&
    typeof i._fieldIds === 'object' &&
    typeof i._options?.searchOptions?.bm25?.k === 'number' &&
    typeof i._options.searchOptions.maxFuzzy === 'number';
  return ok ? (i as Internals) : null;
}

/** The source of a MiniSearch index (null when its internals are unreadable) or of a binary index. */
function sourceOf(index: SearchIndex): Source | null {
  if (index instanceof BinaryIndex) {
    return {
      terms: index,
      documentCount: index.documentCount,
      fieldIds: index.fieldIds,
      defaults: MINISEARCH_DEFAULTS,
      avgFieldLength: index.avgFieldLength,
      fieldLength: (doc, field) => index.fieldLength(doc, field),
      holds: (doc) => index.holds(doc),
      externalId: (doc) => doc,
      answersAll: true,
    };
  }
  const ix = readInternals(index);
  if (!ix) return null;
  return {
    terms: ix._index,
    documentCount: ix._documentCount,
    fieldIds: ix._fieldIds,
    defaults: ix._options.searchOptions,
    avgFieldLength: ix._avgFieldLength,
    fieldLength: (doc, field) => ix._fieldLength.get(doc)![field],
    holds: (doc) => ix._documentIds.has(doc),
    externalId: (doc) => ix._documentIds.get(doc),
    answersAll: false,
  };
}

/** How many (document, field) postings a processed term has in the index; 0 when unknown. */
export function postingCount(index: SearchIndex, term: string): number {
  return postingsOf(sourceOf(index)?.terms.get(term));
}

/** One posting list a query term reaches (its own, a prefix or fuzzy expansion's) in one field, with its fixed score factor. */
interface Reach {
  docs: Postings;
  field: number;
  /** MiniSearch's expansion weight × field boost × BM25 idf: everything in a hit's score but the term frequency part. */
  factor: number;
  /** The query term's own postings (not a prefix or fuzzy expansion). */
  exact: boolean;
}

interface QueryTerm {
  term: string;
  reaches: Reach[];
  postings: number;
}

/**
 * Searches `index` for the processed terms `terms` within `budget` postings. Over MiniSearch, returns null
 * when the whole query (or the whole corpus) fits the budget, so MiniSearch's own search costs as little,
 * or when the index's internals are unreadable: the caller runs MiniSearch's search then. Over a binary
 * index it always answers, scoring every match exhaustively when the query fits the budget.
 */
export function prunedSearch(index: SearchIndex, terms: string[], options: BoundedSearchOptions, limit: number, budget: number): PrunedHit[] | null {
  const src = sourceOf(index);
  if (!src) return null;
  const unique = [...new Set(terms)];
  // A corpus no larger than the budget is always searched exhaustively: small knowledge gets MiniSearch's exact results.
  // Over a binary index (large knowledge only) fuzzy matching is always kept to unknown terms: expanding
  // a known term's fuzzy neighbours in a vocabulary of tens of thousands costs more than the search.
  // Over a binary index the expansion checked against the budget is the one searched (both keep fuzzy matching to unknown terms).
  let query: QueryTerm[] | undefined;
  const fits =
    src.documentCount <= budget ||
    (unique.reduce((n, t) => n + postingsOf(src.terms.get(t)), 0) <= budget && cost((query = expand(src, unique, options, src.answersAll))) <= budget);
  if (fits) return src.answersAll ? exhaustive(src, query ?? expand(src, unique, options, true), options, limit) : null;
  // Fuzzy matching is for typos: a term the index holds exactly is no typo, and its fuzzy neighbours
  // ("direction" → "director") only add noise and postings.
  if (!src.answersAll || !query) query = expand(src, unique, options, true);
  const ranked = new Ranking(limit);
  score(src, query, pickCandidates(query, budget), options.filter, ranked);
  // A filter may have rejected every candidate while other matches pass it: look at them all.
  if (options.filter && ranked.count < limit) return src.answersAll ? exhaustive(src, query, options, limit) : null;
  return hitsOf(src, query, ranked.best());
}

/** Every document any term of the expanded query reaches, scored: what MiniSearch's own OR search does (fuzzy matching only unknown terms). */
function exhaustive(src: Source, query: QueryTerm[], options: BoundedSearchOptions, limit: number): PrunedHit[] {
  const docs = new Set<number>();
  for (const q of query) for (const reach of q.reaches) for (const doc of reach.docs.keys()) docs.add(doc);
  const ranked = new Ranking(limit);
  score(src, query, [...docs], options.filter, ranked);
  return hitsOf(src, query, ranked.best());
}

/** BM25 scores of the candidates, as MiniSearch computes them. */
function score(src: Source, query: QueryTerm[], candidates: number[], filter: BoundedSearchOptions['filter'], scored: Ranking): void {
  // In ascending order, a binary index's postings are read by walking forward through them rather than searched afresh.
  if (src.answersAll) candidates.sort((a, b) => a - b);
  if (src.answersAll && query.every((q) => q.reaches.every((r) => r.docs instanceof PostingList))) {
    scoreRuns(src, query, candidates, filter, scored);
    return;
  }
  const { k, b, d } = src.defaults.bm25;
  for (const doc of candidates) {
    if (!src.holds(doc) || (filter && !filter(src.externalId(doc)))) continue;
    let total = 0;
    let matched = 0;
    for (const q of query) {
      let termScore = 0;
      for (const reach of q.reaches) {
        const tf = reach.docs.get(doc);
        // MiniSearch's calcBM25Score, weighted as in its termResults.
        if (tf)
          termScore += reach.factor * (d + (tf * (k + 1)) / (tf + k * (1 - b + (b * src.fieldLength(doc, reach.field)) / src.avgFieldLength[reach.field])));
      }
      if (termScore > 0) {
        total += termScore;
        matched++;
      }
    }
    // MiniSearch multiplies a document's score by the number of query terms it matches.
    if (matched) scored.add(doc, total * matched);
  }
}

/**
 * `score` over a binary index's sorted runs, the candidates ascending: each run is read with a cursor walking
 * forward, and the runs' arrays and factors are laid out flat. The arithmetic is `score`'s, step for step.
 */
function scoreRuns(src: Source, query: QueryTerm[], candidates: number[], filter: BoundedSearchOptions['filter'], scored: Ranking): void {
  const { k, b, d } = src.defaults.bm25;
  const runs: Uint32Array[] = [];
  const tfs: Counts[] = [];
  const factors: number[] = [];
  const fields: number[] = [];
  // The runs of term t are runs[termEnd[t - 1]] up to runs[termEnd[t]].
  const termEnd: number[] = [];
  for (const q of query) {
    for (const reach of q.reaches) {
      const list = reach.docs as PostingList;
      runs.push(list.docs);
      tfs.push(list.tfs);
      factors.push(reach.factor);
      fields.push(reach.field);
    }
    termEnd.push(runs.length);
  }
  const cursors = new Int32Array(runs.length);
  const avg = src.avgFieldLength;
  for (const doc of candidates) {
    if (!src.holds(doc) || (filter && !filter(src.externalId(doc)))) continue;
    let total = 0;
    let matched = 0;
    let r = 0;
    for (let t = 0; t < termEnd.length; t++) {
      let termScore = 0;
      for (const end = termEnd[t]; r < end; r++) {
        const docs = runs[r];
        const at = (cursors[r] = seek(docs, cursors[r], doc));
        if (at >= docs.length || docs[at] !== doc) continue;
        const tf = tfs[r][at];
        // MiniSearch's calcBM25Score, weighted as in its termResults.
        if (tf) termScore += factors[r] * (d + (tf * (k + 1)) / (tf + k * (1 - b + (b * src.fieldLength(doc, fields[r])) / avg[fields[r]])));
      }
      if (termScore > 0) {
        total += termScore;
        matched++;
      }
    }
    // MiniSearch multiplies a document's score by the number of query terms it matches.
    if (matched) scored.add(doc, total * matched);
  }
}

/**
 * The first position at or after `from` in the ascending `docs` whose id is not below `doc` (docs.length when
 * none is): a gallop forward from `from`, doubling the step, then a binary search of the last step.
 */
function seek(docs: Uint32Array, from: number, doc: number): number {
  const n = docs.length;
  if (from >= n || docs[from] >= doc) return from;
  let step = 1;
  while (from + step < n && docs[from + step] < doc) step *= 2;
  // docs[from + step / 2] (or docs[from], for a step of 1) is below doc; docs[from + step] is not, or lies past the end.
  let lo = from + (step >>> 1) + 1;
  let hi = Math.min(from + step, n);
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (docs[mid] < doc) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The `limit` best of the documents scored, kept as they are scored: highest score first, equal scores in the order
 * scored (what a stable sort of them all gives). A small limit keeps a short sorted list, so no document outside it
 * is held; a large one keeps them all and sorts them at the end.
 */
class Ranking {
  /** How many documents were scored. */
  count = 0;
  private readonly few: boolean;
  private readonly kept: { doc: number; score: number }[] = [];

  constructor(private readonly limit: number) {
    this.few = Number.isInteger(limit) && limit >= 1 && limit <= 32;
  }

  add(doc: number, score: number): void {
    this.count++;
    const top = this.kept;
    if (!this.few) {
      top.push({ doc, score });
      return;
    }
    if (top.length >= this.limit && !(score > top[top.length - 1].score)) return;
    // After every kept document scoring at least as much: ties stay in the order scored.
    let at = top.length;
    while (at > 0 && top[at - 1].score < score) at--;
    top.splice(at, 0, { doc, score });
    if (top.length > this.limit) top.pop();
  }

  best(): { doc: number; score: number }[] {
    return this.few ? this.kept : this.kept.sort((x, y) => y.score - x.score).slice(0, this.limit);
  }
}

/** The best documents as hits, with the query terms each matched. */
function hitsOf(src: Source, query: QueryTerm[], top: { doc: number; score: number }[]): PrunedHit[] {
  return top.map(({ doc, score }) => ({
    id: src.externalId(doc),
    score,
    queryTerms: query.filter((q) => q.reaches.some((r) => r.docs.has(doc))).map((q) => q.term),
  }));
}

const postingsOf = (data: FieldTermData | undefined) => {
  let n = 0;
  for (const docs of data?.values() ?? []) n += docs.size;
  return n;
};

const cost = (query: QueryTerm[]) => query.reduce((n, q) => n + q.postings, 0);

/** Each query term with the posting lists it reaches, expanded as MiniSearch's executeQuerySpec does. */
function expand(src: Source, terms: string[], options: BoundedSearchOptions, fuzzyOnlyUnknown: boolean): QueryTerm[] {
  const defaults = src.defaults;
  const weights = { ...defaults.weights, ...options.weights };
  const fields = (options.fields ?? Object.keys(src.fieldIds)).map((f) => ({ id: src.fieldIds[f], boost: (options.boost?.[f] ?? 0) || 1 }));
  return terms.map((term, i) => {
    const fuzzy = typeof options.fuzzy === 'function' ? options.fuzzy(term, i, terms) : options.fuzzy || false;
    const prefix = typeof options.prefix === 'function' ? options.prefix(term, i, terms) : options.prefix === true;
    const seen = new Set<string>();
    const reaches: Reach[] = [];
    let postings = 0;
    const add = (t: string, data: FieldTermData, weight: number, exact = false) => {
      seen.add(t);
      for (const field of fields) {
        const docs = data.get(field.id);
        if (!docs?.size) continue;
        const idf = Math.log(1 + (src.documentCount - docs.size + 0.5) / (docs.size + 0.5));
        reaches.push({ docs, field: field.id, factor: weight * field.boost * idf, exact });
        postings += docs.size;
      }
    };
    const exact = src.terms.get(term);
    if (exact) add(term, exact, 1, true);
    if (prefix) {
      for (const [t, data] of src.terms.atPrefix(term)) {
        if (t.length > term.length) add(t, data, (weights.prefix * t.length) / (t.length + 0.3 * (t.length - term.length)));
      }
    }
    if (fuzzy && !(fuzzyOnlyUnknown && exact)) {
      const f = fuzzy === true ? 0.2 : Number(fuzzy);
      const maxDistance = f < 1 ? Math.min(defaults.maxFuzzy, Math.round(term.length * f)) : f;
      if (maxDistance) {
        for (const [t, [data, distance]] of src.terms.fuzzyGet(term, maxDistance)) {
          if (distance && !seen.has(t)) add(t, data, (weights.fuzzy * t.length) / (t.length + distance));
        }
      }
    }
    return { term, reaches, postings };
  });
}

/**
 * Short ids of the documents worth scoring: every document of the rarest terms (as many as fit the budget
 * together), and documents holding the most of the remaining, common terms together (an AND of them).
 */
function pickCandidates(query: QueryTerm[], budget: number): number[] {
  const byRarity = query.filter((q) => q.postings > 0).sort((x, y) => x.postings - y.postings);
  const docs = new Set<number>();
  let spent = 0;
  let drivers = 0;
  for (const q of byRarity) {
    if ((spent += q.postings) > budget) break;
    drivers++;
    for (const reach of q.reaches) for (const doc of reach.docs.keys()) docs.add(doc);
  }
  const common = byRarity.slice(drivers);
  // One common term alone cannot lift a document above those holding a rare term; two or more can,
  // since MiniSearch multiplies a score by the number of terms matched ("legal directions in 2016-17").
  if (common.length >= (drivers ? 2 : 1)) for (const doc of holdingMost(common, Math.ceil(budget / 4), budget * 4)) docs.add(doc);
  return [...docs];
}

/**
 * Up to `wanted` documents of the first (rarest) term that hold the most of the other terms, looking at no
 * more than `scan` of its documents. Lookups only: the other terms' postings are never walked.
 */
function holdingMost([rarest, ...others]: QueryTerm[], wanted: number, scan: number): number[] {
  // Whether a document holds a term is checked on the term's own postings when it has any: its prefix and
  // fuzzy expansions (dozens of lists for a long word) would multiply the lookups for little gain.
  const otherLists = others.map((q) => {
    const exact = q.reaches.filter((r) => r.exact);
    return (exact.length ? exact : q.reaches).map((r) => r.docs);
  });
  if (rarest.reaches.every((r) => r.docs instanceof PostingList) && otherLists.every((lists) => lists.every((l) => l instanceof PostingList)))
    return holdingMostSorted(
      rarest.reaches.map((r) => (r.docs as PostingList).docs),
      otherLists.map((lists) => lists.map((l) => (l as PostingList).docs)),
      wanted,
      scan,
    );
  let best: number[] = [];
  let bestHeld = -1;
  const seen = new Set<number>();
  for (const reach of rarest.reaches) {
    for (const doc of reach.docs.keys()) {
      if (seen.has(doc)) continue;
      seen.add(doc);
      let held = 0;
      for (const lists of otherLists) {
        for (const list of lists) {
          if (list.has(doc)) {
            held++;
            break;
          }
        }
      }
      if (held > bestHeld) [best, bestHeld] = [[], held];
      if (held === bestHeld && best.length < wanted) best.push(doc);
      if ((bestHeld === others.length && best.length >= wanted) || seen.size >= scan) return best;
    }
  }
  return best;
}

/** Marks of the documents already looked at by `holdingMostSorted`, cleared after each use (grown as needed). */
let looked = new Uint8Array(0);

/**
 * `holdingMost` over a binary index's sorted runs, with the same result: within one run of the rarest term the
 * documents ascend, so each other list is read by walking a cursor forward (galloping over long gaps) instead of
 * by a fresh search per document.
 */
function holdingMostSorted(rarest: Uint32Array[], others: Uint32Array[][], wanted: number, scan: number): number[] {
  let best: number[] = [];
  let bestHeld = -1;
  let seen = 0;
  const cursors = others.map((lists) => new Int32Array(lists.length));
  // One run holds each document once; with several (a term in two fields, or expanded), a document met before is skipped.
  const marked: number[] = [];
  if (rarest.length > 1) {
    const top = rarest.reduce((n, docs) => Math.max(n, docs.length ? docs[docs.length - 1] : 0), 0);
    if (looked.length <= top) looked = new Uint8Array(Math.max(top + 1, looked.length * 2));
  }
  try {
    for (const docs of rarest) {
      for (const c of cursors) c.fill(0);
      for (let x = 0; x < docs.length; x++) {
        const doc = docs[x];
        if (rarest.length > 1) {
          if (looked[doc]) continue;
          looked[doc] = 1;
          marked.push(doc);
        }
        seen++;
        // A document holding fewer terms than this changes nothing: it is let go as soon as it cannot reach it.
        const need = best.length < wanted ? bestHeld : bestHeld + 1;
        let held = 0;
        let t = 0;
        for (; t < others.length && held + others.length - t >= need; t++) {
          const lists = others[t];
          const c = cursors[t];
          for (let l = 0; l < lists.length; l++) {
            const list = lists[l];
            const at = (c[l] = seek(list, c[l], doc));
            if (at < list.length && list[at] === doc) {
              held++;
              break;
            }
          }
        }
        if (t === others.length) {
          if (held > bestHeld) [best, bestHeld] = [[], held];
          if (held === bestHeld && best.length < wanted) best.push(doc);
        }
        if ((bestHeld === others.length && best.length >= wanted) || seen >= scan) return best;
      }
    }
    return best;
  } finally {
    for (const doc of marked) looked[doc] = 0;
  }
}
