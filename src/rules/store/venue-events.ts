import { byTime, type Ev, type Obj } from '../engine/snapshot.js';
import { type EventTuple, eventOf, objectOf, type ObjectTuple, parseDoc, VENUE_MEDIA_REACH_MS } from './doc-rows.js';

/**
 * The venue feed of a group with case-handling-area records (§9.2 "watched"): the events of the
 * rooms its area events used (officers' positions, occupancy snapshots), from a day before its
 * first area event (an officer already in the room) until its stays are over — the last area
 * event when every person of the group has left the area (`area.exited` `final`), else T.
 * Nothing later can bear on a closed stay, and the window is the group's own, so a group sees
 * the same feed whichever groups share its batch (live engine and full re-evaluation alike).
 *
 * The feed also brings the rooms' area surveillance (media `area_cctv` with O2O `venue`), which
 * a source may link to the room only: each segment that reaches within VENUE_MEDIA_REACH_MS of
 * one of the group's area events in that room (by any value of its started_at / ended_at known
 * at T). The import marks the same groups when such a segment arrives (store/groups.ts), so the
 * live engine and a full re-evaluation agree. The reach is longer than any lawful stay (48 h),
 * so every segment that can overlap a room interval of a stay is in the feed.
 */
export interface VenueWindow {
  venues: string[];
  from: number;
  to: number;
  /** The group's area events as [room, epoch ms]: where its surveillance feed is picked. */
  marks: Array<[string, number]>;
}

/** A page's venue feed as loaded (VENUE_SQL): documents, or null when no group needed one. */
export type VenueDoc = { events: unknown; media: unknown } | null;

const DAY_MS = 86_400_000;

/** The window of every group that has area events. */
export function venueWindows(byGroup: Map<string, Ev[]>, asOf: Date): Map<string, VenueWindow> {
  const out = new Map<string, VenueWindow>();
  for (const [group, events] of byGroup) {
    const venues = new Set<string>();
    let first = Infinity, last = -Infinity;
    const lastEntry = new Map<string, number>();
    const lastFinalExit = new Map<string, number>();
    const marks: Array<[string, number]> = [];
    for (const e of events) {
      if (!e.type.startsWith('area.')) continue;
      const t = e.time.getTime();
      first = Math.min(first, t);
      last = Math.max(last, t);
      for (const r of e.rels) {
        if (r.q === 'venue') {
          venues.add(r.id);
          marks.push([r.id, t]);
        }
        if (r.q !== 'subject') continue;
        if (e.type === 'area.entered') lastEntry.set(r.id, Math.max(lastEntry.get(r.id) ?? -Infinity, t));
        if (e.type === 'area.exited' && e.attrs.exit_kind === 'final') lastFinalExit.set(r.id, Math.max(lastFinalExit.get(r.id) ?? -Infinity, t));
      }
    }
    if (venues.size === 0) continue;
    // At one instant exits count first (area-stays), so an entry at the instant of a final exit reopens.
    const open = [...lastEntry].some(([person, t]) => t >= (lastFinalExit.get(person) ?? -Infinity));
    out.set(group, { venues: [...venues], from: first - DAY_MS, to: open ? asOf.getTime() : last, marks });
  }
  return out;
}

/**
 * VENUE_SQL's parameters: per venue, the union of its groups' windows as disjoint intervals
 * (windows that overlap or touch merged), so each event is read once and only the stretches some
 * group needs (none: nothing to load).
 */
export function venueParams(windows: Map<string, Omit<VenueWindow, 'marks'>>): [string[], string[], string[]] | undefined {
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

/** A surveillance segment of a room: the widest span any of its values known at T gives. */
interface Segment {
  media: Obj;
  from: number;
  to: number;
}

/** The venue feed of a page (VENUE_SQL's documents): events by venue in time order, surveillance by room. */
export class VenueFeed {
  private readonly byVenue = new Map<string, Ev[]>();
  private readonly segments = new Map<string, Segment[]>();

  constructor(doc: VenueDoc, asOf: Date) {
    for (const t of parseDoc<EventTuple>(doc?.events)) {
      const list = this.byVenue.get(t[0]);
      if (list) list.push(eventOf(t));
      else this.byVenue.set(t[0], [eventOf(t)]);
    }
    for (const list of this.byVenue.values()) list.sort(byTime);
    for (const t of parseDoc<ObjectTuple>(doc?.media)) {
      const media = objectOf(t);
      const from = Math.min(...valuesAsOf(media, 'started_at', asOf));
      const to = Math.max(...valuesAsOf(media, 'ended_at', asOf));
      if (!Number.isFinite(from) || !Number.isFinite(to)) continue;
      for (const r of media.rels) {
        if (r.q !== 'venue') continue;
        const list = this.segments.get(r.id);
        if (list) list.push({ media, from, to });
        else this.segments.set(r.id, [{ media, from, to }]);
      }
    }
  }

  /** A group's surveillance segments (see VenueWindow), each once, by id. */
  mediaFor(w: VenueWindow | undefined): Obj[] {
    if (!w || this.segments.size === 0) return [];
    const out = new Map<string, Obj>();
    for (const [room, t] of w.marks) {
      for (const seg of this.segments.get(room) ?? []) {
        if (seg.from <= t + VENUE_MEDIA_REACH_MS && seg.to >= t - VENUE_MEDIA_REACH_MS) out.set(seg.media.id, seg.media);
      }
    }
    return [...out.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
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

/** The times an attribute held up to T (values that do not parse are no time). */
function valuesAsOf(o: Obj, name: string, asOf: Date): number[] {
  const t = asOf.getTime();
  return (o.attrs.get(name) ?? []).filter((a) => a.time <= t).map((a) => Date.parse(a.value)).filter(Number.isFinite);
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
