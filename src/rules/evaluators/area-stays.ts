import type { Snapshot } from '../engine/snapshot.js';
import { type Ev, target } from '../engine/snapshot.js';

/**
 * A person's stays in the case-handling area (interchange §9.2): a stay starts at `area.entered`
 * of a person with no open stay and ends at `area.exited` `final`; `move` closes only the room
 * interval; `temporary` suspends the stay until the next `area.entered` (time outside counts).
 */
export interface RoomInterval {
  venue: string | undefined;
  entered: Ev;
  /** Undefined while the person is still in the room. */
  to?: Date;
}

export interface AreaStay {
  person: string;
  /** The stay's first area.entered (the trigger of the area rules). */
  entry: Ev;
  rooms: RoomInterval[];
  temporaryExits: Ev[];
  /** The final exit; undefined while the stay is open. */
  end?: Ev;
}

export const AREA_TYPES = ['area.entered', 'area.exited', 'area.security_checked'];

/** §13: a case without any case-handling-area record has no area feed; area rules stay silent. */
export const hasAreaFeed = (s: Snapshot): boolean => s.ofType(...AREA_TYPES).length > 0;

/** In time order; at one instant exits come first, so a move closes one room before the next opens. */
export const exitsFirst = (a: Ev, b: Ev): number =>
  a.time.getTime() - b.time.getTime() || (a.type === b.type ? 0 : a.type === 'area.exited' ? -1 : 1) || (a.id < b.id ? -1 : 1);

export function areaStays(s: Snapshot, person: string): AreaStay[] {
  const events = [...s.relating(person, 'subject', 'area.entered', 'area.exited')].sort(exitsFirst);
  const stays: AreaStay[] = [];
  let stay: AreaStay | undefined;
  let room: RoomInterval | undefined;
  for (const e of events) {
    if (e.type === 'area.entered') {
      if (!stay) stays.push((stay = { person, entry: e, rooms: [], temporaryExits: [] }));
      if (room) room.to = e.time; // entered another room without a recorded exit
      room = { venue: target(e, 'venue'), entered: e };
      stay.rooms.push(room);
      continue;
    }
    if (!stay) continue; // an exit without a stay is the ledger rule's concern
    const kind = e.attrs.exit_kind;
    const sameRoom = room && (target(e, 'venue') === undefined || target(e, 'venue') === room.venue);
    // A late `move` out of a room already left (positioning lag) does not close the current one.
    if (room && (sameRoom || kind !== 'move')) {
      room.to = e.time;
      room = undefined;
    }
    if (kind === 'temporary') stay.temporaryExits.push(e);
    if (kind === 'final') {
      stay.end = e;
      stay = undefined;
      room = undefined;
    }
  }
  return stays;
}

/** Persons of the group with area records, each with their stays. */
export function allStays(s: Snapshot): AreaStay[] {
  return s.objectsOfType('person').flatMap((p) => areaStays(s, p.id));
}

/** The person's role when it mattered (else as of T). */
export const isSuspect = (s: Snapshot, person: string, at: Date): boolean => s.attrThen(person, 'role', at) === 'suspect';

/** Whether an instant lies within a stay (from its first entry to its final exit, or T). */
export const inStay = (stay: AreaStay, at: Date, asOf: Date): boolean =>
  at.getTime() >= stay.entry.time.getTime() && at.getTime() <= (stay.end?.time ?? asOf).getTime();

export const subjectOfStay = (stay: AreaStay) => ({ type: 'person' as const, id: stay.person });
