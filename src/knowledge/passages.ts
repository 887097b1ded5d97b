/**
 * The knowledge's passages held column-wise: offsets into their document's text, and small ids for the
 * document, kind, section and label, instead of one object (and one copy of its id and text) each. A
 * million passages take a few tens of MB rather than hundreds. Readers still get `Passage` objects:
 * `at(i)`, iteration, and each document's `passages`, made when asked for.
 *
 * Any field a passage carries beyond the columns (added by the loader, say) is kept as it is, so the
 * store never drops what it was given; so is an id or text that does not follow the usual pattern.
 */
import type { Passage, PassageKind, SourceDocument } from './documents.ts';

/** The columns: what the knowledge cache serializes (document texts stay with their documents). */
export interface PassageColumns {
  documentIds: string[];
  /** Passages of document d are those from documentStart[d] to documentStart[d + 1]. */
  documentStart: Uint32Array;
  start: Uint32Array;
  end: Uint32Array;
  kinds: string[];
  kind: Uint8Array;
  /** Section and label strings, each once; -1 for none. */
  strings: string[];
  section: Int32Array;
  label: Int32Array;
  /** A list item's list: where it starts and ends in the text; -1 for none. */
  listStart: Int32Array;
  listEnd: Int32Array;
  /** Fields beyond the columns, by passage position: whatever the loader added. */
  extras: Map<number, Record<string, unknown>>;
}

const COLUMN_FIELDS = new Set(['id', 'document', 'kind', 'text', 'start', 'end', 'section', 'label']);
const LIST_FIELDS = new Set(['listStart', 'listEnd']);

export class Passages implements Iterable<Passage> {
  /** Each document's position in the columns, by id. */
  private readonly documentIndex: Map<string, number>;
  /** Whether some passage keeps an id, text or document of its own (then those are read from its extras). */
  private readonly ownIds: boolean;
  private readonly ownTexts: boolean;
  /** Positions by id, for a passage whose id does not follow the pattern (made when first needed). */
  private byId?: Map<string, number>;

  private constructor(
    readonly columns: PassageColumns,
    private readonly texts: string[],
  ) {
    this.documentIndex = new Map(columns.documentIds.map((id, d) => [id, d]));
    let ownIds = false;
    let ownTexts = false;
    for (const extra of columns.extras.values()) {
      if ('id' in extra || 'document' in extra) ownIds = true;
      if ('text' in extra) ownTexts = true;
    }
    this.ownIds = ownIds;
    this.ownTexts = ownTexts;
  }

  /** Takes the passages of every document, in order, into columns. */
  static from(documents: Map<string, SourceDocument>): Passages {
    const docs = [...documents.values()];
    const total = docs.reduce((n, d) => n + d.passages.length, 0);
    const c: PassageColumns = {
      documentIds: docs.map((d) => d.id),
      documentStart: new Uint32Array(docs.length + 1),
      start: new Uint32Array(total),
      end: new Uint32Array(total),
      kinds: [],
      kind: new Uint8Array(total),
      strings: [],
      section: new Int32Array(total),
      label: new Int32Array(total),
      listStart: new Int32Array(total).fill(-1),
      listEnd: new Int32Array(total).fill(-1),
      extras: new Map(),
    };
    const kindIds = new Map<string, number>();
    const stringIds = new Map<string, number>();
    const intern = (s: string | undefined) => {
      if (s === undefined) return -1;
      let id = stringIds.get(s);
      if (id === undefined) stringIds.set(s, (id = c.strings.push(s) - 1));
      return id;
    };
    let i = 0;
    docs.forEach((doc, d) => {
      c.documentStart[d] = i;
      doc.passages.forEach((p, n) => {
        c.start[i] = p.start;
        c.end[i] = p.end;
        let kind = kindIds.get(p.kind);
        if (kind === undefined) kindIds.set(p.kind, (kind = c.kinds.push(p.kind) - 1));
        c.kind[i] = kind;
        c.section[i] = intern(p.section);
        c.label[i] = intern(p.label);
        // A list's offsets are columns when they are offsets (whole numbers that fit); anything else is kept as given.
        const listed = (n: unknown) => Number.isInteger(n) && (n as number) >= 0 && (n as number) <= 0x7fffffff;
        const lists = listed(p.listStart) && listed(p.listEnd);
        if (lists) {
          c.listStart[i] = p.listStart!;
          c.listEnd[i] = p.listEnd!;
        }
        const extra: Record<string, unknown> = {};
        for (const [key, value] of Object.entries(p)) if (!COLUMN_FIELDS.has(key) && !(lists && LIST_FIELDS.has(key))) extra[key] = value;
        // Kept as given when they do not follow from the columns.
        if (p.id !== `${doc.id}#${n + 1}`) extra.id = p.id;
        if (p.text !== doc.text.slice(p.start, p.end)) extra.text = p.text;
        if (p.document !== doc.id) extra.document = p.document;
        if (Object.keys(extra).length) c.extras.set(i, extra);
        i++;
      });
    });
    c.documentStart[docs.length] = i;
    if (c.kinds.length > 256) throw new Error(`passages come in ${c.kinds.length} kinds; the store holds at most 256`);
    return Passages.revive(c, documents);
  }

