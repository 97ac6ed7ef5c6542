import type { Queryable } from '../db/database.js';
import type { Actor } from '../org/actor.js';
import { maskAttributes } from '../org/mask.js';
import { scopeCondition } from '../org/scope.js';
import { currentAttributes, eventsOf } from '../server/objects.js';

export interface PersonDetail {
  id: string;
  caseId: string | null;
  incidentId: string | null;
  unitId: string | null;
  attributes: Record<string, string>;
  /** [S] fields sent unmasked (the caller audits the read). */
  revealed: string[];
  events: { id: string; type: string; time: string; qualifier: string }[];
}

/**
 * A case-scoped party record (interchange §6) in the actor's scope, [S] fields masked per the
 * actor's rights; null when absent or out of scope.
 */
export async function getPerson(db: Pick<Queryable, 'query'>, actor: Actor, id: string): Promise<PersonDetail | null> {
  const scope = scopeCondition(actor, 'o.unit_id', 2);
  const { rows } = await db.query<{ id: string; case_id: string | null; incident_id: string | null; unit_id: string | null }>(
    `SELECT o.id, o.case_id, o.incident_id, o.unit_id FROM objects o
      WHERE o.id = $1 AND o.type = 'person' AND ${scope.sql}`,
    [id, ...scope.params],
  );
  const row = rows[0];
  if (!row) return null;
  const [attrs, events] = await Promise.all([currentAttributes(db, [id]), eventsOf(db, id, actor)]);
  const { attributes, revealed } = maskAttributes(actor, 'person', attrs.get(id)!);
  return { id, caseId: row.case_id, incidentId: row.incident_id, unitId: row.unit_id, attributes, revealed, events };
}
