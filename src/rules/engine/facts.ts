import type { HolidayCalendar } from '../../legal-time/calendar.js';
import { computeDeadline, type Interval, type Period } from '../../legal-time/deadline.js';
import { localDateOf } from '../../legal-time/local-date.js';
import type { ApprovalLevel } from '../definition.js';
import { isHeld, measureTimeline, type MeasureTimeline } from './measures.js';
import { type Ev, type Snapshot, target, targets, truthy } from './snapshot.js';

/**
 * Facts of a group that many rules share (interchange §9): the case and its kind, a person's
 * measures and custody, approvals and their levels, ages, appraisal (excluded) time, case
 * officers. Pure functions of a snapshot.
 */
export const typeOf = (id: string | undefined): string | undefined => id?.slice(0, id.indexOf(':'));

export function caseIdOf(s: Snapshot): string | undefined {
  return typeOf(s.groupId) === 'case' ? s.groupId : undefined;
}

/** The case's kind as of T, or at `at` (§3.2: a rule's reference instant) — as of T where nothing was recorded by then. */
export function caseKind(s: Snapshot, at?: Date): 'criminal' | 'administrative' | undefined {
  const id = caseIdOf(s);
  const k = at ? s.attrThen(id, 'kind', at) : s.attr(id, 'kind');
  return k === 'criminal' || k === 'administrative' ? k : undefined;
}

/**
 * When the case got the kind it has as of T, from its attribute history: the start of the last
 * unbroken run of that value; undefined when it had it already at `after` (or it is unknown).
 */
export function kindChangedAt(s: Snapshot, caseId: string, after: Date): Date | undefined {
  const now = s.attr(caseId, 'kind');
  const history = (s.obj(caseId)?.attrs.get('kind') ?? []).filter((h) => h.time <= s.asOf.getTime());
  let since: number | undefined;
  for (let i = history.length - 1; i >= 0 && history[i].value === now; i--) since = history[i].time;
  return now !== undefined && since !== undefined && since > after.getTime() ? new Date(since) : undefined;
}

/** A person's §9.1 measure intervals, from their events (and the case's transfer for prosecution). */
export type PersonEvent = Ev & { facilityLevel?: string };

/**
 * §9.1 ends arrest custody at the case's transfer for prosecution. `throughTransfer` leaves the
 * transfer out: a suspect arrested and never released, bailed or put under RSDL is still held
 * (在押) after it — during a supplementary investigation, say.
 */
export function personMeasures(s: Snapshot, personId: string, opts: { throughTransfer?: boolean } = {}): MeasureTimeline<PersonEvent> {
  const cache = opts.throughTransfer ? timelinesThroughTransfer : timelines;
  const cached = cache.get(s)?.get(personId);
  if (cached) return cached;
  const transfers = opts.throughTransfer ? [] : s.ofType('case.sent_for_prosecution');
  const events = [...s.relating(personId, 'subject'), ...transfers].filter((e) => e.type.startsWith('person.') || e.type === 'case.sent_for_prosecution');
  const timeline = measureTimeline<PersonEvent>(events.map((e) => ({
    ...e, facilityLevel: e.type === 'person.jailed' ? s.attr(target(e, 'unit'), 'level') : undefined,
  })));
  let m = cache.get(s);
  if (!m) cache.set(s, (m = new Map()));
  m.set(personId, timeline);
  return timeline;
}
const timelines = new WeakMap<Snapshot, Map<string, MeasureTimeline<PersonEvent>>>();
const timelinesThroughTransfer = new WeakMap<Snapshot, Map<string, MeasureTimeline<PersonEvent>>>();

export function heldAt(s: Snapshot, personId: string, at: Date): boolean {
  return isHeld(personMeasures(s, personId), at);
}

/** Persons of the group with a role (as of T). */
export function personsWithRole(s: Snapshot, role: string): string[] {
  return s.objectsOfType('person').filter((p) => s.attr(p.id, 'role') === role).map((p) => p.id);
}

/**
 * Whether a case-level period from `start` is custodial (§9.1): a suspect of the case is held on
 * its last day — the day it ends when not moved for holidays.
 */
export function heldOnLastDay(s: Snapshot, calendar: HolidayCalendar, start: Date, period: Period, excluded?: Interval[]): boolean {
  const unshifted = computeDeadline({ trigger: start, period, custodial: true, excluded }, calendar);
  return unshifted.status === 'ok' && suspectHeldOn(s, unshifted.deadline);
}

/** Whether any suspect of the case is held on the local date of `day` (case-level custodial periods, §9.1). */
export function suspectHeldOn(s: Snapshot, dayEnd: Date): boolean {
  const at = new Date(dayEnd.getTime() - 1);
  return s.objectsOfType('person').some((p) => heldAt(s, p.id, at));
}

const LEVEL_RANK: Record<ApprovalLevel, number> = {
  department: 1, county: 2, city: 3, upper: 3, provincial: 4,
  procuratorate: 10, upper_procuratorate: 11, provincial_procuratorate: 12,
};

/** §13: a higher level than required satisfies the requirement; a lower one does not. */
export function levelAtLeast(level: string | undefined, required: ApprovalLevel): boolean {
  if (!level || !(level in LEVEL_RANK)) return false;
  const a = LEVEL_RANK[level as ApprovalLevel];
  const b = LEVEL_RANK[required];
  return (a >= 10) === (b >= 10) && a >= b;
}

