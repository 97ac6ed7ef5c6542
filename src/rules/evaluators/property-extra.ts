import { computeDeadline, type Interval, type Period } from '../../legal-time/deadline.js';
import { deadlineFinding, L, P, violation, type RuleContext, type RuleEvaluator } from '../engine/context.js';
import { ageAt, approvals, caseKind, documentPresentAt, levelAtLeast } from '../engine/facts.js';
import type { Finding } from '../engine/finding.js';
import { byTime, type Ev, type Snapshot, target, targets, truthy } from '../engine/snapshot.js';
import { sameHuman } from './custody-common.js';
import { roleZh } from './interrogation-extra.js';

/**
 * The non-core property rules of catalogue §10, decided from the records of interchange §8.4:
 * the return list for victims, the administrative seizure term, the attesting witness's
 * qualification, and disposal of property when the case closes. Evidence-record rules
 * (appraisal notice, search, inspection, lineup) are in property-extra-evidence.ts.
 */
const itemSubject = (id: string) => ({ type: 'item' as const, id });
const present = <T>(x: T | undefined): x is T => x !== undefined;
const atOrAfter = (e: Ev, t: Date) => e.time.getTime() >= t.getTime();
const roleAt = (s: Snapshot, person: string, at: Date) => s.attrThen(person, 'role', at);
/** The first event of an item (as `item`) of some types at or after an instant. */
const firstForItem = (s: Snapshot, item: string, from: Date, ...types: string[]) => s.relating(item, 'item', ...types).find((e) => atOrAfter(e, from));

/**
 * PROP_VICTIM_EARLY_RETURN (MPS-C art.234; MPS-A art.191–192), partial. Trigger: item.returned
 * to a `victim` or `complainant` (the owner's side; a return to a suspect is the release of
 * unrelated property, PROP_UNRELATED_RELEASE_3D). Compliance: a 发还清单 — the return's own, or
 * one of the group naming a recipient or nobody and claimed by no other return — present within
 * `graceHours` [D] of the return. Not in the contract: the county-level approval (item.returned
 * has no approver and approval.granted no purpose for it), photos, valuation, the written
 * reason and the recipient's written authority; an officer can never be a recipient (`subject`
 * is a person).
 */
export const PROP_VICTIM_EARLY_RETURN: RuleEvaluator = {
  ruleId: 'PROP_VICTIM_EARLY_RETURN',
  evaluate: (s, ctx) =>
    s.ofType('item.returned').map((returned) => {
      const recipients = targets(returned, 'subject').filter((p) => ['victim', 'complainant'].includes(roleAt(s, p, returned.time) ?? ''));
      const item = targets(returned, 'item')[0];
      if (!item || recipients.length === 0) return undefined;
      const hours = ctx.num('graceHours', returned.time);
      return deadlineFinding(ctx, {
        subject: itemSubject(item), trigger: returned, part: 'list', period: P(hours, 'h'), custodial: false,
        compliedAt: returnListAt(s, returned, recipients),
        duty: L(`向被害人发还财物应在${hours}小时内开具发还清单`, `Return property to the victim on a return list (within ${hours} h)`),
      });
    }).filter(present),
};

function returnListAt(s: Snapshot, returned: Ev, recipients: string[]): Date | undefined {
  const own = targets(returned, 'document');
  const claimed = new Set(s.ofType('item.returned').filter((e) => e.id !== returned.id).flatMap((e) => targets(e, 'document')));
  const times = s.objectsOfType('document').map((d) => d.id)
    .filter((d) => s.attr(d, 'doc_type') === '发还清单')
    .filter((d) => own.includes(d) || (!claimed.has(d) && (s.linked(d, 'subject').length === 0 || s.linked(d, 'subject').some((p) => recipients.includes(p)))))
    .map((d) => documentPresentAt(s, d)?.getTime())
    .filter(present);
  return times.length ? new Date(Math.min(...times)) : undefined;
}

/** The item's appraisal time (appraisal.started relating it → the ended of the same 鉴定聘请书): not counted (MPS-A art.110). */
function itemAppraisals(s: Snapshot, item: string): Interval[] {
  return s.relating(item, 'item', 'appraisal.started').map((start) => {
    const doc = target(start, 'document');
    const end = s.ofType('appraisal.ended').find((e) => target(e, 'document') === doc && atOrAfter(e, start.time));
    return { from: start.time, to: end?.time ?? s.asOf };
  });
}

