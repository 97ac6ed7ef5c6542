import { markImportGroups } from '../rules/store/groups.js';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { basename } from 'node:path';
import type { Database, Queryable } from '../db/database.js';
import { parseJsonl, parseJsonlChunks, parseJsonocel, type ParsedImport, type RawRecord } from './parse.js';
import { ImportPipeline } from './pipeline.js';
import type { ImportError, ImportFormat, ImportOptions, ImportReport, OcelEvent, OcelObject } from './types.js';
import { readDeclarations, validateRecord, type Declarations, type NormEvent, type NormObject, type ValidationContext } from './validate.js';

/**
 * The import use case (§2, §3, §11): parse → validate every record → check against the store →
 * write, all in one transaction. One invalid record and nothing of the import is stored; the
 * report then lists every error (up to 1,000) with record, field, code and reason. Records flow
 * in chunks, so a large file is validated while earlier chunks are being written.
 */

export const MAX_REPORTED_ERRORS = 1000;
export const MAX_FILE_BYTES = 256 * 1024 * 1024; // §2.1 [D]
const FUTURE_TOLERANCE_MICROS = 10n * 60n * 1_000_000n; // §4 [D]
const CHUNK_RECORDS = 50_000;
/** Serialises imports so that the identity checks and the writes see the same store. */
const IMPORT_LOCK = 72_430_001;

export function formatOf(name: string): ImportFormat {
  if (name.endsWith('.jsonocel') || name.endsWith('.json')) return 'jsonocel';
  if (name.endsWith('.jsonl') || name.endsWith('.ndjson')) return 'jsonl';
  throw new Error(`${name}: unknown format (expected .jsonocel or .jsonl)`);
}

/** `<source>_<yyyyMMddTHHmmss>_<seq>.jsonocel` names its source (§2.1). */
export function sourceFromFileName(name: string): string | undefined {
  const m = /^([a-z0-9]+)_\d{8}T\d{6}_\d+\.(jsonocel|jsonl)$/i.exec(name);
  return m?.[1];
}

export async function importFile(db: Database, path: string, opts: ImportOptions = {}): Promise<ImportReport> {
  const name = basename(path);
  const format = formatOf(name);
  const size = (await stat(path)).size;
  const limit = opts.maxBytes ?? MAX_FILE_BYTES;
  const withSource = { ...opts, source: opts.source ?? sourceFromFileName(name) };
  if (size > limit) {
    return reject(db, name, format, withSource, [{ kind: 'file', code: 'import_too_large', reason: `${size} bytes exceeds the limit of ${limit} bytes` }], { objects: 0, events: 0 });
  }
  if (format === 'jsonocel') {
    const { readFile } = await import('node:fs/promises');
    return importText(db, { name, format, text: await readFile(path, 'utf8') }, withSource);
  }
  // Streamed: a large feed never has to fit into one string, and is checked while it is read.
  const stream = createReadStream(path, { encoding: 'utf8', highWaterMark: 1 << 20 });
  const progress = opts.onProgress;
  if (progress) stream.on('data', () => progress(stream.bytesRead, size));
  return runImport(db, name, format, parseJsonlChunks(stream, CHUNK_RECORDS), undefined, withSource);
}

export async function importText(db: Database, input: { name: string; format: ImportFormat; text: string }, opts: ImportOptions = {}): Promise<ImportReport> {
  const parsed = input.format === 'jsonocel' ? parseJsonocel(input.text) : parseJsonl(input.text);
  return runImport(db, input.name, input.format, inChunks(parsed, opts), parsed.declarations, opts);
}

/** Programmatic import of stream records (the demo city, tests): same rules as a `.jsonl`. */
export async function importRecords(db: Database, name: string, records: Array<{ object: OcelObject } | { event: OcelEvent }>, opts: ImportOptions = {}): Promise<ImportReport> {
  const raw: RawRecord[] = records.map((r, i) =>
    'object' in r ? { kind: 'object', raw: r.object, line: i + 1, pointer: '/object' } : { kind: 'event', raw: r.event, line: i + 1, pointer: '/event' },
  );
  return runImport(db, name, 'jsonl', inChunks({ records: raw, errors: [] }, opts), undefined, opts);
}

async function* inChunks(parsed: ParsedImport, opts: ImportOptions): AsyncGenerator<ParsedImport> {
  yield { records: [], errors: parsed.errors };
  const total = parsed.records.length;
  for (let i = 0; i < total; i += CHUNK_RECORDS) {
    opts.onProgress?.(i, total);
    yield { records: parsed.records.slice(i, i + CHUNK_RECORDS), errors: [] };
  }
  opts.onProgress?.(total, total);
}

/**
 * Imports of one process run one at a time. The advisory lock serialises processes; this keeps a
 * process from parking many pool connections on that lock while the holder needs a second one
 * for its look-ups.
 */
const queues = new WeakMap<Database, Promise<unknown>>();
function oneAtATime<T>(db: Database, fn: () => Promise<T>): Promise<T> {
  const run = (queues.get(db) ?? Promise.resolve()).then(fn, fn);
  queues.set(db, run.catch(() => undefined));
  return run;
}

class Rejected extends Error {
  constructor(readonly errors: ImportError[]) {
    super('import rejected');
  }
}

