import type { Period } from '../../legal-time/deadline.js';
import { deadlineFinding, L, P, violation, type RuleContext, type RuleEvaluator } from '../engine/context.js';
import { localTime } from '../engine/explain.js';
import { approverLevel, caseIdOf, caseKind, documentsOfType, heldOnLastDay, levelAtLeast, typeOf } from '../engine/facts.js';
import type { Finding } from '../engine/finding.js';
import { type Ev, type Snapshot, targets, truthy } from '../engine/snapshot.js';
import { defined, documentPresence, earliest, EVIDENCE_LISTS, periodEnd } from './intake-common.js';

/**
 * The non-core acceptance and filing rules of catalogue §6 on a case's own records: the reporter's
 * statement and the evidence list at intake, and who approves a filing decision. Transfers and
 * notices are in intake-extra-notices.ts.
 */
export const caseSubject = (id: string) => ({ type: 'case' as const, id });

/** §9.1: a case-level day period is custodial if a suspect is held on its (unshifted) last day. */
export const caseCustodial = (s: Snapshot, ctx: RuleContext, start: Date, period: Period): boolean => heldOnLastDay(s, ctx.calendar, start, period);

/** The event by which a document became present (§9.2). */
const presenceOf = (s: Snapshot, doc: string): Ev | undefined =>
  s.relating(doc).find((e) => e.type === 'document.filed' || e.rels.some((r) => r.id === doc && r.q === 'document'));

/** Persons who had reported the matter when it was accepted (reporter, victim, complainant; MPS-C art.169). */
function reportersAt(s: Snapshot, at: Date): Set<string> {
  const roles = new Set(['reporter', 'victim', 'complainant']);
  return new Set(s.objectsOfType('person').filter((p) => roles.has(s.attr(p.id, 'role', at) ?? '')).map((p) => p.id));
}

/** Persons a document names: its O2O subjects and the subjects of events relating it. */
function namedIn(s: Snapshot, doc: string): Set<string> {
  const out = new Set(s.linked(doc, 'subject'));
  for (const e of s.relating(doc, 'document')) for (const p of targets(e, 'subject')) out.add(p);
  return out;
}

/**
 * INTAKE_STATEMENT_AND_EVIDENCE_LIST (MPS-C art.169–170; MPS-A art.64; CPL art.111). Trigger: the
 * case's first case.accepted. Within `graceHours` [D] of it:
 * - 'statement': when an accepted incident was reported in person (channel `walk_in`), a 询问笔录
 *   naming a person who had reported the matter by then is present (at any time before, too). A
 *   statement "signed and fingerprinted by the reporter" presupposes the reporter in front of the
 *   officer; a 110 call or an online report is recorded by its own log (110R art.7) and is not
 *   asked for one. Page signatures are INTV_TRANSCRIPT_SIGNATURES's, not judged twice.
 * - 'evidence-list': when an accepted incident's report came with evidence (incident.received
 *   evidence_submitted), a 接受证据材料清单 (administrative: 接受证据清单) is present. Walk-in
 *   reports are left to INC_WALKIN_THREE_ON_THE_SPOT, which asks the same list on the spot.
 * - 'list-signature': every list is signed by its provider — subject_signed false without
 *   refusal_noted is an immediate finding; unknown is not judged (§5.2).
 * Not checkable: whether AV of the reception was "necessary".
 */
