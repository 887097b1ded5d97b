/** Passage fallback: when no intent fits but a document clearly answers, quote the passage. */
import type { Intent } from '../src/engine/intent.ts';
import { searchPassages } from '../src/search/passageIndex.ts';
import { stem } from '../src/search/text.ts';

/** Question words that say what kind of answer is wanted, not what it is about. */
const ASKING = new Set(['who', 'when', 'why', 'how', 'many', 'much', 'happen', 'happened', 'say', 'said', 'mean', 'does', 'did', 'do', 'will', 'would', 'went', 'give', 'gave', 'consider', 'considered'].map(stem));

export const intent: Intent = {
  name: 'passage',
  description: 'Quote the passage of a source document that answers the question',
  fallback: true,
  examples: [],
  answer({ q, k, ix }) {
    const wanted = [...new Set(q.terms.filter((t) => !ASKING.has(t)))];
    if (wanted.length === 0) return null;
    const hits = searchPassages(ix.passages, k.passages, wanted, 3);
    if (!hits.length) return null;
    const covered = (terms: string[]) => wanted.filter((w) => terms.includes(w)).length / wanted.length;
    const best = hits[0];
    const fit = covered(best.terms);
    if (fit < 0.5 || (wanted.length >= 3 && best.terms.length < 2)) return null;
    const chosen = [best, ...hits.slice(1).filter((h) => h.score >= best.score * 0.75 && h.passage.text.length < 400)].slice(0, 2);
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
