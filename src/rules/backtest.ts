import type { Database } from '../db/database.js';
import type { ParamValue, RuleSettings } from './engine/context.js';
import { ruleById, ALL_RULES } from './definitions/index.js';
import { IMPLEMENTED_RULE_IDS } from './evaluators/index.js';
import { loadRuleSettings, RuleEngine, type EngineOptions } from './engine-service.js';

/**
 * Backtest (issue 3 §6): how many alerts a rule — or a changed parameter — would have raised per
 * unit over a past period, before it is switched on. Both sides are full re-evaluations of the
 * stored log as of the period's end: "current" with the bureau's settings (0 for a rule that is
 * off), "proposed" with the rule on and the given parameter values. An alert counts for the
 * period when it was raised in [from, to).
 */
export interface BacktestRequest {
  ruleId: string;
  params?: Record<string, string>;
  from: Date;
  to: Date;
}

export interface BacktestUnit {
  unitId: string | null;
  current: number;
  proposed: number;
}

export interface BacktestResult {
  ruleId: string;
  from: string;
  to: string;
  params: Record<string, ParamValue>;
  units: BacktestUnit[];
  total: { current: number; proposed: number };
}

export class BacktestError extends Error {}

/** Checks the request and types the parameter values like the definition's defaults. */
export function parseBacktest(req: BacktestRequest): Record<string, ParamValue> {
  if (!ALL_RULES.some((r) => r.id === req.ruleId)) throw new BacktestError(`unknown rule ${req.ruleId}`);
  if (!IMPLEMENTED_RULE_IDS.has(req.ruleId)) throw new BacktestError(`rule ${req.ruleId} is not implemented yet (see docs/rules.md)`);
  if (!(req.from.getTime() < req.to.getTime())) throw new BacktestError('--from must be before --to');
  const def = ruleById(req.ruleId, req.to) ?? ALL_RULES.find((r) => r.id === req.ruleId)!;
  const out: Record<string, ParamValue> = {};
  for (const [name, raw] of Object.entries(req.params ?? {})) {
    const p = def.parameters?.[name];
    if (!p) {
      const known = Object.keys(def.parameters ?? {});
      throw new BacktestError(`rule ${req.ruleId} has no parameter "${name}"${known.length ? ` (it has: ${known.join(', ')})` : ' (it has none)'}`);
    }
    if (typeof p.default === 'number') {
      const n = Number(raw);
      if (raw.trim() === '' || !Number.isFinite(n)) throw new BacktestError(`parameter "${name}" of ${req.ruleId} must be a number, got "${raw}"`);
      out[name] = n;
    } else if (typeof p.default === 'boolean') {
      if (raw !== 'true' && raw !== 'false') throw new BacktestError(`parameter "${name}" of ${req.ruleId} must be true or false, got "${raw}"`);
      out[name] = raw === 'true';
    } else out[name] = raw;
  }
  return out;
}

export async function backtest(db: Database, req: BacktestRequest, opts: EngineOptions = {}): Promise<BacktestResult> {
  const params = parseBacktest(req);
  const settings = await loadRuleSettings(db);
  const proposed: RuleSettings = {
    disabled: (settings.disabled ?? []).filter((id) => id !== req.ruleId),
    params: { ...settings.params, [req.ruleId]: { ...settings.params?.[req.ruleId], ...params } },
  };
  const engine = new RuleEngine(db, { ...opts, evaluators: (opts.evaluators ?? new RuleEngine(db, opts).evaluators).filter((e) => e.ruleId === req.ruleId) });
  const count = async (s: RuleSettings) => {
    const byUnit = new Map<string | null, number>();
    for await (const batch of engine.evaluateAll(req.to, s)) {
      for (const r of batch.values()) {
        for (const a of r.alerts) {
          const t = Date.parse(a.raisedAt);
          if (t >= req.from.getTime() && t < req.to.getTime()) byUnit.set(a.unitId, (byUnit.get(a.unitId) ?? 0) + 1);
        }
      }
    }
    return byUnit;
  };
  const before = (settings.disabled ?? []).includes(req.ruleId) ? new Map<string | null, number>() : await count(settings);
  const after = await count(proposed);
  const unitIds = [...new Set([...before.keys(), ...after.keys()])].sort((a, b) => (a ?? '').localeCompare(b ?? ''));
  const units = unitIds.map((unitId) => ({ unitId, current: before.get(unitId) ?? 0, proposed: after.get(unitId) ?? 0 }));
  const sum = (k: 'current' | 'proposed') => units.reduce((n, u) => n + u[k], 0);
  return { ruleId: req.ruleId, from: req.from.toISOString(), to: req.to.toISOString(), params, units, total: { current: sum('current'), proposed: sum('proposed') } };
}
