import type { Localized } from '../definition.js';
import { L, P, type RuleContext, violation, type RuleEvaluator } from '../engine/context.js';
import { ageAt, approvals, caseIdOf, levelAtLeast, personMeasures, type PersonEvent } from '../engine/facts.js';
import type { Finding } from '../engine/finding.js';
import type { MeasureInterval } from '../engine/measures.js';
import { type Ev, type Snapshot, target, targets, truthy } from '../engine/snapshot.js';
import { summonsLimit, windowDeadline } from './area-basis.js';
import { ADMIN_COERCIVE_MEASURE_AFTER_THE_FACT, ADMIN_DETENTION_DECIDER_LEVEL, ADMIN_ONSITE_PENALTY_FILED_24H, ADMIN_QUICK_PROCESS_48H } from './measures-extra-admin.js';

/**
 * Administrative / 治安 coercive measures, catalogue §7b: the summons and its family notice,
 * continued questioning (继续盘问) with its approvals, and administrative detention (行政拘留):
 * the family notice and the persons on whom it is never executed. Limits come from the rule
 * version in force at the trigger (PSAPL 2012 / 2025), so a new law version changes data only.
 */
const HOUR = 3_600_000;
const present = (f: Finding | undefined): f is Finding => f !== undefined;
const person = (id: string) => ({ type: 'person' as const, id });

interface Summons {
  trigger: Ev;
  person: string;
  iv: MeasureInterval<PersonEvent>;
  /** The person's previous summons of the same measure, and the next one. */
  prev?: MeasureInterval<PersonEvent>;
  next?: Ev;
}

/** Summonses of one measure with their §9.1 intervals, in time order per person. */
function summonses(s: Snapshot, measure: string): Summons[] {
  const out: Summons[] = [];
  for (const trigger of s.ofType('person.summoned').filter((e) => e.attrs.measure === measure)) {
    const who = target(trigger, 'subject');
    const iv = who ? personMeasures(s, who).intervals.find((i) => i.start.id === trigger.id) : undefined;
    if (!who || !iv) continue;
    const before = out.findLast((x) => x.person === who);
    if (before) before.next = trigger;
    out.push({ trigger, person: who, iv, prev: before?.iv });
  }
  return out;
}

const EXCEPTION_ZH: Record<string, string> = {
  identity_unknown: '身份不明', no_family: '无家属', unreachable: '无法联系', refused_contact: '拒绝提供联系方式',
  force_majeure: '不可抗力', hinder_investigation: '有碍侦查',
};

interface NoticeSpec {
  trigger: Ev;
  measure: string;
  hours: number;
  duty: Localized;
  /** Exceptions that excuse the notice when a reason is written down. */
  allowed: Set<string>;
  part?: string;
  /** Notices from this instant on belong to a later measure. */
  until?: Date;
  /** The notice (or why none was given) must be recorded in the 询问笔录 (MPS-A art.67, 70). */
  inTranscript?: boolean;
}

/**
 * A family notice due `hours` after the trigger: a notice, or an allowed exception with its
 * reason, complies; an exception that is not allowed here or has no reason is a violation of
 * its own (§13) and complies with nothing.
 */
function familyNotice(s: Snapshot, ctx: RuleContext, spec: NoticeSpec): Finding[] {
  const who = target(spec.trigger, 'subject');
  if (!who) return [];
  const { trigger, duty } = spec;
  const part = (x: string) => (spec.part ? `${spec.part}_${x}` : x);
  const notices = s.relating(who, 'subject', 'person.family_notified').filter((e) =>
    e.attrs.measure === spec.measure && e.time >= trigger.time && (!spec.until || e.time < spec.until));
  const valid = (n: Ev) => !n.attrs.exception || (spec.allowed.has(n.attrs.exception) && !!n.attrs.reason?.trim());
  const compliedBy = notices.find(valid);
  const invalid = notices.find((n) => !valid(n) && (!compliedBy || n.time <= compliedBy.time));
  const out: Array<Finding | undefined> = [];
  if (invalid) {
    const exception = invalid.attrs.exception!;
    out.push(violation(ctx, {
      subject: person(who), trigger, part: part('exception'), duty, at: invalid.time, evidence: [invalid],
      reason: spec.allowed.has(exception)
        ? L(`以“${EXCEPTION_ZH[exception] ?? exception}”为由未通知家属，但未写明原因`, `the family was not notified ("${exception}") and no reason was written down`)
        : L(`所报“${EXCEPTION_ZH[exception] ?? exception}”不是本措施可不通知家属的情形`, `"${exception}" is not a ground for not notifying the family of this measure`),
    }));
  }
  out.push(windowDeadline(ctx, { subject: person(who), trigger, part: spec.part, duty, minutes: spec.hours * 60, compliedBy }));
  if (spec.inTranscript && compliedBy && !targets(compliedBy, 'document').some((d) => s.attr(d, 'doc_type') === '询问笔录')) {
    out.push(violation(ctx, {
      subject: person(who), trigger, part: part('record'), duty, at: compliedBy.time, evidence: [compliedBy],
      reason: L('通知家属情况（或无法通知的原因）未记入询问笔录', 'the notice (or why none was given) is not recorded in the questioning record'),
    }));
  }
  return out.filter(present);
}

