import { startOfLocalDay, localDateOf } from '../../legal-time/local-date.js';
import { deadlineFinding, L, P, violation, type RuleContext, type RuleEvaluator } from '../engine/context.js';
import { localTime } from '../engine/explain.js';
import { ageAt, caseIdOf, caseKind, heldOnLastDay, personMeasures, personsWithRole } from '../engine/facts.js';
import type { Finding } from '../engine/finding.js';
import { type Ev, type Snapshot, targets } from '../engine/snapshot.js';
import { defined, firstFrom, noticeDuty } from './closure-helpers.js';
import { caseSubject, concerns, documentsNamedBy, presenceEvent, prosecutedPersons, unshiftedEnd } from './closure-extra-common.js';
import { personSubject } from './custody-common.js';

/**
 * Non-core criminal closure rules, catalogue §11: investigation must not stall, what ending it
 * needs, and telling the suspect of the transfer for prosecution. Each doc comment gives the
 * decision procedure derived from the catalogue and the contract (there is no §10.1 row).
 */
const criminal = (s: Snapshot): boolean => caseKind(s) === 'criminal';

/** Events that show investigative work on the case (MPS-C art.191: evidence collected promptly). */
const INVESTIGATIVE = [
  'interrogation.started', 'item.seized', 'item.frozen', 'appraisal.started', 'appraisal.ended', 'person.brought_in', 'person.summoned',
  'person.detained', 'person.arrested', 'person.arrest_requested', 'person.custody_extension_requested', 'person.bail_started',
  'person.rsdl_started', 'document.filed', 'case.recovery_recorded',
];

/** Events that end the police investigation (a revocation of the whole case among them). */
const endsInvestigation = (e: Ev): boolean =>
  ['case.sent_for_prosecution', 'case.transferred', 'case.closed'].includes(e.type) || (e.type === 'case.revoked' && e.attrs.scope !== 'suspect');

/** The investigation: from the filing to what first ends it. */
function investigation(s: Snapshot): { start: Ev; end?: Ev } | undefined {
  const filed = s.ofType('case.filed')[0];
  if (!filed) return undefined;
  const ends = s.ofType('case.sent_for_prosecution', 'case.transferred', 'case.closed', 'case.revoked').filter(endsInvestigation);
  return { start: filed, end: firstFrom(ends, filed.time) };
}

/** When the case first had a suspect on record: the first person event or session of a person of role `suspect`. */
function suspectKnownAt(s: Snapshot): Date | undefined {
  const suspects = new Set(personsWithRole(s, 'suspect'));
  return s.events.find((e) => (e.type.startsWith('person.') || e.type === 'interrogation.started') && targets(e, 'subject').some((p) => suspects.has(p)))?.time;
}

/** The bail or RSDL starts of the case's suspects running at `at`. */
function nonCustodialMeasuresAt(s: Snapshot, at: Date): Ev[] {
  return personsWithRole(s, 'suspect').flatMap((p) => personMeasures(s, p).intervals
    .filter((iv) => (iv.kind === 'bail' || iv.kind === 'rsdl') && iv.start.time <= at && (!iv.end || iv.end.time > at))
    .map((iv) => iv.start));
}

/**
 * CRIM_INVESTIGATION_CONTINUITY ([D]; MPS-C art.107, 122, 191). Criminal case, from its filing
 * to what first ends the investigation (transfer for prosecution, transfer, revocation of the
 * case, closure):
 * - trigger: the filing, then each investigative event (sessions, measures, seizures,
 *   appraisals, documents entered in the dossier, recoveries) — the last at any instant;
 * - compliance: the next investigative event, or the end of the investigation, within
 *   inactivityDays [D] (warning warnDays [D] before; custodial if a suspect is held on the last day,
 *   §9.1). The duty names bail or RSDL when a suspect is on it at the trigger (art.107, 122:
 *   investigation never stops meanwhile).
 * Counted only once the case has a suspect on record (an event of a person of role `suspect`):
 * an unsolved case is CASE_BACKLOG's business, its leads are not in the contract. A supplementary
 * investigation after a return is CRIM_SUPPLEMENTARY_INVESTIGATION's (one month, about the same
 * window: not judged twice).
 * Not checkable: investigative work outside the contract's events (enquiries, visits, requests),
 * and whether the evidence gathered covers guilt and innocence alike (art.191).
 */
