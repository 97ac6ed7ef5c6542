import { addDays, localDateOf, startOfLocalDay } from '../../legal-time/local-date.js';
import { type DeadlineSpec, deadlineFinding, L, P, type RuleContext, type RuleEvaluator } from '../engine/context.js';
import { caseIdOf, caseKind } from '../engine/facts.js';
import type { Finding } from '../engine/finding.js';
import { type Ev, type Snapshot } from '../engine/snapshot.js';
import { defined, firstFrom, parsePairs } from './closure-helpers.js';

/**
 * Platform rules of the bureau's supervision practice (not in the catalogue): backlog cases
 * (积案) and the progress of asset recovery (追赃挽损). Both count days from a case event, are
 * not custodial, and take every number from bureau parameters.
 */
const DAY_MS = 86_400_000;
const caseSubject = (s: Snapshot) => ({ type: 'case' as const, id: caseIdOf(s)! });

/**
 * The unshifted end of a day period and its warning point. Holidays only move a deadline later,
 * so a duty done before this warning point raises nothing however the calendar falls — and
 * needs no calendar (one that may not cover next year yet).
 */
function unshifted(start: Date, days: number, warnDays: number): { deadline: Date; warnAt: Date } {
  const deadline = startOfLocalDay(addDays(localDateOf(start), days + 1));
  return { deadline, warnAt: new Date(deadline.getTime() - warnDays * DAY_MS) };
}


const wholeDays = (v: number) => Number.isInteger(v) && v > 0;

/** The backlog age of the case: the longest matching category prefix of `categoryDays`, else the kind's default. */
function backlogDays(s: Snapshot, ctx: RuleContext, kind: 'criminal' | 'administrative', at: Date): number {
  const overrides = parsePairs(ctx, 'categoryDays', (_, v) => wholeDays(v), '"category-prefix:days,…" with whole days > 0, e.g. "0501:180,0502:365"');
  const category = s.attr(caseIdOf(s), 'category') ?? '';
  const match = overrides.filter(([prefix]) => category.startsWith(prefix)).sort((a, b) => b[0].length - a[0].length)[0];
  return match ? match[1] : ctx.num(kind === 'criminal' ? 'criminalDays' : 'administrativeDays', at);
}

/** Events that end a case for the backlog: closed, decided, revoked or sent for prosecution. */
const CASE_ENDINGS = ['case.closed', 'case.decided', 'case.revoked', 'case.sent_for_prosecution'];

export const CASE_BACKLOG: RuleEvaluator = {
  ruleId: 'CASE_BACKLOG',
  evaluate: (s, ctx) => {
    const kind = caseKind(s);
    const accepted = s.ofType('case.accepted')[0];
    if (!kind || !accepted) return [];
    const days = backlogDays(s, ctx, kind, accepted.time);
    const warnDays = ctx.num('warnDays', accepted.time);
    const ended = firstFrom(s.ofType(...CASE_ENDINGS), accepted.time);
    const { warnAt } = unshifted(accepted.time, days, warnDays);
    if (ended && ended.time < warnAt) return [];
    const f = deadlineFinding(ctx, {
      subject: caseSubject(s), trigger: accepted, period: P(days, 'd'), custodial: false, warn: { before: P(warnDays, 'd') }, compliedBy: ended,
      duty: L(`案件应在受案后${days}日内办结，逾期列为积案`, `Finish the case within ${days} days of acceptance or it becomes a backlog case`),
    });
    return f ? [f] : [];
  },
};

/** The recovery curve, points in day order: after `days` days at least `share` of the loss is recovered. */
function recoveryCurve(ctx: RuleContext): Array<{ days: number; share: number }> {
  return parsePairs(ctx, 'curve', (k, v) => /^\d+$/.test(k) && wholeDays(Number(k)) && v > 0 && v <= 1, '"days:share,…" with whole days > 0 and a share in (0, 1], e.g. "90:0.3,180:0.5"')
    .map(([k, share]) => ({ days: Number(k), share }))
    .sort((a, b) => a.days - b.days);
}

/** The first recovery at which the cumulative recovered amount reaches `required` (cent tolerance). */
function reachedBy(recoveries: Ev[], required: number): Ev | undefined {
  let total = 0;
  for (const e of recoveries) {
    const amount = Number(e.attrs.amount);
    if (Number.isFinite(amount)) total += amount;
    if (total >= required - 0.005) return e;
  }
  return undefined;
}

/** Events after which the case is no longer the police's to recover for. */
const RECOVERY_ENDINGS = ['case.closed', 'case.revoked', 'case.sent_for_prosecution'];

/** Measures that show a suspect was caught (破案), from which recovery can be pursued. */
const SOLVED = ['person.detained', 'person.arrested', 'person.summoned', 'person.bail_started', 'person.rsdl_started'];

/**
 * Where the curve counts from: `solved` (default) — the first measure against a suspect after
 * filing, since proceeds are traced from the offender and an unsolved case is the backlog rule's
 * business; `filed` — the filing itself.
 */
function recoveryStart(s: Snapshot, ctx: RuleContext, filed: Ev): Ev | undefined {
  const anchor = String(ctx.param('countFrom', filed.time));
  if (anchor === 'filed') return filed;
  if (anchor !== 'solved') throw new Error(`ASSET_RECOVERY_PROGRESS parameter countFrom must be "solved" or "filed", got "${anchor}"`);
  return firstFrom(s.ofType(...SOLVED), filed.time);
}

export const ASSET_RECOVERY_PROGRESS: RuleEvaluator = {
  ruleId: 'ASSET_RECOVERY_PROGRESS',
  evaluate: (s, ctx) => {
    if (caseKind(s) !== 'criminal') return [];
    const filed = s.ofType('case.filed')[0];
    const loss = Number(s.attr(caseIdOf(s), 'loss_amount'));
    if (!filed || !(loss > 0)) return [];
    const start = recoveryStart(s, ctx, filed);
    if (!start) return [];
    const from = start === filed ? L('立案', 'filing') : L('破案（首次对嫌疑人采取措施）', 'the first measure against a suspect');
    const warnDays = ctx.num('warnDays', filed.time);
    const closed = firstFrom(s.ofType(...RECOVERY_ENDINGS), filed.time);
    const recoveries = s.ofType('case.recovery_recorded');
    return defined(recoveryCurve(ctx).map(({ days, share }) => {
      const bound = unshifted(start.time, days, warnDays);
      // Closed before the point: not judged there (no finding at all for later points).
      if (closed && closed.time < bound.deadline) return undefined;
      const compliedBy = reachedBy(recoveries, share * loss);
      if (compliedBy && compliedBy.time < bound.warnAt) return undefined;
      const pct = Math.round(share * 1000) / 10;
      const f = deadlineFinding(ctx, {
        subject: caseSubject(s), trigger: start, part: `${days}d`, period: P(days, 'd'), custodial: false, warn: { before: P(warnDays, 'd') }, compliedBy,
        duty: L(`${from['zh-CN']}后${days}日内追赃挽损应达到损失的${pct}%`, `Recover ${pct}% of the loss within ${days} days of ${from.en}`),
      });
      // A holiday-shifted deadline may still fall after the closure.
      return f?.kind === 'deadline' && closed && closed.time < f.deadline.deadline ? undefined : f;
    }));
  },
};