export const ADMIN_SUMMONS_DURATION: RuleEvaluator = {
  ruleId: 'ADMIN_SUMMONS_DURATION',
  evaluate: (s, ctx) =>
    summonses(s, 'admin_summons').flatMap(({ trigger, person: who, iv, prev }) => {
      const limit = summonsLimit(s, iv, who);
      if (!limit) return [];
      // WARN 6 h of 8 (the definition's fraction); an extended limit warns a set time before it (20 of 24 h).
      const warn = limit.hours > limit.baseHours ? { before: P(ctx.num('extendedWarnBeforeHours', trigger.time), 'h') } : undefined;
      // A transfer of jurisdiction restarts the clock (MPS-A art.62).
      const restarted = limit.restartedBy ? L('（移送管辖后重新计算）', ' (counted again from the transfer of jurisdiction)') : L('', '');
      const out: Array<Finding | undefined> = [windowDeadline(ctx, {
        subject: person(who), trigger, start: limit.start, minutes: limit.hours * 60, warn, compliedBy: iv.end,
        evidence: [...limit.used, ...(limit.restartedBy ? [limit.restartedBy] : [])],
        duty: L(`治安传唤后询问查证时间不得超过${limit.hours}小时${restarted['zh-CN']}`, `Questioning after an administrative summons lasts at most ${limit.hours} h${restarted.en}`),
      })];
      const prevEnd = prev?.end?.time;
      const windowHours = ctx.num('repeatWindowHours', trigger.time);
      if (prev && prevEnd && trigger.time.getTime() - prevEnd.getTime() <= windowHours * HOUR) {
        const gap = Math.round((trigger.time.getTime() - prevEnd.getTime()) / 60_000);
        out.push(violation(ctx, {
          subject: person(who), trigger, part: 'repeat', evidence: [prev.start, ...(prev.end ? [prev.end] : [])],
          duty: L(`不得以连续传唤形式变相拘禁（上次传唤结束后${windowHours}小时内不得再次传唤）`, `No back-to-back summonses (none within ${windowHours} h of the last one's end)`),
          reason: L(`上次传唤结束后${gap}分钟即再次传唤`, `summoned again ${gap} min after the previous summons ended`),
        }));
      }
      return out.filter(present);
    }),
};

export const ADMIN_SUMMONS_NOTIFY_FAMILY: RuleEvaluator = {
  ruleId: 'ADMIN_SUMMONS_NOTIFY_FAMILY',
  evaluate: (s, ctx) =>
    summonses(s, 'admin_summons').flatMap(({ trigger, next }) => familyNotice(s, ctx, {
      trigger, measure: 'admin_summons', hours: ctx.num('noticeHours', trigger.time), until: next?.time, inTranscript: true,
      allowed: new Set(['identity_unknown', 'refused_contact', 'force_majeure']),
      duty: L('治安传唤后立即将传唤原因和处所通知家属，并记入询问笔录', 'Tell the family the reason and place of the summons at once and record it in the questioning record'),
    })),
};

/** Notice exceptions for continued questioning and administrative detention: notice impossible, never "hinders the case". */
const NOTICE_IMPOSSIBLE = new Set(['identity_unknown', 'no_family', 'unreachable', 'refused_contact', 'force_majeure']);