const SEIZURE_DAYS = 30;
const EXTENDED_DAYS = 60;

/**
 * The term of an administrative seizure: 30 days; one extension to 60 days in all by an approval
 * `seizure` of level `county` (new_limit in days, the total from the seizure, §8.4) granted before
 * the 30 days ran out. A longer new_limit is capped at 60 days (one 30-day extension, MPS-A art.110).
 */
function seizureTerm(s: Snapshot, ctx: RuleContext, seized: Ev, item: string, excluded: Interval[]): { period: Period; approval?: Ev } {
  const base = P(SEIZURE_DAYS, 'd');
  const due = computeDeadline({ trigger: seized.time, period: base, custodial: false, excluded }, ctx.calendar);
  if (due.status !== 'ok') return { period: base };
  const approval = approvals(s, 'seizure', { about: item }).find((a) =>
    atOrAfter(a.event, seized.time) && a.event.time.getTime() < due.deadline.getTime()
    && levelAtLeast(a.level, 'county') && a.newLimit?.unit === 'd' && a.newLimit.amount > SEIZURE_DAYS);
  return approval ? { period: P(Math.min(approval.newLimit!.amount, EXTENDED_DAYS), 'd'), approval: approval.event } : { period: base };
}

/**
 * PROP_ADMIN_SEIZURE_TERM (MPS-A art.110, 112), partial. Trigger: item.seized in an administrative
 * case, per item. The seizure ends — item returned or unfrozen, or the case decided, transferred
 * or closed — within 30 days (non-custodial; holidays shift the last day), the item's appraisal
 * time not counted; 60 days with a county-level `seizure` approval. Not checked: the written
 * notices of the extension and of the appraisal time (no notice type), and the 7-day decision on
 * 先行登记保存, which mode `evidence_preservation` does not tell apart from other preservation.
 */
export const PROP_ADMIN_SEIZURE_TERM: RuleEvaluator = {
  ruleId: 'PROP_ADMIN_SEIZURE_TERM',
  evaluate: (s, ctx) => {
    if (caseKind(s) !== 'administrative') return [];
    const caseEnds = s.ofType('case.decided', 'case.transferred', 'case.closed');
    return s.ofType('item.seized').flatMap((seized) =>
      targets(seized, 'item').map((item) => {
        const excluded = itemAppraisals(s, item);
        const term = seizureTerm(s, ctx, seized, item, excluded);
        const done = [firstForItem(s, item, seized.time, 'item.returned', 'item.unfrozen'), caseEnds.find((e) => atOrAfter(e, seized.time))]
          .filter(present).sort(byTime)[0];
        return deadlineFinding(ctx, {
          subject: itemSubject(item), trigger: seized, period: term.period, custodial: false, excluded, compliedBy: done,
          evidence: term.approval ? [term.approval] : [],
          duty: L(`行政案件扣押期限${term.period.amount}日，届满前应作出处理决定或解除扣押`, `Decide on or release property seized in an administrative case within ${term.period.amount} days`),
        });
      }).filter(present));
  },
};

/** Parties to the case (与案件有利害关系, MPS-C art.194(2)): never an attesting witness. */
const INTERESTED = ['suspect', 'victim', 'complainant', 'guardian'];

/**
 * PROP_WITNESS_QUALIFIED (MPS-C art.194), partial. Trigger: item.seized with a `witness`.
 * Breach, at the seizure: a witness who is the holder of the property, a party to the case (the
 * same human as a suspect, victim, complainant or guardian, §3.1 by id_number), mentally impaired,
 * or younger than `minWitnessAge` [D]. Police staff cannot be witnesses by the contract (officers
 * are not persons); their hires and other interests are not represented. Other acts (search,
 * inspection, identification) carry only witness_signed, not who the witness was. A seizure
 * without any witness is PROP_SEIZURE_DOCS's concern.
 */
