import type { Queryable } from '../db/database.js';
import type { Actor } from '../org/actor.js';
import { scopeCondition } from '../org/scope.js';
import type { Alert } from '../rules/engine/finding.js';
import { alertFromRow, type AlertRow } from '../rules/store/alerts-repository.js';

/**
 * The live alerts (rule_alerts), scoped to the caller's units. Retracted alerts are left out
 * unless asked for (§13: they no longer count anywhere, the record stays for the audit trail).
 */
export interface AlertFilter {
  id?: string;
  status?: Alert['status'][];
  level?: Alert['level'][];
  ruleId?: string;
  caseId?: string;
  unitId?: string;
  severity?: string;
  includeRetracted?: boolean;
  page?: number;
  pageSize?: number;
}

export async function listAlerts(db: Queryable, actor: Actor, f: AlertFilter = {}): Promise<{ items: Alert[]; total: number }> {
  const where: string[] = [];
  const params: unknown[] = [];
  const add = (sql: (n: number) => string, value: unknown) => {
    params.push(value);
    where.push(sql(params.length));
  };
  const scope = scopeCondition(actor, 'a.unit_id', params.length + 1);
  where.push(scope.sql);
  params.push(...scope.params);
  if (f.status?.length) add((n) => `a.status = ANY($${n})`, f.status);
  else if (!f.includeRetracted) where.push(`a.status <> 'retracted'`);
  if (f.level?.length) add((n) => `a.level = ANY($${n})`, f.level);
  if (f.id) add((n) => `a.id = $${n}`, f.id);
  if (f.ruleId) add((n) => `a.rule_id = $${n}`, f.ruleId);
  if (f.caseId) add((n) => `a.case_id = $${n}`, f.caseId);
  if (f.severity) add((n) => `a.severity = $${n}`, f.severity);
  if (f.unitId) add((n) => `a.unit_id IN (SELECT descendant_id FROM unit_closure WHERE ancestor_id = $${n})`, f.unitId);
  const cond = where.join(' AND ');
  const { rows: count } = await db.query<{ n: string }>(`SELECT count(*) AS n FROM rule_alerts a WHERE ${cond}`, params);
  const pageSize = f.pageSize ?? 50;
  const page = f.page ?? 1;
  const { rows } = await db.query<AlertRow>(
    `SELECT a.* FROM rule_alerts a WHERE ${cond}
      ORDER BY a.raised_at DESC, a.id LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
    [...params, pageSize, (page - 1) * pageSize]);
  return { items: rows.map(alertFromRow), total: Number(count[0].n) };
}

/** Whether the caller's scope includes a unit (for as-of results computed over every group). */
export async function unitsInScope(db: Queryable, actor: Actor): Promise<Set<string> | null> {
  if (actor.unitId === null) return null;
  const { rows } = await db.query<{ descendant_id: string }>(`SELECT descendant_id FROM unit_closure WHERE ancestor_id = $1`, [actor.unitId]);
  return new Set(rows.map((r) => r.descendant_id));
}
