import type { Queryable } from '../db/database.js';
import { OBJECT_TYPES, QUALIFIER_TARGETS, SINGLE_VALUED_O2O } from './registry.js';
import type { ImportError, ImportProfile } from './types.js';
import { errorAt, type NormEvent, type NormObject } from './validate.js';

/**
 * Batch- and store-level checks (§2.4, §3, §11): identity conflicts, references that must
 * resolve, relationship target types, and the required attributes and relationships of each
 * object as merged from the store and this import. Runs inside the import's transaction, after
 * the import lock, so the store cannot change between check and write.
 */

export interface StoredEvent {
  hash: string;
  revision: number;
}

export interface Resolution {
  errors: ImportError[];
  /** Object types known after this import: stored and new. */
  objectTypes: Map<string, string>;
  storedObjectIds: Set<string>;
  storedEvents: Map<string, StoredEvent>;
  /** Deduplicated events of the batch (identical repeats dropped). */
  events: NormEvent[];
}

const CHUNK = 50_000;

export async function selectByIds<T>(q: Pick<Queryable, 'query'>, sql: string, ids: string[]): Promise<T[]> {
  const out: T[] = [];
  for (let i = 0; i < ids.length; i += CHUNK) {
    const { rows } = await q.query<T>(sql, [ids.slice(i, i + CHUNK)]);
    for (const r of rows) out.push(r);
  }
  return out;
}

export async function resolveBatch(q: Pick<Queryable, 'query'>, objects: NormObject[], events: NormEvent[], profile: ImportProfile): Promise<Resolution> {
  const errors: ImportError[] = [];

  // Object types within the batch: one id, one type.
  const batchTypes = new Map<string, string>();
  for (const o of objects) {
    const seen = batchTypes.get(o.id);
    if (seen === undefined) batchTypes.set(o.id, o.type);
    else if (seen !== o.type) errors.push(errorAt(o.loc, 'object', o.id, '/type', 'object_type_conflict', `object "${o.id}" occurs earlier in this import as type "${seen}"`));
  }

  // Events within the batch: identical repeats are harmless, different content is not.
  const batchEvents = new Map<string, NormEvent>();
  for (const e of events) {
    const seen = batchEvents.get(e.id);
    if (!seen) batchEvents.set(e.id, e);
    else if (seen.hash !== e.hash) errors.push(errorAt(e.loc, 'event', e.id, '', 'duplicate_in_batch', `event "${e.id}" occurs earlier in this import (${seen.loc.record ?? `line ${seen.loc.line}`}) with different content`));
  }

  // Everything this import names: its own objects and every relationship target.
  const referenced = new Set<string>(batchTypes.keys());
  for (const list of [objects, events]) for (const r of list) for (const rel of r.rels) referenced.add(rel.objectId);
  const stored = await selectByIds<{ id: string; type: string }>(q, 'SELECT id, type FROM objects WHERE id = ANY($1)', [...referenced]);
  const objectTypes = new Map<string, string>();
  const storedObjectIds = new Set<string>();
  for (const r of stored) {
    objectTypes.set(r.id, r.type);
    storedObjectIds.add(r.id);
  }
  for (const o of objects) {
    const st = objectTypes.get(o.id);
    if (storedObjectIds.has(o.id) && st !== o.type) {
      errors.push(errorAt(o.loc, 'object', o.id, '/type', 'object_type_conflict', `object "${o.id}" is stored as type "${st}", not "${o.type}"`));
    }
  }
  for (const [id, type] of batchTypes) if (!objectTypes.has(id)) objectTypes.set(id, type);

  for (const list of [objects, events]) {
    for (const r of list) {
      for (let j = 0; j < r.rels.length; j++) {
        const rel = r.rels[j];
        const target = objectTypes.get(rel.objectId);
        if (target === undefined) {
          errors.push(errorAt(r.loc, r.kind, r.id, `/relationships/${j}/objectId`, 'unknown_object', `"${rel.objectId}" is neither stored nor in this import`));
        } else if (profile === 'shuju' && !QUALIFIER_TARGETS[rel.qualifier]?.includes(target)) {
          errors.push(errorAt(r.loc, r.kind, r.id, `/relationships/${j}/objectId`, 'relationship_target_type', `qualifier "${rel.qualifier}" must point at ${QUALIFIER_TARGETS[rel.qualifier]?.join(' or ')}, "${rel.objectId}" is a ${target}`));
        }
      }
    }
  }

  if (profile === 'shuju') for (const e of await checkMergedObjects(q, objects, storedObjectIds)) errors.push(e);

  const storedEvents = new Map<string, StoredEvent>();
  const evRows = await selectByIds<{ id: string; content_hash: string; revision: number }>(
    q, 'SELECT id, content_hash, revision FROM events WHERE id = ANY($1)', [...batchEvents.keys()],
  );
  for (const r of evRows) storedEvents.set(r.id, { hash: r.content_hash, revision: r.revision });
  for (const e of batchEvents.values()) {
    const st = storedEvents.get(e.id);
    if (!st || st.hash === e.hash) continue;
    const given = e.attrs.some((a) => a.name === 'revision');
    if (e.revision > st.revision) continue;
    errors.push(given
      ? errorAt(e.loc, 'event', e.id, '/attributes', 'stale_revision', `revision ${e.revision} is not greater than the stored revision ${st.revision} and the content differs`)
      : errorAt(e.loc, 'event', e.id, '', 'duplicate_conflict', `event "${e.id}" is stored with different content; send it with a revision greater than ${st.revision} to supersede it`));
  }
  return { errors, objectTypes, storedObjectIds, storedEvents, events: [...batchEvents.values()] };
}

