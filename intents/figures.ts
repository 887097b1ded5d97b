/** Figures: "how many CCGs had legal directions in 2016-17?", "how many hospitals are there in Essex?". */
import type { Intent } from '../src/engine/intent.ts';
import type { Figure } from '../src/knowledge/knowledge.ts';
import { overlaps } from '../src/knowledge/dates.ts';
import { asks, countWords } from './_shared.ts';
import { stem, words } from '../src/search/text.ts';

export const intent: Intent = {
  name: 'figures',
  description: 'Give a figure from the sources (how many, how much)',
  examples: [
    'how many ccgs had {type} in {date}', 'how many ccgs are in financial special measures', 'how many hospitals are there', 'how many contracts are there',
    'what is the combined revenue', 'how many trusts', 'how much', 'number of ccgs', 'how many interviews were held', 'how many success regimes are there', 'what proportion of ccgs', 'how many ccgs had legal directions',
  ],
  answer({ q, k, ix }) {
    if (!asks(q, 'many', 'much', 'number', 'proportion', 'count', 'total', 'revenue', 'revenues', 'figure')) return null;
    const hits = ix.facts.search(q.terms.filter((t) => !['many', 'much', 'number'].includes(t)), ['figure'], 10)
      .map((h) => ({ ...h, figure: h.ref.fact as Figure }))
      .filter((h) => q.dates.every((d) => !h.figure.periodValue || overlaps(d.value, h.figure.periodValue)))
      // "How many hospitals": a figure counted in hospitals beats one that merely mentions them.
      .map((h) => ({ ...h, score: h.score * (words(h.figure.unit).map(stem).some((u) => q.terms.includes(u)) ? 2 : 1) }))
      .sort((a, b) => b.score - a.score);
    if (!hits.length) return null;
    const best = hits[0];
    const coverage = best.terms.length / Math.max(1, q.terms.filter((t) => !['many', 'much', 'number'].includes(t)).length);
    const f = best.figure;
    return {
      statements: [{ text: `${f.label}: ${countWords(f.value)}${f.unit && !f.label.toLowerCase().includes(f.unit.toLowerCase()) ? ` ${f.unit}` : ''}${f.periodValue ? ` (${f.periodValue.label})` : ''}. The source says: “${f.source.quote}”`, sources: [f.source] }],
      fit: Math.min(1, coverage + 0.3),
    };
  },
};
