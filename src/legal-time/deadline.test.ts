import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { sharedDir } from '../testing/shared.js';
import { HolidayCalendar, parseHolidayCsv } from './calendar.js';
import { computeDeadline, excludedLength, type Deadline, type DeadlineInput } from './deadline.js';
import { addMonths, localDateOf } from './local-date.js';
import { loadHolidayCalendar } from './load.js';

const calendar = loadHolidayCalendar(join(sharedDir(), 'data/calendar/cn-holidays.csv'));
const t = (s: string) => new Date(s);
const iso = (d: Date) => new Date(d.getTime() + 8 * 3600_000).toISOString().replace('Z', '+08:00').replace('.000', '');
function ok(input: DeadlineInput): Deadline {
  const r = computeDeadline(input, calendar);
  assert.equal(r.status, 'ok', JSON.stringify(r));
  return r as Deadline;
}
/** The exclusive deadline: an act one minute before it is in time, one at or after it late. */
function assertBoundary(d: Deadline, deadline: string) {
  assert.equal(iso(d.deadline), deadline);
  const local = (ms: number) => localDateOf(new Date(ms));
  // the last minute in time still lies on the last counted (or shifted) day
  assert.equal(local(d.deadline.getTime() - 60_000), d.computation.shiftedTo ?? d.computation.lastDay ?? local(d.deadline.getTime() - 60_000));
}

