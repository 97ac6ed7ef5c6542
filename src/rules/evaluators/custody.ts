import type { RuleEvaluator } from '../engine/context.js';

/** Placeholder: filled in by the custody work package. */
export const CUSTODY_EVALUATORS: RuleEvaluator[] = [];
