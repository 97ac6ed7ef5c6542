import { computeDeadline, type Interval, type Period } from '../../legal-time/deadline.js';
import type { RuleDefinition } from '../definition.js';
import { deadlineFinding, L, P, type RuleContext, type RuleEvaluator } from '../engine/context.js';
import { appraisalIntervals, approvals, caseIdOf, caseKind, heldAt, kindChangedAt, levelAtLeast, personsWithRole } from '../engine/facts.js';
import type { Finding } from '../engine/finding.js';
import { type Ev, type Snapshot, targets } from '../engine/snapshot.js';
import { caseCustodial, firstFrom, noticeDuty, noticesTo } from './closure-helpers.js';

/**
 * Administrative (治安) cases, catalogue §11: the time limit from acceptance to decision, and
 * serving the decision on the persons concerned and a copy on the victim. Both apply to a case
 * that is administrative at their trigger; its conversion to a criminal case ends them.
 */
const isOther = (s: Snapshot): boolean => s.attr(caseIdOf(s), 'admin_type') === 'other';
const caseSubject = (s: Snapshot) => ({ type: 'case' as const, id: caseIdOf(s)! });

/** When a case administrative at `at` became criminal, if it has since (the duties of §11 end then). */
const becameCriminal = (s: Snapshot, at: Date): Date | undefined => (caseKind(s) === 'criminal' ? kindChangedAt(s, caseIdOf(s)!, at) : undefined);

/**
 * A duty of the 治安 case that the conversion to a criminal case ended: done at the conversion
 * unless done before it, so an overrun before it stays on record (complied late).
 */
function endedByConversion(f: Finding, converted: Date | undefined): Finding {
  if (!converted || f.kind !== 'deadline' || (f.compliedBy && f.compliedBy.time.getTime() <= converted.getTime())) return f;
  return {
    ...f, compliedBy: undefined, compliedAt: converted,
    duty: L(`${f.duty['zh-CN']}（转为刑事案件时终止）`, `${f.duty.en} (ended when the case became criminal)`),
  };
}

/**
 * The 治安 limit in force: the definition's limit, or the extension granted by an approval
 * `admin_case` of the required level before the running limit passed (capped at the statutory
 * extension; a late or lower approval does not cure, §8.4, §13).
 */
function publicOrderLimit(s: Snapshot, ctx: RuleContext, def: RuleDefinition, start: Date, excluded: Interval[]): { period: Period; approval?: Ev } {
  const limit = def.limit!;
  let period = P(limit.amount, limit.unit);
  let approval: Ev | undefined;
  const ext = def.extensions?.find((x) => x.approvalFor === 'admin_case');
  if (!ext) return { period };
  const running = computeDeadline({ trigger: start, period, custodial: caseCustodial(s, ctx, def, start, period, excluded), excluded }, ctx.calendar);
  for (const a of approvals(s, 'admin_case')) {
    if (a.event.time < start || (ext.level && !levelAtLeast(a.level, ext.level))) continue;
    if (running.status !== 'ok' || a.event.time.getTime() >= running.deadline.getTime()) continue;
    const granted = a.newLimit ?? ext.newLimit;
    if (granted.unit !== ext.newLimit.unit) continue;
    const amount = Math.min(granted.amount, ext.newLimit.amount);
    if (amount <= period.amount) continue;
    period = P(amount, ext.newLimit.unit);
    approval = a.event;
  }
  return { period, approval };
}

export const ADMIN_CASE_TIME_LIMIT: RuleEvaluator = {
  ruleId: 'ADMIN_CASE_TIME_LIMIT',
  evaluate: (s, ctx) => {
    const accepted = s.ofType('case.accepted')[0];
    const def = accepted && ctx.definition(accepted.time);
    if (!accepted || !def?.limit || caseKind(s, accepted.time) !== 'administrative') return [];
    // §9.3: any appraisal time is excluded from administrative case limits.
    const excluded = appraisalIntervals(s, false);
    const decided = firstFrom(s.ofType('case.decided'), accepted.time);
    let start = accepted.time;
    let limit: { period: Period; approval?: Ev };
    if (isOther(s)) {
      // APL art.60: other administrative cases, 90 days from 立案 (the filing, where recorded).
      start = s.ofType('case.filed')[0]?.time ?? accepted.time;
      limit = { period: P(ctx.num('otherAdminDays', accepted.time), 'd') };
    } else {
      limit = publicOrderLimit(s, ctx, def, start, excluded);
    }
    const { period, approval } = limit;
    const f = deadlineFinding(ctx, {
      subject: caseSubject(s), trigger: accepted, start, period, excluded,
      custodial: caseCustodial(s, ctx, def, start, period, excluded),
      duty: L(`行政案件应在${period.amount}日内作出处理决定（鉴定期间不计入）`, `Decide the administrative case within ${period.amount} days (appraisal time excluded)`),
      compliedBy: decided, evidence: approval ? [approval] : [],
    });
    return f ? [endedByConversion(f, becameCriminal(s, accepted.time))] : [];
  },
};

/** Outcomes that produce a decision to serve (a mediation agreement or a termination does not). */
const SERVED_OUTCOMES = new Set(['penalty', 'no_penalty']);

export const ADMIN_DECISION_SERVICE: RuleEvaluator = {
  ruleId: 'ADMIN_DECISION_SERVICE',
  evaluate: (s, ctx) => {
    return s.ofType('case.decided').filter((d) => SERVED_OUTCOMES.has(d.attrs.outcome ?? '') && caseKind(s, d.time) === 'administrative')
      .flatMap((d) => decisionService(s, ctx, d).map((f) => endedByConversion(f, becameCriminal(s, d.time))));
  },
};

function decisionService(s: Snapshot, ctx: RuleContext, d: Ev): Finding[] {
  const def = ctx.definition(d.time);
  if (!def?.limit) return [];
  const twoDays = P(def.limit.amount, def.limit.unit);
  // Absent person: 2 days for 治安 decisions, 7 for other administrative decisions (MPS-A art.36).
  const absentPeriod = isOther(s) ? (def.extensions?.find((x) => !x.approvalFor)?.newLimit ?? P(7, 'd')) : twoDays;
  const onTheSpot = P(ctx.num('onTheSpotHours', d.time), 'h');
  const toSubjects = targets(d, 'subject').flatMap((p) => {
    // A person still held (summoned, detained) when the decision is made is present: served on the spot.
    const present = heldAt(s, p, d.time);
    const period = present ? onTheSpot : absentPeriod;
    return noticeDuty(ctx, {
      trigger: d, subject: { type: 'person', id: p }, part: 'decision', period, custodial: false,
      duty: present
        ? L(`被处理人在场的，处理决定书应当场宣告送达（${onTheSpot.amount}小时内）`, `Serve the decision on the spot while the person is present (within ${onTheSpot.amount} h)`)
        : L(`被处理人不在场的，处理决定书应在${period.amount}日内送达`, `Serve the decision on the absent person within ${period.amount} days`),
      notices: noticesTo(s, 'decision', d.time, { person: p }),
    });
  });
  const toVictims = personsWithRole(s, 'victim').flatMap((v) =>
    noticeDuty(ctx, {
      trigger: d, subject: { type: 'person', id: v }, part: 'victim_copy', period: twoDays, custodial: false,
      duty: L(`处理决定书副本应在${twoDays.amount}日内送达被侵害人`, `Serve a copy of the decision on the victim within ${twoDays.amount} days`),
      notices: noticesTo(s, 'decision_copy_victim', d.time, { person: v }),
    }));
  return [...toSubjects, ...toVictims];
}
