import type { Database } from '../../src/db/database.js';
import { openDatabase } from '../../src/db/open.js';
import { RuleEngine } from '../../src/rules/engine-service.js';
import { BENCH_DATABASE_URL, freshDatabase } from '../shared/postgres.js';
import { type YearFeed, YEAR_END } from './generate.js';
import { importOrThrow } from './ingest-ratio.js';
import { int, type ResultRow, seconds } from './measure.js';

/**
 * (b) Full re-evaluation: the year imported (one import per city, rules on, so every event has
 * its group), then `evaluateAll(end of year)` over every group, as `shuju rules reevaluate` and
 * time travel do; nothing is written. `reuse` keeps a schema that already holds the year.
 */
export async function openYear(feed: YearFeed, schema: string, reuse: boolean, say: (msg: string) => void): Promise<{ db: Database; importSec?: number }> {
  if (reuse) {
    const db = await openDatabase({ databaseUrl: BENCH_DATABASE_URL, schema });
    const { rows } = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM events`);
    if (rows[0].n === feed.events) {
      say(`reusing schema ${schema} (${int(rows[0].n)} events)`);
      return { db };
    }
    say(`schema ${schema} holds ${int(rows[0].n)} events, not ${int(feed.events)}: importing afresh`);
    await db.close();
  }
  const db = await freshDatabase(schema);
  const t0 = performance.now();
  for (const [i, city] of feed.cities.entries()) {
    const t = performance.now();
    await importOrThrow(db, city.path);
    say(`imported city ${i + 1}/${feed.cities.length} in ${seconds(t).toFixed(1)} s`);
  }
  const importSec = seconds(t0);
  // The importer refreshes the log's statistics; the rule tables it fills are left to autovacuum.
  await db.exec('ANALYZE event_groups, incident_cases, rule_dirty_groups');
  return { db, importSec };
}

export async function measureReevaluation(
  db: Database, feed: YearFeed, importSec: number | undefined, workers: number | undefined, say: (msg: string) => void,
): Promise<ResultRow[]> {
  const engine = new RuleEngine(db, { workers });
  const cpu0 = process.cpuUsage();
  let groups = 0, alerts = 0, timers = 0, batches = 0;
  const t0 = performance.now();
  for await (const batch of engine.evaluateAll(YEAR_END)) {
    batches++;
    groups += batch.size;
    for (const r of batch.values()) {
      alerts += r.alerts.length;
      timers += r.timers.length;
    }
    if (batches % 50 === 0) say(`  ${int(groups)} groups in ${seconds(t0).toFixed(1)} s`);
  }
  const sec = seconds(t0);
  const cpu = process.cpuUsage(cpu0);
  const nodeCpu = (cpu.user + cpu.system) / 1e6;
  say(`full re-evaluation: ${int(groups)} groups in ${sec.toFixed(1)} s: ${int(alerts)} alerts, ${int(timers)} timers`);
  const rows: ResultRow[] = [];
  if (importSec !== undefined) {
    rows.push({ measure: `import of the year (${feed.cities.length} files, rules on)`, figure: `${importSec.toFixed(0)} s = ${int(feed.events / importSec)} events/s` });
  }
  rows.push({
    measure: `full re-evaluation of ${int(feed.events)} events (${int(groups)} groups, ${engine.evaluators.length} rules, ${workers ?? 'default'} workers)`,
    figure: `${sec.toFixed(1)} s = ${int(feed.events / sec)} events/s (Node CPU ${nodeCpu.toFixed(0)} s); ${int(alerts)} alerts, ${int(timers)} timers`,
    goal: '≤ 60 s', met: sec <= 60,
  });
  return rows;
}
