import { type Ev, type Obj, Snapshot } from '../engine/snapshot.js';
import { type EventTuple, eventOf, objectOf, type ObjectTuple, parseDoc } from './doc-rows.js';
import { type VenueFeed, type VenueWindow, venueWindows } from './venue-events.js';

/**
 * From a page's documents (PAGE_SQL) to the groups' snapshots. Pure, so the same code runs in the
 * engine's thread and in the evaluation workers: the live engine and the full re-evaluation see
 * every group alike.
 */
export interface PageDocs {
  events: unknown;
  objects: unknown;
}

export interface ReadPage {
  groups: string[];
  asOf: Date;
  byGroup: Map<string, Ev[]>;
  objects: Map<string, Obj>;
  /** The case's linked incidents (incident_cases). */
  incidentsOf: Map<string, string[]>;
  /** Objects by the case or incident they are anchored to (O2O `case`/`incident`). */
  anchoredTo: Map<string, Obj[]>;
  /** The venue feed each group with area events needs (venue-events.ts). */
  windows: Map<string, VenueWindow>;
}

export function readPage(groups: string[], asOf: Date, docs: PageDocs): ReadPage {
  const byGroup = new Map<string, Ev[]>(groups.map((g) => [g, []]));
  for (const t of parseDoc<EventTuple>(docs.events)) byGroup.get(t[0])?.push(eventOf(t));
  const objects = new Map<string, Obj>();
  const incidentsOf = new Map<string, string[]>();
  const anchoredTo = new Map<string, Obj[]>();
  for (const t of parseDoc<ObjectTuple>(docs.objects)) {
    const o = objectOf(t);
    objects.set(o.id, o);
    const linkedCase = t[5];
    if (linkedCase) incidentsOf.set(linkedCase, [...(incidentsOf.get(linkedCase) ?? []), o.id]);
    for (const r of o.rels) {
      if (r.q !== 'case' && r.q !== 'incident') continue;
      const list = anchoredTo.get(r.id);
      if (list) list.push(o);
      else anchoredTo.set(r.id, [o]);
    }
  }
  return { groups, asOf, byGroup, objects, incidentsOf, anchoredTo, windows: venueWindows(byGroup, asOf) };
}

/** The snapshots of a read page, with the venue feed its windows asked for. */
export function pageSnapshots(page: ReadPage, reference: Map<string, Obj>, venues: VenueFeed): Snapshot[] {
  return page.groups.map((g) => {
    const own = new Map<string, Obj>();
    const add = (id: string) => {
      const o = page.objects.get(id);
      if (o) own.set(id, o);
    };
    add(g);
    for (const i of page.incidentsOf.get(g) ?? []) add(i);
    const events = page.byGroup.get(g) ?? [];
    for (const e of events) for (const r of e.rels) add(r.id);
    for (const anchor of [g, ...[...own.keys()].filter((id) => id.startsWith('incident:'))]) {
      for (const o of page.anchoredTo.get(anchor) ?? []) own.set(o.id, o);
    }
    const window = page.windows.get(g);
    return new Snapshot(g, page.asOf, events, own, reference, venues.eventsFor(window), venues.mediaFor(window));
  });
}
