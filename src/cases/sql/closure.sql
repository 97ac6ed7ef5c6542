-- The closure of a set of cases ("串点成线", interchange §1, §9.2), shared by the case timeline,
-- the case view and the case export. Not a query on its own: the including file appends the
-- statement that reads these CTEs.
--   $1 text[]  case ids
--   $2 text[]  further incident ids (may be empty)
-- Yields:
--   anchored(id)        the cases, their incidents, and the persons, items, documents and media
--                       anchored to them (objects.case_id / incident_id, derived by the importer)
--   closure_events(id)  every event relating an anchored object and no other case, void ones
--                       included, plus the events of a venue while a person of the case is in it
--                       (officers entering, occupancy snapshots) that name no other case's objects
--   refs(id)            the units, officers, venues and media those name, with the units above
--                       them (officer → member_of, venue → unit, unit → parent)
WITH RECURSIVE
seed_cases AS (
  SELECT DISTINCT unnest($1::text[]) AS id
),
-- A case's incidents: named with the case in one event (case.accepted), or by its parties.
incidents AS (
  SELECT unnest($2::text[]) AS id
  UNION
  SELECT i.object_id
    FROM event_objects ce
    JOIN events e ON e.id = ce.event_id AND NOT e.void
    JOIN event_objects i ON i.event_id = ce.event_id AND i.qualifier = 'incident'
   WHERE ce.qualifier = 'case' AND ce.object_id IN (SELECT id FROM seed_cases)
  UNION
  SELECT o.incident_id
    FROM objects o
   WHERE o.case_id IN (SELECT id FROM seed_cases) AND o.incident_id IS NOT NULL
),
anchored AS (
  SELECT id FROM seed_cases
  UNION
  SELECT id FROM incidents
  UNION
  SELECT o.id FROM objects o WHERE o.case_id IN (SELECT id FROM seed_cases)
  UNION
  -- anchored to the incident only (a reporter, a bodycam clip); not to another case
  SELECT o.id FROM objects o WHERE o.case_id IS NULL AND o.incident_id IN (SELECT id FROM incidents)
),
-- Room intervals of the case's persons (§9.2): from area.entered to their next area event.
area_moves AS (
  SELECT v.object_id AS venue_id, e.type, e.time,
         lead(e.time) OVER (PARTITION BY s.object_id ORDER BY e.time, e.type = 'area.entered', e.id) AS next_time
    FROM event_objects s
    JOIN events e ON e.id = s.event_id AND NOT e.void AND e.type IN ('area.entered', 'area.exited')
    JOIN event_objects v ON v.event_id = e.id AND v.qualifier = 'venue'
   WHERE s.qualifier = 'subject' AND s.object_id IN (SELECT id FROM anchored)
),
room_intervals AS (
  -- an interval never closed is cut at 24 h [D], the longest regular stay (AREA_MAX_STAY)
  SELECT venue_id, time AS t_from, COALESCE(next_time, time + interval '24 hours') AS t_to
    FROM area_moves
   WHERE type = 'area.entered'
),
-- Events of those venues inside an interval, found in one sweep per venue (no interval × event
-- product): interval starts count +1, ends −1, and an event is inside while the sum is positive.
venue_spans AS (
  SELECT venue_id, min(t_from) AS t_min, max(t_to) AS t_max FROM room_intervals GROUP BY venue_id
),
venue_marks AS (
  SELECT venue_id, t_from AS t, 0 AS ord, 1 AS delta, NULL::text AS event_id FROM room_intervals
  UNION ALL
  SELECT venue_id, t_to, 2, -1, NULL FROM room_intervals
  UNION ALL
  SELECT s.venue_id, e.time, 1, 0, e.id
    FROM venue_spans s
    JOIN event_objects v ON v.object_id = s.venue_id AND v.qualifier = 'venue'
    JOIN events e ON e.id = v.event_id AND e.time BETWEEN s.t_min AND s.t_max
),
venue_events AS (
  SELECT DISTINCT m.event_id AS id
    FROM (SELECT event_id,
                 sum(delta) OVER (PARTITION BY venue_id ORDER BY t, ord ROWS UNBOUNDED PRECEDING) AS inside
            FROM venue_marks) m
   WHERE m.event_id IS NOT NULL AND m.inside > 0
     AND NOT EXISTS (
           SELECT 1 FROM event_objects x JOIN objects xo ON xo.id = x.object_id
            WHERE x.event_id = m.event_id AND xo.type NOT IN ('venue', 'officer', 'unit'))
),
closure_events AS (
  SELECT eo.event_id AS id
    FROM event_objects eo
   WHERE eo.object_id IN (SELECT id FROM anchored)
     -- an event of another case (one incident, two cases) belongs to that case, not to these
     AND NOT EXISTS (
           SELECT 1 FROM event_objects oc
            WHERE oc.event_id = eo.event_id AND oc.qualifier = 'case'
              AND oc.object_id NOT IN (SELECT id FROM seed_cases))
  UNION
  SELECT id FROM venue_events
),
refs(id) AS (
  SELECT o.id
    FROM event_objects eo
    JOIN objects o ON o.id = eo.object_id AND o.type IN ('unit', 'officer', 'venue', 'media')
   WHERE eo.event_id IN (SELECT id FROM closure_events)
  UNION
  SELECT o.id
    FROM object_relationships r
    JOIN objects o ON o.id = r.target_id AND o.type IN ('unit', 'officer', 'venue')
   WHERE r.source_id IN (SELECT id FROM anchored)
  UNION
  SELECT o.id
    FROM refs
    JOIN object_relationships r ON r.source_id = refs.id
    JOIN objects o ON o.id = r.target_id AND o.type IN ('unit', 'officer', 'venue')
)
