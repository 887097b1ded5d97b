/**
 * Opening the SQLite store and bringing its schema up to date. Every problem with the file or its
 * folder surfaces here, at start, as a StoreError a person can act on, never later mid-digest:
 * DATA_DIR is checked first (a folder we can write, not under /proc or /sys), then the file must
 * open, migrate and take a write.
 */
import { mkdirSync, realpathSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { StoreError } from './errors.ts';
import { migrate } from './migrate.ts';
import { MIGRATIONS, SQLITE, type Migration } from './migrations.ts';
import { sqliteSql, type Sql } from './sql.ts';

/** The store file's name inside DATA_DIR. */
export const STORE_FILE = 'commissioning.db';

export { StoreError };

/** Where the store lives: DATA_DIR (default ./data) joined with commissioning.db, or ":memory:". */
export function storePath(dataDir: string = process.env.DATA_DIR || './data'): string {
  return dataDir === ':memory:' ? ':memory:' : join(resolve(dataDir), STORE_FILE);
}

/** Kernel filesystems: never a place for data, and some of their files block when read. */
const KERNEL_DIRS = ['/proc', '/sys', '/dev'];

/**
 * Checks DATA_DIR before anything else touches it: created if missing, a folder, not a kernel
 * filesystem, and writable by this process (a probe file is written and removed). Fast: no reads.
 */
export function checkDataDir(dataDir: string): void {
  const dir = resolve(dataDir);
  const where = join(dir, STORE_FILE);
  const kernel = (p: string) => KERNEL_DIRS.some((k) => p === k || p.startsWith(`${k}/`));
  if (kernel(dir))
    throw new StoreError(where, `DATA_DIR (${dir}) is on a kernel filesystem, not a place for data`, 'set DATA_DIR to a folder of your own, e.g. ./data');
  try {
    mkdirSync(dir, { recursive: true });
  } catch (e) {
    throw new StoreError(where, `the folder cannot be created (${reason(e)})`);
  }
  let real = dir;
  try {
    real = realpathSync(dir);
  } catch {
    // mkdir succeeded, so the folder exists; keep the path as given
  }
  if (kernel(real)) throw new StoreError(where, `DATA_DIR (${dir}) leads to ${real}, a kernel filesystem`, 'set DATA_DIR to a folder of your own, e.g. ./data');
  if (!statSync(real).isDirectory()) throw new StoreError(where, `DATA_DIR (${dir}) is not a folder`);
  const probe = join(real, `.write-check-${process.pid}`);
  try {
    writeFileSync(probe, '');
    rmSync(probe, { force: true });
  } catch (e) {
    throw new StoreError(
      where,
      `this process cannot write in DATA_DIR (${reason(e)})`,
      "give the app's user write access to DATA_DIR, or point DATA_DIR elsewhere",
    );
  }
}

/** What opening the SQLite file can be told: migrations (tests), and how long to wait for another process's write lock. */
export interface SqliteOptions {
  migrations?: Migration[];
  /** How long a write waits for another process's lock before failing (default 5 s). */
  busyTimeoutMs?: number;
}

/** Opens (creating the folder and file if needed), migrates and write-checks the store; throws StoreError on any failure. */
export async function openSqlite(path: string, options: SqliteOptions = {}): Promise<Sql> {
  if (path !== ':memory:') checkDataDir(resolve(path, '..'));
  let db: Database.Database;
  try {
    db = new Database(path);
  } catch (e) {
    throw new StoreError(path, reason(e));
  }
  const sql = sqliteSql(db);
  try {
    db.pragma(`busy_timeout = ${options.busyTimeoutMs ?? 5000}`);
    // A corrupt or foreign file fails here ("file is not a database"), not at the first digest.
    db.prepare('SELECT count(*) FROM sqlite_master').get();
    const newest = Math.max(0, ...(options.migrations ?? MIGRATIONS).map((m) => m.version));
    const version = Number(db.pragma('user_version', { simple: true }));
    if (version > newest) {
      throw new StoreError(
        path,
        `it was written by a newer version of the app (user_version ${version}, this version knows up to ${newest})`,
        'upgrade the app, or point DATA_DIR at another folder',
      );
    }
    if (path !== ':memory:') db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    await migrate(sql, SQLITE, path, options.migrations ?? MIGRATIONS, (v) => db.pragma(`user_version = ${v}`));
  } catch (e) {
    db.close();
    if (e instanceof StoreError) throw e;
    throw sqliteError(path, e);
  }
  return sql;
}

/** SQLite's own words, made plainer for the faults an operator can fix. */
function sqliteError(path: string, e: unknown): StoreError {
  const code = (e as { code?: string }).code ?? '';
  if (code.startsWith('SQLITE_BUSY'))
    return new StoreError(
      path,
      `it is locked by another process (${reason(e)})`,
      'stop the other process using this DATA_DIR, or give this one its own DATA_DIR',
    );
  if (code.startsWith('SQLITE_READONLY') || code === 'SQLITE_CANTOPEN')
    return new StoreError(
      path,
      `it cannot be written (${reason(e)})`,
      "give the app's user write access to the file and its folder, or point DATA_DIR elsewhere",
    );
  return new StoreError(path, reason(e), 'check DATA_DIR, or move the damaged file aside so a new store is created');
}

export function reason(e: unknown): string {
  const err = e as NodeJS.ErrnoException;
  return err?.code && !String(err.message).includes(err.code) ? `${err.message} (${err.code})` : String(err?.message ?? e);
}
