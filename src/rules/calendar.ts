import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type HolidayCalendar, parseHolidayCsv } from '../legal-time/calendar.js';
import { loadHolidayCalendar } from '../legal-time/load.js';
import { sourceDir } from '../shared/source-dir.js';

/**
 * The working-day calendar the engine uses: `config/calendar/cn-holidays.csv` (the State
 * Council arrangements 2023–2026, from shared/data/calendar), extended by every other CSV of the
 * same format in that folder or in `SHUJU_CALENDAR_DIR` — that is how a bureau adds next year's
 * arrangement when it is published, without a code change. A year is covered once any file
 * lists a row of it.
 */
let cached: HolidayCalendar | undefined;

export function platformCalendar(): HolidayCalendar {
  if (cached) return cached;
  const dirs = [sourceDir(import.meta.url, '..', '..', 'config', 'calendar'), process.env.SHUJU_CALENDAR_DIR].filter((d): d is string => !!d && existsSync(d));
  const base = loadHolidayCalendar(join(dirs[0] ?? '', 'cn-holidays.csv'));
  const extra = dirs.flatMap((d) => readdirSync(d).filter((f) => f.endsWith('.csv') && !(d === dirs[0] && f === 'cn-holidays.csv')).map((f) => join(d, f)));
  const rows = extra.flatMap((f) => parseHolidayCsv(readFileSync(f, 'utf8')));
  cached = rows.length ? base.with(rows, new Set(rows.map((r) => Number(r.date.slice(0, 4))))) : base;
  return cached;
}
