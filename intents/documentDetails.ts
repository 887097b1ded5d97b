/**
 * About a source document itself: "when was the Kent and Medway article published?", "what's the date on update
 * no.1 of the success regime briefing?", "who wrote the Kiss goodbye to CCG autonomy newsletter?". The document is
 * the one whose title the question names (most of its words); the answer is its date and publisher as recorded
 * with it, cited by the document's opening line.
 */
import type { Intent } from '../src/engine/intent.ts';
import type { SourceDocument } from '../src/knowledge/documents.ts';
import type { Knowledge } from '../src/knowledge/knowledge.ts';
import type { ParsedQuestion } from '../src/search/question.ts';
import { contentTerms } from '../src/search/text.ts';
import { asks } from './_shared.ts';

/** Title words that say what kind of document, not which one. */
const KIND_WORDS = new Set(
  ['nhs', 'ccg', 'ccgs', 'the', 'update', 'briefing', 'article', 'report', 'paper', 'newsletter', 'page', 'note', 'guidance'].flatMap(contentTerms),
);

export const intent: Intent = {
  name: 'document-details',
  description: 'Say when a source document was published and by whom',
  examples: [
    'when was the article published',
    'what is the date on the briefing',
    'what date is the report',
    'who wrote the newsletter',
    'who published the guidance',
    'who is the author of the article',
    'when was the board paper written',
  ],
  answer({ q, k, ix }) {
    // "When was it published?", "what's the date on it?": a bare "when" asks about what the document reports, not the document.
    const when = asks(q, 'date', 'dated', 'published', 'written', 'issued', 'released');
    const who = asks(q, 'wrote', 'written', 'author', 'publisher', 'published') && asks(q, 'who', 'whom');
    if (!when && !who) return null;
    const doc = namedDocument(
      q,
      k,
      ix.titles.documentsWith(q.terms, 3, 5).map((d) => d.id),
    );
    if (!doc) return null;
    const opening = doc.passages[0];
    const sources = opening ? [{ document: doc.id, quote: opening.text }] : [];
    const text = who
      ? `“${doc.title}” was published by ${doc.publisher}, ${doc.publishedLabel}.`
      : `“${doc.title}” is dated ${doc.publishedLabel} (${doc.publisher}).`;
    return { statements: [{ text, sources }], fit: 1 };
  },
};

/** The document most of whose telling title words the question uses (three of them, or two and half its title). */
function namedDocument(q: ParsedQuestion, k: Knowledge, candidates: string[]): SourceDocument | undefined {
  const asked = new Set(q.terms);
  let best: { doc: SourceDocument; share: number } | undefined;
  for (const id of candidates) {
    const doc = k.documents.get(id);
    if (!doc) continue;
    const title = [...new Set(contentTerms(doc.title))].filter((t) => !KIND_WORDS.has(t));
    const held = title.filter((t) => asked.has(t)).length;
    const share = title.length ? held / title.length : 0;
    if ((held >= 3 || (held >= 2 && share >= 0.5)) && (!best || share > best.share)) best = { doc, share };
  }
  return best?.doc;
}
