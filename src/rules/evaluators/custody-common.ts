import { computeDeadline, type Period } from '../../legal-time/deadline.js';
import type { RuleContext } from '../engine/context.js';
import { heldAt, personMeasures, type PersonEvent } from '../engine/facts.js';
import type { Subject } from '../engine/finding.js';
import type { MeasureInterval } from '../engine/measures.js';
import { type Ev, type Snapshot, target } from '../engine/snapshot.js';

/** Small look-ups the custody rules share (catalogue §7a, interchange §9.1). */
export const personSubject = (id: string): Subject => ({ type: 'person', id });

/** The first event at or after `from` that passes `pred`. */
export const firstAtOrAfter = (events: Ev[], from: Date, pred: (e: Ev) => boolean = () => true): Ev | undefined =>
  events.find((e) => e.time.getTime() >= from.getTime() && pred(e));

/** The §9.1 interval a measure event started (undefined when the event starts none). */
export function intervalStartedBy(s: Snapshot, start: Ev): MeasureInterval<PersonEvent> | undefined {
  const person = target(start, 'subject');
  return person ? personMeasures(s, person).intervals.find((iv) => iv.start.id === start.id) : undefined;
}

/** The held interval open at `at` (end instant exclusive), if any. */
export function heldIntervalAt(s: Snapshot, person: string, at: Date): MeasureInterval<PersonEvent> | undefined {
  const t = at.getTime();
  return personMeasures(s, person).intervals.find((iv) => iv.held && iv.start.time.getTime() <= t && (!iv.end || iv.end.time.getTime() > t));
}

/** Events that take a person out of custody (§9.1: release or a non-custodial measure). */
export const LEAVES_CUSTODY = ['person.released', 'person.bail_started', 'person.rsdl_started'];

/**
 * The first of the compliance event and the person leaving custody before it: a person released
 * (or put on bail or RSDL) before the act no longer needs it.
 */
export function doneOrLeftCustody(s: Snapshot, custody: Ev, done: Ev | undefined): Ev | undefined {
  const end = intervalStartedBy(s, custody)?.end;
  const left = end && LEAVES_CUSTODY.includes(end.type) ? end : undefined;
  return left && (!done || left.time.getTime() < done.time.getTime()) ? left : done;
}

/**
 * Whether a day period of a person is custodial (§4): the person is held on its true last day
 * (the unshifted one). Judged on what is known as of T; an open custody counts as going on.
 */
export function custodialOnLastDay(s: Snapshot, ctx: RuleContext, person: string, start: Date, period: Period): boolean {
  const unshifted = computeDeadline({ trigger: start, period, custodial: true }, ctx.calendar);
  if (unshifted.status !== 'ok') return false;
  return heldAt(s, person, new Date(unshifted.deadline.getTime() - 1));
}

/** Persons of the group who are the same human as `person` (same id_number, §3.1: one person record per case). */
export function sameHuman(s: Snapshot, person: string): string[] {
  const idNumber = s.attr(person, 'id_number');
  if (!idNumber) return [person];
  return s.objectsOfType('person').filter((p) => p.id === person || s.attr(p.id, 'id_number') === idNumber).map((p) => p.id);
}