export interface Approval {
  event: Ev;
  for: string;
  level?: string;
  newLimit?: Period;
  reason?: string;
}

/**
 * The approver's level: the approval's `level`, else from the officer's role and unit (§8.4), as
 * they were at the approval (§3.2) — as of T only where nothing was recorded by then.
 */
export function approverLevel(s: Snapshot, e: Ev): string | undefined {
  if (e.attrs.level) return e.attrs.level;
  const then = (id: string | undefined, name: string) => s.attrThen(id, name, e.time);
  for (const id of targets(e, 'approver')) {
    if (typeOf(id) === 'unit') {
      const kind = then(id, 'kind');
      if (kind === 'procuratorate') return 'procuratorate';
      const level = then(id, 'level');
      if (level === 'city') return 'city';
      if (level === 'branch') return 'county';
    } else if (then(id, 'role') === 'leader') {
      const unit = s.linked(id, 'member_of')[0];
      const level = then(unit, 'level');
      return level === 'city' || level === 'branch' ? 'county' : 'department';
    }
  }
  return undefined;
}

/** approval.granted events for a purpose, optionally concerning a subject or item, granted by `before`. */
export function approvals(s: Snapshot, purpose: string, opts: { about?: string; before?: Date } = {}): Approval[] {
  return s.ofType('approval.granted')
    .filter((e) => e.attrs.for === purpose)
    .filter((e) => !opts.about || e.rels.some((r) => r.id === opts.about) || !e.rels.some((r) => r.q === 'subject' || r.q === 'item'))
    .filter((e) => !opts.before || e.time.getTime() <= opts.before.getTime())
    .map((e) => ({ event: e, for: purpose, level: approverLevel(s, e), newLimit: e.attrs.new_limit ? parseIsoPeriod(e.attrs.new_limit) : undefined, reason: e.attrs.reason }));
}

/** ISO 8601 durations as periods: P30D, P7D, P3M, P1Y (12 months), PT24H, PT15M, P2W (14 days). */
export function parseIsoPeriod(text: string): Period | undefined {
  const m = /^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?)?$/.exec(text.trim());
  if (!m || text.trim() === 'P' || text.trim() === 'PT') return undefined;
  const [y, mo, w, d, h, mi] = m.slice(1).map((v) => (v ? Number(v) : 0));
  if (h || mi) return y || mo || w || d ? undefined : mi ? { amount: h * 60 + mi, unit: 'min' } : { amount: h, unit: 'h' };
  if (y || mo) return w || d ? undefined : { amount: y * 12 + mo, unit: 'm' };
  return { amount: w * 7 + d, unit: 'd' };
}

/** Full years from birth_date to the local date of `at` (§9.2); undefined if unknown. */
export function ageAt(s: Snapshot, personId: string, at: Date): number | undefined {
  const birth = s.attr(personId, 'birth_date');
  if (!birth || !/^\d{4}-\d{2}-\d{2}/.test(birth)) return undefined;
  const today = localDateOf(at);
  const [by, bm, bd] = birth.slice(0, 10).split('-').map(Number);
  const [ty, tm, td] = today.split('-').map(Number);
  return ty - by - (tm < bm || (tm === bm && td < bd) ? 1 : 0);
}

/**
 * Appraisal intervals (started → ended by the same 鉴定聘请书), optionally only psychiatric ones (§9.3).
 * With `person`, only appraisals naming that person as a subject, or naming no person (CPL art.149:
 * the suspect's own appraisal); without, every appraisal of the group (PSAPL art.99: any in the case).
 */
export function appraisalIntervals(s: Snapshot, onlyPsychiatric: boolean, person?: string): Interval[] {
  const out: Interval[] = [];
  for (const start of s.ofType('appraisal.started')) {
    if (onlyPsychiatric && !truthy(start.attrs.psychiatric)) continue;
    if (person) {
      const named = targets(start, 'subject');
      if (named.length > 0 && !named.includes(person)) continue;
    }
    const doc = target(start, 'document');
    const end = s.ofType('appraisal.ended').find((e) => target(e, 'document') === doc && e.time >= start.time);
    out.push({ from: start.time, to: end?.time ?? s.asOf });
  }
  return out;
}

/** Case officers (§9.2): the case's assigned officers and every officer or interrogator of its events, area events excluded. */
export function caseOfficers(s: Snapshot): Set<string> {
  const out = new Set(s.linked(caseIdOf(s), 'officer'));
  for (const e of s.events) {
    if (e.type.startsWith('area.')) continue;
    for (const r of e.rels) if (r.q === 'officer' || r.q === 'interrogator') out.add(r.id);
  }
  return out;
}

/** Documents of a type related to the group (O2O case, or related by an event), as of T. */
export function documentsOfType(s: Snapshot, ...docTypes: string[]): string[] {
  return s.objectsOfType('document').filter((d) => docTypes.includes(s.attr(d.id, 'doc_type') ?? '')).map((d) => d.id);
}

/** When a document became present (§9.2): the earliest of its document.filed and any event relating it as `document`. */
export function documentPresentAt(s: Snapshot, docId: string): Date | undefined {
  const first = s.relating(docId).find((e) => e.type === 'document.filed' || e.rels.some((r) => r.id === docId && r.q === 'document'));
  return first?.time;
}
