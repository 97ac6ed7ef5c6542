/**
 * Local calendar dates of Asia/Shanghai (UTC+08:00 all year; China has kept no daylight saving
 * since 1991), as `YYYY-MM-DD` strings, with the arithmetic legal periods need. Pure.
 */
export type LocalDate = string;

const OFFSET_MS = 8 * 3600_000;
const DAY_MS = 86_400_000;

// Rule evaluation converts the same few hundred dates millions of times: remember them both ways.
const MEMO_LIMIT = 100_000;
const msByDate = new Map<LocalDate, number>();
const dateByDay = new Map<number, LocalDate>();

const toUtcMidnight = (d: LocalDate): number => {
  let ms = msByDate.get(d);
  if (ms === undefined) {
    const [y, m, day] = d.split('-').map(Number);
    const dt = new Date(Date.UTC(2000, 0, 1));
    dt.setUTCFullYear(y, m - 1, day);
    ms = dt.getTime();
    if (msByDate.size >= MEMO_LIMIT) msByDate.clear();
    msByDate.set(d, ms);
  }
  return ms;
};
const fromUtcMidnight = (ms: number): LocalDate => {
  let d = dateByDay.get(ms);
  if (d === undefined) {
    const dt = new Date(ms);
    const y = dt.getUTCFullYear();
    d = `${String(y).padStart(4, '0')}-${String(dt.getUTCMonth() + 1).padStart(2, '0')}-${String(dt.getUTCDate()).padStart(2, '0')}`;
    if (dateByDay.size >= MEMO_LIMIT) dateByDay.clear();
    dateByDay.set(ms, d);
  }
  return d;
};

/** The local date (Asia/Shanghai) of an instant. */
export const localDateOf = (instant: Date): LocalDate => fromUtcMidnight(Math.floor((instant.getTime() + OFFSET_MS) / DAY_MS) * DAY_MS);

/** 00:00 local time at the start of a local date, as an instant. */
export const startOfLocalDay = (d: LocalDate): Date => new Date(toUtcMidnight(d) - OFFSET_MS);

export const addDays = (d: LocalDate, n: number): LocalDate => fromUtcMidnight(toUtcMidnight(d) + n * DAY_MS);

/** 0 = Sunday … 6 = Saturday. */
export const weekday = (d: LocalDate): number => new Date(toUtcMidnight(d)).getUTCDay();

export const daysInMonth = (year: number, month1: number): number => {
  const dt = new Date(Date.UTC(2000, 0, 1));
  dt.setUTCFullYear(year, month1, 0);
  return dt.getUTCDate();
};

/**
 * The same day of the month `n` months later; the last day of the target month when `d` is the
 * last day of its month or the day does not exist there (§4).
 */
export function addMonths(d: LocalDate, n: number): LocalDate {
  const [y, m, day] = d.split('-').map(Number);
  const index = y * 12 + (m - 1) + n;
  const ty = Math.floor(index / 12);
  const tm = (index % 12) + 1;
  const last = daysInMonth(ty, tm);
  const targetDay = day === daysInMonth(y, m) || day > last ? last : day;
  return `${String(ty).padStart(4, '0')}-${String(tm).padStart(2, '0')}-${String(targetDay).padStart(2, '0')}`;
}
