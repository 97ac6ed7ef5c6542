import type { Queryable } from '../db/database.js';
import type { Actor } from '../org/actor.js';
import { scopeCondition } from '../org/scope.js';
import { currentAttributes } from '../server/objects.js';

export interface UnitNode {
  id: string;
  name: string | null;
  kind: string | null;
  level: string | null;
  parentId: string | null;
}

/** The units in the actor's scope (its own and every descendant), parents before children. */
export async function unitsInScope(db: Pick<Queryable, 'query'>, actor: Actor): Promise<UnitNode[]> {
  const scope = scopeCondition(actor, 'o.id', 1);
  const { rows } = await db.query<{ id: string; parent_id: string | null; depth: number }>(
    `SELECT o.id,
            (SELECT r.target_id FROM object_relationships r
              WHERE r.source_id = o.id AND r.qualifier = 'parent'
              ORDER BY r.import_id DESC LIMIT 1) AS parent_id,
            (SELECT max(c.depth) FROM unit_closure c WHERE c.descendant_id = o.id) AS depth
       FROM objects o
      WHERE o.type = 'unit' AND ${scope.sql}
      ORDER BY depth NULLS FIRST, o.id`,
    scope.params,
  );
  const attrs = await currentAttributes(db, rows.map((r) => r.id), ['name', 'kind', 'level']);
  return rows.map((r) => {
    const a = attrs.get(r.id)!;
    return { id: r.id, name: a.name ?? null, kind: a.kind ?? null, level: a.level ?? null, parentId: r.parent_id };
  });
}
