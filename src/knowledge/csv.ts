/** A small RFC 4180 CSV reader that also keeps each record's raw line, so a register row can be cited verbatim. */
export interface CsvRecord {
  fields: string[];
  /** The record exactly as it stands in the file (without the line break). */
  raw: string;
  /** 1-based line number in the file. */
  line: number;
}

/** Parses CSV text (a UTF-8 byte-order mark is dropped); quoted fields may hold commas, quotes and line breaks. */
export function parseCsv(text: string): CsvRecord[] {
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let field = '';
  let quoted = false;
  let start = 0;
  let line = 1;
  let recordLine = 1;
  const endRecord = (end: number) => {
    fields.push(field);
    const raw = src.slice(start, end).replace(/\r$/, '');
    if (raw.trim() !== '') records.push({ fields, raw, line: recordLine });
    fields = [];
    field = '';
  };
  for (let i = 0; i < src.length; i++) {
    const ch = src[i];
    if (quoted) {
      if (ch === '"' && src[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else {
        if (ch === '\n') line++;
        field += ch;
      }
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      fields.push(field);
      field = '';
    } else if (ch === '\n') {
      endRecord(i);
      line++;
      start = i + 1;
      recordLine = line;
    } else if (ch !== '\r') field += ch;
  }
  if (start < src.length) endRecord(src.length);
  return records;
}

/** Parses CSV with a header row into objects keyed by column name. */
export function parseCsvWithHeader(text: string): { row: Record<string, string>; raw: string; line: number }[] {
  const [header, ...rest] = parseCsv(text);
  if (!header) return [];
  return rest.map((r) => ({
    row: Object.fromEntries(header.fields.map((h, i) => [h.trim(), (r.fields[i] ?? '').trim()])),
    raw: r.raw,
    line: r.line,
  }));
}
