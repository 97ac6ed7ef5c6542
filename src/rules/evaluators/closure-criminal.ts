import { computeDeadline, type Period } from '../../legal-time/deadline.js';
import type { RuleDefinition } from '../definition.js';
import { deadlineFinding, L, P, violation, type RuleContext, type RuleEvaluator } from '../engine/context.js';
import { caseIdOf, caseKind, documentsOfType, heldAt, personMeasures, personsWithRole } from '../engine/facts.js';
import type { Finding } from '../engine/finding.js';
import { isHeld } from '../engine/measures.js';
import { byTime, type Ev, type Snapshot, target, targets } from '../engine/snapshot.js';
import { presenceEvent } from './closure-extra-common.js';
import { defined, firstFrom, listParam, noticeDuty, noticesTo } from './closure-helpers.js';

/**
 * Criminal closure, catalogue §11: supplementary investigation after a return by the
 * procuratorate, and what a withdrawal (撤销案件 / 终止侦查) sets off — release, lifting of
 * measures and seizures, and the notices.
 */
const caseSubject = (s: Snapshot) => ({ type: 'case' as const, id: caseIdOf(s)! });

/** CPL art.175: at most two returns for supplementary investigation. */
const MAX_RETURNS = 2;

export const CRIM_SUPPLEMENTARY_INVESTIGATION: RuleEvaluator = {
  ruleId: 'CRIM_SUPPLEMENTARY_INVESTIGATION',
  evaluate: (s, ctx) => {
    if (caseKind(s) !== 'criminal') return [];
    return s.ofType('case.returned_for_investigation').flatMap((r, i) => {
      const def = ctx.definition(r.time);
      if (!def?.limit) return [];
      const period = P(def.limit.amount, def.limit.unit);
      const done = firstFrom([...s.ofType('case.sent_for_prosecution'), ...withdrawals(s)].sort(byTime), r.time);
      const declared = Number(r.attrs.round);
      // The larger of the declared round and the returns counted, so a missing or low `round` cannot hide a third return.
      const round = Math.max(i + 1, Number.isInteger(declared) ? declared : 0);
      return defined([
        deadlineFinding(ctx, {
          subject: caseSubject(s), trigger: r, period, custodial: custodialMonth(s, ctx, def, r.time, period), compliedBy: done,
          duty: L('退回补充侦查的案件应在1个月内补充侦查完毕，重新移送审查起诉或撤销案件（或对全部犯罪嫌疑人终止侦查）',
            'Finish a supplementary investigation within one month: send the case back for prosecution or withdraw it (or stop the investigation of every suspect)'),
        }),
        round > MAX_RETURNS ? violation(ctx, {
          subject: caseSubject(s), trigger: r, part: 'round',
          duty: L('补充侦查以两次为限', 'A case is returned for supplementary investigation at most twice'),
          reason: L(`本案第${round}次退回补充侦查，超过两次上限`, `return no. ${round} exceeds the limit of two`),
        }) : undefined,
      ]);
    });
  },
};

/**
 * The withdrawals that end the whole case: a case.revoked of scope 'case', or the suspect-scope
 * revocation (终止侦查) by which every suspect of the case has been covered.
 */
function withdrawals(s: Snapshot): Ev[] {
  const suspects = personsWithRole(s, 'suspect');
  const stopped = new Set<string>();
  return s.ofType('case.revoked').filter((r) => {
    if (r.attrs.scope !== 'suspect') return true;
    for (const p of targets(r, 'subject')) stopped.add(p);
    return suspects.every((p) => stopped.has(p));
  });
}

/**
 * `if_held` for the supplementary month (§10.1 "custodial if a suspect is held"): a person of the
 * case is held on its last day — through the transfer for prosecution, which ends arrest custody
 * in §9.1 though the suspect stays in custody (facts.personMeasures).
 */
function custodialMonth(s: Snapshot, ctx: RuleContext, def: RuleDefinition, start: Date, period: Period): boolean {
  const mode = def.limit?.custodial ?? 'never';
  if (mode !== 'if_held') return mode === 'always';
  const end = computeDeadline({ trigger: start, period, custodial: true }, ctx.calendar);
  if (end.status !== 'ok') return false;
  const lastInstant = new Date(end.deadline.getTime() - 1);
  return s.objectsOfType('person').some((p) => isHeld(personMeasures(s, p.id, { throughTransfer: true }), lastInstant));
}

