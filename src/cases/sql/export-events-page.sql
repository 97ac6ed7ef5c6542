-- One page of exported events (current versions) with their E2O relationships to objects in the
-- same export.
--   $1 bigint  last n of the previous page, $2 page size
SELECT x.n, e.id, e.type, (extract(epoch FROM e.time) * 1000000)::bigint::text AS time_us,
       e.attributes, e.revision, e.void,
       COALESCE((SELECT json_agg(json_build_array(eo.object_id, eo.qualifier)
                                 ORDER BY eo.qualifier COLLATE "C", eo.object_id COLLATE "C")
                   FROM event_objects eo
                  WHERE eo.event_id = e.id AND EXISTS (SELECT 1 FROM export_objects y WHERE y.id = eo.object_id)), '[]'::json) AS relationships
  FROM export_events x
  JOIN events e ON e.id = x.id
 WHERE x.n > $1
 ORDER BY x.n
 LIMIT $2
