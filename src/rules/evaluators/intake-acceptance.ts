import type { Period } from '../../legal-time/deadline.js';
import { deadlineFinding, L, P, type RuleContext, type RuleEvaluator } from '../engine/context.js';
import { approvals, caseIdOf, caseKind } from '../engine/facts.js';
import type { Finding, Subject } from '../engine/finding.js';
import { type Ev, type Snapshot, target } from '../engine/snapshot.js';
import {
  aboutIncident, beforeLimitPassed, codePrefixes, defined, documentPresence, earliest, firstAtOrAfter, firstPerIncident, hasPrefix,
  noticesOfType, periodEnd, reportingPersons, servedOn,
} from './intake-common.js';

/**
 * Case acceptance (受案), catalogue §6 and interchange §10.1: the acceptance form and receipt,
 * transfer of matters that belong elsewhere, and the 24-hour acceptance review of 治安 reports.
 */

/** The first notice of a type, at or after `from`, served on a person who reported (or excused with a reason). */
function noticeToReporter(s: Snapshot, type: string, from: Date): Ev | undefined {
  const recipients = reportingPersons(s);
  return firstAtOrAfter(noticesOfType(s, type), from, (n) => servedOn(n, recipients));
}

export const INTAKE_FORM_AND_RECEIPT: RuleEvaluator = {
  ruleId: 'INTAKE_FORM_AND_RECEIPT',
  evaluate: (s, ctx) => {
    const caseId = caseIdOf(s);
    const accepted = s.ofType('case.accepted')[0]; // the case is accepted once; later acceptances add incidents
    if (!caseId || !accepted) return [];
    const base = { subject: { type: 'case' as const, id: caseId }, trigger: accepted, period: P(ctx.num('graceHours', accepted.time), 'h'), custodial: false };
    const out = [deadlineFinding(ctx, {
      ...base, part: 'form', duty: L('受案时制作受案登记表', 'Make the case-acceptance form on acceptance'), compliedBy: documentPresence(s, '受案登记表'),
    })];
    // A case the police found themselves has nobody to give a receipt to.
    if (reportingPersons(s).size > 0) {
      const tried = noticesOfType(s, 'acceptance_receipt');
      const served = noticeToReporter(s, 'acceptance_receipt', accepted.time);
      out.push(deadlineFinding(ctx, {
        ...base, part: 'receipt', duty: L('受案后向报案人出具受案回执', 'Hand the acceptance receipt to the reporter'),
        compliedBy: served, evidence: served ? [] : tried,
      }));
    }
    return out.filter(defined);
  },
};

/** When the matter reached the police: acceptance, else online registration, else receipt of the report (catalogue §6 "receipt + 24 h"). */
function receivedAt(s: Snapshot, incident: string | undefined): Ev | undefined {
  const of = (type: string) => (incident ? aboutIncident(s, incident, type) : s.ofType(type))[0];
  return of('case.accepted') ?? of('incident.registered') ?? of('incident.received');
}

function transferDuties(ctx: RuleContext, s: Snapshot, subject: Subject, transfer: Ev, anchor: Ev | undefined): Finding[] {
  // The transfer counts once it has happened and its approved 移送案件通知书 is present.
  const notice = documentPresence(s, '移送案件通知书');
  const done = notice && (notice.time > transfer.time ? notice : transfer);
  const out = [deadlineFinding(ctx, {
    subject, trigger: transfer, part: 'transfer', start: (anchor ?? transfer).time, period: P(24, 'h'), custodial: false,
    duty: L('不属于本单位管辖的，受案后24小时内经批准移送并制作移送案件通知书', 'Transfer a matter of another authority, with an approved transfer notice, within 24 h of receiving it'),
    compliedBy: done, evidence: [anchor, notice].filter((e): e is Ev => e !== undefined && e !== done),
  })];
  if (reportingPersons(s).size > 0) {
    out.push(deadlineFinding(ctx, {
      subject, trigger: transfer, part: 'notice', period: P(ctx.num('reporterNoticeHours', transfer.time), 'h'), custodial: false,
      duty: L('移送后告知报案人', 'Tell the reporter of the transfer'), compliedBy: noticeToReporter(s, 'transfer_notice', transfer.time),
    }));
  }
  return out.filter(defined);
}

export const INTAKE_TRANSFER_24H: RuleEvaluator = {
  ruleId: 'INTAKE_TRANSFER_24H',
  evaluate: (s, ctx) => {
    const out: Finding[] = [];
    const caseId = caseIdOf(s);
    const filed = s.ofType('case.filed')[0];
    // A transfer after filing is CRIM_TRANSFER_AFTER_FILING_NOTIFY_3D's.
    for (const t of s.ofType('case.transferred')) {
      if (!caseId || (filed && filed.time <= t.time)) continue;
      out.push(...transferDuties(ctx, s, { type: 'case', id: caseId }, t, receivedAt(s, undefined)));
    }
    for (const [incident, referred] of firstPerIncident(s.ofType('incident.referred'), (e) => e.attrs.route === 'other_authority')) {
      out.push(...transferDuties(ctx, s, { type: 'incident', id: incident }, referred, receivedAt(s, incident)));
    }
    return out;
  },
};

/** The acceptance-review limit: 24 h, or up to 3 days with an `accept_review` approval granted in time (OP2015). */
function acceptReviewLimit(s: Snapshot, ctx: RuleContext, registered: Ev): { period: Period; approval?: Ev } {
  let period = P(24, 'h');
  let approval: Ev | undefined;
  for (const a of approvals(s, 'accept_review')) {
    if (a.event.time < registered.time || a.newLimit?.unit !== 'd') continue;
    if (!beforeLimitPassed(a.event.time, periodEnd(ctx, registered.time, period, false), period)) continue;
    period = P(Math.min(a.newLimit.amount, 3), 'd');
    approval = a.event;
  }
  return { period, approval };
}

export const ADMIN_ACCEPT_REVIEW_24H: RuleEvaluator = {
  ruleId: 'ADMIN_ACCEPT_REVIEW_24H',
  evaluate: (s, ctx) =>
    firstPerIncident(s.ofType('incident.registered')).flatMap(([incident, registered]) => {
      const closedAs = aboutIncident(s, incident, 'incident.closed').at(-1)?.attrs.nature;
      const accepted = aboutIncident(s, incident, 'case.accepted')[0];
      const publicOrder = closedAs === 'public_order'
        || hasPrefix(s.attr(incident, 'category'), codePrefixes(ctx, 'publicOrderCategoryPrefixes', registered.time))
        || (accepted !== undefined && target(accepted, 'case') === caseIdOf(s) && caseKind(s) === 'administrative');
      if (!publicOrder) return [];
      const { period, approval } = acceptReviewLimit(s, ctx, registered);
      const limit = period.unit === 'h' ? L('24小时内', 'within 24 h') : L(`经批准${period.amount}日内`, `within ${period.amount} days as approved`);
      const f = deadlineFinding(ctx, {
        subject: { type: 'incident', id: incident }, trigger: registered, period, custodial: false,
        duty: L(`治安报案登记后${limit['zh-CN']}作出是否受案的决定`, `Decide on acceptance of a public-order report ${limit.en}`),
        compliedBy: earliest(accepted, aboutIncident(s, incident, 'incident.referred')[0]), evidence: approval ? [approval] : [],
      });
      return f ? [f] : [];
    }),
};
