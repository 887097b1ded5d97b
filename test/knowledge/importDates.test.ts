/**
 * add-document reads a document's date from what the document says near its start (a labelled date, the meeting a
 * paper is for, a finance report's month), before the PDF's own record of when the file was made or a page's
 * metadata, and says so when the date is only the file's, so the user can give --published.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runAddDocument } from '../../src/cli/addDocument.ts';
import { loadKnowledge } from '../../src/knowledge/knowledge.ts';
import { type PdfBlock, type PdfInfo, makePdf } from '../helpers/pdf.ts';
import { seedsCopy } from '../helpers/knowledge.ts';

async function add(dir: string, file: string, flags: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runAddDocument(['--knowledge', dir, file, ...flags], { stdout: (l) => out.push(l), stderr: (l) => err.push(l) });
  expect(code, err.join('\n')).toBe(0);
  return { stdout: out.join('\n'), stderr: err.join('\n') };
}

/** Writes the PDF, imports it as `id` into a copy of the seeds, and returns the document as loaded, with what the command printed. */
async function importPdf(id: string, blocks: PdfBlock[], info: PdfInfo = {}, flags: string[] = []) {
  const { dir } = seedsCopy();
  const file = join(mkdtempSync(join(tmpdir(), 'pdf-')), `${id}.pdf`);
  writeFileSync(file, makePdf(blocks, { title: 'Governing body paper', author: 'NHS Example CCG', created: '2020-03-01', ...info }));
  const printed = await add(dir, file, ['--id', id, ...flags]);
  return { doc: loadKnowledge(dir).documents.get(id)!, ...printed };
}

/** Imports a web page as `id`, and returns the document as loaded. */
async function importHtml(id: string, head: string, body: string) {
  const { dir } = seedsCopy();
  const file = join(mkdtempSync(join(tmpdir(), 'html-')), `${id}.html`);
  writeFileSync(
    file,
    `<!doctype html><html><head><title>CCG news</title><meta property="og:site_name" content="NHS Example CCG">${head}</head><body>${body}</body></html>`,
  );
  const printed = await add(dir, file, ['--id', id]);
  return { doc: loadKnowledge(dir).documents.get(id)!, ...printed };
}

const ARTICLE = `<article><h1>Governing body agrees merger</h1>
<p>The governing body of NHS Example CCG agreed on 8 September 2020 to apply to merge with its two neighbouring CCGs from 1 April 2021, after member practices voted for it.</p>
<p>The application will go to NHS England and NHS Improvement by 30 September 2020, and a decision is expected in October 2020.</p>
<p>The three CCGs have shared an accountable officer since April 2019 and already commission most acute and community services together.</p></article>`;

describe('add-document: the date of a PDF', () => {
  it('takes the date the paper states near its start over the date the file was made', async () => {
    const { doc, stderr } = await importPdf('dated-paper', [
      { heading: 'Primary care commissioning committee' },
      { paragraph: 'Date of meeting: 14 February 2020' },
      { paragraph: 'The committee agreed the delegated budget of £182.4m for 2020/21, from 1 April 2020.' },
    ]);
    expect(doc).toMatchObject({ published: '2020-02-14', date_precision: 'day', date_inferred: false });
    expect(doc.date_basis).toContain('Date of meeting: 14 February 2020');
    expect(stderr).toBe('');
  });

  it('reads the meeting a paper is for, or else the month a finance report reports to', async () => {
    const meeting = await importPdf('meeting-paper', [
      { heading: 'Finance report, month 9 2019/20' },
      { paragraph: 'Governing bodies meeting in common, 6 February 2020. Agenda item 7.1.' },
    ]);
    expect(meeting.doc.published).toBe('2020-02-06');
    const period = await importPdf('period-paper', [
      { heading: 'Finance report, Month 9 2019/20' },
      { paragraph: 'This paper reports the position at 31 December 2019.' },
    ]);
    expect(period.doc).toMatchObject({ published: '2019-12', date_precision: 'month' });
    expect(period.doc.date_basis).toContain('Month 9 2019/20');
  });

  it('says so when the date is only the file’s own, so the user can give --published', async () => {
    const { doc, stderr } = await importPdf('undated-paper', [
      { heading: 'Application to merge' },
      { paragraph: 'The application was made on 30 September 2020, for a merger from 1 April 2021.' },
    ]);
    expect(doc).toMatchObject({ published: '2020-03-01', date_inferred: true });
    expect(doc.date_basis).toContain("PDF's document information");
    expect(stderr).toContain('states no date');
    expect(stderr).toContain('--published');
    const given = await importPdf('given-date', [{ paragraph: 'No date here.' }], {}, ['--published', '2020-10']);
    expect(given.doc).toMatchObject({ published: '2020-10', date_inferred: false, date_basis: 'Given when imported.' });
    expect(given.stderr).toBe('');
  });
});

describe('add-document: the date of a web page', () => {
  it('reads a <time datetime> when the page has no date in its metadata', async () => {
    const { doc, stderr } = await importHtml(
      'time-page',
      '',
      `<main><p class="byline">Posted <time datetime="2020-09-10">10 September</time></p>${ARTICLE}</main>`,
    );
    expect(doc).toMatchObject({ published: '2020-09-10', date_inferred: false });
    expect(doc.date_basis).toContain('<time datetime="2020-09-10">');
    expect(stderr).toBe('');
  });

  it('reads the date the page states ("Published 10 September 2020") when it has no date in its markup', async () => {
    const { doc } = await importHtml('stated-page', '', `<main><p class="byline">Published 10 September 2020 by the communications team</p>${ARTICLE}</main>`);
    expect(doc).toMatchObject({ published: '2020-09-10', date_precision: 'day' });
    expect(doc.date_basis).toContain('Published 10 September 2020');
  });

  it('prefers article:published_time, and says which tag it read', async () => {
    const { doc } = await importHtml(
      'meta-page',
      '<meta property="article:published_time" content="2020-09-11T09:00:00+01:00">',
      `<main><p>Published 10 September 2020</p>${ARTICLE}</main>`,
    );
    expect(doc.published).toBe('2020-09-11');
    expect(doc.date_basis).toContain('article:published_time');
  });
});

describe('add-document: the date of a text file', () => {
  it('reads the date a press release states, so it need not be given', async () => {
    const { dir } = seedsCopy();
    const file = join(mkdtempSync(join(tmpdir(), 'txt-')), 'release.txt');
    writeFileSync(file, 'Kent and Medway CCG press release\nPublished: 1st April 2020\n\nThe eight CCGs in Kent and Medway became one CCG today.\n');
    await add(dir, file, ['--id', 'kent-release', '--title', 'Kent and Medway CCG is formed', '--publisher', 'NHS Kent and Medway CCG']);
    expect(loadKnowledge(dir).documents.get('kent-release')).toMatchObject({ published: '2020-04-01', date_inferred: false });
  });
});
