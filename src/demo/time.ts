/**
 * Times of the demo city: epoch milliseconds internally, RFC 3339 with +08:00 on the wire
 * (interchange §4). Local-date arithmetic is done at a fixed UTC+8 offset, so the result does
 * not depend on the machine's time zone.
 */

export const SEC = 1_000;
export const MIN = 60 * SEC;
export const HOUR = 60 * MIN;
export const DAY = 24 * HOUR;
const OFFSET = 8 * HOUR;

/** The end of the demo year (exclusive): every record is strictly earlier. */
export const DEFAULT_ANCHOR = '2026-11-01T00:00:00+08:00';
/** "Valid from the start" time of reference data (§3.2). */
export const REFERENCE_TIME = '1970-01-01T00:00:00Z';

export function iso(ms: number): string {
  return new Date(Math.floor(ms / SEC) * SEC + OFFSET).toISOString().slice(0, 19) + '+08:00';
}

export function parseTime(s: string): number {
  const ms = Date.parse(s);
  if (Number.isNaN(ms)) throw new Error(`invalid time ${s}`);
  return ms;
}

/** Days since 1970-01-01 in local (UTC+8) dates. */
export const localDayNumber = (ms: number): number => Math.floor((ms + OFFSET) / DAY);
export const startOfLocalDay = (ms: number): number => localDayNumber(ms) * DAY - OFFSET;
export const localHour = (ms: number): number => Math.floor(((ms + OFFSET) % DAY) / HOUR);
/** 0 = Sunday … 6 = Saturday. */
export const localWeekday = (ms: number): number => (localDayNumber(ms) + 4) % 7;
/** `YYYY-MM-DD` local date. */
export const localDate = (ms: number): string => new Date(ms + OFFSET).toISOString().slice(0, 10);
/** 1–12. */
export const localMonth = (ms: number): number => new Date(ms + OFFSET).getUTCMonth() + 1;

/** `yyMMddHHmmss` local, for file and record numbers. */
export function compactStamp(ms: number): string {
  const s = new Date(ms + OFFSET).toISOString();
  return s.slice(2, 4) + s.slice(5, 7) + s.slice(8, 10) + s.slice(11, 13) + s.slice(14, 16) + s.slice(17, 19);
}

/** Local instant `days` after the start of the local day of `ms`, at `hour:minute`. */
export const atLocal = (ms: number, days: number, hour: number, minute = 0): number =>
  startOfLocalDay(ms) + days * DAY + hour * HOUR + minute * MIN;
