/**
 * One evaluation group (a case with its incidents, persons, items, documents and media; or an
 * incident without a case) as it stood at an instant T (§13 "as of T"): the events whose time is
 * ≤ T in their latest revision, void ones left out, and the objects they concern with their
 * attribute history. Pure data with look-ups; loading it is `src/rules/store/load.ts`'s job.
 */
export interface Rel {
  q: string;
  id: string;
}

export interface Ev {
  id: string;
  type: string;
  time: Date;
  attrs: Record<string, string>;
  rels: Rel[];
}

export interface AttrEntry {
  time: number;
  value: string;
}

export interface Obj {
  id: string;
  type: string;
  /** Attribute history, each list sorted by time ascending. */
  attrs: Map<string, AttrEntry[]>;
  /** O2O relationships (latest). */
  rels: Rel[];
  /** The owning unit (derived, objects.unit_id). */
  unitId?: string | null;
}

export const byTime = (a: Ev, b: Ev): number => a.time.getTime() - b.time.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

export class Snapshot {
  readonly events: Ev[];
  private readonly byTypeIndex = new Map<string, Ev[]>();
  private readonly byObjectIndex = new Map<string, Ev[]>();
  /** Objects by type, built on first use (rules ask for persons, documents, media per incident). */
  private byObjectType?: Map<string, Obj[]>;

  constructor(
    readonly groupId: string,
    readonly asOf: Date,
    events: Ev[],
    private readonly objects: Map<string, Obj>,
    /** Reference data shared by every group (units, officers, venues). */
    private readonly reference: Map<string, Obj> = new Map(),
    /** Events of the venues the group's persons used (snapshots, officers' positions). */
    readonly venueEvents: Ev[] = [],
    /**
     * Area surveillance of the rooms the group's persons used, linked to the room only
     * (store/venue-events.ts). Kept apart from the group's own objects, which rules count as
     * the case's; `obj` and `attr` find them.
     */
    readonly venueMedia: Obj[] = [],
  ) {
    const t = asOf.getTime();
    this.events = events.filter((e) => e.time.getTime() <= t).sort(byTime);
    for (const e of this.events) {
      push(this.byTypeIndex, e.type, e);
      const rels = e.rels;
      for (let i = 0; i < rels.length; i++) {
        const id = rels[i].id;
        let seen = false;
        for (let j = 0; j < i && !seen; j++) seen = rels[j].id === id; // an object related twice is listed once
        if (!seen) push(this.byObjectIndex, id, e);
      }
    }
  }

  /** Events of a type, in time order. */
  ofType(...types: string[]): Ev[] {
    if (types.length === 1) return this.byTypeIndex.get(types[0]) ?? [];
    return types.flatMap((t) => this.byTypeIndex.get(t) ?? []).sort(byTime);
  }

  /** Events relating an object (optionally with a qualifier, optionally of some types), in time order. */
  relating(objectId: string, qualifier?: string, ...types: string[]): Ev[] {
    const list = this.byObjectIndex.get(objectId) ?? [];
    if (!qualifier && types.length === 0) return list;
    const out: Ev[] = [];
    for (const e of list) {
      if (types.length > 0 && !types.includes(e.type)) continue;
      if (qualifier && !e.rels.some((r) => r.id === objectId && r.q === qualifier)) continue;
      out.push(e);
    }
    return out;
  }

  obj(id: string | undefined): Obj | undefined {
    if (id === undefined) return undefined;
    return this.objects.get(id) ?? this.reference.get(id) ?? (this.venueMedia.length ? this.venueMedia.find((m) => m.id === id) : undefined);
  }

  /** Objects of the group of a type. */
  objectsOfType(type: string): Obj[] {
    if (!this.byObjectType) {
      this.byObjectType = new Map();
      for (const o of this.objects.values()) push(this.byObjectType, o.type, o);
    }
    return this.byObjectType.get(type) ?? [];
  }

  /** An object's attribute value at `at` (default: as of T): the entry with the greatest time ≤ at. */
  attr(id: string | undefined, name: string, at: Date = this.asOf): string | undefined {
    const o = this.obj(id);
    return o ? attrAt(o, name, at.getTime() > this.asOf.getTime() ? this.asOf : at) : undefined;
  }

  /**
   * An attribute's value at a rule's reference instant (§3.2: a role at the session, a kind at the
   * decision) — or as of T where nothing was recorded by then (reference data sent later).
   */
  attrThen(id: string | undefined, name: string, at: Date): string | undefined {
    return this.attr(id, name, at) ?? this.attr(id, name);
  }

  /** When an attribute got the value it has as of T (undefined when unknown). */
  attrTime(id: string | undefined, name: string): Date | undefined {
    const list = this.obj(id)?.attrs.get(name);
    if (!list) return undefined;
    const t = this.asOf.getTime();
    for (let i = list.length - 1; i >= 0; i--) if (list[i].time <= t) return new Date(list[i].time);
    return undefined;
  }

  /** O2O targets of an object. */
  linked(id: string | undefined, qualifier: string): string[] {
    return (this.obj(id)?.rels ?? []).filter((r) => r.q === qualifier).map((r) => r.id);
  }
}

export function attrAt(o: Obj, name: string, at: Date): string | undefined {
  const list = o.attrs.get(name);
  if (!list) return undefined;
  const t = at.getTime();
  for (let i = list.length - 1; i >= 0; i--) if (list[i].time <= t) return list[i].value;
  return undefined;
}

/** The first target of a qualifier on an event. */
export const target = (e: Ev, q: string): string | undefined => e.rels.find((r) => r.q === q)?.id;
export const targets = (e: Ev, q: string): string[] => e.rels.filter((r) => r.q === q).map((r) => r.id);
export const truthy = (v: string | undefined): boolean => v === 'true';

function push<K, V>(m: Map<K, V[]>, k: K, v: V): void {
  const list = m.get(k);
  if (list) list.push(v);
  else m.set(k, [v]);
}
