/** Where 👍/👎 votes go. The store implements this; the Slack layer only calls it. */

/** One vote on one answer. */
export interface FeedbackRecord {
  /** Slack user id of the voter. */
  user: string;
  /** Channel (or DM) id where the answer was shown; empty when Slack did not say. */
  channel: string;
  /** The question (or organisation query) the answer was rendered from. */
  question: string;
  /** The intent the engine answered under ("org-card" for organisation cards). */
  intent: string;
  vote: 'up' | 'down';
}

/** Receives feedback votes; may be sync or async. Errors are logged, never shown as a crash. */
export interface FeedbackSink {
  recordFeedback(record: FeedbackRecord): void | Promise<void>;
}