export const CRIM_INVESTIGATION_CONTINUITY: RuleEvaluator = {
  ruleId: 'CRIM_INVESTIGATION_CONTINUITY',
  evaluate: (s, ctx) => {
    const known = criminal(s) ? suspectKnownAt(s) : undefined;
    const phase = known && investigation(s);
    if (!phase) return [];
    const { start, end } = phase;
    const from = Math.max(start.time.getTime(), known.getTime());
    const until = end?.time.getTime() ?? Infinity;
    const activity = s.ofType(...INVESTIGATIVE).filter((e) => e.time.getTime() >= from && e.time.getTime() < until);
    const anchors = start.time.getTime() >= known.getTime() ? [start, ...activity] : activity;
    // One duty per instant: of several events at the same time, the last one.
    const distinct = anchors.filter((e, i) => i === anchors.length - 1 || anchors[i + 1].time.getTime() > e.time.getTime());
    return defined(distinct.map((a, i) => stall(s, ctx, a, distinct[i + 1] ?? end)));
  },
};

function stall(s: Snapshot, ctx: RuleContext, trigger: Ev, next: Ev | undefined): Finding | undefined {
  const days = ctx.num('inactivityDays', trigger.time);
  const warnDays = ctx.num('warnDays', trigger.time);
  // Holidays only move the deadline later: activity before the unshifted warning point raises nothing.
  if (next && next.time.getTime() < unshiftedEnd(ctx, trigger.time, P(days, 'd'), warnDays).warnAt.getTime()) return undefined;
  const period = P(days, 'd');
  const measures = nonCustodialMeasuresAt(s, trigger.time);
  return deadlineFinding(ctx, {
    subject: caseSubject(s), trigger, period, custodial: heldOnLastDay(s, ctx.calendar, trigger.time, period),
    warn: { before: P(warnDays, 'd') }, compliedBy: next, evidence: measures,
    duty: measures.length
      ? L(`犯罪嫌疑人取保候审、监视居住期间不得中断侦查，${days}日内应有侦查活动`, `Investigation never stops while a suspect is on bail or residential surveillance: some investigative act within ${days} days`)
      : L(`已立案侦查的案件不得中断侦查，${days}日内应有侦查活动`, `A filed case under investigation does not stall: some investigative act within ${days} days`),
  });
}

/** CL art.17: below this age at the offence nobody bears criminal liability (12–13 only on the Supreme Procuratorate's approval). */
const MIN_AGE_OF_LIABILITY = 14;

/**
 * CRIM_CLOSURE_CONDITIONS (MPS-C art.283–287), partial. Trigger: case.sent_for_prosecution.
 * - `filing`: the investigation it ends was opened: a case.filed before it (violation).
 * - `age`: criminal liability is due for each person the 起诉意见书 names (by O2O `subject`; a
 *   document naming nobody leaves this unjudged): aged 14 or more at the offence
 *   (case.occurred_at, else the filing); else violation. Unknown age: not judged (§5.2).
 * The 结案报告 and 起诉意见书 themselves are DOSSIER_STAGE_REQUIRED_DOCS's (at this transition).
 * Not checkable: the 县级以上 approval of the 结案报告 (case.sent_for_prosecution carries no
 * approver and no approval purpose fits), group discussion of major cases, the report's contents,
 * sufficiency and legality of evidence, the charge, the Supreme Procuratorate's approval for ages
 * 12–13, the offences a 14–15-year-old answers for, and the binding of the file.
 */
