/**
 * The passage index of a large corpus in flat typed arrays: for each term of a sorted dictionary and each
 * field, a run of sorted document ids with their term frequencies, plus every document's field lengths.
 * It holds exactly what MiniSearch's index holds (built by the same tokenizer and term processing, field
 * lengths and average lengths computed as MiniSearch computes them), so BM25 scores are MiniSearch's;
 * but it is a few arrays instead of millions of Map entries, and a snapshot of it is read as views over
 * one buffer. MiniSearch stays the index of small knowledge (see passageIndex.ts).
 */
import { isCounts, isF64, isStrings, isU32, pack, section, unpack, type Counts, type Section, type Unpacked } from './packed.ts';
import { TermDictionary } from './termDictionary.ts';

/** One posting list: what prunedSearch reads of MiniSearch's Map of document → term frequency. */
export interface Postings {
  readonly size: number;
  get(doc: number): number | undefined;
  has(doc: number): boolean;
  keys(): Iterable<number>;
}

/** A term's postings by field id. */
export type TermData = Map<number, Postings>;

/** A sorted run of document ids and their term frequencies (views into the index's arrays). */
export class PostingList implements Postings {
  /** Where the last lookup ended: lookups in ascending order gallop on from it instead of searching afresh. */
  private cursor = 0;

  constructor(
    readonly docs: Uint32Array,
    readonly tfs: Counts,
  ) {}

  get size(): number {
    return this.docs.length;
  }

  /** Position of `doc` in the run, or -1. */
  indexOf(doc: number): number {
    const docs = this.docs;
    let lo = 0;
    let hi = docs.length;
    if (this.cursor < hi && docs[this.cursor] <= doc) {
      // Galloping: double the step from the cursor until past `doc`, then search that stretch.
      lo = this.cursor;
      let step = 1;
      while (lo + step < hi && docs[lo + step] <= doc) step *= 2;
      hi = Math.min(hi, lo + step + 1);
    }
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (docs[mid] < doc) lo = mid + 1;
      else hi = mid;
    }
    this.cursor = lo;
    return lo < docs.length && docs[lo] === doc ? lo : -1;
  }

  get(doc: number): number | undefined {
    const i = this.indexOf(doc);
    return i < 0 ? undefined : this.tfs[i];
  }

  has(doc: number): boolean {
    return this.indexOf(doc) >= 0;
  }

  keys(): Iterable<number> {
    return this.docs;
  }
}

/** The arrays of a binary index. */
export interface BinaryIndexData {
  terms: readonly string[];
  fields: readonly string[];
  /** Postings of term t in field f run from postingStart[t * fields + f] to the next entry. */
  postingStart: Uint32Array;
  docs: Uint32Array;
  /** Term frequencies and field lengths each in the narrowest array their largest value fits. */
  tfs: Counts;
  /** Field f of document d holds fieldLength[d * fields + f] distinct tokens (MiniSearch's measure). */
  fieldLength: Counts;
  avgFieldLength: Float64Array;
  /** Documents indexed (a document id with no field lengths, a heading say, is not one). */
  documentCount: number;
}

/** Fuzzy expansions kept per index. */
const FUZZY_WALKS = 500;

export class BinaryIndex {
  readonly dictionary: TermDictionary;
  readonly fieldIds: Record<string, number>;
  private readonly fuzzyWalks = new Map<string, ReadonlyMap<number, number>>();

  constructor(readonly data: BinaryIndexData) {
    this.dictionary = new TermDictionary(data.terms);
    this.fieldIds = Object.fromEntries(data.fields.map((f, i) => [f, i]));
  }

  get documentCount(): number {
    return this.data.documentCount;
  }

  /** How many document ids the index spans (indexed or not): passages are numbered 0 … span − 1. */
  get span(): number {
    return this.data.fieldLength.length / this.data.fields.length;
  }

  get avgFieldLength(): Float64Array {
    return this.data.avgFieldLength;
  }

  fieldLength(doc: number, field: number): number {
    return this.data.fieldLength[doc * this.data.fields.length + field];
  }

  /** Whether document `doc` is indexed (has any field). */
  holds(doc: number): boolean {
    const f = this.data.fields.length;
    if (doc < 0 || doc >= this.span) return false;
    for (let i = 0; i < f; i++) if (this.data.fieldLength[doc * f + i] > 0) return true;
    return false;
  }

