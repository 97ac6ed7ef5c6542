import type { RuleEvaluator } from '../engine/context.js';
import { AREA_ENTRY_SECURITY_CHECK, AREA_IMMEDIATE_ENTRY_NO_EXIT } from './area-entry.js';
import { AREA_MAX_STAY, AREA_SPECIAL_PERSONS_4H } from './area-limits.js';
import { AREA_NEVER_UNATTENDED } from './area-watch.js';

/** Case-handling area (办案区), catalogue §8: entry, safety check, watch, stay limits. */
export const AREA_EVALUATORS: RuleEvaluator[] = [
  AREA_IMMEDIATE_ENTRY_NO_EXIT, AREA_ENTRY_SECURITY_CHECK, AREA_NEVER_UNATTENDED, AREA_MAX_STAY, AREA_SPECIAL_PERSONS_4H,
];
