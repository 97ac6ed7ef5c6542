import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { Database } from '../db/database.js';
import { openDatabase } from '../db/open.js';

/** The backend the suite runs on: `npm test` runs every test file once per backend. */
export const testBackend = (): 'pglite' | 'postgres' =>
  process.env.SHUJU_TEST_BACKEND === 'postgres' ? 'postgres' : 'pglite';

export const testDatabaseUrl = (): string =>
  process.env.SHUJU_TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/**
 * A fresh, migrated store for one test file: in-memory PGlite, or its own schema on the real
 * PostgreSQL server (dropped again on close).
 */
export async function openTestDatabase(): Promise<Database> {
  if (testBackend() === 'pglite') return openDatabase({});
  const url = testDatabaseUrl();
  const schema = `t_${randomBytes(6).toString('hex')}`;
  const db = await openDatabase({ databaseUrl: url, schema });
  const close = db.close.bind(db);
  return Object.assign(db, {
    async close() {
      await close();
      const admin = new pg.Client({ connectionString: url });
      await admin.connect();
      await admin.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      await admin.end();
    },
  });
}
