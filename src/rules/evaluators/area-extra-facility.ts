import { L, violation, type RuleEvaluator } from '../engine/context.js';
import { localTime } from '../engine/explain.js';
import { documentPresentAt, documentsOfType, personMeasures } from '../engine/facts.js';
import type { Finding } from '../engine/finding.js';
import { type Ev, type Snapshot, target, targets } from '../engine/snapshot.js';

/**
 * Detention facilities (catalogue §8, non-core): who may be put into one, and what the 看守所
 * needs at admission. No §10.1 row: each decision procedure is derived from the catalogue and the
 * contract (§6–§8) and written on its evaluator.
 */
const present = (f: Finding | undefined): f is Finding => f !== undefined;

const SUMMONS_MEASURES = new Set(['continued_questioning', 'criminal_summons', 'forced_summons', 'admin_summons']);
const MEASURE_ZH: Record<string, string> = { continued_questioning: '继续盘问', criminal_summons: '传唤', forced_summons: '拘传', admin_summons: '治安传唤' };

/** A decision that lawfully puts a person into a facility: criminal detention, arrest, executed 行政拘留. */
const isDecision = (e: Ev) =>
  e.type === 'person.detained' || e.type === 'person.arrested' || (e.type === 'person.admin_detention_decided' && e.attrs.execute !== 'false');

/** What ends a standing decision: a release, or a change to bail or RSDL (§9.1). */
const LIFTS = new Set(['person.released', 'person.bail_started', 'person.rsdl_started']);

/** Whether a detention decision stands at a jailing: the latest decision, release or change to bail/RSDL up to then is a decision. */
function decidedBy(s: Snapshot, person: string, jailed: Ev): boolean {
  const last = s.relating(person, 'subject')
    .filter((e) => e.time.getTime() <= jailed.time.getTime() && (isDecision(e) || LIFTS.has(e.type)))
    .pop();
  return !!last && isDecision(last);
}

/**
 * AREA_NOT_INTO_DETENTION_FACILITY (CQ art.30). Trigger: person.summoned `continued_questioning`
 * — and, by analogy (catalogue consistency note), `criminal_summons`, `forced_summons`,
 * `admin_summons`. Violation at the first person.jailed (看守所 or 拘留所) of the subject while the
 * summons interval (§9.1) is open — for an administrative summons, the jailing that ends it —
 * unless a detention decision (person.detained, person.arrested, or person.admin_detention_decided
 * with execute) stands at that instant (none, or a release or change to bail/RSDL since). Not checkable: other holding
 * facilities than those the contract records admissions to.
 */
export const AREA_NOT_INTO_DETENTION_FACILITY: RuleEvaluator = {
  ruleId: 'AREA_NOT_INTO_DETENTION_FACILITY',
  evaluate: (s, ctx) => s.ofType('person.summoned').filter((e) => SUMMONS_MEASURES.has(e.attrs.measure)).map((summoned) => {
    const person = target(summoned, 'subject');
    if (!person) return undefined;
    const iv = personMeasures(s, person).intervals.find((i) => i.start.id === summoned.id);
    if (!iv) return undefined;
    const from = summoned.time.getTime();
    const to = (iv.end?.time ?? s.asOf).getTime();
    const jailed = s.relating(person, 'subject', 'person.jailed')
      .find((j) => j.time.getTime() >= from && j.time.getTime() <= to && !decidedBy(s, person, j));
    if (!jailed) return undefined;
    const measure = MEASURE_ZH[summoned.attrs.measure] ?? summoned.attrs.measure;
    return violation(ctx, {
      subject: { type: 'person', id: person }, trigger: summoned, at: jailed.time, evidence: [jailed],
      duty: L(`${measure}期间未作出拘留决定的，不得送入看守所、拘留所等羁押场所`, `A person under ${summoned.attrs.measure}, with no detention decision, is never put into a detention facility`),
      reason: L(`${localTime(jailed.time)}在未作出拘留决定的情况下被送入羁押场所`, `admitted to a detention facility at ${localTime(jailed.time)} without a detention decision`),
    });
  }).filter(present),
};

const WARRANT_BY_MEASURE: Record<string, string[]> = { criminal_detention: ['拘留证'], arrest_custody: ['逮捕证'] };

/** The warrants an admission rests on: by the custody open then (拘留证 / 逮捕证), else either. */
function warrantTypes(s: Snapshot, person: string, at: Date): string[] {
  const open = personMeasures(s, person).intervals.filter((iv) => iv.start.time <= at && (!iv.end || iv.end.time > at));
  return open.map((iv) => WARRANT_BY_MEASURE[iv.kind]).find((x) => x !== undefined) ?? ['拘留证', '逮捕证'];
}

/** Warrants of those types naming the person (O2O subject) or related by the admission, present by then (§9.2). */
function warrantsAtAdmission(s: Snapshot, person: string, jailed: Ev, types: string[]): string[] {
  const onAdmission = new Set(targets(jailed, 'document'));
  const t = jailed.time.getTime();
  return documentsOfType(s, ...types).filter((d) => onAdmission.has(d) || (s.linked(d, 'subject').includes(person) && (
    (documentPresentAt(s, d)?.getTime() ?? Infinity) <= t || (Date.parse(s.attr(d, 'issued_at') ?? '') <= t))));
}

/**
 * JAIL_INTAKE_CHECKS (MPS-C art.153–155). Trigger: person.jailed at a unit of level
 * `detention_center` (看守所). Immediate checks:
 * - part 'warrant': a warrant is present at admission — the 拘留证 under criminal detention, the
 *   逮捕证 under arrest custody (either when no custody is open), naming the person or related by
 *   the admission, present (§9.2) or issued no later than it;
 * - part 'arrival_time': the arrival time is written on it — times_recorded false on every such
 *   warrant is a violation; unknown is no finding (§5.2).
 * Not checkable: the health and body-surface check and the safety check of person and belongings
 * with their signed 笔录 — the contract carries no 看守所 intake record (area.security_checked
 * is the case-handling area's check).
 */
export const JAIL_INTAKE_CHECKS: RuleEvaluator = {
  ruleId: 'JAIL_INTAKE_CHECKS',
  evaluate: (s, ctx) => s.ofType('person.jailed').flatMap((jailed) => {
    const person = target(jailed, 'subject');
    if (!person || s.attr(target(jailed, 'unit'), 'level') !== 'detention_center') return [];
    const types = warrantTypes(s, person, jailed.time);
    const warrants = warrantsAtAdmission(s, person, jailed, types);
    const subject = { type: 'person' as const, id: person };
    const name = types.join('或');
    if (!warrants.length) {
      return [violation(ctx, {
        subject, trigger: jailed, part: 'warrant',
        duty: L('看守所应凭拘留证、逮捕证收押', 'The detention house admits a person only on a detention or arrest warrant'),
        reason: L(`收押时没有${name}`, `no ${types.map((x) => (x === '拘留证' ? 'detention' : 'arrest')).join(' or ')} warrant at admission`),
      })].filter(present);
    }
    if (!warrants.every((d) => s.attr(d, 'times_recorded') === 'false')) return [];
    return [violation(ctx, {
      subject, trigger: jailed, part: 'arrival_time',
      duty: L('看守所收押时应在拘留证、逮捕证上注明到达看守所的时间', 'The detention house writes the arrival time on the warrant at admission'),
      reason: L(`${name}上未注明到达看守所的时间`, 'the warrant does not record the arrival time'),
    })].filter(present);
  }),
};