export const CRIM_WITHDRAWAL_NOTICE_3D: RuleEvaluator = {
  ruleId: 'CRIM_WITHDRAWAL_NOTICE_3D',
  evaluate: (s, ctx) => (caseKind(s) === 'criminal' ? s.ofType('case.revoked').flatMap((r) => withdrawal(s, ctx, r)) : []),
};

function withdrawal(s: Snapshot, ctx: RuleContext, r: Ev): Finding[] {
  const def = ctx.definition(r.time);
  if (!def?.limit) return [];
  // scope 'case': every suspect of the case; 'suspect': the persons whose investigation stops.
  const wholeCase = r.attrs.scope !== 'suspect';
  const named = targets(r, 'subject');
  const suspects = wholeCase ? [...new Set([...personsWithRole(s, 'suspect'), ...named])] : named;
  const act = wholeCase ? L('撤销案件', 'withdrawing the case') : L('终止侦查', 'stopping the investigation');
  const noticePeriod = P(def.limit.amount, def.limit.unit);
  const notice = (subject: Finding['subject'], part: string, who: [string, string], notices: Ev[]) =>
    noticeDuty(ctx, {
      trigger: r, subject, part, period: noticePeriod, custodial: false, notices,
      duty: L(`${act['zh-CN']}后${noticePeriod.amount}日内告知${who[0]}`, `Tell ${who[1]} within ${noticePeriod.amount} days of ${act.en}`),
    });
  const out: Finding[] = [];
  for (const p of suspects) {
    const person = { type: 'person' as const, id: p };
    out.push(...release(s, ctx, r, p, act), ...liftMeasures(s, ctx, r, p, act));
    out.push(...notice(person, 'notice', ['原犯罪嫌疑人', 'the former suspect'], noticesTo(s, 'revocation_notice', r.time, { person: p })));
    const procuratorate = approvingProcuratorate(s, p, r.time);
    if (procuratorate !== undefined) {
      const accepts = (u: string) => (procuratorate ? u === procuratorate : s.attr(u, 'kind') === 'procuratorate');
      out.push(...notice(person, 'procuratorate', ['原批准逮捕的人民检察院', 'the procuratorate that approved the arrest'], noticesTo(s, 'revocation_notice', r.time, { unit: accepts })));
    }
  }
  if (wholeCase) {
    for (const v of [...personsWithRole(s, 'victim'), ...personsWithRole(s, 'complainant')]) {
      out.push(...notice({ type: 'person', id: v }, 'notice', ['被害人、控告人', 'the victim or complainant'], noticesTo(s, 'revocation_notice', r.time, { person: v })));
    }
    // A case that came in by transfer: the transferring agency is told (any non-procuratorate unit addressed).
    if (s.objectsOfType('incident').some((i) => s.attr(i.id, 'channel') === 'transfer')) {
      out.push(...notice(caseSubject(s), 'transferring_agency', ['移送案件的机关', 'the transferring agency'],
        noticesTo(s, 'revocation_notice', r.time, { unit: (u) => s.attr(u, 'kind') !== 'procuratorate' })));
    }
  }
  out.push(...returnItems(s, ctx, r, wholeCase ? undefined : new Set(suspects), act));
  return out;
}

/**
 * A suspect held at the withdrawal is released at once with a 释放证明书 (MPS-C art.186;
 * "immediately" = releaseHours [D]).
 */
function release(s: Snapshot, ctx: RuleContext, r: Ev, p: string, act: { 'zh-CN': string; en: string }): Finding[] {
  if (!heldAt(s, p, r.time)) return [];
  const hours = ctx.num('releaseHours', r.time);
  const f = deadlineFinding(ctx, {
    subject: { type: 'person', id: p }, trigger: r, part: 'release', period: P(hours, 'h'), custodial: true,
    duty: L(`${act['zh-CN']}后应立即释放在押的犯罪嫌疑人并发给释放证明书（${hours}小时内）`,
      `Release the held suspect at once on ${act.en}, with a 释放证明书 (release certificate), within ${hours} h`),
    compliedBy: releasedWithCertificate(s, p, r.time),
  });
  return f ? [f] : [];
}

const RELEASE_CERTIFICATE = '释放证明书';

