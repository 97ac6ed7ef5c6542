import type { Queryable } from '../db/database.js';
import { SINGLE_VALUED_O2O, attributeDef } from './registry.js';
import { selectByIds } from './resolve.js';
import type { Declarations, NormEvent, NormObject } from './validate.js';
import { parseValue } from './values.js';

/**
 * The merging writes of an import (§3.2, §3.3): attribute entries join their history, replaced
 * values go to object_attribute_replacements, single-valued relationships take the latest,
 * superseded events go to event_versions. Nothing accepted is deleted. (New objects and events
 * are written in bulk by pipeline.ts.)
 */

/** The items of a record with repeats removed, the last of each kept (records are short). */
export function lastOfEach<T>(items: T[], same: (a: T, b: T) => boolean): T[] {
  let dup = false;
  for (let i = 0; i < items.length && !dup; i++) for (let j = i + 1; j < items.length; j++) if (same(items[i], items[j])) { dup = true; break; }
  if (!dup) return items;
  return items.filter((x, i) => !items.some((y, j) => j > i && same(x, y)));
}

/** The typed form of a stored value, to tell a real change from another spelling of it. */
function canonicalOf(objectType: string, name: string, value: string): string {
  const def = attributeDef('object', objectType, name);
  const parsed = parseValue(value, def?.type ?? 'string');
  return parsed.ok ? parsed.canonical : value;
}

async function applyAttributes(tx: Queryable, importId: number, objects: NormObject[], changed: Set<string>): Promise<void> {
  // The last occurrence of (object, name, time) in the import wins.
  const inserts: unknown[][] = [];
  const entries = new Map<string, { objectId: string; type: string; name: string; time: string; value: string; canonical: string }>();
  for (const o of objects) {
    for (const a of o.attrs) entries.set(`${o.id}\u0000${a.name}\u0000${a.time}`, { objectId: o.id, type: o.type, name: a.name, time: a.time!, value: a.value, canonical: a.canonical });
  }
  const existingIds = [...new Set(objects.map((o) => o.id))];
  const stored = new Map<string, string>();
  const rows = await selectByIds<{ object_id: string; name: string; time: string; value: string }>(
    tx,
    `SELECT object_id, name, to_char(time AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS time, value
       FROM object_attributes WHERE object_id = ANY($1)`,
    existingIds,
  );
  for (const r of rows) stored.set(`${r.object_id}\u0000${r.name}\u0000${r.time}`, r.value);

  const replaced: { objectId: string; name: string; time: string; oldValue: string; newValue: string }[] = [];
  for (const [key, e] of entries) {
    const old = stored.get(key);
    if (old === undefined) {
      inserts.push([e.objectId, e.name, e.time, e.value, importId]);
      changed.add(e.objectId);
    } else if (old !== e.value && canonicalOf(e.type, e.name, old) !== e.canonical) {
      replaced.push({ objectId: e.objectId, name: e.name, time: e.time, oldValue: old, newValue: e.value });
      changed.add(e.objectId);
    }
  }
  await tx.copyRows('object_attributes', ['object_id', 'name', 'time', 'value', 'import_id'], inserts);
  if (replaced.length) {
    const cols = (f: (r: (typeof replaced)[number]) => string) => replaced.map(f);
    const params = [cols((r) => r.objectId), cols((r) => r.name), cols((r) => r.time), cols((r) => r.oldValue), cols((r) => r.newValue), importId];
    await tx.query(
      `INSERT INTO object_attribute_replacements (object_id, name, time, old_value, new_value, import_id)
       SELECT o, n, t, ov, nv, $6 FROM unnest($1::text[], $2::text[], $3::timestamptz[], $4::text[], $5::text[]) AS u(o, n, t, ov, nv)`,
      params,
    );
    await tx.query(
      `UPDATE object_attributes a SET value = u.nv, import_id = $5
         FROM unnest($1::text[], $2::text[], $3::timestamptz[], $4::text[]) AS u(o, n, t, nv)
        WHERE a.object_id = u.o AND a.name = u.n AND a.time = u.t`,
      [params[0], params[1], params[2], params[4], importId],
    );
  }
}

async function applyObjectRelationships(tx: Queryable, importId: number, objects: NormObject[], changed: Set<string>): Promise<void> {
  // Union, except single-valued qualifiers where the latest occurrence wins (§3.2).
  const rels = new Map<string, Map<string, Set<string>>>();
  const replaceQual = new Map<string, Set<string>>();
  for (const o of objects) {
    const byQual = rels.get(o.id) ?? new Map<string, Set<string>>();
    const single = new Set(SINGLE_VALUED_O2O[o.type] ?? []);
    for (const r of o.rels) {
      if (single.has(r.qualifier)) {
        byQual.set(r.qualifier, new Set([r.objectId]));
        const rq = replaceQual.get(o.id) ?? new Set<string>();
        rq.add(r.qualifier);
        replaceQual.set(o.id, rq);
      } else {
        const set = byQual.get(r.qualifier) ?? new Set<string>();
        set.add(r.objectId);
        byQual.set(r.qualifier, set);
      }
    }
    rels.set(o.id, byQual);
  }
  const all: [string, string, string][] = [];
  for (const [id, byQual] of rels) for (const [qual, targets] of byQual) for (const t of targets) all.push([id, qual, t]);
  if (all.length === 0) return;
  // Single-valued: a different stored target is replaced by this import's.
  const repl = all.filter(([id, q]) => replaceQual.get(id)?.has(q));
  if (repl.length) {
    const { rows } = await tx.query<{ source_id: string }>(
      `DELETE FROM object_relationships r USING unnest($1::text[], $2::text[], $3::text[]) AS u(s, q, t)
        WHERE r.source_id = u.s AND r.qualifier = u.q AND r.target_id <> u.t RETURNING r.source_id`,
      [repl.map((r) => r[0]), repl.map((r) => r[1]), repl.map((r) => r[2])],
    );
    for (const r of rows) changed.add(r.source_id);
  }
  const { rows } = await tx.query<{ source_id: string }>(
    `INSERT INTO object_relationships (source_id, qualifier, target_id, import_id)
     SELECT s, q, t, $4 FROM unnest($1::text[], $2::text[], $3::text[]) AS u(s, q, t)
     ON CONFLICT DO NOTHING RETURNING source_id`,
    [all.map((r) => r[0]), all.map((r) => r[1]), all.map((r) => r[2]), importId],
  );
  for (const r of rows) changed.add(r.source_id);
}

