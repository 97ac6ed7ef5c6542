import type { Localized } from '../definition.js';
import { L, violation, type RuleContext, type RuleEvaluator } from '../engine/context.js';
import { duration, localTime } from '../engine/explain.js';
import { ageAt, heldAt, personMeasures } from '../engine/facts.js';
import type { Finding } from '../engine/finding.js';
import { type Ev, type Snapshot, target } from '../engine/snapshot.js';
import { allStays } from './area-stays.js';

/**
 * Rooms of the case-handling area (catalogue §8, non-core): who may share a holding room, and
 * where interrogation and questioning take place. No §10.1 row: each decision procedure is
 * derived from the catalogue and the contract (§6–§8) and written on its evaluator.
 */
const present = (f: Finding | undefined): f is Finding => f !== undefined;
const MINUTE = 60_000;
const roomType = (s: Snapshot, venue: string | undefined, at: Date) => s.attr(venue, 'room_type', at);

/** A person's interval in a holding room (from their stays, §9.2). */
interface Occupancy {
  person: string;
  venue: string;
  entered: Ev;
  from: number;
  to: number;
}

function holdingRoomOccupancy(s: Snapshot): Occupancy[] {
  return allStays(s).flatMap((stay) => stay.rooms
    .filter((r) => r.venue && roomType(s, r.venue, r.entered.time) === 'holding_room')
    .map((r) => ({ person: stay.person, venue: r.venue!, entered: r.entered, from: r.entered.time.getTime(), to: (r.to ?? s.asOf).getTime() })));
}

/** Whether two occupants of one room must be kept apart. */
type Apart = (s: Snapshot, a: Occupancy, b: Occupancy) => boolean;

const GENDERS = new Set(['male', 'female']);
const genderAt = (s: Snapshot, o: Occupancy) => s.attr(o.person, 'gender', o.entered.time);
/** CQ art.30, PSAPL art.87, MPS-A art.84: persons of different sex are kept apart (unknown sex: no finding, §5.2). */
const differentSex: Apart = (s, a, b) => {
  const [x, y] = [genderAt(s, a), genderAt(s, b)];
  return GENDERS.has(x ?? '') && GENDERS.has(y ?? '') && x !== y;
};
/** MPS-C art.328: held juveniles are kept apart from adults (age at the later entry, §9.2; unknown birth date: no finding). */
const juvenileWithAdult: Apart = (s, a, b) => {
  const at = new Date(Math.max(a.from, b.from));
  const [x, y] = [ageAt(s, a.person, at), ageAt(s, b.person, at)];
  return x !== undefined && y !== undefined && (x < 18) !== (y < 18);
};

const SEPARATIONS: Array<{ part: string; apart: Apart; duty: Localized; who: [string, string] }> = [
  { part: 'sex', apart: differentSex, duty: L('不同性别人员不得同处一个候问室', 'Persons of different sex never share a holding room'), who: ['异性人员', 'person(s) of the other sex'] },
  { part: 'juvenile', apart: juvenileWithAdult, duty: L('未成年人应与成年人分别看管，不得同处一个候问室', 'Juveniles are kept apart from adults, never in one holding room'), who: ['未成年人或成年人', 'person(s) on the other side of 18'] },
];

/** The occupant who entered later (the allocation that put them together). */
const later = (a: Occupancy, b: Occupancy) => (a.from > b.from || (a.from === b.from && a.entered.id > b.entered.id) ? a : b);

