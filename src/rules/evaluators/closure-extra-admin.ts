import { addDays, localDateOf } from '../../legal-time/local-date.js';
import { deadlineFinding, L, P, violation, type RuleContext, type RuleEvaluator } from '../engine/context.js';
import { localTime } from '../engine/explain.js';
import { caseKind, documentPresentAt, documentsOfType, typeOf } from '../engine/facts.js';
import type { Finding } from '../engine/finding.js';
import { type Ev, type Snapshot, targets } from '../engine/snapshot.js';
import { defined } from './closure-helpers.js';
import {
  caseSubject, concerns, decisionPersons, documentKnownAt, documentsNamedBy, holdsDocumentBy, madeAt, onTheSpotDecision, presenceEvent,
} from './closure-extra-common.js';
import { personSubject } from './custody-common.js';

/**
 * Non-core administrative closure rules, catalogue §11: what comes before a penalty decision
 * (notice, defence, hearing) and its legal review. There is no §10.1 row: each doc comment gives
 * the decision procedure derived from the catalogue and the contract, and what it cannot show.
 */
const HEARING_RECORD = '听证笔录';
const HEARING_NOTICE = '举行听证通知书';
/** MPS-A: the hearing notice reaches the parties seven days before the hearing (statutory). */
const HEARING_NOTICE_DAYS = 7;

const penaltyDecisions = (s: Snapshot): Ev[] =>
  s.ofType('case.decided').filter((d) => d.attrs.outcome === 'penalty' && caseKind(s, d.time) === 'administrative');

/**
 * ADMIN_PRE_DECISION_NOTICE_AND_HEARING (PSAPL art.94, 98; MPS-A art.123, 132–136, 167–169).
 * Trigger: a case.decided `penalty` of an administrative case, for each person it names (none:
 * each suspect). Not for a simple-procedure decision (当场处罚决定书: told orally on the spot) or
 * a fast-track case (fastTrackDocTypes [D]: told orally and noted in the file, MPS-A art.46).
 * - `notice`: a pre-decision notice record (noticeDocTypes [D], default 行政处罚告知笔录 /
 *   行政处罚告知书) concerning the person, written no later than the decision, present within
 *   graceHours [D] of it (feeds lag). One written after the decision: violation.
 * - `before_hearing`: a 听证笔录 concerning the person written after the decision: the penalty
 *   was decided before the hearing held on it (violation).
 * - per 听证笔录 (subject: the record), `hearing_notice`: the 举行听证通知书 served (else
 *   written) at least 7 days before the hearing (violation).
 * Not checkable: hearing eligibility (licence revocation, fine amounts: no amount in the contract),
 * the hearing application and its window (hearingApplicationDays, MPS-A 3 d vs APL 5 d, §14: no
 * application or waiver record), the 2-day acceptance decision, a hearing held with no notice on
 * record, the contents of the notice and defence, and "no heavier penalty for defending".
 */
export const ADMIN_PRE_DECISION_NOTICE_AND_HEARING: RuleEvaluator = {
  ruleId: 'ADMIN_PRE_DECISION_NOTICE_AND_HEARING',
  evaluate: (s, ctx) => {
    const decisions = penaltyDecisions(s).filter((d) => !onTheSpotDecision(s, d) && !holdsDocumentBy(s, ctx, 'fastTrackDocTypes', d.time));
    const perPerson = decisions.flatMap((d) => decisionPersons(s, d).flatMap((p) => [preDecisionNotice(s, ctx, d, p), decidedBeforeHearing(s, ctx, d, p)]));
    const records = documentsOfType(s, HEARING_RECORD).filter((r) => { const at = documentPresentAt(s, r); return at && caseKind(s, at) === 'administrative'; });
    return defined([...perPerson, ...records.map((r) => hearingNoticeInTime(s, ctx, r))]);
  },
};

function preDecisionNotice(s: Snapshot, ctx: RuleContext, decision: Ev, person: string): Finding | undefined {
  const subject = personSubject(person);
  const duty = L('作出行政处罚决定前，应告知拟作出处罚的事实、理由、依据及陈述申辩权利，并制作告知笔录', 'Before a penalty decision, tell the person the facts, reasons, basis and right of defence, on record');
  const docs = documentsNamedBy(s, ctx, 'noticeDocTypes').filter((d) => concerns(s, d, person));
  const inTime = docs.filter((d) => madeAt(s, d)!.getTime() <= decision.time.getTime());
  if (inTime.length === 0 && docs.length > 0) {
    const late = docs.sort((a, b) => madeAt(s, a)!.getTime() - madeAt(s, b)!.getTime())[0];
    return violation(ctx, {
      subject, trigger: decision, part: 'notice', duty, at: new Date(Math.max(decision.time.getTime(), documentKnownAt(s, late).getTime())),
      reason: L(`告知笔录记载于${localTime(madeAt(s, late)!)}，晚于${localTime(decision.time)}作出的处罚决定`,
        `the notice record is dated ${localTime(madeAt(s, late)!)}, after the penalty decision of ${localTime(decision.time)}`),
    });
  }
  const present = inTime.map((d) => documentPresentAt(s, d)!.getTime());
  return deadlineFinding(ctx, {
    subject, trigger: decision, part: 'notice', period: P(ctx.num('graceHours', decision.time), 'h'), custodial: false, duty,
    compliedAt: present.length ? new Date(Math.min(...present)) : undefined,
  });
}

