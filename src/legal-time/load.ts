import { readFileSync } from 'node:fs';
import { HolidayCalendar, parseHolidayCsv, type HolidayRow } from './calendar.js';

/**
 * The holiday calendar from `shared/data/calendar/cn-holidays.csv` (or a bureau's own copy), plus
 * rows and years a deployment adds by configuration for years the file does not cover yet.
 */
export function loadHolidayCalendar(path: string, extra: { rows?: HolidayRow[]; years?: number[] } = {}): HolidayCalendar {
  const base = new HolidayCalendar(parseHolidayCsv(readFileSync(path, 'utf8')));
  return extra.rows || extra.years ? base.with(extra.rows ?? [], extra.years ?? []) : base;
}
