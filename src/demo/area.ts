/**
 * A suspect's stay in a case-handling area (办案区), as its positioning system reports it: entry
 * through the security check (AREA_ENTRY_SECURITY_CHECK), waiting in a holding room, sessions in
 * interrogation rooms, the final exit. Every room interval has an officer positioned in the same
 * room (AREA_NEVER_UNATTENDED): the escorts at the check, interrogators in sessions, a watcher in
 * the holding room. Missing security checks and overlong stays are planted here.
 */
import type { CaseFile, World } from './context.js';
import { type Session, type SessionSpec, interrogate } from './interrogation.js';
import { HOUR, MIN, SEC } from './time.js';
import { type Officer, type RoomType, type Unit, type Venue, roomsOf, staffOf } from './units.js';

type Exit = { kind: 'move' } | { kind: 'final'; purpose: 'release' | 'to_jail'; escorts: Officer[] };

interface Segment {
  type: RoomType;
  from: number;
  venue?: Venue;
  /** Officers positioned with the subject; holding rooms get a watcher on closing. */
  officers?: Officer[];
}

/** Longest stretch one watcher covers before being relieved. */
const SHIFT = 8 * HOUR;

export class AreaStay {
  readonly start: number;
  private segment: Segment;
  /** Planted: the subject went straight to a holding room (recorded at the first session). */
  private missingCheck: boolean;
  private pendingCheck?: { at: number; custodian: Officer; list: string };
  private firstEntry = '';
  private lastExit = '';

  constructor(
    private readonly cf: CaseFile,
    readonly unit: Unit,
    readonly subject: string,
    private readonly escorts: Officer[],
    entryAt: number,
  ) {
    this.missingCheck = cf.world.planner.consider('missing_security_check', entryAt + 12 * HOUR);
    if (this.missingCheck) {
      this.start = entryAt;
      this.segment = { type: 'holding_room', from: entryAt };
      return;
    }
    // Waits at the door (outside the area) for a free security-check room.
    const checkMinutes = cf.rng.int(3, 8);
    const leaveMinutes = checkMinutes + cf.rng.int(2, 5);
    const rooms = roomsOf(unit, 'security_check');
    let wait = 0;
    while (wait < 60 && !cf.world.schedule.firstFree(rooms, entryAt + wait * MIN, entryAt + (wait + leaveMinutes) * MIN)) wait++;
    this.start = entryAt + wait * MIN;
    this.segment = { type: 'security_check', from: this.start, officers: escorts };
    const at = this.start + checkMinutes * MIN;
    // Belongings go to a custodian, never to a case officer.
    const custodian = cf.rng.pick(staffOf(unit, 'custodian'));
    this.pendingCheck = { at, custodian, list: cf.doc('暂存物品清单', at, [subject], { subject_signed: true }) };
    this.moveTo('holding_room', this.start + leaveMinutes * MIN);
  }

  /** The subject's first area.entered (emitted once the first room interval closes). */
  get entryEventId(): string {
    return this.firstEntry;
  }

  /** Runs a session from the holding room and brings the subject back. */
  session(spec: Omit<SessionSpec, 'subject' | 'rooms'>, roomTypes: RoomType[] = ['interrogation_room']): Session {
    const earliest = Math.max(spec.earliest, this.segment.from + 5 * MIN);
    const rooms = roomTypes.flatMap((t) => this.unit.rooms[t] ?? []);
    const s = interrogate(this.cf, { ...spec, earliest, subject: this.subject, rooms });
    this.close(s.start - 90 * SEC, { kind: 'move' });
    this.segment = { type: s.venue.roomType, from: s.start - 60 * SEC, venue: s.venue, officers: s.interrogators };
    this.moveTo('holding_room', s.end + 60 * SEC);
    if (this.missingCheck) {
      this.missingCheck = false;
      this.cf.world.planner.record({
        kind: 'missing_security_check', caseId: this.cf.id, subjectId: this.subject,
        eventIds: [this.entryEventId, s.startedId], detail: 'no security check between area entry and the first session',
      });
    }
    return s;
  }

