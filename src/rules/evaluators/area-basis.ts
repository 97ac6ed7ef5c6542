import type { Period } from '../../legal-time/deadline.js';
import type { ApprovalLevel, RuleDefinition } from '../definition.js';
import { ruleById } from '../definitions/index.js';
import { deadlineFinding, P, type DeadlineSpec, type RuleContext } from '../engine/context.js';
import { approvals, levelAtLeast, type PersonEvent } from '../engine/facts.js';
import type { Finding } from '../engine/finding.js';
import type { MeasureInterval } from '../engine/measures.js';
import { type Ev, type Snapshot, target } from '../engine/snapshot.js';

/**
 * The limits of a person's legal basis for being held (summonses and continued questioning,
 * with their approvals), shared by the summons rules (§7b) and the area stay limit (§8), and a
 * deadline for windows that are not whole hours (the 15-minute area windows, hour parameters a
 * bureau may set to half an hour).
 */
const HOUR = 3_600_000;

export interface Tier {
  newLimit: Period;
  level?: ApprovalLevel;
  reasons?: string[];
}

export interface ApprovedLimit {
  hours: number;
  /** Approvals that raised the limit. */
  used: Ev[];
}

/**
 * The hour limit of a measure started at `start`: the base, raised by approvals of `purpose`
 * for the person (§8.4: new_limit is the total from the anchor; an approval granted after the
 * running limit passed cures nothing). Each approval may only reach the next tier (no jump
 * 12 → 48 h); a tier's level is a minimum (§13) and its reasons, if listed, are required.
 */
export function approvedHours(s: Snapshot, purpose: string, person: string, start: Date, baseHours: number, tiers: Tier[]): ApprovedLimit {
  const steps = tiers.filter((t) => t.newLimit.unit === 'h').sort((a, b) => a.newLimit.amount - b.newLimit.amount);
  let hours = baseHours;
  const used: Ev[] = [];
  for (const a of approvals(s, purpose, { about: person })) {
    if (a.event.time.getTime() < start.getTime()) continue;
    const wanted = a.newLimit?.unit === 'h' ? a.newLimit.amount : undefined;
    if (wanted === undefined || wanted <= hours) continue;
    const next = steps.find((t) => t.newLimit.amount > hours);
    const inTime = a.event.time.getTime() <= start.getTime() + hours * HOUR;
    const ok = next !== undefined && wanted <= next.newLimit.amount && inTime
      && (!next.level || levelAtLeast(a.level, next.level))
      && (!next.reasons || next.reasons.includes(a.reason ?? ''));
    if (ok) {
      hours = wanted;
      used.push(a.event);
    }
  }
  return { hours, used };
}

export type SummonsKind = 'criminal_summons' | 'admin_summons' | 'continued_questioning';

export interface SummonsLimit extends ApprovedLimit {
  definition: RuleDefinition;
  baseHours: number;
  /** The instant `hours` run from: the summons, or the transfer of jurisdiction that restarted it. */
  start: Date;
  /** The case.transferred that restarted the clock, if one did. */
  restartedBy?: Ev;
}

/** The rule whose definition holds each summons kind's limits. */
const LIMIT_RULE: Record<SummonsKind, string> = {
  criminal_summons: 'CRIM_SUMMONS_DURATION',
  admin_summons: 'ADMIN_SUMMONS_DURATION',
  continued_questioning: 'ADMIN_CONTINUED_QUESTIONING',
};

/**
 * The limit of a summons interval, from the definition in force at its start (so a law version
 * changes data only): criminal 12 h / 24 h approved (传唤 by the department head, 拘传 at
 * county level); administrative 8 h / 24 h, restarted by a transfer of jurisdiction before it
 * runs out; continued questioning 12 → 24 → 48 h.
 */
export function summonsLimit(s: Snapshot, iv: MeasureInterval<PersonEvent>, person: string): SummonsLimit | undefined {
  const kind = iv.kind as SummonsKind;
  if (!(kind in LIMIT_RULE)) return undefined;
  const definition = ruleById(LIMIT_RULE[kind], iv.start.time);
  if (!definition?.limit || definition.limit.unit !== 'h') return undefined;
  const purpose = kind === 'continued_questioning' ? 'continued_questioning' : 'summons';
  let tiers: Tier[] = (definition.extensions ?? []).filter((x) => x.approvalFor === purpose);
  if (kind === 'criminal_summons') {
    const level: ApprovalLevel = iv.start.attrs?.measure === 'forced_summons' ? 'county' : 'department';
    tiers = tiers.filter((x) => x.level === level);
  }
  const baseHours = definition.limit.amount;
  let start = iv.start.time;
  let restartedBy: Ev | undefined;
  let limit = approvedHours(s, purpose, person, start, baseHours, tiers);
  if (kind === 'admin_summons') {
    for (const transfer of transfersDuring(s, iv)) {
      if (transfer.time.getTime() <= start.getTime()) continue;
      if (transfer.time.getTime() > start.getTime() + limit.hours * HOUR) break; // an overrun is not cured
      start = transfer.time;
      restartedBy = transfer;
      limit = approvedHours(s, purpose, person, start, baseHours, tiers);
    }
  }
  return { definition, baseHours, start, restartedBy, ...limit };
}

/**
 * Transfers of jurisdiction (case.transferred, 移送管辖) of the summons' case while it was open:
 * they restart the 询问查证 clock of an administrative summons (MPS-A art.62, catalogue §1.4).
 * Approvals then count from the restart only.
 */
function transfersDuring(s: Snapshot, iv: MeasureInterval<PersonEvent>): Ev[] {
  const caseId = target(iv.start, 'case');
  const from = iv.start.time.getTime();
  const to = iv.end?.time.getTime() ?? Infinity;
  return s.ofType('case.transferred').filter((e) =>
    (!caseId || target(e, 'case') === caseId) && e.time.getTime() > from && e.time.getTime() < to);
}

/**
 * A deadline over a window of minutes (e.g. 15 min [D] from arrival to the area): whole hours
 * are an hour period, anything else a minute period. Both run on the wall clock and never move
 * for holidays.
 */
export function windowDeadline(ctx: RuleContext, spec: Omit<DeadlineSpec, 'period' | 'custodial'> & { minutes: number }): Finding | undefined {
  const { minutes, ...rest } = spec;
  if (!(minutes >= 0)) return undefined;
  const period = Number.isInteger(minutes / 60) ? P(minutes / 60, 'h') : P(Math.round(minutes), 'min');
  return deadlineFinding(ctx, { ...rest, period, custodial: true });
}
