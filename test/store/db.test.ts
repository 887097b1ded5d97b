/** Opening the store: the folder and file are created, migrations run once, and bad places fail at start with a clear message. */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { openStore, type Store } from '../../src/store/store.ts';
import { StoreError, STORE_FILE } from '../../src/store/db.ts';
import { MIGRATIONS } from '../../src/store/migrations.ts';
import { tempDataDir } from '../digest/helpers/fixtures.ts';

const opened: Store[] = [];
const open = (dataDir: string) => {
  const s = openStore({ dataDir });
  opened.push(s);
  return s;
};
afterEach(() => opened.splice(0).forEach((s) => s.close()));

describe('openStore', () => {
  it('creates DATA_DIR and commissioning.db, and records each migration once', () => {
    const dataDir = join(tempDataDir(), 'nested', 'data');
    const store = open(dataDir);
    expect(store.path).toBe(join(dataDir, STORE_FILE));
    expect(existsSync(store.path)).toBe(true);
    const versions = store.db.prepare('SELECT version FROM schema_migrations ORDER BY version').all() as { version: number }[];
    expect(versions.map((v) => v.version)).toEqual(MIGRATIONS.map((m) => m.version));
    expect(store.db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.at(-1)!.version);
    store.close();
    const again = open(dataDir);
    expect((again.db.prepare('SELECT count(*) AS n FROM schema_migrations').get() as { n: number }).n).toBe(MIGRATIONS.length);
  });

  it('keeps data across reopening', () => {
    const dataDir = tempDataDir();
    open(dataDir).recordUnanswered({ question: 'who runs the moon?', reason: 'out of scope' });
    opened.pop()!.close();
    expect(open(dataDir).listUnanswered().map((u) => u.question)).toEqual(['who runs the moon?']);
  });

  it('a folder that cannot be created gives "cannot open the store at …: … — check DATA_DIR"', () => {
    const base = tempDataDir();
    writeFileSync(join(base, 'a-file'), 'not a folder');
    const dataDir = join(base, 'a-file', 'data');
    expect(() => openStore({ dataDir })).toThrow(StoreError);
    expect(() => openStore({ dataDir })).toThrow(new RegExp(`^cannot open the store at ${escapeRegExp(join(dataDir, STORE_FILE))}: .+ — check DATA_DIR`));
  });

  it('a corrupt database file is refused at open, saying so', () => {
    const dataDir = tempDataDir();
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(join(dataDir, STORE_FILE), 'this is not SQLite at all, just some text that happens to be long enough to look like a header.'.repeat(20));
    let error: unknown;
    try {
      openStore({ dataDir });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(StoreError);
    expect((error as Error).message).toMatch(/cannot open the store at .*commissioning\.db: file is not a database.* — check DATA_DIR, or move the damaged file aside/);
  });

  it('a store written by a newer version is refused rather than touched', () => {
    const dataDir = tempDataDir();
    open(dataDir);
    opened.pop()!.close();
    const raw = new Database(join(dataDir, STORE_FILE));
    raw.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (99, ?, ?)').run('from the future', new Date().toISOString());
    raw.close();
    expect(() => openStore({ dataDir })).toThrow(/written by a newer version of the app \(schema 99/);
  });

  it('":memory:" gives a private store (for tests of other modules)', () => {
    const store = openStore({ dataDir: ':memory:' });
    opened.push(store);
    expect(store.path).toBe(':memory:');
    expect(store.subscriptions.list()).toEqual([]);
  });
});

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
