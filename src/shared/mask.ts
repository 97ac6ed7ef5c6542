/**
 * Masking of [S] personal fields (interchange §5.3): in the interface without the right, in
 * exports and in error reports. `000000********0011` keeps an id number's region and last four.
 */
export function maskIdNumber(v: string): string {
  if (v.length <= 10) return '*'.repeat(v.length);
  return v.slice(0, 6) + '*'.repeat(v.length - 10) + v.slice(-4);
}

export function maskPhone(v: string): string {
  if (v.length <= 4) return '*'.repeat(v.length);
  return '*'.repeat(v.length - 4) + v.slice(-4);
}

/** Masks the value of a sensitive attribute by name; free text is withheld entirely. */
export function maskSensitive(attribute: string, value: string): string {
  if (attribute === 'id_number') return maskIdNumber(value);
  if (attribute === 'phone') return maskPhone(value);
  return '***';
}

/** Whether a value is the masked form of a sensitive field rather than real data. */
export function isMaskedValue(attribute: string, value: string): boolean {
  return attribute === 'id_number' || attribute === 'phone' ? value.includes('*') : value === '***';
}
