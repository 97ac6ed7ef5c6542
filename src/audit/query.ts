import { formatDate } from '../cases/format.js';
import type { Queryable } from '../db/database.js';
import type { Actor } from '../org/actor.js';
import { scopeCondition } from '../org/scope.js';
import { limitOffset, type PageQuery } from '../server/schemas.js';

export interface AuditFilter extends PageQuery {
  from?: Date;
  to?: Date;
  username?: string;
  action?: string;
  resourceId?: string;
}

export interface AuditRow {
  id: number;
  at: string;
  userId: number | null;
  username: string | null;
  role: string | null;
  action: string;
  resourceType: string | null;
  resourceId: string | null;
  detail: Record<string, unknown>;
  ip: string | null;
  userAgent: string | null;
}

/**
 * Audit entries, newest first. Scoped by the auditee's unit: an auditor sees what users of its
 * units did. Entries without a platform user (CLI operator) are shown to admins only.
 */
export async function listAudit(
  db: Pick<Queryable, 'query'>,
  actor: Actor,
  f: AuditFilter,
): Promise<{ items: AuditRow[]; total: number }> {
  const scope = scopeCondition(actor, 'u.unit_id', 1);
  const params: unknown[] = [...scope.params];
  const where = [actor.role === 'admin' ? `(l.user_id IS NULL OR ${scope.sql})` : scope.sql];
  if (f.from) where.push(`l.at >= $${params.push(f.from)}`);
  if (f.to) where.push(`l.at < $${params.push(f.to)}`);
  if (f.username) where.push(`l.username = $${params.push(f.username)}`);
  if (f.action) where.push(`l.action = $${params.push(f.action)}`);
  if (f.resourceId) where.push(`l.resource_id = $${params.push(f.resourceId)}`);
  const base = `FROM audit_log l LEFT JOIN users u ON u.id = l.user_id WHERE ${where.join(' AND ')}`;
  const page = limitOffset(f, params.length + 1);
  const [{ rows }, count] = await Promise.all([
    db.query<{
      id: number;
      at: Date | string;
      user_id: number | null;
      username: string | null;
      role: string | null;
      action: string;
      resource_type: string | null;
      resource_id: string | null;
      detail: Record<string, unknown>;
      ip: string | null;
      user_agent: string | null;
    }>(
      `SELECT l.id, l.at, l.user_id, l.username, l.role, l.action, l.resource_type, l.resource_id, l.detail,
              l.ip, l.user_agent ${base} ORDER BY l.at DESC, l.id DESC ${page.sql}`,
      [...params, ...page.params],
    ),
    db.query<{ n: number }>(`SELECT count(*)::int AS n ${base}`, params),
  ]);
  return {
    total: count.rows[0].n,
    items: rows.map((r) => ({
      id: Number(r.id),
      at: formatDate(new Date(r.at)),
      userId: r.user_id === null ? null : Number(r.user_id),
      username: r.username,
      role: r.role,
      action: r.action,
      resourceType: r.resource_type,
      resourceId: r.resource_id,
      detail: r.detail,
      ip: r.ip,
      userAgent: r.user_agent,
    })),
  };
}
