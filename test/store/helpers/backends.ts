/**
 * The store suite runs against both backends: SQLite (always) and PostgreSQL (when DATABASE_URL
 * names a server; .ci/run starts a throwaway one). Each PostgreSQL test gets its own schema, so
 * tests never see each other's rows. Without a server the PostgreSQL half says plainly that it
 * did not run and why; under CI=true a missing server fails the suite instead.
 */
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { openStore, type Store, type StoreOptions } from '../../../src/store/store.ts';
import { tempDataDir } from '../../digest/helpers/fixtures.ts';

/** The PostgreSQL server the tests use, if any. */
export const DATABASE_URL = process.env.DATABASE_URL?.trim() || '';

/** Why the PostgreSQL tests did not run (empty when they do). */
export const POSTGRES_MISSING = DATABASE_URL
  ? ''
  : 'PostgreSQL tests NOT RUN: DATABASE_URL is not set. Run .ci/run (it starts a throwaway server), or `source .ci/postgres.sh && pg_start_throwaway` before `npm test`.';

/** A place for one test's store: every open() is another process's connection to the same data. */
export interface StoreHome {
  backend: 'sqlite' | 'postgres';
  options: StoreOptions;
  open(extra?: Partial<StoreOptions>): Promise<Store>;
}

const schemas: string[] = [];
let admin: pg.Pool | null = null;

/** A URL whose connections use schema `schema` (search_path), on the test server. */
export function urlWithSchema(schema: string): string {
  const u = new URL(DATABASE_URL);
  u.searchParams.set('options', `-c search_path=${schema}`);
  return u.toString();
}

/** A fresh, empty PostgreSQL schema on the test server; dropped when the file's tests end. */
export async function freshSchema(): Promise<string> {
  admin ??= new pg.Pool({ connectionString: DATABASE_URL, max: 2 });
  const schema = `t_${randomUUID().replace(/-/g, '').slice(0, 16)}`;
  await admin.query(`CREATE SCHEMA ${schema}`);
  schemas.push(schema);
  return schema;
}

/** A fresh store home on `backend`: a new DATA_DIR, or a new schema. */
export async function freshHome(backend: 'sqlite' | 'postgres'): Promise<StoreHome> {
  const options: StoreOptions = backend === 'sqlite' ? { dataDir: tempDataDir() } : { databaseUrl: urlWithSchema(await freshSchema()) };
  return { backend, options, open: (extra = {}) => openStore({ ...options, ...extra }) };
}

afterAll(async () => {
  if (!admin) return;
  for (const s of schemas.splice(0)) await admin.query(`DROP SCHEMA IF EXISTS ${s} CASCADE`);
  await admin.end();
  admin = null;
});

/**
 * Declares `body` once per backend: "<title> [sqlite]" and "<title> [postgres]". Without a server,
 * the PostgreSQL block is reported as skipped with the reason, and fails under CI=true.
 */
export function describeBackends(title: string, body: (backend: 'sqlite' | 'postgres') => void): void {
  describe(`${title} [sqlite]`, () => body('sqlite'));
  if (DATABASE_URL) {
    describe(`${title} [postgres]`, () => body('postgres'));
  } else if (process.env.CI === 'true' || process.env.CI === '1') {
    describe(`${title} [postgres]`, () => {
      it('has a PostgreSQL server to run against (CI always does)', () => {
        expect.fail(`${POSTGRES_MISSING} CI must provide one: .ci/run starts it.`);
      });
    });
  } else {
    describe.skip(`${title} [postgres] — ${POSTGRES_MISSING}`, () => body('postgres'));
    warnOnce();
  }
}

let warned = false;
function warnOnce() {
  if (warned) return;
  warned = true;
  console.warn(`\n  ${POSTGRES_MISSING}\n`);
}
