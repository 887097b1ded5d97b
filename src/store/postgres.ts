/**
 * Opening the PostgreSQL store (DATABASE_URL=postgres://…): the same tables and numbered migrations
 * as SQLite, over a pg pool that every replica shares. Failures at start say which server (password
 * hidden) and what to do.
 */
import pg from 'pg';
import { StoreError } from './errors.ts';
import { migrate } from './migrate.ts';
import { MIGRATIONS, POSTGRES, type Migration } from './migrations.ts';
import { postgresSql, type Sql } from './sql.ts';

/** The connection string with its password replaced by "***", for messages and logs. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return 'DATABASE_URL (not a valid URL)';
  }
}

/** What opening can be told: migrations (tests), pool size, and an error logger for idle connections. */
export interface PostgresOptions {
  migrations?: Migration[];
  /** Connections per process (default 5). */
  max?: number;
  /** Where errors on idle pooled connections go (a restarted server); default console.error. */
  onIdleError?: (e: Error) => void;
}

/** Connects, migrates and write-checks the PostgreSQL store; throws StoreError when it cannot. */
export async function openPostgres(url: string, options: PostgresOptions = {}): Promise<Sql> {
  const where = redactUrl(url);
  const pool = new pg.Pool({
    connectionString: url,
    max: options.max ?? 5,
    connectionTimeoutMillis: 5000,
    statement_timeout: 15_000,
    idleTimeoutMillis: 30_000,
  });
  // An idle connection dropped by the server must be logged, not crash the process; the pool reconnects.
  pool.on('error', (e) => (options.onIdleError ?? ((err: Error) => console.error(`store: a PostgreSQL connection failed: ${err.message}`)))(e));
  const sql = postgresSql(pool);
  try {
    await migrate(sql, POSTGRES, where, options.migrations ?? MIGRATIONS);
  } catch (e) {
    await pool.end().catch(() => undefined);
    if (e instanceof StoreError) throw e;
    throw postgresError(where, e);
  }
  return sql;
}

function postgresError(where: string, e: unknown): StoreError {
  const err = e as { code?: string; message?: string };
  const message = err.message || err.code || String(e);
  if (err.code === '25006' || err.code === '42501')
    return new StoreError(where, `it cannot be written (${message})`, 'connect as a role that may write, to a primary server, not a read-only replica');
  if (err.code === 'ECONNREFUSED' || err.code === 'ENOTFOUND' || /timeout/i.test(message))
    return new StoreError(where, `the server cannot be reached (${message})`, 'check DATABASE_URL and that PostgreSQL is running');
  return new StoreError(where, message, 'check DATABASE_URL');
}