function separationFindings(s: Snapshot, ctx: RuleContext, rooms: Occupancy[]): Array<Finding | undefined> {
  // Shared per offending allocation (an entry) and part: the others and the longest overlap.
  const shared = new Map<string, { entry: Occupancy; part: (typeof SEPARATIONS)[number]; others: Set<string>; longest: number }>();
  rooms.forEach((a, i) => rooms.slice(i + 1).forEach((b) => {
    if (a.venue !== b.venue || a.person === b.person) return;
    const overlap = Math.min(a.to, b.to) - Math.max(a.from, b.from);
    const entry = later(a, b);
    if (overlap <= ctx.num('overlapToleranceMinutes', entry.entered.time) * MINUTE) return;
    const other = entry === a ? b : a;
    for (const part of SEPARATIONS) {
      if (!part.apart(s, a, b)) continue;
      const key = `${entry.entered.id}|${part.part}`;
      const found = shared.get(key) ?? { entry, part, others: new Set<string>(), longest: 0 };
      found.others.add(other.person);
      found.longest = Math.max(found.longest, overlap);
      shared.set(key, found);
    }
  }));
  return [...shared.values()].map(({ entry, part, others, longest }) => {
    const len = duration(longest);
    return violation(ctx, {
      subject: { type: 'person', id: entry.person }, trigger: entry.entered, part: part.part, duty: part.duty,
      reason: L(`${localTime(entry.entered.time)}进入候问室时与${others.size}名${part.who[0]}同处，共处最长${len['zh-CN']}`,
        `put in a holding room at ${localTime(entry.entered.time)} with ${others.size} ${part.who[1]}, together for up to ${len.en}`),
    });
  });
}

/**
 * AREA_SEPARATION_AND_SEARCH_BY_SEX (CQ art.30; MPS-C art.217, 225, 328; MPS-A art.84; PSAPL
 * art.87). Trigger: a person's area.entered into a `holding_room` (候问室 allocation). Violation
 * when that room interval overlaps, by more than `overlapToleranceMinutes` [D] (positioning lag
 * at a hand-over), the interval of another person of the group in the same room who is of the
 * other sex (part 'sex'; gender male/female, unknown → no finding) or on the other side of 18
 * (part 'juvenile'). The later entry is the allocation at fault; one finding per entry and part.
 * Not checkable: persons of other cases in the same room (their area events belong to their own
 * case; occupancy snapshots carry counts, not sex or age); the search of women by female staff
 * (officers carry no sex in the contract, §6).
 */
export const AREA_SEPARATION_AND_SEARCH_BY_SEX: RuleEvaluator = {
  ruleId: 'AREA_SEPARATION_AND_SEARCH_BY_SEX',
  evaluate: (s, ctx) => separationFindings(s, ctx, holdingRoomOccupancy(s)).filter(present),
};

/** The admission to a 看守所 that holds the person at `at`: jailed there, held since, no release between. */
function inDetentionHouse(s: Snapshot, person: string, at: Date): Ev | undefined {
  if (!heldAt(s, person, at)) return undefined;
  const events = s.relating(person, 'subject').filter((e) => e.time.getTime() <= at.getTime());
  const jailed = events.filter((e) => e.type === 'person.jailed' && s.attr(target(e, 'unit'), 'level') === 'detention_center').pop();
  if (!jailed) return undefined;
  const leftSince = events.some((e) => e.time > jailed.time && ['person.released', 'person.bail_started', 'person.rsdl_started'].includes(e.type));
  return leftSince ? undefined : jailed;
}

/** Whether a measure of a kind is open for the person at `at` (§9.1). */
const underMeasure = (s: Snapshot, person: string, kind: string, at: Date) =>
  personMeasures(s, person).intervals.some((iv) => iv.kind === kind && iv.start.time <= at && (!iv.end || iv.end.time > at));

const ROOM_ZH: Record<string, string> = {
  interrogation_room: '讯问室', inquiry_room: '询问室', waiting_room: '等候室', holding_room: '候问室', security_check: '安检室',
  property_store: '涉案财物保管室', detention_center_interrogation: '看守所讯问室', residence: '指定居所',
};
const listParam = (ctx: RuleContext, name: string, at: Date) => new Set(String(ctx.param(name, at)).split(',').map((x) => x.trim()).filter(Boolean));

