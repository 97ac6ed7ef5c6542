import type { Queryable } from '../db/database.js';

/**
 * Derived columns that make unit scope cheap (every query filters on objects.unit_id):
 * - unit: itself; officer: member_of; case, venue: `unit`; incident: `unit`, else the unit it was
 *   dispatched to, else the unit that received it;
 * - person, item, document, media: anchored to their case (else incident, else venue for media),
 *   and owned by the anchor's unit.
 * Recomputed for the objects an import touched and everything anchored to them.
 */
const OWN_UNIT = `
UPDATE objects o SET unit_id = CASE
    WHEN o.type = 'unit' THEN o.id
    WHEN o.type = 'officer' THEN (SELECT r.target_id FROM object_relationships r WHERE r.source_id = o.id AND r.qualifier = 'member_of' LIMIT 1)
    ELSE (SELECT r.target_id FROM object_relationships r WHERE r.source_id = o.id AND r.qualifier = 'unit' LIMIT 1)
  END
 WHERE o.id = ANY($1) AND o.type IN ('unit', 'officer', 'case', 'venue', 'incident')`;

// An incident without a `unit` relationship belongs to where it was dispatched or received.
const INCIDENT_FALLBACK = `
UPDATE objects o SET unit_id = sub.unit_id
  FROM (SELECT DISTINCT ON (eo.object_id) eo.object_id, eu.object_id AS unit_id
          FROM event_objects eo
          JOIN events e ON e.id = eo.event_id AND NOT e.void
          JOIN event_objects eu ON eu.event_id = e.id AND eu.qualifier IN ('target_unit', 'unit')
         WHERE eo.qualifier = 'incident' AND eo.object_id = ANY($1)
           AND e.type IN ('incident.dispatched', 'incident.received', 'incident.registered')
         ORDER BY eo.object_id, (eu.qualifier = 'target_unit') DESC, e.time DESC) sub
 WHERE o.id = sub.object_id AND o.type = 'incident' AND o.unit_id IS NULL`;

const ANCHORS = `
UPDATE objects o SET
    case_id = (SELECT min(r.target_id) FROM object_relationships r WHERE r.source_id = o.id AND r.qualifier = 'case'),
    incident_id = (SELECT min(r.target_id) FROM object_relationships r WHERE r.source_id = o.id AND r.qualifier = 'incident')
 WHERE o.id = ANY($1) AND o.type IN ('person', 'item', 'document', 'media')`;

const ANCHORED_UNIT = `
UPDATE objects o SET unit_id = COALESCE(
    (SELECT c.unit_id FROM objects c WHERE c.id = o.case_id),
    (SELECT i.unit_id FROM objects i WHERE i.id = o.incident_id),
    (SELECT v.unit_id FROM objects v JOIN object_relationships r ON r.target_id = v.id
      WHERE r.source_id = o.id AND r.qualifier = 'venue' LIMIT 1))
 WHERE o.type IN ('person', 'item', 'document', 'media')
   AND (o.id = ANY($1) OR o.case_id = ANY($1) OR o.incident_id = ANY($1))`;

const UNIT_CLOSURE = `
DELETE FROM unit_closure;
INSERT INTO unit_closure (ancestor_id, descendant_id, depth)
WITH RECURSIVE up(ancestor_id, descendant_id, depth) AS (
  SELECT id, id, 0 FROM objects WHERE type = 'unit'
  UNION ALL
  SELECT r.target_id, up.descendant_id, up.depth + 1
    FROM up JOIN object_relationships r ON r.source_id = up.ancestor_id AND r.qualifier = 'parent'
   WHERE up.depth < 16
)
SELECT ancestor_id, descendant_id, min(depth) FROM up GROUP BY ancestor_id, descendant_id;`;

export async function refreshDerived(tx: Pick<Queryable, 'query' | 'exec'>, touched: string[], unitsChanged: boolean): Promise<void> {
  if (unitsChanged) await tx.exec(UNIT_CLOSURE);
  for (let i = 0; i < touched.length; i += 50_000) {
    const ids = touched.slice(i, i + 50_000);
    await tx.query(OWN_UNIT, [ids]);
    await tx.query(INCIDENT_FALLBACK, [ids]);
    await tx.query(ANCHORS, [ids]);
  }
  for (let i = 0; i < touched.length; i += 50_000) await tx.query(ANCHORED_UNIT, [touched.slice(i, i + 50_000)]);
}

/** The same statement with its selection of rows swapped (fails loudly if the text drifts). */
function variant(sql: string, from: string, to: string): string {
  if (!sql.includes(from)) throw new Error(`derive.ts: "${from}" not found`);
  return sql.replace(from, to);
}

const IMPORT_INCIDENT_FALLBACK = variant(
  INCIDENT_FALLBACK,
  "WHERE eo.qualifier = 'incident' AND eo.object_id = ANY($1)",
  "WHERE eo.qualifier = 'incident' AND eo.object_id IN (SELECT id FROM objects WHERE first_import = $1 AND unit_id IS NULL AND type = 'incident')",
);
const IMPORT_ANCHORED_UNIT = variant(
  ANCHORED_UNIT,
  'AND (o.id = ANY($1) OR o.case_id = ANY($1) OR o.incident_id = ANY($1))',
  'AND o.first_import = $1 AND o.unit_id IS NULL',
);

/**
 * Rows an import created before what they hang on arrived (later in the same file): incidents
 * owned through their dispatch or receipt events, and persons, items, documents and media whose
 * case or incident came later. Only ever a handful of rows; found through a partial index.
 */
export async function refreshImportDerived(tx: Pick<Queryable, 'query'>, importId: number): Promise<void> {
  await tx.query(IMPORT_INCIDENT_FALLBACK, [importId]);
  await tx.query(IMPORT_ANCHORED_UNIT, [importId]);
}
