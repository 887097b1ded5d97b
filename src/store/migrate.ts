/**
 * Bringing either backend's schema up to date, in one write transaction: a database from a newer
 * version of the app is refused untouched, missing migrations run in order, and the transaction
 * ends with a write, so a store this process cannot write (read-only, locked, no privilege) is
 * found at start rather than when the first answer or digest tries to record something.
 */
import { StoreError } from './errors.ts';
import type { Dialect, Migration } from './migrations.ts';
import type { Sql } from './sql.ts';

/** Runs the migrations the database has not seen yet; returns the versions it ran. */
export function migrate(sql: Sql, dialect: Dialect, where: string, migrations: Migration[], onApplied?: (version: number) => void): Promise<number[]> {
  return sql.transaction(async (tx) => {
    await tx.exec('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)');
    const applied = new Set((await tx.all<{ version: number }>('SELECT version FROM schema_migrations')).map((r) => Number(r.version)));
    const newest = Math.max(0, ...migrations.map((m) => m.version));
    const unknown = [...applied].filter((v) => v > newest);
    if (unknown.length) {
      throw new StoreError(
        where,
        `it was written by a newer version of the app (schema ${Math.max(...unknown)}, this version knows up to ${newest})`,
        'upgrade the app, or point the app at another store',
      );
    }
    const ran: number[] = [];
    for (const m of [...migrations].sort((a, b) => a.version - b.version)) {
      if (applied.has(m.version)) continue;
      await tx.exec(m.sql(dialect));
      await tx.run('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)', [m.version, m.name, new Date().toISOString()]);
      onApplied?.(m.version);
      ran.push(m.version);
    }
    // The write probe: changes nothing, but a read-only database or a missing privilege refuses it.
    await tx.run('UPDATE schema_migrations SET name = name WHERE version < 0');
    return ran;
  });
}
