/** Turning sources into citations a person can check: document title, publisher, date, link, verbatim quote. */
import type { Knowledge } from '../knowledge/knowledge.ts';
import type { Citation } from './answer.ts';
import type { RegisterRow } from '../knowledge/register.ts';
import type { Source } from './intent.ts';

export const REGISTER_PUBLISHER = 'NHS Digital / NHS England / ONS, Open Government Licence v3.0';

/** A citation for a source: a document quote, or a register row as it stands in its CSV. */
export function toCitation(k: Knowledge, source: Source): Citation {
  if ('title' in source) return source;
  if ('document' in source) {
    const doc = k.documents.get(source.document);
    return {
      document: source.document,
      title: doc?.title ?? source.document,
      publisher: doc?.publisher,
      published: doc?.publishedLabel,
      url: doc?.url ?? null,
      quote: source.quote,
    };
  }
  const file = source.file.replace(/^register\//, '');
  // "NHS Brent CCG (07P), open date 1 April 2013 — NHS organisation register (eccg.csv, line 21)": what to check, and where.
  const about = source.about ?? ownerOf(k, source);
  const where = `NHS organisation register (${file}, line ${source.line})`;
  return { document: `register:${file}`, title: about ? `${about} — ${where}` : where, publisher: REGISTER_PUBLISHER, url: null, quote: source.raw };
}

const owners = new WeakMap<Knowledge, Map<string, string>>();

/** The organisation a register row belongs to ("NHS Thurrock CCG (07G)"), found once per snapshot. */
function ownerOf(k: Knowledge, row: RegisterRow): string | undefined {
  let map = owners.get(k);
  if (!map) {
    map = new Map();
    for (const o of k.organisations.values())
      for (const r of o.rows) if (!map.has(`${r.file}:${r.line}`)) map.set(`${r.file}:${r.line}`, `${o.name} (${o.code})`);
    owners.set(k, map);
  }
  return map.get(`${row.file}:${row.line}`);
}
