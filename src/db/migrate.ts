import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sourceDir } from '../shared/source-dir.js';
import type { Database } from './database.js';

/**
 * The one migration tool: numbered plain-SQL files in src/db/migrations, applied in order, each
 * in its own transaction, recorded in schema_migrations. Plain SQL keeps them reviewable and
 * runnable on PGlite and PostgreSQL alike.
 */
export const migrationsDir = (): string => sourceDir(import.meta.url, 'migrations');

export async function migrate(db: Database): Promise<string[]> {
  await db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())`);
  const { rows } = await db.query<{ name: string }>('SELECT name FROM schema_migrations');
  const done = new Set(rows.map((r) => r.name));
  const files = readdirSync(migrationsDir()).filter((f) => f.endsWith('.sql')).sort();
  const applied: string[] = [];
  for (const file of files) {
    if (done.has(file)) continue;
    const sql = readFileSync(join(migrationsDir(), file), 'utf8');
    await db.transaction(async (tx) => {
      await tx.exec(sql);
      await tx.query('INSERT INTO schema_migrations (name) VALUES ($1)', [file]);
    });
    applied.push(file);
  }
  return applied;
}
