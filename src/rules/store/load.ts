import type { Queryable } from '../../db/database.js';
import { type Ev, type Obj, type Rel, Snapshot } from '../engine/snapshot.js';

/**
 * Loads groups as they stood at T (§13): the events of each group with time ≤ T in their current
 * revision, void ones left out; the objects they concern with attribute history and O2O
 * relationships; reference data (units, officers, venues) once per run; and, for groups with
 * case-handling-area records, the events of the venues they used.
 */
const REFERENCE_TYPES = ['unit', 'officer', 'venue'];

interface ObjectRow { id: string; type: string; unit_id: string | null }
interface AttrRow { object_id: string; name: string; time: Date; value: string }
interface RelRow { source_id: string; qualifier: string; target_id: string }
interface EventRow { id: string; type: string; time: Date; attributes: unknown; group_id: string }
interface E2ORow { event_id: string; qualifier: string; object_id: string }

export class SnapshotLoader {
  private reference?: Map<string, Obj>;

  constructor(private readonly db: Queryable) {}

  /** Units, officers and venues (small; shared by every group of a run). */
  async referenceData(): Promise<Map<string, Obj>> {
    if (!this.reference) this.reference = await this.objects(`type = ANY($1)`, [REFERENCE_TYPES]);
    return this.reference;
  }

  /** Snapshots of the given groups as of T ('none' and venue groups yield nothing of their own). */
  async load(groupIds: string[], asOf: Date): Promise<Snapshot[]> {
    const ids = groupIds.filter((g) => g !== 'none' && !g.startsWith('venue:'));
    if (ids.length === 0) return [];
    const reference = await this.referenceData();
    const events = await this.events(`g.group_id = ANY($1)`, [ids], asOf);
    const byGroup = new Map<string, Ev[]>(ids.map((g) => [g, []]));
    const groupOf = new Map<string, string>();
    const objectIds = new Set<string>(ids);
    for (const [group, ev] of events) {
      byGroup.get(group)!.push(ev);
      for (const r of ev.rels) if (!reference.has(r.id)) objectIds.add(r.id);
    }
    for (const [group, list] of byGroup) for (const e of list) groupOf.set(e.id, group);
    // Objects anchored to the groups' cases and incidents, even when no event names them yet.
    const { rows: linked } = await this.db.query<{ incident_id: string; case_id: string }>(
      `SELECT incident_id, case_id FROM incident_cases WHERE case_id = ANY($1)`, [ids]);
    const incidentsOf = new Map<string, string[]>();
    for (const r of linked) {
      objectIds.add(r.incident_id);
      incidentsOf.set(r.case_id, [...(incidentsOf.get(r.case_id) ?? []), r.incident_id]);
    }
    const { rows: anchored } = await this.db.query<{ id: string }>(
      `SELECT id FROM objects WHERE case_id = ANY($1) OR incident_id = ANY($1)`, [[...ids, ...linked.map((r) => r.incident_id)]]);
    for (const r of anchored) objectIds.add(r.id);
    const objects = await this.objects(`id = ANY($1) AND NOT (type = ANY($2))`, [[...objectIds], REFERENCE_TYPES]);
    const anchoredTo = new Map<string, Obj[]>();
    for (const o of objects.values()) {
      for (const r of o.rels) {
        if (r.q !== 'case' && r.q !== 'incident') continue;
        const list = anchoredTo.get(r.id);
        if (list) list.push(o);
        else anchoredTo.set(r.id, [o]);
      }
    }
    const venueEvents = await this.venueEvents(events.map(([, e]) => e), asOf);
    return ids.map((g) => {
      const list = byGroup.get(g)!;
      const own = new Map<string, Obj>();
      const add = (id: string) => {
        const o = objects.get(id);
        if (o) own.set(id, o);
      };
      add(g);
      for (const i of incidentsOf.get(g) ?? []) add(i);
      for (const e of list) for (const r of e.rels) add(r.id);
      for (const anchor of [g, ...[...own.keys()].filter((id) => id.startsWith('incident:'))]) {
        for (const o of anchoredTo.get(anchor) ?? []) own.set(o.id, o);
      }
      const venues = new Set(list.filter((e) => e.type.startsWith('area.')).flatMap((e) => e.rels.filter((r) => r.q === 'venue').map((r) => r.id)));
      return new Snapshot(g, asOf, list, own, reference, venues.size ? venueEvents.filter((e) => e.rels.some((r) => r.q === 'venue' && venues.has(r.id))) : []);
    });
  }

