import type { RuleEvaluator } from '../engine/context.js';

/** Placeholder: filled in by the interrogation work package. */
export const INTERROGATION_EVALUATORS: RuleEvaluator[] = [];
