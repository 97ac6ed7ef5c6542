import { type LocalDate, weekday } from './local-date.js';

/**
 * The working-day calendar: the State Council holiday arrangement (`kind = holiday` days off,
 * `kind = workday` weekend days worked) over the ordinary Monday–Friday week (§4). Outside the
 * years it covers it answers `unknown` instead of guessing: the arrangement for a year is
 * published only late in the year before.
 */
export interface HolidayRow {
  date: LocalDate;
  kind: 'holiday' | 'workday';
  name: string;
}

export class HolidayCalendar {
  private readonly holidays = new Set<string>();
  private readonly workdays = new Set<string>();
  readonly coveredYears: ReadonlySet<number>;

  constructor(rows: HolidayRow[], coveredYears?: Iterable<number>) {
    for (const r of rows) (r.kind === 'holiday' ? this.holidays : this.workdays).add(r.date);
    this.coveredYears = new Set(coveredYears ?? inferCoveredYears(rows));
  }

  /** Whether `d` is a working day, or `unknown` outside the covered years. */
  isWorkingDay(d: LocalDate): boolean | 'unknown' {
    if (!this.coveredYears.has(Number(d.slice(0, 4)))) return 'unknown';
    if (this.holidays.has(d)) return false;
    if (this.workdays.has(d)) return true;
    const wd = weekday(d);
    return wd !== 0 && wd !== 6;
  }

  /** A calendar extended by configuration (e.g. next year's notice before the file has it). */
  with(rows: HolidayRow[], years: Iterable<number>): HolidayCalendar {
    const all: HolidayRow[] = [
      ...[...this.holidays].map((date) => ({ date, kind: 'holiday' as const, name: '' })),
      ...[...this.workdays].map((date) => ({ date, kind: 'workday' as const, name: '' })),
      ...rows,
    ];
    return new HolidayCalendar(all, [...this.coveredYears, ...years]);
  }
}

/**
 * A year counts as covered when the file holds its arrangement; the notice for a year can reach
 * into the last days of the year before (2022-12-31 belongs to the 2023 notice), so a year needs
 * several rows of its own.
 */
function inferCoveredYears(rows: HolidayRow[]): number[] {
  const perYear = new Map<number, number>();
  for (const r of rows) perYear.set(Number(r.date.slice(0, 4)), (perYear.get(Number(r.date.slice(0, 4))) ?? 0) + 1);
  return [...perYear].filter(([, n]) => n >= 5).map(([y]) => y);
}

/** Parses `cn-holidays.csv` (`date,kind,name`; UTF-8, one header row). */
export function parseHolidayCsv(text: string): HolidayRow[] {
  const lines = text.replace(/^\ufeff/, '').split(/\r?\n/).filter((l) => l.trim() !== '');
  const [header, ...body] = lines;
  if (header.trim() !== 'date,kind,name') throw new Error(`holiday calendar: unexpected header "${header}"`);
  return body.map((line, i) => {
    const [date, kind, ...name] = line.split(',');
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || (kind !== 'holiday' && kind !== 'workday')) {
      throw new Error(`holiday calendar line ${i + 2}: "${line}" is not date,holiday|workday,name`);
    }
    return { date, kind, name: name.join(',') };
  });
}
