import type { Ev, Obj, Rel } from '../engine/snapshot.js';

/**
 * The rule engine's loads as JSON documents built by the server: one document per query (cast
 * to text, so the driver hands it over untouched and any thread can parse it), times as epoch
 * milliseconds so that no date string is parsed. The server does the joins and aggregation on its
 * own core; the client parses one string natively instead of many rows field by field.
 */
export const REFERENCE_TYPES = ['unit', 'officer', 'venue'];

/** [group, id, type, epoch ms, attributes as stored, [[qualifier, object], …] | null] */
export type EventTuple = [string, string, string, number, unknown, [string, string][] | null];
/** [id, type, unit, [[name, epoch ms, value], …] | null, [[qualifier, target], …] | null, case linking this incident | null] */
export type ObjectTuple = [string, string, string | null, [string, number, string][] | null, [string, string][] | null, string | null];

/**
 * A timestamptz column as epoch milliseconds (rounded down), exact and cheap. `extract(epoch)`
 * is exact but numeric: about a microsecond a value, a tenth of a case page's server time.
 * date_part's float8 seconds hold the microseconds to within a quarter while |epoch| < 2^31 s
 * (1901-12-13 … 2038-01-19), so rounding seconds × 10^6 gives them back exactly; outside that
 * span (a retention date in 2045, say) the numeric form. doc-rows.test.ts compares both.
 */
export const epochMs = (column: string) =>
  `CASE WHEN ${column} >= '1902-01-01Z' AND ${column} < '2038-01-01Z' THEN floor(round(date_part('epoch', ${column}) * 1e6::float8) / 1000::float8)
        ELSE floor(extract(epoch FROM ${column}) * 1000)::float8 END`;

// Relationships in the order they were sent — events carry theirs as sent (events.relationships);
// an object's come in heap order — so `target(e, q)` never depends on a plan.
// Attribute entries come in any order (a sort per object cost the server more than the client):
// objectOf orders each history by time.
const OBJECT_JSON = `json_build_array(o.id, o.type, o.unit_id,
  (SELECT json_agg(json_build_array(a.name, ${epochMs('a.time')}, a.value)) FROM object_attributes a WHERE a.object_id = o.id),
  (SELECT json_agg(json_build_array(r.qualifier, r.target_id) ORDER BY r.ctid) FROM object_relationships r WHERE r.source_id = o.id),
  l.case_id)`;

/** Units, officers and venues. $1 reference types. */
export const REFERENCE_SQL = `SELECT json_agg(${OBJECT_JSON})::text AS doc
  FROM objects o LEFT JOIN (SELECT NULL::text AS case_id) l ON false WHERE o.type = ANY($1::text[])`;

/**
 * A page of groups in one statement: their events (time ≤ T, current revision, not void) with
 * relationships; and the objects they concern — those the events name, the groups themselves,
 * the incidents linked to their cases (incident_cases), and every object anchored to one of those
 * cases or incidents even when no event names it yet. $1 groups, $2 T, $3 reference types.
 *
 * Every step is an index look-up per row (`LATERAL (… OFFSET 0)` keeps the planner from turning
 * it into a hash join over a whole table): a page costs what its groups hold, however large the
 * store — a full re-evaluation runs hundreds of pages.
 */
export const PAGE_SQL = `
WITH ev AS MATERIALIZED (
  SELECT q.group_id, e.id, e.type, e.time, e.attributes, e.relationships
    FROM unnest($1::text[]) AS q(group_id),
         LATERAL (SELECT g.event_id FROM event_groups g WHERE g.group_id = q.group_id AND g.time <= $2 OFFSET 0) g,
         LATERAL (SELECT e.id, e.type, e.time, e.attributes, e.relationships FROM events e
                   WHERE e.id = g.event_id AND NOT e.void AND e.time <= $2 OFFSET 0) e),
linked AS MATERIALIZED (SELECT incident_id, case_id FROM incident_cases WHERE case_id = ANY($1::text[])),
anchors AS (SELECT unnest($1::text[]) AS id UNION SELECT incident_id FROM linked),
wanted AS (
  SELECT r ->> 1 AS id FROM ev, json_array_elements(ev.relationships) r
  UNION SELECT unnest($1::text[])
  UNION SELECT incident_id FROM linked
  UNION SELECT o.id FROM anchors a, LATERAL (SELECT o.id FROM objects o WHERE o.case_id = a.id OFFSET 0) o
  UNION SELECT o.id FROM anchors a, LATERAL (SELECT o.id FROM objects o WHERE o.incident_id = a.id OFFSET 0) o)
SELECT
  (SELECT json_agg(json_build_array(ev.group_id, ev.id, ev.type, ${epochMs('ev.time')}, ev.attributes, ev.relationships)) FROM ev)::text AS events,
  (SELECT json_agg(${OBJECT_JSON})
     FROM wanted w, LATERAL (SELECT * FROM objects o WHERE o.id = w.id AND NOT (o.type = ANY($3::text[])) OFFSET 0) o
     LEFT JOIN linked l ON l.incident_id = o.id)::text AS objects`;

