import type { Queryable } from '../db/database.js';
import { OBJECT_TYPES, SINGLE_VALUED_O2O } from './registry.js';
import type { ImportError } from './types.js';
import { errorAt, type Loc } from './validate.js';

/**
 * Store-side checks of an import: id look-ups, and the required attributes and relationships of
 * §6 on objects as merged from the store and the import.
 */

const CHUNK = 50_000;

export async function selectByIds<T>(q: Pick<Queryable, 'query'>, sql: string, ids: string[]): Promise<T[]> {
  const out: T[] = [];
  for (let i = 0; i < ids.length; i += CHUNK) {
    const { rows } = await q.query<T>(sql, [ids.slice(i, i + CHUNK)]);
    for (const r of rows) out.push(r);
  }
  return out;
}

/** An object as merged from the store and this import, as far as the required checks need. */
interface MergedView {
  type: string;
  id: string;
  value(name: string): string | undefined;
  hasQualifier(qualifier: string): boolean;
  /** How many distinct targets a qualifier has. */
  targets(qualifier: string): number;
}

/** The required attributes and relationships of §6 on one (merged) object. */
export function checkRequired(o: MergedView, loc: Loc, errors: ImportError[]): void {
  const def = OBJECT_TYPES[o.type];
  if (!def) return;
  const fail = (code: 'missing_attribute' | 'missing_relationship', field: string, reason: string) =>
    errors.push(errorAt(loc, 'object', o.id, field, code, reason));
  for (const name in def.attributes) {
    if (def.attributes[name].required && o.value(name) === undefined) fail('missing_attribute', '/attributes', `required attribute "${name}" of ${o.type} is absent`);
  }
  if (o.type === 'unit' && o.value('kind') === 'public_security' && o.value('level') === undefined) {
    fail('missing_attribute', '/attributes', 'a public-security unit needs "level"');
  }
  const single = SINGLE_VALUED_O2O[o.type] ?? [];
  for (const qual in def.relationships) {
    const card = def.relationships[qual].card;
    if ((card === '1' || card === '+') && !o.hasQualifier(qual)) fail('missing_relationship', '/relationships', `a ${o.type} needs a "${qual}" relationship`);
    // Single-valued ones are replaced by the latest import (§3.2); the others may not grow a second target.
    if ((card === '1' || card === '?') && !single.includes(qual) && o.targets(qual) > 1) {
      errors.push(errorAt(loc, 'object', o.id, '/relationships', 'relationship_cardinality', `a ${o.type} has at most one "${qual}" relationship, found ${o.targets(qual)}`));
    }
  }
  if (o.type === 'person' && !o.hasQualifier('case') && !o.hasQualifier('incident')) {
    fail('missing_relationship', '/relationships', 'a person relates to a case or an incident (or both)');
  }
  if (o.type === 'media' && !o.hasQualifier('incident') && !o.hasQualifier('case') && !o.hasQualifier('venue')) {
    fail('missing_relationship', '/relationships', 'a media object relates to an incident, a case or a venue');
  }
}

/**
 * The required checks on objects as they stand in the store inside the import's transaction —
 * stored before and merged with every occurrence of this import (§12.2 sends a document's
 * attributes in two parts).
 */
export async function checkRequiredInStore(q: Pick<Queryable, 'query'>, objects: Map<string, { type: string; loc: Loc }>): Promise<ImportError[]> {
  const errors: ImportError[] = [];
  const ids = [...objects.keys()];
  const values = new Map<string, Map<string, string>>();
  for (const r of await selectByIds<{ object_id: string; name: string; value: string }>(
    q,
    `SELECT DISTINCT ON (object_id, name) object_id, name, value FROM object_attributes
      WHERE object_id = ANY($1) ORDER BY object_id, name, time DESC`,
    ids,
  )) {
    const m = values.get(r.object_id) ?? new Map<string, string>();
    m.set(r.name, r.value);
    values.set(r.object_id, m);
  }
  const quals = new Map<string, Map<string, number>>();
  for (const r of await selectByIds<{ source_id: string; qualifier: string; n: number }>(
    q, 'SELECT source_id, qualifier, count(*)::int AS n FROM object_relationships WHERE source_id = ANY($1) GROUP BY source_id, qualifier', ids,
  )) {
    const m = quals.get(r.source_id) ?? new Map<string, number>();
    m.set(r.qualifier, r.n);
    quals.set(r.source_id, m);
  }
  for (const [id, o] of objects) {
    const n = (qual: string) => quals.get(id)?.get(qual) ?? 0;
    checkRequired({ type: o.type, id, value: (name) => values.get(id)?.get(name), hasQualifier: (qual) => n(qual) > 0, targets: n }, o.loc, errors);
  }
  return errors;
}
