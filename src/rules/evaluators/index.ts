import type { RuleEvaluator } from '../engine/context.js';
import { ADMIN_MEASURES_EVALUATORS } from './admin-measures.js';
import { AREA_EVALUATORS } from './area.js';
import { CLOSURE_EVALUATORS } from './closure.js';
import { CUSTODY_EVALUATORS } from './custody.js';
import { CRIM_DETENTION_ARREST_REQUEST_DEADLINE, CRIM_DETENTION_INTERROGATE_24H, CRIM_DETENTION_NOTIFY_FAMILY_24H, CRIM_DETENTION_TO_JAIL_24H } from './detention.js';
import { INTAKE_EVALUATORS } from './intake.js';
import { INTERROGATION_EVALUATORS } from './interrogation.js';
import { PROPERTY_EVALUATORS } from './property.js';
import { INTV_TRANSCRIPT_SIGNATURES, INTV_TWO_OFFICERS } from './transcripts.js';

/** Every implemented rule. A catalogue rule without an evaluator here is "not yet" in docs/rules.md. */
export const EVALUATORS: RuleEvaluator[] = [
  ...INTAKE_EVALUATORS,
  CRIM_DETENTION_NOTIFY_FAMILY_24H, CRIM_DETENTION_TO_JAIL_24H, CRIM_DETENTION_INTERROGATE_24H, CRIM_DETENTION_ARREST_REQUEST_DEADLINE,
  ...CUSTODY_EVALUATORS,
  ...ADMIN_MEASURES_EVALUATORS,
  ...AREA_EVALUATORS,
  INTV_TWO_OFFICERS, INTV_TRANSCRIPT_SIGNATURES,
  ...INTERROGATION_EVALUATORS,
  ...PROPERTY_EVALUATORS,
  ...CLOSURE_EVALUATORS,
];

export const IMPLEMENTED_RULE_IDS: ReadonlySet<string> = new Set(EVALUATORS.map((e) => e.ruleId));