export const ADMIN_CONTINUED_QUESTIONING: RuleEvaluator = {
  ruleId: 'ADMIN_CONTINUED_QUESTIONING',
  evaluate: (s, ctx) =>
    summonses(s, 'continued_questioning').flatMap(({ trigger, person: who, iv, prev, next }) => {
      const limit = summonsLimit(s, iv, who);
      if (!limit) return [];
      const subject = person(who);
      const duty = L(`继续盘问不得超过经批准的时限（${limit.hours}小时）`, `Continued questioning stays within its approved limit (${limit.hours} h)`);
      const out: Array<Finding | undefined> = [
        windowDeadline(ctx, { subject, trigger, duty, minutes: limit.hours * 60, compliedBy: iv.end, evidence: limit.used }),
      ];
      // Only a police station applies continued questioning (CQ art.11, MPS-A art.57).
      const level = s.attr(target(trigger, 'unit'), 'level');
      if (level && level !== 'station') {
        out.push(violation(ctx, {
          subject, trigger, part: 'unit', duty: L('继续盘问只能由派出所实施', 'Only a police station applies continued questioning'),
          reason: L('实施继续盘问的单位不是派出所', 'the unit applying it is not a police station'),
        }));
      }
      // The first 12 h need the station head's approval: judged when the questioning ends, at the latest when 12 h have passed.
      const judgedAt = Math.min(iv.end?.time.getTime() ?? Infinity, trigger.time.getTime() + limit.baseHours * HOUR);
      const after = prev?.end?.time.getTime() ?? -Infinity;
      const approved = approvals(s, 'continued_questioning', { about: who })
        .some((a) => levelAtLeast(a.level, 'department') && a.event.time.getTime() > after && a.event.time.getTime() <= judgedAt);
      if (judgedAt <= s.asOf.getTime() && !approved) {
        out.push(violation(ctx, {
          subject, trigger, part: 'approval', at: new Date(judgedAt),
          duty: L('继续盘问应经派出所负责人批准', 'Continued questioning is approved by the station head'),
          reason: L('无继续盘问审批记录', 'no approval of the continued questioning on record'),
        }));
      }
      out.push(...familyNotice(s, ctx, {
        trigger, measure: 'continued_questioning', hours: ctx.num('familyNoticeHours', trigger.time), part: 'family', until: next?.time,
        allowed: NOTICE_IMPOSSIBLE,
        duty: L('继续盘问后立即通知家属或单位', 'Tell the family (or employer) of the continued questioning at once'),
      }));
      return out.filter(present);
    }),
};

/** Decisions of administrative detention to be executed (execute = false: 依法不执行, nobody is detained). */
const executedDecisions = (s: Snapshot): Ev[] => s.ofType('person.admin_detention_decided').filter((e) => e.attrs.execute !== 'false');

export const ADMIN_DETENTION_NOTIFY_FAMILY: RuleEvaluator = {
  ruleId: 'ADMIN_DETENTION_NOTIFY_FAMILY',
  evaluate: (s, ctx) =>
    executedDecisions(s).flatMap((trigger, i, all) => {
      const who = target(trigger, 'subject');
      const next = all.slice(i + 1).find((e) => target(e, 'subject') === who);
      return familyNotice(s, ctx, {
        trigger, measure: 'admin_detention', hours: ctx.num('noticeHours', trigger.time), until: next?.time, allowed: NOTICE_IMPOSSIBLE,
        duty: L('作出行政拘留决定后及时将处罚情况和执行场所通知家属', 'Tell the family of the detention and where it is served promptly'),
      });
    }),
};

/**
 * Why detention may not be executed on the person (PSAPL 2012 art.21): `exempt` when certain;
 * `undecided` when the records cannot tell (16–<18 without first_violation, §10.3; or, where
 * the version in force lets serious or repeat juvenile cases be detained, any juvenile).
 */