  /**
   * Final exit. Releases may be planted as overlong stays (AREA_MAX_STAY): the person is kept in
   * the holding room for more than 24 h. Returns the actual exit time.
   */
  leave(at: number, exit: Extract<Exit, { kind: 'final' }>): number {
    let out = at;
    const { planner } = this.cf.world;
    if (exit.purpose === 'release' && planner.consider('area_overstay', this.start + 31 * HOUR)) {
      out = this.start + planner.rng.int(25 * 60, 30 * 60) * MIN;
      this.close(out, exit);
      planner.record({
        kind: 'area_overstay', caseId: this.cf.id, subjectId: this.subject, eventIds: [this.entryEventId, this.lastExit],
        detail: `in the case-handling area for ${((out - this.start) / HOUR).toFixed(1)} h`,
      });
      return out;
    }
    this.close(out, exit);
    return out;
  }

  private moveTo(type: RoomType, at: number): void {
    this.close(at - 30 * SEC, { kind: 'move' });
    this.segment = { type, from: at };
  }

  /** Emits the subject's room interval and the officers positioned with it. */
  private close(to: number, exit: Exit): void {
    const { cf, unit, subject } = this;
    const seg = this.segment;
    const venue = seg.venue ?? this.allocate(seg.type, seg.from, to);
    const entered = cf.event('baq', 'area.entered', seg.from, { source: 'positioning' }, [['subject', subject], ['venue', venue.id]]);
    this.firstEntry ||= entered;
    if (this.pendingCheck && seg.type === 'security_check') {
      const { at, custodian, list } = this.pendingCheck;
      cf.event('baq', 'area.security_checked', at, { health_recorded: true, belongings_listed: true, injury_found: false }, [
        ['subject', subject], ...this.escorts.map((o) => ['officer', o.id] as const), ['venue', venue.id],
        ['custodian', custodian.id], ['document', list],
      ]);
      this.pendingCheck = undefined;
    }
    this.lastExit = cf.event('baq', 'area.exited', to, exit.kind === 'final' ? { exit_kind: 'final', purpose: exit.purpose } : { exit_kind: 'move' }, [
      ['subject', subject], ['venue', venue.id], ...(exit.kind === 'final' ? exit.escorts.map((o) => ['officer', o.id] as const) : []),
    ]);
    const officers = seg.officers;
    if (officers) for (const o of officers) position(cf.world, unit, o, venue, seg.from - 30 * SEC, to + 30 * SEC);
    else watchLater(cf.world, venue, seg.from - 30 * SEC, to + 30 * SEC);
  }

  private allocate(type: RoomType, from: number, to: number): Venue {
    const rooms = roomsOf(this.unit, type);
    const { schedule } = this.cf.world;
    if (type === 'holding_room') return this.allocateHoldingRoom(rooms, from, to);
    let venue = schedule.firstFree(rooms, from, to);
    if (!venue) {
      venue = rooms[this.cf.rng.int(0, rooms.length - 1)];
      this.cf.world.overlaps++;
    }
    schedule.book(venue.id, from, to);
    return venue;
  }

  /**
   * A holding room of its own if one is free; else one shared only with persons of the same sex
   * and age group (adult or juvenile) from other cases (AREA_SEPARATION_AND_SEARCH_BY_SEX; co-
   * suspects are kept apart), the least crowded first.
   */
  private allocateHoldingRoom(rooms: Venue[], from: number, to: number): Venue {
    const { schedule } = this.cf.world;
    const tag = holdingTag(this.cf, this.subject, from);
    const group = tag.slice(0, tag.lastIndexOf('|'));
    let venue = schedule.firstFree(rooms, from, to);
    if (!venue) {
      const shareable = rooms.filter((r) => schedule.compatible(r.id, from, to, (t) =>
        t !== undefined && t.startsWith(group + '|') && !t.endsWith('|' + this.cf.id)));
      venue = shareable.sort((a, b) => schedule.load(a.id, from, to) - schedule.load(b.id, from, to))[0];
    }
    if (!venue) {
      venue = rooms[0];
      this.cf.world.overlaps++;
    }
    schedule.book(venue.id, from, to, tag);
    return venue;
  }
}

