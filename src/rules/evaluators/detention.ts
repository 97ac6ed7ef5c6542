import { computeDeadline, type Period } from '../../legal-time/deadline.js';
import { deadlineFinding, L, P, type RuleContext, type RuleEvaluator } from '../engine/context.js';
import { approvals, levelAtLeast, personMeasures } from '../engine/facts.js';
import type { Finding } from '../engine/finding.js';
import { type Ev, type Snapshot, target } from '../engine/snapshot.js';

/**
 * Criminal detention (刑事拘留), catalogue §7a: family notice, to the detention house,
 * first interrogation and the arrest-request deadline — all running from `person.detained`.
 */
const subjectOf = (e: Ev) => ({ type: 'person' as const, id: target(e, 'subject')! });
const firstAfter = (events: Ev[], from: Date, pred: (e: Ev) => boolean = () => true) => events.find((e) => e.time.getTime() >= from.getTime() && pred(e));

/** Exceptions that excuse a family notice (§7a); `hinder_investigation` only in national-security / terrorism cases (§13). */
const NOTICE_EXCEPTIONS = new Set(['identity_unknown', 'no_family', 'unreachable', 'force_majeure']);

export function familyNotice(
  ctx: RuleContext, s: Snapshot, trigger: Ev, measure: string, duty: ReturnType<typeof L>, allowed: (exception: string) => boolean,
): Finding[] {
  const person = target(trigger, 'subject');
  if (!person) return [];
  const notices = s.relating(person, 'subject', 'person.family_notified').filter((e) => e.time.getTime() >= trigger.time.getTime() && e.attrs.measure === measure);
  const lawful = (e: Ev) => !e.attrs.exception || (allowed(e.attrs.exception) && !!e.attrs.reason?.trim());
  const out: Finding[] = [];
  // The first notice that complies discharges the duty, even after an unlawful exception.
  const compliedBy = notices.find(lawful);
  const notice = notices[0];
  if (notice?.attrs.exception) {
    const ok = allowed(notice.attrs.exception);
    const reason = notice.attrs.reason?.trim();
    if (!ok || !reason) {
      out.push({
        kind: 'violation', ruleId: ctx.ruleId, definition: ctx.definition(trigger.time)!, subject: subjectOf(trigger), trigger, part: 'exception',
        duty, at: notice.time, evidence: [notice],
        reason: !ok
          ? L(`所报“${notice.attrs.exception}”不是本措施可不通知家属的法定情形`, `"${notice.attrs.exception}" is not a lawful ground for not notifying the family of this measure`)
          : L('以无法通知或有碍侦查为由未通知家属，但未写明原因', 'the family was not notified on an exception but no reason was written down'),
      });
    }
  }
  const f = deadlineFinding(ctx, { subject: subjectOf(trigger), trigger, duty, period: P(24, 'h'), custodial: true, compliedBy });
  if (f) out.push(f);
  return out.filter((x) => x.definition);
}

const nationalSecurityCase = (s: Snapshot, ctx: RuleContext): boolean => {
  const category = s.attr(s.groupId, 'category') ?? '';
  const prefixes = String(ctx.param('nationalSecurityCategoryPrefixes')).split(',').map((p) => p.trim()).filter(Boolean);
  return prefixes.some((p) => category.startsWith(p));
};

export const CRIM_DETENTION_NOTIFY_FAMILY_24H: RuleEvaluator = {
  ruleId: 'CRIM_DETENTION_NOTIFY_FAMILY_24H',
  evaluate: (s, ctx) =>
    s.ofType('person.detained').flatMap((d) =>
      familyNotice(ctx, s, d, 'criminal_detention', L('刑事拘留后24小时内通知被拘留人家属', 'Notify the family within 24 h of criminal detention'),
        (x) => NOTICE_EXCEPTIONS.has(x) || (x === 'hinder_investigation' && nationalSecurityCase(s, ctx)))),
};

