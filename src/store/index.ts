/** The store: open it with openStore(); everything else hangs off the Store it returns. */
export { openStore, storeOptionsFromEnv, type Store, type StoreOptions } from './store.ts';
export { StoreError } from './errors.ts';
export { storePath, STORE_FILE, checkDataDir } from './db.ts';
export { unansweredRecorder } from './unanswered.ts';
/** Record types, for modules that read the store. */
export type { Subscription, Schedule, Frequency, Actor } from './subscriptions.ts';
export type { LedgerRow, LedgerStatus, StoredMessage } from './ledger.ts';
export type { FeedbackDetailInput, FeedbackInput, FeedbackReason, FeedbackRow } from './feedback.ts';
export type { ReviewItem, ReviewReport } from './review.ts';
export type { UnansweredInput, UnansweredRow } from './unanswered.ts';
export type { AuditEntry } from './audit.ts';
export type { ConversationKey, JsonObject } from './conversations.ts';
