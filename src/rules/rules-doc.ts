/**
 * docs/rules.md from the rule definitions (src/rules/definitions) and the evaluators that exist:
 * one table per domain with basis and status. `npm run docs:rules` writes it; a test checks
 * that the committed file is current.
 */
import type { RuleDefinition, RuleDomain } from './definition.js';
import { ALL_RULES, RULES_BY_DOMAIN } from './definitions/index.js';
import { IMPLEMENTED_RULE_IDS } from './evaluators/index.js';

const TITLES: Record<RuleDomain, string> = {
  incident: 'Incident reception and diversion (接处警 / 警情分流)',
  intake: 'Case acceptance and filing (受案 / 立案)',
  measures: 'Coercive measures (强制措施)',
  area: 'Case-handling area (办案区)',
  interrogation: 'Interrogation, questioning and transcripts (讯问 / 询问 / 笔录)',
  property: 'Evidence and property (证据 / 涉案财物)',
  closure: 'Case closure and time limits (结案 / 办案期限)',
  dossier: 'Dossier quality (卷宗)',
};

const cell = (s: string): string => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');
const severity = (r: RuleDefinition): string =>
  [r.severity.warning && `warn ${r.severity.warning}`, r.severity.overdue && `overdue ${r.severity.overdue}`, r.severity.violation]
    .filter(Boolean).join(' · ');
const version = (r: RuleDefinition): string =>
  r.effective.from || r.effective.to ? ` (v${r.version}: ${r.effective.from ?? '…'} – ${r.effective.to ?? '…'})` : '';
/** Implemented = the engine has an evaluator for it (src/rules/evaluators); otherwise why not yet. */
const status = (r: RuleDefinition): string => {
  if (IMPLEMENTED_RULE_IDS.has(r.id)) return r.statusNote ? `implemented (${r.statusNote})` : 'implemented';
  return `not yet: ${r.statusNote ?? (r.core ? 'core rule in progress' : 'outside the first release (non-core)')}`;
};

export function renderRulesDoc(): string {
  const ids = new Set(ALL_RULES.map((r) => r.id));
  const core = new Set(ALL_RULES.filter((r) => r.core).map((r) => r.id));
  const out: string[] = [
    '# Supervision rules',
    '',
    '<!-- GENERATED FILE: do not edit. Source: src/rules/definitions/*.ts; regenerate with `npx tsx scripts/rules-doc.ts`. -->',
    '',
    '> This file is generated from the rule definitions in `src/rules/definitions/` by `scripts/rules-doc.ts`.',
    '> Edit the definitions, not this file. The rules follow the catalogue (shared/domain/rules-catalog.md).',
    '',
    `${ids.size} rules (${core.size} core ★), ${ALL_RULES.length} definitions including law versions; ` +
      `${[...ids].filter((id) => IMPLEMENTED_RULE_IDS.has(id)).length} implemented (${[...core].filter((id) => IMPLEMENTED_RULE_IDS.has(id)).length} of the core set).`,
    '',
  ];
  for (const [domain, rules] of Object.entries(RULES_BY_DOMAIN) as [RuleDomain, RuleDefinition[]][]) {
    out.push(`## ${TITLES[domain]}`, '', '| Id | Core | Name (zh-CN) | Name (en) | Severity | Basis | Status |', '|---|---|---|---|---|---|---|');
    for (const r of rules) {
      const basis = r.basis.map((b) => `${b.law} ${b.article}`).join('; ') || '—';
      out.push(`| \`${r.id}\`${version(r)} | ${r.core ? '★' : ''} | ${cell(r.name['zh-CN'])} | ${cell(r.name.en)} | ${severity(r)} | ${cell(basis)} [${r.grade}] | ${cell(status(r))} |`);
    }
    out.push('');
  }
  return out.join('\n');
}
