/** Turning sources into citations a person can check: document title, publisher, date, link, verbatim quote. */
import type { Knowledge } from '../knowledge/knowledge.ts';
import type { Citation } from './answer.ts';
import type { Source } from './intent.ts';

export const REGISTER_TITLE = 'NHS organisation register (ODS and ONS data)';
export const REGISTER_PUBLISHER = 'NHS Digital / NHS England / ONS, Open Government Licence v3.0';

/** A citation for a source: a document quote, or a register row as it stands in its CSV. */
export function toCitation(k: Knowledge, source: Source): Citation {
  if ('title' in source) return source;
  if ('document' in source) {
    const doc = k.documents.get(source.document);
    return { document: source.document, title: doc?.title ?? source.document, publisher: doc?.publisher, published: doc?.publishedLabel, url: doc?.url ?? null, quote: source.quote };
  }
  return { document: `register:${source.file.replace(/^register\//, '')}`, title: `${REGISTER_TITLE}, ${source.file.replace(/^register\//, '')} line ${source.line}`, publisher: REGISTER_PUBLISHER, url: null, quote: source.raw };
}
