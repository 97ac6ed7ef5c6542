import { computeDeadline, type Period } from '../../legal-time/deadline.js';
import type { RuleContext } from '../engine/context.js';
import { documentsOfType } from '../engine/facts.js';
import { byTime, type Ev, type Snapshot, target, targets } from '../engine/snapshot.js';

/**
 * Look-ups shared by the incident and intake rules (catalogue §5–§6): incidents of a group,
 * notices served on the person who reported, documents becoming present, code-prefix parameters.
 */

/** The first event of each incident (E2O `incident`) that passes `pred`, in time order. */
export function firstPerIncident(events: Ev[], pred: (e: Ev, incident: string) => boolean = () => true): Array<[string, Ev]> {
  const out = new Map<string, Ev>();
  for (const e of events) {
    const incident = target(e, 'incident');
    if (incident && !out.has(incident) && pred(e, incident)) out.set(incident, e);
  }
  return [...out];
}

export const defined = <T>(x: T | undefined): x is T => x !== undefined;

/** The earliest of some events (undefined when none). */
export const earliest = (...events: Array<Ev | undefined>): Ev | undefined =>
  events.filter(defined).sort(byTime)[0];

export const firstAtOrAfter = (events: Ev[], from: Date, pred: (e: Ev) => boolean = () => true): Ev | undefined =>
  events.find((e) => e.time.getTime() >= from.getTime() && pred(e));

/** Events of some types relating an incident as `incident`, in time order. */
export const aboutIncident = (s: Snapshot, incident: string, ...types: string[]): Ev[] => s.relating(incident, 'incident', ...types);

/** Whether an event concerns an incident: relates it, or relates none and belongs to the incident's own group. */
export const concernsIncident = (s: Snapshot, e: Ev, incident: string): boolean => (target(e, 'incident') ?? s.groupId) === incident;

/** notice.served events of one notice_type, in time order. */
export const noticesOfType = (s: Snapshot, type: string): Ev[] => s.ofType('notice.served').filter((n) => n.attrs.notice_type === type);

/** Persons who brought the matter to the police: reporter, victim, complainant (MPS-C art.171). */
const REPORTING_ROLES = new Set(['reporter', 'victim', 'complainant']);

export function reportingPersons(s: Snapshot): Set<string> {
  return new Set(s.objectsOfType('person').filter((p) => REPORTING_ROLES.has(s.attr(p.id, 'role') ?? '')).map((p) => p.id));
}

/**
 * Whether a notice counts as served on one of `recipients`: addressed to one of them, or, where
 * it could not be (unreachable, refused), carrying the exception and its written reason.
 */
export function servedOn(notice: Ev, recipients: Set<string>): boolean {
  if (notice.attrs.exception) return Boolean(notice.attrs.reason?.trim());
  return targets(notice, 'subject').some((p) => recipients.has(p));
}

/** The event by which the first document of these types became present (§9.2). */
/** The evidence-intake list: 接受证据材料清单, in administrative cases 接受证据清单 (catalogue §6, §13b). */
export const EVIDENCE_LISTS = ['接受证据材料清单', '接受证据清单'];

export function documentPresence(s: Snapshot, ...docTypes: string[]): Ev | undefined {
  return earliest(...documentsOfType(s, ...docTypes).map((d) =>
    s.relating(d).find((e) => e.type === 'document.filed' || e.rels.some((r) => r.id === d && r.q === 'document'))));
}

/** A parameter holding comma-separated codes or code prefixes ('' = none). */
export function codePrefixes(ctx: RuleContext, name: string, at: Date): string[] {
  return String(ctx.param(name, at)).split(',').map((p) => p.trim()).filter(Boolean);
}

export const hasPrefix = (code: string | undefined, prefixes: string[]): boolean => !!code && prefixes.some((p) => code.startsWith(p));

/** When a period from `start` ends; undefined when the calendar does not cover it. */
export function periodEnd(ctx: RuleContext, start: Date, period: Period, custodial: boolean): Date | undefined {
  const r = computeDeadline({ trigger: start, period, custodial }, ctx.calendar);
  return r.status === 'ok' ? r.deadline : undefined;
}

/** An approval cures only while the limit it extends has not passed (§8.4; hour limits include their last instant). */
export function beforeLimitPassed(at: Date, deadline: Date | undefined, period: Period): boolean {
  if (!deadline) return true;
  return period.unit === 'h' ? at.getTime() <= deadline.getTime() : at.getTime() < deadline.getTime();
}
