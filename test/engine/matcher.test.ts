/** Intent ranking: scores kept for a question's shape are the scores matching it afresh would give. */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../src/engine/engine.ts';
import { IntentMatcher } from '../../src/engine/matcher.ts';
import { parseQuestion } from '../../src/search/question.ts';
import { bundledEngine } from '../helpers/knowledge.ts';

let engine: Engine;
beforeAll(async () => {
  engine = await bundledEngine();
});

const QUESTIONS = [
  'Tell me about Thurrock CCG',
  'Tell me about Southend CCG',
  'Which CCGs are under legal directions?',
  'who leads primary care in the success regime',
  'what does fsm mean',
  'When did Basildon and Brentwood CCG merge?',
];

const ranking = (m: IntentMatcher, question: string) => m.rank(parseQuestion(question, engine.indexes, new Set())).map((r) => [r.intent.name, r.score]);

describe('IntentMatcher', () => {
  it('ranks a question of a shape it has seen as one it has not', () => {
    const seasoned = new IntentMatcher(engine.intents, engine.indexes.lexicon);
    for (const q of QUESTIONS) ranking(seasoned, q);
    for (const q of [...QUESTIONS].reverse()) {
      const fresh = new IntentMatcher(engine.intents, engine.indexes.lexicon);
      expect(ranking(seasoned, q)).toEqual(ranking(fresh, q));
    }
  });
});
