/**
 * Register CSVs through csv-parse (RFC 4180: quoted fields may hold commas, quotes and line breaks),
 * keeping each record's raw text and line number so a register row can be cited verbatim. A stray
 * quote or a row with the wrong number of columns is an error naming the file, the line and what was
 * expected, never a row quietly split or dropped.
 */
import { CsvError, parse } from 'csv-parse/sync';
import { KnowledgeError } from './errors.ts';

export interface CsvRecord {
  fields: string[];
  /** The record exactly as it stands in the file (without the line break). */
  raw: string;
  /** 1-based line number in the file where the record starts. */
  line: number;
}

const FIX_ROW = 'restore the row as it stands in the source extract (see register/SOURCES.md)';
const FIX_QUOTE = 'wrap a field that holds a quote, comma or line break in double quotes, and double every quote inside it ("")';

/**
 * Parses CSV text (a UTF-8 byte-order mark is dropped, blank lines skipped). Every record must have as
 * many fields as the first (the header, where there is one). `file` names the file in errors.
 */
export function parseCsv(text: string, file: string): CsvRecord[] {
  const src = Buffer.from(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text, 'utf8');
  // csv-parse says how many bytes it had read when each record ended (its line break included); the
  // raw text and first line of a record come from the bytes between one record's end and the next.
  const ends: number[] = [];
  let parsed: string[][];
  try {
    parsed = parse(src, {
      skip_empty_lines: true,
      relax_column_count: true,
      record_delimiter: ['\r\n', '\n'],
      on_record: (record: string[], { bytes }) => {
        ends.push(bytes);
        return record;
      },
    });
  } catch (e) {
    if (e instanceof CsvError) throw csvProblem(e, file);
    throw e;
  }
  let line = 1;
  const records = parsed.map((fields, i) => {
    const segment = src.subarray(i === 0 ? 0 : ends[i - 1], ends[i]).toString('utf8');
    const blank = /^(?:\r?\n)*/.exec(segment)![0];
    const raw = segment.slice(blank.length).replace(/\r?\n$/, '');
    const record = { fields, raw, line: line + newlines(blank) };
    line += newlines(segment);
    return record;
  });
  const expected = records[0]?.fields.length ?? 0;
  for (const r of records) {
    if (r.fields.length !== expected) {
      const what = r.fields.length < expected ? 'a short row' : 'a long row';
      throw new KnowledgeError(file, `line ${r.line}`, `${what}: expected ${expected} columns, found ${r.fields.length}`, FIX_ROW);
    }
  }
  return records;
}

const newlines = (text: string) => text.match(/\n/g)?.length ?? 0;

/** Parses CSV with a header row into objects keyed by column name (names and values trimmed). */
export function parseCsvWithHeader(text: string, file: string): { row: Record<string, string>; raw: string; line: number }[] {
  const [header, ...rest] = parseCsv(text, file);
  if (!header) return [];
  return rest.map((r) => ({
    row: Object.fromEntries(header.fields.map((h, i) => [h.trim(), r.fields[i].trim()])),
    raw: r.raw,
    line: r.line,
  }));
}

/** A csv-parse error as a KnowledgeError: where, and what to do about it. */
function csvProblem(e: CsvError, file: string): KnowledgeError {
  const line = typeof e.lines === 'number' ? `line ${e.lines}` : '';
  switch (e.code) {
    case 'INVALID_OPENING_QUOTE':
      return new KnowledgeError(file, line, 'a stray quote inside an unquoted field', FIX_QUOTE);
    case 'CSV_INVALID_CLOSING_QUOTE':
      return new KnowledgeError(file, line, 'text after the closing quote of a field (expected a comma or the end of the line)', FIX_QUOTE);
    case 'CSV_QUOTE_NOT_CLOSED':
      return new KnowledgeError(file, line, 'a quote is opened and never closed: the file ends inside a quoted field', FIX_QUOTE);
    default:
      return new KnowledgeError(file, line, `the CSV does not parse (${e.message})`, FIX_ROW);
  }
}
