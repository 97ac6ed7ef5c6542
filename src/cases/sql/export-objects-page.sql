-- One page of exported objects with their whole attribute history and their O2O relationships
-- to objects in the same export (a part of the log must not point outside itself).
--   $1 bigint  last n of the previous page, $2 page size
SELECT x.n, o.id, o.type,
       COALESCE((SELECT json_agg(json_build_array(a.name, (extract(epoch FROM a.time) * 1000000)::bigint::text, a.value)
                                 ORDER BY a.name COLLATE "C", a.time)
                   FROM object_attributes a WHERE a.object_id = o.id), '[]'::json) AS attributes,
       COALESCE((SELECT json_agg(json_build_array(r.target_id, r.qualifier)
                                 ORDER BY r.qualifier COLLATE "C", r.target_id COLLATE "C")
                   FROM object_relationships r
                  WHERE r.source_id = o.id AND EXISTS (SELECT 1 FROM export_objects y WHERE y.id = r.target_id)), '[]'::json) AS relationships
  FROM export_objects x
  JOIN objects o ON o.id = x.id
 WHERE x.n > $1
 ORDER BY x.n
 LIMIT $2