export const PROP_WITNESS_QUALIFIED: RuleEvaluator = {
  ruleId: 'PROP_WITNESS_QUALIFIED',
  evaluate: (s, ctx) =>
    s.ofType('item.seized').map((seized) => {
      const item = targets(seized, 'item')[0];
      const witnesses = targets(seized, 'witness');
      if (!item || witnesses.length === 0) return undefined;
      const at = seized.time;
      const minAge = ctx.num('minWitnessAge', at);
      const holders = targets(seized, 'subject');
      const problems = witnesses.flatMap((w) => {
        const humans = sameHuman(s, w);
        const party = humans.find((h) => INTERESTED.includes(roleAt(s, h, at) ?? ''));
        const age = ageAt(s, w, at);
        const found: Array<[string, string]> = [];
        if (humans.some((h) => holders.includes(h))) found.push(['见证人为被扣押财物的持有人', 'the witness holds the seized property']);
        if (party) found.push([`见证人为本案${roleZh(s, party, at)}`, `the witness is a party to the case (${roleAt(s, party, at)})`]);
        if (truthy(s.attr(w, 'mentally_impaired', at))) found.push(['见证人有精神障碍，不能正确表达', 'the witness is mentally impaired']);
        if (age !== undefined && age < minAge) found.push([`见证人未满${minAge}周岁（${age}岁）`, `the witness is ${age}, under ${minAge}`]);
        return found;
      });
      if (problems.length === 0) return undefined;
      return violation(ctx, {
        subject: itemSubject(item), trigger: seized,
        duty: L('扣押等侦查活动应由与案件无利害关系、能正确表达的公民担任见证人', 'An attesting witness is a citizen able to perceive and express, with no stake in the case'),
        reason: L(problems.map((p) => p[0]).join('；'), problems.map((p) => p[1]).join('; ')),
      });
    }).filter(present),
};

/** The case outcomes that dispose of the property themselves (the items travel with the case, or their fate is decided). */
const ROUTES: Record<'criminal' | 'administrative', string[]> = {
  criminal: ['case.sent_for_prosecution', 'case.revoked', 'case.transferred'],
  administrative: ['case.decided', 'case.transferred'],
};

/**
 * PROP_DISPOSAL_AT_CLOSURE (MPS-C art.187, 288, 293; MPS-A art.193–197), partial. Trigger: the
 * case's first case.closed. If no outcome before it disposes of the property — criminal: sent for
 * prosecution (items on the 随案移送清单, DOSSIER_STAGE_REQUIRED_DOCS), revoked as a whole (items
 * returned per CRIM_WITHDRAWAL_NOTICE_3D) or transferred; administrative: decided (the decision
 * states the disposal) or transferred — every item seized or frozen and not yet returned or
 * unfrozen is returned or unfrozen within `graceDays` [D] of the closure, per item. Items found
 * unrelated are PROP_UNRELATED_RELEASE_3D's. Not in the contract: confiscation and destruction
 * (no item events), and whether the decision's disposal was carried out.
 */
export const PROP_DISPOSAL_AT_CLOSURE: RuleEvaluator = {
  ruleId: 'PROP_DISPOSAL_AT_CLOSURE',
  evaluate: (s, ctx) => {
    const closed = s.ofType('case.closed')[0];
    const kind = caseKind(s);
    if (!closed || !kind) return [];
    const routed = s.ofType(...ROUTES[kind]).some((e) => e.time.getTime() <= closed.time.getTime() && (e.type !== 'case.revoked' || e.attrs.scope === 'case'));
    if (routed) return [];
    const unrelated = new Set(s.ofType('item.found_unrelated').flatMap((e) => targets(e, 'item')));
    // The last seizure or freeze of each item by the closure: a return before a new seizure does not dispose of it.
    const taken = new Map<string, Ev>();
    for (const e of s.ofType('item.seized', 'item.frozen')) {
      for (const item of targets(e, 'item')) if (e.time.getTime() <= closed.time.getTime()) taken.set(item, e);
    }
    const days = ctx.num('graceDays', closed.time);
    return [...taken].filter(([item]) => !unrelated.has(item)).map(([item, first]): Finding | undefined => deadlineFinding(ctx, {
      subject: itemSubject(item), trigger: closed, period: P(days, 'd'), custodial: false, evidence: [first],
      compliedBy: firstForItem(s, item, first.time, 'item.returned', 'item.unfrozen'),
      duty: L(`结案时涉案财物应依法处置（未随案移送或作出处理决定的，结案后${days}日内返还或解除冻结）`,
        `Dispose of the property at closure (without a transfer or decision, return or unfreeze it within ${days} days of closing)`),
    })).filter(present);
  },
};