/** `sex|adult-or-juvenile|case` of a holding-room occupant. */
function holdingTag(cf: CaseFile, person: string, at: number): string {
  const [y, m, d] = (cf.rec.value(person, 'birth_date') ?? '1970-01-01').split('-').map(Number);
  // Date.UTC rolls a 29 February over to 1 March; the birthday begins at local (UTC+8) midnight.
  const adult = at >= Date.UTC(y + 18, m - 1, d) - 8 * HOUR ? 'adult' : 'juvenile';
  return `${cf.rec.value(person, 'gender') ?? 'unknown'}|${adult}|${cf.id}`;
}

/** An officer's positioning in a room (area events of the officer, not of the case). */
function position(world: World, unit: Unit, officer: Officer, venue: Venue, from: number, to: number): void {
  const n = (world.positioningSeq.get(unit.code) ?? 0) + 1;
  world.positioningSeq.set(unit.code, n + 1);
  const id = (k: number) => `baq:${unit.code}-P${String(k).padStart(6, '0')}`;
  world.schedule.book(officer.id, from, to);
  world.rec.event(id(n), 'area.entered', from, { source: 'positioning' }, [['officer', officer.id], ['venue', venue.id]]);
  world.rec.event(id(n + 1), 'area.exited', to, { exit_kind: 'final' }, [['officer', officer.id], ['venue', venue.id]]);
}

/** Holding-room time to be watched; staffed once every case is generated (staffHoldingRooms). */
function watchLater(world: World, venue: Venue, from: number, to: number): void {
  const spans = world.watches.get(venue);
  if (spans) spans.push([from, to]);
  else world.watches.set(venue, [[from, to]]);
}

/**
 * Puts a watcher in every holding room while anyone is in it: occupied time is merged per room
 * and covered by shifts of at most eight hours, custodians first, then other staff of the unit.
 */
export function staffHoldingRooms(world: World): void {
  for (const [venue, spans] of world.watches) {
    const pool = [
      ...staffOf(venue.unit, 'custodian'), ...staffOf(venue.unit, 'assistant', 'lead'), ...staffOf(venue.unit, 'auxiliary', 'legal_officer', 'leader'),
    ];
    spans.sort((a, b) => a[0] - b[0]);
    const blocks: [number, number][] = [];
    for (const [a, b] of spans) {
      const last = blocks[blocks.length - 1];
      if (last && a <= last[1] + MIN) last[1] = Math.max(last[1], b);
      else blocks.push([a, b]);
    }
    for (const [from, to] of blocks) cover(world, venue, pool, from, to);
  }
  world.watches.clear();
}

/**
 * Covers [from, to] with turns of at most one shift: each turn goes to the first of the pool free
 * for a whole shift, else to whoever stays free longest, handing over when they are needed elsewhere.
 */
function cover(world: World, venue: Venue, pool: Officer[], from: number, to: number): void {
  const { schedule } = world;
  for (let a = from; a < to;) {
    const limit = Math.min(to, a + SHIFT);
    let best: Officer | undefined;
    let until = a;
    for (const o of pool) {
      const u = schedule.freeUntil(o.id, a, limit);
      if (u > until) [best, until] = [o, u];
      if (u === limit) break;
    }
    if (!best) {
      // Nobody of the unit is free at all: a generator bug, counted.
      world.overlaps++;
      [best, until] = [pool[0], limit];
    }
    position(world, venue.unit, best, venue, a, until);
    a = until;
  }
}
