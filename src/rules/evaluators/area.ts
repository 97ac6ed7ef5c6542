import type { RuleEvaluator } from '../engine/context.js';
import { AREA_ENTRY_SECURITY_CHECK, AREA_IMMEDIATE_ENTRY_NO_EXIT } from './area-entry.js';
import { AREA_NOT_INTO_DETENTION_FACILITY, JAIL_INTAKE_CHECKS } from './area-extra-facility.js';
import { AREA_LEDGER, AREA_VIDEO_COVERAGE } from './area-extra-records.js';
import { AREA_QUESTIONING_LOCATION, AREA_SEPARATION_AND_SEARCH_BY_SEX } from './area-extra-rooms.js';
import { AREA_MAX_STAY, AREA_SPECIAL_PERSONS_4H } from './area-limits.js';
import { AREA_NEVER_UNATTENDED } from './area-watch.js';

/** Case-handling area (办案区), catalogue §8: entry, safety check, watch, stay limits. */
export const AREA_EVALUATORS: RuleEvaluator[] = [
  AREA_IMMEDIATE_ENTRY_NO_EXIT, AREA_ENTRY_SECURITY_CHECK, AREA_NEVER_UNATTENDED, AREA_MAX_STAY, AREA_SPECIAL_PERSONS_4H,
  AREA_LEDGER, AREA_VIDEO_COVERAGE, AREA_SEPARATION_AND_SEARCH_BY_SEX, AREA_QUESTIONING_LOCATION, AREA_NOT_INTO_DETENTION_FACILITY, JAIL_INTAKE_CHECKS,
];
