/** Feedback votes and unanswered questions: what the Slack layer and the engine record. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStore, type Store } from '../../src/store/store.ts';
import type { FeedbackSink } from '../../src/slack/feedback.ts';

let store: Store;
beforeEach(() => { store = openStore({ dataDir: ':memory:' }); });
afterEach(() => store.close());

describe('feedback', () => {
  it('records 👍/👎 with the question and intent, newest first, and filters by vote', () => {
    store.recordFeedback({ user: 'U1', channel: 'C1', question: 'which CCGs are under legal directions?', intent: 'interventions-list', vote: 'up', at: '2026-01-01T10:00:00.000Z' });
    store.recordFeedback({ user: 'U2', channel: 'C1', question: 'who leads primary care?', intent: 'people-role', vote: 'down', at: '2026-01-02T10:00:00.000Z' });
    expect(store.listFeedback().map((f) => [f.user, f.vote, f.intent])).toEqual([['U2', 'down', 'people-role'], ['U1', 'up', 'interventions-list']]);
    expect(store.listFeedback({ vote: 'down' }).map((f) => f.question)).toEqual(['who leads primary care?']);
  });

  it('the store is the Slack layer’s FeedbackSink', () => {
    const sink: FeedbackSink = store;
    void sink.recordFeedback({ user: 'U1', channel: '', question: 'thurrock', intent: 'org-card', vote: 'up' });
    expect(store.listFeedback()).toHaveLength(1);
  });

  it('refuses a vote that is neither up nor down, saying what is allowed', () => {
    expect(() => store.recordFeedback({ user: 'U1', channel: 'C1', question: 'q', intent: 'i', vote: 'sideways' as 'up' })).toThrow(/vote must be "up" or "down"/);
  });
});

describe('unanswered questions', () => {
  it('records question, intent and reason; lists newest first, optionally since a time', () => {
    store.recordUnanswered({ question: 'what is the weather?', intent: null, reason: 'out of scope', at: '2026-01-01T00:00:00.000Z' });
    store.recordUnanswered({ question: 'tell me about Narnia CCG', intent: 'org-card', reason: 'unknown organisation', at: '2026-02-01T00:00:00.000Z' });
    expect(store.listUnanswered().map((u) => u.question)).toEqual(['tell me about Narnia CCG', 'what is the weather?']);
    expect(store.listUnanswered({ since: '2026-01-15T00:00:00.000Z' })).toEqual([
      expect.objectContaining({ question: 'tell me about Narnia CCG', intent: 'org-card', reason: 'unknown organisation' }),
    ]);
  });
});
