import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { PGlite, type Transaction } from '@electric-sql/pglite';
import lockfile from 'proper-lockfile';
import { columnTypes, insertViaUnnest, type Database, type Queryable, type QueryResult } from './database.js';

/**
 * How old the lock's heartbeat may get before another process may take the lock over. The holder
 * refreshes it on a timer, which a busy event loop delays: PGlite's first start (initdb and the
 * migrations in WASM) on a loaded two-core machine held it back beyond the 15 s this once was, and
 * a second opener then got in. A crashed holder's lock is taken over after this long.
 */
const LOCK_STALE_MS = 60_000;

export class DataDirLockedError extends Error {
  constructor(dir: string) {
    super(`data directory ${dir} is in use by another Shuju process (lock file ${dir}/shuju.lock; after a crash it is released within ${LOCK_STALE_MS / 1000} s)`);
  }
}

function wrap(q: PGlite | Transaction): Queryable {
  const self: Queryable = {
    async query<T>(sql: string, params?: unknown[]): Promise<QueryResult<T>> {
      const r = await q.query<T>(sql, params);
      return { rows: r.rows, affectedRows: r.affectedRows };
    },
    async exec(sql: string) {
      await q.exec(sql);
    },
    async copyRows(table, columns, iterable) {
      const rows = Array.isArray(iterable) ? (iterable as unknown[][]) : [...iterable];
      if (rows.length === 0) return;
      const types = await columnTypes(self, table, columns);
      // Chunked so that one statement's parameter arrays stay small inside the WASM heap.
      for (let i = 0; i < rows.length; i += 20_000) {
        await insertViaUnnest(self, table, columns, rows.slice(i, i + 20_000), types);
      }
    },
  };
  return self;
}

/**
 * Embedded PostgreSQL. `dataDir` undefined = in memory (tests). A lock file inside the data
 * directory stops a second process from opening the same files, which would corrupt them.
 */
export async function openPglite(dataDir?: string): Promise<Database> {
  let release: (() => Promise<void>) | undefined;
  let pg: PGlite;
  if (dataDir) {
    const dir = resolve(dataDir);
    mkdirSync(dir, { recursive: true });
    try {
      release = await lockfile.lock(dir, { lockfilePath: `${dir}/shuju.lock`, realpath: false, stale: LOCK_STALE_MS });
    } catch (err) {
      if ((err as { code?: string }).code === 'ELOCKED') throw new DataDirLockedError(dir);
      throw err;
    }
    pg = new PGlite(`${dir}/pgdata`);
  } else {
    pg = new PGlite();
  }
  await pg.waitReady;
  const base = wrap(pg);
  let closed = false;
  return {
    kind: 'pglite',
    ...base,
    transaction: (fn) => pg.transaction((tx) => fn(wrap(tx))),
    async close() {
      if (closed) return;
      closed = true;
      await pg.close();
      if (release) await release();
    },
  };
}
