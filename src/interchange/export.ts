import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { audit } from '../audit/audit.js';
import { caseSql, scoped } from '../cases/sql.js';
import { visibleCase } from '../cases/timeline.js';
import { formatMicros, formatTimeValue } from '../cases/format.js';
import type { Database, Queryable } from '../db/database.js';
import { canReadPersonalData, type Actor } from '../org/actor.js';
import { maskSensitive } from '../shared/mask.js';
import { scopeCondition } from '../org/scope.js';
import { attributeDef, sensitiveAttributes } from './registry.js';
import type { OcelEvent, OcelLog, OcelObject, OcelTypeDecl } from './types.js';

/**
 * Export of the stored log, or of one case's part of it, as OCEL 2.0 JSON (interchange §2.1):
 * types declared with exactly the attributes used, object attributes as their whole history,
 * O2O and E2O relationships with qualifiers, every value a string, every time RFC 3339 at +08:00.
 * Void events are included (the export reproduces the log); [S] fields are masked unless asked
 * for and allowed. One export reads one snapshot, in pages, so that large stores stream.
 */

export interface ExportOptions {
  /** Only this case's part: the case closure of the timeline (src/cases/sql/closure.sql). */
  caseId?: string;
  /** [S] fields in clear; needs the right to personal data (§5.3). */
  unmasked?: boolean;
}

export interface ExportSummary {
  objects: number;
  events: number;
}

export class ExportError extends Error {
  constructor(
    readonly code: 'not_found' | 'forbidden',
    message: string,
  ) {
    super(message);
  }
}

const PAGE = 1000;

/** The export as one value (tests, small cases). */
export async function exportLog(db: Database, actor: Actor, opts: ExportOptions = {}): Promise<OcelLog> {
  const log: OcelLog = { objectTypes: [], eventTypes: [], objects: [], events: [] };
  await produce(db, actor, opts, {
    async types(objectTypes, eventTypes) {
      log.objectTypes = objectTypes;
      log.eventTypes = eventTypes;
    },
    async object(o) {
      log.objects.push(o);
    },
    async event(e) {
      log.events.push(e);
    },
  });
  return log;
}

/**
 * Streams the export as `.jsonocel` text to `out`, one record a line, waiting whenever `out`
 * asks to. `out` is left open: the caller ends it.
 */
export async function writeExport(db: Database, actor: Actor, opts: ExportOptions, out: Writable): Promise<ExportSummary> {
  const w = new JsonocelWriter(out);
  const summary = await produce(db, actor, opts, {
    async types(objectTypes, eventTypes) {
      await w.array('objectTypes', objectTypes);
      await w.array('eventTypes', eventTypes);
      await w.open('objects');
    },
    object: (o) => w.item(o),
    async event(e) {
      if (w.current !== 'events') await w.open('events');
      await w.item(e);
    },
  });
  if (w.current !== 'events') await w.open('events');
  await w.finish();
  return summary;
}

/** The four top-level arrays in order, one record a line, written in 64 KiB chunks. */
class JsonocelWriter {
  current = '';
  private buf = '';
  private first = true;
  constructor(private readonly out: Writable) {}

  async open(key: string): Promise<void> {
    await this.write(`${this.current === '' ? '{' : '\n],\n'}"${key}":[`);
    this.current = key;
    this.first = true;
  }

  async array(key: string, items: unknown[]): Promise<void> {
    await this.open(key);
    for (const i of items) await this.item(i);
  }

  async item(value: unknown): Promise<void> {
    await this.write((this.first ? '\n' : ',\n') + JSON.stringify(value));
    this.first = false;
  }

  async finish(): Promise<void> {
    await this.write('\n]}\n', true);
  }

  private async write(text: string, flush = false): Promise<void> {
    this.buf += text;
    if (this.buf.length < 1 << 16 && !flush) return;
    const chunk = this.buf;
    this.buf = '';
    if (!this.out.write(chunk)) await once(this.out, 'drain');
  }
}

interface Sink {
  types(objectTypes: OcelTypeDecl[], eventTypes: OcelTypeDecl[]): Promise<void>;
  object(o: OcelObject): Promise<void>;
  event(e: OcelEvent): Promise<void>;
}

async function produce(db: Database, actor: Actor, opts: ExportOptions, sink: Sink): Promise<ExportSummary> {
  if (opts.unmasked && !canReadPersonalData(actor)) {
    throw new ExportError('forbidden', 'an unmasked export needs the right to read personal data');
  }
  if (opts.caseId !== undefined && !(await visibleCase(db, actor, opts.caseId))) {
    throw new ExportError('not_found', `case ${opts.caseId} not found`);
  }
  const unmasked = opts.unmasked === true;
  // Audited before the first byte leaves: an export names persons, an unmasked one more.
  await audit(db, actor, {
    action: opts.caseId !== undefined ? 'export.case' : 'export.log',
    resourceType: opts.caseId !== undefined ? 'case' : undefined,
    resourceId: opts.caseId,
    detail: { unmasked, format: 'jsonocel' },
  });
  return db.transaction(async (tx) => {
    // One snapshot for every page (PostgreSQL; PGlite has a single session anyway).
    await tx.query('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ');
    // Many short page queries: compiling each with JIT costs more than running it.
    await tx.query('SET LOCAL jit = off');
    await tx.exec(caseSql('export-prepare.sql'));
    await fillWorkingSets(tx, actor, opts.caseId);
    // Temporary tables get no automatic statistics; without them the page queries plan badly.
    await tx.exec('ANALYZE export_objects; ANALYZE export_events');
    const typing = await attributeTyping(tx);
    const decl = await declarations(tx, typing);
    await sink.types(decl.objectTypes, decl.eventTypes);
    const summary: ExportSummary = { objects: 0, events: 0 };
    await pages<ObjectRow>(tx, 'export-objects-page.sql', async (r) => {
      await sink.object(toObject(r, typing, unmasked));
      summary.objects++;
    });
    await pages<EventRow>(tx, 'export-events-page.sql', async (r) => {
      await sink.event(toEvent(r, typing));
      summary.events++;
    });
    return summary;
  });
}

