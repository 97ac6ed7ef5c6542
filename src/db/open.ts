import type { Database } from './database.js';
import { migrate } from './migrate.js';
import { openPglite } from './pglite.js';
import { openPostgres } from './postgres.js';

export interface DbConfig {
  /** PostgreSQL server; when absent the embedded PGlite store is used. */
  databaseUrl?: string;
  /** PGlite data directory; undefined with no databaseUrl = in memory. */
  dataDir?: string;
  schema?: string;
}

/** Opens the configured store and brings its schema up to date. */
export async function openDatabase(cfg: DbConfig): Promise<Database> {
  const db = cfg.databaseUrl
    ? await openPostgres(cfg.databaseUrl, { schema: cfg.schema })
    : await openPglite(cfg.dataDir);
  try {
    await migrate(db);
  } catch (err) {
    await db.close();
    throw err;
  }
  return db;
}
