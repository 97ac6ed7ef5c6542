import { byTime, type Ev } from '../engine/snapshot.js';
import { type EventTuple, eventOf, parseDoc } from './doc-rows.js';

/**
 * The venue feed of a group with case-handling-area records (§9.2 "watched"): the events of the
 * rooms its area events used (officers' positions, occupancy snapshots), from a day before its
 * first area event (an officer already in the room) until its stays are over — the last area
 * event when every person of the group has left the area (`area.exited` `final`), else T.
 * Nothing later can bear on a closed stay, and the window is the group's own, so a group sees
 * the same feed whichever groups share its batch (live engine and full re-evaluation alike).
 */
export interface VenueWindow {
  venues: string[];
  from: number;
  to: number;
}

const DAY_MS = 86_400_000;

/** The window of every group that has area events. */
export function venueWindows(byGroup: Map<string, Ev[]>, asOf: Date): Map<string, VenueWindow> {
  const out = new Map<string, VenueWindow>();
  for (const [group, events] of byGroup) {
    const venues = new Set<string>();
    let first = Infinity, last = -Infinity;
    const lastEntry = new Map<string, number>();
    const lastFinalExit = new Map<string, number>();
    for (const e of events) {
      if (!e.type.startsWith('area.')) continue;
      const t = e.time.getTime();
      first = Math.min(first, t);
      last = Math.max(last, t);
      for (const r of e.rels) {
        if (r.q === 'venue') venues.add(r.id);
        if (r.q !== 'subject') continue;
        if (e.type === 'area.entered') lastEntry.set(r.id, Math.max(lastEntry.get(r.id) ?? -Infinity, t));
        if (e.type === 'area.exited' && e.attrs.exit_kind === 'final') lastFinalExit.set(r.id, Math.max(lastFinalExit.get(r.id) ?? -Infinity, t));
      }
    }
    if (venues.size === 0) continue;
    // At one instant exits count first (area-stays), so an entry at the instant of a final exit reopens.
    const open = [...lastEntry].some(([person, t]) => t >= (lastFinalExit.get(person) ?? -Infinity));
    out.set(group, { venues: [...venues], from: first - DAY_MS, to: open ? asOf.getTime() : last });
  }
  return out;
}

/**
 * VENUE_SQL's parameters: per venue, the union of its groups' windows as disjoint intervals
 * (windows that overlap or touch merged), so each event is read once and only the stretches some
 * group needs (none: nothing to load).
 */
export function venueParams(windows: Map<string, VenueWindow>): [string[], string[], string[]] | undefined {
  const byVenue = new Map<string, Array<[number, number]>>();
  for (const w of windows.values()) {
    for (const v of w.venues) {
      const list = byVenue.get(v);
      if (list) list.push([w.from, w.to]);
      else byVenue.set(v, [[w.from, w.to]]);
    }
  }
  if (byVenue.size === 0) return undefined;
  const venues: string[] = [], from: string[] = [], to: string[] = [];
  const iso = (ms: number) => new Date(ms).toISOString();
  for (const [v, list] of byVenue) {
    list.sort((a, b) => a[0] - b[0]);
    let [a, b] = list[0];
    for (let i = 1; i <= list.length; i++) {
      if (i < list.length && list[i][0] <= b) {
        b = Math.max(b, list[i][1]);
        continue;
      }
      venues.push(v);
      from.push(iso(a));
      to.push(iso(b));
      if (i < list.length) [a, b] = list[i];
    }
  }
  return [venues, from, to];
}

/** The venue events of a page (VENUE_SQL's document), by venue in time order. */
export class VenueFeed {
  private readonly byVenue = new Map<string, Ev[]>();

  constructor(doc: unknown) {
    for (const t of parseDoc<EventTuple>(doc)) {
      const list = this.byVenue.get(t[0]);
      if (list) list.push(eventOf(t));
      else this.byVenue.set(t[0], [eventOf(t)]);
    }
    for (const list of this.byVenue.values()) list.sort(byTime);
  }

  /** A group's venue events: those of its rooms within its window, each once, in time order. */
  eventsFor(w: VenueWindow | undefined): Ev[] {
    if (!w) return [];
    const out: Ev[] = [];
    for (const v of w.venues) {
      const list = this.byVenue.get(v) ?? [];
      for (let i = firstAtOrAfter(list, w.from); i < list.length && list[i].time.getTime() <= w.to; i++) out.push(list[i]);
    }
    return w.venues.length > 1 ? out.sort(byTime) : out;
  }
}

function firstAtOrAfter(list: Ev[], t: number): number {
  let lo = 0, hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid].time.getTime() < t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
