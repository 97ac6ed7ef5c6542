import type { Localized } from '../definition.js';
import { deadlineFinding, L, P, type RuleEvaluator } from '../engine/context.js';
import { caseIdOf, caseKind, personsWithRole } from '../engine/facts.js';
import type { Finding } from '../engine/finding.js';
import { type Ev, type Snapshot, target, targets } from '../engine/snapshot.js';
import { defined, firstAtOrAfter, noticesOfType, reportingPersons, servedOn } from './intake-common.js';
import { caseCustodial, caseSubject } from './intake-extra.js';

/**
 * The non-core transfer and notice rules of catalogue §6: cases transferred in by an
 * administrative enforcement agency, transfers after filing, and the local filing notice to the
 * parties. The contract does not name the body that transferred a case in; like
 * CRIM_WITHDRAWAL_NOTICE_3D, a case whose incident came in on the `transfer` channel is read as
 * an agency transfer, and a notice to any unit other than a procuratorate (and other than the
 * case's new holder) as a notice to that agency.
 */
const cameByTransfer = (s: Snapshot): boolean => s.objectsOfType('incident').some((i) => s.attr(i.id, 'channel') === 'transfer');

/** Whether a notice is addressed to a unit that can be the transferring agency (not `not`, the case's new holder). */
const toAgency = (s: Snapshot, n: Ev, not?: string): boolean =>
  targets(n, 'target_unit').some((u) => u !== not && s.attr(u, 'kind') !== 'procuratorate');

/** The first notice of a type from `from` on, served on one person (or naming them with an exception and its reason). */
function noticeToPerson(s: Snapshot, type: string, from: Date, person: string): Ev | undefined {
  return firstAtOrAfter(noticesOfType(s, type), from, (n) => targets(n, 'subject').includes(person) && (!n.attrs.exception || Boolean(n.attrs.reason?.trim())));
}

/** Telling someone "in writing": a notice by phone is not one (method unknown is accepted, §5.2). */
const inWriting = (n: Ev): boolean => n.attrs.method !== 'phone';

/**
 * CRIM_AGENCY_TRANSFER_REVIEW (MPS-C art.180–181). Trigger: the first case.accepted of a
 * criminal case that came in by transfer. Part 'review': case.filed or case.not_filed within
 * 3 days (statutory, no extension; custodial if a suspect is held on the last day, §9.1).
 * Part 'notice': once decided, the agency is told in writing — notice.served
 * `filing_decision_copy` after filing, `not_file_notice` after non-filing, to the agency
 * (above) — within `agencyNoticeDays` [D] (the article sets no number).
 * Not checkable: the 24-hour request to complete missing materials and the agency's 3-day
 * reconsideration (the contract has no events for either).
 */
export const CRIM_AGENCY_TRANSFER_REVIEW: RuleEvaluator = {
  ruleId: 'CRIM_AGENCY_TRANSFER_REVIEW',
  evaluate: (s, ctx) => {
    const caseId = caseIdOf(s);
    const accepted = s.ofType('case.accepted')[0];
    if (!caseId || !accepted || caseKind(s) !== 'criminal' || !cameByTransfer(s)) return [];
    const decision = s.ofType('case.filed', 'case.not_filed')[0];
    const period = P(3, 'd');
    const out: Array<Finding | undefined> = [deadlineFinding(ctx, {
      subject: caseSubject(caseId), trigger: accepted, part: 'review', period, custodial: caseCustodial(s, ctx, accepted.time, period),
      duty: L('行政执法机关移送的案件，受理后3日内作出是否立案的决定', 'Decide on filing a case transferred by an administrative agency within 3 days of accepting it'),
      compliedBy: decision,
    })];
    if (decision) {
      const days = ctx.num('agencyNoticeDays', decision.time);
      const filed = decision.type === 'case.filed';
      out.push(deadlineFinding(ctx, {
        subject: caseSubject(caseId), trigger: decision, part: 'notice', period: P(days, 'd'), custodial: false,
        duty: filed
          ? L(`决定立案后${days}日内书面通知移送案件的行政执法机关`, `Tell the transferring agency in writing within ${days} days of filing`)
          : L(`决定不予立案后${days}日内向移送案件的行政执法机关送达不予立案通知书`, `Serve the non-filing notice on the transferring agency within ${days} days`),
        compliedBy: firstAtOrAfter(noticesOfType(s, filed ? 'filing_decision_copy' : 'not_file_notice').filter(inWriting), decision.time, (n) => toAgency(s, n)),
      }));
    }
    return out.filter(defined);
  },
};

