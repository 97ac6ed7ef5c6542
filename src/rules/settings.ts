import type { Queryable } from '../db/database.js';
import type { ParamValue, RuleSettings } from './engine/context.js';
import { ALL_RULES } from './definitions/index.js';
import { loadRuleSettings, SETTINGS_KEY } from './engine-service.js';
import { BacktestError, parseBacktest } from './backtest.js';

/**
 * A bureau's rule settings without code changes (issue 3 §1): switch a rule off or on, set a
 * named parameter. Stored in platform_settings; every group is re-evaluated with the new values.
 */
export async function saveRuleSettings(db: Queryable, settings: RuleSettings): Promise<void> {
  await db.query(
    `INSERT INTO platform_settings (key, value) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value`,
    [SETTINGS_KEY, JSON.stringify(settings)]);
  // Everything may change: let the worker re-evaluate every group.
  await db.query(`INSERT INTO rule_dirty_groups (group_id) SELECT DISTINCT group_id FROM event_groups WHERE group_id <> 'none' AND group_id NOT LIKE 'venue:%' ON CONFLICT DO NOTHING`);
}

export async function setRuleEnabled(db: Queryable, ruleId: string, enabled: boolean): Promise<RuleSettings> {
  if (!ALL_RULES.some((r) => r.id === ruleId)) throw new BacktestError(`unknown rule ${ruleId}`);
  const s = await loadRuleSettings(db);
  const disabled = new Set(s.disabled ?? []);
  if (enabled) disabled.delete(ruleId);
  else disabled.add(ruleId);
  const next = { ...s, disabled: [...disabled].sort() };
  await saveRuleSettings(db, next);
  return next;
}

/** Sets parameters of a rule (values typed like the definition's defaults; unknown names refused). */
export async function setRuleParams(db: Queryable, ruleId: string, params: Record<string, string>): Promise<RuleSettings> {
  const typed: Record<string, ParamValue> = parseBacktest({ ruleId, params, from: new Date(0), to: new Date(1) });
  const s = await loadRuleSettings(db);
  const next = { ...s, params: { ...s.params, [ruleId]: { ...s.params?.[ruleId], ...typed } } };
  await saveRuleSettings(db, next);
  return next;
}
