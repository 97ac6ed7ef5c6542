import type { RuleEvaluator } from '../engine/context.js';

/** Placeholder: filled in by the area work package. */
export const AREA_EVALUATORS: RuleEvaluator[] = [];
