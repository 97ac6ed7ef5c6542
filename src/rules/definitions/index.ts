import { localDateOf } from '../../legal-time/local-date.js';
import type { RuleDefinition, RuleDomain } from '../definition.js';
import { AREA_RULES } from './area.js';
import { CLOSURE_RULES } from './closure.js';
import { DOSSIER_RULES } from './dossier.js';
import { INCIDENT_RULES } from './incident.js';
import { INTAKE_RULES } from './intake.js';
import { INTERROGATION_RULES } from './interrogation.js';
import { MEASURES_RULES } from './measures.js';
import { PROPERTY_RULES } from './property.js';

export { AREA_RULES, CLOSURE_RULES, DOSSIER_RULES, INCIDENT_RULES, INTAKE_RULES, INTERROGATION_RULES, MEASURES_RULES, PROPERTY_RULES };

/** Rule definitions by domain, in catalogue order (§5–§12). */
export const RULES_BY_DOMAIN: Record<RuleDomain, RuleDefinition[]> = {
  incident: INCIDENT_RULES,
  intake: INTAKE_RULES,
  measures: MEASURES_RULES,
  area: AREA_RULES,
  interrogation: INTERROGATION_RULES,
  property: PROPERTY_RULES,
  closure: CLOSURE_RULES,
  dossier: DOSSIER_RULES,
};

/** Every definition, including every version of a versioned rule. */
export const ALL_RULES: RuleDefinition[] = Object.values(RULES_BY_DOMAIN).flat();

/** Whether a definition's law version is in force on the local date of `at`. */
export function isEffective(def: RuleDefinition, at: Date): boolean {
  const d = localDateOf(at); // effective dates are Asia/Shanghai local dates (YYYY-MM-DD)
  return (def.effective.from === undefined || def.effective.from <= d) && (def.effective.to === undefined || d < def.effective.to);
}

/** The definition of `id` in force at `at` (default now), or undefined when none is. */
export function ruleById(id: string, at: Date = new Date()): RuleDefinition | undefined {
  return ALL_RULES.find((r) => r.id === id && isEffective(r, at));
}
