/**
 * Loads the curated YAML facts: each file is validated with its zod schema, every quote must stand
 * verbatim in its document, every date must parse and every reference must resolve. All problems are
 * collected so one run shows everything to fix, each with file, line and field.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import YAML, { isNode, LineCounter } from 'yaml';
import type { z } from 'zod';
import { KnowledgeError } from './errors.ts';
import { FACT_FILES, type FactFile, type SourceRef } from './schemas.ts';
import type { SourceDocument } from './documents.ts';
import { closestPassage } from './quotes.ts';
import { parseDateInput, type DateValue } from './dates.ts';
import type { DateInput } from './schemas.ts';

/** Where an entry's field sits in its file ("line 12"), from its path ([entry index, field, …]). */
export type Locate = (path: (string | number)[]) => string;

/** One facts file read: its valid entries, typed by the file's schema, and a way to find them again. */
export interface FactFileRead<T> {
  value: T[];
  locate: Locate;
  /** True when the file is missing, unreadable or has an invalid entry: references to its entries may be knock-ons. */
  failed: boolean;
}

/** The entry type of each facts file, as its zod schema outputs it. */
export type FactEntry<F extends FactFile> = z.output<(typeof FACT_FILES)[F]>;

/** Every facts file read, each with its own entry type. */
export type FactFiles = { [F in FactFile]: FactFileRead<FactEntry<F>> };

/** Reads and schema-checks every facts file; problems go into `errors`. */
export function readFactFiles(dir: string, errors: KnowledgeError[]): FactFiles {
  const known = new Set(Object.keys(FACT_FILES));
  const folderMissing = !existsSync(dir);
  if (folderMissing) {
    errors.push(
      new KnowledgeError(
        'facts/',
        '',
        `the facts folder ${dir} does not exist`,
        `restore it: every one of ${[...known].join(', ')} is required (write [] in a file for a deliberately empty list)`,
      ),
    );
  } else {
    for (const f of readdirSync(dir)) {
      if (/\.ya?ml$/.test(f) && !known.has(f)) {
        errors.push(new KnowledgeError(`facts/${f}`, '', 'this file is not one the loader reads', `name it one of ${[...known].join(', ')}`));
      }
    }
  }
  // Spelt out file by file so each gets its own entry type (a loop over FACT_FILES would lose it).
  return {
    'organisations.yml': readFactFile(dir, 'organisations.yml', FACT_FILES['organisations.yml'], errors),
    'people.yml': readFactFile(dir, 'people.yml', FACT_FILES['people.yml'], errors),
    'interventions.yml': readFactFile(dir, 'interventions.yml', FACT_FILES['interventions.yml'], errors),
    'programmes.yml': readFactFile(dir, 'programmes.yml', FACT_FILES['programmes.yml'], errors),
    'events.yml': readFactFile(dir, 'events.yml', FACT_FILES['events.yml'], errors),
    'figures.yml': readFactFile(dir, 'figures.yml', FACT_FILES['figures.yml'], errors),
    'glossary.yml': readFactFile(dir, 'glossary.yml', FACT_FILES['glossary.yml'], errors),
  };
}

/** Reads one facts file: a YAML list whose entries each pass `schema`; the others become errors with file, line and field. */
function readFactFile<T>(dir: string, file: FactFile, schema: z.ZodType<T>, errors: KnowledgeError[]): FactFileRead<T> {
  const path = join(dir, file);
  const label = `facts/${file}`;
  // Until it has read cleanly, a file counts as failed: what cites its entries then follows from that.
  const none: FactFileRead<T> = { value: [], locate: () => '', failed: true };
  if (!existsSync(dir)) return none;
  if (!existsSync(path)) {
    errors.push(
      new KnowledgeError(
        label,
        '',
        `the file is missing from ${dir}`,
        'restore it; every facts file is required (write [] in it for a deliberately empty list)',
      ),
    );
    return none;
  }
  const text = readFileSync(path, 'utf8');
  const lineCounter = new LineCounter();
  const doc = YAML.parseDocument(text, { lineCounter, prettyErrors: false });
  if (doc.errors.length) {
    const e = doc.errors[0];
    const pos = lineCounter.linePos(e.pos[0]);
    errors.push(
      new KnowledgeError(
        label,
        `line ${pos.line}, column ${pos.col}`,
        `bad YAML: ${e.message.split('\n')[0]}`,
        'fix the YAML syntax there (check indentation, and quote strings that hold a colon)',
      ),
    );
    return none;
  }
  const locate = (p: (string | number)[]) => {
    for (let n = p.length; n >= 0; n--) {
      const node = doc.getIn(p.slice(0, n), true);
      if (isNode(node) && node.range) return `line ${lineCounter.linePos(node.range[0]).line}`;
    }
    return '';
  };
  const data: unknown = doc.toJS();
  if (data == null) {
    errors.push(
      new KnowledgeError(label, '', 'the file is empty (or holds only comments)', 'restore its entries; for a deliberately empty list write [] in it'),
    );
    return none;
  }
  if (!Array.isArray(data)) {
    errors.push(new KnowledgeError(label, 'line 1', 'the file must be a YAML list of entries', 'start each entry with "- id: …"'));
    return none;
  }
  const valid: T[] = [];
  data.forEach((entry: unknown, i) => {
    const parsed = schema.safeParse(entry);
    if (parsed.success) valid.push(parsed.data);
    else {
      for (const issue of parsed.error.issues.slice(0, 3)) {
        const at = [i, ...issue.path.map((k) => (typeof k === 'symbol' ? String(k) : k))];
        errors.push(
          new KnowledgeError(
            label,
            `${locate(at)}, entry ${i + 1}${entryId(entry)}, field ${issue.path.join('.') || '(entry)'}`,
            issue.message,
            'see seeds/facts/README.md for the fields each entry takes',
          ),
        );
      }
    }
  });
  return { value: valid, locate, failed: valid.length < data.length };
}

const entryId = (entry: unknown) => (entry && typeof entry === 'object' && 'id' in entry ? ` (id ${String(entry.id)})` : '');

/** Checks a quote stands verbatim in its document; the error shows the closest passage to copy from. */
export function checkQuote(ref: SourceRef, documents: Map<string, SourceDocument>, file: string, where: string): KnowledgeError | null {
  const doc = documents.get(ref.document);
  if (!doc) return new KnowledgeError(file, where, `unknown document "${ref.document}"`, `use one of: ${[...documents.keys()].join(', ')}`);
  if (doc.text.includes(ref.quote)) return null;
  const near = closestPassage(doc, ref.quote);
  return new KnowledgeError(
    file,
    where,
    `the quote is not verbatim in ${ref.document}: ${JSON.stringify(ref.quote.slice(0, 160))}`,
    near
      ? `copy the words exactly (curly quotes and dashes included); the closest passage is ${near.id}: ${JSON.stringify(near.text.slice(0, 240))}`
      : 'copy the words exactly from the document',
  );
}

/** Parses a date of a fact, recording a KnowledgeError when it does not parse. */
export function checkDate(input: DateInput, errors: KnowledgeError[], file: string, where: string): DateValue | undefined {
  const parsed = parseDateInput(input);
  if (typeof parsed === 'string') {
    errors.push(new KnowledgeError(file, where, parsed, 'correct the date'));
    return undefined;
  }
  return parsed;
}
