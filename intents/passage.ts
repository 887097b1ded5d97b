/** Passage fallback: when no intent fits but a document clearly answers, quote the passage. */
import type { Intent } from '../src/engine/intent.ts';
import { searchPassages, type PassageHit } from '../src/search/passageIndex.ts';
import { contentTerms, stem } from '../src/search/text.ts';

/** Question words that say what kind of answer is wanted, not what it is about. */
const ASKING = new Set(['who', 'when', 'why', 'how', 'many', 'much', 'happen', 'happened', 'say', 'said', 'mean', 'does', 'did', 'do', 'will', 'would', 'went', 'give', 'gave', 'consider', 'considered'].map(stem));

/** Shorter passages (a lone list item such as "Southend") say too little to stand as an answer. */
const MIN_PASSAGE_CHARS = 30;

export const intent: Intent = {
  name: 'passage',
  description: 'Quote the passage of a source document that answers the question',
  fallback: true,
  examples: [],
  answer({ q, k, ix }) {
    const wanted = [...new Set(q.terms.filter((t) => !ASKING.has(t)))];
    if (wanted.length === 0) return null;
    // What the passage must speak to: the question's own known words, and each name it mentions (as one unit).
    const unknown = new Set(q.unknown.map(stem));
    const free = [...new Set(q.free.filter((t) => wanted.includes(t) && !unknown.has(t)))];
    const mentions = [...q.orgs, ...q.names].map((m) => q.words.slice(m.from, m.to).map(stem));
    const share = (terms: string[]) => {
      const hasFree = free.filter((w) => terms.includes(w)).length;
      const hasMention = mentions.filter((m) => m.some((w) => terms.includes(w))).length;
      return { free: free.length ? hasFree / free.length : 1, all: (hasFree + hasMention) / Math.max(1, free.length + mentions.length) };
    };
    // Names are common across a corpus and can crowd out the passage with the question's own words: look for both.
    const found = new Map<string, PassageHit>();
    const add = (hits: PassageHit[]) => hits.forEach((h) => found.has(h.passage.id) || found.set(h.passage.id, h));
    add(searchPassages(ix.passages, k.passages, wanted, 10));
    add(searchPassages(ix.passages, k.passages, free, 10));
    // "What does the Commissioner newsletter say about STPs?": words of a document's title or publisher pick that document.
    // The document is small: its passages are read directly rather than filtered out of a search of them all.
    for (const { id, terms } of ix.titles.documentsWith(wanted)) {
      const rest = wanted.filter((t) => !terms.includes(t));
      const scored = (k.documents.get(id)?.passages ?? []).map((passage) => {
        const has = new Set(contentTerms(passage.text));
        const matched = rest.filter((t) => has.has(t));
        return { passage, score: matched.length, terms: [...matched, ...terms] };
      });
      add(scored.filter((h) => h.score > 0).sort((x, y) => y.score - x.score).slice(0, 5));
    }
    const good = [...found.values()].filter((h) => {
      const s = share(h.terms);
      // A line ending in a colon only introduces what follows.
      return h.passage.text.length >= MIN_PASSAGE_CHARS && !h.passage.text.endsWith(':') && s.free >= 0.5 && s.all >= (unknown.size ? 0.6 : 0.5);
    });
    if (!good.length) return null;
    const best = good[0];
    const fit = share(best.terms).all;
    const chosen = [best, ...good.slice(1).filter((h) => h.score >= best.score * 0.75 && h.passage.text.length < 400)].slice(0, 2);
    return {
      statements: chosen.map((h) => {
        const doc = k.documents.get(h.passage.document)!;
        const lead = h.passage.label ? `${h.passage.label}: ` : '';
        return { text: `${doc.title} (${doc.publishedLabel}) says: “${lead}${h.passage.text}”`, sources: [{ document: doc.id, quote: h.passage.text }] };
      }),
      fit,
    };
  },
};
