import { maskName } from '../cases/format.js';
import { sensitiveAttributes } from '../interchange/registry.js';
import { maskSensitive } from '../shared/mask.js';
import { canReadPersonalData, type Actor } from './actor.js';

/**
 * Returns an object's current attributes with every [S] field (interchange §5.3) masked unless
 * the actor may read personal data — and a person's name cut to the surname, as the case
 * timeline shows it — plus the [S] fields that went out unmasked, so the caller can audit the read.
 */
export function maskAttributes(
  actor: Actor,
  objectType: string,
  attributes: Record<string, string>,
): { attributes: Record<string, string>; revealed: string[] } {
  const sensitive = sensitiveAttributes(objectType).filter((f) => attributes[f] !== undefined);
  if (canReadPersonalData(actor)) return { attributes, revealed: sensitive };
  const masked = { ...attributes };
  for (const f of sensitive) masked[f] = maskSensitive(f, attributes[f]);
  if (objectType === 'person' && masked.name !== undefined) masked.name = maskName(masked.name);
  return { attributes: masked, revealed: [] };
}
