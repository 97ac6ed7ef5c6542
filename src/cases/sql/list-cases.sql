-- Cases in the actor's scope, newest accepted first, with their current attributes, unit and
-- the stage their events have reached (CaseSummary), and the total for paging.
--   $1 text  unit: only cases of this unit and the units below it (null = all in scope)
--   $2 text  kind 'criminal' | 'administrative' (null = any)
--   $3 text  status 'open' | 'closed' (null = any)
--   $4 text  ILIKE pattern on id, title and charge (null = none)
--   $5 text  one case id (null = all)
--   $6 int   limit, $7 int offset; the scope's parameters follow from $8
WITH c AS (
  SELECT o.id, o.unit_id
    FROM objects o
   WHERE o.type = 'case' AND /*scope(o.unit_id)*/ TRUE
     AND ($1::text IS NULL OR o.unit_id IN (SELECT descendant_id FROM unit_closure WHERE ancestor_id = $1::text))
     AND ($5::text IS NULL OR o.id = $5::text)
),
cur AS (
  SELECT a.object_id,
         max(a.value) FILTER (WHERE a.name = 'kind') AS kind,
         max(a.value) FILTER (WHERE a.name = 'category') AS category,
         max(a.value) FILTER (WHERE a.name = 'title') AS title,
         max(a.value) FILTER (WHERE a.name = 'charge') AS charge
    FROM (SELECT DISTINCT ON (a.object_id, a.name) a.object_id, a.name, a.value
            FROM object_attributes a JOIN c ON c.id = a.object_id
           WHERE a.name IN ('kind', 'category', 'title', 'charge') AND a.time <= now()
           ORDER BY a.object_id, a.name, a.time DESC) a
   GROUP BY a.object_id
),
-- The stage is the latest case-stage event (§10.2); a case is closed while that is case.closed.
stages AS (
  SELECT ce.object_id AS case_id,
         min(e.time) FILTER (WHERE e.type = 'case.accepted') AS accepted_at,
         min(e.time) FILTER (WHERE e.type = 'case.filed') AS filed_at,
         max(e.time) FILTER (WHERE e.type = 'case.closed') AS closed_at,
         (array_agg(e.type ORDER BY e.time DESC, e.id COLLATE "C" DESC))[1] AS stage
    FROM event_objects ce
    JOIN c ON c.id = ce.object_id
    JOIN events e ON e.id = ce.event_id AND NOT e.void
   WHERE ce.qualifier = 'case'
     AND e.type IN ('case.accepted', 'case.filed', 'case.not_filed', 'case.transferred',
                    'case.returned_for_investigation', 'case.sent_for_prosecution', 'case.revoked',
                    'case.decided', 'case.closed')
   GROUP BY ce.object_id
),
page AS (
  SELECT c.id, c.unit_id, cur.kind, cur.category, cur.title, cur.charge,
         s.accepted_at, s.filed_at, s.closed_at, s.stage,
         CASE WHEN s.stage = 'case.closed' THEN 'closed' ELSE 'open' END AS status,
         count(*) OVER () AS total
    FROM c
    LEFT JOIN cur ON cur.object_id = c.id
    LEFT JOIN stages s ON s.case_id = c.id
   WHERE ($2::text IS NULL OR cur.kind = $2::text)
     AND ($3::text IS NULL OR (CASE WHEN s.stage = 'case.closed' THEN 'closed' ELSE 'open' END) = $3::text)
     AND ($4::text IS NULL OR c.id ILIKE $4::text OR cur.title ILIKE $4::text OR cur.charge ILIKE $4::text)
   ORDER BY s.accepted_at DESC NULLS LAST, c.id COLLATE "C"
   LIMIT $6 OFFSET $7
)
SELECT p.id, p.unit_id, p.kind, p.category, p.title, p.charge, p.stage, p.status, p.total,
       (extract(epoch FROM p.accepted_at) * 1000000)::bigint::text AS accepted_us,
       (extract(epoch FROM p.filed_at) * 1000000)::bigint::text AS filed_us,
       (extract(epoch FROM p.closed_at) * 1000000)::bigint::text AS closed_us,
       (SELECT a.value FROM object_attributes a
         WHERE a.object_id = p.unit_id AND a.name = 'name' AND a.time <= now()
         ORDER BY a.time DESC LIMIT 1) AS unit_name
  FROM page p
 ORDER BY p.accepted_at DESC NULLS LAST, p.id COLLATE "C"