  /**
   * The store over columns read back from the knowledge cache. Each document's `passages` becomes a view
   * of the store (a property read when asked for, not enumerated, so it is never stored twice).
   */
  static revive(columns: PassageColumns, documents: Map<string, SourceDocument>): Passages {
    const texts = columns.documentIds.map((id) => {
      const doc = documents.get(id);
      if (!doc) throw new Error(`the passages name document "${id}", which the knowledge does not hold`);
      return doc.text;
    });
    const store = new Passages(columns, texts);
    columns.documentIds.forEach((id, d) => {
      Object.defineProperty(documents.get(id)!, 'passages', {
        get: () => store.range(columns.documentStart[d], columns.documentStart[d + 1]),
        enumerable: false,
        configurable: true,
      });
    });
    return store;
  }

  get length(): number {
    return this.columns.start.length;
  }

  /** The passage at position `i` (negative counts from the end, as for arrays), or undefined. */
  at(i: number): Passage | undefined {
    const n = i < 0 ? this.length + i : i;
    if (!(n >= 0 && n < this.length)) return undefined;
    const c = this.columns;
    const d = this.documentOf(n);
    const passage: Passage = {
      id: `${c.documentIds[d]}#${n - c.documentStart[d] + 1}`,
      document: c.documentIds[d],
      kind: c.kinds[c.kind[n]] as PassageKind,
      text: this.texts[d].slice(c.start[n], c.end[n]),
      start: c.start[n],
      end: c.end[n],
    };
    if (c.section[n] >= 0) passage.section = c.strings[c.section[n]];
    if (c.label[n] >= 0) passage.label = c.strings[c.label[n]];
    if (c.listStart[n] >= 0) {
      passage.listStart = c.listStart[n];
      passage.listEnd = c.listEnd[n];
    }
    const extra = c.extras.get(n);
    return extra ? { ...passage, ...extra } : passage;
  }

  /** The positions of a document's passages (what its `passages` holds): from `from` up to `to`; undefined for a document it does not hold. */
  rangeOf(documentId: string): { from: number; to: number } | undefined {
    const d = this.documentIndex.get(documentId);
    return d === undefined ? undefined : { from: this.columns.documentStart[d], to: this.columns.documentStart[d + 1] };
  }

  /** The passage's kind, without making the passage. */
  kindOf(i: number): PassageKind {
    return this.columns.kinds[this.columns.kind[i]] as PassageKind;
  }

  /**
   * The id of the document holding the passage at position `i` (0 ≤ i < length), without making the passage:
   * what `at(i).document` gives.
   */
  documentAt(i: number): string {
    if (this.ownIds) {
      const own = this.columns.extras.get(i)?.document;
      if (own !== undefined) return own as string;
    }
    return this.columns.documentIds[this.documentOf(i)];
  }

  /** The text of the passage at position `i` (0 ≤ i < length), without making the passage: what `at(i).text` gives. */
  textAt(i: number): string {
    if (this.ownTexts) {
      const own = this.columns.extras.get(i)?.text;
      if (own !== undefined) return own as string;
    }
    const c = this.columns;
    return this.texts[this.documentOf(i)].slice(c.start[i], c.end[i]);
  }

  /** Where the list of the passage at position `i` starts in its document's text (what `at(i).listStart` gives). */
  listStartAt(i: number): number | undefined {
    const start = this.columns.listStart[i];
    return start >= 0 ? start : (this.columns.extras.get(i)?.listStart as number | undefined);
  }

  /** The fields of the passage at position `i` beyond the columns (a list item's introducing line, a row's `columns`…), if any. */
  extraAt(i: number): Readonly<Record<string, unknown>> | undefined {
    return this.columns.extras.get(i);
  }

  /**
   * Where a passage sits (what `at` takes), found by its id; -1 for an id no passage has. An id of the
   * usual "<document>#<n>" is read as it stands, so no passage is made and no table of every id is kept.
   */
  positionOf(p: Pick<Passage, 'id' | 'document'>): number {
    const d = this.ownIds ? undefined : this.documentIndex.get(p.document);
    if (d !== undefined) {
      const { id, document } = p;
      const n = document.length + 1;
      if (id.length > n && id.charCodeAt(n - 1) === 35 && id.startsWith(document)) {
        const number = id.slice(n);
        const position = this.columns.documentStart[d] + Number(number) - 1;
        // "doc#7" only: no leading zero, sign or fraction, and within the document's passages.
        if (/^[1-9]\d*$/.test(number) && position < this.columns.documentStart[d + 1]) return position;
      }
    }
    if (!this.byId) {
      this.byId = new Map();
      for (let i = 0; i < this.length; i++) this.byId.set(this.at(i)!.id, i);
    }
    return this.byId.get(p.id) ?? -1;
  }

  /** Passages from position `from` up to (not including) `to`. */
  range(from: number, to: number): Passage[] {
    const out: Passage[] = [];
    for (let i = from; i < to; i++) out.push(this.at(i)!);
    return out;
  }

  *[Symbol.iterator](): Iterator<Passage> {
    for (let i = 0; i < this.length; i++) yield this.at(i)!;
  }

  /** Which document holds passage `i` (a binary search of the documents' starts). */
  private documentOf(i: number): number {
    const starts = this.columns.documentStart;
    let lo = 0;
    let hi = starts.length - 2;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if (starts[mid] <= i) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }
}