/** An object as merged from the store and this import, as far as the required checks need. */
interface MergedView {
  type: string;
  id: string;
  value(name: string): string | undefined;
  hasQualifier(qualifier: string): boolean;
}

/** The required attributes and relationships of §6 on one (merged) object. */
function checkRequired(o: MergedView, loc: NormObject['loc'], errors: ImportError[]): void {
  const def = OBJECT_TYPES[o.type];
  if (!def) return;
  const fail = (code: 'missing_attribute' | 'missing_relationship', field: string, reason: string) =>
    errors.push(errorAt(loc, 'object', o.id, field, code, reason));
  for (const name in def.attributes) {
    if (def.attributes[name].required && o.value(name) === undefined) fail('missing_attribute', '/attributes', `required attribute "${name}" of ${o.type} is absent`);
  }
  if (o.type === 'unit' && o.value('kind') === 'public_security' && o.value('level') === undefined) {
    fail('missing_attribute', '/attributes', 'a public-security unit needs "level"');
  }
  for (const qual in def.relationships) {
    const card = def.relationships[qual].card;
    if ((card === '1' || card === '+') && !o.hasQualifier(qual)) fail('missing_relationship', '/relationships', `a ${o.type} needs a "${qual}" relationship`);
  }
  if (o.type === 'person' && !o.hasQualifier('case') && !o.hasQualifier('incident')) {
    fail('missing_relationship', '/relationships', 'a person relates to a case or an incident (or both)');
  }
  if (o.type === 'media' && !o.hasQualifier('incident') && !o.hasQualifier('case') && !o.hasQualifier('venue')) {
    fail('missing_relationship', '/relationships', 'a media object relates to an incident, a case or a venue');
  }
}

/** How often each object id occurs in the import. */
export function occurrences(objects: NormObject[]): Map<string, number> {
  const n = new Map<string, number>();
  for (const o of objects) n.set(o.id, (n.get(o.id) ?? 0) + 1);
  return n;
}

/**
 * Required attributes and relationships hold for the object as merged from the store and every
 * occurrence in this import (an update may carry only the changed attributes, §12.2). A new
 * object sent once — the bulk of any large load — is checked on its record alone.
 */
async function checkMergedObjects(q: Pick<Queryable, 'query'>, objects: NormObject[], storedIds: Set<string>): Promise<ImportError[]> {
  const errors: ImportError[] = [];
  const count = occurrences(objects);
  const merged: NormObject[] = [];
  for (const o of objects) {
    const single = SINGLE_VALUED_O2O[o.type];
    if (single) {
      for (const qual of single) {
        let n = 0;
        for (const r of o.rels) if (r.qualifier === qual) n++;
        if (n > 1) errors.push(errorAt(o.loc, 'object', o.id, '/relationships', 'relationship_cardinality', `a ${o.type} has at most one "${qual}" relationship, found ${n}`));
      }
    }
    if (count.get(o.id) === 1 && !storedIds.has(o.id)) {
      checkRequired({
        type: o.type,
        id: o.id,
        value: (n) => o.attrs.find((a) => a.name === n)?.value,
        hasQualifier: (qual) => o.rels.some((r) => r.qualifier === qual),
      }, o.loc, errors);
    } else merged.push(o);
  }
  if (merged.length === 0) return errors;

  const firstOf = new Map<string, NormObject>();
  const attrs = new Map<string, Map<string, string>>(); // id → name → latest value seen
  const quals = new Map<string, Set<string>>(); // id → qualifiers
  for (const o of merged) {
    if (!firstOf.has(o.id)) firstOf.set(o.id, o);
    const a = attrs.get(o.id) ?? new Map<string, string>();
    for (const x of o.attrs) a.set(x.name, x.value);
    attrs.set(o.id, a);
    const qs = quals.get(o.id) ?? new Set<string>();
    for (const r of o.rels) qs.add(r.qualifier);
    quals.set(o.id, qs);
  }
  const existing = [...firstOf.keys()].filter((id) => storedIds.has(id));
  const storedAttr = new Map<string, Map<string, string>>();
  for (const r of await selectByIds<{ object_id: string; name: string; value: string }>(
    q,
    `SELECT DISTINCT ON (object_id, name) object_id, name, value FROM object_attributes
      WHERE object_id = ANY($1) ORDER BY object_id, name, time DESC`,
    existing,
  )) {
    const m = storedAttr.get(r.object_id) ?? new Map<string, string>();
    m.set(r.name, r.value);
    storedAttr.set(r.object_id, m);
  }
  const storedQual = new Map<string, Set<string>>();
  for (const r of await selectByIds<{ source_id: string; qualifier: string }>(
    q, 'SELECT DISTINCT source_id, qualifier FROM object_relationships WHERE source_id = ANY($1)', existing,
  )) {
    const s = storedQual.get(r.source_id) ?? new Set<string>();
    s.add(r.qualifier);
    storedQual.set(r.source_id, s);
  }
  for (const [id, o] of firstOf) {
    checkRequired({
      type: o.type,
      id,
      value: (n) => attrs.get(id)?.get(n) ?? storedAttr.get(id)?.get(n),
      hasQualifier: (qual) => (quals.get(id)?.has(qual) ?? false) || (storedQual.get(id)?.has(qual) ?? false),
    }, o.loc, errors);
  }
  return errors;
}
