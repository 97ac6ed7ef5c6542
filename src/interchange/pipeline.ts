import type { Queryable } from '../db/database.js';
import { refreshDerived, refreshImportDerived } from '../log/derive.js';
import { EVENT_COLUMNS, eventRow, lastOfEach, mergeObjects, recordDeclarations, supersedeEvents } from './apply.js';
import { QUALIFIER_TARGETS, SINGLE_VALUED_O2O } from './registry.js';
import { checkRequired, checkRequiredInStore, selectByIds } from './resolve.js';
import type { ImportError, ImportProfile } from './types.js';
import { errorAt, type Declarations, type Loc, type NormEvent, type NormObject } from './validate.js';

/**
 * The write side of one import, fed chunk by chunk inside the import's transaction (§2.4, §3).
 *
 * A large load is mostly new objects sent once and new events: those rows are written as soon as
 * their chunk is checked, so the server loads chunk k while JavaScript validates chunk k+1. What
 * can only be decided at the end — references to objects later in the file, objects sent more
 * than once or already stored (merged), superseding revisions, derived scope of rows whose anchor
 * came later — is settled in `finish()`. Any error anywhere rolls the whole transaction back, so
 * the import stays all or nothing.
 */

export interface PipelineCounts {
  objects_new: number;
  objects_updated: number;
  events_new: number;
  events_unchanged: number;
  events_superseded: number;
}

interface KnownObject {
  type: string;
  /** `new`: created by this import; `stored`: existed before it. */
  origin: 'new' | 'stored';
  unitId: string | null;
}

interface PendingRef {
  kind: 'object' | 'event';
  id: string;
  loc: Loc;
  index: number;
  objectId: string;
  qualifier: string;
}

const OWNS_UNIT = new Set(['case', 'venue', 'incident']);

/** 0, 1, or 2 for "more than one" distinct targets of a qualifier in one record. */
function distinctTargets(o: NormObject, qualifier: string): number {
  let first: string | undefined;
  for (const r of o.rels) {
    if (r.qualifier !== qualifier) continue;
    if (first === undefined) first = r.objectId;
    else if (r.objectId !== first) return 2;
  }
  return first === undefined ? 0 : 1;
}

const ANCHORED = new Set(['person', 'item', 'document', 'media']);

export class ImportPipeline {
  readonly errors: ImportError[] = [];
  private readonly known = new Map<string, KnownObject>();
  /** Lookups of ids not (yet) known to this import: stored type and unit, or null. */
  private readonly stored = new Map<string, { type: string; unitId: string | null } | null>();
  /** Content hash of each event of this import, then where it stood (one string: a million of these stay small). */
  private readonly eventHashes = new Map<string, string>();
  /** Stored versions of the current chunk's event ids. */
  private readonly storedEvents = new Map<string, { hash: string; revision: number }>();
  private readonly pendingRefs: PendingRef[] = [];
  /** New objects whose own record lacks something required: it may come in a later occurrence. */
  private readonly pendingRequired = new Map<string, { type: string; loc: Loc; errors: ImportError[] }>();
  private readonly toMerge: NormObject[] = [];
  private readonly toSupersede: NormEvent[] = [];
  private readonly touchedStored = new Set<string>();
  private unitsChanged = false;
  private writing: Promise<void> = Promise.resolve();
  private readonly counts: PipelineCounts = { objects_new: 0, objects_updated: 0, events_new: 0, events_unchanged: 0, events_superseded: 0 };

  constructor(
    private readonly tx: Queryable,
    private readonly importId: number,
    private readonly profile: ImportProfile,
    private readonly source: string | null,
    private readonly receivedAt: Date,
    private readonly scope?: ReadonlySet<string>,
    /**
     * Where to look up what was stored before this import. On PostgreSQL a second connection:
     * the import holds the import lock, so the committed store cannot change meanwhile, and
     * the look-ups need not queue behind this transaction's COPY.
     */
    private readonly lookups: Pick<Queryable, 'query'> = tx,
  ) {}

  private typeOf(id: string): string | undefined {
    return this.known.get(id)?.type ?? this.stored.get(id)?.type;
  }

  private unitOf(id: string | undefined): string | null {
    if (!id) return null;
    return this.known.get(id)?.unitId ?? this.stored.get(id)?.unitId ?? null;
  }

