/** The register's CSV reading: raw rows and their lines kept for citations, and loud failures on broken files. */
import { describe, expect, it } from 'vitest';
import { parseCsv, parseCsvWithHeader } from '../../src/knowledge/csv.ts';
import { KnowledgeError } from '../../src/knowledge/errors.ts';

/** The KnowledgeError a broken CSV raises, as a person reads it. */
function problem(text: string): string {
  try {
    parseCsv(text, 'register/test.csv');
  } catch (e) {
    expect(e).toBeInstanceOf(KnowledgeError);
    return (e as Error).message;
  }
  throw new Error('the broken CSV parsed without complaint');
}

describe('reading a register CSV', () => {
  it('keeps each record as it stands in the file, with the line it starts on, across quoted line breaks, CRLF and blank lines', () => {
    const text = '\ufeffcode,name\r\n"07G","NHS THURROCK\r\nCCG"\r\n\r\n11H,"Bristol ""central"", CCG"\n15C,BNSSG';
    expect(parseCsv(text, 'register/test.csv')).toEqual([
      { fields: ['code', 'name'], raw: 'code,name', line: 1 },
      { fields: ['07G', 'NHS THURROCK\r\nCCG'], raw: '"07G","NHS THURROCK\r\nCCG"', line: 2 },
      { fields: ['11H', 'Bristol "central", CCG'], raw: '11H,"Bristol ""central"", CCG"', line: 5 },
      { fields: ['15C', 'BNSSG'], raw: '15C,BNSSG', line: 6 },
    ]);
  });

  it('keys rows by the header, trimmed, and keeps the raw row for the citation', () => {
    expect(parseCsvWithHeader('from, to ,legal_start\nRY1, RW4 ,2018-03-31\n', 'register/s.csv')).toEqual([
      { row: { from: 'RY1', to: 'RW4', legal_start: '2018-03-31' }, raw: 'RY1, RW4 ,2018-03-31', line: 2 },
    ]);
  });

  it('refuses a short row with the file, the line and the columns it expected', () => {
    expect(problem('from,to,legal_start\nRY1,RW4,2018-03-31\n10H,14Y\n')).toBe(
      'register/test.csv (line 3): a short row: expected 3 columns, found 2\n  → restore the row as it stands in the source extract (see register/SOURCES.md)',
    );
  });

  it('refuses a long row too', () => {
    expect(problem('from,to\nRY1,RW4,2018-03-31\n')).toContain('register/test.csv (line 2): a long row: expected 2 columns, found 3');
  });

  it('refuses a stray quote inside a field, with its line, instead of splitting the row', () => {
    expect(problem('code,name\n07G,NHS "Thurrock CCG\n11H,Bristol\n')).toMatch(
      /^register\/test\.csv \(line 2\): a stray quote inside an unquoted field\n {2}→ wrap a field/,
    );
  });

  it('refuses text after a closing quote, and a quote never closed', () => {
    expect(problem('code,name\n07G,"Thurrock" CCG\n')).toContain('register/test.csv (line 2): text after the closing quote of a field');
    expect(problem('code,name\n07G,"Thurrock CCG\n11H,Bristol\n')).toContain('a quote is opened and never closed');
  });
});
