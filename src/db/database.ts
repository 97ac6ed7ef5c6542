/**
 * One interface over the two stores: embedded PGlite (default, one laptop) and a PostgreSQL
 * server (`DATABASE_URL`, production). Everything above this layer speaks plain PostgreSQL 15 SQL.
 */

export interface QueryResult<T> {
  rows: T[];
  affectedRows?: number;
}

export interface Queryable {
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<QueryResult<T>>;
  /** Runs several statements without parameters (migrations, DDL). */
  exec(sql: string): Promise<void>;
  /**
   * Bulk-loads rows into a table. PostgreSQL uses COPY FROM STDIN; PGlite falls back to
   * multi-row INSERT … SELECT FROM unnest(). Values are strings, numbers, booleans, Dates or null.
   * Rows may be a lazy iterable: PostgreSQL then builds them while it is still loading earlier
   * ones, so JavaScript and the server work at the same time.
   */
  copyRows(table: string, columns: string[], rows: Iterable<unknown[]>): Promise<void>;
}

export interface Database extends Queryable {
  readonly kind: 'pglite' | 'postgres';
  /** Runs `fn` in one transaction: commit when it resolves, roll back when it throws. */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** Bulk insert through unnest(): one statement, one round trip, any row count. */
export async function insertViaUnnest(
  q: Pick<Queryable, 'query'>,
  table: string,
  columns: string[],
  rows: unknown[][],
  columnTypes: string[],
  /** Appended to the statement: an ON CONFLICT clause. */
  onConflict = '',
): Promise<void> {
  if (rows.length === 0) return;
  const arrays = columns.map((_, c) => rows.map((r) => normalise(r[c])));
  const params = columnTypes.map((t, c) => `$${c + 1}::${t}[]`).join(', ');
  await q.query(`INSERT INTO ${table} (${columns.join(', ')}) SELECT * FROM unnest(${params}) ${onConflict}`, arrays);
}

function normalise(v: unknown): unknown {
  if (v === undefined) return null;
  if (v !== null && typeof v === 'object' && !(v instanceof Date)) return JSON.stringify(v);
  return v;
}

/** Column types of the tables that are bulk-loaded (for the unnest fallback). */
export async function columnTypes(q: Pick<Queryable, 'query'>, table: string, columns: string[]): Promise<string[]> {
  const { rows } = await q.query<{ column_name: string; data_type: string; udt_name: string }>(
    `SELECT column_name, data_type, udt_name FROM information_schema.columns
      WHERE table_schema = current_schema() AND table_name = $1`,
    [table],
  );
  const byName = new Map(rows.map((r) => [r.column_name, r.udt_name.replace(/^_/, '')]));
  return columns.map((c) => {
    const t = byName.get(c);
    if (!t) throw new Error(`table ${table} has no column ${c}`);
    return t;
  });
}