/**
 * CRIM_TRANSFER_AFTER_FILING_NOTIFY_3D (MPS-C art.184–185). Trigger: case.transferred of a
 * criminal case at or after its case.filed (earlier transfers are INTAKE_TRANSFER_24H's, as are
 * administrative ones, which have no filing). Within 3 days, notice.served `transfer_notice` in
 * writing: part 'reporter' to a person who reported it (or excused with a reason), when any is on
 * record; part 'agency' to the transferring agency, when the case came in by transfer.
 * Not checkable: merging (并案, no event) and the joint check of documents, evidence and
 * property handed over with the case (no handover record for a case transfer).
 */
export const CRIM_TRANSFER_AFTER_FILING_NOTIFY_3D: RuleEvaluator = {
  ruleId: 'CRIM_TRANSFER_AFTER_FILING_NOTIFY_3D',
  evaluate: (s, ctx) => {
    const caseId = caseIdOf(s);
    const filed = s.ofType('case.filed')[0];
    if (!caseId || !filed || caseKind(s) !== 'criminal') return [];
    const reporters = reportingPersons(s);
    return s.ofType('case.transferred').filter((t) => t.time >= filed.time).flatMap((transfer) => {
      const notice = (part: string, who: Localized, done: Ev | undefined) => deadlineFinding(ctx, {
        subject: caseSubject(caseId), trigger: transfer, part, period: P(3, 'd'), custodial: false, compliedBy: done,
        duty: L(`立案后移送的，移送后3日内书面告知${who['zh-CN']}`, `Tell ${who.en} in writing within 3 days of transferring a filed case`),
      });
      const notices = noticesOfType(s, 'transfer_notice').filter(inWriting);
      return [
        reporters.size > 0 ? notice('reporter', L('报案人、控告人', 'the reporter or complainant'), firstAtOrAfter(notices, transfer.time, (n) => servedOn(n, reporters))) : undefined,
        cameByTransfer(s) ? notice('agency', L('移送案件的行政执法机关', 'the transferring agency'), firstAtOrAfter(notices, transfer.time, (n) => toAgency(s, n, target(transfer, 'target_unit')))) : undefined,
      ].filter(defined);
    });
  },
};

/**
 * CASE_PROGRESS_NOTICE_TO_PARTIES (OP2015; RL2024 "及时告知"). A local rule: national rules set
 * no "tell the victim of filing within N days" (catalogue §14.5), so it is inactive until the
 * bureau sets `filingNoticeDays` above 0. Trigger: the first case.filed of a criminal case.
 * Compliance, per victim and complainant (or, when there is none, per reporter): notice.served
 * `filing_decision_copy` naming that person (or naming them with an exception and its reason)
 * within that many days. The other progress steps have verified rules of their own
 * (non-filing: CRIM_NOT_FILE_NOTICE_3D; withdrawal: CRIM_WITHDRAWAL_NOTICE_3D; transfer:
 * CRIM_TRANSFER_AFTER_FILING_NOTIFY_3D); transfer for prosecution has no notice type in the contract.
 */
export const CASE_PROGRESS_NOTICE_TO_PARTIES: RuleEvaluator = {
  ruleId: 'CASE_PROGRESS_NOTICE_TO_PARTIES',
  evaluate: (s, ctx) => {
    const caseId = caseIdOf(s);
    const filed = s.ofType('case.filed')[0];
    if (!caseId || !filed || caseKind(s) !== 'criminal') return [];
    const days = ctx.num('filingNoticeDays', filed.time);
    if (!(days > 0)) return [];
    const parties = [...personsWithRole(s, 'victim'), ...personsWithRole(s, 'complainant')];
    return (parties.length > 0 ? parties : personsWithRole(s, 'reporter')).map((person) => deadlineFinding(ctx, {
      subject: { type: 'person', id: person }, trigger: filed, period: P(days, 'd'), custodial: false,
      duty: L(`立案后${days}日内告知被害人、控告人（报案人）`, `Tell the victim or complainant (or reporter) of the filing within ${days} days`),
      compliedBy: noticeToPerson(s, 'filing_decision_copy', filed.time, person),
    })).filter(defined);
  },
};
