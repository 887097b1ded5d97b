/**
 * Opening the SQLite store and bringing its schema up to date. Every problem with the file or its
 * folder surfaces here, at start, as a StoreError a person can act on, never later mid-digest.
 */
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { MIGRATIONS, type Migration } from './migrations.ts';

/** The better-sqlite3 connection the store modules share. */
export type Db = Database.Database;

/** The store file's name inside DATA_DIR. */
export const STORE_FILE = 'commissioning.db';

/** A store that cannot be opened or migrated; the message says where and what to do. */
export class StoreError extends Error {
  constructor(readonly path: string, reason: string, fix = 'check DATA_DIR') {
    super(`cannot open the store at ${path}: ${reason} — ${fix}`);
    this.name = 'StoreError';
  }
}

/** Where the store lives: DATA_DIR (default ./data) joined with commissioning.db, or ":memory:". */
export function storePath(dataDir: string = process.env.DATA_DIR || './data'): string {
  return dataDir === ':memory:' ? ':memory:' : join(resolve(dataDir), STORE_FILE);
}

/** Opens (creating the folder and file if needed) and migrates the store; throws StoreError on any failure. */
export function openDatabase(path: string, migrations: Migration[] = MIGRATIONS): Db {
  if (path !== ':memory:') {
    try {
      mkdirSync(resolve(path, '..'), { recursive: true });
    } catch (e) {
      throw new StoreError(path, `the folder cannot be created (${reason(e)})`);
    }
  }
  let db: Db;
  try {
    db = new Database(path);
  } catch (e) {
    throw new StoreError(path, reason(e));
  }
  try {
    db.pragma('busy_timeout = 5000');
    // A corrupt or foreign file fails here ("file is not a database"), not at the first digest.
    db.prepare('SELECT count(*) FROM sqlite_master').get();
    if (path !== ':memory:') db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    migrate(db, path, migrations);
  } catch (e) {
    db.close();
    if (e instanceof StoreError) throw e;
    throw new StoreError(path, reason(e), 'check DATA_DIR, or move the damaged file aside so a new store is created');
  }
  return db;
}

/** Runs the migrations the database has not seen yet, each in its own transaction. */
export function migrate(db: Db, path: string, migrations: Migration[] = MIGRATIONS): number[] {
  db.exec('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)');
  const applied = new Set((db.prepare('SELECT version FROM schema_migrations').all() as { version: number }[]).map((r) => r.version));
  const newest = Math.max(0, ...migrations.map((m) => m.version));
  const unknown = [...applied].filter((v) => v > newest);
  if (unknown.length) {
    throw new StoreError(path, `it was written by a newer version of the app (schema ${Math.max(...unknown)}, this version knows up to ${newest})`, 'upgrade the app, or point DATA_DIR at another folder');
  }
  const ran: number[] = [];
  for (const m of [...migrations].sort((a, b) => a.version - b.version)) {
    if (applied.has(m.version)) continue;
    db.transaction(() => {
      db.exec(m.sql);
      db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(m.version, m.name, new Date().toISOString());
      db.pragma(`user_version = ${m.version}`);
    })();
    ran.push(m.version);
  }
  return ran;
}

function reason(e: unknown): string {
  const err = e as NodeJS.ErrnoException;
  return err?.code && !String(err.message).includes(err.code) ? `${err.message} (${err.code})` : String(err?.message ?? e);
}
