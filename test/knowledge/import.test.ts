/** `npm run add-document`: importing .txt, .md, .html and .pdf, metadata from flags or the file, duplicates refused, the folder validated. */
import { existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runAddDocument } from '../../src/cli/addDocument.ts';
import { headlineOf } from '../../src/knowledge/import/addDocument.ts';
import { loadKnowledge } from '../../src/knowledge/knowledge.ts';
import { makePdf } from '../helpers/pdf.ts';
import { seedsCopy } from '../helpers/knowledge.ts';

const SOURCES = join(import.meta.dirname, '..', 'fixtures', 'uncurated', 'sources');

async function add(argv: string[], ask?: (field: string) => Promise<string>) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runAddDocument(argv, { stdout: (l) => out.push(l), stderr: (l) => err.push(l), ask: ask && ((field) => ask(field)) });
  return { code, stdout: out.join('\n'), stderr: err.join('\n') };
}

/** The passages of one imported document, from a fresh load of the folder (so they validated). */
const passagesOf = (dir: string, id: string) => loadKnowledge(dir).documents.get(id)!.passages;

describe('add-document', () => {
  it('imports a .txt as received, with front matter, sha256 and the metadata given', async () => {
    const { dir } = seedsCopy();
    const r = await add([
      '--knowledge',
      dir,
      join(SOURCES, 'kent-medway-merger-2020.txt'),
      '--title',
      "Kent and Medway's eight CCGs become one",
      '--publisher',
      'Kent Health News',
      '--published',
      '2020-04-01',
      '--id',
      'kent-medway-merger-2020',
    ]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('documents/kent-medway-merger-2020.txt');
    const doc = loadKnowledge(dir).documents.get('kent-medway-merger-2020')!;
    expect(doc).toMatchObject({
      title: "Kent and Medway's eight CCGs become one",
      publisher: 'Kent Health News',
      published: '2020-04-01',
      date_precision: 'day',
      source_file: 'kent-medway-merger-2020.txt',
    });
    expect(doc.text).toBe(readFileSync(join(SOURCES, 'kent-medway-merger-2020.txt'), 'utf8'));
    expect(doc.sha256).toMatch(/^[0-9a-f]{64}$/);
    // The conditions answer as one list with the line that introduces them.
    const item = doc.passages.find((p) => p.text.startsWith('agree a plan to return'))!;
    expect(item.intro).toBe('The conditions set by NHS England required the new CCG to:');
    expect(doc.text.slice(item.listStart, item.listEnd)).toMatch(
      /^The conditions set by NHS England required the new CCG to:\n- appoint[\s\S]*eight former CCG areas$/,
    );
  });

  it('imports Markdown: headings as context, lists with their introducing line, a table whose rows keep their column names', async () => {
    const { dir } = seedsCopy();
    expect(
      (await add(['--knowledge', dir, join(SOURCES, 'south-west-ccg-finance-2019.md'), '--publisher', 'NHS England South West', '--published', '2019-02']))
        .code,
    ).toBe(0);
    const [file] = readdirSync(join(dir, 'documents')).filter((f) => f.startsWith('south-west'));
    const passages = passagesOf(dir, file.replace(/\.txt$/, ''));
    const somerset = passages.find((p) => p.text.startsWith('NHS Somerset CCG\t'))!;
    expect(somerset.kind).toBe('table-row');
    expect(somerset.columns).toEqual(['CCG', 'Allocation 2018-19', 'Forecast outturn', 'Intervention']);
    expect(passages[0]).toMatchObject({ kind: 'heading', text: 'South West CCGs: financial position at month 9, 2018-19' });
    expect(loadKnowledge(dir).documents.get(file.replace(/\.txt$/, ''))!.title).toBe('South West CCGs: financial position at month 9, 2018-19');
  });

  it('imports HTML: the article only (no cookie banner, navigation, related links or footer), title, publisher, date and URL from the page', async () => {
    const { dir } = seedsCopy();
    const r = await add(['--knowledge', dir, join(SOURCES, 'frimley-icb-board-2022.html')]);
    expect(r.code, r.stderr).toBe(0);
    const k = loadKnowledge(dir);
    const doc = [...k.documents.values()].find((d) => d.source_file === 'frimley-icb-board-2022.html')!;
    expect(doc).toMatchObject({
      title: 'Board meeting highlights, 14 September 2022',
      publisher: 'NHS Frimley Integrated Care Board',
      published: '2022-09-16',
      url: 'https://www.frimleyhealthandcare.org.uk/news/board-highlights-september-2022',
    });
    expect(doc.date_basis).toContain("page's metadata");
    for (const boilerplate of ['cookies', 'Contact us', 'Related news', 'All rights reserved']) expect(doc.text).not.toContain(boilerplate);
    expect(doc.text).toContain('- a £2.4m investment in same-day urgent care hubs in Slough and Bracknell\n');
    const row = doc.passages.find((p) => p.text.startsWith('Helen Whitfield'))!;
    expect(row.columns).toEqual(['Name', 'Role', 'Since']);
  });

  it('imports a PDF, rebuilding paragraphs and bullets from the text positions, with title, author and date from its information', async () => {
    const { dir } = seedsCopy();
    const pdf = join(mkdtempSync(join(tmpdir(), 'pdf-')), 'paper.pdf');
    writeFileSync(
      pdf,
      makePdf(
        [
          { heading: 'Governing body paper: primary care commissioning' },
          {
            paragraph:
              'The committee considered the delegated primary care budget of £182.4m for 2019-20, which covers 56 GP practices across the three localities of the CCG and the out-of-hours service.',
          },
          { paragraph: 'It agreed three priorities:' },
          { bullets: ['extended access in every primary care network by October 2019', 'a single 24/7 clinical assessment service'] },
        ],
        { title: 'Primary care commissioning committee, June 2019', author: 'NHS Thurrock CCG', created: '2019-06-20' },
      ),
    );
    const r = await add(['--knowledge', dir, pdf, '--id', 'thurrock-primary-care-2019']);
    expect(r.code, r.stderr).toBe(0);
    const doc = loadKnowledge(dir).documents.get('thurrock-primary-care-2019')!;
    expect(doc).toMatchObject({
      title: 'Primary care commissioning committee, June 2019',
      publisher: 'NHS Thurrock CCG',
      published: '2019-06-20',
      kind: 'report',
    });
    // A paragraph wrapped over two PDF lines comes back whole, and the bullets as one list under their line.
    expect(doc.passages.map((p) => p.text.slice(0, 20))).toEqual([
      'Governing body paper',
      'The committee consid',
      'It agreed three prio',
      'extended access in e',
      'a single 24/7 clinic',
    ]);
    expect(doc.passages.slice(3).map((p) => p.kind)).toEqual(['list-item', 'list-item']);
    expect(doc.passages[1].text).toBe(
      'The committee considered the delegated primary care budget of £182.4m for 2019-20, which covers 56 GP practices across the three localities of the CCG and the out-of-hours service.',
    );
    expect(doc.passages[4]).toMatchObject({ text: 'a single 24/7 clinical assessment service', intro: 'It agreed three priorities:' });
  });

  it('keeps a PDF table as rows with their column names, the cells apart', async () => {
    const { dir } = seedsCopy();
    const pdf = join(mkdtempSync(join(tmpdir(), 'pdf-')), 'finance.pdf');
    writeFileSync(
      pdf,
      makePdf(
        [
          { paragraph: 'Table 1 gives each CCG’s position at month 9.' },
          {
            table: {
              header: ['CCG', 'Plan', 'Forecast'],
              rows: [
                ['NHS Brent CCG', '0.0', '(3.1)'],
                ['NHS Harrow CCG', '(8.2)', '(8.2)'],
              ],
              widths: [220, 80, 80],
            },
          },
          { paragraph: 'Brackets show a deficit.' },
        ],
        { title: 'Month 9 finance report', author: 'North West London CCGs', created: '2020-01-29' },
      ),
    );
    expect((await add(['--knowledge', dir, pdf, '--id', 'nwl-m9'])).code).toBe(0);
    const doc = loadKnowledge(dir).documents.get('nwl-m9')!;
    expect(doc.text).toContain('CCG\tPlan\tForecast\nNHS Brent CCG\t0.0\t(3.1)\nNHS Harrow CCG\t(8.2)\t(8.2)');
    const rows = doc.passages.filter((p) => p.kind === 'table-row');
    expect(rows.map((r) => [r.text, r.columns])).toEqual([
      ['NHS Brent CCG\t0.0\t(3.1)', ['CCG', 'Plan', 'Forecast']],
      ['NHS Harrow CCG\t(8.2)\t(8.2)', ['CCG', 'Plan', 'Forecast']],
    ]);
    expect(doc.passages.at(-1)?.text).toBe('Brackets show a deficit.');
  });

  it('asks for what is missing when a person is at the terminal', async () => {
    const { dir } = seedsCopy();
    const asked: string[] = [];
    const answers: Record<string, string> = {
      title: 'Cheshire and Merseyside transition briefing',
      publisher: 'NHS Cheshire and Merseyside ICB',
      published: '2022-07',
    };
    const txt = join(mkdtempSync(join(tmpdir(), 'txt-')), 'briefing.txt');
    writeFileSync(txt, 'On 1 July 2022 NHS Cheshire and Merseyside Integrated Care Board took on the functions of the nine CCGs.\n');
    const r = await add(['--knowledge', dir, txt], async (field) => {
      asked.push(field);
      return answers[field];
    });
    expect(r.code, r.stderr).toBe(0);
    expect(asked).toEqual(['title', 'publisher', 'published']);
    expect(loadKnowledge(dir).documents.get('cheshire-merseyside-transition-briefing-2022')?.publisher).toBe('NHS Cheshire and Merseyside ICB');
  });

  it('without a terminal, names the missing flag and adds nothing', async () => {
    const { dir } = seedsCopy();
    const before = readdirSync(join(dir, 'documents')).length;
    const r = await add(['--knowledge', dir, join(SOURCES, 'kent-medway-merger-2020.txt')]);
    expect(r.code).toBe(2);
    // Its headline is its title; who published it, the file does not say.
    expect(r.stderr).toContain('Pass --publisher');
    expect(readdirSync(join(dir, 'documents'))).toHaveLength(before);
  });

  it('reads a plain-text article’s headline as its title, and a first line that is a sentence as none', async () => {
    const { dir } = seedsCopy();
    const r = await add(['--knowledge', dir, '--publisher', 'Kent Health News', '--published', '2020-04-01', join(SOURCES, 'kent-medway-merger-2020.txt')]);
    expect(r.code, r.stderr).toBe(0);
    const titles = [...loadKnowledge(dir).documents.values()].map((d) => d.title);
    expect(titles).toContain("Kent and Medway's eight CCGs become one");
    expect(headlineOf('On 1 July 2022 the ICB took on the functions of the nine CCGs.\n')).toBeUndefined();
    expect(headlineOf('Trust chief named to lead ICB\nwith no blank line after it\n')).toBeUndefined();
  });

  it('refuses a document already held, by its text or by its id', async () => {
    const { dir } = seedsCopy();
    const file = join(SOURCES, 'cheshire-merseyside-transition-2022.md');
    const meta = ['--publisher', 'NHS Cheshire and Merseyside ICB', '--published', '2022-07'];
    expect((await add(['--knowledge', dir, file, ...meta])).code).toBe(0);
    const again = await add(['--knowledge', dir, file, ...meta, '--id', 'another-id']);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/already held: documents\/cheshire-merseyside.*\.txt has the same text/);
    const sameId = await add([
      '--knowledge',
      dir,
      join(SOURCES, 'kent-medway-merger-2020.txt'),
      '--title',
      'x',
      '--publisher',
      'y',
      '--published',
      '2020',
      '--id',
      'essex-directions-2017',
    ]);
    expect(sameId.code).toBe(1);
    expect(sameId.stderr).toContain('the id "essex-directions-2017" is taken by documents/essex-directions-2017.txt');
  });

  it('rejects unknown flags, bad dates and unsupported files with usage, and removes a document that breaks validation', async () => {
    const { dir } = seedsCopy();
    const unknown = await add(['--knowledge', dir, '--titel', 'x', join(SOURCES, 'kent-medway-merger-2020.txt')]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('unknown option "--titel" (did you mean --title?)');
    expect(unknown.stderr).toContain('usage: npm run add-document');
    const badDate = await add([
      '--knowledge',
      dir,
      join(SOURCES, 'kent-medway-merger-2020.txt'),
      '--title',
      'x',
      '--publisher',
      'y',
      '--published',
      'last spring',
    ]);
    expect(badDate.code).toBe(2);
    expect(badDate.stderr).toContain('Pass --published as 2019-03-12, 2019-03 or 2019');
    const docx = join(mkdtempSync(join(tmpdir(), 'docx-')), 'paper.docx');
    writeFileSync(docx, 'not really');
    expect((await add(['--knowledge', dir, docx])).stderr).toContain('cannot import ".docx"');
    // A folder that no longer validates (a broken fact elsewhere) keeps nothing of the import.
    writeFileSync(
      join(dir, 'facts', 'events.yml'),
      '- id: broken\n  date: not a date\n  kind: milestone\n  summary: x y z\n  source: {document: essex-directions-2017, quote: "not in the document at all"}\n',
    );
    const broken = await add([
      '--knowledge',
      dir,
      join(SOURCES, 'kent-medway-merger-2020.txt'),
      '--title',
      'x',
      '--publisher',
      'y',
      '--published',
      '2020',
      '--id',
      'kent-x',
    ]);
    expect(broken.code).toBe(1);
    expect(broken.stderr).toContain('Not added');
    expect(existsSync(join(dir, 'documents', 'kent-x.txt'))).toBe(false);
  });
});
