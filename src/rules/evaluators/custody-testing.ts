import type { Alert, Timer } from '../engine/finding.js';
import { GroupBuilder } from '../engine/group-builder.js';

/** Fixtures for the custody and detention evaluator tests (pure, no database). */
export const CASE = 'case:C1';
export const P1 = 'person:P1';
export const PROCURATORATE = 'unit:PROC';

/** A local Asia/Shanghai time 'YYYY-MM-DDTHH:mm' as an RFC 3339 instant. */
export const t = (local: string): string => `${local}:00+08:00`;
/** The same instant as the ISO string alerts and timers carry. */
export const z = (local: string): string => new Date(t(local)).toISOString();

/** A criminal case of a station, with one suspect, a detention house and a procuratorate. */
export function criminalCase(category = '050200'): GroupBuilder {
  return new GroupBuilder(CASE)
    .object(CASE, { kind: 'criminal', category }, { unit: 'unit:STATION' })
    .object('unit:STATION', { name: '派出所', kind: 'public_security', level: 'station' })
    .object('unit:BRANCH', { name: '分局', kind: 'public_security', level: 'branch' })
    .object('unit:JAIL', { name: '看守所', kind: 'public_security', level: 'detention_center' })
    .object('unit:ADMIN_JAIL', { name: '拘留所', kind: 'public_security', level: 'admin_detention_facility' })
    .object(PROCURATORATE, { name: '检察院', kind: 'procuratorate' })
    .object('officer:O1', { name: '甲', badge_no: '1', role: 'lead' }, { member_of: 'unit:STATION' })
    .object(P1, { name: '某', role: 'suspect', id_number: '110101199001010011' }, { case: CASE });
}

/** An approval.granted of a purpose, level and total limit for P1. */
export function approve(g: GroupBuilder, id: string, time: string, purpose: string, newLimit: string, level: string, reason?: string): GroupBuilder {
  return g.event(id, 'approval.granted', t(time), { for: purpose, new_limit: newLimit, level, ...(reason ? { reason } : {}) }, { approver: 'officer:O1', case: CASE, subject: P1 });
}

/** One line per alert: rule, level, status, severity and instants, sorted. */
export const summary = (alerts: Alert[]): string[] =>
  alerts.map((a) => [a.ruleId, a.level, a.status, a.severity, `raised ${a.raisedAt}`, a.dueAt && `due ${a.dueAt}`, a.resolvedAt && `resolved ${a.resolvedAt}`].filter(Boolean).join(' ')).sort();

export const timerLines = (timers: Timer[]): string[] => timers.map((x) => `${x.ruleId} ${x.kind} fire ${x.fireAt} due ${x.dueAt}`).sort();
