import type { GroupResult } from '../engine/evaluate.js';
import type { Alert, Timer } from '../engine/finding.js';
import { alertId } from '../engine/outcome.js';
import type { Ev } from '../engine/snapshot.js';

/**
 * Test helpers for the incident and intake rules: local times, and an alert's or timer's state
 * picked by its part (alerts carry no part; their id is derived from it).
 */

/** A local (Asia/Shanghai) time as RFC 3339: T('2025-05-06T10:00') → 2025-05-06T10:00:00+08:00. */
export const T = (local: string): string => `${local.length === 16 ? `${local}:00` : local}+08:00`;

/** The ISO (UTC) form alerts use, of a local time. */
export const utc = (local: string): string => new Date(T(local)).toISOString();

const idOf = (a: { ruleId: string; subject: { type: string; id: string }; triggerEventId: string }, part?: string) =>
  alertId({ ruleId: a.ruleId, subject: a.subject as Alert['subject'], trigger: { id: a.triggerEventId } as Ev, part });

/** The alerts of one part (undefined = the finding without a part). */
export const alertsOf = (r: GroupResult, part?: string): Alert[] => r.alerts.filter((a) => a.id === idOf(a, part));

/** The single alert of a part; fails the test when there are several. */
export function alertOf(r: GroupResult, part?: string): Alert | undefined {
  const list = alertsOf(r, part);
  if (list.length > 1) throw new Error(`expected at most one alert of part ${part}, got ${list.length}`);
  return list[0];
}

/** An alert's state in one comparable line: level, status, due, raised and resolved (local times). */
export function state(a: Alert | undefined): string | undefined {
  if (!a) return undefined;
  const local = (iso: string | null) => (iso ? new Date(new Date(iso).getTime() + 8 * 3600_000).toISOString().slice(0, 16) : '-');
  return `${a.level} ${a.status} due ${local(a.dueAt)} raised ${local(a.raisedAt)} resolved ${local(a.resolvedAt)}`;
}

/** The timers of alerts in a result, as "kind fireAt" lines (local times). */
export const timersOf = (r: GroupResult): string[] =>
  r.timers.map((t: Timer) => `${t.kind} ${new Date(new Date(t.fireAt).getTime() + 8 * 3600_000).toISOString().slice(0, 23)}`);
