import { computeDeadline, type Period } from '../../legal-time/deadline.js';
import type { RuleContext } from '../engine/context.js';
import { caseIdOf, documentPresentAt, documentsOfType, personsWithRole } from '../engine/facts.js';
import type { Subject } from '../engine/finding.js';
import { type Ev, type Snapshot, targets } from '../engine/snapshot.js';
import { listParam } from './closure-helpers.js';

/**
 * Look-ups the non-core closure and dossier rules share (catalogue §11–§12): documents by the
 * persons they name and by the date written on them, the persons a transfer for prosecution
 * concerns, property still held at an instant, and periods that need no holiday calendar.
 */
export const caseSubject = (s: Snapshot): Subject => ({ type: 'case', id: caseIdOf(s)! });

/** The event from which a document is present (§9.2): its document.filed, or the first event relating it as `document`. */
export function presenceEvent(s: Snapshot, doc: string): Ev | undefined {
  return s.relating(doc).find((e) => e.type === 'document.filed' || e.rels.some((r) => r.id === doc && r.q === 'document'));
}

/** The time written on a document (issued_at, else started_at for a 笔录); undefined when neither parses. */
export function writtenAt(s: Snapshot, doc: string): Date | undefined {
  for (const name of ['issued_at', 'started_at']) {
    const t = Date.parse(s.attr(doc, name) ?? '');
    if (Number.isFinite(t)) return new Date(t);
  }
  return undefined;
}

/** When a document was made: the time written on it, else when it became present. */
export const madeAt = (s: Snapshot, doc: string): Date | undefined => writtenAt(s, doc) ?? documentPresentAt(s, doc);

/** Whether a document concerns a person: it names the person, or names nobody (then it concerns all). */
export function concerns(s: Snapshot, doc: string, person: string): boolean {
  const named = s.linked(doc, 'subject');
  return named.length === 0 || named.includes(person);
}

/** Present documents of the types a list parameter names (comma-separated doc_type values). */
export const documentsNamedBy = (s: Snapshot, ctx: RuleContext, param: string): string[] =>
  documentsOfType(s, ...listParam(ctx, param)).filter((d) => documentPresentAt(s, d) !== undefined);

/** Whether the case holds, by `at`, a document of one of the types a list parameter names. */
export const holdsDocumentBy = (s: Snapshot, ctx: RuleContext, param: string, at: Date): boolean =>
  documentsNamedBy(s, ctx, param).some((d) => documentPresentAt(s, d)!.getTime() <= at.getTime());

const PROSECUTION_OPINION = '起诉意见书';

/**
 * The persons a transfer for prosecution concerns: those its 起诉意见书 names (related by the
 * transfer, else any present by then); when none is named, the case's suspects whose
 * investigation was not stopped before (case.revoked `suspect`). `named` tells which it was.
 */
export function prosecutedPersons(s: Snapshot, sent: Ev): { persons: string[]; named: boolean } {
  const own = targets(sent, 'document').filter((d) => s.attr(d, 'doc_type') === PROSECUTION_OPINION);
  const docs = own.length ? own : documentsOfType(s, PROSECUTION_OPINION).filter((d) => (documentPresentAt(s, d)?.getTime() ?? Infinity) <= sent.time.getTime());
  const named = [...new Set(docs.flatMap((d) => s.linked(d, 'subject')))];
  if (named.length) return { persons: named, named: true };
  const stopped = new Set(s.ofType('case.revoked').filter((r) => r.attrs.scope === 'suspect' && r.time <= sent.time).flatMap((r) => targets(r, 'subject')));
  return { persons: personsWithRole(s, 'suspect').filter((p) => s.attr(p, 'role', sent.time) === 'suspect' && !stopped.has(p)), named: false };
}

/** An item seized or frozen before `at` and not returned or unfrozen since. */
export interface HeldItem {
  item: string;
  taken: Ev;
}

const isRelease = (e: Ev): boolean => e.type === 'item.returned' || e.type === 'item.unfrozen';

/** Items still seized or frozen at `at`, outside the categories kept by law (contraband, `kept`). */
export function itemsHeldAt(s: Snapshot, at: Date, kept: Set<string>): HeldItem[] {
  return s.objectsOfType('item').flatMap((o) => {
    if (kept.has(s.attr(o.id, 'category') ?? '')) return [];
    const history = s.relating(o.id, 'item');
    const taken = history.filter((e) => (e.type === 'item.seized' || e.type === 'item.frozen') && e.time <= at).at(-1);
    if (!taken || history.some((e) => isRelease(e) && e.time >= taken.time && e.time < at)) return [];
    return [{ item: o.id, taken }];
  });
}

/** The first return or unfreezing of an item at or after `from`. */
export const itemReleasedFrom = (s: Snapshot, item: string, from: Date): Ev | undefined =>
  s.relating(item, 'item').find((e) => isRelease(e) && e.time.getTime() >= from.getTime());

/**
 * The end of a day or month period from `start`, moved off holidays. Where the calendar does not
 * cover it (a time bar of 2022), the latest it could be: holidays move an end by at most
 * MAX_HOLIDAY_SHIFT_DAYS, so a finding past that bound holds whatever the calendar says (§4: no
 * guessing).
 */
export function periodEndLatest(ctx: RuleContext, start: Date, period: Period): Date {
  const shifted = computeDeadline({ trigger: start, period, custodial: false }, ctx.calendar);
  if (shifted.status === 'ok') return shifted.deadline;
  return new Date(unshiftedEnd(ctx, start, period, 0).deadline.getTime() + MAX_HOLIDAY_SHIFT_DAYS * 86_400_000);
}

/** The longest run of non-working days in any State Council arrangement (National Day, Spring Festival: 8–9). */
const MAX_HOLIDAY_SHIFT_DAYS = 10;

/** The end of a day period and its warning point without holiday shifts (needs no calendar). */
export function unshiftedEnd(ctx: RuleContext, start: Date, period: Period, warnDays: number): { deadline: Date; warnAt: Date } {
  const r = computeDeadline({ trigger: start, period, custodial: true, warn: { before: { amount: warnDays, unit: 'd' } } }, ctx.calendar);
  if (r.status !== 'ok') throw new Error('an unshifted day period needs no calendar');
  return { deadline: r.deadline, warnAt: r.warnAt };
}

/** When everything about a document that a finding reads was on record: its presence and its written times. */
export function documentKnownAt(s: Snapshot, doc: string): Date {
  const times = [documentPresentAt(s, doc), s.attrTime(doc, 'issued_at'), s.attrTime(doc, 'started_at'), s.attrTime(doc, 'ended_at')]
    .filter((t): t is Date => t !== undefined).map((t) => t.getTime());
  return new Date(Math.max(...times));
}

const ON_THE_SPOT_DECISION = '当场处罚决定书';

/** A decision by simple procedure (当场处罚, PSAPL art.100; MPS-A art.37): it relates a 当场处罚决定书. */
export const onTheSpotDecision = (s: Snapshot, decision: Ev): boolean =>
  targets(decision, 'document').some((d) => s.attr(d, 'doc_type') === ON_THE_SPOT_DECISION);

/** The persons a case.decided concerns: its subjects, else the case's suspects. */
export function decisionPersons(s: Snapshot, decision: Ev): string[] {
  const named = targets(decision, 'subject');
  return named.length ? [...new Set(named)] : personsWithRole(s, 'suspect');
}