  /** The postings of a term id, by field. */
  postings(termId: number): TermData {
    const { fields, postingStart, docs, tfs } = this.data;
    const out: TermData = new Map();
    for (let f = 0; f < fields.length; f++) {
      const from = postingStart[termId * fields.length + f];
      const to = postingStart[termId * fields.length + f + 1];
      if (to > from) out.set(f, new PostingList(docs.subarray(from, to), tfs.subarray(from, to)));
    }
    return out;
  }

  get(term: string): TermData | undefined {
    const id = this.dictionary.id(term);
    return id < 0 ? undefined : this.postings(id);
  }

  *atPrefix(prefix: string): Iterable<[string, TermData]> {
    const { from, to } = this.dictionary.withPrefix(prefix);
    for (let id = from; id < to; id++) yield [this.data.terms[id], this.postings(id)];
  }

  fuzzyGet(term: string, maxDistance: number): Map<string, [TermData, number]> {
    const out = new Map<string, [TermData, number]>();
    for (const [id, distance] of this.fuzzyIds(term, maxDistance)) out.set(this.data.terms[id], [this.postings(id), distance]);
    return out;
  }

  /**
   * The terms within `maxDistance` edits of `term`, by id: a walk of the whole dictionary (a millisecond or two at
   * two edits over 40,000 terms), so the walks made last are kept: a question's two searches, and the typos and
   * unknown words that come back, expand the same word.
   */
  private fuzzyIds(term: string, maxDistance: number): ReadonlyMap<number, number> {
    const key = `${maxDistance} ${term}`;
    let ids = this.fuzzyWalks.get(key);
    if (ids) this.fuzzyWalks.delete(key);
    else ids = this.dictionary.fuzzy(term, maxDistance);
    this.fuzzyWalks.set(key, ids);
    if (this.fuzzyWalks.size > FUZZY_WALKS) this.fuzzyWalks.delete(this.fuzzyWalks.keys().next().value!);
    return ids;
  }

  /** The index's arrays as packed sections (see packed.ts), and what its header must carry. */
  sections(): { meta: { fields: readonly string[]; documentCount: number }; sections: Record<string, Section> } {
    const { terms, fields, postingStart, docs, tfs, fieldLength, avgFieldLength, documentCount } = this.data;
    return { meta: { fields, documentCount }, sections: { terms, postingStart, docs, tfs, fieldLength, avgFieldLength } };
  }

  /** The index over sections read by `unpack`: its arrays stay views over the buffer, nothing is copied. */
  static fromSections(u: Unpacked<{ fields: readonly string[]; documentCount: number }>): BinaryIndex {
    return new BinaryIndex({
      terms: section(u, 'terms', isStrings),
      fields: u.meta.fields,
      documentCount: u.meta.documentCount,
      postingStart: section(u, 'postingStart', isU32),
      docs: section(u, 'docs', isU32),
      tfs: section(u, 'tfs', isCounts),
      fieldLength: section(u, 'fieldLength', isCounts),
      avgFieldLength: section(u, 'avgFieldLength', isF64),
    });
  }

  /** The index as one buffer, with `meta` in its header. */
  toBuffer<M extends object>(meta: M): Buffer {
    const own = this.sections();
    return pack({ ...meta, ...own.meta }, own.sections);
  }

  /** Reads an index written by `toBuffer`. */
  static fromBuffer<M extends object>(buffer: Buffer): { index: BinaryIndex; meta: M } {
    const u = unpack<M & { fields: string[]; documentCount: number }>(buffer);
    return { index: BinaryIndex.fromSections(u), meta: u.meta };
  }
}

/** How text becomes terms: MiniSearch's tokenize and processTerm options. */
export interface TermOptions {
  fields: readonly string[];
  tokenize: (text: string) => string[];
  processTerm: (term: string) => string | null;
}

/** A Uint32Array that grows by doubling. */
class Growable {
  array: Uint32Array;
  length = 0;
  constructor(capacity: number) {
    this.array = new Uint32Array(capacity);
  }
  push(v: number): void {
    if (this.length === this.array.length) {
      const bigger = new Uint32Array(this.array.length * 2);
      bigger.set(this.array);
      this.array = bigger;
    }
    this.array[this.length++] = v;
  }
}

