/**
 * The store as one object: subscriptions, the digest ledger, fact snapshots, feedback, unanswered
 * questions, the audit trail and locks, over one SQLite file (DATA_DIR/commissioning.db).
 */
import { listAudit, type AuditEntry } from './audit.ts';
import { openDatabase, storePath, type Db } from './db.ts';
import { feedbackTally, listFeedback, recordFeedback, recordFeedbackDetail, type FeedbackDetailInput, type FeedbackInput, type FeedbackRow } from './feedback.ts';
import { pruneFeedback, review, type ReviewReport } from './review.ts';
import { Ledger } from './ledger.ts';
import { acquireLock, lockHolder, releaseLock } from './locks.ts';
import { loadSeenSnapshot, type SavedSnapshot } from './snapshots.ts';
import { SubscriptionStore } from './subscriptions.ts';
import { listUnanswered, recordUnanswered, type UnansweredInput, type UnansweredRow } from './unanswered.ts';

/** Everything the app keeps between runs, behind one object. */
export interface Store {
  /** The database file (or ":memory:"). */
  path: string;
  db: Db;
  subscriptions: SubscriptionStore;
  ledger: Ledger;
  /** Stores a 👍/👎 vote (implements the Slack layer's FeedbackSink). */
  recordFeedback(f: FeedbackInput): void;
  listFeedback(options?: { vote?: 'up' | 'down'; limit?: number }): FeedbackRow[];
  /** Adds a 👎 report (reason, note, citations) to the person's vote on an answer. */
  recordFeedbackDetail(d: FeedbackDetailInput): void;
  /** The votes on one answer ("<channel>:<ts>"). */
  feedbackTally(answerKey: string): { up: number; down: number };
  /** The most frequent unanswered questions and 👎 answers, with counts and dates. */
  review(options?: { since?: string; limit?: number }): ReviewReport;
  /** Deletes votes, 👎 reports and unanswered questions older than an ISO instant (FEEDBACK_RETENTION_DAYS). */
  pruneFeedback(before: string): { feedback: number; unanswered: number };
  /** Logs a question the bot declined. */
  recordUnanswered(u: UnansweredInput): void;
  listUnanswered(options?: { since?: string; limit?: number }): UnansweredRow[];
  /** The subscription audit trail, for a channel or all. */
  listAudit(channel?: string): AuditEntry[];
  /** The facts snapshot a subscription last saw. */
  loadSeenSnapshot(subscriptionId: number): (SavedSnapshot & { seenAt: string }) | null;
  acquireLock(name: string, owner: string, at: Date, ttlMs: number): boolean;
  releaseLock(name: string, owner: string): void;
  lockHolder(name: string, at: Date): string | null;
  close(): void;
}

/**
 * Opens the store (DATA_DIR/commissioning.db by default, creating the folder) and migrates it.
 * Throws StoreError ("cannot open the store at …: … — check DATA_DIR") when it cannot.
 */
export function openStore(options: { dataDir?: string; path?: string } = {}): Store {
  const path = options.path ?? storePath(options.dataDir);
  const db = openDatabase(path);
  return {
    path, db,
    subscriptions: new SubscriptionStore(db),
    ledger: new Ledger(db),
    recordFeedback: (f) => recordFeedback(db, f),
    listFeedback: (o) => listFeedback(db, o),
    recordFeedbackDetail: (d) => recordFeedbackDetail(db, d),
    feedbackTally: (key) => feedbackTally(db, key),
    review: (o) => review(db, o),
    pruneFeedback: (before) => pruneFeedback(db, before),
    recordUnanswered: (u) => recordUnanswered(db, u),
    listUnanswered: (o) => listUnanswered(db, o),
    listAudit: (channel) => listAudit(db, channel),
    loadSeenSnapshot: (id) => loadSeenSnapshot(db, id),
    acquireLock: (name, owner, at, ttl) => acquireLock(db, name, owner, at, ttl),
    releaseLock: (name, owner) => releaseLock(db, name, owner),
    lockHolder: (name, at) => lockHolder(db, name, at),
    close: () => { if (db.open) db.close(); },
  };
}
