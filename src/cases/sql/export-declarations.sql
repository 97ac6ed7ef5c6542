-- The object and event types of an export with the attribute names each uses.
SELECT 'object' AS kind, o.type,
       COALESCE(array_agg(DISTINCT a.name) FILTER (WHERE a.name IS NOT NULL), '{}') AS names,
       false AS has_revision, false AS has_void
  FROM export_objects x
  JOIN objects o ON o.id = x.id
  LEFT JOIN object_attributes a ON a.object_id = o.id
 GROUP BY o.type
UNION ALL
SELECT 'event', e.type,
       COALESCE(array_agg(DISTINCT at.value ->> 'name') FILTER (WHERE at.value IS NOT NULL), '{}'),
       bool_or(e.revision > 0), bool_or(e.void)
  FROM export_events x
  JOIN events e ON e.id = x.id
  LEFT JOIN LATERAL jsonb_array_elements(e.attributes) AS at(value) ON true
 GROUP BY e.type