describe('legal time', () => {
  it('runs minute periods on the wall clock, across midnight and holidays alike, warning at 75 %', () => {
    const d = ok({ trigger: t('2025-09-30T23:50:00+08:00'), period: { amount: 15, unit: 'min' }, custodial: false });
    assert.equal(iso(d.deadline), '2025-10-01T00:05:00+08:00');
    assert.equal(iso(d.warnAt), '2025-10-01T00:01:15+08:00');
    assert.equal(d.computation.startDate, undefined, 'no day counting for minutes');
  });

  it('reproduces the spec example: detention 03-10 23:40, 3 days custodial → 03-14 00:00', () => {
    const d = ok({ trigger: t('2025-03-10T23:40:00+08:00'), period: { amount: 3, unit: 'd' }, custodial: true });
    assertBoundary(d, '2025-03-14T00:00:00+08:00');
    assert.equal(d.computation.lastDay, '2025-03-13');
    assert.equal(iso(d.warnAt), '2025-03-13T00:00:00+08:00'); // deadline − 1 d, as the spec's §12.3 WARN
  });

  it('runs hours on the wall clock with the 75 % warning', () => {
    const d = ok({ trigger: t('2025-03-10T23:40:00+08:00'), period: { amount: 24, unit: 'h' }, custodial: true });
    assert.equal(iso(d.deadline), '2025-03-11T23:40:00+08:00');
    assert.equal(iso(d.warnAt), '2025-03-11T17:40:00+08:00'); // the spec's WARN 03-11 17:40 (18 h)
  });

  it('counts days in Shanghai local dates, not UTC: 00:30 local is still the same local day', () => {
    const d = ok({ trigger: t('2025-03-10T16:30:00Z'), period: { amount: 1, unit: 'd' }, custodial: true }); // 03-11 00:30 +08
    assert.equal(localDateOf(t('2025-03-10T16:30:00Z')), '2025-03-11');
    assert.equal(iso(d.deadline), '2025-03-13T00:00:00+08:00');
  });

  it('moves a non-custodial period ending in the National Day holiday to the next working day, never a custodial one', () => {
    // 2025-09-28 (Sun) + 3 days = 10-01, a holiday; 10-01 … 10-08 off, 10-09 (Thu) works
    const free = ok({ trigger: t('2025-09-28T10:00:00+08:00'), period: { amount: 3, unit: 'd' }, custodial: false });
    assert.equal(free.computation.lastDay, '2025-10-01');
    assert.equal(free.computation.shiftedTo, '2025-10-09');
    assertBoundary(free, '2025-10-10T00:00:00+08:00');
    const held = ok({ trigger: t('2025-09-28T10:00:00+08:00'), period: { amount: 3, unit: 'd' }, custodial: true });
    assertBoundary(held, '2025-10-02T00:00:00+08:00');
    assert.equal(held.computation.shiftedTo, undefined);
  });

  it('treats an adjusted weekend working day as a working day and an ordinary Saturday as not', () => {
    // 2025-10-11 is a Saturday worked (调休); 2025-10-18 an ordinary Saturday
    assert.equal(calendar.isWorkingDay('2025-10-11'), true);
    assert.equal(calendar.isWorkingDay('2025-10-18'), false);
    const sat = ok({ trigger: t('2025-10-15T09:00:00+08:00'), period: { amount: 3, unit: 'd' }, custodial: false });
    assert.equal(sat.computation.shiftedTo, '2025-10-20'); // Sat 10-18 → Mon 10-20
  });

  it('counts working days across the Spring Festival', () => {
    // 2025-01-27 (Mon); 01-28 … 02-04 off; 01-26 (Sun) and 02-08 (Sat) worked
    const d = ok({ trigger: t('2025-01-27T15:00:00+08:00'), period: { amount: 2, unit: 'wd' }, custodial: false });
    assert.equal(d.computation.lastDay, '2025-02-06'); // 02-05 (Wed) and 02-06 (Thu)
    assertBoundary(d, '2025-02-07T00:00:00+08:00');
  });

  it('adds months to the same day, or to the last day of a shorter month', () => {
    assert.equal(addMonths('2025-03-10', 1), '2025-04-10');
    assert.equal(addMonths('2025-01-31', 1), '2025-02-28');
    assert.equal(addMonths('2024-01-31', 1), '2024-02-29');
    assert.equal(addMonths('2025-02-28', 1), '2025-03-31'); // d0 is a month's last day
    assert.equal(addMonths('2025-11-30', 3), '2026-02-28');
    const arrest = ok({ trigger: t('2025-01-31T20:00:00+08:00'), period: { amount: 2, unit: 'm' }, custodial: true });
    assert.equal(arrest.computation.lastDay, '2025-03-31');
    assert.equal(iso(arrest.warnAt), '2025-03-17T00:00:00+08:00'); // − 15 d
    const bail = ok({ trigger: t('2025-03-10T10:00:00+08:00'), period: { amount: 12, unit: 'm' }, custodial: false, warn: { before: { amount: 1, unit: 'm' } } });
    assert.equal(bail.computation.lastDay, '2026-03-10');
    assert.equal(iso(bail.warnAt), '2026-02-11T00:00:00+08:00'); // WARN at 11 months
  });

  it('extends by excluded time: exactly for hours, whole days for day periods, overlaps once', () => {
    const trigger = t('2025-03-10T10:00:00+08:00');
    const appraisal = [{ from: t('2025-03-11T08:00:00+08:00'), to: t('2025-03-12T14:00:00+08:00') }]; // 30 h
    assert.equal(excludedLength(trigger, [...appraisal, { from: t('2025-03-12T00:00:00+08:00'), to: t('2025-03-12T12:00:00+08:00') }]), 30 * 3600_000);
    assert.equal(iso(ok({ trigger, period: { amount: 24, unit: 'h' }, custodial: true, excluded: appraisal }).deadline), '2025-03-12T16:00:00+08:00');
    const days = ok({ trigger, period: { amount: 30, unit: 'd' }, custodial: true, excluded: appraisal });
    assert.equal(days.computation.excludedDays, 2);
    assert.equal(days.computation.lastDay, '2025-04-11');
    // time before the trigger is not excluded
    assert.equal(excludedLength(trigger, [{ from: t('2025-03-09T00:00:00+08:00'), to: t('2025-03-10T11:00:00+08:00') }]), 3600_000);
  });

  it('excludes only time that begins while the period still runs (an appraisal after the deadline revives nothing)', () => {
    const trigger = t('2025-03-10T10:00:00+08:00'); // 24 h: due 03-11 10:00
    const due = (excluded: Array<[string, string]>, period: DeadlineInput['period'] = { amount: 24, unit: 'h' }) =>
      iso(ok({ trigger, period, custodial: true, excluded: excluded.map(([a, b]) => ({ from: t(a), to: t(b) })) }).deadline);
    assert.equal(due([['2025-03-11T09:59:00+08:00', '2025-03-11T12:00:00+08:00']]), '2025-03-11T12:01:00+08:00'); // a minute before: 2 h 1 min
    assert.equal(due([['2025-03-11T10:00:00+08:00', '2025-03-11T12:00:00+08:00']]), '2025-03-11T10:00:00+08:00'); // at the deadline: over
    assert.equal(due([['2025-03-12T00:00:00+08:00', '2025-03-20T00:00:00+08:00']]), '2025-03-11T10:00:00+08:00'); // after it
    // an earlier interval moves the deadline, so a later one that begins before the new deadline counts too
    assert.equal(due([['2025-03-11T08:00:00+08:00', '2025-03-11T12:00:00+08:00'], ['2025-03-11T13:00:00+08:00', '2025-03-11T15:00:00+08:00']]),
      '2025-03-11T16:00:00+08:00');
    assert.equal(due([['2025-03-11T08:00:00+08:00', '2025-03-11T12:00:00+08:00'], ['2025-03-11T14:00:00+08:00', '2025-03-11T15:00:00+08:00']]),
      '2025-03-11T14:00:00+08:00');
    // day periods: 2 days from 03-10 end with 03-12 (due 03-13 00:00); a day of appraisal on 03-12 counts, one on 03-13 does not
    const days = { amount: 2, unit: 'd' } as const;
    assert.equal(due([['2025-03-12T23:59:00+08:00', '2025-03-13T10:00:00+08:00']], days), '2025-03-14T00:00:00+08:00');
    assert.equal(due([['2025-03-13T00:00:00+08:00', '2025-03-13T10:00:00+08:00']], days), '2025-03-13T00:00:00+08:00');
  });

  it('says "calendar unknown" instead of guessing beyond the covered years, unless configured', () => {
    const r = computeDeadline({ trigger: t('2026-12-30T10:00:00+08:00'), period: { amount: 3, unit: 'd' }, custodial: false }, calendar);
    assert.deepEqual(r, { status: 'calendar_unknown', date: '2027-01-02' });
    // a custodial period needs no calendar
    assert.equal(computeDeadline({ trigger: t('2026-12-30T10:00:00+08:00'), period: { amount: 3, unit: 'd' }, custodial: true }, calendar).status, 'ok');
    const with2027 = calendar.with([{ date: '2027-01-01', kind: 'holiday', name: '元旦' }], [2027]);
    const d = computeDeadline({ trigger: t('2026-12-29T10:00:00+08:00'), period: { amount: 3, unit: 'd' }, custodial: false }, with2027);
    assert.equal(d.status, 'ok');
    assert.equal((d as Deadline).computation.shiftedTo, '2027-01-04'); // Fri 01-01 off, weekend, Mon 01-04
  });

  it('reads the shared calendar whole and refuses a malformed one', () => {
    assert.deepEqual([...calendar.coveredYears].sort(), [2023, 2024, 2025, 2026]);
    assert.equal(calendar.isWorkingDay('2022-12-31'), 'unknown');
    assert.throws(() => parseHolidayCsv('date,kind,name\n2025-13-01,off,x\n'), /line 2/);
    assert.equal(new HolidayCalendar(parseHolidayCsv('date,kind,name\n2025-10-01,holiday,国庆节\n'), [2025]).isWorkingDay('2025-10-01'), false);
  });
});
