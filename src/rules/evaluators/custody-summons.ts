import { deadlineFinding, L, P, violation, type RuleContext, type RuleEvaluator } from '../engine/context.js';
import { duration, localTime } from '../engine/explain.js';
import { documentPresentAt } from '../engine/facts.js';
import type { Finding } from '../engine/finding.js';
import { type Ev, type Snapshot, target } from '../engine/snapshot.js';
import { firstAtOrAfter, intervalStartedBy, personSubject, sameHuman } from './custody-common.js';
import { criminalSummonsLimit } from './custody-limits.js';

/**
 * Criminal summons (传唤) and forced summons (拘传), catalogue §7a, interchange §10.1: how long
 * they last, no back-to-back summonses, and the paperwork.
 */
const isCriminalSummons = (e: Ev): boolean => e.attrs.measure === 'criminal_summons' || e.attrs.measure === 'forced_summons';
const criminalSummonses = (s: Snapshot): Ev[] => s.ofType('person.summoned').filter((e) => isCriminalSummons(e) && !!target(e, 'subject'));

const DURATION_DUTY = L('传唤、拘传持续时间不得超过12小时（经批准不超过24小时）', 'A summons lasts at most 12 h (24 h with approval)');
const REPEAT_DUTY = L('不得以连续传唤、拘传的形式变相拘禁', 'No back-to-back summonses (disguised detention)');

/** The end of the summons interval of another summons event (of the same human, perhaps another person record). */
const summonsEnd = (s: Snapshot, summons: Ev): Ev | undefined => intervalStartedBy(s, summons)?.end;

/** A new summons within the repeat window of the previous one's end (§10.1; [D] window). */
function repeatFinding(s: Snapshot, ctx: RuleContext, summons: Ev): Finding | undefined {
  const person = target(summons, 'subject')!;
  const humans = sameHuman(s, person);
  const earlier = criminalSummonses(s).filter((e) => humans.includes(target(e, 'subject')!) && e.id !== summons.id && e.time.getTime() <= summons.time.getTime());
  const previous = earlier[earlier.length - 1];
  if (!previous) return undefined;
  const end = summonsEnd(s, previous);
  if (end?.type === 'person.detained') return undefined; // the summons became a detention, not a new summons
  const endAt = end && end.time.getTime() <= summons.time.getTime() ? end.time : summons.time; // still open: no gap at all
  const gap = summons.time.getTime() - endAt.getTime();
  const windowHours = ctx.num('repeatWindowHours', summons.time);
  if (gap >= windowHours * 3_600_000) return undefined;
  return violation(ctx, {
    subject: personSubject(person), trigger: summons, part: 'repeat', duty: REPEAT_DUTY, evidence: [previous, ...(end ? [end] : [])],
    reason: L(
      `上次传唤于${localTime(endAt)}结束，间隔${duration(gap)['zh-CN']}即再次传唤，不足${windowHours}小时`,
      `summoned again ${duration(gap).en} after the previous summons ended at ${localTime(endAt)}, within ${windowHours} h`,
    ),
  });
}

export const CRIM_SUMMONS_DURATION: RuleEvaluator = {
  ruleId: 'CRIM_SUMMONS_DURATION',
  evaluate: (s, ctx) =>
    criminalSummonses(s).flatMap((summons) => {
      const limit = criminalSummonsLimit(s, ctx, summons);
      const f = deadlineFinding(ctx, {
        subject: personSubject(target(summons, 'subject')!), trigger: summons, duty: DURATION_DUTY,
        period: limit.period, custodial: true, compliedBy: summonsEnd(s, summons), evidence: limit.evidence,
      });
      return [f, repeatFinding(s, ctx, summons)].filter((x): x is Finding => !!x);
    }),
};

type PaperState = { state: 'ok'; at: Date } | { state: 'unknown' | 'defective' };

/**
 * A document against groups of alternatives (each group needs one attribute `true`): ok (with
 * the instant the last group became true), unknown (values never sent, §5.2) or defective.
 */
function paperState(s: Snapshot, doc: string, groups: string[][]): PaperState {
  let at = documentPresentAt(s, doc)?.getTime() ?? 0;
  let unknown = false;
  for (const group of groups) {
    const trueSince = group.filter((a) => s.attr(doc, a) === 'true').map((a) => s.attrTime(doc, a)!.getTime());
    if (trueSince.length) at = Math.max(at, Math.min(...trueSince));
    else if (group.some((a) => s.attr(doc, a) !== undefined)) return { state: 'defective' };
    else unknown = true;
  }
  return unknown ? { state: 'unknown' } : { state: 'ok', at: new Date(at) };
}

const RANK = { ok: 0, unknown: 1, defective: 2 } as const;
const SUMMONS_FORMS = ['传唤证', '拘传证'];

/** What must be on paper for a summons (§10.1): the form signed with the times, or the session's 讯问笔录 noting them. */
function paperwork(s: Snapshot, summons: Ev, end: Ev): PaperState | undefined {
  const person = target(summons, 'subject')!;
  if (summons.attrs.form === 'warrant') {
    const linked = summons.rels.filter((r) => r.q === 'document' && SUMMONS_FORMS.includes(s.attr(r.id, 'doc_type') ?? '')).map((r) => r.id);
    const named = s.objectsOfType('document').filter((d) => SUMMONS_FORMS.includes(s.attr(d.id, 'doc_type') ?? '') && s.linked(d.id, 'subject').includes(person)).map((d) => d.id);
    const docs = linked.length ? linked : named;
    const states = docs.map((d) => paperState(s, d, [['subject_signed', 'refusal_noted'], ['times_recorded']]));
    return states.sort((a, b) => RANK[a.state] - RANK[b.state] || (a.state === 'ok' && b.state === 'ok' ? a.at.getTime() - b.at.getTime() : 0))[0] ?? { state: 'defective' };
  }
  if (summons.attrs.form === 'oral') {
    const session = firstAtOrAfter(s.relating(person, 'subject', 'interrogation.started'), summons.time, (e) => e.time.getTime() <= end.time.getTime());
    const transcript = session && target(session, 'document');
    return transcript ? paperState(s, transcript, [['times_recorded']]) : { state: 'defective' };
  }
  return undefined; // surrender or citizen handover: no summons form
}

export const CRIM_SUMMONS_PAPERWORK: RuleEvaluator = {
  ruleId: 'CRIM_SUMMONS_PAPERWORK',
  evaluate: (s, ctx) =>
    criminalSummonses(s).flatMap((summons) => {
      const end = summonsEnd(s, summons);
      if (!end) return []; // the grace runs from the end of the summons
      const paper = paperwork(s, summons, end);
      if (!paper) return [];
      const oral = summons.attrs.form === 'oral';
      const f = deadlineFinding(ctx, {
        subject: personSubject(target(summons, 'subject')!), trigger: summons, start: end.time,
        duty: oral
          ? L('口头传唤的，应在讯问笔录中注明到案方式和到案、离开时间', 'An oral summons is noted in the interrogation transcript with the manner and times of arrival and leaving')
          : L('传唤证、拘传证应由被传唤人签名捺印并填写到案、结束时间', 'The summons form is signed by the person, who writes the arrival and end times on it'),
        period: P(ctx.num('graceHours', summons.time), 'h'), custodial: false,
        compliedAt: paper.state === 'ok' ? paper.at : undefined, evidence: [end],
      });
      // Values never sent (§5.2) are a data gap, not proof of a defect: S4.
      return f ? [paper.state === 'unknown' ? { ...f, severity: 'S4' as const } : f] : [];
    }),
};
