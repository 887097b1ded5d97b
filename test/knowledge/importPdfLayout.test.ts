/**
 * add-document on PDFs laid out as board papers are: text running over page breaks, running headers and footers,
 * page numbers, words hyphenated at a line's end, table cells wrapped over two lines, a table continued on the next page.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runAddDocument } from '../../src/cli/addDocument.ts';
import { loadKnowledge } from '../../src/knowledge/knowledge.ts';
import { type PdfBlock, type PdfInfo, makePdf } from '../helpers/pdf.ts';
import { seedsCopy } from '../helpers/knowledge.ts';

/** Writes the PDF, imports it as `id` into a copy of the seeds, and returns the document as loaded, with what the command printed. */
async function importPdf(id: string, blocks: PdfBlock[], info: PdfInfo = {}, flags: string[] = []) {
  const { dir } = seedsCopy();
  const file = join(mkdtempSync(join(tmpdir(), 'pdf-')), `${id}.pdf`);
  writeFileSync(file, makePdf(blocks, { title: 'Governing body paper', author: 'NHS Example CCG', created: '2020-03-01', ...info }));
  const out: string[] = [];
  const err: string[] = [];
  const code = await runAddDocument(['--knowledge', dir, file, '--id', id, ...flags], { stdout: (l) => out.push(l), stderr: (l) => err.push(l) });
  expect(code, err.join('\n')).toBe(0);
  return { doc: loadKnowledge(dir).documents.get(id)!, stdout: out.join('\n'), stderr: err.join('\n') };
}

const filler = (n: number) =>
  Array.from({ length: n }, (_, i) => ({ paragraph: `Paragraph ${i + 1} of the report sets out one more part of the position of the CCG this year.` }));