/**
 * The first person.released of `p` from `from`, done once a 释放证明书 is there: one related by the
 * release, else one naming the person that became present (§9.2) from `from` — then the later
 * of the release and that presence.
 */
function releasedWithCertificate(s: Snapshot, p: string, from: Date): Ev | undefined {
  const released = firstFrom(s.relating(p, 'subject', 'person.released'), from);
  if (!released) return undefined;
  if (targets(released, 'document').some((d) => s.attr(d, 'doc_type') === RELEASE_CERTIFICATE)) return released;
  const present = defined(documentsOfType(s, RELEASE_CERTIFICATE).filter((d) => s.linked(d, 'subject').includes(p)).map((d) => presenceEvent(s, d)))
    .filter((e) => e.time.getTime() >= from.getTime()).sort(byTime)[0];
  if (!present) return undefined;
  return present.time.getTime() > released.time.getTime() ? present : released;
}

/** Bail or residential surveillance running at the withdrawal is lifted. */
function liftMeasures(s: Snapshot, ctx: RuleContext, r: Ev, p: string, act: { 'zh-CN': string; en: string }): Finding[] {
  const days = ctx.num('measureLiftDays', r.time);
  return defined(personMeasures(s, p).intervals
    .filter((iv) => !iv.held && iv.start.time <= r.time && (!iv.end || iv.end.time >= r.time))
    .map((iv) => deadlineFinding(ctx, {
      subject: { type: 'person', id: p }, trigger: r, part: `measure:${iv.kind}`, period: P(days, 'd'), custodial: false, compliedBy: iv.end,
      duty: iv.kind === 'bail'
        ? L(`${act['zh-CN']}后${days}日内解除取保候审`, `Lift bail within ${days} days of ${act.en}`)
        : L(`${act['zh-CN']}后${days}日内解除监视居住`, `Lift residential surveillance within ${days} days of ${act.en}`),
    })));
}

/**
 * The procuratorate to notify when the suspect was arrested: the one that approved (or was asked
 * to approve) the arrest; '' when arrested but the approving unit is not recorded (any
 * procuratorate then); undefined when never arrested.
 */
function approvingProcuratorate(s: Snapshot, p: string, before: Date): string | undefined {
  const mine = s.relating(p, 'subject').filter((e) => e.time <= before);
  if (!mine.some((e) => e.type === 'person.arrested')) return undefined;
  const approved = mine.filter((e) => e.type === 'person.arrest_approved').at(-1);
  const requested = mine.filter((e) => e.type === 'person.arrest_requested').at(-1);
  return (approved && target(approved, 'unit')) ?? (requested && target(requested, 'target_unit')) ?? '';
}

/**
 * Property seized or frozen and still held at the withdrawal is returned or unfrozen, except
 * categories kept by law (contraband, [D] keptItemCategories). Scope 'suspect': that suspect's property.
 */
function returnItems(s: Snapshot, ctx: RuleContext, r: Ev, holders: Set<string> | undefined, act: { 'zh-CN': string; en: string }): Finding[] {
  const days = ctx.num('itemReturnDays', r.time);
  const kept = new Set(listParam(ctx, 'keptItemCategories'));
  return defined(s.objectsOfType('item').map((item) => {
    if (kept.has(s.attr(item.id, 'category') ?? '')) return undefined;
    const history = s.relating(item.id, 'item');
    const taken = history.filter((e) => (e.type === 'item.seized' || e.type === 'item.frozen') && e.time <= r.time).at(-1);
    if (!taken) return undefined;
    const isRelease = (e: Ev) => e.type === 'item.returned' || e.type === 'item.unfrozen';
    if (history.some((e) => isRelease(e) && e.time >= taken.time && e.time < r.time)) return undefined;
    if (holders && ![...s.linked(item.id, 'subject'), ...targets(taken, 'subject')].some((h) => holders.has(h))) return undefined;
    return deadlineFinding(ctx, {
      subject: { type: 'item', id: item.id }, trigger: r, part: 'return', period: P(days, 'd'), custodial: false, evidence: [taken],
      duty: L(`${act['zh-CN']}后${days}日内解除查封、扣押、冻结并返还财物`, `Lift seizures and freezes and return the property within ${days} days of ${act.en}`),
      compliedBy: firstFrom(history, r.time, isRelease),
    });
  }));
}
