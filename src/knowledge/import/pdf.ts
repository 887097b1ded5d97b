/**
 * PDF to plain text with unpdf. PDF text comes as positioned runs, one line at a time, with no paragraph
 * breaks and no bullets: paragraphs are rebuilt from the positions (a new block where the gap between lines
 * exceeds 1.6 times the font size, or the font size changes), and a run starting with a bullet glyph or an item's
 * number ("1.", "(a)") starts a list item.
 * Runs on one line set apart by more than a character's width are a table's cells: they are kept apart by tabs, and
 * such lines stay one to a line, as rows of a table, each cell under its column (a wrapped cell joins its row).
 * What a reader skips is dropped: running headers and footers repeated on every page, and page numbers. A paragraph,
 * list item or table that runs over a page break is joined again, and a word hyphenated at a line's end made whole.
 */
import { extractTextItems, getDocumentProxy, getMeta } from 'unpdf';
import type { Extracted } from './html.ts';
import { joinLines } from './hyphenation.ts';
import { statedDate } from './statedDate.ts';

interface Cell {
  text: string;
  x: number;
  end: number;
}

interface Line {
  /** The cells, tab-joined (one cell for a line of prose). */
  text: string;
  cells: Cell[];
  x: number;
  y: number;
  size: number;
  page: number;
}

interface Item {
  str: string;
  x: number;
  y: number;
  width: number;
  fontSize: number;
  hasEOL: boolean;
}

const BULLET_GLYPH = /^\s*[•\u2022\u25cf\u25aa\u2013-]\s+/;
/** "1. ", "2) ", "(a) ", "b) ", "(iv) ": a numbered or lettered list item (kept as the document numbers it). */
const NUMBER_MARK = /^(?:\d{1,2}[.)]|\(?[a-z]\)|\((?:i|ii|iii|iv|v|vi|vii|viii|ix|x)\))\s+\S/;

/** Extracts the text of a PDF as paragraphs; its date from what it states near its start, else from its document information. */
export async function pdfToText(data: Uint8Array): Promise<Extracted> {
  const pdf = await getDocumentProxy(new Uint8Array(data));
  const { items } = await extractTextItems(pdf);
  const pages = dropFurniture(items.map((page, n) => toLines(page, n)));
  const blocks = toBlocks(pages.flat());
  const text = `${blocks.join('\n\n')}\n`;
  const { info } = await getMeta(pdf).catch(() => ({ info: {} as Record<string, unknown> }));
  const str = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : undefined);
  const stated = statedDate(text);
  const fileDate = pdfDate(str(info.CreationDate)) ?? pdfDate(str(info.ModDate));
  return {
    text,
    title: str(info.Title),
    publisher: str(info.Author),
    ...(stated
      ? { published: stated.date, publishedBasis: `Stated in the document: "${stated.quote}".` }
      : fileDate
        ? {
            published: fileDate,
            publishedBasis: "Read from the PDF's document information (the date the file was made) when imported.",
            publishedFromFileOnly: true,
          }
        : {}),
  };
}

/** Runs on the same baseline make one line; a wide gap between runs is a gap between table cells. */
function toLines(page: Item[], pageNo: number): Line[] {
  const lines: { y: number; size: number; cells: Cell[] }[] = [];
  let current: (typeof lines)[number] | null = null;
  for (const item of page) {
    if (current && Math.abs(current.y - item.y) < 0.5) {
      const last = current.cells.at(-1)!;
      const gap = item.x - last.end;
      if (item.str.trim() && gap > item.fontSize * 0.9) current.cells.push({ text: item.str, x: item.x, end: item.x + item.width });
      else {
        // Words set as separate runs with a space's width between them still read as words apart.
        const space = gap > item.fontSize * 0.15 && !/\s$/.test(last.text) && !/^\s/.test(item.str) ? ' ' : '';
        last.text += space + item.str;
        if (item.str.trim()) last.end = item.x + item.width;
      }
    } else {
      if (current) lines.push(current);
      current = { y: item.y, size: item.fontSize, cells: [{ text: item.str, x: item.x, end: item.x + item.width }] };
    }
    if (item.hasEOL && current) {
      lines.push(current);
      current = null;
    }
  }
  if (current) lines.push(current);
  return lines
    .map((l) => {
      const cells = l.cells.map((c) => ({ ...c, text: c.text.replace(/\s+/g, ' ').trim() })).filter((c) => c.text);
      return { cells, text: cells.map((c) => c.text).join('\t'), x: cells[0]?.x ?? 0, y: l.y, size: l.size, page: pageNo };
    })
    .filter((l) => l.text);
}

