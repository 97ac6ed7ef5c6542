import type { RuleEvaluator } from '../engine/context.js';

/** Placeholder: filled in by the admin-measures work package. */
export const ADMIN_MEASURES_EVALUATORS: RuleEvaluator[] = [];
