/**
 * Writes a small text PDF (Helvetica, WinAnsi encoding) from headings, paragraphs, bullet items and tables, with a
 * document information dictionary: enough to test importing a PDF the way a board paper arrives.
 */
export type PdfBlock =
  | { heading: string }
  | { paragraph: string }
  | { bullets: string[] }
  /** Items numbered 1., 2., …, wrapped lines indented under the item's text. */
  | { numbered: string[] }
  | { table: PdfTable }
  /** A paragraph broken where the strings break, as a typesetter would (a word hyphenated at a line's end, say). */
  | { lines: string[]; indent?: number }
  /** The next block starts at the top of a new page. */
  | { newPage: true };

/**
 * A table drawn as a board paper's is: each cell's text placed at its column's left edge, one line a row, no rules.
 * A cell with a newline wraps: its second line sits under its first, closer than the next row.
 */
export interface PdfTable {
  header: string[];
  rows: string[][];
  /** Column widths in points, one per column; they must add up to no more than the text width (483). */
  widths: number[];
}

export interface PdfInfo {
  title?: string;
  author?: string;
  /** ISO day, written as the PDF date D:yyyymmdd000000Z. */
  created?: string;
  /** A running header printed at the top of every page, and a footer at the bottom; "{page}" becomes the page number. */
  header?: string;
  footer?: string;
}

const WIDTH = 595;
const HEIGHT = 842;
const MARGIN = 56;

/** PDF string literal in WinAnsi: brackets and backslashes escaped, non-ASCII as octal codes (£ is \243). */
function literal(s: string): string {
  const win: Record<string, number> = { '£': 0xa3, '–': 0x96, '—': 0x97, '‘': 0x91, '’': 0x92, '“': 0x93, '”': 0x94, '•': 0x95 };
  let out = '';
  for (const ch of s) {
    if (ch === '(' || ch === ')' || ch === '\\') out += `\\${ch}`;
    else if (ch.charCodeAt(0) < 128) out += ch;
    else out += `\\${(win[ch] ?? 0x3f).toString(8)}`;
  }
  return `(${out})`;
}

function wrap(text: string, size: number, indent = 0): string[] {
  const max = Math.floor((WIDTH - 2 * MARGIN - indent) / (size * 0.5));
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line && (line + ' ' + word).length > max) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}

/** The bytes of a PDF holding the blocks, on as many A4 pages as they need. */
export function makePdf(blocks: PdfBlock[], info: PdfInfo = {}): Buffer {
  const pages: string[][] = [[]];
  let y = HEIGHT - MARGIN;
  let fresh = false;
  const put = (text: string, size: number, x: number, gapBefore: number) => {
    y -= gapBefore;
    if (fresh || y < MARGIN) {
      fresh = false;
      pages.push([]);
      y = HEIGHT - MARGIN;
    }
    if (text) pages.at(-1)!.push(`BT /F1 ${size} Tf ${x} ${y.toFixed(1)} Td ${literal(text)} Tj ET`);
  };
  const table = ({ header, rows, widths }: PdfTable) => {
    if (widths.reduce((a, w) => a + w, 0) > WIDTH - 2 * MARGIN) throw new Error('table wider than the page');
    [header, ...rows].forEach((cells, r) => {
      if (cells.length !== widths.length) throw new Error(`table row ${r} has ${cells.length} cells, not ${widths.length}`);
      const wrapped = cells.map((cell) => cell.split('\n'));
      const height = Math.max(...wrapped.map((l) => l.length));
      for (let l = 0; l < height; l++) {
        let x = MARGIN;
        // Each line of a row moves down (a row 13 points, a cell's wrapped line 11); its cells sit on that line.
        put('', 9, MARGIN, l > 0 ? 11 : r === 0 ? 22 : 13);
        wrapped.forEach((lines, c) => {
          const cell = lines[l] ?? '';
          if (cell.length * 9 * 0.5 > widths[c]) throw new Error(`table cell "${cell}" is wider than its column`);
          if (cell) pages.at(-1)!.push(`BT /F1 9 Tf ${x} ${y.toFixed(1)} Td ${literal(cell)} Tj ET`);
          x += widths[c];
        });
      }
    });
  };
  for (const b of blocks) {
    if ('heading' in b) put(b.heading, 14, MARGIN, 30);
    else if ('paragraph' in b) wrap(b.paragraph, 10).forEach((l, i) => put(l, 10, MARGIN, i === 0 ? 22 : 12));
    else if ('table' in b) table(b.table);
    else if ('lines' in b) b.lines.forEach((l, i) => put(l, 10, MARGIN + (b.indent ?? 0), i === 0 ? 22 : 12));
    else if ('newPage' in b) fresh = true;
    else if ('numbered' in b)
      b.numbered.forEach((item, n) =>
        wrap(item, 10, 14).forEach((l, i) => put(i === 0 ? `${n + 1}. ${l}` : l, 10, i === 0 ? MARGIN : MARGIN + 14, i === 0 && n === 0 ? 22 : 12)),
      );
    else
      b.bullets.forEach((item, n) =>
        wrap(item, 10, 14).forEach((l, i) => put(i === 0 ? `• ${l}` : l, 10, i === 0 ? MARGIN : MARGIN + 14, i === 0 && n === 0 ? 22 : 12)),
      );
  }
  const objects: string[] = [];
  const add = (body: string) => objects.push(body);
  add('<< /Type /Catalog /Pages 2 0 R >>');
  add(''); // the page tree, written once the pages' numbers are known
  add('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>');
  const kids: number[] = [];
  for (const [n, ops] of pages.entries()) {
    const furniture = [
      info.header && `BT /F1 8 Tf ${MARGIN} ${HEIGHT - 30} Td ${literal(info.header.replace('{page}', String(n + 1)))} Tj ET`,
      info.footer && `BT /F1 8 Tf ${MARGIN} 30 Td ${literal(info.footer.replace('{page}', String(n + 1)))} Tj ET`,
    ].filter(Boolean);
    const stream = [...furniture, ...ops].join('\n');
    add(`<< /Length ${Buffer.byteLength(stream, 'latin1')} >>\nstream\n${stream}\nendstream`);
    add(`<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${WIDTH} ${HEIGHT}] /Resources << /Font << /F1 3 0 R >> >> /Contents ${objects.length} 0 R >>`);
    kids.push(objects.length);
  }
  objects[1] = `<< /Type /Pages /Kids [${kids.map((k) => `${k} 0 R`).join(' ')}] /Count ${kids.length} >>`;
  const meta = [
    info.title && `/Title ${literal(info.title)}`,
    info.author && `/Author ${literal(info.author)}`,
    info.created && `/CreationDate (D:${info.created.replace(/-/g, '')}000000Z)`,
  ].filter(Boolean);
  add(`<< ${meta.join(' ')} >>`);
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(Buffer.byteLength(out, 'latin1'));
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = Buffer.byteLength(out, 'latin1');
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R /Info ${objects.length} 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}
