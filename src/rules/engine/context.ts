import type { HolidayCalendar } from '../../legal-time/calendar.js';
import { computeDeadline, type Interval, type Period, type WarnPoint } from '../../legal-time/deadline.js';
import type { Localized, RuleDefinition } from '../definition.js';
import { ruleById } from '../definitions/index.js';
import type { Finding, Subject } from './finding.js';
import type { Ev, Snapshot } from './snapshot.js';

/**
 * What an evaluator gets besides the snapshot: the instant, the calendar, the rule version in
 * force at a trigger, and the bureau's parameter values (settings, or a backtest's overrides).
 */
export type ParamValue = number | string | boolean;

export interface RuleSettings {
  /** Rules switched off by the bureau (default: every implemented rule is on). */
  disabled?: string[];
  /** Parameter values by rule id, overriding the definitions' defaults. */
  params?: Record<string, Record<string, ParamValue>>;
}

export interface RuleContext {
  readonly ruleId: string;
  readonly asOf: Date;
  readonly calendar: HolidayCalendar;
  /** The definition in force at `at` (trigger time), or undefined when the rule did not exist. */
  definition(at: Date): RuleDefinition | undefined;
  param(name: string, at?: Date): ParamValue;
  num(name: string, at?: Date): number;
}

export interface RuleEvaluator {
  ruleId: string;
  evaluate(s: Snapshot, ctx: RuleContext): Finding[];
}

export function ruleContext(ruleId: string, asOf: Date, calendar: HolidayCalendar, settings: RuleSettings = {}): RuleContext {
  const definition = (at: Date) => ruleById(ruleId, at);
  const param = (name: string, at: Date = asOf): ParamValue => {
    const override = settings.params?.[ruleId]?.[name];
    if (override !== undefined) return override;
    const def = definition(at) ?? definition(asOf);
    const p = def?.parameters?.[name];
    if (!p) throw new Error(`rule ${ruleId} has no parameter ${name}`);
    return p.default;
  };
  return {
    ruleId, asOf, calendar, definition, param,
    num: (name, at) => {
      const v = Number(param(name, at));
      if (!Number.isFinite(v)) throw new Error(`rule ${ruleId} parameter ${name} is not a number`);
      return v;
    },
  };
}

export interface DeadlineSpec {
  subject: Subject;
  trigger: Ev;
  part?: string;
  duty: Localized;
  /** The instant the period runs from (default: the trigger's time). */
  start?: Date;
  period: Period;
  custodial: boolean;
  excluded?: Interval[];
  warn?: WarnPoint;
  compliedBy?: Ev;
  compliedAt?: Date;
  evidence?: Ev[];
}

/** A deadline finding for the rule version in force at the trigger (undefined if none was). */
export function deadlineFinding(ctx: RuleContext, spec: DeadlineSpec): Finding | undefined {
  const definition = ctx.definition(spec.trigger.time);
  if (!definition) return undefined;
  const start = spec.start ?? spec.trigger.time;
  const result = computeDeadline({ trigger: start, period: spec.period, custodial: spec.custodial, excluded: spec.excluded, warn: spec.warn ?? definition.warn }, ctx.calendar);
  if (result.status === 'calendar_unknown') {
    return {
      kind: 'calendar_unknown', ruleId: ctx.ruleId, definition, subject: spec.subject, trigger: spec.trigger, part: spec.part, duty: spec.duty,
      evidence: spec.evidence, date: result.date,
    };
  }
  return {
    kind: 'deadline', ruleId: ctx.ruleId, definition, subject: spec.subject, trigger: spec.trigger, part: spec.part, duty: spec.duty,
    evidence: spec.evidence, deadline: result, inclusive: spec.period.unit === 'h' || spec.period.unit === 'min',
    compliedBy: spec.compliedBy, compliedAt: spec.compliedAt,
  };
}

/** An immediate finding for the rule version in force at the trigger. */
export function violation(
  ctx: RuleContext,
  spec: { subject: Subject; trigger: Ev; part?: string; duty: Localized; at?: Date; reason: Localized; evidence?: Ev[]; severity?: Finding['severity'] },
): Finding | undefined {
  const definition = ctx.definition(spec.trigger.time);
  if (!definition) return undefined;
  return {
    kind: 'violation', ruleId: ctx.ruleId, definition, subject: spec.subject, trigger: spec.trigger, part: spec.part,
    duty: spec.duty, at: spec.at ?? spec.trigger.time, reason: spec.reason, evidence: spec.evidence, severity: spec.severity,
  };
}

export { L, P } from '../definition.js';