/** What is wrong with a session's place, or undefined when it is allowed or cannot be judged. */
function locationDefect(s: Snapshot, ctx: RuleContext, started: Ev, person: string): Localized | undefined {
  const at = started.time;
  const venue = target(started, 'venue');
  const type = roomType(s, venue, at);
  // `other` (scene, home, hospital, workplace) is where every lawful exception happens: not judged.
  if (!type || type === 'other') return undefined;
  const room = ROOM_ZH[type] ?? type;
  if (started.attrs.kind === 'interrogation') {
    if (inDetentionHouse(s, person, at)) {
      return type === 'detention_center_interrogation' ? undefined
        : L(`已送交看守所羁押的犯罪嫌疑人在${room}讯问，未在看守所讯问室进行`, `a suspect held in the detention house was interrogated in room type ${type}, not the detention house's interrogation room`);
    }
    // Persons serving administrative detention are interrogated at that facility (MPS-C art.198).
    if (underMeasure(s, person, 'admin_detention', at) && s.attr(s.linked(venue, 'unit')[0], 'level') === 'admin_detention_facility') return undefined;
    if (type === 'residence' && underMeasure(s, person, 'rsdl', at)) return undefined;
    const approved = s.attr(venue, 'approved_for_interrogation', at);
    if (approved === 'true' || (approved !== 'false' && listParam(ctx, 'interrogationRoomTypes', at).has(type))) return undefined;
    return approved === 'false'
      ? L(`讯问地点${room}未经批准用于讯问`, `the room (${type}) is not approved for interrogation`)
      : L(`在${room}讯问犯罪嫌疑人，不是执法办案场所讯问室`, `the suspect was interrogated in room type ${type}, not an interrogation room`);
  }
  if (listParam(ctx, 'questioningRoomTypes', at).has(type) || s.attr(venue, 'approved_for_interrogation', at) === 'true') return undefined;
  return L(`在${room}询问，不是询问（讯问）场所`, `the questioning took place in room type ${type}, not a questioning room`);
}

/**
 * AREA_QUESTIONING_LOCATION (MPS-C art.198; MPS-A art.71). Trigger: interrogation.started; the
 * place is its `venue`'s room_type as of the session. Immediate violation when:
 * - `interrogation` (讯问) of a suspect held in a 看守所 (person.jailed at a `detention_center`,
 *   held since) outside a `detention_center_interrogation` room;
 * - otherwise `interrogation` in a room that is neither approved_for_interrogation nor of a type
 *   in `interrogationRoomTypes` (default 讯问室, 看守所讯问室), or one marked not approved —
 *   save a person serving 行政拘留 questioned at that facility and a person under RSDL at the
 *   designated residence;
 * - `questioning` (询问) in a room of a type not in `questioningRoomTypes` (default 讯问室, 询问室,
 *   等候室, 看守所讯问室) and not approved_for_interrogation, e.g. a 候问室, 安检室 or property store.
 * Not checkable: the exceptions of art.198 (urgent on-site questioning; the sick, disabled or
 * pregnant at home or in hospital; a summoned non-detained suspect at home) all happen at venues
 * of type `other`, which are therefore not judged; nor whether a station questioning took place
 * outside the case-handling premises (the contract names no such room).
 */
export const AREA_QUESTIONING_LOCATION: RuleEvaluator = {
  ruleId: 'AREA_QUESTIONING_LOCATION',
  evaluate: (s, ctx) => s.ofType('interrogation.started').map((started) => {
    const person = target(started, 'subject');
    const reason = person ? locationDefect(s, ctx, started, person) : undefined;
    if (!person || !reason) return undefined;
    return violation(ctx, {
      subject: { type: 'person', id: person }, trigger: started, reason,
      duty: started.attrs.kind === 'interrogation'
        ? L('讯问犯罪嫌疑人应在执法办案场所讯问室进行，已羁押的在看守所讯问室进行', 'Interrogate a suspect in an interrogation room of the case-handling premises, or of the detention house once held there')
        : L('询问应在执法办案场所的询问（讯问）室进行', 'Question persons in a questioning room of the case-handling premises'),
    });
  }).filter(present),
};
