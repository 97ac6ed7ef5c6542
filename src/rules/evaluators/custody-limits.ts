import { computeDeadline, type Interval, type Period } from '../../legal-time/deadline.js';
import type { ApprovalLevel } from '../definition.js';
import { P, type RuleContext } from '../engine/context.js';
import { appraisalIntervals, approvals, levelAtLeast, type PersonEvent } from '../engine/facts.js';
import type { MeasureInterval } from '../engine/measures.js';
import { type Ev, type Snapshot, target } from '../engine/snapshot.js';
import { summonsLimit } from './area-basis.js';
import { firstAtOrAfter } from './custody-common.js';
import { arrestRequestLimit } from './detention.js';

/**
 * The statutory limit of each coercive measure (interchange §10.1, catalogue §7), with the
 * approvals that extend it. An approval's `new_limit` is the total from the anchor (§8.4); it
 * counts only when granted by the required level (or higher, §13) before the running limit
 * passed — a later one "does not cure".
 */
export interface MeasureLimit {
  /** The instant the limit runs from (the measure's start, or the arrest request). */
  start: Date;
  period: Period;
  custodial: boolean;
  excluded?: Interval[];
  /** Approvals and requests the limit rests on (alert evidence). */
  evidence: Ev[];
}

/** One extension tier: new limits up to `max` need `level`, a listed reason, and a limit of at least `after` already in force. */
interface Tier {
  max: number;
  level?: ApprovalLevel;
  reasons?: string[];
  after?: number;
}

interface LimitQuery {
  purpose: string;
  person: string;
  start: Date;
  base: Period;
  custodial: boolean;
  excluded?: Interval[];
  tiers: Tier[];
  /** Only approvals granted by then (default: all as of T). */
  grantedBy?: Date;
}

/** The base limit, raised by each valid approval in time order. */
export function approvedLimit(s: Snapshot, ctx: RuleContext, q: LimitQuery): MeasureLimit {
  let amount = q.base.amount;
  const evidence: Ev[] = [];
  for (const a of approvals(s, q.purpose, { about: q.person, before: q.grantedBy })) {
    if (a.event.time.getTime() < q.start.getTime() || a.newLimit?.unit !== q.base.unit || a.newLimit.amount <= amount) continue;
    const tier = q.tiers.find((t) => a.newLimit!.amount <= t.max);
    if (!tier) continue;
    if (tier.level && !levelAtLeast(a.level, tier.level)) continue;
    if (tier.reasons && !tier.reasons.includes(a.reason ?? '')) continue;
    if (tier.after !== undefined && amount < tier.after) continue;
    const running = computeDeadline({ trigger: q.start, period: P(amount, q.base.unit), custodial: q.custodial, excluded: q.excluded }, ctx.calendar);
    if (running.status !== 'ok') continue;
    const inTime = q.base.unit === 'h' ? a.event.time.getTime() <= running.deadline.getTime() : a.event.time.getTime() < running.deadline.getTime();
    if (!inTime) continue; // too late to cure (§8.4)
    amount = a.newLimit.amount;
    evidence.push(a.event);
  }
  return { start: q.start, period: P(amount, q.base.unit), custodial: q.custodial, excluded: q.excluded, evidence };
}

/** 传唤 / 拘传: 12 h; 24 h with a `summons` approval (传唤: department, 拘传: county) — CPL art.119, MPS-C art.200. */
export function criminalSummonsLimit(s: Snapshot, ctx: RuleContext, summons: Ev): MeasureLimit {
  const forced = summons.attrs.measure === 'forced_summons';
  return approvedLimit(s, ctx, {
    purpose: 'summons', person: target(summons, 'subject')!, start: summons.time, base: P(12, 'h'), custodial: true,
    tiers: [{ max: 24, level: forced ? 'county' : 'department' }],
  });
}

/**
 * Administrative summons: the limit ADMIN_SUMMONS_DURATION judges (area-basis summonsLimit: 8 h of the
 * law version in force, 24 h with a `summons` approval, restarted by a transfer of jurisdiction).
 */
function adminSummonsLimit(s: Snapshot, iv: MeasureInterval<PersonEvent>): MeasureLimit | undefined {
  const limit = summonsLimit(s, iv, target(iv.start, 'subject')!);
  if (!limit) return undefined;
  return { start: limit.start, period: P(limit.hours, 'h'), custodial: true, evidence: [...limit.used, ...(limit.restartedBy ? [limit.restartedBy] : [])] };
}

