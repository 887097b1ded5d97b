import type { ReviewReport } from '../render/review.ts';

/** Where 👍/👎 votes and "what was wrong" reports go. The store implements this; the Slack layer only calls it. */

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
  /**
   * The answer voted on: "<channel>:<message ts>". A person has one vote per answer: voting again
   * replaces it. Absent when Slack did not say which message it was (then every vote is kept).
   */
  answerKey?: string;
}

/** What a person said was wrong with an answer (the 👎 modal). */
export type FeedbackReason = 'wrong' | 'incomplete' | 'out-of-date' | 'other';

/** The 👎 modal's report, stored with the answer's question, intent and citations. */
export interface FeedbackDetail {
  user: string;
  answerKey: string;
  channel: string;
  question: string;
  intent: string;
  reason: FeedbackReason;
  note: string;
  /** The answer's citations as the person saw them: document and verbatim quote. */
  citations: { document: string; title: string; quote: string }[];
}

/** The votes on one answer. */
export interface VoteTally {
  up: number;
  down: number;
}

/** Receives feedback; each method may be sync or async. Errors are logged, never shown as a crash. */
export interface FeedbackSink {
  recordFeedback(record: FeedbackRecord): void | Promise<void>;
  /** The votes on an answer, so a channel message can show its count. */
  feedbackTally?(answerKey: string): VoteTally | Promise<VoteTally>;
  /** Adds the 👎 modal's report to the person's vote on that answer. */
  recordFeedbackDetail?(detail: FeedbackDetail): void | Promise<void>;
}

/** Where `/commissioning review` reads from (the store). */
export interface ReviewSource {
  review(options?: { since?: string; limit?: number }): ReviewReport | Promise<ReviewReport>;
}