async function fillWorkingSets(tx: Queryable, actor: Actor, caseId: string | undefined): Promise<void> {
  if (caseId === undefined && actor.unitId === null) {
    await tx.exec(caseSql('export-fill-all.sql'));
    return;
  }
  let cases: string[] = [];
  let incidents: string[] = [];
  if (caseId !== undefined) cases = [caseId];
  else {
    // A scoped actor's whole export: the closures of its cases and incidents, and its own objects.
    const scope = scopeCondition(actor, 'o.unit_id', 1);
    const { rows } = await tx.query<{ id: string; type: string }>(
      `SELECT o.id, o.type FROM objects o WHERE o.type IN ('case', 'incident') AND ${scope.sql}`,
      scope.params,
    );
    cases = rows.filter((r) => r.type === 'case').map((r) => r.id);
    incidents = rows.filter((r) => r.type === 'incident').map((r) => r.id);
  }
  const q = scoped(caseSql('export-fill-closure.sql'), actor, 4);
  await tx.query(q.sql, [cases, incidents, caseId === undefined, ...q.params]);
}

async function pages<T extends { n: number | string }>(tx: Queryable, file: string, each: (r: T) => Promise<void>): Promise<void> {
  const sql = caseSql(file);
  let after = 0;
  for (;;) {
    const { rows } = await tx.query<T>(sql, [after, PAGE]);
    for (const r of rows) await each(r);
    if (rows.length < PAGE) return;
    after = Number(rows[rows.length - 1].n);
  }
}

/** OCEL type of an attribute: the registry for Shuju types, else as the log declared it, else string. */
type Typing = (kind: 'object' | 'event', type: string, name: string) => string;

async function attributeTyping(tx: Queryable): Promise<Typing> {
  const { rows } = await tx.query<{ kind: string; type: string; name: string; attr_type: string }>(
    'SELECT kind, type, name, attr_type FROM declared_attributes',
  );
  const declared = new Map(rows.map((r) => [`${r.kind}\u0000${r.type}\u0000${r.name}`, r.attr_type]));
  return (kind, type, name) =>
    attributeDef(kind, type, name)?.type ?? declared.get(`${kind}\u0000${type}\u0000${name}`) ?? 'string';
}

async function declarations(tx: Queryable, typing: Typing): Promise<{ objectTypes: OcelTypeDecl[]; eventTypes: OcelTypeDecl[] }> {
  const { rows } = await tx.query<{ kind: 'object' | 'event'; type: string; names: string[]; has_revision: boolean; has_void: boolean }>(
    caseSql('export-declarations.sql'),
  );
  const decl = (kind: 'object' | 'event'): OcelTypeDecl[] =>
    rows
      .filter((r) => r.kind === kind)
      .map((r) => {
        const names = new Set(r.names);
        if (r.has_revision) names.add('revision');
        if (r.has_void) names.add('void');
        return { name: r.type, attributes: [...names].sort(byCodeUnit).map((name) => ({ name, type: typing(kind, r.type, name) })) };
      })
      .sort((a, b) => byCodeUnit(a.name, b.name));
  return { objectTypes: decl('object'), eventTypes: decl('event') };
}

const byCodeUnit = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

interface ObjectRow {
  n: number | string;
  id: string;
  type: string;
  attributes: [name: string, timeMicros: string, value: string][];
  relationships: [objectId: string, qualifier: string][];
}

interface EventRow {
  n: number | string;
  id: string;
  type: string;
  time_us: string;
  attributes: { name: string; value: unknown }[];
  revision: number;
  void: boolean;
  relationships: [objectId: string, qualifier: string][];
}

const relationships = (rels: [string, string][]) => rels.map(([objectId, qualifier]) => ({ objectId, qualifier }));

function toObject(r: ObjectRow, typing: Typing, unmasked: boolean): OcelObject {
  const sensitive = new Set(unmasked ? [] : sensitiveAttributes(r.type));
  return {
    id: r.id,
    type: r.type,
    attributes: r.attributes.map(([name, micros, value]) => ({
      name,
      time: formatMicros(micros),
      value: sensitive.has(name) ? maskSensitive(name, value) : typed(typing('object', r.type, name), value),
    })),
    relationships: relationships(r.relationships),
  };
}

function toEvent(r: EventRow, typing: Typing): OcelEvent {
  const attributes = r.attributes.map((a) => ({ name: a.name, value: typed(typing('event', r.type, a.name), String(a.value)) }));
  // revision and void live in columns; an importer keeps them as sent, but make sure they show.
  if (r.revision > 0 && !attributes.some((a) => a.name === 'revision')) attributes.push({ name: 'revision', value: String(r.revision) });
  if (r.void && !attributes.some((a) => a.name === 'void')) attributes.push({ name: 'void', value: 'true' });
  return { id: r.id, type: r.type, time: formatMicros(r.time_us), attributes, relationships: relationships(r.relationships) };
}

/** Time values are written at +08:00 like every other time of the export; others as stored. */
const typed = (type: string, value: string): string => (type === 'time' ? formatTimeValue(value) : value);
