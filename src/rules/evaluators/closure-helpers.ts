import type { Interval, Period } from '../../legal-time/deadline.js';
import type { Localized, RuleDefinition } from '../definition.js';
import { deadlineFinding, L, violation, type RuleContext } from '../engine/context.js';
import { heldOnLastDay } from '../engine/facts.js';
import type { Finding, Subject } from '../engine/finding.js';
import { type Ev, type Snapshot, targets } from '../engine/snapshot.js';

/**
 * Shared pieces of the closure, dossier and backlog rules (catalogue §11–§12, platform rules):
 * the custodial decision for case-level periods, served notices with their exceptions, and
 * parsing of bureau parameters written as "key:value" lists.
 */
export const firstFrom = (events: Ev[], from: Date, pred: (e: Ev) => boolean = () => true): Ev | undefined =>
  events.find((e) => e.time.getTime() >= from.getTime() && pred(e));

export const defined = <T>(list: Array<T | undefined>): T[] => list.filter((x): x is T => x !== undefined);

/**
 * Whether a case-level period is custodial: per the definition's `limit.custodial`; `if_held`
 * means a suspect of the case is held on the period's last day (§9.1).
 */
export function caseCustodial(s: Snapshot, ctx: RuleContext, def: RuleDefinition, start: Date, period: Period, excluded?: Interval[]): boolean {
  const mode = def.limit?.custodial ?? 'never';
  return mode === 'if_held' ? heldOnLastDay(s, ctx.calendar, start, period, excluded) : mode === 'always';
}

/** notice.served of a type at or after `from`, to a person (`subject`) or a unit (`target_unit`) that `to` accepts. */
export function noticesTo(s: Snapshot, noticeType: string, from: Date, to: { person?: string; unit?: (unitId: string) => boolean }): Ev[] {
  return s.ofType('notice.served').filter((e) =>
    e.time.getTime() >= from.getTime() && e.attrs.notice_type === noticeType
    && ((to.person !== undefined && targets(e, 'subject').includes(to.person)) || (to.unit !== undefined && targets(e, 'target_unit').some(to.unit))));
}

const withoutReason = (e: Ev): boolean => !!e.attrs.exception && !e.attrs.reason?.trim();

/**
 * A notice duty: the first notice served complies; one recorded with an exception
 * (unreachable, refused…) complies only with a written reason — without one it is a violation
 * of its own and the duty stays open until a proper notice follows (§13, as for family notices).
 */
export function noticeDuty(
  ctx: RuleContext,
  spec: { trigger: Ev; subject: Subject; part: string; duty: Localized; period: Period; custodial: boolean; notices: Ev[]; evidence?: Ev[] },
): Finding[] {
  const { notices, ...rest } = spec;
  const compliedBy = notices.find((n) => !withoutReason(n));
  const unexplained = notices.find((n) => withoutReason(n) && (!compliedBy || n.time < compliedBy.time));
  return defined([
    unexplained && violation(ctx, {
      subject: spec.subject, trigger: spec.trigger, part: `${spec.part}:exception`, duty: spec.duty, at: unexplained.time, evidence: [unexplained],
      reason: L(`以“${unexplained.attrs.exception}”为由未能送达，但未写明原因`, `not served on the ground "${unexplained.attrs.exception}" but no reason was written down`),
    }),
    deadlineFinding(ctx, { ...rest, compliedBy }),
  ]);
}

/**
 * Parses a parameter written as "key:value,key:value" (e.g. "0501:180,0502:365" or
 * "90:0.3,180:0.5"). Invalid text is an error that names the rule and parameter, so a bureau
 * sees at once which setting to fix.
 */
export function parsePairs(ctx: RuleContext, name: string, valid: (key: string, value: number) => boolean, expected: string): Array<[string, number]> {
  const text = String(ctx.param(name)).trim();
  if (text === '') return [];
  return text.split(',').map((part) => {
    const m = /^\s*([^:\s]+)\s*:\s*([0-9]+(?:\.[0-9]+)?)\s*$/.exec(part);
    const value = m ? Number(m[2]) : NaN;
    if (!m || !valid(m[1], value)) {
      throw new Error(`rule ${ctx.ruleId} parameter ${name}: "${part.trim()}" in "${text}" is not valid; expected ${expected}`);
    }
    return [m[1], value] as [string, number];
  });
}

/** Comma-separated list parameter. */
export const listParam = (ctx: RuleContext, name: string): string[] =>
  String(ctx.param(name)).split(',').map((x) => x.trim()).filter(Boolean);
