import { startOfLocalDay } from '../../legal-time/local-date.js';
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

/**
 * A definition's effective range as instants: 00:00 Asia/Shanghai of its `from` and `to` local
 * dates (YYYY-MM-DD; `to` exclusive). Computed once per definition — rule evaluation asks
 * millions of times.
 */
const ranges = new WeakMap<RuleDefinition, { fromMs: number; toMs: number }>();
function rangeOf(def: RuleDefinition): { fromMs: number; toMs: number } {
  let r = ranges.get(def);
  if (!r) {
    r = {
      fromMs: def.effective.from === undefined ? -Infinity : startOfLocalDay(def.effective.from).getTime(),
      toMs: def.effective.to === undefined ? Infinity : startOfLocalDay(def.effective.to).getTime(),
    };
    ranges.set(def, r);
  }
  return r;
}

/** Whether a definition's law version is in force at `at` (on its local date). */
export function isEffective(def: RuleDefinition, at: Date): boolean {
  const { fromMs, toMs } = rangeOf(def);
  const t = at.getTime();
  return fromMs <= t && t < toMs;
}

/** Every version of each rule, by id. */
const VERSIONS = new Map<string, RuleDefinition[]>();
for (const def of ALL_RULES) VERSIONS.set(def.id, [...(VERSIONS.get(def.id) ?? []), def]);

/** The definition of `id` in force at `at` (default now), or undefined when none is. */
export function ruleById(id: string, at: Date = new Date()): RuleDefinition | undefined {
  return VERSIONS.get(id)?.find((def) => isEffective(def, at));
}
