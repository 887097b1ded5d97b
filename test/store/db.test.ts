/**
 * Opening the store: the folder and file are created, migrations run once, and every store that
 * cannot be used (a bad DATA_DIR, a corrupt, read-only, locked or newer store, an unreachable or
 * read-only server) stops the start with one line saying where, what and what to do.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { openStore, type Store } from '../../src/store/store.ts';
import { StoreError, STORE_FILE } from '../../src/store/db.ts';
import { MIGRATIONS } from '../../src/store/migrations.ts';
import { tempDataDir } from '../digest/helpers/fixtures.ts';
import { DATABASE_URL, describeBackends, freshHome, freshSchema, urlWithSchema } from './helpers/backends.ts';

const opened: Store[] = [];
const open = async (dataDir: string) => {
  const s = await openStore({ dataDir });
  opened.push(s);
  return s;
};
afterEach(async () => {
  for (const s of opened.splice(0)) await s.close();
});

const failure = async (p: Promise<unknown>): Promise<Error> => {
  try {
    await p;
  } catch (e) {
    return e as Error;
  }
  throw new Error('expected the store to be refused, but it opened');
};

describeBackends('opening the store', (backend) => {
  it('records each numbered migration once, however often it is opened', async () => {
    const home = await freshHome(backend);
    const a = await home.open();
    opened.push(a);
    const b = await home.open();
    opened.push(b);
    const versions = await b.sql.all<{ version: number }>('SELECT version FROM schema_migrations ORDER BY version');
    expect(versions.map((v) => Number(v.version))).toEqual(MIGRATIONS.map((m) => m.version));
  });

  it('keeps data across reopening', async () => {
    const home = await freshHome(backend);
    const a = await home.open();
    await a.recordUnanswered({ question: 'who runs the moon?', reason: 'out of scope' });
    await a.close();
    const b = await home.open();
    opened.push(b);
    expect((await b.listUnanswered()).map((u) => u.question)).toEqual(['who runs the moon?']);
  });

  it('a store written by a newer version is refused rather than touched', async () => {
    const home = await freshHome(backend);
    const a = await home.open();
    await a.sql.run('INSERT INTO schema_migrations (version, name, applied_at) VALUES (99, ?, ?)', ['from the future', new Date().toISOString()]);
    await a.close();
    const error = await failure(home.open());
    expect(error).toBeInstanceOf(StoreError);
    expect(error.message).toMatch(
      /^cannot open the store at .+: it was written by a newer version of the app \(schema 99, this version knows up to \d+\) — upgrade the app/,
    );
  });
});

describe('SQLite store (DATA_DIR)', () => {
  it('creates DATA_DIR and commissioning.db, and sets user_version to the newest migration', async () => {
    const dataDir = join(tempDataDir(), 'nested', 'data');
    const store = await open(dataDir);
    expect(store.path).toBe(join(dataDir, STORE_FILE));
    expect(existsSync(store.path)).toBe(true);
    await store.close();
    expect(new Database(store.path).pragma('user_version', { simple: true })).toBe(MIGRATIONS.at(-1)!.version);
  });

  it('a folder that cannot be created gives "cannot open the store at …: … — check DATA_DIR"', async () => {
    const base = tempDataDir();
    writeFileSync(join(base, 'a-file'), 'not a folder');
    const dataDir = join(base, 'a-file', 'data');
    const error = await failure(openStore({ dataDir }));
    expect(error).toBeInstanceOf(StoreError);
    expect(error.message).toMatch(
      new RegExp(`^cannot open the store at ${escapeRegExp(join(dataDir, STORE_FILE))}: the folder cannot be created .+ — check DATA_DIR`),
    );
  });

  it('a DATA_DIR under /proc or /sys is refused at once, not hung on', async () => {
    for (const dataDir of ['/proc/self', '/proc/data', '/sys/kernel']) {
      const started = Date.now();
      const error = await failure(openStore({ dataDir }));
      expect(error.message).toMatch(/DATA_DIR \(.+\) is on a kernel filesystem, not a place for data — set DATA_DIR to a folder of your own/);
      expect(Date.now() - started).toBeLessThan(1000);
    }
  });

  it('a corrupt database file is refused at open, saying so', async () => {
    const dataDir = tempDataDir();
    writeFileSync(join(dataDir, STORE_FILE), 'this is not SQLite at all, just some text that happens to be long enough to look like a header.'.repeat(20));
    const error = await failure(openStore({ dataDir }));
    expect(error).toBeInstanceOf(StoreError);
    expect(error.message).toMatch(/cannot open the store at .*commissioning\.db: file is not a database.* — check DATA_DIR, or move the damaged file aside/);
  });

  it('a store whose user_version is ahead of this app is refused, even without schema_migrations rows', async () => {
    const dataDir = tempDataDir();
    const raw = new Database(join(dataDir, STORE_FILE));
    raw.pragma('user_version = 42');
    raw.close();
    const error = await failure(openStore({ dataDir }));
    expect(error.message).toMatch(/written by a newer version of the app \(user_version 42, this version knows up to \d+\) — upgrade the app/);
  });

  it('a store locked by another process is refused at start, naming the lock', async () => {
    const dataDir = tempDataDir();
    await (await open(dataDir)).close();
    const holder = new Database(join(dataDir, STORE_FILE));
    holder.exec('BEGIN EXCLUSIVE');
    try {
      const error = await failure(openStore({ dataDir, busyTimeoutMs: 100 }));
      expect(error.message).toMatch(
        /: it is locked by another process \(database is locked.*\) — stop the other process using this DATA_DIR, or give this one its own DATA_DIR$/,
      );
    } finally {
      holder.exec('ROLLBACK');
      holder.close();
    }
  });

  // Permissions are real: as root (which may write anywhere) the opener runs as nobody instead.
  const asOtherUser = process.getuid?.() === 0;
  const openInChild = (dataDir: string) => {
    const child = asOtherUser ? ['setpriv', '--reuid=65534', '--regid=65534', '--clear-groups', process.execPath] : [process.execPath];
    const run = spawnSync(child[0], [...child.slice(1), '--import', 'tsx', resolve(import.meta.dirname, 'helpers/openInChild.ts')], {
      encoding: 'utf8',
      env: { PATH: process.env.PATH ?? '', DATA_DIR: dataDir },
      cwd: resolve(import.meta.dirname, '../..'),
      timeout: 30_000,
    });
    return { status: run.status, out: run.stdout.trim(), err: run.stderr.trim() };
  };
  const readOnlyForChild = (path: string, mode: number) => {
    if (asOtherUser) chownSync(path, 0, 0);
    chmodSync(path, mode);
  };

  /** A DATA_DIR inside a temp folder the other user may enter (mkdtemp makes it private). */
  const enterableDataDir = () => {
    const base = tempDataDir();
    chmodSync(base, 0o755);
    return join(base, 'data');
  };

  it('a DATA_DIR this process cannot write is refused at start with one line', () => {
    const dataDir = enterableDataDir();
    mkdirSync(dataDir);
    readOnlyForChild(dataDir, 0o555);
    const run = openInChild(dataDir);
    expect(run).toMatchObject({ status: 1, err: '' });
    expect(run.out).toMatch(
      /^cannot open the store at .+commissioning\.db: this process cannot write in DATA_DIR \(.*(EACCES|permission denied).*\) — give the app's user write access to DATA_DIR, or point DATA_DIR elsewhere$/i,
    );
  });

  it('a read-only store file is refused at start, not at the first answer', async () => {
    const dataDir = enterableDataDir();
    await (await open(dataDir)).close();
    chmodSync(dataDir, 0o777); // the folder is writable; only the database file is not
    readOnlyForChild(join(dataDir, STORE_FILE), 0o444);
    for (const f of ['-wal', '-shm']) if (existsSync(join(dataDir, STORE_FILE + f))) readOnlyForChild(join(dataDir, STORE_FILE + f), 0o444);
    const run = openInChild(dataDir);
    expect(run.status).toBe(1);
    expect(run.out).toMatch(
      /^cannot open the store at .+commissioning\.db: it cannot be written \(.+\) — give the app's user write access to the file and its folder, or point DATA_DIR elsewhere$/,
    );
  });

  it('":memory:" gives a private store (for tests of other modules)', async () => {
    const store = await open(':memory:');
    expect(store.path).toBe(':memory:');
    expect(await store.subscriptions.list()).toEqual([]);
  });
});

