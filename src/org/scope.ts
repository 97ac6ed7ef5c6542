import type { Actor } from './actor.js';

/**
 * Unit scope: a station sees its station, a branch its stations, the city everything. Scope is
 * the caller's unit and all its descendants in unit_closure (built from units' `parent`).
 *
 * `scopeCondition(actor, 'o.unit_id', 3)` returns a SQL condition on the given column and the
 * parameters to append; it is `TRUE` for the CLI operator.
 */
export function scopeCondition(actor: Actor, column: string, nextParam: number): { sql: string; params: unknown[] } {
  if (actor.unitId === null) return { sql: 'TRUE', params: [] };
  return {
    sql: `${column} IN (SELECT descendant_id FROM unit_closure WHERE ancestor_id = $${nextParam})`,
    params: [actor.unitId],
  };
}
