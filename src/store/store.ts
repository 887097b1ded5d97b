/**
 * The store as one object: subscriptions, the digest ledger and lease, fact snapshots, feedback,
 * unanswered questions, the audit trail, Slack event de-duplication and conversation context.
 * Two backends behind the same async interface: SQLite (DATA_DIR/commissioning.db, the default,
 * one process) and PostgreSQL (DATABASE_URL, shared by every replica).
 */
import { listAudit, type AuditEntry } from './audit.ts';
import { getConversation, putConversation, type ConversationKey, type JsonObject } from './conversations.ts';
import { openSqlite, storePath } from './db.ts';
import { StoreError } from './errors.ts';
import { pruneExpired, recordEvent } from './events.ts';
import {
  feedbackTally,
  listFeedback,
  recordFeedback,
  recordFeedbackDetail,
  type FeedbackDetailInput,
  type FeedbackInput,
  type FeedbackRow,
} from './feedback.ts';
import { pruneFeedback, review, type ReviewReport } from './review.ts';
import { Ledger } from './ledger.ts';
import { acquireLock, lockHolder, releaseLock } from './locks.ts';
import { openPostgres, redactUrl } from './postgres.ts';
import { loadSeenSnapshot, type SavedSnapshot } from './snapshots.ts';
import type { Sql } from './sql.ts';
import { SubscriptionStore } from './subscriptions.ts';
import { listUnanswered, recordUnanswered, type UnansweredInput, type UnansweredRow } from './unanswered.ts';

/** Everything the app keeps between runs, and everything replicas must agree on, behind one object. */
export interface Store {
  backend: 'sqlite' | 'postgres';
  /** Where it is: the SQLite file (or ":memory:"), or the PostgreSQL URL with its password hidden. */
  path: string;
  /** The database itself, for tests and maintenance; the methods below are the interface. */
  sql: Sql;
  subscriptions: SubscriptionStore;
  ledger: Ledger;
  /** Stores a 👍/👎 vote (implements the Slack layer's FeedbackSink). */
  recordFeedback(f: FeedbackInput): Promise<void>;
  listFeedback(options?: { vote?: 'up' | 'down'; limit?: number }): Promise<FeedbackRow[]>;
  /** Adds a 👎 report (reason, note, citations) to the person's vote on an answer. */
  recordFeedbackDetail(d: FeedbackDetailInput): Promise<void>;
  /** The votes on one answer ("<channel>:<ts>"). */
  feedbackTally(answerKey: string): Promise<{ up: number; down: number }>;
  /** The most frequent unanswered questions and 👎 answers, with counts and dates. */
  review(options?: { since?: string; limit?: number }): Promise<ReviewReport>;
  /** Deletes votes, 👎 reports and unanswered questions older than an ISO instant (FEEDBACK_RETENTION_DAYS). */
  pruneFeedback(before: string): Promise<{ feedback: number; unanswered: number }>;
  /** Logs a question the bot declined. */
  recordUnanswered(u: UnansweredInput): Promise<void>;
  listUnanswered(options?: { since?: string; limit?: number }): Promise<UnansweredRow[]>;
  /** The subscription audit trail, for a channel or all. */
  listAudit(channel?: string): Promise<AuditEntry[]>;
  /** The facts snapshot a subscription last saw. */
  loadSeenSnapshot(subscriptionId: number): Promise<(SavedSnapshot & { seenAt: string }) | null>;
  acquireLock(name: string, owner: string, at: Date, ttlMs: number): Promise<boolean>;
  releaseLock(name: string, owner: string): Promise<void>;
  lockHolder(name: string, at: Date): Promise<string | null>;
  /** Records a Slack event_id; true on its first delivery, false for a retry (kept a day, across replicas). */
  recordEvent(eventId: string, at?: Date): Promise<boolean>;
  /** A conversation's follow-up context (an opaque JSON object), or null when none or expired. */
  getConversation(key: ConversationKey, at?: Date): Promise<JsonObject | null>;
  /** Stores a conversation's follow-up context until `expiresAt` (a day is usual). */
  putConversation(key: ConversationKey, value: JsonObject, expiresAt: Date): Promise<void>;
  /** Deletes expired event ids and conversations. */
  pruneExpired(at?: Date): Promise<number>;
  /** Resolves when the store answers a query (the health check). */
  ping(): Promise<void>;
  close(): Promise<void>;
}

