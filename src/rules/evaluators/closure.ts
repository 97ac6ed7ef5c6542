import type { RuleEvaluator } from '../engine/context.js';
import { ASSET_RECOVERY_PROGRESS, CASE_BACKLOG } from './backlog-recovery.js';
import { ADMIN_CASE_TIME_LIMIT, ADMIN_DECISION_SERVICE } from './closure-admin.js';
import { CRIM_SUPPLEMENTARY_INVESTIGATION, CRIM_WITHDRAWAL_NOTICE_3D } from './closure-criminal.js';
import { DOSSIER_STAGE_REQUIRED_DOCS } from './dossier-stage.js';

/** Case closure and time limits (catalogue §11), stage documents (§12), and the platform's backlog and recovery rules. */
export const CLOSURE_EVALUATORS: RuleEvaluator[] = [
  ADMIN_CASE_TIME_LIMIT, ADMIN_DECISION_SERVICE, CRIM_SUPPLEMENTARY_INVESTIGATION, CRIM_WITHDRAWAL_NOTICE_3D,
  DOSSIER_STAGE_REQUIRED_DOCS, CASE_BACKLOG, ASSET_RECOVERY_PROGRESS,
];
