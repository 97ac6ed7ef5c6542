import type { HolidayCalendar } from './calendar.js';
import { type LocalDate, addDays, addMonths, localDateOf, startOfLocalDay } from './local-date.js';

/**
 * Legal time (interchange §4; catalogue §1): when a period that starts at a trigger instant
 * ends, and when to warn before it does. Pure: the calendar is passed in.
 *
 * - Hours run on the wall clock: deadline = trigger + duration.
 * - Days, months and working days are counted in Asia/Shanghai local dates; the trigger's date
 *   `d0` is not counted. Days: d0 + N; working days: the N-th working day after d0; months: the
 *   same day N months on (the month's last day when d0 is a last day or the day is missing).
 * - A non-custodial period whose last day is not a working day ends on the next working day;
 *   a custodial one (a person is held) never moves (CPL art. 105; MPS-A art. 35).
 * - Excluded intervals (appraisal) extend the period by their length, rounded up to whole days
 *   for day and month periods — but only while it still runs: an interval that begins at or
 *   after the deadline (as extended by the earlier ones) cannot revive a period already over.
 * - The deadline is 00:00 local after the last day (exclusive) for day-based periods.
 */
/** min = minutes and h = hours (wall clock); d = days, wd = working days, m = months (local dates). */
export type PeriodUnit = 'min' | 'h' | 'd' | 'wd' | 'm';
export interface Period {
  amount: number;
  unit: PeriodUnit;
}
export interface Interval {
  from: Date;
  to: Date;
}
export type WarnPoint = { fraction: number } | { before: Period };

export interface DeadlineInput {
  trigger: Date;
  period: Period;
  /** A person is held during the period: no moving to the next working day. */
  custodial: boolean;
  excluded?: Interval[];
  /** Default: 75 % of an hour window, 1 day before a day window, 15 days before a month window. */
  warn?: WarnPoint;
}

export interface Deadline {
  status: 'ok';
  deadline: Date;
  warnAt: Date;
  /** How the deadline came about, for the alert's explanation. */
  computation: {
    period: Period;
    custodial: boolean;
    /** Day-based periods: the first counted day and the last day before and after shifting. */
    startDate?: LocalDate;
    lastDay?: LocalDate;
    shiftedTo?: LocalDate;
    /** Days (or, for hour periods, milliseconds) added for excluded intervals. */
    excludedDays?: number;
    excludedMs?: number;
  };
}
export interface CalendarUnknown {
  status: 'calendar_unknown';
  /** The first date whose working-day status the calendar does not know. */
  date: LocalDate;
}
export type DeadlineResult = Deadline | CalendarUnknown;

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;
const MINUTE_MS = 60_000;

/** The excluded intervals after the trigger as [from, to] ms, merged and in order. */
function mergedAfter(trigger: Date, intervals: Interval[] = []): Array<[number, number]> {
  const clipped = intervals
    .map((i): [number, number] => [Math.max(i.from.getTime(), trigger.getTime()), i.to.getTime()])
    .filter(([a, b]) => b > a)
    .sort((x, y) => x[0] - y[0]);
  const merged: Array<[number, number]> = [];
  for (const [a, b] of clipped) {
    const last = merged[merged.length - 1];
    if (last && a <= last[1]) last[1] = Math.max(last[1], b);
    else merged.push([a, b]);
  }
  return merged;
}

/** Total length of the excluded intervals after the trigger, overlaps counted once. */
export function excludedLength(trigger: Date, intervals: Interval[] = []): number {
  return mergedAfter(trigger, intervals).reduce((total, [a, b]) => total + b - a, 0);
}

export function computeDeadline(input: DeadlineInput, calendar: HolidayCalendar): DeadlineResult {
  if (!Number.isInteger(input.period.amount) || input.period.amount < 0) throw new Error(`period amount must be a whole number ≥ 0, got ${input.period.amount}`);
  if (!input.excluded?.length) return periodEnd(input, 0, calendar); // the usual case
  // The clock stops for an excluded interval only if it begins while the period still runs.
  let excludedMs = 0;
  let result = periodEnd(input, 0, calendar);
  for (const [from, to] of mergedAfter(input.trigger, input.excluded)) {
    if (result.status !== 'ok' || from >= result.deadline.getTime()) break;
    excludedMs += to - from;
    result = periodEnd(input, excludedMs, calendar);
  }
  return result;
}

/** The end of the period extended by `excludedMs` of excluded time. */
function periodEnd(input: DeadlineInput, excludedMs: number, calendar: HolidayCalendar): DeadlineResult {
  const { trigger, period, custodial } = input;
  if (period.unit === 'h' || period.unit === 'min') {
    const deadline = new Date(trigger.getTime() + period.amount * (period.unit === 'h' ? HOUR_MS : MINUTE_MS) + excludedMs);
    return { status: 'ok', deadline, warnAt: warnPoint(input, trigger, deadline), computation: { period, custodial, excludedMs } };
  }
  const d0 = localDateOf(trigger);
  const excludedDays = Math.ceil(excludedMs / DAY_MS);
  let lastDay: LocalDate;
  if (period.unit === 'wd') {
    let day = d0;
    for (let counted = 0; counted < period.amount + excludedDays; ) {
      day = addDays(day, 1);
      const working = calendar.isWorkingDay(day);
      if (working === 'unknown') return { status: 'calendar_unknown', date: day };
      if (working) counted++;
    }
    lastDay = day;
  } else {
    lastDay = addDays(period.unit === 'd' ? addDays(d0, period.amount) : addMonths(d0, period.amount), excludedDays);
  }
  let end = lastDay;
  if (!custodial) {
    for (;;) {
      const working = calendar.isWorkingDay(end);
      if (working === 'unknown') return { status: 'calendar_unknown', date: end };
      if (working) break;
      end = addDays(end, 1);
    }
  }
  const deadline = startOfLocalDay(addDays(end, 1));
  return {
    status: 'ok',
    deadline,
    warnAt: warnPoint(input, trigger, deadline),
    computation: { period, custodial, startDate: addDays(d0, 1), lastDay, ...(end !== lastDay ? { shiftedTo: end } : {}), excludedDays },
  };
}

function warnPoint(input: DeadlineInput, trigger: Date, deadline: Date): Date {
  const warn = input.warn ?? defaultWarn(input.period);
  if ('fraction' in warn) return new Date(trigger.getTime() + Math.round((deadline.getTime() - trigger.getTime()) * warn.fraction));
  const { amount, unit } = warn.before;
  if (unit === 'h') return new Date(deadline.getTime() - amount * HOUR_MS);
  if (unit === 'min') return new Date(deadline.getTime() - amount * MINUTE_MS);
  if (unit === 'm') return startOfLocalDay(addDays(addMonths(localDateOf(new Date(deadline.getTime() - 1)), -amount), 1));
  return new Date(deadline.getTime() - amount * DAY_MS);
}

const defaultWarn = (p: Period): WarnPoint =>
  p.unit === 'h' || p.unit === 'min' ? { fraction: 0.75 } : p.unit === 'm' ? { before: { amount: 15, unit: 'd' } } : { before: { amount: 1, unit: 'd' } };
