import type { RuleEvaluator } from '../engine/context.js';

/** Placeholder: filled in by the closure work package. */
export const CLOSURE_EVALUATORS: RuleEvaluator[] = [];