const PAGE_NUMBER = /^(?:page\s+)?[-–(]?\s*\d{1,4}\s*[-–)]?(?:\s*(?:of|\/)\s*\d{1,4})?$/i;

/**
 * Drops what repeats at the top or bottom of the pages (a running header or footer: the same words, at the same
 * height, read with their numbers blanked so "Page 2 of 9" matches "Page 3 of 9"), when it stands on at least half
 * the pages, and a page number alone at a page's top or bottom edge.
 */
function dropFurniture(pages: Line[][]): Line[][] {
  const edges = (page: Line[]) => {
    const byY = [...page].sort((a, b) => b.y - a.y);
    return new Set([...byY.slice(0, 2), ...byY.slice(-2)]);
  };
  const key = (l: Line) => `${Math.round(l.y)}|${Math.round(l.size)}|${l.text.replace(/\d+/g, '#').toLowerCase()}`;
  const seen = new Map<string, number>();
  const pageEdges = pages.map(edges);
  for (const e of pageEdges) for (const k of new Set([...e].map(key))) seen.set(k, (seen.get(k) ?? 0) + 1);
  const repeated = (l: Line) => pages.length >= 2 && (seen.get(key(l)) ?? 0) >= Math.max(2, Math.ceil(pages.length / 2));
  return pages.map((page, n) => {
    const byY = [...page].sort((a, b) => b.y - a.y);
    const outer = new Set([byY[0], byY.at(-1)]);
    return page.filter((l) => !(pageEdges[n].has(l) && repeated(l)) && !(outer.has(l) && page.length > 1 && PAGE_NUMBER.test(l.text)));
  });
}

