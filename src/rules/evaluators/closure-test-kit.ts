import type { Alert, Timer } from '../engine/finding.js';

/**
 * Small helpers for the closure, dossier and backlog evaluator tests: instants written in local
 * time (+08:00) compared as the ISO strings alerts carry, and an alert reduced to what a test
 * asserts.
 */
export const utc = (instant: string): string => new Date(instant).toISOString();

export interface Judged {
  level: Alert['level'];
  status: Alert['status'];
  severity: Alert['severity'];
  subject: string;
  raisedAt: string;
  dueAt: string | null;
  resolvedAt: string | null;
}

export const judged = (a: Alert): Judged => ({
  level: a.level, status: a.status, severity: a.severity, subject: a.subject.id, raisedAt: a.raisedAt, dueAt: a.dueAt, resolvedAt: a.resolvedAt,
});

/** Expected alert with local instants (raised, due, resolved). */
export function expected(level: Alert['level'], status: Alert['status'], severity: Alert['severity'], subject: string, raised: string, due?: string, resolved?: string): Judged {
  return { level, status, severity, subject, raisedAt: utc(raised), dueAt: due ? utc(due) : null, resolvedAt: resolved ? utc(resolved) : null };
}

export const timerAt = (t: Timer): { kind: Timer['kind']; fireAt: string; dueAt: string; subject: string } =>
  ({ kind: t.kind, fireAt: t.fireAt, dueAt: t.dueAt, subject: t.subject.id });
