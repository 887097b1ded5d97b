/** Help: what the bot can do, with example questions. */
import type { Intent } from '../src/engine/intent.ts';
import { stem, words } from '../src/search/text.ts';

export const intent: Intent = {
  name: 'help',
  description: 'Explain what I can answer',
  examples: [
    'what can you do',
    'help',
    'how do I use you',
    'what do you know',
    'what questions can I ask',
    'what can I ask you',
    'how does this work',
    'what are you',
    'hello',
    'commands',
    'usage',
    'what sources do you use',
  ],
  answer({ q, k }) {
    if (q.orgs.length || q.names.length || q.interventionTypes.length) return null;
    // "What is the population of Essex?" is a question the bot cannot answer, not a request for help.
    const own = new Set(intent.examples.flatMap((e) => words(e).map(stem)));
    if (q.terms.some((t) => !own.has(t))) return null;
    const docs = [...k.documents.values()];
    return {
      statements: [
        {
          text: `I answer questions about NHS commissioning from ${docs.length} source documents and the NHS organisation register (${k.organisations.size} organisations), quoting the passage each statement rests on.`,
          sources: [],
        },
        { text: 'Organisations: "tell me about Thurrock CCG", "what happened to North Somerset CCG?", or /commissioning org 07G.', sources: [] },
        {
          text: 'Interventions: "which CCGs are in financial special measures?", "what was Vale of York told to do?", "why did NHS England intervene in mid and south Essex?"',
          sources: [],
        },
        {
          text: 'People and groups: "who leads primary care in the success regime?", "who sits on the System Leaders Group?", "who is Melanie Craig?"',
          sources: [],
        },
        {
          text: 'Dates, figures and terms: "when were the directions imposed?", "how many CCGs had legal directions in 2016-17?", "what is a success regime?"',
          sources: [],
        },
        { text: 'Channels can subscribe to digests of changes: /commissioning digest subscribe weekly.', sources: [] },
      ],
    };
  },
};
