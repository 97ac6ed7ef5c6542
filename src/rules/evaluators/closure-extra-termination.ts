import { deadlineFinding, L, P, violation, type RuleContext, type RuleEvaluator } from '../engine/context.js';
import { localTime } from '../engine/explain.js';
import { ageAt, caseIdOf, caseKind, personsWithRole } from '../engine/facts.js';
import type { Finding } from '../engine/finding.js';
import { type Ev, type Snapshot, targets } from '../engine/snapshot.js';
import { defined, listParam } from './closure-helpers.js';
import { caseSubject, decisionPersons, itemReleasedFrom, itemsHeldAt, periodEndLatest } from './closure-extra-common.js';
import { heldIntervalAt, personSubject } from './custody-common.js';

/**
 * Non-core administrative closure rules, catalogue §11: what a closure or a termination rests on
 * and sets off, the time bar, and the limits of mediation. Each doc comment gives the decision
 * procedure derived from the catalogue and the contract (there is no §10.1 row).
 */
const administrative = (s: Snapshot): boolean => caseKind(s) === 'administrative';
const isPublicOrder = (s: Snapshot): boolean => s.attr(caseIdOf(s), 'admin_type') !== 'other';

/** PSAPL art.22: a 治安 offence not discovered within six months is no longer punished (statutory). */
const PUBLIC_ORDER_BAR_MONTHS = 6;

/**
 * ADMIN_CLOSURE_OR_TERMINATION (MPS-A art.258–259; PSAPL art.22; APL art.36). Administrative case.
 * - `decision` (trigger: the first case.closed): a closure rests on a decision before it
 *   (case.decided of any outcome: penalty, no penalty, mediation agreement, termination) or a
 *   transfer (case.transferred); else violation. A case converted to a criminal one is no longer
 *   administrative and not judged here.
 * - `time_bar` (trigger: each case.decided `penalty` of a 治安 case): the discovery (earliest
 *   incident.received / incident.registered / case.accepted) lies within 6 months of
 *   case.occurred_at (the end moved off holidays; outside the calendar, its latest possible day); else violation —
 *   the investigation should have been terminated.
 * - on a case.decided `terminated`, compulsory measures are lifted at once: `release` — a person
 *   held then (summons, continued questioning) released within releaseHours [D]; `return` —
 *   property still seized or frozen (outside keptItemCategories [D]) returned or unfrozen within
 *   itemReturnDays [D].
 * Not checkable: that a decision was executed (no fine-payment event) or could not be; the
 * termination's approval (an absent approver is unknown, §5.2; the level is not settled); the
 * 2-year bar of other administrative cases (its 5-year extension for life, health or financial
 * safety cannot be told); continuing offences, counted from their end (only occurred_at is carried).
 */
export const ADMIN_CLOSURE_OR_TERMINATION: RuleEvaluator = {
  ruleId: 'ADMIN_CLOSURE_OR_TERMINATION',
  evaluate: (s, ctx) => {
    if (!administrative(s)) return [];
    const decisions = s.ofType('case.decided');
    return defined([
      closureWithoutDecision(s, ctx),
      ...(isPublicOrder(s) ? decisions.filter((d) => d.attrs.outcome === 'penalty').map((d) => timeBarred(s, ctx, d)) : []),
      ...decisions.filter((d) => d.attrs.outcome === 'terminated').flatMap((d) => liftOnTermination(s, ctx, d)),
    ]);
  },
};

function closureWithoutDecision(s: Snapshot, ctx: RuleContext): Finding | undefined {
  const closed = s.ofType('case.closed')[0];
  if (!closed || s.ofType('case.decided', 'case.transferred').some((e) => e.time.getTime() <= closed.time.getTime())) return undefined;
  return violation(ctx, {
    subject: caseSubject(s), trigger: closed, part: 'decision',
    duty: L('行政案件应在作出处理决定（处罚、不予处罚、调解、终止调查）或移送后方可结案', 'An administrative case is closed only after a decision (penalty, none, mediation, termination) or a transfer'),
    reason: L(`${localTime(closed.time)}结案，此前未见处理决定或移送记录`, `closed at ${localTime(closed.time)} with no decision or transfer on record before`),
  });
}

function timeBarred(s: Snapshot, ctx: RuleContext, decision: Ev): Finding | undefined {
  const occurred = Date.parse(s.attr(caseIdOf(s), 'occurred_at') ?? '');
  const discovered = s.ofType('incident.received', 'incident.registered', 'case.accepted')[0];
  if (!Number.isFinite(occurred) || !discovered) return undefined;
  const barredFrom = periodEndLatest(ctx, new Date(occurred), P(PUBLIC_ORDER_BAR_MONTHS, 'm'));
  if (discovered.time.getTime() < barredFrom.getTime()) return undefined;
  return violation(ctx, {
    subject: caseSubject(s), trigger: decision, part: 'time_bar', evidence: [discovered],
    duty: L(`违反治安管理行为在${PUBLIC_ORDER_BAR_MONTHS}个月内未被发现的，不再处罚，应终止调查`, `A public-order offence not discovered within ${PUBLIC_ORDER_BAR_MONTHS} months is not punished; the investigation is terminated`),
    reason: L(`违法行为发生于${localTime(new Date(occurred))}，${localTime(discovered.time)}才被发现，已超过${PUBLIC_ORDER_BAR_MONTHS}个月，仍作出处罚决定`,
      `the offence of ${localTime(new Date(occurred))} was discovered only at ${localTime(discovered.time)}, after ${PUBLIC_ORDER_BAR_MONTHS} months, yet a penalty was decided`),
  });
}

