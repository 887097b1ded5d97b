/** Source documents: front matter + text kept byte for byte, split into passages that citations quote. */
import { createHash } from 'node:crypto';
import YAML from 'yaml';
import { KnowledgeError } from './errors.ts';
import { documentFrontMatter, type DocumentFrontMatter } from './schemas.ts';
import { parseDateInput } from './dates.ts';

export type PassageKind = 'paragraph' | 'list-item' | 'table-row' | 'heading';

export interface Passage {
  /** Stable id: "<document>#<n>", n counting passages from 1 in document order. */
  id: string;
  document: string;
  kind: PassageKind;
  /** Exact text of the document between start and end. */
  text: string;
  start: number;
  end: number;
  /** The heading the passage sits under, when there is one. */
  section?: string;
  /** A table row's first cell (for example "December 2015"), when the passage is a cell of that row. */
  label?: string;
  /** A table row under a header row: the header's cells, one per cell of the row (the row's text is tab-separated). */
  columns?: string[];
  /** A list item: the line that introduces its list ("Local authorities:"), when there is one. */
  intro?: string;
  /** A list item: where the whole list, with its introducing line, starts and ends in the text (it is quoted as one unit). */
  listStart?: number;
  listEnd?: number;
}

export interface SourceDocument extends DocumentFrontMatter {
  file: string;
  /** Publication date as a person reads it: "April 2017". */
  publishedLabel: string;
  /** The document text, exactly as received. */
  text: string;
  passages: Passage[];
}

const FRONT_MATTER = /^---\n([\s\S]*?)\n---\n/;

/** Reads one document file: YAML front matter between --- lines, then the text exactly as received. */
export function parseDocument(file: string, raw: string): SourceDocument {
  const m = FRONT_MATTER.exec(raw);
  if (!m)
    throw new KnowledgeError(
      file,
      'line 1',
      'the file does not start with front matter',
      'begin the file with a --- line, the metadata (id, title, publisher, url, published, date_precision, date_inferred), a --- line, then the text',
    );
  let meta: unknown;
  try {
    meta = flatFrontMatter(m[1]) ?? YAML.parse(m[1]);
  } catch (e) {
    throw new KnowledgeError(file, 'front matter', `bad YAML: ${(e as Error).message.split('\n')[0]}`, 'fix the YAML between the --- lines');
  }
  const parsed = documentFrontMatter.safeParse(meta);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new KnowledgeError(file, `front matter, field ${issue.path.join('.') || '(top)'}`, issue.message, 'correct that field of the front matter');
  }
  const text = raw.slice(m[0].length);
  const fm = parsed.data;
  if (fm.sha256) {
    const actual = createHash('sha256').update(text, 'utf8').digest('hex');
    if (actual !== fm.sha256)
      throw new KnowledgeError(
        file,
        'text',
        'the text no longer matches its sha256: it has been edited since it was received',
        'restore the text exactly as received (citations quote it), or, for a new version of the document, update sha256',
      );
  }
  const date = parseDateInput(fm.published);
  if (typeof date === 'string')
    throw new KnowledgeError(file, 'front matter, field published', date, 'write the publication date as 2017-04-21, 2017-04 or 2017');
  return { ...fm, file, publishedLabel: date.label, text, passages: splitPassages(fm.id, text) };
}

/**
 * Front matter of plain `key: value` lines (JSON strings, true/false/null, bare words), read without a YAML
 * parser: loading thousands of documents spends much of its time there. Anything else returns null (use YAML).
 */
function flatFrontMatter(text: string): Record<string, unknown> | null {
  const out: Record<string, unknown> = {};
  for (const line of text.split('\n')) {
    const m = /^([a-z_][a-z0-9_]*): (.*)$/.exec(line);
    if (!m) return null;
    const v = m[2].trim();
    if (v.startsWith('"')) {
      try {
        out[m[1]] = JSON.parse(v);
      } catch {
        return null;
      }
    } else if (v === 'true' || v === 'false') out[m[1]] = v === 'true';
    else if (v === 'null' || v === '~') out[m[1]] = null;
    else if (/^[A-Za-z0-9_][A-Za-z0-9_.-]*$/.test(v) && !/^\d+(\.\d+)?$/.test(v)) out[m[1]] = v;
    else return null;
  }
  return out;
}

/**
 * A table row's cells: split on tabs, or (a table laid out with spaces, as annual reports pasted into text are)
 * on runs of two or more spaces. Continuation lines of a cell join it.
 */
export function cellsOf(row: string): string[] {
  return (row.includes('\t') ? row.split('\t') : row.split(/ {2,}|\n\s*/)).map((c) => c.trim());
}

/** Cells of a line laid out with spaces: two or more, apart by runs of two or more spaces. */
const spacedCells = (line: string) => (line.includes('\t') ? 0 : line.trim().split(/ {2,}/).length);

