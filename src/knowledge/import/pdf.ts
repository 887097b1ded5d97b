/**
 * PDF to plain text with unpdf. PDF text comes as positioned runs, one line at a time, with no paragraph
 * breaks and no bullets: paragraphs are rebuilt from the positions (a new block where the gap between lines
 * exceeds 1.6 times the font size, or the font size changes), and a run starting with a bullet glyph starts a list item.
 */
import { extractTextItems, getDocumentProxy, getMeta } from 'unpdf';
import type { Extracted } from './html.ts';

interface Line {
  text: string;
  y: number;
  size: number;
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

/** Runs on the same baseline make one line. */
function toLines(page: { str: string; y: number; fontSize: number; hasEOL: boolean }[]): Line[] {
  const lines: Line[] = [];
  let current: Line | null = null;
  for (const item of page) {
    if (current && Math.abs(current.y - item.y) < 0.5) current.text += item.str;
    else {
      if (current) lines.push(current);
      current = { text: item.str, y: item.y, size: item.fontSize };
    }
    if (item.hasEOL && current) {
      lines.push(current);
      current = null;
    }
  }
  if (current) lines.push(current);
  return lines.map((l) => ({ ...l, text: l.text.replace(/\s+/g, ' ').trim() })).filter((l) => l.text);
}

/** Lines into blocks: paragraphs joined with spaces, bullet lines as "- item" lines of one list. */
function pageBlocks(lines: Line[]): string[] {
  const blocks: string[] = [];
  let para: string[] = [];
  let list: string[] = [];
  const flush = () => {
    if (para.length) blocks.push(para.join(' '));
    if (list.length) blocks.push(list.join('\n'));
    para = [];
    list = [];
  };
  lines.forEach((line, i) => {
    const prev = lines[i - 1];
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
