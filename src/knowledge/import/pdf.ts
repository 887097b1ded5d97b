/**
 * PDF to plain text with unpdf. PDF text comes as positioned runs, one line at a time, with no paragraph
 * breaks and no bullets: paragraphs are rebuilt from the positions (a new block where the gap between lines
 * exceeds 1.6 times the font size, or the font size changes), and a run starting with a bullet glyph starts a list item.
 * Runs on one line set apart by more than a character's width are a table's cells: they are kept apart by tabs, and
 * such lines stay one to a line, as rows of a table.
 */
import { extractTextItems, getDocumentProxy, getMeta } from 'unpdf';
import type { Extracted } from './html.ts';

interface Line {
  text: string;
  y: number;
  size: number;
  /** Where the last run ended, to tell a space from a gap between table cells. */
  end: number;
}

const BULLET_GLYPH = /^\s*[•\u2022\u25cf\u25aa\u2013-]\s+/;

/** Extracts the text of a PDF as paragraphs, and its title, author and creation date from the document info. */
export async function pdfToText(data: Uint8Array): Promise<Extracted> {
  const pdf = await getDocumentProxy(new Uint8Array(data));
  const { items } = await extractTextItems(pdf);
  const blocks: string[] = [];
  for (const page of items) blocks.push(...pageBlocks(toLines(page)));
  const { info } = await getMeta(pdf).catch(() => ({ info: {} as Record<string, unknown> }));
  const str = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : undefined);
  return {
    text: `${blocks.join('\n\n')}\n`,
    title: str(info.Title),
    publisher: str(info.Author),
    published: pdfDate(str(info.CreationDate)),
  };
}

/** Runs on the same baseline make one line; a wide gap between runs is a gap between table cells. */
function toLines(page: { str: string; x: number; y: number; width: number; fontSize: number; hasEOL: boolean }[]): Line[] {
  const lines: Line[] = [];
  let current: Line | null = null;
  for (const item of page) {
    if (current && Math.abs(current.y - item.y) < 0.5) {
      const cellGap = item.str.trim() && item.x - current.end > item.fontSize * 0.9;
      current.text += cellGap ? `\t${item.str}` : item.str;
      if (item.str.trim()) current.end = item.x + item.width;
    } else {
      if (current) lines.push(current);
      current = { text: item.str, y: item.y, size: item.fontSize, end: item.x + item.width };
    }
    if (item.hasEOL && current) {
      lines.push(current);
      current = null;
    }
  }
  if (current) lines.push(current);
  return lines
    .map((l) => ({
      ...l,
      text: l.text
        .split('\t')
        .map((cell) => cell.replace(/\s+/g, ' ').trim())
        .filter(Boolean)
        .join('\t'),
    }))
    .filter((l) => l.text);
}

/** Lines into blocks: paragraphs joined with spaces, bullet lines as "- item" lines of one list. */
function pageBlocks(lines: Line[]): string[] {
  const blocks: string[] = [];
  let para: string[] = [];
  let list: string[] = [];
  let rows: string[] = [];
  const flush = () => {
    if (para.length) blocks.push(para.join(' '));
    if (list.length) blocks.push(list.join('\n'));
    if (rows.length) blocks.push(rows.join('\n'));
    para = [];
    list = [];
    rows = [];
  };
  lines.forEach((line, i) => {
    const prev = lines[i - 1];
    if (line.text.includes('\t')) {
      if (!rows.length) flush();
      rows.push(line.text);
      return;
    }
    if (rows.length) flush();
    const gap = prev ? prev.y - line.y : 0;
    const breaks = !prev || Math.abs(prev.size - line.size) > 0.5 || gap > line.size * 1.6 || gap < 0;
    const bullet = BULLET_GLYPH.exec(line.text);
    if (bullet) {
      if (para.length || breaks) flush();
      list.push(`- ${line.text.slice(bullet[0].length)}`);
      return;
    }
    if (breaks) flush();
    else if (list.length) {
      // A wrapped bullet line continues its item.
      list[list.length - 1] += ` ${line.text}`;
      return;
    }
    para.push(line.text);
  });
  flush();
  return blocks;
}

/** "D:20190312093000Z" → "2019-03-12". */
function pdfDate(v: string | undefined): string | undefined {
  const m = v && /^D:(\d{4})(\d{2})?(\d{2})?/.exec(v);
  if (!m) return undefined;
  return [m[1], m[2], m[3]].filter(Boolean).join('-');
}
