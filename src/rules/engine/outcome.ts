import { createHash } from 'node:crypto';
import { startOfLocalDay } from '../../legal-time/local-date.js';
import type { Localized, Severity } from '../definition.js';
import { basisText, computationText, duration, localTime, periodText } from './explain.js';
import { parseIsoPeriod } from './facts.js';
import type { Alert, AlertLevel, AlertStatus, DeadlineFinding, Finding, Timer } from './finding.js';

/**
 * From a finding to the alert it amounts to as of T, and the timer that will change it
 * (interchange §13; catalogue §1.5):
 * - a deadline met before its warning point: nothing;
 * - met after the warning point, in time: a `warning` `resolved`;
 * - met late: `overdue`, `complied_late` (the record stays);
 * - not met: `warning` `open` from the warning point, `overdue` `open` from the deadline;
 * - an immediate breach: `violation` `open`.
 * The alert id depends on rule, subject, trigger and part only, so a warning that becomes
 * overdue is the same alert, and full and incremental evaluation name alerts alike.
 */
/** How long before a date the calendar does not cover a duty depending on it is reported [D]. */
export const CALENDAR_NOTICE_DAYS = 30;

export interface Where {
  caseId: string | null;
  incidentId: string | null;
  unitId: string | null;
}

export interface Judgement {
  alert?: Alert;
  timer?: Timer;
}

export function alertId(f: Pick<Finding, 'ruleId' | 'subject' | 'trigger' | 'part'>): string {
  return createHash('sha1').update(`${f.ruleId}\n${f.subject.id}\n${f.trigger.id}\n${f.part ?? ''}`).digest('hex').slice(0, 24);
}

export function judge(f: Finding, asOf: Date, where: Where): Judgement {
  // Most deadlines are met before their warning point and give nothing: decide that before
  // building an id or any text (a full re-evaluation judges millions of findings).
  if (f.kind === 'deadline' && metBeforeWarning(f, asOf)) return {};
  const id = alertId(f);
  const def = f.definition;
  const make = (level: AlertLevel, status: AlertStatus, raisedAt: Date, extra: {
    dueAt?: Date; resolvedAt?: Date; computation?: Record<string, unknown>; outcome: Localized; evidence?: string[]; severity?: Severity;
  }): Alert => {
    const basis = basisText(def);
    return {
      id, ruleId: f.ruleId, ruleVersion: def.version, level, status,
      severity: extra.severity ?? severityOf(f, level),
      subject: f.subject, ...where,
      triggerEventId: f.trigger.id,
      evidenceEventIds: extra.evidence ?? (f.evidence ?? []).map((e) => e.id),
      dueAt: extra.dueAt?.toISOString() ?? null,
      raisedAt: raisedAt.toISOString(),
      resolvedAt: extra.resolvedAt?.toISOString() ?? null,
      computation: extra.computation ?? null,
      basis: def.basis,
      message: {
        'zh-CN': `${f.duty['zh-CN']}：${extra.outcome['zh-CN']}。依据：${basis['zh-CN']}。`,
        en: `${f.duty.en}: ${extra.outcome.en}. Basis: ${basis.en}.`,
      },
    };
  };

  if (f.kind === 'violation') {
    return { alert: make('violation', 'open', f.at, { outcome: f.reason }) };
  }
  if (f.kind === 'calendar_unknown') {
    // Next year's holiday arrangement is published late in the year: say so only when the
    // unknown date is near; until then a timer brings the duty back (by then it may be configured).
    const unknownFrom = startOfLocalDay(f.date);
    const noticeAt = new Date(unknownFrom.getTime() - CALENDAR_NOTICE_DAYS * 86_400_000);
    if (asOf.getTime() < noticeAt.getTime()) {
      return { timer: { alertId: id, ruleId: f.ruleId, subject: f.subject, kind: 'warn', fireAt: noticeAt.toISOString(), dueAt: unknownFrom.toISOString() } };
    }
    return {
      alert: make('warning', 'open', f.trigger.time, {
        severity: 'S4',
        outcome: { 'zh-CN': `节假日安排未覆盖${f.date}，无法计算期限，请补充节假日配置`, en: `the holiday calendar does not cover ${f.date}; the deadline cannot be computed until it is configured` },
      }),
    };
  }

  const { deadline: dl, inclusive } = f;
  const due = dl.deadline;
  const warnAt = warnPointOf(f);
  const lateAt = (t: Date) => isLate(f, t);
  const doneAt = doneAtOf(f, asOf);
  const dueFire = new Date(due.getTime() + (inclusive ? 1 : 0));
  const timerBase = { alertId: id, ruleId: f.ruleId, subject: f.subject, dueAt: due.toISOString() };
  const warns = warnAt.getTime() < due.getTime();
  if (!doneAt && !lateAt(asOf)) {
    // Pending and not yet in its warning window: only a timer, no text.
    if (!warns) return { timer: { ...timerBase, kind: 'due', fireAt: dueFire.toISOString() } };
    if (asOf.getTime() < warnAt.getTime()) return { timer: { ...timerBase, kind: 'warn', fireAt: warnAt.toISOString() } };
  }

  // An approval among the evidence is the extension the limit rests on (catalogue: 延长 with approval level).
  const extensions = (f.evidence ?? []).filter((e) => e.type === 'approval.granted')
    .map((e) => ({ approvalEventId: e.id, for: e.attrs.for ?? null, newLimit: e.attrs.new_limit ?? null, level: e.attrs.level ?? null, reason: e.attrs.reason ?? null }));
  const how = withExtensions(computationText(dl), extensions);
  const computation = { ...dl.computation, deadline: due.toISOString(), warnAt: warnAt.toISOString(), extensions, explanation: how };
  const evidence = [...(f.evidence ?? []), ...(f.compliedBy ? [f.compliedBy] : [])].map((e) => e.id);
  const base = { dueAt: due, computation, evidence };

  if (doneAt) {
    if (lateAt(doneAt)) {
      const late = duration(doneAt.getTime() - due.getTime());
      return {
        alert: make('overdue', 'complied_late', warnAt, {
          ...base, resolvedAt: doneAt,
          outcome: { 'zh-CN': `${how['zh-CN']}；实际于${localTime(doneAt)}履行，超期${late['zh-CN']}`, en: `${how.en}; done at ${localTime(doneAt)}, ${late.en} late` },
        }),
      };
    }
    return {
      alert: make('warning', 'resolved', warnAt, {
        ...base, resolvedAt: doneAt,
        outcome: { 'zh-CN': `${how['zh-CN']}；已于${localTime(doneAt)}按期履行`, en: `${how.en}; done in time at ${localTime(doneAt)}` },
      }),
    };
  }
  if (lateAt(asOf)) {
    return {
      alert: make('overdue', 'open', warnAt, {
        ...base,
        outcome: { 'zh-CN': `${how['zh-CN']}；已超期，尚未履行`, en: `${how.en}; overdue and not done` },
      }),
    };
  }
  return {
    alert: make('warning', 'open', warnAt, {
      ...base,
      outcome: { 'zh-CN': `${how['zh-CN']}；尚未履行，即将到期`, en: `${how.en}; not done yet, due soon` },
    }),
    timer: { ...timerBase, kind: 'due', fireAt: dueFire.toISOString() },
  };
}

