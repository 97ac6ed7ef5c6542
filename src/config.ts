import type { DbConfig } from './db/open.js';

/** Runtime configuration: command-line flags win over environment variables over defaults. */
export interface StoreFlags {
  dataDir?: string;
  databaseUrl?: string;
}

export function storeConfig(flags: StoreFlags = {}): DbConfig {
  const databaseUrl = flags.databaseUrl ?? process.env.DATABASE_URL ?? undefined;
  return databaseUrl
    ? { databaseUrl }
    : { dataDir: flags.dataDir ?? process.env.SHUJU_DATA_DIR ?? './data' };
}

export const describeStore = (cfg: DbConfig): string =>
  cfg.databaseUrl ? `PostgreSQL ${cfg.databaseUrl.replace(/\/\/[^@]*@/, '//***@')}` : `PGlite ${cfg.dataDir}`;
