/**
 * Adding a source document to a seeds folder: read it (.txt, .md, .html, .pdf), settle its metadata (given,
 * read from the file, or asked for), write documents/<id>.txt with front matter and the text's sha256,
 * refuse a document already held (same text or same id), then validate the whole folder.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, unlinkSync, writeFileSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { parseDateInput } from '../dates.ts';
import { loadKnowledge } from '../knowledge.ts';
import { KnowledgeErrors } from '../errors.ts';
import type { Extracted } from './html.ts';
import { statedDate } from './statedDate.ts';

export const FORMATS = ['.txt', '.md', '.html', '.htm', '.pdf'] as const;

/** Metadata given on the command line; anything missing is read from the file or asked for. */
export interface DocumentMetadata {
  id?: string;
  title?: string;
  publisher?: string;
  published?: string;
  url?: string;
  kind?: string;
}

/** A problem with the input a person can fix: what, and what to do (the CLI prints it and exits 1 or 2). */
export class ImportError extends Error {
  constructor(
    message: string,
    readonly exitCode: 1 | 2 = 1,
  ) {
    super(message);
    this.name = 'ImportError';
  }
}

/** Reads a source file into plain text plus whatever metadata the file itself carries. */
export async function readSource(file: string): Promise<Extracted> {
  if (!existsSync(file)) throw new ImportError(`${file}: no such file. Give the path of a .txt, .md, .html or .pdf file.`, 2);
  const ext = extname(file).toLowerCase();
  if (ext === '.pdf') return (await import('./pdf.ts')).pdfToText(readFileSync(file));
  const raw = readFileSync(file, 'utf8');
  if (ext === '.html' || ext === '.htm') return (await import('./html.ts')).htmlToText(raw);
  if (ext === '.md') return withStatedDate((await import('./markdown.ts')).markdownToText(raw));
  if (ext === '.txt') return withStatedDate({ text: raw.endsWith('\n') ? raw : `${raw}\n`, title: headlineOf(raw) });
  throw new ImportError(`${file}: cannot import "${ext || 'a file without an extension'}". Supported: ${FORMATS.join(', ')}.`, 2);
}

/**
 * A plain-text article's title: its first line, when that line stands alone as a headline (a blank line after it,
 * three to thirty words, no full stop at its end), as news articles and pasted web pages open.
 */
export function headlineOf(raw: string): string | undefined {
  const [first, second] = raw
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n')
    .trimStart()
    .split('\n');
  const line = first?.trim() ?? '';
  const words = line.split(/\s+/).length;
  return line && (second ?? '').trim() === '' && words >= 3 && words <= 30 && !/[.:;,]$/.test(line) ? line : undefined;
}

/** Text and Markdown carry no metadata: their date is the one they state near their start, if any. */
function withStatedDate(found: Extracted): Extracted {
  const stated = statedDate(found.text);
  return stated ? { ...found, published: stated.date, publishedBasis: `Stated in the document: "${stated.quote}".` } : found;
}

/** Where each metadata field came from, for the date_basis line and the report. */
export interface Settled {
  id: string;
  title: string;
  publisher: string;
  published: string;
  precision: 'day' | 'month' | 'year';
  url: string | null;
  kind: string;
  basis: string;
  /** The date was read from the file's own record only (a PDF's creation date), not from the document: say so, so the user can give --published. */
  dateFromFileOnly: boolean;
}

export type Asker = (field: 'title' | 'publisher' | 'published' | 'url', hint: string) => Promise<string>;

const KIND_BY_EXT: Record<string, string> = { '.html': 'web page', '.htm': 'web page', '.pdf': 'report', '.md': 'document', '.txt': 'document' };

/** Metadata from the flags first, then from the file; what is still missing comes from `ask` (or is an error naming the flag). */
export async function settleMetadata(file: string, given: DocumentMetadata, found: Extracted, ask?: Asker): Promise<Settled> {
  const need = async (field: 'title' | 'publisher' | 'published', hint: string): Promise<{ value: string; from: string }> => {
    if (given[field]?.trim()) return { value: given[field]!.trim(), from: 'given' };
    if (found[field]?.trim()) return { value: found[field]!.trim(), from: 'file' };
    const answer = ask ? (await ask(field, hint)).trim() : '';
    if (!answer) throw new ImportError(`${basename(file)}: the file does not say its ${field} and none was given. Pass --${field} "${hint}".`, 2);
    return { value: answer, from: 'given' };
  };
  const title = await need('title', 'the document title');
  const publisher = await need('publisher', 'who published it, e.g. NHS England');
  const published = await need('published', 'its publication date: 2019-03-12, 2019-03 or 2019');
  const date = normaliseDate(published.value);
  if (!date)
    throw new ImportError(`${basename(file)}: the publication date "${published.value}" does not parse. Pass --published as 2019-03-12, 2019-03 or 2019.`, 2);
  const url = given.url?.trim() || found.url?.trim() || null;
  if (url && !/^https?:\/\/\S+$/.test(url))
    throw new ImportError(`${basename(file)}: the URL "${url}" is not a web address. Pass --url https://… or leave it out.`, 2);
  const id = given.id?.trim() || slug(title.value, date.value);
  if (!/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(id))
    throw new ImportError(`the id "${id}" is not usable: ids are letters, digits, dots, dashes and underscores. Pass --id my-document-2019.`, 2);
  const ext = extname(file).toLowerCase();
  const fromFile = published.from === 'file';
  const basis = fromFile
    ? (found.publishedBasis ?? `Read from the ${ext === '.pdf' ? "PDF's document information" : "page's metadata"} when imported.`)
    : 'Given when imported.';
  return {
    id,
    title: title.value,
    publisher: publisher.value,
    published: date.value,
    precision: date.precision,
    url,
    kind: given.kind?.trim() || KIND_BY_EXT[ext] || 'document',
    basis,
    dateFromFileOnly: fromFile && found.publishedFromFileOnly === true,
  };
}