/** The warning point, never after the deadline. */
const warnPointOf = (f: DeadlineFinding): Date => (f.deadline.warnAt.getTime() < f.deadline.deadline.getTime() ? f.deadline.warnAt : f.deadline.deadline);

/** Whether an instant is past the deadline (hour and minute limits include their last instant). */
const isLate = (f: DeadlineFinding, t: Date): boolean =>
  f.inclusive ? t.getTime() > f.deadline.deadline.getTime() : t.getTime() >= f.deadline.deadline.getTime();

/** When the duty was done, if it was by T. */
function doneAtOf(f: DeadlineFinding, asOf: Date): Date | undefined {
  const doneAt = f.compliedBy?.time ?? f.compliedAt;
  return doneAt && doneAt.getTime() <= asOf.getTime() ? doneAt : undefined;
}

/**
 * Done in time before the warning point — or, for a duty without one (warn = due), at the last
 * instant — which raises nothing.
 */
function metBeforeWarning(f: DeadlineFinding, asOf: Date): boolean {
  const doneAt = doneAtOf(f, asOf);
  if (!doneAt) return false;
  const warnAt = warnPointOf(f).getTime();
  return !isLate(f, doneAt) && (doneAt.getTime() < warnAt || warnAt === f.deadline.deadline.getTime());
}

function severityOf(f: Finding, level: AlertLevel): Severity {
  if (f.severity) return f.severity;
  const s = f.definition.severity;
  if (level === 'warning') return s.warning ?? s.overdue ?? s.violation;
  if (level === 'overdue') return s.overdue ?? s.violation;
  return s.violation;
}

const LEVEL_ZH: Record<string, string> = {
  department: '办案部门负责人', county: '县级以上公安机关负责人', city: '市级公安机关', upper: '上一级公安机关', provincial: '省级公安机关',
  procuratorate: '人民检察院', upper_procuratorate: '上一级人民检察院', provincial_procuratorate: '省级人民检察院',
};

function withExtensions(how: Localized, extensions: Array<{ newLimit: string | null; level: string | null }>): Localized {
  if (extensions.length === 0) return how;
  const limit = (x: { newLimit: string | null }) => (x.newLimit ? parseIsoPeriod(x.newLimit) : undefined);
  const zh = extensions.map((x) => `经${x.level ? LEVEL_ZH[x.level] ?? x.level : ''}批准延长${limit(x) ? `至${periodText(limit(x)!)['zh-CN']}` : ''}`).join('，');
  const en = extensions.map((x) => `extended${limit(x) ? ` to ${periodText(limit(x)!).en}` : ''} with ${x.level ?? 'an'} approval`).join(', ');
  return { 'zh-CN': `${zh}，${how['zh-CN']}`, en: `${en}, ${how.en}` };
}
