import { insertViaUnnest, type Queryable } from '../../db/database.js';
import type { GroupResult } from '../engine/evaluate.js';
import type { Alert, Timer } from '../engine/finding.js';

/**
 * Writes a batch of freshly evaluated groups: alerts upserted by id (a warning that turns overdue
 * stays one row), alerts of those groups no longer produced marked `retracted` (never deleted),
 * and the groups' pending deadlines replaced.
 */
const ALERT_COLUMNS = [
  'id', 'group_id', 'rule_id', 'rule_version', 'level', 'status', 'severity', 'subject_type', 'subject_id', 'case_id', 'incident_id', 'unit_id',
  'trigger_event_id', 'evidence_event_ids', 'due_at', 'raised_at', 'resolved_at', 'computation', 'basis', 'message_zh', 'message_en',
];
const CHANGING = ALERT_COLUMNS.filter((c) => c !== 'id');
// Only rows that changed are rewritten (updated_at then tells when an alert last moved).
const UPSERT_ALERTS = `ON CONFLICT (id) DO UPDATE SET ${CHANGING.map((c) => `${c} = EXCLUDED.${c}`).join(', ')}, updated_at = now()
  WHERE (${CHANGING.map((c) => `rule_alerts.${c}`).join(', ')}) IS DISTINCT FROM (${CHANGING.map((c) => `EXCLUDED.${c}`).join(', ')})`;
const ALERT_TYPES = [
  'text', 'text', 'text', 'int4', 'text', 'text', 'text', 'text', 'text', 'text', 'text', 'text',
  'text', 'jsonb', 'timestamptz', 'timestamptz', 'timestamptz', 'jsonb', 'jsonb', 'text', 'text',
];

export function alertRow(groupId: string, a: Alert): unknown[] {
  return [
    a.id, groupId, a.ruleId, a.ruleVersion, a.level, a.status, a.severity, a.subject.type, a.subject.id, a.caseId, a.incidentId, a.unitId,
    a.triggerEventId, JSON.stringify(a.evidenceEventIds), a.dueAt, a.raisedAt, a.resolvedAt, a.computation ? JSON.stringify(a.computation) : null,
    JSON.stringify(a.basis), a.message['zh-CN'], a.message.en,
  ];
}

export async function saveGroupResults(tx: Queryable, results: Map<string, GroupResult>): Promise<{ alerts: number; retracted: number; timers: number }> {
  const groups = [...results.keys()];
  if (groups.length === 0) return { alerts: 0, retracted: 0, timers: 0 };
  const rows: unknown[][] = [];
  const timers: unknown[][] = [];
  const produced = new Set<string>();
  for (const [group, r] of results) {
    for (const a of r.alerts) {
      rows.push(alertRow(group, a));
      produced.add(a.id);
    }
    for (const t of r.timers) timers.push(timerRow(group, t));
  }
  // One statement, no scratch table (a temporary table per batch churned the catalogue).
  await insertViaUnnest(tx, 'rule_alerts', ALERT_COLUMNS, rows, ALERT_TYPES, UPSERT_ALERTS);
  const { rows: gone } = await tx.query<{ id: string }>(
    `UPDATE rule_alerts SET status = 'retracted', updated_at = now()
      WHERE group_id = ANY($1) AND status <> 'retracted' AND NOT (id = ANY($2)) RETURNING id`, [groups, [...produced]]);
  await tx.query(`DELETE FROM rule_deadlines WHERE group_id = ANY($1)`, [groups]);
  await insertViaUnnest(tx, 'rule_deadlines', TIMER_COLUMNS, timers, TIMER_TYPES);
  return { alerts: rows.length, retracted: gone.length, timers: timers.length };
}

const TIMER_COLUMNS = ['id', 'group_id', 'alert_id', 'rule_id', 'kind', 'fire_at', 'due_at'];
const TIMER_TYPES = ['text', 'text', 'text', 'text', 'text', 'timestamptz', 'timestamptz'];
const timerRow = (group: string, t: Timer): unknown[] => [`${t.alertId}:${t.kind}`, group, t.alertId, t.ruleId, t.kind, t.fireAt, t.dueAt];

export interface AlertRow {
  id: string; rule_id: string; rule_version: number; level: string; status: string; severity: string; subject_type: string; subject_id: string;
  case_id: string | null; incident_id: string | null; unit_id: string | null; trigger_event_id: string; evidence_event_ids: unknown;
  due_at: Date | null; raised_at: Date; resolved_at: Date | null; computation: unknown; basis: unknown; message_zh: string; message_en: string;
}

/** A stored row in the shape the engine produces (for listing and for comparing with a re-evaluation). */
export function alertFromRow(r: AlertRow): Alert {
  const json = (v: unknown) => (typeof v === 'string' ? JSON.parse(v) : v);
  return {
    id: r.id, ruleId: r.rule_id, ruleVersion: Number(r.rule_version), level: r.level as Alert['level'], status: r.status as Alert['status'],
    severity: r.severity as Alert['severity'], subject: { type: r.subject_type as Alert['subject']['type'], id: r.subject_id },
    caseId: r.case_id, incidentId: r.incident_id, unitId: r.unit_id, triggerEventId: r.trigger_event_id,
    evidenceEventIds: json(r.evidence_event_ids) as string[], dueAt: r.due_at ? new Date(r.due_at).toISOString() : null,
    raisedAt: new Date(r.raised_at).toISOString(), resolvedAt: r.resolved_at ? new Date(r.resolved_at).toISOString() : null,
    computation: json(r.computation) as Alert['computation'], basis: json(r.basis) as Alert['basis'],
    message: { 'zh-CN': r.message_zh, en: r.message_en },
  };
}
