import type { RuleEvaluator } from '../engine/context.js';

/** Placeholder: filled in by the intake work package. */
export const INTAKE_EVALUATORS: RuleEvaluator[] = [];
