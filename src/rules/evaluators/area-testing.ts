import type { Alert, Timer } from '../engine/finding.js';

/** Test helpers of the area and administrative-measure rules: local times (Asia/Shanghai) and one line per alert. */
export const t = (local: string) => `${local.length === 16 ? `${local}:00` : local}+08:00`;
export const z = (local: string) => new Date(t(local)).toISOString();
export const line = (a: Alert) => `${a.level} ${a.status} ${a.severity} raised ${a.raisedAt}${a.dueAt ? ` due ${a.dueAt}` : ''}${a.resolvedAt ? ` resolved ${a.resolvedAt}` : ''}`;
export const lines = (r: { alerts: Alert[] }) => r.alerts.map(line).sort();
export const timers = (r: { timers: Timer[] }) => r.timers.map((x) => `${x.kind} ${x.fireAt}`);