  /**
   * Checks and writes one chunk; returns once its rows are on their way to the server. With
   * `write` false (an earlier record was invalid: the import is lost) it only checks, so the
   * report still names every error.
   */
  async addChunk(objects: NormObject[], events: NormEvent[], write: boolean): Promise<void> {
    await this.lookUp(objects, events);
    const rows = { objects: [] as unknown[][], attrs: [] as unknown[][], rels: [] as unknown[][], events: [] as unknown[][], eo: [] as unknown[][] };
    for (const o of objects) this.addObject(o, rows);
    for (const e of events) this.addEvent(e, rows);
    if (!write || this.errors.length) return;
    const { tx, writing } = this;
    // Chained, not awaited: the server loads these rows while the next chunk is validated.
    this.writing = writing.then(async () => {
      await tx.copyRows('objects', ['id', 'type', 'unit_id', 'case_id', 'incident_id', 'first_import', 'last_import'], rows.objects);
      await tx.copyRows('object_attributes', ['object_id', 'name', 'time', 'value', 'import_id'], rows.attrs);
      await tx.copyRows('object_relationships', ['source_id', 'qualifier', 'target_id', 'import_id'], rows.rels);
      await tx.copyRows('events', EVENT_COLUMNS, rows.events);
      await tx.copyRows('event_objects', ['event_id', 'object_id', 'qualifier'], rows.eo);
    });
    this.writing.catch(() => {}); // surfaced by the next await of `writing`
  }

  /** Stored types, units and event versions of every id this chunk names that is not yet known. */
  private async lookUp(objects: NormObject[], events: NormEvent[]): Promise<void> {
    const ids = new Set<string>();
    const want = (id: string) => {
      if (!this.known.has(id) && !this.stored.has(id)) ids.add(id);
    };
    for (const o of objects) {
      want(o.id);
      for (const r of o.rels) want(r.objectId);
    }
    for (const e of events) for (const r of e.rels) want(r.objectId);
    const eventIds = events.map((e) => e.id).filter((id) => !this.eventHashes.has(id));
    if (this.lookups === this.tx) await this.writing; // one connection: earlier rows first
    const found = await selectByIds<{ id: string; type: string; unit_id: string | null }>(this.lookups, 'SELECT id, type, unit_id FROM objects WHERE id = ANY($1)', [...ids]);
    for (const id of ids) this.stored.set(id, null);
    for (const r of found) this.stored.set(r.id, { type: r.type, unitId: r.unit_id });
    this.storedEvents.clear();
    for (const r of await selectByIds<{ id: string; content_hash: string; revision: number }>(this.lookups, 'SELECT id, content_hash, revision FROM events WHERE id = ANY($1)', eventIds)) {
      this.storedEvents.set(r.id, { hash: r.content_hash, revision: r.revision });
    }
  }

  private checkRelationships(r: NormObject | NormEvent): void {
    for (let j = 0; j < r.rels.length; j++) {
      const rel = r.rels[j];
      const target = this.typeOf(rel.objectId);
      if (target === undefined) this.pendingRefs.push({ kind: r.kind, id: r.id, loc: r.loc, index: j, objectId: rel.objectId, qualifier: rel.qualifier });
      else this.checkTargetType(r.kind, r.id, r.loc, j, rel.qualifier, rel.objectId, target);
    }
  }

  private checkTargetType(kind: 'object' | 'event', id: string, loc: Loc, j: number, qualifier: string, objectId: string, target: string): void {
    if (this.profile === 'shuju' && !QUALIFIER_TARGETS[qualifier]?.includes(target)) {
      this.errors.push(errorAt(loc, kind, id, `/relationships/${j}/objectId`, 'relationship_target_type', `qualifier "${qualifier}" must point at ${QUALIFIER_TARGETS[qualifier]?.join(' or ')}, "${objectId}" is a ${target}`));
    }
  }

