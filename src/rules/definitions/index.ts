import { localDateOf, startOfLocalDay } from '../../legal-time/local-date.js';
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
  return effectiveOn(def, localDateOf(at)); // effective dates are Asia/Shanghai local dates (YYYY-MM-DD)
}

const effectiveOn = (def: RuleDefinition, d: string): boolean =>
  (def.effective.from === undefined || def.effective.from <= d) && (def.effective.to === undefined || d < def.effective.to);

/** Every version of each rule with its effective range as instants (00:00 local of each date). */
interface Version {
  def: RuleDefinition;
  fromMs: number;
  toMs: number;
}
const VERSIONS = new Map<string, Version[]>();
for (const def of ALL_RULES) {
  const version = {
    def,
    fromMs: def.effective.from === undefined ? -Infinity : startOfLocalDay(def.effective.from).getTime(),
    toMs: def.effective.to === undefined ? Infinity : startOfLocalDay(def.effective.to).getTime(),
  };
  VERSIONS.set(def.id, [...(VERSIONS.get(def.id) ?? []), version]);
}

/** The definition of `id` in force at `at` (default now), or undefined when none is. */
export function ruleById(id: string, at: Date = new Date()): RuleDefinition | undefined {
  const t = at.getTime();
  for (const v of VERSIONS.get(id) ?? []) if (v.fromMs <= t && t < v.toMs) return v.def;
  return undefined;
}
