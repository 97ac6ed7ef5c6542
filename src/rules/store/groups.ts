import type { Queryable } from '../../db/database.js';
import { VENUE_MEDIA_REACH_MS } from './doc-rows.js';

/**
 * Evaluation groups (migration 005): every event belongs to the case it concerns, else its
 * incident, else the venue it observes. An import recomputes the groups of the events it touched
 * — its own, those of incidents it linked to a case, those of objects whose anchors it changed —
 * and marks the old and new groups dirty in the same transaction, so the rule worker re-evaluates
 * exactly what changed and a crash never loses the duty to do so.
 */

// Priority-encoded candidates, the lowest wins: case → incident's case → the case of a
// person/item/document/media → incident → that object's incident → venue. Plain joins, so that
// a large import is hash-joined in one pass (the touched events are analysed first).
const ASSIGN = `
WITH t AS MATERIALIZED (SELECT DISTINCT event_id FROM rule_touched_events),
c AS (
  SELECT eo.event_id, min(CASE
           WHEN eo.qualifier = 'case' THEN '1' || eo.object_id
           WHEN eo.qualifier = 'incident' AND ic.case_id IS NOT NULL THEN '2' || ic.case_id
           WHEN o.case_id IS NOT NULL THEN '3' || o.case_id
           WHEN oc.case_id IS NOT NULL THEN '3' || oc.case_id
           WHEN eo.qualifier = 'incident' THEN '4' || eo.object_id
           WHEN o.incident_id IS NOT NULL THEN '5' || o.incident_id
           WHEN eo.qualifier = 'venue' THEN '6' || eo.object_id
         END) AS cand
    FROM t
    JOIN event_objects eo ON eo.event_id = t.event_id
    LEFT JOIN objects o ON o.id = eo.object_id AND o.type IN ('person', 'item', 'document', 'media')
    LEFT JOIN incident_cases ic ON eo.qualifier = 'incident' AND ic.incident_id = eo.object_id
    LEFT JOIN incident_cases oc ON oc.incident_id = o.incident_id
   GROUP BY eo.event_id)
INSERT INTO rule_assigned (event_id, time, group_id, old_group_id, old_time)
SELECT t.event_id, e.time, COALESCE(substr(c.cand, 2), 'none'), g.group_id, g.time
  FROM t
  JOIN events e ON e.id = t.event_id
  LEFT JOIN c ON c.event_id = t.event_id
  LEFT JOIN event_groups g ON g.event_id = t.event_id`;

/**
 * Session-local scratch tables (no index, no conflict checks: rows are written once and read by
 * joins), emptied, and room for the joins to hash and sort in memory for the rest of the
 * transaction.
 */
async function scratch(tx: Queryable): Promise<void> {
  await tx.query(`CREATE TEMP TABLE IF NOT EXISTS rule_touched_events (event_id text NOT NULL)`);
  await tx.query(`CREATE TEMP TABLE IF NOT EXISTS rule_assigned (event_id text NOT NULL, time timestamptz NOT NULL, group_id text NOT NULL, old_group_id text, old_time timestamptz)`);
  await tx.query(`TRUNCATE rule_touched_events, rule_assigned`);
  await tx.query(`SELECT set_config('work_mem', '64MB', true)`);
}