export const CRIM_DETENTION_TO_JAIL_24H: RuleEvaluator = {
  ruleId: 'CRIM_DETENTION_TO_JAIL_24H',
  evaluate: (s, ctx) =>
    s.ofType('person.detained').flatMap((d) => {
      const person = target(d, 'subject')!;
      const jailed = firstAfter(s.relating(person, 'subject', 'person.jailed'), d.time, (e) => s.attr(target(e, 'unit'), 'level') === 'detention_center');
      // Released (or otherwise out of detention) before reaching the jail: nothing left to do.
      const iv = personMeasures(s, person).intervals.find((i) => i.start.id === d.id);
      const endedFirst = iv?.end && (!jailed || iv.end.time < jailed.time) ? iv.end : undefined;
      const f = deadlineFinding(ctx, {
        subject: subjectOf(d), trigger: d, duty: L('刑事拘留后24小时内送看守所羁押', 'Take the detained person to the detention house within 24 h'),
        period: P(24, 'h'), custodial: true, compliedBy: endedFirst ?? jailed,
      });
      return f ? [f] : [];
    }),
};

export const CRIM_DETENTION_INTERROGATE_24H: RuleEvaluator = {
  ruleId: 'CRIM_DETENTION_INTERROGATE_24H',
  evaluate: (s, ctx) =>
    s.ofType('person.detained').flatMap((d) => {
      const person = target(d, 'subject')!;
      const session = firstAfter(s.relating(person, 'subject', 'interrogation.started'), d.time, (e) => e.attrs.kind === 'interrogation');
      const iv = personMeasures(s, person).intervals.find((i) => i.start.id === d.id);
      const releasedFirst = iv?.end?.type === 'person.released' && (!session || iv.end.time < session.time) ? iv.end : undefined;
      const f = deadlineFinding(ctx, {
        subject: subjectOf(d), trigger: d, duty: L('刑事拘留后24小时内进行讯问', 'Interrogate the detained person within 24 h'),
        period: P(24, 'h'), custodial: true, compliedBy: releasedFirst ?? session,
      });
      return f ? [f] : [];
    }),
};

/**
 * The arrest-request limit in force for a detention: 3 days, or what a county-level approval
 * granted before the running limit passed (P4D–P7D; P30D for serial, repeat or gang offences).
 */
export function arrestRequestLimit(s: Snapshot, ctx: RuleContext, detention: Ev): { period: Period; approval?: Ev } {
  let period = P(3, 'd');
  let approval: Ev | undefined;
  const person = target(detention, 'subject');
  for (const a of approvals(s, 'arrest_request', { about: person })) {
    if (a.event.time < detention.time || !a.newLimit || a.newLimit.unit !== 'd') continue;
    if (!levelAtLeast(a.level, 'county')) continue;
    const days = a.newLimit.amount;
    const allowed = days <= 7 || (days <= 30 && ['serial', 'repeat', 'gang'].includes(a.reason ?? ''));
    if (!allowed || days <= period.amount) continue;
    const running = computeDeadline({ trigger: detention.time, period, custodial: true }, ctx.calendar);
    if (running.status === 'ok' && a.event.time.getTime() >= running.deadline.getTime()) continue; // too late to cure
    period = P(days, 'd');
    approval = a.event;
  }
  return { period, approval };
}

export const CRIM_DETENTION_ARREST_REQUEST_DEADLINE: RuleEvaluator = {
  ruleId: 'CRIM_DETENTION_ARREST_REQUEST_DEADLINE',
  evaluate: (s, ctx) =>
    s.ofType('person.detained').flatMap((d) => {
      const person = target(d, 'subject')!;
      const request = firstAfter(s.relating(person, 'subject', 'person.arrest_requested'), d.time);
      const iv = personMeasures(s, person).intervals.find((i) => i.start.id === d.id);
      const endedFirst = iv?.end && (!request || iv.end.time < request.time) ? iv.end : undefined;
      const { period, approval } = arrestRequestLimit(s, ctx, d);
      const f = deadlineFinding(ctx, {
        subject: subjectOf(d), trigger: d,
        duty: L(`刑事拘留后${period.amount}日内提请批准逮捕`, `Request arrest approval within ${period.amount} days of detention`),
        period, custodial: true, compliedBy: endedFirst ?? request, evidence: approval ? [approval] : [],
      });
      return f ? [f] : [];
    }),
};