  private addObject(o: NormObject, rows: { objects: unknown[][]; attrs: unknown[][]; rels: unknown[][] }): void {
    const prior = this.known.get(o.id);
    const storedBefore = prior === undefined ? this.stored.get(o.id) : undefined;
    const priorType = prior?.type ?? storedBefore?.type;
    if (priorType !== undefined && priorType !== o.type) {
      const where = prior ? 'occurs earlier in this import' : 'is stored';
      this.errors.push(errorAt(o.loc, 'object', o.id, '/type', 'object_type_conflict', `object "${o.id}" ${where} as type "${priorType}", not "${o.type}"`));
      return;
    }
    for (const qual of SINGLE_VALUED_O2O[o.type] ?? []) {
      let n = 0;
      for (const r of o.rels) if (r.qualifier === qual) n++;
      if (n > 1) this.errors.push(errorAt(o.loc, 'object', o.id, '/relationships', 'relationship_cardinality', `a ${o.type} has at most one "${qual}" relationship, found ${n}`));
    }
    if (o.type === 'unit') this.unitsChanged = true;
    if (prior || storedBefore) {
      // Merged at the end with everything else known about it.
      if (!prior) this.known.set(o.id, { type: o.type, origin: 'stored', unitId: storedBefore!.unitId });
      this.toMerge.push(o);
      this.checkRelationships(o);
      return;
    }
    const required: ImportError[] = [];
    if (this.profile === 'shuju') {
      checkRequired({
        type: o.type,
        id: o.id,
        value: (n) => o.attrs.find((a) => a.name === n)?.value,
        hasQualifier: (q) => o.rels.some((r) => r.qualifier === q),
        targets: (q) => distinctTargets(o, q),
      }, o.loc, required);
    }
    if (required.length) this.pendingRequired.set(o.id, { type: o.type, loc: o.loc, errors: required });
    const rel = (q: string) => o.rels.find((r) => r.qualifier === q)?.objectId;
    // Anchors take the smallest id, as the SQL derivation does (min()).
    const anchor = (q: string) => o.rels.reduce<string | undefined>((m, r) => (r.qualifier === q && (m === undefined || r.objectId < m) ? r.objectId : m), undefined);
    const caseId = ANCHORED.has(o.type) ? anchor('case') ?? null : null;
    const incidentId = ANCHORED.has(o.type) ? anchor('incident') ?? null : null;
    let unitId: string | null = null;
    if (o.type === 'unit') unitId = o.id;
    else if (o.type === 'officer') unitId = rel('member_of') ?? null;
    else if (OWNS_UNIT.has(o.type)) unitId = rel('unit') ?? null; // incidents without one: settled at the end
    else if (ANCHORED.has(o.type)) unitId = this.unitOf(caseId ?? undefined) ?? this.unitOf(incidentId ?? undefined) ?? this.unitOf(rel('venue'));
    this.known.set(o.id, { type: o.type, origin: 'new', unitId });
    this.counts.objects_new++;
    this.checkRelationships(o);
    rows.objects.push([o.id, o.type, unitId, caseId, incidentId, this.importId, this.importId]);
    for (const a of lastOfEach(o.attrs, (x, y) => x.name === y.name && x.time === y.time)) rows.attrs.push([o.id, a.name, a.time, a.value, this.importId]);
    for (const r of lastOfEach(o.rels, (x, y) => x.qualifier === y.qualifier && x.objectId === y.objectId)) rows.rels.push([o.id, r.qualifier, r.objectId, this.importId]);
  }

  private addEvent(e: NormEvent, rows: { events: unknown[][]; eo: unknown[][] }): void {
    const seen = this.eventHashes.get(e.id);
    if (seen !== undefined) {
      // Identical repeats are harmless; different content under one id is not.
      if (!seen.startsWith(`${e.hash} `)) this.errors.push(errorAt(e.loc, 'event', e.id, '', 'duplicate_in_batch', `event "${e.id}" occurs earlier in this import (${seen.slice(seen.indexOf(' ') + 1)}) with different content`));
      return;
    }
    this.eventHashes.set(e.id, `${e.hash} ${e.loc.record ?? `line ${e.loc.line}`}`);
    this.checkRelationships(e);
    const st = this.storedEvents.get(e.id);
    if (st) {
      if (st.hash === e.hash) {
        this.counts.events_unchanged++;
        return;
      }
      if (e.revision > st.revision) {
        this.toSupersede.push(e);
        this.touch(e);
        return;
      }
      const given = e.attrs.some((a) => a.name === 'revision');
      this.errors.push(given
        ? errorAt(e.loc, 'event', e.id, '/attributes', 'stale_revision', `revision ${e.revision} is not greater than the stored revision ${st.revision} and the content differs`)
        : errorAt(e.loc, 'event', e.id, '', 'duplicate_conflict', `event "${e.id}" is stored with different content; send it with a revision greater than ${st.revision} to supersede it`));
      return;
    }
    this.counts.events_new++;
    this.touch(e);
    rows.events.push(eventRow(e, this.source, this.importId, this.receivedAt.toISOString()));
    for (const r of e.rels) rows.eo.push([e.id, r.objectId, r.qualifier]);
  }

