import type { Database } from '../../src/db/database.js';
import { importFile } from '../../src/interchange/import.js';
import type { ImportOptions } from '../../src/interchange/types.js';
import { RuleEngine } from '../../src/rules/engine-service.js';
import { freshDatabase, dropSchema } from '../shared/postgres.js';
import { type CityFeed, YEAR_END } from './generate.js';
import { int, type ResultRow, seconds } from './measure.js';

/**
 * (a) Ingest with rules on against ingest with rules off, in the same run: the same feed into
 * two fresh schemas. Off: the importer alone (`rules: false`, no groups marked). On: the importer
 * marking the groups it touched in its transaction, then the live engine re-evaluating the dirty
 * groups until none is left (`processDirty`) — what a `.jsonl` costs end to end with rules on.
 * Rules on runs first, so that it, not the baseline, pays for the cold JIT.
 */
export const IMPORT_OPTIONS: ImportOptions = { source: 'demo', now: new Date(YEAR_END.getTime() + 86_400_000), maxBytes: 2 ** 40 };

export async function importOrThrow(db: Database, path: string, opts: ImportOptions = {}): Promise<void> {
  const report = await importFile(db, path, { ...IMPORT_OPTIONS, ...opts });
  if (report.status !== 'accepted') throw new Error(`${path} rejected: ${JSON.stringify(report.errors.slice(0, 5))}`);
}

export async function measureIngestRatio(slice: CityFeed, say: (msg: string) => void): Promise<ResultRow[]> {
  const schemaOn = `bench_rules_on_${process.pid}`;
  const schemaOff = `bench_rules_off_${process.pid}`;
  try {
    const on = await freshDatabase(schemaOn);
    const t0 = performance.now();
    await importOrThrow(on, slice.path);
    const importSec = seconds(t0);
    const t1 = performance.now();
    const groups = await new RuleEngine(on).processDirty(YEAR_END);
    const rulesSec = seconds(t1);
    const onSec = seconds(t0);
    const { rows } = await on.query<{ alerts: number; timers: number }>(
      `SELECT (SELECT count(*) FROM rule_alerts)::int AS alerts, (SELECT count(*) FROM rule_deadlines)::int AS timers`);
    await on.close();
    say(`rules on: import ${importSec.toFixed(1)} s + ${int(groups)} groups evaluated in ${rulesSec.toFixed(1)} s (${int(rows[0].alerts)} alerts, ${int(rows[0].timers)} timers)`);

    const off = await freshDatabase(schemaOff);
    const t2 = performance.now();
    await importOrThrow(off, slice.path, { rules: false });
    const offSec = seconds(t2);
    await off.close();
    say(`rules off: import ${offSec.toFixed(1)} s`);

    const rate = (sec: number) => slice.events / sec;
    const ratio = rate(onSec) / rate(offSec);
    return [
      { measure: `ingest, rules off (${int(slice.events)} events)`, figure: `${offSec.toFixed(1)} s = ${int(rate(offSec))} events/s` },
      { measure: 'ingest, rules on (import + processDirty)', figure: `${onSec.toFixed(1)} s = ${int(rate(onSec))} events/s (import ${importSec.toFixed(1)} s, rules ${rulesSec.toFixed(1)} s for ${int(groups)} groups)` },
      { measure: 'ingest ratio rules on / off', figure: ratio.toFixed(2), goal: '≥ 0.5', met: ratio >= 0.5 },
    ];
  } finally {
    await dropSchema(schemaOn);
    await dropSchema(schemaOff);
  }
}
