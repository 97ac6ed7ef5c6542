import type { Database } from '../../src/db/database.js';
import { importFile } from '../../src/interchange/import.js';
import type { ImportOptions } from '../../src/interchange/types.js';
import { RuleEngine } from '../../src/rules/engine-service.js';
import { freshDatabase, dropSchema } from '../shared/postgres.js';
import { type CityFeed, YEAR_END } from './generate.js';
import { int, type ResultRow, seconds } from './measure.js';

/**
 * (a) Ingest with rules on against ingest with rules off, in the same run: the same feed into
 * fresh schemas. Off: the importer alone (`rules: false`, no groups marked). On: the importer
 * marking the groups it touched in its transaction, then the live engine re-evaluating the dirty
 * groups until none is left (`processDirty`) — what a `.jsonl` costs end to end with rules on.
 * A small city through both paths first (`warmUp`), so that both are measured at the steady
 * state of a running server rather than one of them paying for the cold JIT.
 */
export const IMPORT_OPTIONS: ImportOptions = { source: 'demo', now: new Date(YEAR_END.getTime() + 86_400_000), maxBytes: 2 ** 40 };

export async function importOrThrow(db: Database, path: string, opts: ImportOptions = {}): Promise<void> {
  const report = await importFile(db, path, { ...IMPORT_OPTIONS, ...opts });
  if (report.status !== 'accepted') throw new Error(`${path} rejected: ${JSON.stringify(report.errors.slice(0, 5))}`);
}

interface OnRun {
  sec: number;
  importSec: number;
  rulesSec: number;
  groups: number;
}

/** Rules on: the import marking its groups, then processDirty until none is left. */
async function ingestWithRules(schema: string, path: string): Promise<OnRun> {
  const db = await freshDatabase(schema);
  try {
    const t0 = performance.now();
    await importOrThrow(db, path);
    const importSec = seconds(t0);
    const t1 = performance.now();
    const groups = await new RuleEngine(db).processDirty(YEAR_END);
    return { sec: seconds(t0), importSec, rulesSec: seconds(t1), groups };
  } finally {
    await db.close();
  }
}

/** Rules off: the importer alone. */
async function ingestWithoutRules(schema: string, path: string): Promise<number> {
  const db = await freshDatabase(schema);
  try {
    const t0 = performance.now();
    await importOrThrow(db, path, { rules: false });
    return seconds(t0);
  } finally {
    await db.close();
  }
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/**
 * `rounds` pairs, the order alternating (on–off, off–on, …), so that drift in the machine's load
 * touches both sides alike; the figure is the median ratio of the pairs.
 */
export async function measureIngestRatio(slice: CityFeed, warmUp: CityFeed, rounds: number, say: (msg: string) => void): Promise<ResultRow[]> {
  const schemaOn = `bench_rules_on_${process.pid}`;
  const schemaOff = `bench_rules_off_${process.pid}`;
  try {
    await ingestWithRules(schemaOn, warmUp.path);
    await ingestWithoutRules(schemaOff, warmUp.path);
    say(`warmed up with ${int(warmUp.events)} events through both paths`);
    const ons: OnRun[] = [];
    const offs: number[] = [];
    const ratios: number[] = [];
    for (let r = 0; r < Math.max(1, rounds); r++) {
      let on: OnRun, off: number;
      if (r % 2 === 0) {
        on = await ingestWithRules(schemaOn, slice.path);
        off = await ingestWithoutRules(schemaOff, slice.path);
      } else {
        off = await ingestWithoutRules(schemaOff, slice.path);
        on = await ingestWithRules(schemaOn, slice.path);
      }
      ons.push(on);
      offs.push(off);
      ratios.push(off / on.sec);
      say(`round ${r + 1}: rules on ${on.sec.toFixed(1)} s (import ${on.importSec.toFixed(1)} s + ${int(on.groups)} groups evaluated in ${on.rulesSec.toFixed(1)} s), rules off ${off.toFixed(1)} s: ratio ${(off / on.sec).toFixed(2)}`);
    }
    const rate = (sec: number) => int(slice.events / sec);
    const on = median(ons.map((x) => x.sec));
    const off = median(offs);
    const ratio = median(ratios);
    return [
      { measure: `ingest, rules off (${int(slice.events)} events), median of ${ratios.length}`, figure: `${off.toFixed(1)} s = ${rate(off)} events/s` },
      {
        measure: 'ingest, rules on (import + processDirty), median',
        figure: `${on.toFixed(1)} s = ${rate(on)} events/s (import ${median(ons.map((x) => x.importSec)).toFixed(1)} s, rules ${median(ons.map((x) => x.rulesSec)).toFixed(1)} s for ${int(ons[0].groups)} groups)`,
      },
      { measure: `ingest ratio rules on / off, median (rounds: ${ratios.map((x) => x.toFixed(2)).join(', ')})`, figure: ratio.toFixed(2), goal: '≥ 0.5', met: ratio >= 0.5 },
    ];
  } finally {
    await dropSchema(schemaOn);
    await dropSchema(schemaOff);
  }
}