  /** Events can change a stored object's derived owner (an incident's dispatch unit). */
  private touch(e: NormEvent): void {
    for (const r of e.rels) {
      if ((r.qualifier === 'incident' || r.qualifier === 'case') && this.known.get(r.objectId)?.origin !== 'new') this.touchedStored.add(r.objectId);
    }
  }

  /** References to objects that were unknown when their record was checked (§2.4: any position). */
  async settleReferences(): Promise<void> {
    await this.writing;
    for (const p of this.pendingRefs) {
      const target = this.typeOf(p.objectId);
      if (target === undefined) this.errors.push(errorAt(p.loc, p.kind, p.id, `/relationships/${p.index}/objectId`, 'unknown_object', `"${p.objectId}" is neither stored nor in this import`));
      else this.checkTargetType(p.kind, p.id, p.loc, p.index, p.qualifier, p.objectId, target);
    }
    this.pendingRefs.length = 0;
  }

  /** Settles what needed the whole import; returns the counts, or leaves errors to reject it. */
  async finish(declarations: Declarations | undefined): Promise<PipelineCounts> {
    await this.settleReferences();
    if (this.errors.length) return this.counts;

    const { tx, importId } = this;
    const changed = new Set<string>();
    await mergeObjects(tx, importId, this.toMerge, changed);
    if (this.profile === 'shuju') {
      // Objects sent more than once, or already stored, are judged as merged (§12.2 sends a
      // document's attributes in two parts).
      const merged = new Map<string, { type: string; loc: Loc }>();
      for (const o of this.toMerge) if (!merged.has(o.id)) merged.set(o.id, { type: o.type, loc: this.pendingRequired.get(o.id)?.loc ?? o.loc });
      for (const [id, p] of this.pendingRequired) if (!merged.has(id)) for (const e of p.errors) this.errors.push(e);
      for (const e of await checkRequiredInStore(tx, merged)) this.errors.push(e);
      if (this.errors.length) return this.counts;
    }
    const updated = [...changed].filter((id) => this.known.get(id)?.origin === 'stored');
    if (updated.length) await tx.query('UPDATE objects SET last_import = $2, updated_at = now() WHERE id = ANY($1)', [updated, importId]);
    this.counts.objects_updated = updated.length;
    await supersedeEvents(tx, importId, this.source, this.receivedAt, this.toSupersede);
    this.counts.events_superseded = this.toSupersede.length;
    if (declarations) await recordDeclarations(tx, declarations);
    for (const o of this.toMerge) this.touchedStored.add(o.id); // merged occurrences may change the owner
    await refreshImportDerived(tx, importId);
    await refreshDerived(tx, [...this.touchedStored], this.unitsChanged);
    if (this.scope) await this.checkScope();
    return this.counts;
  }

  /**
   * An account scoped to some units may only write their data: every object it created or
   * changed must belong to them (before and after), and its events may name no case, incident,
   * person, item, document or media of another unit. Reference data (units, officers, rooms)
   * of others may be named.
   */
  private async checkScope(): Promise<void> {
    const scope = [...this.scope!];
    const out = (id: string, unit: string | null) => `${id} belongs to ${unit ?? 'no unit'}, outside the importing account's units`;
    const locOf = new Map<string, Loc>();
    for (const o of this.toMerge) if (!locOf.has(o.id)) locOf.set(o.id, o.loc);
    for (const [id, k] of this.known) {
      if (k.origin === 'stored' && !this.scope!.has(k.unitId ?? '')) {
        this.errors.push({ kind: 'object', id, code: 'out_of_scope', reason: out(id, k.unitId), ...(locOf.get(id)?.line ? { line: locOf.get(id)!.line } : {}) });
      }
    }
    const { rows } = await this.tx.query<{ id: string; unit_id: string | null }>(
      `SELECT o.id, o.unit_id FROM objects o
        WHERE (o.first_import = $1 OR o.last_import = $1) AND NOT (o.unit_id IS NOT NULL AND o.unit_id = ANY($2::text[]))
       UNION
       SELECT DISTINCT o.id, o.unit_id FROM events e
         JOIN event_objects eo ON eo.event_id = e.id
         JOIN objects o ON o.id = eo.object_id AND o.type IN ('case', 'incident', 'person', 'item', 'document', 'media')
        WHERE e.import_id = $1 AND NOT (o.unit_id IS NOT NULL AND o.unit_id = ANY($2::text[]))
        LIMIT 1000`,
      [this.importId, scope],
    );
    for (const r of rows) this.errors.push({ kind: 'object', id: r.id, code: 'out_of_scope', reason: out(r.id, r.unit_id) });
  }
}