/**
 * Objects that already exist — stored before this import or created earlier in it — take the
 * attribute entries and relationships of their further occurrences (§3.2).
 */
export async function mergeObjects(tx: Queryable, importId: number, objects: NormObject[], changed: Set<string>): Promise<void> {
  if (objects.length === 0) return;
  await applyAttributes(tx, importId, objects, changed);
  await applyObjectRelationships(tx, importId, objects, changed);
}

/** The columns of an event row, as the importer writes them (new events and revisions alike). */
export const EVENT_COLUMNS = ['id', 'type', 'time', 'attributes', 'relationships', 'revision', 'void', 'content_hash', 'source', 'import_id', 'received_at'];

/** An event's row in EVENT_COLUMNS order. */
export function eventRow(e: NormEvent, source: string | null, importId: number, receivedAt: string): unknown[] {
  return [e.id, e.type, e.time, attributesJson(e), relationshipsJson(e), e.revision, e.void, e.hash, source, importId, receivedAt];
}

/** events.attributes (jsonb): names and values as sent. */
function attributesJson(e: NormEvent): string {
  let out = '[';
  for (let i = 0; i < e.attrs.length; i++) out += `${i ? ',' : ''}{"name":${JSON.stringify(e.attrs[i].name)},"value":${JSON.stringify(e.attrs[i].value)}}`;
  return out + ']';
}

/** events.relationships (json): [[qualifier, object id], …] in the record's order. */
function relationshipsJson(e: NormEvent): string {
  let out = '[';
  for (let i = 0; i < e.rels.length; i++) out += `${i ? ',' : ''}[${JSON.stringify(e.rels[i].qualifier)},${JSON.stringify(e.rels[i].objectId)}]`;
  return out + ']';
}

/** Events replacing a stored version (greater revision, §3.3): the old version is kept whole. */
export async function supersedeEvents(tx: Queryable, importId: number, source: string | null, receivedAt: Date, events: NormEvent[]): Promise<void> {
  if (events.length === 0) return;
  const ids = events.map((e) => e.id);
  await tx.query(
    `INSERT INTO event_versions (event_id, revision, type, time, attributes, relationships, void, content_hash, source,
                                 import_id, received_at, superseded_by_import)
     SELECT e.id, e.revision, e.type, e.time, e.attributes,
            COALESCE((SELECT jsonb_agg(jsonb_build_object('objectId', eo.object_id, 'qualifier', eo.qualifier))
                        FROM event_objects eo WHERE eo.event_id = e.id), '[]'::jsonb),
            e.void, e.content_hash, e.source, e.import_id, e.received_at, $2
       FROM events e WHERE e.id = ANY($1)`,
    [ids, importId],
  );
  await tx.query('DELETE FROM event_objects WHERE event_id = ANY($1)', [ids]);
  await tx.query('DELETE FROM events WHERE id = ANY($1)', [ids]);
  const received = receivedAt.toISOString();
  await tx.copyRows('events', EVENT_COLUMNS, events.map((e) => eventRow(e, source, importId, received)));
  await tx.copyRows('event_objects', ['event_id', 'object_id', 'qualifier'], events.flatMap((e) => e.rels.map((r) => [e.id, r.objectId, r.qualifier])));
}

export async function recordDeclarations(tx: Queryable, declarations: Declarations): Promise<void> {
  const types: [string, string][] = [];
  const attrs: [string, string, string, string][] = [];
  for (const [key, m] of declarations) {
    const [kind, type] = [key.slice(0, key.indexOf(':')), key.slice(key.indexOf(':') + 1)];
    types.push([kind, type]);
    for (const [name, t] of m) attrs.push([kind, type, name, t]);
  }
  await tx.query(
    `INSERT INTO declared_types (kind, type) SELECT * FROM unnest($1::text[], $2::text[]) ON CONFLICT DO NOTHING`,
    [types.map((t) => t[0]), types.map((t) => t[1])],
  );
  await tx.query(
    `INSERT INTO declared_attributes (kind, type, name, attr_type) SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[])
     ON CONFLICT (kind, type, name) DO UPDATE SET attr_type = EXCLUDED.attr_type`,
    [attrs.map((a) => a[0]), attrs.map((a) => a[1]), attrs.map((a) => a[2]), attrs.map((a) => a[3])],
  );
}
