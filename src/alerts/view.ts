import type { Alert, Timer } from '../rules/engine/finding.js';
import { LAW_NAMES } from '../rules/engine/explain.js';
import { ruleById } from '../rules/definitions/index.js';

/**
 * The outward shape of an alert (CLI JSON, API): the fields of issue 3 §6 first — id, ruleId,
 * level, status, subject {type, id}, caseId, unitId, dueAt, raisedAt, basis — then the rest of
 * the explanation. Instants are RFC 3339 at +08:00.
 */
export interface AlertView {
  id: string;
  ruleId: string;
  level: Alert['level'];
  status: Alert['status'];
  subject: Alert['subject'];
  caseId: string | null;
  unitId: string | null;
  dueAt: string | null;
  raisedAt: string;
  basis: Array<{ law: string; article: string; title: string }>;
  severity: Alert['severity'];
  ruleVersion: number;
  ruleName: string | null;
  incidentId: string | null;
  triggerEventId: string;
  evidenceEventIds: string[];
  resolvedAt: string | null;
  computation: Record<string, unknown> | null;
  message: string;
  messageEn: string;
}

/** An instant as RFC 3339 at +08:00 (Asia/Shanghai has no DST). */
export function at0800(iso: string): string;
export function at0800(iso: string | null): string | null;
export function at0800(iso: string | null): string | null {
  if (iso === null) return null;
  const t = Date.parse(iso);
  return `${new Date(t + 8 * 3600_000).toISOString().slice(0, 19)}+08:00`;
}

export function alertView(a: Alert): AlertView {
  const def = ruleById(a.ruleId, new Date(a.raisedAt));
  return {
    id: a.id, ruleId: a.ruleId, level: a.level, status: a.status, subject: a.subject, caseId: a.caseId, unitId: a.unitId,
    dueAt: at0800(a.dueAt), raisedAt: at0800(a.raisedAt),
    basis: a.basis.map((b) => ({ ...b, title: LAW_NAMES[b.law]?.['zh-CN'] ?? b.law })),
    severity: a.severity, ruleVersion: a.ruleVersion, ruleName: def?.name['zh-CN'] ?? null, incidentId: a.incidentId,
    triggerEventId: a.triggerEventId, evidenceEventIds: a.evidenceEventIds, resolvedAt: at0800(a.resolvedAt),
    computation: a.computation, message: a.message['zh-CN'], messageEn: a.message.en,
  };
}

export interface TimerView {
  alertId: string;
  ruleId: string;
  subject: Timer['subject'];
  kind: Timer['kind'];
  fireAt: string;
  dueAt: string;
}

export const timerView = (t: Timer): TimerView => ({ ...t, fireAt: at0800(t.fireAt), dueAt: at0800(t.dueAt) });
