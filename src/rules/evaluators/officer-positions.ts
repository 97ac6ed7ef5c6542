import { type Ev, target } from '../engine/snapshot.js';
import type { Span } from '../engine/spans.js';
import { exitsFirst } from './area-stays.js';

/**
 * Officers' positions in the case-handling area (§9.2): area events of an officer (no subject;
 * officers on a subject's exit are escorts), paired per officer and room into intervals. Read by
 * the area watch (AREA_NEVER_UNATTENDED) and by co-presence in interrogations (INTV_TWO_OFFICERS).
 */
export const isOfficerPosition = (e: Ev): boolean =>
  (e.type === 'area.entered' || e.type === 'area.exited') && !e.rels.some((r) => r.q === 'subject') && e.rels.some((r) => r.q === 'officer');

/**
 * Each room's officer intervals (room → officer → spans) from events up to `until`: an entry opens
 * one (a second entry while open changes nothing), the officer's exit from that room closes it,
 * and one still open runs to `until`. Exits count first at one instant.
 */
export function officerIntervals(events: Ev[], until: number): Map<string, Map<string, Span[]>> {
  const out = new Map<string, Map<string, Span[]>>();
  const add = (venue: string, officer: string, span: Span) => {
    if (span[1] <= span[0]) return;
    let byOfficer = out.get(venue);
    if (!byOfficer) out.set(venue, (byOfficer = new Map()));
    const list = byOfficer.get(officer);
    if (list) list.push(span);
    else byOfficer.set(officer, [span]);
  };
  const open = new Map<string, { venue: string; officer: string; from: number }>();
  for (const e of events.filter((x) => isOfficerPosition(x) && x.time.getTime() <= until).sort(exitsFirst)) {
    const venue = target(e, 'venue');
    if (!venue) continue;
    for (const officer of e.rels.filter((r) => r.q === 'officer').map((r) => r.id)) {
      const key = `${officer}|${venue}`;
      if (e.type === 'area.entered') {
        if (!open.has(key)) open.set(key, { venue, officer, from: e.time.getTime() });
      } else {
        const o = open.get(key);
        if (!o) continue;
        add(venue, officer, [o.from, e.time.getTime()]);
        open.delete(key);
      }
    }
  }
  for (const o of open.values()) add(o.venue, o.officer, [o.from, until]);
  return out;
}