/**
 * Which lines belong to a table laid out with spaces: two or more lines in a row, each of as many cells (two or
 * more). A line indented under a row, of one cell, continues the row's last cell ("(non-voting)").
 */
function spacedTableLines(lineTexts: string[]): boolean[] {
  const out = lineTexts.map(() => false);
  for (let i = 0; i < lineTexts.length; i++) {
    const n = spacedCells(lineTexts[i]);
    if (n < 2) continue;
    let j = i;
    while (j + 1 < lineTexts.length && spacedCells(lineTexts[j + 1]) === n) j++;
    if (j > i) for (let k = i; k <= j; k++) out[k] = true;
    i = j;
  }
  return out;
}

/** A list item's mark: a bullet, "1.", or a letter or numeral of a sub-list ("a.", "(b)", "(iv)"). */
const BULLET = /^\s*(?:[-•*]|\d+\.|[a-z][.)]|\((?:[a-z]|[ivx]{1,4})\))\s+/;
const TERMINAL = /[.!?:;"”’)]$/;

/** Splits a text into passages: paragraphs, list items, table rows (one per cell paragraph), headings. */
export function splitPassages(documentId: string, text: string): Passage[] {
  const passages: Passage[] = [];
  let section: string | undefined;
  let label: string | undefined;
  let columns: string[] | undefined;
  let rowIntro: string | undefined;
  const add = (kind: PassageKind, start: number, end: number, extra: Partial<Passage> = {}) => {
    const body = text.slice(start, end);
    const lead = body.length - body.trimStart().length;
    const trail = body.length - body.trimEnd().length;
    if (end - trail <= start + lead) return;
    const s = start + lead;
    const e = end - trail;
    passages.push({ id: `${documentId}#${passages.length + 1}`, document: documentId, kind, text: text.slice(s, e), start: s, end: e, section, ...extra });
  };
  const lines: { start: number; end: number }[] = [];
  let pos = 0;
  for (const line of text.split('\n')) {
    lines.push({ start: pos, end: pos + line.length });
    pos += line.length + 1;
  }
  const blank = (k: number) => k < 0 || k >= lines.length || text.slice(lines[k].start, lines[k].end).trim() === '';
  const lineText = (k: number) => text.slice(lines[k].start, lines[k].end);
  const spaced = spacedTableLines(lines.map((_, k) => lineText(k)));
  const isRow = (k: number) => k >= 0 && k < lines.length && (lineText(k).includes('\t') || spaced[k]);
  for (let i = 0; i < lines.length; i++) {
    const { start } = lines[i];
    let { end } = lines[i];
    const line = lineText(i);
    const trimmed = line.trim();
    if (trimmed === '') continue;
    if (isRow(i)) {
      // An indented line of one cell under a row continues it.
      while (spaced[i] && i + 1 < lines.length && /^\s{4,}\S/.test(lineText(i + 1)) && !isRow(i + 1) && spacedCells(lineText(i + 1)) === 1)
        end = lines[++i].end;
      const row = text.slice(start, end);
      if (!isRow(i - 1) && !columns) rowIntro = introOf(passages);
      // A header row (short cells over rows of as many cells) names the columns of the rows under it; rows a line
      // introduces ("Their chairs were:") start at once, unless the first is words over figures ("Scheme | Target £k").
      const headsFigures = () =>
        !/\d/.test(row) &&
        cellsOf(lineText(i + 1))
          .slice(1)
          .some((c) => /\d/.test(c));
      if (!columns && (!(rowIntro && !isRow(i - 1)) || headsFigures()) && isHeaderRow(i, isRow, (k) => cellsOf(lineText(k)))) {
        columns = cellsOf(row);
        add('heading', start, end);
        continue;
      }
      if (columns) addRow(start, end, columns, add);
      else addTableRow(text, start, end, label, add, (l) => (label = l), rowIntro);
      continue;
    }
    label = undefined;
    columns = undefined;
    const bullet = BULLET.exec(line);
    if (bullet && !NUMBERED_TITLE.test(trimmed) && !isNumberedParagraph(trimmed, passages.at(-1))) {
      add('list-item', start + bullet[0].length, end);
      continue;
    }
    // A block of short, unpunctuated lines is a list (the members of a group, say).
    if (isShortLine(trimmed) && ((!blank(i + 1) && isShortLine(lineText(i + 1).trim())) || (!blank(i - 1) && isShortLine(lineText(i - 1).trim()) && i > 0))) {
      add('list-item', start, end);
      continue;
    }
    if (isHeading(trimmed) && blank(i + 1)) {
      add('heading', start, end);
      section = trimmed.replace(BULLET, '').replace(/:$/, '');
      continue;
    }
    // A paragraph broken across a blank line mid-sentence continues on the next line that starts in lower case.
    while (!TERMINAL.test(text.slice(start, end).trimEnd())) {
      let j = i + 1;
      while (j < lines.length && blank(j)) j++;
      if (j >= lines.length || !/^[a-z]/.test(lineText(j).trim())) break;
      i = j;
      end = lines[j].end;
    }
    add('paragraph', start, end);
  }
  groupLists(passages);
  return passages;
}

/**
 * A run of list items answers as one unit with the line that introduces it ("Local authorities:"): each item
 * records the intro and the span of the whole list. Ids and passages stay as they were.
 */
function groupLists(passages: Passage[]): void {
  for (let i = 0; i < passages.length; i++) {
    if (passages[i].kind !== 'list-item') continue;
    let j = i;
    while (j + 1 < passages.length && passages[j + 1].kind === 'list-item' && passages[j + 1].section === passages[i].section) j++;
    const before = passages[i - 1];
    const intro = before && before.kind !== 'list-item' && before.kind !== 'table-row' && before.text.endsWith(':') ? before : undefined;
    if (j > i || intro) {
      for (let n = i; n <= j; n++)
        Object.assign(passages[n], { listStart: (intro ?? passages[i]).start, listEnd: passages[j].end, ...(intro ? { intro: intro.text } : {}) });
    }
    i = j;
  }
}

/** True when line i starts a table (no row above) whose cells are short labels and whose next row has as many cells. */
function isHeaderRow(i: number, isRow: (k: number) => boolean, cells: (k: number) => string[]): boolean {
  if (isRow(i - 1)) return false;
  const own = cells(i);
  if (own.length < 2 || own.some((c) => c === '' || c.length > 40 || /^[£$€\d]|[.!?;]$|<p>/.test(c))) return false;
  // Labels, not a first row: no cell of a header names a person ("Dr …") or a count ("10 of 10").
  if (own.some((c) => /\bof \d|^(Dr|Mr|Mrs|Ms|Professor)\b/.test(c))) return false;
  return isRow(i + 1) && cells(i + 1).length === own.length;
}

/** The line introducing a table with no header ("Their chairs during 2018/19 were:"): the passage just before it. */
function introOf(passages: Passage[]): string | undefined {
  const before = passages.at(-1);
  return before && (before.kind === 'paragraph' || before.kind === 'heading') && before.text.endsWith(':') ? before.text : undefined;
}

/** A row under a header: one passage for the whole row, which keeps the column names. */
function addRow(start: number, end: number, columns: string[], add: Adder) {
  add('table-row', start, end, { columns });
}

const NUMBERED_TITLE = /^\d+\.\s+[A-Z][^.]*$/;

/**
 * "2. Your system's plan should …. It must …": a numbered paragraph of a letter or a report (several sentences, no
 * line introducing it) is a paragraph, not an item of a list; each answers on its own.
 */
function isNumberedParagraph(line: string, before: Passage | undefined): boolean {
  if (!/^\d+\.\s/.test(line) || before?.text.endsWith(':')) return false;
  return line.length > 120 && /[.!?]["”’)]?\s+[A-Z]/.test(line.replace(/^\d+\.\s+/, ''));
}
const isShortLine = (line: string) => line !== '' && line.length <= 80 && !/[.!?;"”’)]$/.test(line) && !line.includes('\t') && !line.endsWith(':');

/** A cover sheet's field ("Presented by: Jane Oduya, Chief Finance Officer", "Date: 6 February 2020"): a statement to search, not a heading. */
const FIELD_LINE = /^[A-Z][a-z]+(?: [a-z]+){0,3}: [A-Z0-9£]/;

function isHeading(line: string): boolean {
  if (line.length > 90 || line.startsWith('<http') || FIELD_LINE.test(line)) return false;
  if (NUMBERED_TITLE.test(line)) return true;
  if (line.endsWith(':')) return line.length <= 60;
  return !TERMINAL.test(line) && line.split(/\s+/).length <= 12;
}

type Adder = (kind: PassageKind, start: number, end: number, extra?: Partial<Passage>) => void;

/**
 * A row with no header: the first cell labels the rest; a cell made of <p>…</p> gives one passage per paragraph.
 * A row carries the line that introduces its table, when one does.
 */
function addTableRow(text: string, start: number, end: number, previous: string | undefined, add: Adder, setLabel: (l: string) => void, intro?: string) {
  const line = text.slice(start, end);
  const gap = /\t| {2,}/.exec(line.trimStart());
  const at = gap ? line.length - line.trimStart().length + gap.index : 0;
  const label = line.slice(0, at).trim() || previous;
  if (label) setLabel(label);
  const cellStart = start + at + (gap?.[0].length ?? 0);
  const cell = text.slice(cellStart, end);
  const paragraphs = [...cell.matchAll(/<p>([\s\S]*?)<\/p>/g)];
  const extra = { label, ...(intro ? { intro } : {}) };
  if (paragraphs.length === 0) {
    add('table-row', cellStart, end, extra);
    return;
  }
  for (const p of paragraphs) {
    const s = cellStart + (p.index ?? 0) + 3;
    add('table-row', s, s + p[1].length, extra);
  }
}