function decidedBeforeHearing(s: Snapshot, ctx: RuleContext, decision: Ev, person: string): Finding | undefined {
  const later = documentsOfType(s, HEARING_RECORD)
    .filter((r) => documentPresentAt(s, r) && concerns(s, r, person) && madeAt(s, r)!.getTime() > decision.time.getTime());
  if (later.length === 0) return undefined;
  const record = later[0];
  return violation(ctx, {
    subject: personSubject(person), trigger: decision, part: 'before_hearing', evidence: defined([presenceEvent(s, record)]),
    at: new Date(Math.max(decision.time.getTime(), documentKnownAt(s, record).getTime())),
    duty: L('适用听证的，应在听证后作出处罚决定', 'Where a hearing is held, the penalty is decided after it'),
    reason: L(`处罚决定于${localTime(decision.time)}作出，听证于${localTime(madeAt(s, record)!)}才举行`,
      `the penalty was decided at ${localTime(decision.time)}, the hearing held only at ${localTime(madeAt(s, record)!)}`),
  });
}

/** When a hearing notice reached the person: its first notice.served, else the time written on it. */
function noticeServedAt(s: Snapshot, notice: string): Date | undefined {
  return s.relating(notice, 'document', 'notice.served')[0]?.time ?? madeAt(s, notice);
}

function hearingNoticeInTime(s: Snapshot, ctx: RuleContext, record: string): Finding | undefined {
  const held = madeAt(s, record)!;
  const trigger = presenceEvent(s, record)!;
  const named = s.linked(record, 'subject');
  const notices = documentsOfType(s, HEARING_NOTICE)
    .filter((n) => documentPresentAt(s, n) && (named.length === 0 || named.some((p) => concerns(s, n, p))))
    .map((n) => ({ n, at: noticeServedAt(s, n)! }))
    .filter((x) => x.at.getTime() <= held.getTime())
    .sort((a, b) => a.at.getTime() - b.at.getTime());
  const first = notices[0];
  // "七日前": the notice date plus seven days is no later than the hearing date.
  if (!first || addDays(localDateOf(first.at), HEARING_NOTICE_DAYS) <= localDateOf(held)) return undefined;
  return violation(ctx, {
    subject: { type: 'document', id: record }, trigger, part: 'hearing_notice',
    at: new Date(Math.max(documentKnownAt(s, record).getTime(), documentKnownAt(s, first.n).getTime(), first.at.getTime())),
    duty: L(`应在举行听证的${HEARING_NOTICE_DAYS}日前送达举行听证通知书`, `Serve the hearing notice ${HEARING_NOTICE_DAYS} days before the hearing`),
    reason: L(`举行听证通知书于${localDateOf(first.at)}送达，听证于${localDateOf(held)}举行，不足${HEARING_NOTICE_DAYS}日`,
      `the hearing notice reached the person on ${localDateOf(first.at)}, the hearing was on ${localDateOf(held)}: less than ${HEARING_NOTICE_DAYS} days`),
  });
}

/** Whether an approver can review (审核): a legal officer or a head, or the public-security organ itself. */
function reviewerStanding(s: Snapshot, approver: string, at: Date): 'ok' | 'unqualified' | 'unknown' {
  if (typeOf(approver) === 'unit') {
    const kind = s.attr(approver, 'kind');
    return kind === undefined ? 'unknown' : kind === 'public_security' ? 'ok' : 'unqualified';
  }
  const role = s.attr(approver, 'role', at);
  if (role === undefined) return 'unknown';
  return role === 'legal_officer' || role === 'leader' ? 'ok' : 'unqualified';
}

const ROLE_ZH: Record<string, string> = { lead: '主办民警', assistant: '协办民警', custodian: '财物管理员', auxiliary: '辅警' };

/**
 * ADMIN_LEGAL_REVIEW (MPS-A art.170–171; APL art.58). Trigger: a case.decided `penalty` of an
 * administrative case by ordinary procedure (not a 当场处罚决定书). Compliance: among its
 * `approver`s a qualified reviewer — an officer of role `legal_officer` (法制员) or `leader`
 * (head of the case unit or above), or a public-security unit itself. Immediate violation when
 * every approver is known and none qualifies. No approver on record, or one whose role or unit
 * kind is unknown: not judged (§5.2, as in §12.1 where an act carries no approver).
 * Not checkable: the first-time reviewer's legal-profession qualification (no such attribute),
 * review by the legal department for the APL art.58 categories (not represented), and the
 * review's content.
 */
export const ADMIN_LEGAL_REVIEW: RuleEvaluator = {
  ruleId: 'ADMIN_LEGAL_REVIEW',
  evaluate: (s, ctx) => defined(penaltyDecisions(s).filter((d) => !onTheSpotDecision(s, d)).map((d) => {
    const approvers = [...new Set(targets(d, 'approver'))];
    const standing = approvers.map((a) => reviewerStanding(s, a, d.time));
    if (approvers.length === 0 || standing.some((x) => x !== 'unqualified')) return undefined;
    const roles = [...new Set(approvers.map((a) => (typeOf(a) === 'unit' ? '非公安机关' : ROLE_ZH[s.attr(a, 'role', d.time)!] ?? s.attr(a, 'role', d.time)!)))];
    return violation(ctx, {
      subject: caseSubject(s), trigger: d,
      duty: L('行政处罚决定应经法制员、办案部门负责人等具备资格的人员审核', 'A penalty decision is reviewed by a qualified reviewer (legal officer or head)'),
      reason: L(`${localTime(d.time)}的处罚决定仅由${roles.join('、')}审批，未见法制员或负责人审核`,
        `the penalty decision of ${localTime(d.time)} was approved only by ${approvers.length} approver(s) who are neither legal officers nor heads`),
    });
  })),
};
