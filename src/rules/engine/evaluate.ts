import type { HolidayCalendar } from '../../legal-time/calendar.js';
import { type RuleContext, ruleContext, type RuleEvaluator, type RuleSettings } from './context.js';
import { caseIdOf, typeOf } from './facts.js';
import type { Alert, Finding, Timer } from './finding.js';
import { judge } from './outcome.js';
import { type Snapshot, target } from './snapshot.js';

/**
 * Evaluates every enabled rule over one group as of the snapshot's instant. The same function
 * serves the live engine (a group whose events changed, or whose timer fired: T = now), full
 * re-evaluation and backtests (T = any instant): one answer by construction.
 */
export interface GroupResult {
  alerts: Alert[];
  timers: Timer[];
}

export interface EvaluationOptions {
  calendar: HolidayCalendar;
  evaluators: RuleEvaluator[];
  settings?: RuleSettings;
}

export function evaluateGroup(s: Snapshot, opts: EvaluationOptions): GroupResult {
  const alerts: Alert[] = [];
  const timers: Timer[] = [];
  const caseId = caseIdOf(s) ?? null;
  const groupIncident = typeOf(s.groupId) === 'incident' ? s.groupId : null;
  const unitId = s.obj(caseId ?? groupIncident ?? undefined)?.unitId ?? null;
  const seen = new Set<string>();
  for (const { evaluator, ctx } of enabledRules(opts, s.asOf)) {
    let findings: Finding[];
    try {
      findings = evaluator.evaluate(s, ctx);
    } catch (err) {
      throw new Error(`rule ${evaluator.ruleId} failed on ${s.groupId}: ${(err as Error).message}`);
    }
    for (const f of findings) {
      const incidentId = groupIncident ?? target(f.trigger, 'incident') ?? null;
      const { alert, timer } = judge(f, s.asOf, { caseId, incidentId, unitId });
      if (alert && !seen.has(alert.id)) {
        seen.add(alert.id);
        alerts.push(alert);
      }
      // A timer is only ever for a later instant (one at or before T would fire again at once).
      if (timer && Date.parse(timer.fireAt) > s.asOf.getTime()) timers.push(timer);
    }
  }
  return { alerts, timers };
}

type EnabledRule = { evaluator: RuleEvaluator; ctx: RuleContext };

/** The enabled rules with their contexts, built once per options and instant (a batch shares both). */
const enabledCache = new WeakMap<EvaluationOptions, { asOf: number; rules: EnabledRule[] }>();

function enabledRules(opts: EvaluationOptions, asOf: Date): EnabledRule[] {
  const cached = enabledCache.get(opts);
  if (cached && cached.asOf === asOf.getTime()) return cached.rules;
  const disabled = new Set(opts.settings?.disabled ?? []);
  const rules = opts.evaluators.filter((e) => !disabled.has(e.ruleId))
    .map((evaluator) => ({ evaluator, ctx: ruleContext(evaluator.ruleId, asOf, opts.calendar, opts.settings) }));
  enabledCache.set(opts, { asOf: asOf.getTime(), rules });
  return rules;
}
