/**
 * The store's schema, as numbered migrations. A migration never changes once released: add a new
 * one at the end. `schema_migrations` records which have run, so an old database is brought up to
 * date on open and a database from a newer version of the app is refused rather than damaged.
 */

/** One schema step: a number (1, 2, 3 …), a name for people, and the SQL it runs. */
export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/** Every migration, oldest first. */
export const MIGRATIONS: Migration[] = [
  {
    version: 1,
    name: 'subscriptions, audit, digest ledger, fact snapshots, feedback, unanswered questions, locks',
    sql: `
      CREATE TABLE subscriptions (
        id INTEGER PRIMARY KEY,
        channel TEXT NOT NULL UNIQUE,
        frequency TEXT NOT NULL CHECK (frequency IN ('daily', 'weekly', 'monthly')),
        at_time TEXT NOT NULL,
        weekday INTEGER CHECK (weekday BETWEEN 1 AND 7),
        filter TEXT,
        post_when_quiet INTEGER NOT NULL DEFAULT 1,
        status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'paused')),
        paused_reason TEXT,
        since TEXT NOT NULL,
        created_by TEXT NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );
      CREATE TABLE subscription_audit (
        id INTEGER PRIMARY KEY,
        at TEXT NOT NULL,
        user TEXT NOT NULL,
        channel TEXT NOT NULL,
        action TEXT NOT NULL,
        before TEXT,
        after TEXT
      );
      CREATE INDEX subscription_audit_channel ON subscription_audit (channel, at);
      CREATE TABLE digest_ledger (
        id INTEGER PRIMARY KEY,
        subscription_id INTEGER NOT NULL,
        channel TEXT NOT NULL,
        period_key TEXT NOT NULL,
        period_start TEXT NOT NULL,
        period_end TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('posting', 'posted', 'skipped', 'failed')),
        attempts INTEGER NOT NULL DEFAULT 1,
        owner TEXT,
        claimed_at TEXT NOT NULL,
        finished_at TEXT,
        messages TEXT NOT NULL,
        knowledge_id TEXT NOT NULL,
        ts TEXT,
        parts_posted INTEGER NOT NULL DEFAULT 0,
        error TEXT,
        retryable INTEGER NOT NULL DEFAULT 0,
        UNIQUE (subscription_id, period_key)
      );
      CREATE INDEX digest_ledger_status ON digest_ledger (status, claimed_at);
      CREATE TABLE fact_snapshots (
        knowledge_id TEXT PRIMARY KEY,
        snapshot TEXT NOT NULL,
        saved_at TEXT NOT NULL
      );
      CREATE TABLE seen_snapshots (
        subscription_id INTEGER PRIMARY KEY,
        knowledge_id TEXT NOT NULL,
        saved_at TEXT NOT NULL
      );
      CREATE TABLE feedback (
        id INTEGER PRIMARY KEY,
        at TEXT NOT NULL,
        user TEXT NOT NULL,
        channel TEXT NOT NULL,
        question TEXT NOT NULL,
        intent TEXT NOT NULL,
        vote TEXT NOT NULL CHECK (vote IN ('up', 'down'))
      );
      CREATE TABLE unanswered (
        id INTEGER PRIMARY KEY,
        at TEXT NOT NULL,
        question TEXT NOT NULL,
        intent TEXT,
        reason TEXT NOT NULL
      );
      CREATE TABLE locks (
        name TEXT PRIMARY KEY,
        owner TEXT NOT NULL,
        acquired_at TEXT NOT NULL,
        expires_at TEXT NOT NULL
      );
    `,
  },
  {
    version: 2,
    name: 'one vote per person per answer, and what was wrong with it',
    sql: `
      ALTER TABLE feedback ADD COLUMN answer_key TEXT;
      ALTER TABLE feedback ADD COLUMN reason TEXT CHECK (reason IN ('wrong', 'incomplete', 'out-of-date', 'other'));
      ALTER TABLE feedback ADD COLUMN note TEXT;
      ALTER TABLE feedback ADD COLUMN citations TEXT;
      CREATE UNIQUE INDEX feedback_one_vote ON feedback (answer_key, user) WHERE answer_key IS NOT NULL;
      CREATE INDEX feedback_vote_at ON feedback (vote, at);
      CREATE INDEX unanswered_at ON unanswered (at);
    `,
  },
];