async function runImport(
  db: Database, name: string, format: ImportFormat, chunks: AsyncIterable<ParsedImport>,
  rawDeclarations: ParsedImport['declarations'], opts: ImportOptions,
): Promise<ImportReport> {
  const profile = opts.profile ?? 'shuju';
  const now = opts.now ?? new Date();
  const errors: ImportError[] = [];
  let declarations: Declarations | undefined;
  if (rawDeclarations) {
    const d = readDeclarations(rawDeclarations, profile);
    declarations = d.declarations;
    errors.push(...d.errors);
  }
  const ctx: ValidationContext = { profile, declarations, nowMicros: BigInt(now.getTime()) * 1000n, futureToleranceMicros: FUTURE_TOLERANCE_MICROS };
  const counts = { objects: 0, events: 0 };
  try {
    const report = await oneAtATime(db, () => db.transaction(async (tx) => {
      await tx.query('SELECT pg_advisory_xact_lock($1)', [IMPORT_LOCK]);
      const { rows } = await tx.query<{ id: number }>(
        `INSERT INTO imports (name, source, format, status, actor, received_at) VALUES ($1, $2, $3, 'accepted', $4, $5) RETURNING id`,
        [name, opts.source ?? null, format, opts.actor ?? null, now.toISOString()],
      );
      const importId = Number(rows[0].id);
      // PGlite has one connection, which this transaction holds: look-ups go through it.
      const lookups = db.kind === 'postgres' ? db : tx;
      const pipeline = new ImportPipeline(tx, importId, profile, opts.source ?? null, now, opts.scopeUnitIds, lookups);
      let current: Promise<void> = Promise.resolve();
      let previous: Promise<void> = Promise.resolve();
      for await (const chunk of chunks) {
        for (const e of chunk.errors) errors.push(e);
        const objects: NormObject[] = [];
        const events: NormEvent[] = [];
        for (let i = 0; i < chunk.records.length; i++) {
          // Let the event loop run now and then: the socket keeps feeding the server the rows
          // of the previous chunk only while JavaScript is not busy.
          if (i % 500 === 499) await new Promise((resolve) => setImmediate(resolve));
          const rec = chunk.records[i];
          if (rec.kind === 'object') counts.objects++;
          else counts.events++;
          const r = validateRecord(rec, ctx);
          for (const e of r.errors) errors.push(e);
          if (r.value?.kind === 'object') objects.push(r.value);
          else if (r.value?.kind === 'event') events.push(r.value);
        }
        // Chunks are handed on without waiting, so the next one is validated while this one is
        // checked against the store and written; at most two are in hand at a time. After the
        // first invalid record nothing more is written, but every chunk is still checked.
        const write = errors.length === 0;
        await previous;
        previous = current;
        current = current.then(() => pipeline.addChunk(objects, events, write));
        current.catch(() => {}); // awaited below
      }
      await current;
      await pipeline.settleReferences();
      if (errors.length || pipeline.errors.length) throw new Rejected([...errors, ...pipeline.errors]);
      const applied = await pipeline.finish(declarations);
      if (pipeline.errors.length) throw new Rejected(pipeline.errors);
      const report: ImportReport = { import: name, importId, status: 'accepted', counts: { ...counts, ...applied }, errors: [] };
      await refreshStatistics(tx, report); // before marking, whose joins are planned by them
      if (opts.rules !== false) await markImportGroups(tx, importId); // the rule engine re-evaluates what changed
      await tx.query('UPDATE imports SET counts = $2, finished_at = now() WHERE id = $1', [importId, JSON.stringify(report.counts)]);
      return report;
    }));
    return report;
  } catch (err) {
    if (err instanceof Rejected) return reject(db, name, format, opts, err.errors, counts);
    throw err;
  }
}

/**
 * After a large import the planner's statistics are stale and case queries pick plans hundreds
 * of times slower; PGlite has no autovacuum to fix that, PostgreSQL only eventually. Run inside
 * the import's transaction (ANALYZE samples the transaction's own rows; the statistics commit
 * with it), so the rule engine's marking already plans with them.
 */
const ANALYZE_AFTER_ROWS = 10_000;
async function refreshStatistics(db: Queryable, report: ImportReport): Promise<void> {
  const c = report.counts;
  if ((c.objects_new ?? 0) + (c.events_new ?? 0) + (c.events_superseded ?? 0) < ANALYZE_AFTER_ROWS) return;
  await db.query('ANALYZE objects, object_attributes, object_relationships, events, event_objects, unit_closure');
}

/** Records a rejected import (the store is otherwise unchanged) and builds its report. */
async function reject(db: Database, name: string, format: ImportFormat, opts: ImportOptions, errors: ImportError[], counts: { objects: number; events: number }): Promise<ImportReport> {
  const sorted = sortErrors(errors);
  const shown = sorted.slice(0, MAX_REPORTED_ERRORS);
  const report: ImportReport = { import: name, status: 'rejected', counts, errors: shown };
  if (sorted.length > shown.length) report.errorsTruncated = sorted.length - shown.length;
  const { rows } = await db.query<{ id: number }>(
    `INSERT INTO imports (name, source, format, status, counts, errors, actor, received_at, finished_at)
     VALUES ($1, $2, $3, 'rejected', $4, $5, $6, $7, now()) RETURNING id`,
    [name, opts.source ?? null, format, JSON.stringify(counts), JSON.stringify(shown), opts.actor ?? null, (opts.now ?? new Date()).toISOString()],
  );
  report.importId = Number(rows[0].id);
  return report;
}

/** Errors in file order: declarations and file-level first, then by record position. */
function sortErrors(errors: ImportError[]): ImportError[] {
  const pos = (e: ImportError): [number, number] => {
    if (e.line !== undefined) return [1, e.line];
    const m = /^(objectTypes|eventTypes|objects|events)\[(\d+)\]$/.exec(e.record ?? '');
    if (!m) return [0, 0];
    return [{ objectTypes: 0.1, eventTypes: 0.2, objects: 1, events: 2 }[m[1]]!, Number(m[2])];
  };
  return errors
    .map((e, i) => ({ e, i, p: pos(e) }))
    .sort((a, b) => a.p[0] - b.p[0] || a.p[1] - b.p[1] || a.i - b.i)
    .map((x) => x.e);
}
