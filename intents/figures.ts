/** Figures: "how many CCGs had legal directions in 2016-17?", "how many hospitals are there in Essex?". */
import type { Intent } from '../src/engine/intent.ts';
import type { Figure } from '../src/knowledge/knowledge.ts';
import { overlaps } from '../src/knowledge/dates.ts';
import { asks, countedTerms, countWords } from './_shared.ts';
import { STOP_WORDS, contentTerms, stem, words } from '../src/search/text.ts';

/** Share of the unit's words the question uses: "hospitals" fits "how many hospitals" better than "hospitals (of three)". */
function unitFit(unit: string, terms: string[]): number {
  const u = words(unit)
    .filter((w) => !STOP_WORDS.has(w))
    .map(stem);
  return u.length ? u.filter((w) => terms.includes(w)).length / u.length : 0;
}

/** Word pairs of the question that stand in the label ("in Essex"). */
function sharedBigrams(label: string, question: string[]): number {
  const l = ` ${words(label).join(' ')} `;
  let n = 0;
  for (let i = 0; i + 1 < question.length; i++) if (l.includes(` ${question[i]} ${question[i + 1]} `)) n++;
  return n;
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

export const intent: Intent = {
  name: 'figures',
  description: 'Give a figure from the sources (how many, how much)',
  examples: [
    'how many ccgs had {type} in {date}',
    'how many ccgs are in financial special measures',
    'how many hospitals are there',
    'how many contracts are there',
    'what is the combined revenue',
    'how many trusts',
    'how much',
    'number of ccgs',
    'how many interviews were held',
    'how many success regimes are there',
    'what proportion of ccgs',
    'how many ccgs had legal directions',
  ],
  answer({ q, ix }) {
    // "Is Essex the only success regime?": a figure counting success regimes says yes (one) or no (more).
    const only = q.answerType === 'yes-no' ? q.words.indexOf('only') : -1;
    if (only < 0 && !asks(q, 'many', 'much', 'number', 'proportion', 'count', 'total', 'revenue', 'revenues', 'figure')) return null;
    // "How many CCGs …" asks for a figure counted in CCGs: one counted in something else answers another question.
    const counted = only >= 0 ? contentTerms(q.words.slice(only + 1).join(' ')).slice(-1) : countedTerms(q);
    if (only >= 0 && !counted.length) return null;
    const countsIt = (f: Figure) => !counted.length || counted.some((t) => contentTerms(`${f.unit} ${f.label}`).includes(t));
    const hits = ix.facts
      .search(
        q.terms.filter((t) => !['many', 'much', 'number'].includes(t)),
        ['figure'],
        10,
      )
      .map((h) => ({ ...h, figure: h.ref.fact as Figure }))
      .filter((h) => q.dates.every((d) => !h.figure.periodValue || overlaps(d.value, h.figure.periodValue)) && countsIt(h.figure))
      // "How many hospitals": a figure counted in hospitals beats one that merely mentions them.
      .map((h) => ({ ...h, score: h.score * (1 + unitFit(h.figure.unit, q.terms)) * (1 + 0.5 * sharedBigrams(h.figure.label, q.words)) }))
      .sort((a, b) => b.score - a.score);
    if (!hits.length) return null;
    const best = hits[0];
    const coverage = best.terms.length / Math.max(1, q.terms.filter((t) => !['many', 'much', 'number'].includes(t)).length);
    const f = best.figure;
    if (only >= 0 && !contentTerms(f.unit).some((t) => counted.includes(t))) return null;
    return {
      ...(only >= 0 ? { verdict: f.value === 1 } : {}),
      // The figure first, then what it counts.
      statements: [
        {
          text: `${capitalise(`${f.qualifier ? `${f.qualifier} ` : ''}${countWords(f.value)}${f.unit && !f.label.toLowerCase().includes(f.unit.toLowerCase()) ? ` ${f.unit}` : ''}`)} — ${f.label}${f.periodValue ? ` (${f.periodValue.label})` : ''}. The source says: “${f.source.quote}”`,
          sources: [f.source],
        },
      ],
      fit: Math.min(1, coverage + 0.3),
    };
  },
};
