import { formatDate } from '../cases/format.js';
import type { Queryable } from '../db/database.js';
import type { ImportReport } from '../interchange/types.js';
import type { Actor } from '../org/actor.js';
import { scopeCondition } from '../org/scope.js';
import { limitOffset, type PageQuery } from '../server/schemas.js';

export interface ImportFilter extends PageQuery {
  status?: 'accepted' | 'rejected';
  source?: string;
}

export interface ImportSummary {
  id: number;
  name: string;
  source: string | null;
  format: string;
  status: string;
  counts: Record<string, number>;
  errorCount: number;
  actor: string | null;
  receivedAt: string;
  finishedAt: string | null;
}

interface Row {
  id: number;
  name: string;
  source: string | null;
  format: string;
  status: string;
  counts: Record<string, number>;
  errors: ImportReport['errors'];
  actor: string | null;
  received_at: Date | string;
  finished_at: Date | string | null;
}

/**
 * Imports are scoped like the audit log, by who delivered them: the unit of the importing
 * account. Imports made outside the platform's accounts (CLI, inbox) are shown to admins only.
 */
function importScope(actor: Actor, nextParam: number) {
  const scope = scopeCondition(actor, 'u.unit_id', nextParam);
  return { sql: actor.role === 'admin' ? `(u.id IS NULL OR ${scope.sql})` : scope.sql, params: scope.params };
}

const FROM = 'FROM imports i LEFT JOIN users u ON u.username = i.actor';

const summary = (r: Row): ImportSummary => ({
  id: Number(r.id),
  name: r.name,
  source: r.source,
  format: r.format,
  status: r.status,
  counts: r.counts,
  errorCount: r.errors.length,
  actor: r.actor,
  receivedAt: formatDate(new Date(r.received_at)),
  finishedAt: r.finished_at === null ? null : formatDate(new Date(r.finished_at)),
});

export async function listImports(
  db: Pick<Queryable, 'query'>,
  actor: Actor,
  f: ImportFilter,
): Promise<{ items: ImportSummary[]; total: number }> {
  const scope = importScope(actor, 1);
  const params: unknown[] = [...scope.params];
  const where = [scope.sql];
  if (f.status) where.push(`i.status = $${params.push(f.status)}`);
  if (f.source) where.push(`i.source = $${params.push(f.source)}`);
  const base = `${FROM} WHERE ${where.join(' AND ')}`;
  const page = limitOffset(f, params.length + 1);
  const [{ rows }, count] = await Promise.all([
    db.query<Row>(`SELECT i.* ${base} ORDER BY i.id DESC ${page.sql}`, [...params, ...page.params]),
    db.query<{ n: number }>(`SELECT count(*)::int AS n ${base}`, params),
  ]);
  return { items: rows.map(summary), total: count.rows[0].n };
}

/** One import with its error list (values already masked by the importer), or null. */
export async function getImport(
  db: Pick<Queryable, 'query'>,
  actor: Actor,
  id: number,
): Promise<(ImportSummary & { errors: ImportReport['errors'] }) | null> {
  const scope = importScope(actor, 2);
  const { rows } = await db.query<Row>(`SELECT i.* ${FROM} WHERE i.id = $1 AND ${scope.sql}`, [id, ...scope.params]);
  return rows[0] ? { ...summary(rows[0]), errors: rows[0].errors } : null;
}