/** "2019-03-12T09:00:00Z", "2019-03-12", "2019-03", "2019" → the date and its precision. */
function normaliseDate(v: string): { value: string; precision: 'day' | 'month' | 'year' } | null {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?:[T ].*)?$/.exec(v.trim());
  if (!m) return null;
  const value = [m[1], m[2], m[3]].filter(Boolean).join('-');
  const parsed = parseDateInput(value);
  if (typeof parsed === 'string' || parsed.precision === 'financial-year') return null;
  return { value, precision: m[3] ? 'day' : m[2] ? 'month' : 'year' };
}

/** "Mid and South Essex ICB: board papers" → "mid-south-essex-icb-board-papers-2023" (the year added unless the title has it). */
function slug(title: string, date: string): string {
  const skip = new Set(['the', 'a', 'an', 'of', 'for', 'to', 'in', 'on', 'and', 's']);
  const words = title
    .toLowerCase()
    .normalize('NFKD')
    .replace(/['’]s\b/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
    .split(' ')
    .filter((w) => w && !skip.has(w))
    .slice(0, 6);
  const year = date.slice(0, 4);
  return [...(words.length ? words : ['document']), ...(words.includes(year) ? [] : [year])].join('-');
}

/** The document file: flat front matter (JSON-quoted strings), then the text exactly as extracted. */
export function documentFile(meta: Settled, sourceFile: string, text: string): string {
  const sha = sha256(text);
  const lines = [
    `id: ${meta.id}`,
    `title: ${JSON.stringify(meta.title)}`,
    `publisher: ${JSON.stringify(meta.publisher)}`,
    `kind: ${JSON.stringify(meta.kind)}`,
    `url: ${meta.url ? JSON.stringify(meta.url) : 'null'}`,
    `published: ${JSON.stringify(meta.published)}`,
    `date_precision: ${meta.precision}`,
    `date_inferred: ${meta.dateFromFileOnly}`,
    `date_basis: ${JSON.stringify(meta.basis)}`,
    `source_file: ${JSON.stringify(basename(sourceFile))}`,
    `sha256: ${sha}`,
  ];
  return `---\n${lines.join('\n')}\n---\n${text}`;
}

export const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

/** The id and text hash of every document already in the folder (read from the files, so a broken one still counts). */
function heldDocuments(docDir: string): { file: string; id?: string; sha: string }[] {
  if (!existsSync(docDir)) return [];
  return readdirSync(docDir)
    .filter((f) => !f.startsWith('.'))
    .map((f) => {
      const raw = readFileSync(join(docDir, f), 'utf8');
      const m = /^---\n([\s\S]*?)\n---\n/.exec(raw);
      const id = m ? /^id: *"?([^"\n]+)"?$/m.exec(m[1])?.[1] : undefined;
      return { file: f, id, sha: sha256(m ? raw.slice(m[0].length) : raw) };
    });
}

export interface AddResult {
  path: string;
  id: string;
  passages: number;
  meta: Settled;
}

/** Imports `file` into `seedsDir`/documents; throws ImportError for a duplicate, KnowledgeErrors (file removed again) when the folder no longer validates. */
export async function addDocument(seedsDir: string, file: string, given: DocumentMetadata, ask?: Asker): Promise<AddResult> {
  const found = await readSource(file);
  if (!found.text.trim())
    throw new ImportError(`${basename(file)}: no text could be read from it (a scanned PDF holds only images). Import a version with a text layer.`);
  const meta = await settleMetadata(file, given, found, ask);
  const docDir = join(seedsDir, 'documents');
  const sha = sha256(found.text);
  for (const held of heldDocuments(docDir)) {
    if (held.sha === sha)
      throw new ImportError(`${basename(file)} is already held: documents/${held.file} has the same text (sha256 ${sha.slice(0, 12)}…). Nothing was added.`);
    if (held.id === meta.id || held.file === `${meta.id}.txt`)
      throw new ImportError(
        `the id "${meta.id}" is taken by documents/${held.file}. Pass --id with another id (for a new version of that document, replace its file instead).`,
      );
  }
  mkdirSync(docDir, { recursive: true });
  const path = join(docDir, `${meta.id}.txt`);
  writeFileSync(path, documentFile(meta, file, found.text));
  try {
    const k = loadKnowledge(seedsDir);
    return { path, id: meta.id, passages: k.documents.get(meta.id)?.passages.length ?? 0, meta };
  } catch (e) {
    unlinkSync(path);
    if (e instanceof KnowledgeErrors) throw e;
    throw e;
  }
}
