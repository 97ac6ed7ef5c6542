import { type Ev, target } from '../engine/snapshot.js';
import { exitsFirst } from './area-stays.js';

/**
 * Officers' positions in the case-handling area (§9.2): area events of an officer (no subject;
 * officers on a subject's exit are escorts), paired per officer and room into intervals. Read by
 * the area watch (AREA_NEVER_UNATTENDED) and by co-presence in interrogations (INTV_TWO_OFFICERS).
 */
export const isOfficerPosition = (e: Ev): boolean =>
  (e.type === 'area.entered' || e.type === 'area.exited') && !e.rels.some((r) => r.q === 'subject') && e.rels.some((r) => r.q === 'officer');

/** An officer's stay in a room by positioning: from an entry to the officer's exit from that room. */
export interface OfficerInterval {
  officer: string;
  venue: string;
  from: number;
  to: number;
  /** The entry that opened it (evidence). */
  entered: Ev;
  /** Whether an exit closed it (else it runs to `until`). */
  closed: boolean;
}

/**
 * Officers' intervals in rooms from events up to `until`: an entry opens one (a second entry
 * while open changes nothing), the officer's exit from that room closes it, and one still open
 * runs to `until`. Exits count first at one instant; empty intervals are left out. Pass each
 * event once.
 */
export function officerIntervals(events: Ev[], until: number): OfficerInterval[] {
  const out: OfficerInterval[] = [];
  const open = new Map<string, { venue: string; officer: string; entered: Ev }>();
  const add = (o: { venue: string; officer: string; entered: Ev }, to: number, closed: boolean) => {
    const from = o.entered.time.getTime();
    if (to > from) out.push({ officer: o.officer, venue: o.venue, from, to, entered: o.entered, closed });
  };
  for (const e of events.filter((x) => isOfficerPosition(x) && x.time.getTime() <= until).sort(exitsFirst)) {
    const venue = target(e, 'venue');
    if (!venue) continue;
    for (const officer of e.rels.filter((r) => r.q === 'officer').map((r) => r.id)) {
      const key = `${officer}|${venue}`;
      if (e.type === 'area.entered') {
        if (!open.has(key)) open.set(key, { venue, officer, entered: e });
      } else {
        const o = open.get(key);
        if (!o) continue;
        add(o, e.time.getTime(), true);
        open.delete(key);
      }
    }
  }
  for (const o of open.values()) add(o, until, false);
  return out;
}