describe('add-document: PDF page layout', () => {
  it('joins a sentence that runs over a page break, and drops the running header, footer and page numbers', async () => {
    const { doc } = await importPdf(
      'paged-paper',
      [
        { heading: 'Financial recovery' },
        { lines: ['NHS Hillingdon CCG is in the financial recovery regime, and its recovery plan is overseen by a monthly meeting'] },
        { newPage: true },
        { lines: ['chaired by Dr Ian Marsh, Chair of NHS Hillingdon CCG.'] },
        { paragraph: 'The CCG will report again in March.' },
        { bullets: ['a freeze on non-clinical recruitment across the eight CCGs until'] },
        { newPage: true },
        { lines: ['31 March 2020, agreed by the governing body'], indent: 14 },
      ],
      { header: 'NHS Example CCG governing body, part 1 (public)', footer: 'Page {page} of 3' },
    );
    for (const furniture of ['part 1 (public)', 'Page 1', 'Page 2 of 3']) expect(doc.text).not.toContain(furniture);
    expect(doc.text).toContain(
      'NHS Hillingdon CCG is in the financial recovery regime, and its recovery plan is overseen by a monthly meeting chaired by Dr Ian Marsh, Chair of NHS Hillingdon CCG.\n\nThe CCG will report again in March.',
    );
    // A list item continued on the next page stays one item (its continuation is indented under the item's text).
    expect(doc.passages.at(-1)).toMatchObject({
      kind: 'list-item',
      text: 'a freeze on non-clinical recruitment across the eight CCGs until 31 March 2020, agreed by the governing body',
    });
  });

  it('starts a new paragraph on a new page when the last one ended its sentence, and drops a bare page number', async () => {
    const { doc } = await importPdf(
      'numbered-pages',
      [...filler(30), { lines: ['The position at month 9 is a deficit of £3.1m.'] }, { newPage: true }, { lines: ['Recovery actions are set out below.'] }],
      { footer: '{page}' },
    );
    expect(doc.text).not.toMatch(/^\d+$/m);
    expect(doc.text).toContain('The position at month 9 is a deficit of £3.1m.\n\nRecovery actions are set out below.\n');
    expect(doc.passages.filter((p) => /^Paragraph \d+ of the report/.test(p.text))).toHaveLength(30);
  });

  it('makes whole a word hyphenated at a line end, and keeps the hyphen of a compound that falls there', async () => {
    const { doc } = await importPdf('hyphens', [
      {
        lines: [
          'The CCG will sign a contract with its commis-',
          'sioning support unit, appoint a non-',
          'clinical lay member and agree a follow-',
          'up review of the organi-',
          'sations it funds.',
        ],
      },
    ]);
    expect(doc.passages[0].text).toBe(
      'The CCG will sign a contract with its commissioning support unit, appoint a non-clinical lay member and agree a follow-up review of the organisations it funds.',
    );
  });

  it('keeps a table whole: a cell wrapped over two lines joins its row, an empty cell keeps its column, a header repeated on the next page is read once', async () => {
    const { doc } = await importPdf('wrapped-table', [
      { paragraph: 'Table 1: forecast by CCG (£m)' },
      {
        table: {
          widths: [200, 90, 90],
          header: ['CCG', 'Plan', 'Forecast\noutturn'],
          rows: [
            ['NHS Brent CCG', '0.0', '(3.1)'],
            ['NHS Central London\n(Westminster) CCG', '1.5', '1.5'],
            ['NHS Harrow CCG', '', '(8.2)'],
          ],
        },
      },
      { newPage: true },
      {
        table: {
          widths: [200, 90, 90],
          header: ['CCG', 'Plan', 'Forecast\noutturn'],
          rows: [
            ['NHS Hillingdon CCG', '(15.6)', '(24.8)'],
            ['Total', '(22.3)', '(37.6)'],
          ],
        },
      },
      { paragraph: 'Brackets show a deficit.' },
    ]);
    expect(doc.text).toContain(
      [
        'CCG\tPlan\tForecast outturn',
        'NHS Brent CCG\t0.0\t(3.1)',
        'NHS Central London (Westminster) CCG\t1.5\t1.5',
        'NHS Harrow CCG\t\t(8.2)',
        'NHS Hillingdon CCG\t(15.6)\t(24.8)',
        'Total\t(22.3)\t(37.6)',
        '',
        'Brackets show a deficit.',
      ].join('\n'),
    );
    const rows = doc.passages.filter((p) => p.kind === 'table-row');
    expect(rows).toHaveLength(5);
    for (const r of rows) expect(r.columns).toEqual(['CCG', 'Plan', 'Forecast outturn']);
    expect(rows.at(-1)?.text).toBe('Total\t(22.3)\t(37.6)');
  });

  it("reads a paper's cover-sheet fields as statements to search, not as headings over what follows", async () => {
    const { doc } = await importPdf('cover-sheet', [
      { heading: 'North West London CCGs: finance report' },
      { paragraph: 'Presented by: Jane Oduya, Chief Finance Officer, North West London CCGs' },
      { paragraph: 'Author: Tom Ridley, Deputy Chief Finance Officer' },
      { heading: 'Purpose' },
      { paragraph: 'This paper reports the financial position of the eight CCGs at month 9.' },
    ]);
    expect(doc.passages.map((p) => [p.kind, p.section ?? null, p.text.slice(0, 14)])).toEqual([
      ['heading', null, 'North West Lon'],
      ['paragraph', 'North West London CCGs: finance report', 'Presented by: '],
      ['paragraph', 'North West London CCGs: finance report', 'Author: Tom Ri'],
      ['heading', 'North West London CCGs: finance report', 'Purpose'],
      ['paragraph', 'Purpose', 'This paper rep'],
    ]);
  });

  it('keeps a numbered list as its items, under the line that introduces them, each wrapped item whole', async () => {
    const { doc } = await importPdf('numbered-list', [
      { paragraph: 'An application to merge must include:' },
      {
        numbered: [
          'a covering letter signed by the accountable officer and clinical chair of each CCG',
          'the draft constitution of the merged CCG, with the results of the votes of member practices in each of the CCGs that are applying to merge',
          'a financial plan for the merged CCG',
        ],
      },
      { paragraph: 'Applications are assessed by the regional team.' },
    ]);
    expect(doc.text).toContain('An application to merge must include:\n\n1. a covering letter');
    const items = doc.passages.filter((p) => p.kind === 'list-item');
    expect(items.map((p) => p.text)).toEqual([
      'a covering letter signed by the accountable officer and clinical chair of each CCG',
      'the draft constitution of the merged CCG, with the results of the votes of member practices in each of the CCGs that are applying to merge',
      'a financial plan for the merged CCG',
    ]);
    expect(items[1].intro).toBe('An application to merge must include:');
    expect(doc.passages.at(-1)).toMatchObject({ kind: 'paragraph', text: 'Applications are assessed by the regional team.' });
  });
});
