import { approverLevel, documentPresentAt, levelAtLeast, typeOf } from '../engine/facts.js';
import { type Ev, type Snapshot, targets } from '../engine/snapshot.js';
import { firstAtOrAfter } from './custody-common.js';

/**
 * Look-ups the non-core coercive-measure rules share (catalogue §7a, §7b): the documents of an
 * act, whether a document is complete, receipts to a procuratorate about a person, sworn
 * officers, and whether an act was approved at county level.
 */
const docType = (s: Snapshot, doc: string): string => s.attr(doc, 'doc_type') ?? '';

/** Documents of some types naming the person (O2O `subject`) that became present in [from, until). */
export function namedDocuments(s: Snapshot, person: string, types: string[], window: { from?: Date; until?: Date } = {}): string[] {
  return s.objectsOfType('document').map((d) => d.id).filter((d) => {
    if (!types.includes(docType(s, d)) || !s.linked(d, 'subject').includes(person)) return false;
    const at = documentPresentAt(s, d)?.getTime();
    return at !== undefined && (!window.from || at >= window.from.getTime()) && (!window.until || at < window.until.getTime());
  });
}

/**
 * The stretch of time whose documents belong to an act of a person: after the person's previous
 * act of the same type, before the next one (a warrant issued before the act belongs to it).
 */
export function actWindow(s: Snapshot, act: Ev, person: string): { from?: Date; until?: Date } {
  const same = s.relating(person, 'subject', act.type);
  const i = same.findIndex((e) => e.id === act.id);
  const prev = i > 0 ? same[i - 1] : undefined;
  const next = i >= 0 ? same[i + 1] : undefined;
  return { from: prev && new Date(prev.time.getTime() + 1), until: next?.time };
}

/** Documents of some types that belong to an act: those its event relates as `document`, else those naming the person. */
export function documentsOf(s: Snapshot, act: Ev, person: string, types: string[], window: { from?: Date; until?: Date } = {}): string[] {
  const own = targets(act, 'document').filter((d) => types.includes(docType(s, d)));
  return own.length ? own : namedDocuments(s, person, types, window);
}

/**
 * When a document was complete: present (§9.2) and, for each group of alternative attributes
 * (e.g. signed, or refusal noted), one of them true. A group none of whose attributes was ever
 * sent is not held against it (§5.2 unknown); a group sent false never completes.
 */
export function completeAt(s: Snapshot, doc: string, groups: string[][]): Date | undefined {
  const present = documentPresentAt(s, doc);
  if (!present) return undefined;
  let at = present.getTime();
  for (const group of groups) {
    const trueSince = group.filter((a) => s.attr(doc, a) === 'true').map((a) => s.attrTime(doc, a)!.getTime());
    if (trueSince.length) at = Math.max(at, Math.min(...trueSince));
    else if (group.some((a) => s.attr(doc, a) !== undefined)) return undefined;
  }
  return new Date(at);
}

/** The earliest instant one of the documents was complete. */
export function firstCompleteAt(s: Snapshot, docs: string[], groups: string[][]): Date | undefined {
  const times = docs.map((d) => completeAt(s, d, groups)?.getTime()).filter((t): t is number => t !== undefined);
  return times.length ? new Date(Math.min(...times)) : undefined;
}

/** Signed by the person, or the refusal noted by the officer (CPL art.85, 93; MPS-C art.125, 143). */
export const SIGNED = [['subject_signed', 'refusal_noted']];

/** Whether a notice names the person (its recipients or its documents' subjects), or names nobody. */
export function concernsPerson(s: Snapshot, notice: Ev, person: string): boolean {
  const named = [...targets(notice, 'subject'), ...targets(notice, 'document').flatMap((d) => s.linked(d, 'subject'))];
  return named.length === 0 || named.includes(person);
}

/** The first `execution_receipt` from `from` on to the procuratorate (any procuratorate when unknown) about the person. */
export function executionReceipt(s: Snapshot, from: Date, procuratorate: string | undefined, person: string): Ev | undefined {
  const toIt = (e: Ev) => targets(e, 'target_unit').some((u) => (procuratorate ? u === procuratorate : s.attr(u, 'kind') === 'procuratorate'));
  return firstAtOrAfter(s.ofType('notice.served'), from, (e) => e.attrs.notice_type === 'execution_receipt' && toIt(e) && concernsPerson(s, e, person));
}

/** Distinct sworn officers of an event (§13: an auxiliary never counts). */
export const swornOfficers = (s: Snapshot, e: Ev): string[] =>
  [...new Set(targets(e, 'officer').filter((o) => s.attr(o, 'role', e.time) !== 'auxiliary'))];

/**
 * Whether an act was approved at county level or higher (§6, §8.4; §13: higher satisfies):
 * undefined when it names no approver, or none whose level can be told. An approver known to be
 * below (an officer who is no leader, a station or brigade, a department head) is false.
 */
export function approvedAtCounty(s: Snapshot, e: Ev): boolean | undefined {
  const approvers = targets(e, 'approver');
  if (!approvers.length) return undefined;
  const level = approverLevel(s, e);
  if (level) return levelAtLeast(level, 'county');
  const known = approvers.some((id) => (typeOf(id) === 'unit' ? s.attr(id, 'level') : s.attr(id, 'role', e.time)) !== undefined);
  return known ? false : undefined;
}
