/**
 * bench/rules: the rule engine on PostgreSQL (issue 3). Three parts, each in fresh schemas:
 *   ingest   — events/s importing a city with rules on (import + processDirty) against rules off;
 *              goal ratio ≥ 0.5
 *   reeval   — full re-evaluation (evaluateAll as of the end of the year) of the imported year;
 *              goal ≤ 60 s for 5,000,000 events
 *   rules-alone — the same re-evaluation in one thread, timing only the rules (the floor: no
 *              loader can make a re-evaluation faster than this divided by the cores)
 *   firing   — lateness of firing with 10,000,000 pending deadlines; goal p99 ≤ 1 s
 *
 *   npm run bench:rules -- [--parts ingest,reeval,firing] [--events 5000000] [--scale 1]
 *     [--slice-scale 1] [--rounds 3] [--deadlines 10000000] [--window 60] [--rate 20] [--burst 500] [--poll 250]
 *     [--workers N[,M…]] [--feed-dir DIR] [--schema NAME] [--keep]
 *
 * --feed-dir keeps the generated feed there and reuses it on the next run; --schema NAME with
 * --keep imports the year once into NAME and leaves it, and a later run with the same --schema
 * reuses it (the figure is then the re-evaluation alone). --workers 0,2 re-evaluates once per
 * worker count (default: the engine's, the cores beyond two).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { EVALUATORS } from '../../src/rules/evaluators/index.js';
import { dropSchema } from '../shared/postgres.js';
import { measureFiring } from './firing.js';
import { writeYearFeed } from './generate.js';
import { measureIngestRatio } from './ingest-ratio.js';
import { CALIBRATION_SCRIPT, calibrate, printTable, type ResultRow } from './measure.js';
import { measureReevaluation, measureRulesAlone, openYear } from './reevaluate.js';

const { values: args } = parseArgs({
  options: {
    parts: { type: 'string', default: 'ingest,reeval,firing' },
    events: { type: 'string', default: '5000000' },
    scale: { type: 'string', default: '1' },
    'slice-scale': { type: 'string', default: '1' },
    deadlines: { type: 'string', default: '10000000' },
    window: { type: 'string', default: '60' },
    rate: { type: 'string', default: '20' },
    burst: { type: 'string', default: '500' },
    poll: { type: 'string', default: '250' },
    rounds: { type: 'string', default: '3' },
    workers: { type: 'string' },
    'feed-dir': { type: 'string' },
    schema: { type: 'string' },
    keep: { type: 'boolean', default: false },
  },
});
const parts = new Set(args.parts.split(','));
const num = (name: keyof typeof args) => {
  const v = Number(args[name]);
  if (!Number.isFinite(v) || v < 0) throw new Error(`--${name} must be a non-negative number, not ${args[name]}`);
  return v;
};
const say = (msg: string) => console.log(`[${new Date().toISOString().slice(11, 19)}] ${msg}`);

const tmp = args['feed-dir'] ? undefined : mkdtempSync(join(tmpdir(), 'shuju-bench-rules-'));
const feedDir = args['feed-dir'] ?? tmp!;
const results: ResultRow[] = [
  { measure: `machine calibration: node -e '${CALIBRATION_SCRIPT}'`, figure: `${calibrate().toFixed(1)} s` },
  { measure: 'rules evaluated', figure: `${EVALUATORS.length} (src/rules/evaluators)` },
];
try {
  const sliceFeed = () => writeYearFeed(join(feedDir, `slice-${args['slice-scale']}`), { events: 1, scale: num('slice-scale') }, say);
  if (parts.has('ingest')) {
    const slice = (await sliceFeed()).cities[0];
    const warmUp = (await writeYearFeed(join(feedDir, 'warm-up'), { events: 1, scale: 0.05 }, say)).cities[0];
    say(`ingest slice: one city, ${slice.events} events, ${slice.objects} objects`);
    results.push(...(await measureIngestRatio(slice, warmUp, num('rounds'), say)));
  }
  if (parts.has('reeval') || parts.has('rules-alone')) {
    const feed = await writeYearFeed(join(feedDir, `year-${args.events}-${args.scale}`), { events: num('events'), scale: num('scale') }, say);
    say(`year: ${feed.cities.length} cities, ${feed.events} events, ${feed.objects} objects`);
    const schema = args.schema ?? `bench_rules_year_${process.pid}`;
    const { db, importSec } = await openYear(feed, schema, !!args.schema, say);
    try {
      if (parts.has('reeval')) {
        for (const [i, workers] of (args.workers?.split(',').map(Number) ?? [undefined]).entries()) {
          results.push(...(await measureReevaluation(db, feed, i === 0 ? importSec : undefined, workers, say)));
        }
      }
      if (parts.has('rules-alone')) results.push(...(await measureRulesAlone(db, feed, say)));
    } finally {
      await db.close();
      if (!args.keep) await dropSchema(schema);
    }
  }
  if (parts.has('firing')) {
    const slice = (await sliceFeed()).cities[0];
    results.push(...(await measureFiring(slice, {
      deadlines: num('deadlines'), windowSec: num('window'), rate: num('rate'), burst: num('burst'), pollMs: num('poll'),
    }, say)));
  }
  printTable(results);
} finally {
  if (tmp) rmSync(tmp, { recursive: true, force: true });
}
