import { describe, expect, it } from 'vitest';
import { loadKnowledge } from '../../src/knowledge/knowledge.ts';
import { parseDocument, splitPassages } from '../../src/knowledge/documents.ts';

const k = loadKnowledge();

describe('documents and passages', () => {
  it('keeps each passage as an exact slice of its document', () => {
    for (const doc of k.documents.values()) {
      for (const p of doc.passages) expect(doc.text.slice(p.start, p.end)).toBe(p.text);
    }
  });

  it('gives passages stable ids in document order', () => {
    const doc = k.documents.get('essex-directions-2017')!;
    expect(doc.passages.map((p) => p.id).slice(0, 3)).toEqual(['essex-directions-2017#1', 'essex-directions-2017#2', 'essex-directions-2017#3']);
  });

  it('splits table rows into labelled cells and list items from their bullets', () => {
    const doc = k.documents.get('essex-success-regime-2016')!;
    const setUp = doc.passages.find((p) => p.text.startsWith('Programme set up'))!;
    expect(setUp.kind).toBe('table-row');
    expect(setUp.label).toBe('December 2015');
    const walsall = k.documents.get('single-commissioning-2016')!.passages.find((p) => p.text.startsWith('Walsall CCG'))!;
    expect(walsall.kind).toBe('list-item');
  });

  it('reads a block of short lines as a list under its heading', () => {
    const passages = splitPassages('d', 'Service providers:\n\nProvide\nMonitor\n');
    expect(passages.map((p) => [p.kind, p.text, p.section])).toEqual([
      ['heading', 'Service providers:', undefined],
      ['list-item', 'Provide', 'Service providers'],
      ['list-item', 'Monitor', 'Service providers'],
    ]);
  });

  it('reads the numbered paragraphs of a letter as paragraphs, and its lettered points as a list under the paragraph introducing them', () => {
    const text = [
      '1. We are writing, jointly with the regulator, to confirm that your system has been chosen as one of nine areas to take part in the review of spending for 2018/19. This letter sets out what the review involves and what we need from you.',
      '',
      '2. Please send a single joint plan for the system by 30 June 2018. The plan should be agreed by the governing body and by the trust board, and signed by both of you. It should set out:',
      '',
      '   a. each saving and its value;',
      '   b. the risks to delivery.',
      '',
      'The criteria are:',
      '',
      '1. a single plan',
      '2. one accountable officer',
    ].join('\n');
    const passages = splitPassages('d', text);
    expect(passages.map((p) => p.kind)).toEqual(['paragraph', 'paragraph', 'list-item', 'list-item', 'heading', 'list-item', 'list-item']);
    expect(passages[2]).toMatchObject({ text: 'each saving and its value;', intro: passages[1].text });
    expect(passages[5]).toMatchObject({ text: 'a single plan', intro: 'The criteria are:' });
    for (const p of passages) expect(text.slice(p.start, p.end)).toBe(p.text);
  });

  it('reads a table laid out with spaces: a header names the columns, an indented line continues a cell', () => {
    const text = [
      'Name                 Role                         Attendance',
      'Dr Ann Hale          Chair                        10 of 10',
      'Raj Patel            Director of Public Health    6 of 10',
      '                     (non-voting)',
      '',
      'Their chairs during the year were:',
      '',
      'Audit Committee      Raj Patel',
      'Remuneration Committee    Ann Hale',
      '',
      'A sentence with  two spaces is still a paragraph.',
    ].join('\n');
    const passages = splitPassages('d', text);
    const rows = passages.filter((p) => p.kind === 'table-row');
    expect(rows[0]).toMatchObject({ text: 'Dr Ann Hale          Chair                        10 of 10', columns: ['Name', 'Role', 'Attendance'] });
    expect(rows[1].text).toBe('Raj Patel            Director of Public Health    6 of 10\n                     (non-voting)');
    expect(rows[2]).toMatchObject({ text: 'Raj Patel', label: 'Audit Committee', intro: 'Their chairs during the year were:' });
    expect(rows[3]).toMatchObject({ text: 'Ann Hale', label: 'Remuneration Committee' });
    expect(passages.at(-1)).toMatchObject({ kind: 'paragraph', text: 'A sentence with  two spaces is still a paragraph.' });
    for (const p of passages) expect(text.slice(p.start, p.end)).toBe(p.text);
  });

  it('carries each document’s metadata with the precision of its date', () => {
    const doc = k.documents.get('single-commissioning-2016')!;
    expect(doc.publishedLabel).toBe('21 July 2016');
    expect(doc.date_inferred).toBe(true);
    expect(k.documents.get('essex-directions-2017')!.publishedLabel).toBe('April 2017');
  });

  it('reads front matter that is more than plain lines with the YAML parser', () => {
    const raw = [
      '---',
      'id: folded',
      'title: >-',
      '  A title folded',
      '  over two lines',
      'publisher: "HSJ"',
      'kind: news',
      'url: null',
      'published: "2016-05"',
      'date_precision: month',
      'date_inferred: false',
      '---',
      'Text.',
    ].join('\n');
    const doc = parseDocument('documents/folded.txt', raw);
    expect(doc.title).toBe('A title folded over two lines');
    expect(doc.text).toBe('Text.');
  });
});
