/**
 * The register's manifest (register/MANIFEST.json): for each CSV, its header by name, how many data
 * rows it holds and the sha256 of its bytes. Loading checks every file against it, so a truncated,
 * emptied, renamed-header or replaced file is refused, naming the file, what was expected and what
 * was found, before the register parser reads a row of it.
 *
 * Rows are counted with csv-parse (not the loader's own reader), so the check does not share a parser
 * bug with the code it guards; quoted fields holding line breaks count as one row.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { z } from 'zod';
import { KnowledgeError } from './errors.ts';

/** The manifest's file name, beside SOURCES.md in the register folder. */
export const MANIFEST_FILE = 'MANIFEST.json';

const fileEntry = z
  .object({
    /** Column names of the header row, in order; null for a file without one (eccg.csv). */
    header: z.array(z.string()).nullable(),
    /** Data rows, the header excluded. */
    rows: z.number().int().nonnegative(),
    sha256: z.string().regex(/^[0-9a-f]{64}$/),
  })
  .strict();

const manifestSchema = z
  .object({
    about: z.string().optional(),
    files: z.record(z.string(), fileEntry),
  })
  .strict();

export type RegisterManifest = z.infer<typeof manifestSchema>;
export type RegisterFileEntry = z.infer<typeof fileEntry>;

const ABOUT =
  'Header, data rows and sha256 of each register file. Loading refuses a file that differs. After a deliberate update of the data, run: npm run register-manifest';

/** What a register file holds, as the manifest records it. */
export function describeRegisterFile(bytes: Buffer, hasHeader: boolean): RegisterFileEntry {
  const records = readRecords(bytes);
  return {
    header: hasHeader ? (records[0] ?? []).map((h) => h.trim()) : null,
    rows: hasHeader ? Math.max(records.length - 1, 0) : records.length,
    sha256: createHash('sha256').update(bytes).digest('hex'),
  };
}

/** Builds the manifest of `files` in `registerDir` (for `npm run register-manifest`). `headerless` names files with no header row. */
export function buildRegisterManifest(registerDir: string, files: readonly string[], headerless: readonly string[]): RegisterManifest {
  const out: RegisterManifest = { about: ABOUT, files: {} };
  for (const f of files) out.files[f] = describeRegisterFile(readFileSync(join(registerDir, f)), !headerless.includes(f));
  return out;
}

/**
 * Checks every one of `files` in `registerDir` against the manifest; returns one error per file that
 * differs (the first difference found: header, then rows, then content), or the manifest's own problem.
 */
export function checkRegisterFiles(registerDir: string, files: readonly string[]): KnowledgeError[] {
  const manifest = readManifest(registerDir);
  if (manifest instanceof KnowledgeError) return [manifest];
  const errors: KnowledgeError[] = [];
  for (const f of files) {
    const expected = manifest.files[f];
    const label = `register/${f}`;
    if (!expected) {
      errors.push(
        new KnowledgeError(
          `register/${MANIFEST_FILE}`,
          `files`,
          `the manifest has no entry for ${f}`,
          `run npm run register-manifest -- ${registerDir} after checking ${f} is the data you mean to serve`,
        ),
      );
      continue;
    }
    const path = join(registerDir, f);
    if (!existsSync(path)) {
      errors.push(
        new KnowledgeError(
          label,
          '',
          `the file is missing (expected ${expected.rows} rows, sha256 ${short(expected.sha256)}; found no file in ${registerDir})`,
          `copy it from the ODS data (see register/SOURCES.md) into ${registerDir}`,
        ),
      );
      continue;
    }
    const problem = compare(expected, describeRegisterFile(readFileSync(path), expected.header !== null));
    if (problem) errors.push(new KnowledgeError(label, problem.where, problem.text, problem.fix));
  }
  return errors;
}

function compare(expected: RegisterFileEntry, found: RegisterFileEntry): { where: string; text: string; fix: string } | null {
  const restore =
    'restore it from its source (register/SOURCES.md, or git checkout -- the file); if the data was updated on purpose, run npm run register-manifest';
  if (expected.header && found.header && expected.header.join(',') !== found.header.join(',')) {
    const missing = expected.header.filter((h) => !found.header!.includes(h));
    return {
      where: 'line 1, header',
      text:
        found.header.length === 0
          ? `the file is empty: expected the header "${expected.header.join(',')}" and ${expected.rows} rows, found nothing`
          : `the header differs: expected "${expected.header.join(',')}", found "${found.header.join(',')}"${missing.length ? ` (missing: ${missing.join(', ')})` : ''}`,
      fix: restore,
    };
  }
  if (expected.rows !== found.rows) {
    return {
      where: 'rows',
      text: `expected ${expected.rows} data rows, found ${found.rows}${found.rows < expected.rows ? ' (truncated or emptied)' : ''}`,
      fix: restore,
    };
  }
  if (expected.sha256 !== found.sha256) {
    return {
      where: 'content',
      text: `the content differs from the manifest: expected sha256 ${short(expected.sha256)}, found ${short(found.sha256)} (same header and ${found.rows} rows: rows were edited or the file replaced)`,
      fix: restore,
    };
  }
  return null;
}

function readManifest(registerDir: string): RegisterManifest | KnowledgeError {
  const label = `register/${MANIFEST_FILE}`;
  const path = join(registerDir, MANIFEST_FILE);
  if (!existsSync(path))
    return new KnowledgeError(
      label,
      '',
      `the register manifest is missing from ${registerDir}`,
      `restore it (git checkout -- seeds/register/${MANIFEST_FILE}), or record a new register folder with npm run register-manifest -- ${registerDir}`,
    );
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    return new KnowledgeError(label, '', `not valid JSON: ${(e as Error).message}`, 'restore it, or regenerate it with npm run register-manifest');
  }
  const parsed = manifestSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return new KnowledgeError(label, `field ${issue.path.join('.') || '(top)'}`, issue.message, 'restore it, or regenerate it with npm run register-manifest');
  }
  return parsed.data;
}

/** The CSV's records (a byte-order mark dropped, blank lines skipped); a record csv-parse cannot read is not counted, so the file is refused. */
function readRecords(bytes: Buffer): string[][] {
  return parse(bytes, { bom: true, relax_column_count: true, relax_quotes: true, skip_empty_lines: true, skip_records_with_error: true }) as string[][];
}

const short = (sha: string) => `${sha.slice(0, 12)}…`;