/** Marks the groups of an accepted import dirty (call inside the import's transaction). */
export async function markImportGroups(tx: Queryable, importId: number): Promise<void> {
  await scratch(tx);
  // Incidents linked to a case by this import's case.accepted events (re-derived, so a void
  // acceptance unlinks). An index look-up per event, whatever the planner's statistics say:
  // within the import's transaction they still describe the store before it, and PGlite has no
  // autovacuum to refresh them (as a join this took minutes for 200,000 events on PGlite).
  const { rows: linked } = await tx.query<{ incident_id: string }>(
    `SELECT DISTINCT eo.object_id AS incident_id
       FROM events e, LATERAL (SELECT eo.object_id FROM event_objects eo WHERE eo.event_id = e.id AND eo.qualifier = 'incident' OFFSET 0) eo
      WHERE e.import_id = $1 AND e.type = 'case.accepted'`, [importId]);
  const incidents = linked.map((r) => r.incident_id);
  if (incidents.length) {
    await tx.query(`DELETE FROM incident_cases WHERE incident_id = ANY($1)`, [incidents]);
    await tx.query(
      `INSERT INTO incident_cases (incident_id, case_id)
       SELECT ei.object_id, min(ec.object_id) FROM events e
         JOIN event_objects ei ON ei.event_id = e.id AND ei.qualifier = 'incident'
         JOIN event_objects ec ON ec.event_id = e.id AND ec.qualifier = 'case'
        WHERE e.type = 'case.accepted' AND NOT e.void AND ei.object_id = ANY($1)
        GROUP BY ei.object_id`, [incidents]);
  }
  await tx.query(`INSERT INTO rule_touched_events SELECT id FROM events WHERE import_id = $1`, [importId]);
  // Events of objects this import changed (stored before: new attributes or anchors) and of
  // linked incidents. A changed unit, officer or room (a role, a level) bears on every group
  // whose events name it.
  await tx.query(
    `INSERT INTO rule_touched_events
     SELECT DISTINCT eo.event_id FROM event_objects eo
      WHERE eo.object_id IN (SELECT id FROM objects WHERE last_import = $1 AND first_import < $1 AND type <> 'case')
         OR eo.object_id = ANY($2)`, [importId, incidents]);
  // Objects no event names may still bear on their case or incident (a recording uploaded later,
  // a document's attributes completed): their anchor's group is dirty. (New or changed by this
  // import: last_import is this one — imports run one at a time — and indexed.)
  await tx.query(
    `INSERT INTO rule_dirty_groups (group_id)
     SELECT DISTINCT COALESCE(o.case_id, ic.case_id, o.incident_id)
       FROM objects o LEFT JOIN incident_cases ic ON ic.incident_id = o.incident_id
      WHERE o.last_import = $1 AND COALESCE(o.case_id, ic.case_id, o.incident_id) IS NOT NULL
     ON CONFLICT DO NOTHING`, [importId]);
  // A changed case (kind, category, av_required, loss…) is its own group.
  await tx.query(
    `INSERT INTO rule_dirty_groups (group_id)
     SELECT id FROM objects WHERE last_import = $1 AND first_import < $1 AND type = 'case'
     ON CONFLICT DO NOTHING`, [importId]);
  await markTouched(tx);
  await markSurveillance(tx, importId);
}

/**
 * Keeps `venue_surveillance` (migration 010) current for the media this import brought or
 * changed, and marks dirty the groups whose area events in a room lie within the venue feed's
 * reach of a segment, before or after the change (store/venue-events.ts): footage linked to the
 * room only bears on the cases that used it. An index look-up per media object of the import.
 */
async function markSurveillance(tx: Queryable, importId: number): Promise<void> {
  const { rows: gone } = await tx.query<Span>(
    `DELETE FROM venue_surveillance
      WHERE media_id IN (SELECT id FROM objects WHERE last_import = $1 AND first_import < $1 AND type = 'media')
     RETURNING venue_id, started_at, ended_at`, [importId]);
  const { rows: came } = await tx.query<Span>(`${surveillanceOf('m.last_import = $1')} RETURNING venue_id, started_at, ended_at`, [importId]);
  const spans = [...gone, ...came];
  if (spans.length === 0) return;
  await tx.query(
    `INSERT INTO rule_dirty_groups (group_id)
     SELECT DISTINCT g.group_id
       FROM unnest($1::text[], $2::timestamptz[], $3::timestamptz[]) AS sp(venue_id, t0, t1),
            LATERAL (SELECT eo.event_id FROM event_objects eo WHERE eo.object_id = sp.venue_id AND eo.qualifier = 'venue' OFFSET 0) eo,
            LATERAL (SELECT ev.id FROM events ev WHERE ev.id = eo.event_id AND ev.type LIKE 'area.%'
                        AND ev.time BETWEEN sp.t0 - $4 * interval '1 millisecond' AND sp.t1 + $4 * interval '1 millisecond' OFFSET 0) ev,
            LATERAL (SELECT g.group_id FROM event_groups g WHERE g.event_id = ev.id OFFSET 0) g
      WHERE g.group_id NOT LIKE 'venue:%' AND g.group_id <> 'none'
     ON CONFLICT DO NOTHING`,
    [spans.map((x) => x.venue_id), spans.map((x) => new Date(x.started_at).toISOString()), spans.map((x) => new Date(x.ended_at).toISOString()), VENUE_MEDIA_REACH_MS]);
}

