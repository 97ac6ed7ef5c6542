import type { Queryable } from '../db/database.js';
import { selectByIds } from './resolve.js';
import type { NormEvent, NormObject } from './validate.js';

/**
 * The derived scope columns (see src/log/derive.ts) of objects this import creates, computed
 * from the import itself so that a large first load needs no UPDATE pass. Objects that already
 * exist are re-derived in SQL instead.
 */
export interface Derived {
  unitId: string | null;
  caseId: string | null;
  incidentId: string | null;
}

const ANCHORED = new Set(['person', 'item', 'document', 'media']);

export async function deriveNewObjects(
  q: Pick<Queryable, 'query'>, newIds: Set<string>, objects: NormObject[], events: NormEvent[],
): Promise<Map<string, Derived>> {
  const type = new Map<string, string>();
  const firstRel = new Map<string, Map<string, string>>(); // id → qualifier → target (latest for single-valued)
  for (const o of objects) {
    if (!newIds.has(o.id)) continue;
    type.set(o.id, o.type);
    const m = firstRel.get(o.id) ?? new Map<string, string>();
    for (const r of o.rels) {
      // `case`/`incident` anchors take the smallest id, as the SQL derivation does (min()).
      const prev = m.get(r.qualifier);
      if (r.qualifier === 'case' || r.qualifier === 'incident') {
        if (prev === undefined || r.objectId < prev) m.set(r.qualifier, r.objectId);
      } else m.set(r.qualifier, r.objectId);
    }
    firstRel.set(o.id, m);
  }
  // Incidents without a `unit`: the latest dispatch target, else the receiving unit.
  const incidentFallback = new Map<string, { unit: string; rank: number; time: bigint }>();
  for (const e of events) {
    if (e.void || !['incident.dispatched', 'incident.received', 'incident.registered'].includes(e.type)) continue;
    const inc = e.rels.find((r) => r.qualifier === 'incident')?.objectId;
    const target = e.rels.find((r) => r.qualifier === 'target_unit') ?? e.rels.find((r) => r.qualifier === 'unit');
    if (!inc || !target || !newIds.has(inc)) continue;
    const rank = target.qualifier === 'target_unit' ? 1 : 0;
    const prev = incidentFallback.get(inc);
    if (!prev || rank > prev.rank || (rank === prev.rank && e.timeMicros > prev.time)) incidentFallback.set(inc, { unit: target.objectId, rank, time: e.timeMicros });
  }
  const out = new Map<string, Derived>();
  for (const [id, t] of type) {
    const rels = firstRel.get(id)!;
    let unitId: string | null = null;
    if (t === 'unit') unitId = id;
    else if (t === 'officer') unitId = rels.get('member_of') ?? null;
    else if (t === 'case' || t === 'venue') unitId = rels.get('unit') ?? null;
    else if (t === 'incident') unitId = rels.get('unit') ?? incidentFallback.get(id)?.unit ?? null;
    out.set(id, { unitId, caseId: ANCHORED.has(t) ? rels.get('case') ?? null : null, incidentId: ANCHORED.has(t) ? rels.get('incident') ?? null : null });
  }
  // Anchored objects take their anchor's unit: from this import, else from the store.
  const need = new Set<string>();
  for (const [id, d] of out) {
    if (!ANCHORED.has(type.get(id)!)) continue;
    for (const a of [d.caseId, d.incidentId, firstRel.get(id)!.get('venue')]) if (a && !out.has(a)) need.add(a);
  }
  const storedUnit = new Map<string, string | null>();
  for (const r of await selectByIds<{ id: string; unit_id: string | null }>(q, 'SELECT id, unit_id FROM objects WHERE id = ANY($1)', [...need])) storedUnit.set(r.id, r.unit_id);
  const unitOf = (id: string | null | undefined) => (id ? (out.has(id) ? out.get(id)!.unitId : storedUnit.get(id) ?? null) : null);
  for (const [id, d] of out) {
    if (!ANCHORED.has(type.get(id)!)) continue;
    d.unitId = unitOf(d.caseId) ?? unitOf(d.incidentId) ?? unitOf(firstRel.get(id)!.get('venue'));
  }
  return out;
}