  private async events(where: string, params: unknown[], asOf: Date): Promise<Array<[string, Ev]>> {
    const p = params.length;
    const { rows } = await this.db.query<EventRow>(
      `SELECT e.id, e.type, e.time, e.attributes, g.group_id FROM event_groups g JOIN events e ON e.id = g.event_id
        WHERE ${where} AND NOT e.void AND e.time <= $${p + 1}`, [...params, asOf.toISOString()]);
    if (rows.length === 0) return [];
    const { rows: rels } = await this.db.query<E2ORow>(
      `SELECT eo.event_id, eo.qualifier, eo.object_id FROM event_objects eo WHERE eo.event_id = ANY($1)`, [rows.map((r) => r.id)]);
    const relsOf = new Map<string, Rel[]>();
    for (const r of rels) {
      const list = relsOf.get(r.event_id);
      if (list) list.push({ q: r.qualifier, id: r.object_id });
      else relsOf.set(r.event_id, [{ q: r.qualifier, id: r.object_id }]);
    }
    return rows.map((r) => [r.group_id, { id: r.id, type: r.type, time: new Date(r.time), attrs: attrsOf(r.attributes), rels: relsOf.get(r.id) ?? [] }]);
  }

  /** Events of the venues the given area events used, from a day before the first to T. */
  private async venueEvents(events: Ev[], asOf: Date): Promise<Ev[]> {
    const area = events.filter((e) => e.type.startsWith('area.'));
    if (area.length === 0) return [];
    const venues = [...new Set(area.flatMap((e) => e.rels.filter((r) => r.q === 'venue').map((r) => r.id)))];
    const from = new Date(Math.min(...area.map((e) => e.time.getTime())) - 86_400_000);
    const found = await this.events(`g.group_id = ANY($1) AND e.time >= $2`, [venues, from.toISOString()], asOf);
    return found.map(([, e]) => e);
  }

  private async objects(where: string, params: unknown[]): Promise<Map<string, Obj>> {
    const { rows } = await this.db.query<ObjectRow>(`SELECT id, type, unit_id FROM objects WHERE ${where}`, params);
    const out = new Map<string, Obj>(rows.map((r) => [r.id, { id: r.id, type: r.type, attrs: new Map(), rels: [], unitId: r.unit_id }]));
    if (out.size === 0) return out;
    const ids = [...out.keys()];
    const { rows: attrs } = await this.db.query<AttrRow>(
      `SELECT object_id, name, time, value FROM object_attributes WHERE object_id = ANY($1) ORDER BY object_id, name, time`, [ids]);
    for (const a of attrs) {
      const o = out.get(a.object_id)!;
      const list = o.attrs.get(a.name);
      const entry = { time: new Date(a.time).getTime(), value: a.value };
      if (list) list.push(entry);
      else o.attrs.set(a.name, [entry]);
    }
    const { rows: rels } = await this.db.query<RelRow>(
      `SELECT source_id, qualifier, target_id FROM object_relationships WHERE source_id = ANY($1)`, [ids]);
    for (const r of rels) out.get(r.source_id)!.rels.push({ q: r.qualifier, id: r.target_id });
    return out;
  }
}

function attrsOf(raw: unknown): Record<string, string> {
  const list = (typeof raw === 'string' ? JSON.parse(raw) : raw) as Array<{ name: string; value: unknown }> | null;
  const out: Record<string, string> = {};
  for (const a of list ?? []) out[a.name] = typeof a.value === 'string' ? a.value : String(a.value);
  return out;
}