function exemption(s: Snapshot, ctx: RuleContext, who: string, decision: Ev | undefined, at: Date): { exempt?: Localized; undecided?: Localized } {
  if (s.attr(who, 'pregnant', at) === 'true') return { exempt: L('怀孕', 'pregnant') };
  if (s.attr(who, 'nursing', at) === 'true') return { exempt: L('哺乳自己不满1周岁的婴儿', 'nursing her own infant under one') };
  const occurred = s.attr(caseIdOf(s), 'occurred_at');
  const reference = occurred && !Number.isNaN(Date.parse(occurred)) ? new Date(occurred) : (decision?.time ?? at);
  const age = ageAt(s, who, reference);
  if (age === undefined) return {};
  if (age >= 70) return { exempt: L(`已满70周岁（${age}周岁）`, `aged 70 or over (${age})`) };
  if (age >= 18) return {};
  const first = decision?.attrs.first_violation;
  if (age < 14) return { exempt: L(`未满14周岁（${age}周岁），依法不予处罚`, `under 14 (${age}), not punishable at all`) };
  let juvenile: Localized | undefined;
  if (age < 16) juvenile = L(`已满14周岁不满16周岁（${age}周岁）`, `aged 14 to under 16 (${age})`);
  else if (truthy(first)) juvenile = L(`已满16周岁不满18周岁（${age}周岁）且初次违法`, `aged 16 to under 18 (${age}), first violation`);
  else if (first === undefined) return { undecided: L(`已满16周岁不满18周岁（${age}周岁），未提供是否初次违法，无法判断`, `aged 16 to under 18 (${age}); whether it is a first violation is not on record`) };
  if (!juvenile) return {};
  const seriousMayExecute = String(ctx.param('juvenileSeriousCaseExecutable', decision?.time ?? at)) === 'true';
  return seriousMayExecute
    ? { undecided: L(`${juvenile['zh-CN']}；新法规定情节严重或多次违法的可以执行，记录无法判断`, `${juvenile.en}; the law in force allows detention in serious or repeat cases, which the records cannot tell`) }
    : { exempt: juvenile };
}

/** The finding an exemption gives at `at`: exempt (S1, no part), or `undecided` (S3); undefined if neither. */
function exemptionVerdict(s: Snapshot, ctx: RuleContext, who: string, decision: Ev | undefined, at: Date): { part?: 'undecided'; reason: Localized } | undefined {
  const { exempt, undecided } = exemption(s, ctx, who, decision, at);
  if (exempt) return { reason: L(`被处罚人${exempt['zh-CN']}，依法不执行行政拘留`, `the person is ${exempt.en}: detention is not executed`) };
  return undecided ? { part: 'undecided', reason: undecided } : undefined;
}

export const ADMIN_DETENTION_EXEMPT_PERSON: RuleEvaluator = {
  ruleId: 'ADMIN_DETENTION_EXEMPT_PERSON',
  evaluate: (s, ctx) =>
    s.ofType('person.admin_detention_decided', 'person.jailed').flatMap((trigger) => {
      const who = target(trigger, 'subject');
      if (!who) return [];
      let decision: Ev | undefined = trigger;
      if (trigger.type === 'person.jailed') {
        if (s.attr(target(trigger, 'unit'), 'level') !== 'admin_detention_facility') return [];
        decision = s.relating(who, 'subject', 'person.admin_detention_decided').filter((d) => d.time <= trigger.time).at(-1);
      } else if (trigger.attrs.execute !== 'true') {
        return [];
      }
      const verdict = exemptionVerdict(s, ctx, who, decision, trigger.time);
      if (!verdict) return [];
      // An executed decision judged the same fact already: no second alert at admission.
      if (decision && decision !== trigger && decision.attrs.execute === 'true') {
        const atDecision = exemptionVerdict(s, ctx, who, decision, decision.time);
        if (atDecision && atDecision.part === verdict.part && atDecision.reason['zh-CN'] === verdict.reason['zh-CN']) return [];
      }
      const duty = L('对依法不执行行政拘留的人员不得执行行政拘留', 'Administrative detention is not executed on persons the law exempts');
      const evidence = decision && decision !== trigger ? [decision] : [];
      const f = verdict.part
        ? violation(ctx, { subject: person(who), trigger, part: verdict.part, severity: 'S3', duty, evidence, reason: verdict.reason })
        : violation(ctx, { subject: person(who), trigger, duty, evidence, reason: verdict.reason });
      return f ? [f] : [];
    }),
};

/** Catalogue §7b, core rules. */
export const ADMIN_MEASURES_EVALUATORS: RuleEvaluator[] = [
  ADMIN_SUMMONS_DURATION, ADMIN_SUMMONS_NOTIFY_FAMILY, ADMIN_CONTINUED_QUESTIONING, ADMIN_DETENTION_NOTIFY_FAMILY, ADMIN_DETENTION_EXEMPT_PERSON,
  ADMIN_COERCIVE_MEASURE_AFTER_THE_FACT, ADMIN_QUICK_PROCESS_48H, ADMIN_ONSITE_PENALTY_FILED_24H, ADMIN_DETENTION_DECIDER_LEVEL,
];
