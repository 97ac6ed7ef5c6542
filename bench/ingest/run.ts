/**
 * bench/ingest: import N events (default 1,000,000) from a `.jsonl` into PostgreSQL with the
 * real importer, then load exactly the rows it wrote into fresh copies of the same tables with a
 * raw COPY, in the same run; report events/s of both and their ratio (goal ≥ 0.5). The import
 * marks the rule engine's groups in its transaction (issue 3); the importer alone (`rules: false`)
 * is measured too, against the raw COPY of the log tables only. Then the PGlite figure for a
 * smaller feed (PGlite is one single-threaded WASM process).
 *
 *   node --max-old-space-size=12000 --import tsx bench/ingest/run.ts [events] [pgliteEvents]
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { to as copyTo, from as copyFrom } from 'pg-copy-streams';
import { pipeline } from 'node:stream/promises';
import { Writable, Readable } from 'node:stream';
import { openDatabase } from '../../src/db/open.js';
import type { Database } from '../../src/db/database.js';
import { importFile } from '../../src/interchange/import.js';
import { BENCH_DATABASE_URL, dropSchema } from '../shared/postgres.js';
import { writeIngestFeed } from './generate.js';

const url = BENCH_DATABASE_URL;
const events = Number(process.argv[2] ?? 1_000_000);
const pgliteEvents = Number(process.argv[3] ?? 200_000);
const LOG_TABLES = ['objects', 'object_attributes', 'object_relationships', 'events', 'event_objects', 'unit_closure'];
// What the import also writes for the rule engine (issue 3): each event's group, the incidents'
// cases, the dirty groups. Raw-copied too, so the baseline holds exactly the rows the import wrote.
const RULE_TABLES = ['event_groups', 'incident_cases', 'rule_dirty_groups'];
const TABLES = [...LOG_TABLES, ...RULE_TABLES];

async function copyOut(client: pg.Client, table: string): Promise<Buffer> {
  const chunks: Buffer[] = [];
  await pipeline(client.query(copyTo(`COPY ${table} TO STDOUT`)), new Writable({ write(c, _e, cb) { chunks.push(c); cb(); } }));
  return Buffer.concat(chunks);
}

const dir = mkdtempSync(join(tmpdir(), 'shuju-bench-'));
try {
  const feed = join(dir, `bench_20250101T000000_1.jsonl`);
  const gen = await writeIngestFeed(feed, events);
  console.log(`feed: ${gen.events} events, ${gen.objects} objects, ${(statSync(feed).size / 2 ** 20).toFixed(0)} MiB`);

  const sImport = `bench_import_${process.pid}`, sCopy = `bench_copy_${process.pid}`;
  const db = await openDatabase({ databaseUrl: url, schema: sImport });
  // The 256 MiB file limit is a configurable default (§2.1); the benchmark feed is larger.
  const importInto = async (target: Database, rules: boolean): Promise<number> => {
    const t0 = performance.now();
    const report = await importFile(target, feed, { source: 'bench', now: new Date('2026-01-01T00:00:00Z'), maxBytes: 2 ** 31, rules });
    if (report.status !== 'accepted') throw new Error(JSON.stringify(report.errors.slice(0, 5)));
    return (performance.now() - t0) / 1000;
  };
  const importSec = await importInto(db, true);
  await db.close();
  // The importer alone (rules: false): no groups marked.
  const sAlone = `bench_alone_${process.pid}`;
  const alone = await openDatabase({ databaseUrl: url, schema: sAlone });
  const aloneSec = await importInto(alone, false);
  await alone.close();
  await dropSchema(sAlone);

  // Baseline: the same rows, raw COPY into the same (empty, identically indexed) tables.
  const copyDb = await openDatabase({ databaseUrl: url, schema: sCopy });
  await copyDb.close();
  const src = new pg.Client({ connectionString: url, options: `-c search_path=${sImport}` });
  const dst = new pg.Client({ connectionString: url, options: `-c search_path=${sCopy}` });
  await src.connect();
  await dst.connect();
  const dumps = new Map<string, Buffer>();
  for (const t of TABLES) dumps.set(t, await copyOut(src, t));
  const t1 = performance.now();
  await dst.query('BEGIN');
  const perTable: string[] = [];
  let logSec = 0;
  for (const t of TABLES) {
    const s = performance.now();
    await pipeline(Readable.from([dumps.get(t)!]), dst.query(copyFrom(`COPY ${t} FROM STDIN`)));
    const sec = (performance.now() - s) / 1000;
    if (LOG_TABLES.includes(t)) logSec += sec;
    perTable.push(`${t} ${sec.toFixed(1)} s`);
  }
  await dst.query('COMMIT');
  const copySec = (performance.now() - t1) / 1000;
  await src.end();
  await dst.end();
  await dropSchema(sImport);
  await dropSchema(sCopy);

  const importRate = gen.events / importSec, copyRate = gen.events / copySec;
  console.log(`PostgreSQL importer: ${gen.events} events in ${importSec.toFixed(1)} s = ${Math.round(importRate)} events/s`);
  console.log(`PostgreSQL raw COPY of the same rows: ${copySec.toFixed(1)} s = ${Math.round(copyRate)} events/s (${perTable.join(', ')})`);
  console.log(`ratio importer / raw COPY: ${(importRate / copyRate).toFixed(2)} (goal >= 0.5)`);
  console.log(`importer alone (rules: false): ${aloneSec.toFixed(1)} s = ${Math.round(gen.events / aloneSec)} events/s; against the raw COPY of the log tables (${logSec.toFixed(1)} s): ${(logSec / aloneSec).toFixed(2)}`);

  if (pgliteEvents > 0) {
    const small = join(dir, 'bench_20250101T000000_2.jsonl');
    const g2 = await writeIngestFeed(small, pgliteEvents);
    const lite = await openDatabase({ dataDir: join(dir, 'pglite') });
    const t2 = performance.now();
    const r2 = await importFile(lite, small, { source: 'bench', now: new Date('2026-01-01T00:00:00Z'), maxBytes: 2 ** 31 });
    const liteSec = (performance.now() - t2) / 1000;
    if (r2.status !== 'accepted') throw new Error(JSON.stringify(r2.errors.slice(0, 5)));
    await lite.close();
    console.log(`PGlite importer: ${g2.events} events in ${liteSec.toFixed(1)} s = ${Math.round(g2.events / liteSec)} events/s`);
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
