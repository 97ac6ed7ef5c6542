import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import type { Database, Queryable, QueryResult } from './database.js';

// Return timestamps, bigints and numerics as the driver-independent shapes PGlite also gives.
pg.types.setTypeParser(20, (v) => Number(v)); // int8: counts and serials stay far below 2^53

type Client = pg.Pool | pg.PoolClient;

/** Text-format COPY field: backslash, tab, newline and carriage return escaped; null is \N. */
const NEEDS_ESCAPE = /[\\\t\n\r]/;
const ESCAPES: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };
function copyField(v: unknown): string {
  if (v === null || v === undefined) return '\\N';
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  const s = typeof v === 'string' ? v : v instanceof Date ? v.toISOString() : JSON.stringify(v);
  return NEEDS_ESCAPE.test(s) ? s.replace(/[\\\t\n\r]/g, (c) => ESCAPES[c]) : s;
}

function wrap(c: Client, copyClient: () => Promise<{ client: pg.PoolClient; done: () => void }>): Queryable {
  return {
    async query<T>(sql: string, params?: unknown[]): Promise<QueryResult<T>> {
      const r = await c.query(sql, params as unknown[]);
      return { rows: r.rows as T[], affectedRows: r.rowCount ?? undefined };
    },
    async exec(sql: string) {
      await c.query(sql);
    },
    async copyRows(table, columns, rows) {
      if (Array.isArray(rows) && rows.length === 0) return;
      const { client, done } = await copyClient();
      try {
        // Formatted up front in large pieces: once handed to the socket, the server can load
        // them while JavaScript does other work, and COPY parses big writes fastest.
        const pieces: string[] = [];
        let parts: string[] = [];
        let size = 0;
        for (const r of rows) {
          let line = copyField(r[0]);
          for (let c = 1; c < r.length; c++) line += '\t' + copyField(r[c]);
          line += '\n';
          parts.push(line);
          size += line.length;
          if (size > 1 << 20) {
            pieces.push(parts.join(''));
            parts = [];
            size = 0;
          }
        }
        if (parts.length) pieces.push(parts.join(''));
        if (pieces.length === 0) return;
        const stream = client.query(copyFrom(`COPY ${table} (${columns.join(', ')}) FROM STDIN`));
        await pipeline(Readable.from(pieces), stream);
      } finally {
        done();
      }
    },
  };
}

export interface PostgresOptions {
  /** Schema to work in (tests give each file its own); created if absent. */
  schema?: string;
  max?: number;
}

export async function openPostgres(url: string, opts: PostgresOptions = {}): Promise<Database> {
  if (opts.schema) {
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`CREATE SCHEMA IF NOT EXISTS "${opts.schema}"`);
    await admin.end();
  }
  const pool = new pg.Pool({
    connectionString: url,
    max: opts.max ?? 8,
    options: opts.schema ? `-c search_path="${opts.schema}"` : undefined,
  });
  await pool.query('SELECT 1');
  const fromPool = async () => {
    const client = await pool.connect();
    return { client, done: () => client.release() };
  };
  const base = wrap(pool, fromPool);
  let closed = false;
  return {
    kind: 'postgres',
    ...base,
    async transaction(fn) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await fn(wrap(client, async () => ({ client, done: () => {} })));
        await client.query('COMMIT');
        return result;
      } catch (err) {
        await client.query('ROLLBACK').catch(() => {});
        throw err;
      } finally {
        client.release();
      }
    },
    async close() {
      if (closed) return;
      closed = true;
      await pool.end();
    },
  };
}