export const INTAKE_STATEMENT_AND_EVIDENCE_LIST: RuleEvaluator = {
  ruleId: 'INTAKE_STATEMENT_AND_EVIDENCE_LIST',
  evaluate: (s, ctx) => {
    const caseId = caseIdOf(s);
    const accepted = s.ofType('case.accepted')[0];
    if (!caseId || !accepted) return [];
    const hours = ctx.num('graceHours', accepted.time);
    const base = { subject: caseSubject(caseId), trigger: accepted, period: P(hours, 'h'), custodial: false };
    const out: Array<Finding | undefined> = [];
    const incidents = s.ofType('case.accepted').flatMap((a) => targets(a, 'incident'));
    const reporters = reportersAt(s, accepted.time);
    if (reporters.size > 0 && incidents.some((i) => s.attr(i, 'channel') === 'walk_in')) {
      const statements = documentsOfType(s, '询问笔录').filter((d) => [...namedIn(s, d)].some((p) => reporters.has(p)));
      out.push(deadlineFinding(ctx, {
        ...base, part: 'statement', compliedBy: earliest(...statements.map((d) => presenceOf(s, d))),
        duty: L(`受案后${hours}小时内制作报案人笔录`, `Take the reporter's statement within ${hours} h of acceptance`),
      }));
    }
    const withEvidence = incidents.filter((i) =>
      s.attr(i, 'channel') !== 'walk_in' && s.relating(i, 'incident', 'incident.received').some((r) => truthy(r.attrs.evidence_submitted)));
    if (withEvidence.length > 0) {
      out.push(deadlineFinding(ctx, {
        ...base, part: 'evidence-list', compliedBy: documentPresence(s, ...EVIDENCE_LISTS),
        duty: L(`报案人提交证据材料的，受案后${hours}小时内制作接受证据材料清单`, `List the evidence the reporter handed over within ${hours} h of acceptance`),
      }));
    }
    for (const list of documentsOfType(s, ...EVIDENCE_LISTS)) {
      const present = presenceOf(s, list);
      if (!present || s.attr(list, 'subject_signed') !== 'false' || truthy(s.attr(list, 'refusal_noted'))) continue;
      const known = s.attrTime(list, 'subject_signed');
      out.push(violation(ctx, {
        subject: { type: 'document', id: list }, trigger: present, part: 'list-signature',
        at: known && known > present.time ? known : present.time,
        duty: L('接受证据材料清单应由提供人签名', 'The list of evidence received is signed by the person who provided it'),
        reason: L('清单无提供人签名，也未注明拒绝签名', 'the provider did not sign and no refusal is noted'),
      }));
    }
    return out.filter(defined);
  },
};

const BELOW_COUNTY_ZH: Record<string, string> = {
  department: '办案部门负责人', procuratorate: '检察机关', station: '派出所', brigade: '大队', center: '执法办案管理中心',
  detention_center: '看守所', admin_detention_facility: '拘留所',
};

/**
 * One approver's standing at the decision (role and unit level as of then, §3.2): 'ok' at county
 * level or higher (§13: higher satisfies); 'low' when known to be below it (a department head, an
 * officer who is no leader, a station); 'unknown' when the reference data does not say (officer
 * without role, leader or unit without level).
 */
function approverStanding(s: Snapshot, decision: Ev, approver: string): { standing: 'ok' | 'low' | 'unknown'; what: string } {
  const unknown = { standing: 'unknown' as const, what: '' };
  const at = decision.time;
  if (typeOf(approver) === 'officer') {
    const role = s.attr(approver, 'role', at);
    if (!role) return unknown;
    if (role !== 'leader') return { standing: 'low', what: '非负责人的民警' };
    if (!s.attr(s.linked(approver, 'member_of')[0], 'level', at)) return unknown;
  }
  const level = approverLevel(s, { ...decision, attrs: {}, rels: [{ q: 'approver', id: approver }] }); // at the decision too
  if (levelAtLeast(level, 'county')) return { standing: 'ok', what: '' };
  const below = level ?? s.attr(approver, 'level', at);
  return below ? { standing: 'low', what: BELOW_COUNTY_ZH[below] ?? below } : unknown;
}

/**
 * CRIM_FILING_APPROVAL_LEVEL (MPS-C art.178(1)). Trigger: case.filed or case.not_filed of a
 * criminal case. Compliance: an `approver` of county level or higher (§6 roles and units; §13).
 * Immediate S4 finding when every approver is known to be below it. A decision without any
 * approver on record, or with approvers the reference data does not place, is not judged (§5.2).
 */
export const CRIM_FILING_APPROVAL_LEVEL: RuleEvaluator = {
  ruleId: 'CRIM_FILING_APPROVAL_LEVEL',
  evaluate: (s, ctx) => {
    const caseId = caseIdOf(s);
    if (!caseId) return [];
    // The case's kind at the decision (§3.2), not as of T.
    return s.ofType('case.filed', 'case.not_filed').filter((d) => caseKind(s, d.time) === 'criminal').flatMap((decision) => {
      const judged = targets(decision, 'approver').map((a) => approverStanding(s, decision, a));
      if (judged.length === 0 || judged.some((j) => j.standing !== 'low')) return [];
      const act = decision.type === 'case.filed' ? L('立案', 'filing') : L('不予立案', 'non-filing');
      const f = violation(ctx, {
        subject: caseSubject(caseId), trigger: decision,
        duty: L('立案、不予立案决定应经县级以上公安机关负责人批准', 'A filing or non-filing decision is approved by the head of a county-level or higher public-security organ'),
        reason: L(`${localTime(decision.time)}${act['zh-CN']}决定的审批人为${[...new Set(judged.map((j) => j.what))].join('、')}，未达县级以上负责人`,
          `the ${act.en} decision of ${localTime(decision.time)} was approved below county level`),
      });
      return f ? [f] : [];
    });
  },
};
