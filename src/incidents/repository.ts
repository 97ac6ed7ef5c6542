import { formatDate } from '../cases/format.js';
import type { Queryable } from '../db/database.js';
import type { Actor } from '../org/actor.js';
import { maskAttributes } from '../org/mask.js';
import { scopeCondition } from '../org/scope.js';
import { currentAttributes, eventsOf, namesOf } from '../server/objects.js';
import { limitOffset, type PageQuery } from '../server/schemas.js';

type Db = Pick<Queryable, 'query'>;

export interface IncidentFilter extends PageQuery {
  from?: Date;
  to?: Date;
  category?: string;
  unitId?: string;
}

export interface IncidentSummary {
  id: string;
  receivedAt: string | null;
  channel: string | null;
  category: string | null;
  urgent: boolean | null;
  address: string | null;
  unitId: string | null;
  unitName: string | null;
}

// When an incident came in: its receipt (or online registration) event, else the first time
// its `channel` was recorded (sources that send the object alone).
const RECEIVED_AT = `COALESCE(
  (SELECT min(e.time) FROM event_objects eo JOIN events e ON e.id = eo.event_id
    WHERE eo.object_id = o.id AND eo.qualifier = 'incident' AND NOT e.void
      AND e.type IN ('incident.received', 'incident.registered')),
  (SELECT min(a.time) FROM object_attributes a WHERE a.object_id = o.id AND a.name = 'channel'))`;

const instant = (v: Date | string | null) => (v === null ? null : formatDate(new Date(v)));

export async function listIncidents(
  db: Db,
  actor: Actor,
  f: IncidentFilter,
): Promise<{ items: IncidentSummary[]; total: number }> {
  const scope = scopeCondition(actor, 'o.unit_id', 1);
  const params: unknown[] = [...scope.params];
  const where = [`o.type = 'incident'`, scope.sql];
  if (f.unitId) {
    where.push(`o.unit_id IN (SELECT descendant_id FROM unit_closure WHERE ancestor_id = $${params.push(f.unitId)})`);
  }
  if (f.category) {
    // The current category: a later entry may have reclassified the incident.
    where.push(
      `(SELECT a.value FROM object_attributes a WHERE a.object_id = o.id AND a.name = 'category' AND a.time <= now()
         ORDER BY a.time DESC LIMIT 1) = $${params.push(f.category)}`,
    );
  }
  if (f.from) where.push(`t.received_at >= $${params.push(f.from)}`);
  if (f.to) where.push(`t.received_at < $${params.push(f.to)}`);
  const base = `FROM objects o CROSS JOIN LATERAL (SELECT ${RECEIVED_AT} AS received_at) t WHERE ${where.join(' AND ')}`;
  const page = limitOffset(f, params.length + 1);
  const [{ rows }, count] = await Promise.all([
    db.query<{ id: string; unit_id: string | null; received_at: Date | null }>(
      `SELECT o.id, o.unit_id, t.received_at ${base} ORDER BY t.received_at DESC NULLS LAST, o.id ${page.sql}`,
      [...params, ...page.params],
    ),
    db.query<{ n: number }>(`SELECT count(*)::int AS n ${base}`, params),
  ]);
  const attrs = await currentAttributes(db, rows.map((r) => r.id), ['channel', 'category', 'urgent', 'address']);
  const units = await namesOf(db, rows.map((r) => r.unit_id));
  const items = rows.map((r) => {
    const a = attrs.get(r.id)!;
    return {
      id: r.id,
      receivedAt: instant(r.received_at),
      channel: a.channel ?? null,
      category: a.category ?? null,
      urgent: a.urgent === undefined ? null : a.urgent === 'true',
      address: a.address ?? null,
      unitId: r.unit_id,
      unitName: (r.unit_id && units.get(r.unit_id)) ?? null,
    };
  });
  return { items, total: count.rows[0].n };
}

export interface IncidentDetail extends IncidentSummary {
  attributes: Record<string, string>;
  /** [S] fields sent unmasked (the caller audits the read). */
  revealed: string[];
  persons: { id: string; name: string | null; role: string | null }[];
  caseIds: string[];
  events: { id: string; type: string; time: string }[];
}

/**
 * One incident in the actor's scope, [S] fields masked per the actor's rights; null if absent or
 * out of scope. Linked persons and cases are listed only where they too lie in scope.
 */
export async function getIncident(db: Db, actor: Actor, id: string): Promise<IncidentDetail | null> {
  const scope = scopeCondition(actor, 'o.unit_id', 2);
  const { rows } = await db.query<{ id: string; unit_id: string | null; received_at: Date | null }>(
    `SELECT o.id, o.unit_id, ${RECEIVED_AT} AS received_at FROM objects o
      WHERE o.id = $1 AND o.type = 'incident' AND ${scope.sql}`,
    [id, ...scope.params],
  );
  const row = rows[0];
  if (!row) return null;
  const [attrs, events, linked] = await Promise.all([
    currentAttributes(db, [id]),
    eventsOf(db, id, actor, ['incident']),
    db.query<{ id: string; type: string }>(
      `SELECT DISTINCT o.id, o.type FROM objects o
        WHERE ((o.type = 'person' AND o.incident_id = $1)
           OR (o.type = 'case' AND o.id IN (
                SELECT c.object_id FROM event_objects i JOIN event_objects c ON c.event_id = i.event_id
                 WHERE i.object_id = $1 AND i.qualifier = 'incident' AND c.qualifier = 'case')))
          AND ${scope.sql}
        ORDER BY o.id`,
      [id, ...scope.params],
    ),
  ]);
  const personIds = linked.rows.filter((r) => r.type === 'person').map((r) => r.id);
  const personAttrs = await currentAttributes(db, personIds, ['name', 'role']);
  const units = await namesOf(db, [row.unit_id]);
  const { attributes, revealed } = maskAttributes(actor, 'incident', attrs.get(id)!);
  return {
    id,
    receivedAt: instant(row.received_at),
    channel: attributes.channel ?? null,
    category: attributes.category ?? null,
    urgent: attributes.urgent === undefined ? null : attributes.urgent === 'true',
    address: attributes.address ?? null,
    unitId: row.unit_id,
    unitName: (row.unit_id && units.get(row.unit_id)) ?? null,
    attributes,
    revealed,
    persons: personIds.map((p) => {
      const person = maskAttributes(actor, 'person', personAttrs.get(p)!).attributes;
      return { id: p, name: person.name ?? null, role: person.role ?? null };
    }),
    caseIds: linked.rows.filter((r) => r.type === 'case').map((r) => r.id),
    events: events.map(({ id: eid, type, time }) => ({ id: eid, type, time })),
  };
}
