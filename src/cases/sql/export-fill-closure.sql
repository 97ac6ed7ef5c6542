-- The part of the store an export shows: the closure of the given cases and incidents (see
-- closure.sql), void events included since an export reproduces the log; optionally also every
-- object of the actor's scope and the events that name only its units, officers and rooms
-- (occupancy snapshots, officers' movements).
--   $1 text[] case ids, $2 text[] incident ids
--   $3 boolean  also the scope's own objects and events; the scope's parameters follow from $4
-- @include closure.sql
,
chosen AS (
  SELECT id FROM anchored
  UNION
  SELECT id FROM refs
  UNION
  SELECT o.id FROM objects o WHERE $3::boolean AND /*scope(o.unit_id)*/ TRUE
),
scope_events AS (
  SELECT eo.event_id AS id
    FROM event_objects eo
    JOIN objects o ON o.id = eo.object_id AND o.type IN ('venue', 'officer', 'unit')
   WHERE $3::boolean AND /*scope(o.unit_id)*/ TRUE
     AND NOT EXISTS (
           SELECT 1 FROM event_objects x JOIN objects xo ON xo.id = x.object_id
            WHERE x.event_id = eo.event_id AND xo.type NOT IN ('venue', 'officer', 'unit'))
),
fill_objects AS (
  INSERT INTO export_objects (n, id)
  SELECT row_number() OVER (ORDER BY c.id COLLATE "C"), c.id
    FROM chosen c JOIN objects o ON o.id = c.id
  RETURNING n
)
INSERT INTO export_events (n, id)
SELECT row_number() OVER (ORDER BY e.time, e.id COLLATE "C"), e.id
  FROM events e
 WHERE e.id IN (SELECT id FROM closure_events UNION SELECT id FROM scope_events)
