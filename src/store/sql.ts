/**
 * The little SQL surface the store modules are written against, so one set of queries serves both
 * backends: SQLite (better-sqlite3, synchronous underneath) and PostgreSQL (pg, a pool). Queries use
 * `?` placeholders and SQL both dialects read; the PostgreSQL side numbers them ($1, $2 …).
 *
 * Write transactions are serialised on both: SQLite's BEGIN IMMEDIATE takes the file's write lock,
 * and on PostgreSQL every transaction first takes one advisory lock, so a read-then-write (a lease,
 * a subscription change) behaves the same on both, across processes and replicas.
 */
import type Database from 'better-sqlite3';
import type { Pool, PoolClient } from 'pg';

/** A bound value: the store keeps text, integers and nulls only. */
export type Param = string | number | null;

/** One row as the driver returns it. */
export type SqlRow = Record<string, unknown>;

/** Async access to one database, the same for both backends. */
export interface Sql {
  readonly dialect: 'sqlite' | 'postgres';
  /** Every row of a query (also for INSERT … RETURNING). */
  all<T = SqlRow>(sql: string, params?: Param[]): Promise<T[]>;
  /** The first row, or undefined. */
  get<T = SqlRow>(sql: string, params?: Param[]): Promise<T | undefined>;
  /** A statement without rows; how many rows it changed. */
  run(sql: string, params?: Param[]): Promise<number>;
  /** Several statements at once, without parameters (migrations). */
  exec(sql: string): Promise<void>;
  /** Runs `fn` in one write transaction (nested calls join the outer one); rolls back when it throws. */
  transaction<T>(fn: (tx: Sql) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/**
 * One work queue per database file in this process. A transaction must not interleave with other
 * work on its connection; and two connections to one file in one process must not interleave their
 * transactions either, or the second's wait for the write lock would block the very event loop the
 * first needs to finish (better-sqlite3 waits synchronously). Other processes wait on SQLite's lock.
 */
const queues = new Map<string, { tail: Promise<unknown> }>();

/** SQLite over one better-sqlite3 connection. */
export function sqliteSql(db: Database.Database): Sql {
  const statements = new Map<string, Database.Statement>();
  const prepare = (sql: string) => {
    let s = statements.get(sql);
    if (!s) {
      s = db.prepare(sql);
      statements.set(sql, s);
    }
    return s;
  };
  const queue = db.memory ? { tail: Promise.resolve() as Promise<unknown> } : (queues.get(db.name) ?? { tail: Promise.resolve() });
  if (!db.memory) queues.set(db.name, queue);
  const serial = <T>(work: () => Promise<T> | T): Promise<T> => {
    const next = queue.tail.then(work, work);
    queue.tail = next.catch(() => undefined);
    return next;
  };
  const direct = (inTx: boolean): Sql => ({
    dialect: 'sqlite',
    all: async <T>(sql: string, params: Param[] = []) => {
      const s = prepare(sql);
      if (s.reader) return s.all(...params) as T[];
      s.run(...params);
      return [];
    },
    get: async <T>(sql: string, params: Param[] = []) => {
      const s = prepare(sql);
      if (s.reader) return s.get(...params) as T | undefined;
      s.run(...params);
      return undefined;
    },
    run: async (sql, params = []) => prepare(sql).run(...params).changes,
    exec: async (sql) => void db.exec(sql),
    transaction: async (fn) => {
      if (inTx) return fn(inner);
      return serial(async () => {
        db.exec('BEGIN IMMEDIATE');
        try {
          const result = await fn(inner);
          db.exec('COMMIT');
          return result;
        } catch (e) {
          if (db.inTransaction) db.exec('ROLLBACK');
          throw e;
        }
      });
    },
    close: async () => {
      if (db.open) db.close();
    },
  });
  const inner = direct(true);
  const outer = direct(false);
  // Work outside a transaction waits for one in progress, so it is never swept into it (or its rollback).
  return {
    ...outer,
    all: (sql, params) => serial(() => outer.all(sql, params)),
    get: (sql, params) => serial(() => outer.get(sql, params)),
    run: (sql, params) => serial(() => outer.run(sql, params)),
    exec: (sql) => serial(() => outer.exec(sql)),
    close: () => serial(() => outer.close()),
  } as Sql;
}

/** The advisory lock every PostgreSQL write transaction takes first (any fixed number will do). */
export const PG_WRITE_LOCK = 7_140_014;

/** PostgreSQL over a pg pool. */
export function postgresSql(pool: Pool): Sql {
  const on = (client: Pool | PoolClient, inTx: boolean): Sql => ({
    dialect: 'postgres',
    all: async <T>(sql: string, params: Param[] = []) => (await client.query(numbered(sql), params)).rows as T[],
    get: async <T>(sql: string, params: Param[] = []) => (await client.query(numbered(sql), params)).rows[0] as T | undefined,
    run: async (sql, params = []) => (await client.query(numbered(sql), params)).rowCount ?? 0,
    exec: async (sql) => void (await client.query(sql)),
    transaction: async (fn) => {
      if (inTx) return fn(on(client, true));
      const conn = await pool.connect();
      try {
        await conn.query('BEGIN');
        await conn.query('SELECT pg_advisory_xact_lock($1)', [PG_WRITE_LOCK]);
        const result = await fn(on(conn, true));
        await conn.query('COMMIT');
        return result;
      } catch (e) {
        await conn.query('ROLLBACK').catch(() => undefined);
        throw e;
      } finally {
        conn.release();
      }
    },
    close: async () => {
      await pool.end();
    },
  });
  return on(pool, false);
}

/** "a = ? AND b = ?" → "a = $1 AND b = $2" (the store's SQL has no "?" inside string literals). */
export function numbered(sql: string): string {
  let n = 0;
  return sql.replace(/\?/g, () => `$${++n}`);
}
