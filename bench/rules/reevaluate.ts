import { availableParallelism } from 'node:os';
import type { Database } from '../../src/db/database.js';
import { openDatabase } from '../../src/db/open.js';
import { loadRuleSettings, RuleEngine } from '../../src/rules/engine-service.js';
import { evaluatePages } from '../../src/rules/full-evaluation.js';
import type { GroupResult } from '../../src/rules/engine/evaluate.js';
import { SnapshotLoader } from '../../src/rules/store/load.js';
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

/**
 * (b′) The rules alone: the same full re-evaluation in this thread (no workers), timing only the
 * evaluation of the loaded snapshots — the CPU time the rules need whatever the loader costs. On
 * a machine with C cores, a re-evaluation cannot take less than this figure divided by C.
 */
export async function measureRulesAlone(db: Database, feed: YearFeed, say: (msg: string) => void): Promise<ResultRow[]> {
  const engine = new RuleEngine(db, { workers: 0 });
  let rulesMs = 0, groups = 0, cases = 0, caseMs = 0;
  // One group at a time, so that case groups (a tenth of the groups, most of the work) are told apart.
  const timed: RuleEngine['evaluate'] = (snapshots, settings) => {
    const results = new Map<string, GroupResult>();
    for (const s of snapshots) {
      const t = performance.now();
      for (const [g, r] of engine.evaluate([s], settings)) results.set(g, r);
      const ms = performance.now() - t;
      rulesMs += ms;
      groups++;
      if (s.groupId.startsWith('case:')) { cases++; caseMs += ms; }
    }
    return results;
  };
  const t0 = performance.now();
  let pages = 0;
  for await (const _ of evaluatePages({ db, loader: new SnapshotLoader(db), pageSize: 2000, workers: 0, ruleIds: engine.evaluators.map((e) => e.ruleId), evaluate: timed },
    YEAR_END, await loadRuleSettings(db))) {
    if (++pages % 50 === 0) say(`  ${int(groups)} groups, rules ${(rulesMs / 1000).toFixed(1)} s of ${seconds(t0).toFixed(1)} s`);
  }
  say(`rules alone: ${int(groups)} groups in ${(rulesMs / 1000).toFixed(1)} s (run ${seconds(t0).toFixed(1)} s)`);
  return [{
    measure: `the rules alone over the year's ${int(feed.events)} events (${int(groups)} groups, ${engine.evaluators.length} rules, one thread, loading not counted)`,
    figure: `${(rulesMs / 1000).toFixed(1)} s: no re-evaluation on ${availableParallelism()} cores can take less than ${(rulesMs / 1000 / availableParallelism()).toFixed(1)} s`
      + (cases ? `; a case group ${int((caseMs * 1000) / cases)} µs, any other ${int(((rulesMs - caseMs) * 1000) / (groups - cases))} µs` : ''),
  }];
}