const ENDS_SENTENCE = /[.!?:;]["”’)]?$/;
const OPEN_ENDING =
  /(?:[,–-]|\b(?:and|or|but|nor|the|a|an|of|to|by|in|on|at|for|from|with|into|until|than|between|that|which|who|whose|as|is|are|was|were|be|been|will|would|not|its|their|our|this|these|those))$/i;

/** A line after a page break goes on with the text before it: that text has no sentence end, and the line starts in lower case or the text stops mid-phrase. */
const continuesOver = (before: string, line: string) => !ENDS_SENTENCE.test(before) && (/^[a-z]/.test(line) || OPEN_ENDING.test(before));

interface Table {
  /** Where each column starts and ends, widened by every cell placed in it. */
  columns: { x: number; end: number }[];
  rows: string[][];
  /** The lines the header row was read from (two, when its names wrap), to know it again atop the next page. */
  header: string[];
  /** How many of those lines have been seen again at the top of this page. */
  repeated: number;
  last: Line;
}

/** Lines into blocks: paragraphs joined with spaces, bullet lines as "- item" lines of one list, table rows one a line. */
function toBlocks(lines: Line[]): string[] {
  const blocks: string[] = [];
  let para: string[] = [];
  let list: string[] = [];
  let listX = 0;
  let table: Table | null = null;
  const flush = () => {
    if (para.length) blocks.push(para.reduce(joinLines));
    if (list.length) blocks.push(list.join('\n'));
    if (table) blocks.push(table.rows.map((r) => r.join('\t')).join('\n'));
    para = [];
    list = [];
    table = null;
  };
  lines.forEach((line, i) => {
    const prev = lines[i - 1];
    const overPage = prev !== undefined && prev.page !== line.page;
    const gap = prev && !overPage ? prev.y - line.y : 0;
    if (table && continuesTable(table, line, overPage, gap)) return;
    if (line.cells.length > 1) {
      flush();
      table = { columns: line.cells.map((c) => ({ x: c.x, end: c.end })), rows: [line.cells.map((c) => c.text)], header: [line.text], repeated: 0, last: line };
      return;
    }
    if (table) flush();
    const sizeChanges = !prev || Math.abs(prev.size - line.size) > 0.5;
    const open = list.at(-1) ?? para.at(-1) ?? '';
    const breaks = sizeChanges || (overPage ? !continuesOver(open, line.text) : gap > line.size * 1.6 || gap < 0);
    const bullet = BULLET_GLYPH.exec(line.text);
    // A numbered or lettered item starts where a line could (a list, a block, or after a sentence or an introducing colon).
    const numbered = !bullet && NUMBER_MARK.test(line.text) && (list.length > 0 || breaks || ENDS_SENTENCE.test(open));
    if (bullet || numbered) {
      if (para.length || breaks) flush();
      list.push(bullet ? `- ${line.text.slice(bullet[0].length)}` : /^\d/.test(line.text) ? line.text : `- ${line.text}`);
      listX = line.x;
      return;
    }
    if (list.length && !breaks && (!overPage || line.x > listX + 1)) {
      // A wrapped bullet line continues its item.
      list[list.length - 1] = joinLines(list[list.length - 1], line.text);
      return;
    }
    if (breaks || list.length) flush();
    para.push(line.text);
  });
  flush();
  return blocks;
}

/**
 * Takes the line into the open table when it belongs there: a row of cells (a header repeated at the top of a new
 * page is dropped), or a cell's wrapped line, set closer under its row than rows are to each other (at most 1.35
 * times the font size), whose text joins the cell above it in the same column. Otherwise leaves the table as it is.
 */
function continuesTable(table: Table, line: Line, overPage: boolean, gap: number): boolean {
  const sameSize = Math.abs(table.last.size - line.size) <= 0.5;
  if (!sameSize) return false;
  if ((overPage || table.repeated > 0) && line.text === table.header[overPage ? 0 : table.repeated]) {
    table.repeated = overPage ? 1 : table.repeated + 1;
    table.last = line;
    return true;
  }
  table.repeated = 0;
  const placed = line.cells.map((c) => [columnOf(table, c), c] as const);
  const firstColumn = placed.some(([col]) => col === 0);
  // A wrapped line's cells each fit in their column (a note set close under the table runs across the columns).
  const fits = placed.every(([col, c]) => c.end <= (table.columns[col + 1]?.x ?? Infinity) + 1);
  const wrapped = !overPage && gap > 0 && gap <= line.size * 1.35 && fits && (line.cells.length === 1 || !firstColumn);
  if (wrapped) {
    const row = table.rows.at(-1)!;
    for (const [col, c] of placed) row[col] = row[col] ? joinLines(row[col], c.text) : c.text;
    if (table.rows.length === 1) table.header.push(line.text);
  } else if (line.cells.length > 1 && (overPage || gap > 0)) {
    const row: string[] = table.columns.map(() => '');
    for (const [col, c] of placed) row[col] = row[col] ? `${row[col]} ${c.text}` : c.text;
    table.rows.push(row);
  } else return false;
  for (const [col, c] of placed) {
    table.columns[col].x = Math.min(table.columns[col].x, c.x);
    table.columns[col].end = Math.max(table.columns[col].end, c.end);
  }
  table.last = line;
  return true;
}

/** The column a cell stands in: the one its span overlaps most, else the nearest (a right-aligned number under a left-aligned name). */
function columnOf(table: Table, cell: Cell): number {
  let best = 0;
  let score = -Infinity;
  table.columns.forEach((col, i) => {
    const overlap = Math.min(col.end, cell.end) - Math.max(col.x, cell.x);
    const s = overlap > 0 ? overlap : -Math.abs((col.x + col.end) / 2 - (cell.x + cell.end) / 2) - 1e6;
    if (s > score) {
      score = s;
      best = i;
    }
  });
  return best;
}

/** "D:20190312093000Z" → "2019-03-12". */
function pdfDate(v: string | undefined): string | undefined {
  const m = v && /^(?:D:)?(\d{4})(\d{2})?(\d{2})?/.exec(v);
  if (!m) return undefined;
  return [m[1], m[2], m[3]].filter(Boolean).join('-');
}
