import type { RuleEvaluator } from '../engine/context.js';

/** Placeholder: filled in by the property work package. */
export const PROPERTY_EVALUATORS: RuleEvaluator[] = [];
