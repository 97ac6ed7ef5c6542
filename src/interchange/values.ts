import type { AttrDef, AttrType } from './registry.js';

/**
 * Parsing of interchange values (§4, §5.1). Every value travels as a string; native JSON numbers
 * and booleans of the right type are tolerated and turned into their string form.
 */

// RFC 3339 with seconds; offset required; up to 6 fraction digits (§4).
const RFC3339 = /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,6}))?([Zz]|[+-]\d{2}:\d{2})?$/;

export type TimeResult =
  | { ok: true; epochMicros: bigint; /** the instant as ISO 8601 UTC with microseconds */ iso: string }
  | { ok: false; code: 'time_without_offset' | 'invalid_time'; reason: string };

export function parseTime(text: string): TimeResult {
  const m = RFC3339.exec(text);
  if (!m) return { ok: false, code: 'invalid_time', reason: `"${text}" is not an RFC 3339 date-time with seconds` };
  const [, y, mo, d, h, mi, s, frac, off] = m;
  if (!off) return { ok: false, code: 'time_without_offset', reason: `"${text}" has no UTC offset` };
  const year = +y, month = +mo, day = +d, hour = +h, minute = +mi, second = +s;
  // Date.UTC maps years 0–99 to 1900–1999; set the full year explicitly.
  const utc = (y: number, mo0: number, d0: number, h0 = 0, mi0 = 0, s0 = 0) => {
    const dt = new Date(Date.UTC(2000, mo0, d0, h0, mi0, s0));
    dt.setUTCFullYear(y, mo0, d0);
    return dt;
  };
  const daysInMonth = utc(year, month, 0).getUTCDate();
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth || hour > 23 || minute > 59 || second > 59) {
    return { ok: false, code: 'invalid_time', reason: `"${text}" is not a valid calendar date-time` };
  }
  let offsetMinutes = 0;
  if (off !== 'Z' && off !== 'z') {
    const oh = +off.slice(1, 3), om = +off.slice(4, 6);
    if (oh > 23 || om > 59) return { ok: false, code: 'invalid_time', reason: `"${text}" has an invalid UTC offset` };
    offsetMinutes = (off[0] === '-' ? -1 : 1) * (oh * 60 + om);
  }
  const ms = utc(year, month - 1, day, hour, minute, second).getTime() - offsetMinutes * 60_000;
  const fraction = (frac ?? '').padEnd(6, '0');
  const micros = BigInt(ms) * 1000n + BigInt(fraction);
  const iso = new Date(ms + Number(fraction.slice(0, 3))).toISOString();
  return { ok: true, epochMicros: micros, iso: `${iso.slice(0, 23)}${fraction.slice(3)}Z` };
}

/** `YYYY-MM-DD`, a real calendar date. */
export function isDate(text: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return false;
  const dt = new Date(Date.UTC(2000, 0, 1));
  dt.setUTCFullYear(+m[1], +m[2] - 1, +m[3]); // Date.UTC would read years 0–99 as 1900–1999
  return dt.getUTCFullYear() === +m[1] && dt.getUTCMonth() === +m[2] - 1 && dt.getUTCDate() === +m[3];
}

/** ISO 8601 duration as used by the contract (`PT12H`, `P7D`, `P2M`, `P1Y`). */
export function isDuration(text: string): boolean {
  return /^P(?!$)(\d+Y)?(\d+M)?(\d+W)?(\d+D)?(T(?=\d)(\d+H)?(\d+M)?(\d+S)?)?$/.test(text);
}

export type ValueResult =
  | { ok: true; text: string; canonical: string }
  | { ok: false; reason: string; code?: 'time_without_offset' | 'invalid_time' };

const INTEGER = /^[+-]?\d+$/;
const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);
const FLOAT = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

/**
 * Parses a raw JSON value as `type`. `text` is what is stored (the sender's string), `canonical`
 * the typed form that identity comparisons use ("6" and 6 are the same integer; "4800.00" and
 * "4800" the same float; two spellings of one instant the same time).
 */
export function parseValue(raw: unknown, type: AttrType): ValueResult {
  let text: string;
  if (typeof raw === 'string') text = raw;
  else if (typeof raw === 'number' && (type === 'integer' || type === 'float') && Number.isFinite(raw)) text = String(raw);
  else if (typeof raw === 'boolean' && type === 'boolean') text = String(raw);
  else return { ok: false, reason: `${JSON.stringify(raw)} is not a ${type} value (values travel as strings)` };
  if (text.includes('\u0000')) return { ok: false, reason: 'the value contains a NUL character, which cannot be stored' };
  switch (type) {
    case 'string':
      return { ok: true, text, canonical: text };
    case 'integer':
      if (!INTEGER.test(text)) return { ok: false, reason: `"${text}" is not an integer` };
      if (BigInt(text) > MAX_SAFE || BigInt(text) < -MAX_SAFE) return { ok: false, reason: `"${text}" is out of range` };
      return { ok: true, text, canonical: BigInt(text).toString() };
    case 'float': {
      if (!FLOAT.test(text)) return { ok: false, reason: `"${text}" is not a number` };
      if (!Number.isFinite(Number(text))) return { ok: false, reason: `"${text}" is out of range` };
      return { ok: true, text, canonical: String(Number(text)) };
    }
    case 'boolean':
      if (text !== 'true' && text !== 'false') return { ok: false, reason: `"${text}" is not "true" or "false"` };
      return { ok: true, text, canonical: text };
    case 'time': {
      const t = parseTime(text);
      if (!t.ok) return { ok: false, reason: t.reason, code: t.code };
      return { ok: true, text, canonical: `t${t.epochMicros}` };
    }
  }
}

export type DefResult =
  | { ok: true; text: string; canonical: string }
  | { ok: false; code: 'attribute_type' | 'enum_value' | 'time_without_offset' | 'invalid_time'; reason: string };

/** Parses a value against a registry definition: type, then closed list, then format. */
export function parseAttributeValue(raw: unknown, def: AttrDef): DefResult {
  const v = parseValue(raw, def.type);
  if (!v.ok) return { ok: false, code: v.code ?? 'attribute_type', reason: v.reason };
  if (def.enum && !def.enum.includes(v.text)) {
    return { ok: false, code: 'enum_value', reason: `"${v.text}" is not one of ${def.enum.join(', ')}` };
  }
  if (def.format === 'date' && !isDate(v.text)) {
    return { ok: false, code: 'attribute_type', reason: `"${v.text}" is not a date YYYY-MM-DD` };
  }
  if (def.format === 'duration' && !isDuration(v.text)) {
    return { ok: false, code: 'attribute_type', reason: `"${v.text}" is not an ISO 8601 duration (e.g. P7D, PT12H)` };
  }
  return v;
}

export const OCEL_TYPES: readonly string[] = ['string', 'integer', 'float', 'boolean', 'time'];
