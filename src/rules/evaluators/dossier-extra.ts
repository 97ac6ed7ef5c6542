import { localDateOf } from '../../legal-time/local-date.js';
import { L, violation, type RuleEvaluator } from '../engine/context.js';
import { localTime } from '../engine/explain.js';
import { caseIdOf, caseKind } from '../engine/facts.js';
import type { Finding } from '../engine/finding.js';
import type { Snapshot } from '../engine/snapshot.js';
import { defined } from './closure-helpers.js';
import { caseSubject, documentKnownAt, holdsDocumentBy, onTheSpotDecision, presenceEvent, writtenAt } from './closure-extra-common.js';

/**
 * Non-core dossier rules, catalogue §12: the case's acts on record in the case-handling system,
 * the administrative file, and the order of the times written in documents. Each doc comment
 * gives the decision procedure derived from the catalogue and the contract (no §10.1 row).
 */
const STAGES = ['case.filed', 'case.not_filed', 'case.decided', 'case.revoked', 'case.transferred', 'case.sent_for_prosecution', 'case.closed'];
/** What a criminal closure rests on (a filing alone ends nothing). */
const CRIMINAL_OUTCOMES = ['case.not_filed', 'case.revoked', 'case.transferred', 'case.sent_for_prosecution'];

/**
 * DOSSIER_ONLINE_RECORD (MPS-A art.263; OP2015 全要素网上记载), partial:
 * - `acceptance`: a case that reached a stage (filed, not filed, decided, revoked, transferred,
 *   sent for prosecution, closed) has its 受理 (case.accepted) on record; else violation at the
 *   first stage. A simple-procedure decision (当场处罚决定书) needs no acceptance record.
 * - `outcome` (criminal; the administrative closure is ADMIN_CLOSURE_OR_TERMINATION's): a
 *   case.closed rests on an outcome on record before it — not filed, revoked as a whole,
 *   transferred or sent for prosecution; else violation at the closure.
 * Not checkable: online review and approval of each act (an act without an `approver` is unknown,
 * §5.2, as in the §12.1 example), and acts never entered in the system at all.
 */
export const DOSSIER_ONLINE_RECORD: RuleEvaluator = {
  ruleId: 'DOSSIER_ONLINE_RECORD',
  evaluate: (s, ctx) => {
    const kind = caseKind(s);
    if (!kind || !caseIdOf(s)) return [];
    const out: Array<Finding | undefined> = [];
    const first = s.ofType(...STAGES)[0];
    if (first && s.ofType('case.accepted').length === 0 && !(first.type === 'case.decided' && onTheSpotDecision(s, first))) {
      out.push(violation(ctx, {
        subject: caseSubject(s), trigger: first, part: 'acceptance',
        duty: L('案件受理应在执法办案信息系统中登记', 'The acceptance of a case is entered in the case-handling system'),
        reason: L(`${localTime(first.time)}案件已进入后续环节，系统中无受案记录`, `the case reached a later stage at ${localTime(first.time)} with no acceptance on record`),
      }));
    }
    const closed = s.ofType('case.closed')[0];
    const outcome = closed && s.ofType(...CRIMINAL_OUTCOMES).find((e) => e.time <= closed.time && (e.type !== 'case.revoked' || e.attrs.scope !== 'suspect'));
    if (kind === 'criminal' && closed && !outcome) {
      out.push(violation(ctx, {
        subject: caseSubject(s), trigger: closed, part: 'outcome',
        duty: L('刑事案件结案所依据的处理结果（不予立案、撤销案件、移送或移送审查起诉）应在系统中记载', 'The outcome a criminal case is closed on (not filed, revoked, transferred, sent for prosecution) is on record'),
        reason: L(`${localTime(closed.time)}结案，此前系统中无不予立案、撤案、移送或移送审查起诉记录`, `closed at ${localTime(closed.time)} with no outcome on record before`),
      }));
    }
    return defined(out);
  },
};

/**
 * DOSSIER_ONE_CASE_ONE_FILE (MPS-A art.260–262), partial. Trigger: the first case.closed of an
 * administrative case decided (case.decided before it) by ordinary procedure. Compliance: the
 * file holds evidence for the finding by then — a document of evidenceDocTypes [D] present, or
 * a recording (media) of the case begun. Violation otherwise. A case whose source sends no
 * documents at all is unverified (§13).
 * Covered elsewhere, not repeated: the 受案登记表 and decision documents (DOSSIER_STAGE_REQUIRED_DOCS),
 * a closure without a decision (ADMIN_CLOSURE_OR_TERMINATION). Not checkable: one file per case
 * (every document belongs to exactly one case by the contract), destruction or forgery, the
 * binding order and the hand-over to the archive (no archive event).
 */
