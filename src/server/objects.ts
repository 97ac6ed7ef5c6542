import { scopeCondition } from '../org/scope.js';
import type { Actor } from '../org/actor.js';
import { formatMicros } from '../cases/format.js';
import type { Queryable } from '../db/database.js';

type Db = Pick<Queryable, 'query'>;

/**
 * Current attribute values of objects: for each (object, name) the entry with the greatest
 * valid-from time not after `at` (interchange §3.2). Optionally only the named attributes.
 */
export async function currentAttributes(
  db: Db,
  ids: readonly string[],
  names?: readonly string[],
  at: Date = new Date(),
): Promise<Map<string, Record<string, string>>> {
  const out = new Map<string, Record<string, string>>(ids.map((id) => [id, {}]));
  if (ids.length === 0) return out;
  const { rows } = await db.query<{ object_id: string; name: string; value: string }>(
    `SELECT DISTINCT ON (object_id, name) object_id, name, value
       FROM object_attributes
      WHERE object_id = ANY($1::text[]) AND time <= $2 ${names ? 'AND name = ANY($3::text[])' : ''}
      ORDER BY object_id, name, time DESC`,
    names ? [ids, at, names] : [ids, at],
  );
  for (const r of rows) out.get(r.object_id)![r.name] = r.value;
  return out;
}

/** Display names of units (or any objects with a `name`), by id. */
export async function namesOf(db: Db, ids: readonly (string | null)[]): Promise<Map<string, string>> {
  const unique = [...new Set(ids.filter((x): x is string => !!x))];
  const attrs = await currentAttributes(db, unique, ['name']);
  return new Map([...attrs].filter(([, a]) => a.name !== undefined).map(([id, a]) => [id, a.name]));
}

/** Events related to an object (any qualifier, or the given ones), in time order, times at +08:00; void ones left out. */
export async function eventsOf(
  db: Db,
  objectId: string,
  actor: Actor,
  qualifiers?: readonly string[],
): Promise<{ id: string; type: string; time: string; qualifier: string }[]> {
  // An event that names a case of another unit (one incident, two cases) is that unit's.
  const scope = scopeCondition(actor, 'c.unit_id', 3);
  const { rows } = await db.query<{ id: string; type: string; time_us: string; qualifier: string }>(
    `SELECT e.id, e.type, (extract(epoch FROM e.time) * 1000000)::bigint::text AS time_us, eo.qualifier
       FROM event_objects eo JOIN events e ON e.id = eo.event_id
      WHERE eo.object_id = $1 AND NOT e.void AND ($2::text[] IS NULL OR eo.qualifier = ANY($2::text[]))
        AND NOT EXISTS (SELECT 1 FROM event_objects x JOIN objects c ON c.id = x.object_id
                         WHERE x.event_id = e.id AND x.qualifier = 'case' AND NOT (${scope.sql}))
      ORDER BY e.time, e.id`,
    [objectId, qualifiers ?? null, ...scope.params],
  );
  return rows.map((r) => ({ id: r.id, type: r.type, time: formatMicros(r.time_us), qualifier: r.qualifier }));
}
