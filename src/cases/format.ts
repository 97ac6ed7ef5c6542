import { attributeDef } from '../interchange/registry.js';
import { parseTime } from '../interchange/values.js';

/**
 * Presentation of instants and names shared by the timeline, the case views and the export.
 * Instants are shown in China Standard Time with a fixed +08:00 offset (the zone has had no
 * daylight saving since 1991), seconds always, fraction digits only when non-zero.
 */

const MICROS_PER_SECOND = 1_000_000n;
const CST_OFFSET_MICROS = 8n * 3600n * MICROS_PER_SECOND;

/** RFC 3339 at +08:00 from epoch microseconds (bigint or its decimal text, as SQL returns it). */
export function formatMicros(epochMicros: bigint | string): string {
  const local = BigInt(epochMicros) + CST_OFFSET_MICROS;
  const floorDiv = (a: bigint, b: bigint) => (a >= 0n ? a / b : -((-a + b - 1n) / b));
  const seconds = floorDiv(local, MICROS_PER_SECOND);
  const fraction = local - seconds * MICROS_PER_SECOND;
  const base = new Date(Number(seconds) * 1000).toISOString().slice(0, 19);
  const digits = fraction === 0n ? '' : `.${fraction.toString().padStart(6, '0').replace(/0+$/, '')}`;
  return `${base}${digits}+08:00`;
}

/** RFC 3339 at +08:00 from a Date (millisecond precision). */
export const formatDate = (d: Date): string => formatMicros(BigInt(d.getTime()) * 1000n);

/** A time value as sent (any offset) rewritten at +08:00; text that is no valid time stays as is. */
export function formatTimeValue(value: string): string {
  const t = parseTime(value);
  return t.ok ? formatMicros(t.epochMicros) : value;
}

/** A person's name for callers without the right to personal data: the surname only (王*). */
export function maskName(name: string): string {
  const chars = [...name];
  return chars.length <= 1 ? '*' : chars[0] + '*'.repeat(chars.length - 1);
}

/** Current attribute values for display: time values at +08:00, the rest as sent. */
export function presentAttributes(objectType: string, attributes: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(attributes)) {
    out[name] = attributeDef('object', objectType, name)?.type === 'time' ? formatTimeValue(value) : value;
  }
  return out;
}
