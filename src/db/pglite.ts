import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { PGlite, type Transaction } from '@electric-sql/pglite';
import lockfile from 'proper-lockfile';
import { columnTypes, insertViaUnnest, type Database, type Queryable, type QueryResult } from './database.js';

export class DataDirLockedError extends Error {
  constructor(dir: string) {
    super(`data directory ${dir} is in use by another Shuju process (lock file ${dir}/shuju.lock)`);
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
      release = await lockfile.lock(dir, { lockfilePath: `${dir}/shuju.lock`, realpath: false, stale: 15_000 });
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