/**
 * Writes the `venue_surveillance` rows of the media objects `which` selects (a condition on
 * `m`): per room of an `area_cctv` segment, the widest span its times give.
 */
const surveillanceOf = (which: string) => `
  INSERT INTO venue_surveillance (venue_id, media_id, started_at, ended_at)
  SELECT r.target_id, m.id, s.t0, e.t1
    FROM objects m,
         LATERAL (SELECT r.target_id FROM object_relationships r WHERE r.source_id = m.id AND r.qualifier = 'venue' OFFSET 0) r,
         LATERAL (SELECT min(a.value::timestamptz) AS t0 FROM object_attributes a WHERE a.object_id = m.id AND a.name = 'started_at') s,
         LATERAL (SELECT max(a.value::timestamptz) AS t1 FROM object_attributes a WHERE a.object_id = m.id AND a.name = 'ended_at') e
   WHERE ${which} AND m.type = 'media' AND s.t0 IS NOT NULL AND e.t1 IS NOT NULL
     AND EXISTS (SELECT 1 FROM object_attributes k WHERE k.object_id = m.id AND k.name = 'kind' AND k.value = 'area_cctv')`;

interface Span {
  venue_id: string;
  started_at: Date | string;
  ended_at: Date | string;
}

async function markTouched(tx: Queryable): Promise<void> {
  await tx.query(`ANALYZE rule_touched_events`);
  await tx.query(ASSIGN);
  // Each touched event's group (and time), written once: new events inserted, moved ones updated.
  await tx.query(`ANALYZE rule_assigned`);
  await tx.query(
    `UPDATE event_groups g SET group_id = a.group_id, time = a.time FROM rule_assigned a
      WHERE g.event_id = a.event_id AND a.old_group_id IS NOT NULL AND (a.group_id <> a.old_group_id OR a.time <> a.old_time)`);
  await tx.query(`INSERT INTO event_groups (event_id, group_id, time) SELECT event_id, group_id, time FROM rule_assigned WHERE old_group_id IS NULL`);
  // The groups the touched events leave and those they join.
  await tx.query(
    `INSERT INTO rule_dirty_groups (group_id)
     SELECT group_id FROM rule_assigned WHERE group_id <> 'none'
      UNION SELECT old_group_id FROM rule_assigned WHERE old_group_id <> 'none'
     ON CONFLICT DO NOTHING`);
  // A venue's own events (occupancy snapshots, officers' positions) bear on the cases whose
  // persons were in it then: mark those groups too.
  await tx.query(
    `INSERT INTO rule_dirty_groups (group_id)
     SELECT DISTINCT g2.group_id
       FROM (SELECT group_id AS venue_id, min(time) AS t0, max(time) AS t1
               FROM rule_assigned WHERE group_id LIKE 'venue:%' GROUP BY group_id) v
       JOIN event_objects eo ON eo.object_id = v.venue_id AND eo.qualifier = 'venue'
       JOIN events e2 ON e2.id = eo.event_id AND e2.time BETWEEN v.t0 - interval '2 days' AND v.t1 + interval '2 days'
       JOIN event_groups g2 ON g2.event_id = e2.id AND g2.group_id NOT LIKE 'venue:%' AND g2.group_id <> 'none'
     ON CONFLICT DO NOTHING`);
  await tx.query(`TRUNCATE rule_touched_events, rule_assigned`);
}

/**
 * Recomputes every event's group, the rooms' surveillance and the links of incidents to cases,
 * and marks every group dirty (after an upgrade, after imports with rules off, or on demand).
 */
export async function regroupAll(tx: Queryable): Promise<void> {
  await scratch(tx);
  await tx.query(`DELETE FROM venue_surveillance`);
  await tx.query(surveillanceOf('true'));
  await tx.query(`DELETE FROM incident_cases`);
  await tx.query(
    `INSERT INTO incident_cases (incident_id, case_id)
     SELECT ei.object_id, min(ec.object_id) FROM events e
       JOIN event_objects ei ON ei.event_id = e.id AND ei.qualifier = 'incident'
       JOIN event_objects ec ON ec.event_id = e.id AND ec.qualifier = 'case'
      WHERE e.type = 'case.accepted' AND NOT e.void
      GROUP BY ei.object_id`);
  await tx.query(`INSERT INTO rule_touched_events SELECT id FROM events`);
  await markTouched(tx);
}
