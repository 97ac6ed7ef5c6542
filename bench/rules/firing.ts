import type { Database } from '../../src/db/database.js';
import { RuleEngine } from '../../src/rules/engine-service.js';
import { dropSchema, freshDatabase } from '../shared/postgres.js';
import { addDueTimers, loadBackgroundDeadlines } from './deadlines.js';
import { type CityFeed, YEAR_END } from './generate.js';
import { importOrThrow } from './ingest-ratio.js';
import { int, percentile, type ResultRow, seconds, sleep } from './measure.js';

/**
 * (c) Firing pending deadlines: a city imported and evaluated (so fired groups have events and
 * alerts), its own timers replaced by `deadlines` pending rows — the background spread over the
 * coming year, plus timers due during a measured window: first a steady stream (`rate` per
 * second for `window` seconds), then a burst due at one instant (day limits end at 00:00, so
 * deadlines cluster at midnight). The worker loop of `RuleEngine.start` runs as the server runs
 * it — processDirty, fireDue, sleep `pollMs` — and lateness = the instant fireDue re-evaluated
 * a timer's group − its fire_at.
 */
export interface FiringOptions {
  deadlines: number;
  windowSec: number;
  rate: number;
  burst: number;
  pollMs: number;
}

/** The server's worker loop, collecting fireDue's lateness, until `done()` or `until`. */
async function workerLoop(engine: RuleEngine, pollMs: number, until: number, done: (fired: number) => boolean): Promise<number[]> {
  const lateness: number[] = [];
  while (Date.now() < until && !done(lateness.length)) {
    await engine.processDirty();
    const fired = await engine.fireDue(new Date());
    lateness.push(...fired.lateness);
    await sleep(pollMs);
  }
  return lateness;
}

async function realGroups(db: Database): Promise<string[]> {
  const { rows } = await db.query<{ group_id: string }>(
    `SELECT DISTINCT group_id FROM event_groups WHERE group_id <> 'none' AND group_id NOT LIKE 'venue:%' ORDER BY group_id`);
  // A fixed shuffle, so that consecutive timers hit unrelated groups (cases and incidents mixed).
  return rows.map((r) => r.group_id).sort((a, b) => hash(a) - hash(b));
}

const hash = (s: string): number => {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return h >>> 0;
};

function latenessRows(label: string, lateness: number[], expected: number, goal: boolean): ResultRow[] {
  const p = (q: number) => `${(percentile(lateness, q) / 1000).toFixed(2)} s`;
  const p99 = percentile(lateness, 99) / 1000;
  return [{
    measure: label,
    figure: `${int(lateness.length)}/${int(expected)} fired; lateness p50 ${p(50)}, p99 ${p(99)}, max ${p(100)}`,
    ...(goal ? { goal: 'p99 ≤ 1 s', met: lateness.length === expected && p99 <= 1 } : {}),
  }];
}

export async function measureFiring(slice: CityFeed, opts: FiringOptions, say: (msg: string) => void): Promise<ResultRow[]> {
  const schema = `bench_rules_firing_${process.pid}`;
  try {
    const db = await freshDatabase(schema);
    await importOrThrow(db, slice.path);
    const engine = new RuleEngine(db);
    await engine.processDirty(YEAR_END);
    await db.exec('TRUNCATE rule_deadlines; ANALYZE event_groups, rule_alerts');
    const groups = await realGroups(db);
    const streamCount = Math.round(opts.rate * opts.windowSec);
    const background = Math.max(0, opts.deadlines - streamCount - opts.burst);
    const t0 = performance.now();
    await loadBackgroundDeadlines(schema, background, Date.now() + 86_400_000, engine.evaluators.map((e) => e.ruleId));
    say(`loaded ${int(background)} background deadlines in ${seconds(t0).toFixed(0)} s`);

    const ruleId = engine.evaluators[0].ruleId;
    const start = Date.now() + 3000;
    const stream = Array.from({ length: streamCount }, (_, j) => start + Math.floor((j * 1000) / opts.rate));
    await addDueTimers(db, 'stream', groups, stream, ruleId);
    const steady = await workerLoop(engine, opts.pollMs, start + opts.windowSec * 1000 + 30_000, (n) => n >= streamCount);
    say(`steady stream: ${steady.length} of ${streamCount} fired`);

    const burstAt = Date.now() + 3000;
    await addDueTimers(db, 'burst', groups.slice(streamCount), Array.from({ length: opts.burst }, () => burstAt), ruleId);
    const burst = opts.burst ? await workerLoop(engine, opts.pollMs, burstAt + 120_000, (n) => n >= opts.burst) : [];
    const { rows } = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM rule_deadlines`);
    await db.close();
    return [
      ...latenessRows(`firing, steady ${opts.rate}/s for ${opts.windowSec} s, ${int(rows[0].n)} pending, poll ${opts.pollMs} ms`, steady, streamCount, true),
      ...(opts.burst ? latenessRows(`firing, burst of ${int(opts.burst)} due at one instant`, burst, opts.burst, false) : []),
    ];
  } finally {
    await dropSchema(schema);
  }
}