export const CRIM_CLOSURE_CONDITIONS: RuleEvaluator = {
  ruleId: 'CRIM_CLOSURE_CONDITIONS',
  evaluate: (s, ctx) => {
    if (!criminal(s)) return [];
    const filed = s.ofType('case.filed')[0];
    return s.ofType('case.sent_for_prosecution').flatMap((sent) => {
      const out: Array<Finding | undefined> = [];
      if (!filed || filed.time > sent.time) {
        out.push(violation(ctx, {
          subject: caseSubject(s), trigger: sent, part: 'filing',
          duty: L('侦查终结移送审查起诉的案件应已立案侦查', 'A case sent for prosecution was filed and investigated first'),
          reason: L(`${localTime(sent.time)}移送审查起诉，此前未见立案记录`, `sent for prosecution at ${localTime(sent.time)} with no filing before`),
        }));
      }
      const { persons, named } = prosecutedPersons(s, sent);
      const offenceAt = offenceTime(s) ?? filed?.time;
      for (const p of named && offenceAt ? persons : []) {
        const age = ageAt(s, p, offenceAt!);
        if (age === undefined || age >= MIN_AGE_OF_LIABILITY) continue;
        out.push(violation(ctx, {
          subject: personSubject(p), trigger: sent, part: 'age',
          duty: L('移送审查起诉的犯罪嫌疑人应依法应当追究刑事责任', 'A suspect sent for prosecution bears criminal liability'),
          reason: L(`起诉意见书所列犯罪嫌疑人案发时${age}周岁，未满${MIN_AGE_OF_LIABILITY}周岁`, `a suspect named in the prosecution opinion was ${age} at the offence, under ${MIN_AGE_OF_LIABILITY}`),
        }));
      }
      return defined(out);
    });
  },
};

function offenceTime(s: Snapshot): Date | undefined {
  const t = Date.parse(s.attr(caseIdOf(s), 'occurred_at') ?? '');
  return Number.isFinite(t) ? new Date(t) : undefined;
}

/**
 * CRIM_TRANSFER_FOR_PROSECUTION_NOTICE (CPL art.162; MPS-C art.289, 292). Trigger: each
 * case.sent_for_prosecution, for each person it concerns (named by the 起诉意见书, else the
 * suspects whose investigation was not stopped). Compliance: the person told of the transfer
 * ("同时", within noticeDays [D]) — a notice.served `transfer_notice` to the person, or a
 * written notice (noticeDocTypes [D]) concerning the person, from the day of the transfer on. A
 * notice recorded with an exception complies only with a reason (§13).
 * Not checkable: telling the defence lawyer (no lawyer in the contract), the lawyer's views, the
 * 认罪认罚 record (an admission of guilt is not represented) and any incidental civil claim.
 */
export const CRIM_TRANSFER_FOR_PROSECUTION_NOTICE: RuleEvaluator = {
  ruleId: 'CRIM_TRANSFER_FOR_PROSECUTION_NOTICE',
  evaluate: (s, ctx) => {
    if (!criminal(s)) return [];
    return s.ofType('case.sent_for_prosecution').flatMap((sent) => {
      const days = ctx.num('noticeDays', sent.time);
      const from = startOfLocalDay(localDateOf(sent.time));
      const written = documentsNamedBy(s, ctx, 'noticeDocTypes');
      return prosecutedPersons(s, sent).persons.flatMap((p) => {
        const served = s.ofType('notice.served').filter((n) => n.attrs.notice_type === 'transfer_notice' && targets(n, 'subject').includes(p));
        const records = defined(written.filter((d) => concerns(s, d, p)).map((d) => presenceEvent(s, d)));
        const notices = [...served, ...records].filter((e) => e.time.getTime() >= from.getTime()).sort((a, b) => a.time.getTime() - b.time.getTime());
        return noticeDuty(ctx, {
          trigger: sent, subject: personSubject(p), part: 'notice', period: P(days, 'd'), custodial: false, notices,
          duty: L(`移送审查起诉的，应同时（${days}日内）将案件移送情况告知犯罪嫌疑人`, `Tell the suspect of the transfer for prosecution at the same time (within ${days} days)`),
        });
      });
    });
  },
};