/** 继续盘问: 12 h; 24 h with county approval; 48 h with county approval for unknown identity after the 24 h one (CQ art.11, 13–14). */
function continuedQuestioningLimit(s: Snapshot, ctx: RuleContext, summons: Ev): MeasureLimit {
  return approvedLimit(s, ctx, {
    purpose: 'continued_questioning', person: target(summons, 'subject')!, start: summons.time, base: P(12, 'h'), custodial: true,
    tiers: [{ max: 24, level: 'county' }, { max: 48, level: 'county', reasons: ['identity_unknown'], after: 24 }],
  });
}

/**
 * 刑事拘留: until the arrest-request deadline (3 days, or as approved); once the request is made
 * in time, until the procuratorate's 7 days from the request run out (CPL art.91).
 */
export function detentionLimit(s: Snapshot, ctx: RuleContext, iv: MeasureInterval<PersonEvent>): MeasureLimit {
  const detention = iv.start;
  const { period, approval } = arrestRequestLimit(s, ctx, detention);
  const evidence = approval ? [approval] : [];
  const requestBy = computeDeadline({ trigger: detention.time, period, custodial: true }, ctx.calendar);
  const before = (e: Ev) => !iv.end || e.time.getTime() <= iv.end.time.getTime();
  const request = firstAtOrAfter(s.relating(target(detention, 'subject')!, 'subject', 'person.arrest_requested'), detention.time, before);
  if (request && requestBy.status === 'ok' && request.time.getTime() < requestBy.deadline.getTime()) {
    return { start: request.time, period: P(7, 'd'), custodial: true, evidence: [...evidence, request] };
  }
  return { start: detention.time, period, custodial: true, evidence };
}

/**
 * 侦查羁押: 2 months from the arrest; 3 with the next-higher procuratorate's approval, then 5 and
 * then 7 with the provincial procuratorate's, each step only once the one before was granted (CPL
 * art.156, 158–159). The suspect's own psychiatric appraisal is excluded (CPL art.149, §9.3).
 */
export function custodyLimit(s: Snapshot, ctx: RuleContext, arrest: Ev, grantedBy?: Date): MeasureLimit {
  const person = target(arrest, 'subject')!;
  return approvedLimit(s, ctx, {
    purpose: 'custody', person, start: arrest.time, base: P(2, 'm'), custodial: true, grantedBy,
    excluded: appraisalIntervals(s, true, person),
    tiers: [
      { max: 3, level: 'upper_procuratorate' },
      { max: 5, level: 'provincial_procuratorate', after: 3 },
      { max: 7, level: 'provincial_procuratorate', after: 5 },
    ],
  });
}

/** 取保候审 at most 12 months (CPL art.79); not custodial, so the last day moves off holidays. */
export const bailLimit = (start: Ev): MeasureLimit => ({ start: start.time, period: P(12, 'm'), custodial: false, evidence: [] });

/** 监视居住 at most 6 months (CPL art.79). */
export const rsdlLimit = (start: Ev): MeasureLimit => ({ start: start.time, period: P(6, 'm'), custodial: false, evidence: [] });

/** 行政拘留: the `days` of the last decision before admission, counted from admission (custodial). */
function adminDetentionLimit(s: Snapshot, jailed: Ev): MeasureLimit | undefined {
  const decisions = s.relating(target(jailed, 'subject')!, 'subject', 'person.admin_detention_decided').filter((e) => e.time.getTime() <= jailed.time.getTime());
  const decision = decisions[decisions.length - 1];
  const days = Number(decision?.attrs.days);
  if (!decision || !Number.isInteger(days) || days <= 0) return undefined;
  return { start: jailed.time, period: P(days, 'd'), custodial: true, evidence: [decision] };
}

/** The limit of any §9.1 interval (undefined when it cannot be known, e.g. a decision without `days`). */
export function measureLimit(s: Snapshot, ctx: RuleContext, iv: MeasureInterval<PersonEvent>): MeasureLimit | undefined {
  switch (iv.kind) {
    case 'criminal_summons': return criminalSummonsLimit(s, ctx, iv.start);
    case 'admin_summons': return adminSummonsLimit(s, iv);
    case 'continued_questioning': return continuedQuestioningLimit(s, ctx, iv.start);
    case 'criminal_detention': return detentionLimit(s, ctx, iv);
    case 'arrest_custody': return custodyLimit(s, ctx, iv.start);
    case 'bail': return bailLimit(iv.start);
    case 'rsdl': return rsdlLimit(iv.start);
    case 'admin_detention': return adminDetentionLimit(s, iv.start);
  }
}