export const DOSSIER_ONE_CASE_ONE_FILE: RuleEvaluator = {
  ruleId: 'DOSSIER_ONE_CASE_ONE_FILE',
  evaluate: (s, ctx) => {
    const closed = s.ofType('case.closed')[0];
    if (caseKind(s) !== 'administrative' || !closed || s.objectsOfType('document').length === 0) return [];
    const ordinary = s.ofType('case.decided').some((d) => d.time <= closed.time && !onTheSpotDecision(s, d));
    if (!ordinary || holdsDocumentBy(s, ctx, 'evidenceDocTypes', closed.time) || recordedBy(s, closed.time)) return [];
    return defined([violation(ctx, {
      subject: caseSubject(s), trigger: closed,
      duty: L('行政案件应一案一卷，卷内应有认定事实的证据材料', 'An administrative case has one file holding the evidence for its finding'),
      reason: L(`${localTime(closed.time)}结案时卷内未见任何证据材料（笔录、检查、证据保全、鉴定或音视频）`,
        `closed at ${localTime(closed.time)} with no evidence in the file (statements, inspections, preserved evidence, appraisals or recordings)`),
    })]);
  },
};

/** Whether a recording of the case had begun by `at`. */
const recordedBy = (s: Snapshot, at: Date): boolean =>
  s.objectsOfType('media').some((m) => Date.parse(s.attr(m.id, 'started_at') ?? '') <= at.getTime());

/**
 * DOSSIER_DOC_TIME_CONSISTENCY ([D]), the order checks no other rule reports:
 * - `acceptance_order` (subject case; trigger: the first case.filed / case.not_filed): the
 *   decision on filing does not precede the case's first case.accepted (受案 ≤ 立案).
 * - `dated_after_use` (subject document; trigger: the event it is present from, §9.2): the date
 *   written on it (issued_at, else started_at) is not a later local date than that event — a
 *   warrant executed, a notice served or a form entered before the date it bears. A 笔录 named by
 *   an earlier act it records (a family notice) is not "used" by that act.
 * - `transcript_times` (subject document): a written ended_at is not before its started_at.
 * Left to their own rules (not repeated): 立案 before measures (CRIM_PREFILING_NO_COERCION), the
 * 24-hour limits to the 看守所, family notice and first interrogation, the arrest-request limits,
 * overlapping sessions (INTV_AV_TRANSCRIPT_CONSISTENCY), the warrant in an emergency
 * (CRIM_DETENTION_WARRANT_SHOWN). Not checkable: the arrival and end times written on a 传唤证
 * against the area ledger (only times_recorded is carried).
 */
export const DOSSIER_DOC_TIME_CONSISTENCY: RuleEvaluator = {
  ruleId: 'DOSSIER_DOC_TIME_CONSISTENCY',
  evaluate: (s, ctx) => {
    const out: Array<Finding | undefined> = [];
    const accepted = s.ofType('case.accepted')[0];
    const decidedFiling = s.ofType('case.filed', 'case.not_filed')[0];
    if (caseIdOf(s) && accepted && decidedFiling && decidedFiling.time < accepted.time) {
      out.push(violation(ctx, {
        subject: caseSubject(s), trigger: decidedFiling, part: 'acceptance_order', at: accepted.time, evidence: [accepted],
        duty: L('受案时间应早于立案（不予立案）时间', 'A case is accepted before it is filed (or not filed)'),
        reason: L(`${decidedFiling.type === 'case.filed' ? '立案' : '不予立案'}于${localTime(decidedFiling.time)}，受案却在${localTime(accepted.time)}`,
          `the filing decision of ${localTime(decidedFiling.time)} precedes the acceptance of ${localTime(accepted.time)}`),
      }));
    }
    for (const doc of s.objectsOfType('document').map((d) => d.id)) {
      const from = presenceEvent(s, doc);
      if (!from) continue;
      const type = s.attr(doc, 'doc_type') ?? '文书';
      const written = writtenAt(s, doc);
      // A 笔录 records acts that happened before it was opened (a family called at 23:58 is noted
      // in the 询问笔录 begun after midnight, MPS-A art.67): relating it to the act is no use of it.
      const recordsEarlierActs = type.endsWith('笔录') && from.type !== 'interrogation.started' && from.type !== 'document.filed';
      if (written && !recordsEarlierActs && localDateOf(written) > localDateOf(from.time)) {
        out.push(violation(ctx, {
          subject: { type: 'document', id: doc }, trigger: from, part: 'dated_after_use', at: documentKnownAt(s, doc),
          duty: L('文书落款日期不得晚于其执行、送达或入卷时间', 'A document is not dated after it was executed, served or entered'),
          reason: L(`${type}落款日期${localDateOf(written)}晚于${localTime(from.time)}的使用或入卷时间`, `the ${type} is dated ${localDateOf(written)}, after its use or entry at ${localTime(from.time)}`),
        }));
      }
      const started = Date.parse(s.attr(doc, 'started_at') ?? '');
      const ended = Date.parse(s.attr(doc, 'ended_at') ?? '');
      if (ended < started) {
        out.push(violation(ctx, {
          subject: { type: 'document', id: doc }, trigger: from, part: 'transcript_times', at: documentKnownAt(s, doc),
          duty: L('笔录记载的结束时间不得早于开始时间', 'A record does not end before it starts'),
          reason: L(`${type}记载${localTime(new Date(started))}开始、${localTime(new Date(ended))}结束`, `the ${type} is written to start at ${localTime(new Date(started))} and end at ${localTime(new Date(ended))}`),
        }));
      }
    }
    return defined(out);
  },
};
