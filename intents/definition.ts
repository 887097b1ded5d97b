/** Definitions: "what is a success regime?", "what does STP mean?". */
import type { Intent } from '../src/engine/intent.ts';
import { asks, mostSpecific, programmesIn, termsIn } from './_shared.ts';

export const intent: Intent = {
  name: 'definition',
  description: 'Explain a term or a group (what is a success regime, an STP, the System Leaders Group)',
  needs: ['term', 'programme'],
  examples: [
    'what is {term}',
    'what is a {term}',
    'what is an {term}',
    'what does {term} mean',
    'define {term}',
    'what are {term}',
    'explain {term}',
    'what is the {programme}',
    'meaning of {term}',
    '{term}',
    'what does {term} stand for',
    'what is meant by {term}',
    'what is the role of the {programme}',
    'what does the {programme} do',
  ],
  rephrase: ({ q }) => {
    const t = termsIn(q)[0];
    return t ? `What does “${t.term}” mean?` : null;
  },
  answer({ q }) {
    if (!asks(q, 'what', 'define', 'meaning', 'mean', 'means', 'explain', 'stand', 'role') && q.words.length > 4) return null;
    // A question naming an organisation asks about that organisation, not about a term; one naming a time
    // ("what was done in December 2015 for …") asks what happened then.
    if (q.orgs.some((m) => m.org.inRegister) || q.dates.length) return null;
    const term = termsIn(q)[0];
    if (term) {
      return {
        statements: [
          { text: `${term.term}: ${term.definition}`, sources: [] },
          { text: `In the sources: “${term.source.quote}”`, sources: [term.source] },
        ],
        fit: 1,
      };
    }
    const programme = mostSpecific(programmesIn(q));
    if (!programme) return null;
    return {
      statements: [
        { text: `${programme.name}: ${programme.description}`, sources: [] },
        { text: `In the sources: “${programme.source.quote}”`, sources: [programme.source] },
      ],
      fit: 1,
    };
  },
};
