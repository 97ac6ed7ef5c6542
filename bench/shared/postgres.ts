import pg from 'pg';
import type { Database } from '../../src/db/database.js';
import { openDatabase } from '../../src/db/open.js';

/**
 * The benchmarks' PostgreSQL: the server on 127.0.0.1:5432, database `test` (trust auth), or
 * DATABASE_URL. Every measurement runs in a schema of its own, created fresh and dropped after.
 */
export const BENCH_DATABASE_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

export async function dropSchema(schema: string): Promise<void> {
  const c = new pg.Client({ connectionString: BENCH_DATABASE_URL });
  await c.connect();
  try {
    await c.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  } finally {
    await c.end();
  }
}

/** An empty, migrated schema (dropped first if a previous run left it behind). */
export async function freshDatabase(schema: string): Promise<Database> {
  await dropSchema(schema);
  return openDatabase({ databaseUrl: BENCH_DATABASE_URL, schema });
}

/** A raw client on a schema, for COPY streams the Database interface does not offer. */
export async function schemaClient(schema: string): Promise<pg.Client> {
  const c = new pg.Client({ connectionString: BENCH_DATABASE_URL, options: `-c search_path="${schema}"` });
  await c.connect();
  return c;
}