/**
 * A page's venue feed in one statement: $1 venues, $2 from, $3 to (timestamptz), a venue once
 * per disjoint window (venue-events.ts).
 * - events: those of the venue groups within the windows, so no event comes twice. An index
 *   range each (event_groups (group_id, time)).
 * - media: the area surveillance (`area_cctv`) linked to the venues (O2O `venue`) whose segment
 *   may overlap a window widened by VENUE_MEDIA_REACH_MS on either side (`venue_surveillance`,
 *   migration 010, holds each segment's widest span); VenueFeed picks each group's own.
 */
export const VENUE_MEDIA_REACH_MS = 3 * 86_400_000;
const reach = `interval '${VENUE_MEDIA_REACH_MS / 1000} seconds'`;

export const VENUE_SQL = `
WITH w AS MATERIALIZED (SELECT * FROM unnest($1::text[], $2::timestamptz[], $3::timestamptz[]) AS w(venue, t0, t1)),
media AS (
  SELECT DISTINCT s.media_id AS id
    FROM w, LATERAL (SELECT s.media_id FROM venue_surveillance s
                      WHERE s.venue_id = w.venue AND s.started_at <= w.t1 + ${reach} AND s.ended_at >= w.t0 - ${reach} OFFSET 0) s)
SELECT
  (SELECT json_agg(json_build_array(g.group_id, e.id, e.type, ${epochMs('e.time')}, e.attributes, e.relationships))
     FROM w, LATERAL (SELECT g.group_id, g.event_id FROM event_groups g WHERE g.group_id = w.venue AND g.time >= w.t0 AND g.time <= w.t1 OFFSET 0) g,
          LATERAL (SELECT * FROM events e WHERE e.id = g.event_id AND NOT e.void AND e.time >= w.t0 AND e.time <= w.t1 OFFSET 0) e)::text AS events,
  (SELECT json_agg(${OBJECT_JSON})
     FROM media m, LATERAL (SELECT * FROM objects o WHERE o.id = m.id AND o.type = 'media' OFFSET 0) o
     LEFT JOIN (SELECT NULL::text AS case_id) l ON false)::text AS media`;

/** The rows of a document (null — no rows — gives none). */
export function parseDoc<T>(doc: unknown): T[] {
  if (doc === null || doc === undefined) return [];
  return (typeof doc === 'string' ? JSON.parse(doc) : doc) as T[];
}

// Plain index loops below, not destructuring: these run for every event and object of a load.
export function eventOf(t: EventTuple): Ev {
  return { id: t[1], type: t[2], time: new Date(t[3]), attrs: attrsOf(t[4]), rels: relsOf(t[5]) };
}

function relsOf(pairs: [string, string][] | null): Rel[] {
  const out: Rel[] = new Array(pairs?.length ?? 0);
  for (let i = 0; i < out.length; i++) out[i] = { q: pairs![i][0], id: pairs![i][1] };
  return out;
}

export function objectOf(t: ObjectTuple): Obj {
  const o: Obj = { id: t[0], type: t[1], attrs: new Map(), rels: relsOf(t[4]), unitId: t[2] };
  let unordered = false;
  const entries = t[3] ?? [];
  for (let i = 0; i < entries.length; i++) {
    const name = entries[i][0], time = entries[i][1], value = entries[i][2];
    const list = o.attrs.get(name);
    if (!list) o.attrs.set(name, [{ time, value }]);
    else {
      unordered ||= list[list.length - 1].time > time;
      list.push({ time, value });
    }
  }
  if (unordered) for (const list of o.attrs.values()) list.sort((a, b) => a.time - b.time);
  return o;
}

export function objectsOf(doc: unknown): Map<string, Obj> {
  return new Map(parseDoc<ObjectTuple>(doc).map((t) => [t[0], objectOf(t)]));
}

function attrsOf(raw: unknown): Record<string, string> {
  const list = (typeof raw === 'string' ? JSON.parse(raw) : raw) as Array<{ name: string; value: unknown }> | null;
  const out: Record<string, string> = {};
  if (!list) return out;
  for (let i = 0; i < list.length; i++) {
    const v = list[i].value;
    out[list[i].name] = typeof v === 'string' ? v : String(v);
  }
  return out;
}