/** Where the store is: a PostgreSQL URL, or a DATA_DIR (":memory:" for a private one), or an exact SQLite path. */
export interface StoreOptions {
  databaseUrl?: string;
  dataDir?: string;
  path?: string;
  /** SQLite: how long a write waits for another process's lock (default 5 s). */
  busyTimeoutMs?: number;
}

/** The store settings in an environment: DATABASE_URL when set, else DATA_DIR (default ./data). */
export function storeOptionsFromEnv(env: Record<string, string | undefined> = process.env): StoreOptions {
  const url = env.DATABASE_URL?.trim();
  if (url) {
    if (!/^postgres(ql)?:\/\//.test(url))
      throw new StoreError(
        redactUrl(url),
        'DATABASE_URL is not a PostgreSQL URL',
        'set it to postgres://user:password@host:5432/database, or unset it to use SQLite in DATA_DIR',
      );
    return { databaseUrl: url };
  }
  return { dataDir: env.DATA_DIR || './data' };
}

/** Prune expired event ids at most this often per process (each delivery would be wasteful). */
const PRUNE_EVERY_MS = 10 * 60 * 1000;

/**
 * Opens the store and migrates it: PostgreSQL when `databaseUrl` is given, else SQLite at `path` or
 * DATA_DIR/commissioning.db (creating the folder). With no options at all, reads the environment.
 * Throws StoreError ("cannot open the store at …: … — what to do") when it cannot be opened or written.
 */
export async function openStore(options: StoreOptions = storeOptionsFromEnv()): Promise<Store> {
  const backend = options.databaseUrl ? 'postgres' : 'sqlite';
  const path = options.databaseUrl ? redactUrl(options.databaseUrl) : (options.path ?? storePath(options.dataDir));
  const sql = options.databaseUrl ? await openPostgres(options.databaseUrl) : await openSqlite(path, { busyTimeoutMs: options.busyTimeoutMs });
  let lastPrune = 0;
  let closed = false;
  return {
    backend,
    path,
    sql,
    subscriptions: new SubscriptionStore(sql),
    ledger: new Ledger(sql),
    recordFeedback: (f) => recordFeedback(sql, f),
    listFeedback: (o) => listFeedback(sql, o),
    recordFeedbackDetail: (d) => recordFeedbackDetail(sql, d),
    feedbackTally: (key) => feedbackTally(sql, key),
    review: (o) => review(sql, o),
    pruneFeedback: (before) => pruneFeedback(sql, before),
    recordUnanswered: (u) => recordUnanswered(sql, u),
    listUnanswered: (o) => listUnanswered(sql, o),
    listAudit: (channel) => listAudit(sql, channel),
    loadSeenSnapshot: (id) => loadSeenSnapshot(sql, id),
    acquireLock: (name, owner, at, ttl) => acquireLock(sql, name, owner, at, ttl),
    releaseLock: (name, owner) => releaseLock(sql, name, owner),
    lockHolder: (name, at) => lockHolder(sql, name, at),
    recordEvent: async (eventId, at = new Date()) => {
      if (at.getTime() - lastPrune > PRUNE_EVERY_MS) {
        lastPrune = at.getTime();
        await pruneExpired(sql, at);
      }
      return recordEvent(sql, eventId, at);
    },
    getConversation: (key, at = new Date()) => getConversation(sql, key, at),
    putConversation: (key, value, expiresAt) => putConversation(sql, key, value, expiresAt, new Date()),
    pruneExpired: (at = new Date()) => pruneExpired(sql, at),
    ping: async () => void (await sql.get('SELECT 1 AS ok')),
    close: async () => {
      if (closed) return;
      closed = true;
      await sql.close();
    },
  };
}