function liftOnTermination(s: Snapshot, ctx: RuleContext, decision: Ev): Finding[] {
  const hours = ctx.num('releaseHours', decision.time);
  const days = ctx.num('itemReturnDays', decision.time);
  const kept = new Set(listParam(ctx, 'keptItemCategories'));
  const persons = s.objectsOfType('person').map((p) => p.id).flatMap((p) => {
    const held = heldIntervalAt(s, p, decision.time);
    return held ? [deadlineFinding(ctx, {
      subject: personSubject(p), trigger: decision, part: 'release', period: P(hours, 'h'), custodial: true, evidence: [held.start], compliedBy: held.end,
      duty: L(`终止调查的，应立即解除对违法嫌疑人的传唤、继续盘问（${hours}小时内）`, `On termination, end the summons or continued questioning at once (within ${hours} h)`),
    })] : [];
  });
  const items = itemsHeldAt(s, decision.time, kept).map(({ item, taken }) => deadlineFinding(ctx, {
    subject: { type: 'item', id: item }, trigger: decision, part: 'return', period: P(days, 'd'), custodial: false, evidence: [taken],
    compliedBy: itemReleasedFrom(s, item, decision.time),
    duty: L(`终止调查的，应在${days}日内解除扣押、查封、冻结等强制措施并返还财物`, `On termination, lift seizures and freezes and return the property within ${days} days`),
  }));
  return defined([...persons, ...items]);
}

/** Whether a minor has a guardian on record: a person of role `guardian` in the case, or one present at an act concerning the minor. */
function guardianOnRecord(s: Snapshot, minor: string, at: Date): boolean {
  return personsWithRole(s, 'guardian').some((g) => s.attr(g, 'role', at) === 'guardian')
    || s.relating(minor, 'subject').some((e) => e.time.getTime() <= at.getTime() && targets(e, 'guardian').length > 0);
}

/** MPS-A art.178–181: the persons a mediation binds, parties and victims. */
const mediationParties = (s: Snapshot, decision: Ev): string[] =>
  [...new Set([...decisionPersons(s, decision), ...personsWithRole(s, 'victim')])];

/**
 * ADMIN_MEDIATION_RULES (PSAPL art.9; MPS-A art.178–184), partial. Trigger: case.decided
 * `mediated` (治安调解).
 * - `scope`: mediation is a public-order institution; a mediated case of admin_type `other` is a
 *   violation.
 * - `category`: never for hired violence, gang fights, 寻衅滋事 and the like: the case category
 *   starts with none of excludedCategories [D] (local 案由 code prefixes; empty: not judged).
 * - `guardian`: a party (the decision's subjects, else suspects, and victims) under 18 at the
 *   decision has a guardian on record (a person of role `guardian` in the case, or a `guardian`
 *   at an act concerning the minor); else violation. Unknown age: not judged (§5.2).
 * Not checkable: the second session within 7 working days and the sessions themselves (no
 * mediation-session events), repeat offences (earlier cases are not in the group), whether the
 * agreement was honoured (no event), and that the offence arose from a private dispute. The
 * written, signed agreement is DOSSIER_STAGE_REQUIRED_DOCS's (治安调解协议书 at the decision).
 */
export const ADMIN_MEDIATION_RULES: RuleEvaluator = {
  ruleId: 'ADMIN_MEDIATION_RULES',
  evaluate: (s, ctx) => {
    // The case's kind at the mediation (§3.2), not as of T.
    return s.ofType('case.decided').filter((d) => d.attrs.outcome === 'mediated' && caseKind(s, d.time) === 'administrative')
      .flatMap((d) => mediation(s, ctx, d));
  },
};

function mediation(s: Snapshot, ctx: RuleContext, d: Ev): Finding[] {
  const out: Array<Finding | undefined> = [];
  const when = localTime(d.time);
  if (!isPublicOrder(s)) {
    out.push(violation(ctx, {
      subject: caseSubject(s), trigger: d, part: 'scope',
      duty: L('治安调解仅适用于违反治安管理的案件', 'Mediation applies to public-order cases only'),
      reason: L(`${when}对非治安类行政案件作出调解处理`, `the non-public-order administrative case was mediated at ${when}`),
    }));
  }
  const category = s.attr(caseIdOf(s), 'category') ?? '';
  const excluded = listParam(ctx, 'excludedCategories').find((prefix) => category.startsWith(prefix));
  if (excluded) {
    out.push(violation(ctx, {
      subject: caseSubject(s), trigger: d, part: 'category',
      duty: L('雇凶伤害、结伙斗殴、寻衅滋事等案件不适用治安调解', 'Hired violence, gang fights, 寻衅滋事 and the like are never mediated'),
      reason: L(`案件类别${category}属于不得调解的类别（${excluded}）`, `case category ${category} is one that may not be mediated (${excluded})`),
    }));
  }
  for (const p of mediationParties(s, d)) {
    const age = ageAt(s, p, d.time);
    if (age === undefined || age >= 18 || guardianOnRecord(s, p, d.time)) continue;
    out.push(violation(ctx, {
      subject: personSubject(p), trigger: d, part: 'guardian',
      duty: L('当事人为未成年人的，调解时应通知其监护人到场', 'When a party is a minor, the guardian is called to the mediation'),
      reason: L(`${when}调解时当事人未满18周岁（${age}周岁），未见监护人记录`, `a party aged ${age} at the mediation of ${when}, no guardian on record`),
    }));
  }
  return defined(out);
}