/**
 * Builds the index of `documents` (each its id and its fields' text, in ascending id order; an id not given
 * is not indexed) in one pass, as MiniSearch's `add` would, without holding MiniSearch's Maps: postings are
 * collected flat, then grouped by term with a counting sort, so a million passages fit in a few hundred MB.
 */
export function buildBinaryIndex(documents: Iterable<{ id: number; fields: string[] }>, span: number, options: TermOptions): BinaryIndex {
  const F = options.fields.length;
  const termIds = new Map<string, number>();
  const terms: string[] = [];
  const keys = new Growable(1 << 16);
  const postingDocs = new Growable(1 << 16);
  const postingTfs = new Growable(1 << 16);
  const fieldLength = new Uint32Array(span * F);
  const avgFieldLength = new Float64Array(F);
  let count = 0;
  let lastId = -1;
  const tf = new Map<number, number>();
  for (const { id, fields } of documents) {
    if (id <= lastId || id >= span) throw new Error(`document ids must ascend within 0…${span - 1}: ${id} came after ${lastId}`);
    lastId = id;
    count++;
    for (let f = 0; f < F; f++) {
      const text = fields[f];
      if (text == null) continue;
      const tokens = options.tokenize(text);
      const length = new Set(tokens).size;
      fieldLength[id * F + f] = length;
      // MiniSearch's running average (addFieldLength), kept to the same floating-point steps.
      avgFieldLength[f] = (avgFieldLength[f] * (count - 1) + length) / count;
      tf.clear();
      for (const token of tokens) {
        const term = options.processTerm(token);
        if (!term) continue;
        let t = termIds.get(term);
        if (t === undefined) {
          t = terms.length;
          termIds.set(term, t);
          terms.push(term);
        }
        tf.set(t, (tf.get(t) ?? 0) + 1);
      }
      for (const [t, n] of tf) {
        keys.push(t * F + f);
        postingDocs.push(id);
        postingTfs.push(n);
      }
    }
  }
  // Term ids become ranks in sorted order; a stable counting sort by (term, field) keeps each run's ids ascending.
  const order = terms.map((_, i) => i).sort((a, b) => (terms[a] < terms[b] ? -1 : terms[a] > terms[b] ? 1 : 0));
  const rank = new Uint32Array(terms.length);
  order.forEach((t, r) => (rank[t] = r));
  const postingStart = new Uint32Array(terms.length * F + 1);
  const n = keys.length;
  for (let i = 0; i < n; i++) {
    const k = keys.array[i];
    postingStart[rank[Math.floor(k / F)] * F + (k % F) + 1]++;
  }
  for (let i = 1; i < postingStart.length; i++) postingStart[i] += postingStart[i - 1];
  const next = postingStart.slice(0, -1);
  const docs = new Uint32Array(n);
  let maxTf = 0;
  for (let i = 0; i < n; i++) if (postingTfs.array[i] > maxTf) maxTf = postingTfs.array[i];
  const tfs = narrowest(maxTf, n);
  for (let i = 0; i < n; i++) {
    const k = keys.array[i];
    const slot = next[rank[Math.floor(k / F)] * F + (k % F)]++;
    docs[slot] = postingDocs.array[i];
    tfs[slot] = postingTfs.array[i];
  }
  return new BinaryIndex({
    terms: order.map((t) => terms[t]),
    fields: options.fields,
    postingStart,
    docs,
    tfs,
    fieldLength: narrowed(fieldLength),
    avgFieldLength,
    documentCount: count,
  });
}

/** An array of `length` counts up to `max`, in the narrowest unsigned type that holds them. */
function narrowest(max: number, length: number): Counts {
  return max <= 0xff ? new Uint8Array(length) : max <= 0xffff ? new Uint16Array(length) : new Uint32Array(length);
}

/** The counts copied into the narrowest array that holds them. */
function narrowed(counts: Uint32Array): Counts {
  let max = 0;
  for (const c of counts) if (c > max) max = c;
  const out = narrowest(max, counts.length);
  out.set(counts);
  return out;
}
