/** Citations for digest entries: a fact's {document, quote}, or a register row quoted as it stands in its CSV. */
import { basename } from 'node:path';
import type { Citation } from '../engine/answer.ts';
import type { Knowledge } from '../knowledge/knowledge.ts';
import type { RegisterRow } from '../knowledge/register.ts';
import type { SourceRef } from '../knowledge/schemas.ts';

const REGISTER_TITLES: Record<string, string> = {
  'eccg.csv': 'ODS register of CCGs (eccg)',
  'ods_successors.csv': 'ODS successor organisations',
  'stp_footprints_2016.csv': 'STP footprints, 2016',
  'stps_2019.csv': 'STPs, April 2019',
  'ccg_names_2019.csv': 'CCG names, April 2019',
  'trusts_2019.csv': 'NHS trusts (ODS), 2019',
  'ccg_stp_region_2020.csv': 'ONS CCG to STP and region lookup, April 2020',
  'icb_names_2024.csv': 'ONS ICB names and codes, December 2024',
};

/** A fact's source as a Citation, with the document's title, publisher and date when the document is loaded. */
export function sourceCitation(knowledge: Knowledge, ref: SourceRef): Citation {
  const doc = knowledge.documents.get(ref.document);
  if (!doc) return { document: ref.document, title: ref.document, quote: ref.quote };
  return { document: doc.id, title: doc.title, publisher: doc.publisher, published: doc.publishedLabel, url: doc.url, quote: ref.quote };
}

/**
 * A register row as a Citation: document "register:<file>", the raw CSV line as the quote, and a title a
 * person can check: what the row shows (when known) and "NHS organisation register (file, line n)".
 */
export function registerCitation(row: RegisterRow): Citation {
  const file = basename(row.file);
  return {
    document: `register:${file}`,
    title: `${row.about ?? REGISTER_TITLES[file] ?? file} — NHS organisation register (${file}, line ${row.line})`,
    publisher: 'NHS Digital / ONS',
    quote: row.raw,
  };
}

/** Citations without repeats (same document and quote), in first-seen order. */
export function uniqueCitations(citations: Citation[]): Citation[] {
  const seen = new Set<string>();
  return citations.filter((c) => {
    const key = `${c.document}\u0000${c.quote}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
