import type { Database } from '../db/database.js';
import type { RuleSettings } from './engine/context.js';
import type { Alert, Timer } from './engine/finding.js';
import { RuleEngine, type EngineOptions } from './engine-service.js';

/**
 * Time travel (§13 "as of T"): the alerts as they stood at T and the timers then pending, by full
 * re-evaluation of the stored log (events with time ≤ T, latest revisions). Nothing is written.
 */
export interface AsOfOptions extends EngineOptions {
  settings?: RuleSettings;
  /** Only these rules. */
  ruleIds?: string[];
}

async function collect<T>(db: Database, asOf: Date, opts: AsOfOptions, pick: (r: { alerts: Alert[]; timers: Timer[] }) => T[]): Promise<T[]> {
  const engine = new RuleEngine(db, opts.ruleIds ? { ...opts, evaluators: (opts.evaluators ?? new RuleEngine(db).evaluators).filter((e) => opts.ruleIds!.includes(e.ruleId)) } : opts);
  const out: T[] = [];
  for await (const batch of engine.evaluateAll(asOf, opts.settings)) for (const r of batch.values()) out.push(...pick(r));
  return out;
}

export async function alertsAsOf(db: Database, asOf: Date, opts: AsOfOptions = {}): Promise<Alert[]> {
  const alerts = await collect(db, asOf, opts, (r) => r.alerts);
  return alerts.sort((a, b) => a.raisedAt.localeCompare(b.raisedAt) || a.id.localeCompare(b.id));
}

export async function pendingAsOf(db: Database, asOf: Date, opts: AsOfOptions = {}): Promise<Timer[]> {
  const timers = await collect(db, asOf, opts, (r) => r.timers);
  return timers.sort((a, b) => a.fireAt.localeCompare(b.fireAt) || a.alertId.localeCompare(b.alertId));
}