describe.skipIf(!DATABASE_URL)('PostgreSQL store (DATABASE_URL)', () => {
  it('a server that is not there is refused at start, naming it without its password', async () => {
    const port = await closedPort();
    const error = await failure(openStore({ databaseUrl: `postgres://app:s3cret@127.0.0.1:${port}/commissioning` }));
    expect(error.message).toMatch(
      new RegExp(
        `^cannot open the store at postgres://app:\\*\\*\\*@127\\.0\\.0\\.1:${port}/commissioning: the server cannot be reached \\(.*ECONNREFUSED.*\\) — check DATABASE_URL and that PostgreSQL is running$`,
      ),
    );
    expect(error.message).not.toContain('s3cret');
  });

  it('a role that may only read is refused at start', async () => {
    const schema = await freshSchema();
    await (await openStore({ databaseUrl: urlWithSchema(schema) })).close();
    const admin = new pg.Client({ connectionString: DATABASE_URL });
    await admin.connect();
    const role = `ro_${schema}`;
    try {
      await admin.query(`CREATE ROLE ${role} LOGIN`);
      await admin.query(`GRANT USAGE ON SCHEMA ${schema} TO ${role}`);
      await admin.query(`GRANT SELECT ON ALL TABLES IN SCHEMA ${schema} TO ${role}`);
      await admin.query(`ALTER ROLE ${role} SET default_transaction_read_only = on`);
      const url = new URL(urlWithSchema(schema));
      url.username = role;
      const error = await failure(openStore({ databaseUrl: url.toString() }));
      expect(error.message).toMatch(/: it cannot be written \(.*read-only transaction.*\) — connect as a role that may write/);
    } finally {
      await admin.query(`DROP OWNED BY ${role}`).catch(() => undefined);
      await admin.query(`DROP ROLE IF EXISTS ${role}`).catch(() => undefined);
      await admin.end();
    }
  });

  it('DATABASE_URL that is not a PostgreSQL URL is refused, saying what it should look like', async () => {
    const { storeOptionsFromEnv } = await import('../../src/store/store.ts');
    expect(() => storeOptionsFromEnv({ DATABASE_URL: 'mysql://x@y/z' })).toThrow(
      /DATABASE_URL is not a PostgreSQL URL — set it to postgres:\/\/user:password@host:5432\/database, or unset it/,
    );
    expect(storeOptionsFromEnv({ DATA_DIR: '/srv/data' })).toEqual({ dataDir: '/srv/data' });
  });
});

async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((r) => server.close(() => r()));
  return port;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
