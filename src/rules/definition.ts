import type { Period, PeriodUnit, WarnPoint } from '../legal-time/deadline.js';

/**
 * A supervision rule of the catalogue (shared/domain/rules-catalog.md) as data: what triggers
 * it, what complies, the limit with its extensions and exceptions, the warning ladder, the
 * severity and the legal basis, and the parameters a bureau may set without code changes. The
 * engine (issue 3) evaluates these; docs/rules.md is generated from them.
 */
export type Severity = 'S1' | 'S2' | 'S3' | 'S4';
export type Grade = 'V-text' | 'V-secondary' | 'V-report' | 'U' | 'D';
export type RuleDomain = 'incident' | 'intake' | 'measures' | 'area' | 'interrogation' | 'property' | 'closure' | 'dossier';
export type ApprovalLevel =
  | 'department' | 'county' | 'city' | 'upper' | 'provincial' | 'procuratorate' | 'upper_procuratorate' | 'provincial_procuratorate';

export interface Localized {
  'zh-CN': string;
  en: string;
}

export interface RuleParameter {
  /** Default value; [D] platform defaults are parameters, statutory constants are not. */
  default: number | string | boolean;
  description: Localized;
}

export interface RuleDefinition {
  /** The catalogue's rule id, e.g. CRIM_DETENTION_NOTIFY_FAMILY_24H. */
  id: string;
  version: number;
  /** Local dates (inclusive from, exclusive to) of the law version this definition encodes. */
  effective: { from?: string; to?: string };
  domain: RuleDomain;
  caseKind: 'criminal' | 'administrative' | 'both';
  kind: 'deadline' | 'prohibition' | 'document' | 'state';
  /** In the catalogue's core set (★, §4). */
  core: boolean;
  name: Localized;
  description: Localized;
  trigger: { events: string[]; condition?: string };
  compliance: { events?: string[]; documents?: string[]; checks?: string[] };
  /** Deadline rules: the limit, and whether it is custodial (never moved off holidays). */
  limit?: Period & { custodial: 'always' | 'never' | 'if_held' };
  extensions?: { approvalFor?: string; newLimit: Period; level?: ApprovalLevel; reasons?: string[]; note?: string }[];
  exceptions?: string[];
  warn?: WarnPoint;
  severity: { warning?: Severity; overdue?: Severity; violation: Severity };
  basis: { law: string; article: string }[];
  grade: Grade;
  parameters?: Record<string, RuleParameter>;
  /**
   * What is partial about the rule, or why it cannot be evaluated from the contract. Whether it
   * is implemented is not declared here: a rule is implemented when src/rules/evaluators has an
   * evaluator for it (docs/rules.md shows both).
   */
  statusNote?: string;
}

/** A text in both languages, and a period: the shorthands every definition file uses. */
export const L = (zh: string, en: string): Localized => ({ 'zh-CN': zh, en });
export const P = (amount: number, unit: PeriodUnit): Period => ({ amount, unit });
