-- The events of a case timeline in one round trip: every current, non-void event of the case's
-- closure in time order (ties by id), with its import and the objects it relates, each with a
-- display name (officer/unit/person/venue name, document type, media kind, item description).
--   $1 text[] case ids, $2 text[] further incident ids (see closure.sql)
-- Times are epoch microseconds as text, so that no driver rounds them.
-- @include closure.sql
,
ev AS (
  SELECT e.*
    FROM events e
   WHERE e.id IN (SELECT id FROM closure_events) AND NOT e.void
),
rel AS (
  SELECT eo.event_id, eo.object_id, eo.qualifier, o.type
    FROM event_objects eo
    JOIN ev ON ev.id = eo.event_id
    JOIN objects o ON o.id = eo.object_id
),
display_names AS (
  SELECT DISTINCT ON (a.object_id) a.object_id, a.value
    FROM (SELECT DISTINCT object_id, type FROM rel) r
    JOIN object_attributes a ON a.object_id = r.object_id
   WHERE a.time <= now()
     AND a.name = CASE r.type WHEN 'document' THEN 'doc_type' WHEN 'media' THEN 'kind'
                              WHEN 'item' THEN 'description' WHEN 'case' THEN 'title' ELSE 'name' END
   ORDER BY a.object_id, a.time DESC
),
rel_agg AS (
  SELECT r.event_id,
         json_agg(json_build_array(r.object_id, r.type, r.qualifier, n.value)
                  ORDER BY r.qualifier COLLATE "C", r.object_id COLLATE "C") AS objects
    FROM rel r
    LEFT JOIN display_names n ON n.object_id = r.object_id
   GROUP BY r.event_id
)
SELECT ev.id, ev.type,
       (extract(epoch FROM ev.time) * 1000000)::bigint::text AS time_us,
       ev.attributes, ev.revision, ev.source, ev.import_id,
       i.name AS import_name,
       (extract(epoch FROM ev.received_at) * 1000000)::bigint::text AS received_us,
       COALESCE(ra.objects, '[]'::json) AS objects
  FROM ev
  LEFT JOIN rel_agg ra ON ra.event_id = ev.id
  LEFT JOIN imports i ON i.id = ev.import_id
 ORDER BY ev.time, ev.id COLLATE "C"
