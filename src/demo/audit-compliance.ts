/**
 * Checks of the other catalogue rules the demo data touches (interchange §10.1), recomputed from
 * the records: none of them may fire on the generated city, since only the ten planted kinds are
 * meant to be violations. Narrow readings of the contract, for the demo's tests only.
 */
import type { OcelEvent } from '../interchange/types.js';
import { type Finding, type RecordIndex, dayDeadline } from './audit.js';
import { dossier } from './audit-dossier.js';
import { DAY, HOUR, MIN, parseTime } from './time.js';

export type Add = (ruleId: string, trigger: OcelEvent, detail: string) => void;

export function complianceFindings(ix: RecordIndex, asOf: number): Finding[] {
  const out: Finding[] = [];
  const add: Add = (ruleId, trigger, detail) => out.push({ ruleId, trigger: trigger.id, detail });
  incidents(ix, asOf, add);
  measures(ix, asOf, add);
  administrative(ix, asOf, add);
  sessions(ix, asOf, add);
  property(ix, asOf, add);
  dossier(ix, add);
  return out;
}

const within = (ix: RecordIndex, e: OcelEvent | undefined, from: number, limit: number) =>
  e !== undefined && ix.t(e) >= from && ix.t(e) <= from + limit;

function incidents(ix: RecordIndex, asOf: number, add: Add): void {
  for (const closed of ix.of('incident.closed')) {
    const inc = ix.one(closed, 'incident') as string;
    const t = ix.t(closed);
    const nature = ix.attr(closed, 'nature');
    if ((nature === 'criminal' || nature === 'public_order') && t + DAY <= asOf) {
      if (!within(ix, ix.about(inc, 'case.accepted')[0], 0, t + DAY)) add('INC_CASE_TYPE_NOT_CONVERTED', closed, 'no case');
    }
    const channel = ix.value(inc, 'channel');
    const registered = ix.about(inc, 'incident.registered')[0];
    const receipt = ix.about(inc, 'notice.served').find((e) => ix.attr(e, 'notice_type') === 'report_receipt');
    if (ix.value(inc, 'urgent') === 'true' && t + DAY <= asOf && !(within(ix, registered, t - DAY, 2 * DAY) && within(ix, receipt, 0, t + DAY))) {
      add('INC_URGENT_THEN_REGISTER_24H', closed, 'urgent');
    }
    if (channel === 'walk_in') {
      const received = ix.about(inc, 'incident.received')[0];
      const r = ix.t(received);
      if (r + 2 * HOUR > asOf) continue;
      const evidence = ix.attr(received, 'evidence_submitted') !== 'true'
        || ix.about(inc, 'case.accepted').some((a) => ix.t(a) <= r + 2 * HOUR && ix.rel(a, 'document').some((d) => ix.value(d, 'doc_type') === '接受证据材料清单'));
      if (!within(ix, registered, r, 2 * HOUR) || !within(ix, receipt, r, 2 * HOUR) || !evidence) add('INC_WALKIN_THREE_ON_THE_SPOT', received, 'walk-in');
    }
    if (registered && ix.t(registered) + DAY <= asOf) {
      const accepted = ix.about(inc, 'case.accepted')[0];
      const adminCase = accepted && ix.value(ix.one(accepted, 'case') as string, 'kind') === 'administrative';
      if ((nature === 'public_order' || adminCase) && !within(ix, accepted, ix.t(registered), DAY)) add('ADMIN_ACCEPT_REVIEW_24H', registered, 'review');
    }
  }
}

const MEASURES = ['person.detained', 'person.bail_started', 'item.seized', 'item.frozen'];

function measures(ix: RecordIndex, asOf: number, add: Add): void {
  const filedAt = (c: string) => {
    const f = ix.about(c, 'case.filed')[0];
    return f ? ix.t(f) : Infinity;
  };
  for (const type of [...MEASURES, 'person.summoned']) {
    for (const e of ix.of(type)) {
      const c = ix.one(e, 'case') as string;
      if (ix.value(c, 'kind') !== 'criminal' || (type === 'person.summoned' && ix.attr(e, 'measure') === 'admin_summons')) continue;
      if (ix.t(e) < filedAt(c)) add('CRIM_PREFILING_NO_COERCION', e, 'before filing');
    }
  }
  for (const s of ix.of('person.summoned')) {
    const subject = ix.one(s, 'subject') as string;
    const t = ix.t(s);
    if (t + 12 * HOUR > asOf) continue;
    const admin = ix.attr(s, 'measure') === 'admin_summons';
    const ends = admin ? ['person.summons_ended', 'person.released', 'person.jailed'] : ['person.summons_ended', 'person.detained', 'person.released'];
    const end = ix.about(subject).find((e) => ends.includes(e.type) && ix.t(e) >= t);
    if (!within(ix, end, t, (admin ? 6 : 10) * HOUR)) add(admin ? 'ADMIN_SUMMONS_DURATION' : 'CRIM_SUMMONS_DURATION', s, 'summons');
    const paper = ix.attr(s, 'form') === 'warrant'
      ? ix.rel(s, 'document').some((d) => ix.value(d, 'subject_signed') === 'true' && ix.value(d, 'times_recorded') === 'true')
      : ix.about(subject, 'interrogation.started').some((i) => ix.value(ix.one(i, 'document') as string, 'times_recorded') === 'true');
    if (!paper) add('CRIM_SUMMONS_PAPERWORK', s, 'paperwork');
    if (admin) {
      const notice = ix.next(subject, 'person.family_notified', t, (e) => ix.attr(e, 'measure') === 'admin_summons');
      const inTranscript = notice && ix.rel(notice, 'document').some((d) => ix.value(d, 'doc_type') === '询问笔录');
      if (!within(ix, notice, t, HOUR) || !inTranscript) add('ADMIN_SUMMONS_NOTIFY_FAMILY', s, 'family');
    }
  }
  for (const d of ix.of('person.detained')) {
    const subject = ix.one(d, 'subject') as string;
    const t = ix.t(d);
    if (t + DAY > asOf) continue;
    const session = ix.next(subject, 'interrogation.started', t, (e) => ix.attr(e, 'kind') === 'interrogation');
    if (!within(ix, session, t, 18 * HOUR)) add('CRIM_DETENTION_INTERROGATE_24H', d, 'interrogation');
    const ext = ix.about(subject, 'approval.granted').find((e) => ix.attr(e, 'for') === 'arrest_request' && ix.t(e) < dayDeadline(t, 2, true));
    const days = ext ? Number(/P(\d+)D/.exec(ix.attr(ext, 'new_limit') ?? '')?.[1]) : 3;
    const end = ix.about(subject).find((e) => ['person.arrest_requested', 'person.bail_started', 'person.released'].includes(e.type) && ix.t(e) >= t);
    const warn = dayDeadline(t, days - 1, true);
    if ((end ? ix.t(end) : Infinity) >= warn && warn <= asOf) add('CRIM_DETENTION_ARREST_REQUEST_DEADLINE', d, `request (warn at ${days - 1} days)`);
  }
  for (const r of ix.of('person.arrest_requested')) {
    const subject = ix.one(r, 'subject') as string;
    const decision = ix.about(subject).find((e) => (e.type === 'person.arrest_approved' || e.type === 'person.arrest_denied') && ix.t(e) >= ix.t(r));
    const warn = dayDeadline(ix.t(r), 6, true);
    if ((decision ? ix.t(decision) : Infinity) >= warn && warn <= asOf) add('CRIM_ARREST_DECISION_AWAIT_7D', r, 'decision');
  }
  for (const d of ix.of('person.arrest_denied')) {
    const subject = ix.one(d, 'subject') as string;
    const out = ix.about(subject).find((e) => (e.type === 'person.bail_started' || e.type === 'person.released') && ix.t(e) >= ix.t(d));
    const receipt = ix.next(ix.one(d, 'case') as string, 'notice.served', ix.t(d), (e) => ix.attr(e, 'notice_type') === 'execution_receipt');
    if (ix.t(d) + 3 * DAY > asOf) continue;
    if (!within(ix, out, ix.t(d), 4 * HOUR) || !within(ix, receipt, ix.t(d), 3 * DAY)) add('CRIM_ARREST_DENIED_RELEASE', d, 'release');
  }
  for (const a of ix.of('person.arrested')) {
    const subject = ix.one(a, 'subject') as string;
    const t = ix.t(a);
    if (t + DAY > asOf) continue;
    if (!within(ix, ix.next(subject, 'person.family_notified', t, (e) => ix.attr(e, 'measure') === 'arrest'), t, 18 * HOUR)) {
      add('CRIM_ARREST_NOTIFY_FAMILY_24H', a, 'family');
    }
    if (!within(ix, ix.next(subject, 'interrogation.started', t), t, 18 * HOUR)) add('CRIM_ARREST_INTERROGATE_24H', a, 'interrogation');
    const sent = ix.about(ix.one(a, 'case') as string, 'case.sent_for_prosecution')[0];
    const warn = t + 46 * DAY; // two months less the 14-day warning, at the shortest
    if ((sent ? ix.t(sent) : Infinity) >= warn && warn <= asOf) add('CRIM_INVESTIGATIVE_CUSTODY_LIMIT', a, 'custody');
  }
  for (const b of ix.of('person.bail_started')) {
    const end = ix.next(ix.one(b, 'subject') as string, 'person.bail_ended', ix.t(b));
    const warn = ix.t(b) + 330 * DAY;
    if ((end ? ix.t(end) : Infinity) >= warn && warn <= asOf) add('CRIM_BAIL_MAX_12M', b, 'bail');
  }
}

function administrative(ix: RecordIndex, asOf: number, add: Add): void {
  for (const a of ix.of('case.accepted')) {
    const c = ix.one(a, 'case') as string;
    if (ix.value(c, 'kind') !== 'administrative') continue;
    const warn = dayDeadline(ix.t(a), 25, false);
    const decided = ix.about(c, 'case.decided')[0];
    if ((decided ? ix.t(decided) : Infinity) >= warn && warn <= asOf) add('ADMIN_CASE_TIME_LIMIT', a, 'decision');
  }
  for (const d of ix.of('case.decided')) {
    const c = ix.one(d, 'case') as string;
    if (ix.t(d) + 2 * DAY > asOf) continue;
    const served = ix.about(c, 'notice.served');
    for (const s of ix.rel(d, 'subject')) {
      if (!within(ix, served.find((e) => ix.attr(e, 'notice_type') === 'decision' && ix.one(e, 'subject') === s), ix.t(d), HOUR)) {
        add('ADMIN_DECISION_SERVICE', d, 'subject');
      }
    }
    const victims = ix.referrers(c, 'case').filter((p) => ix.value(p, 'role') === 'victim');
    for (const v of victims) {
      if (!within(ix, served.find((e) => ix.attr(e, 'notice_type') === 'decision_copy_victim' && ix.one(e, 'subject') === v), ix.t(d), 2 * DAY)) {
        add('ADMIN_DECISION_SERVICE', d, 'victim');
      }
    }
  }
  for (const d of ix.of('person.admin_detention_decided')) {
    const subject = ix.one(d, 'subject') as string;
    const t = ix.t(d);
    if (t + DAY > asOf) continue;
    if (!within(ix, ix.next(subject, 'person.family_notified', t, (e) => ix.attr(e, 'measure') === 'admin_detention'), t, 18 * HOUR)) {
      add('ADMIN_DETENTION_NOTIFY_FAMILY', d, 'family');
    }
    const age = (t - parseTime(`${ix.value(subject, 'birth_date')}T00:00:00+08:00`)) / (365.25 * DAY);
    if (age < 18 || age >= 70 || ix.value(subject, 'pregnant') === 'true' || ix.value(subject, 'nursing') === 'true') {
      add('ADMIN_DETENTION_EXEMPT_PERSON', d, 'exempt');
    }
    const jailed = ix.next(subject, 'person.jailed', t);
    const released = ix.next(subject, 'person.released', t);
    const days = Number(ix.attr(d, 'days'));
    if (jailed && (released ? ix.t(released) : Infinity) > ix.t(jailed) + days * DAY && ix.t(jailed) + days * DAY <= asOf) {
      add('CRIM_MEASURE_EXPIRED_NOT_LIFTED', d, 'admin detention');
    }
  }
}

function sessions(ix: RecordIndex, asOf: number, add: Add): void {
  const seen = new Set<string>();
  const positioned = officerIntervals(ix, asOf);
  for (const s of ix.of('interrogation.started').slice().sort((a, b) => ix.t(a) - ix.t(b))) {
    const subject = ix.one(s, 'subject') as string;
    const doc = ix.one(s, 'document') as string;
    const ended = ix.about(doc, 'interrogation.ended')[0];
    if (!ended) continue;
    if (!seen.has(subject)) {
      seen.add(subject);
      const notice = ix.about(subject, 'notice.served').find((e) => ix.attr(e, 'notice_type') === 'rights_notice');
      if (!notice || ix.t(notice) > ix.t(ended)) add('INTV_FIRST_RIGHTS_NOTICE', s, 'rights');
    }
    const av = ix.rel(ended, 'media').some((m) => parseTime(ix.value(m, 'started_at') as string) <= ix.t(s) && parseTime(ix.value(m, 'ended_at') as string) >= ix.t(ended));
    if (!av) add('INTV_AV_MANDATORY', s, 'av');
    const venue = ix.one(s, 'venue') as string;
    if (ix.value(venue, 'room_type') === 'detention_center_interrogation') continue;
    const present = ix.rel(s, 'interrogator').every((o) => covers(positioned.get(`${o}|${venue}`) ?? [], ix.t(s), ix.t(ended), 0));
    if (!present) add('INTV_TWO_OFFICERS', s, 'co-presence');
  }
  // Every room interval of a subject is watched (AREA_NEVER_UNATTENDED).
  const byVenue = new Map<string, [number, number][]>();
  for (const [key, list] of positioned) {
    const venue = key.split('|')[1];
    byVenue.set(venue, (byVenue.get(venue) ?? []).concat(list));
  }
  for (const [key, list] of pairIntervals(ix, 'subject', asOf)) {
    const venue = key.split('|')[1];
    for (const [a, b, e] of list) if (!covers(byVenue.get(venue) ?? [], a, b, 5 * MIN)) add('AREA_NEVER_UNATTENDED', e, 'unwatched');
  }
  for (const s of ix.of('person.summoned').concat(ix.of('person.brought_in'))) {
    const subject = ix.one(s, 'subject') as string;
    const arrival = ix.about(subject, 'person.brought_in')[0] ?? s;
    if (arrival !== s) continue;
    if (!within(ix, ix.next(subject, 'area.entered', ix.t(arrival)), ix.t(arrival), 15 * MIN)) add('AREA_IMMEDIATE_ENTRY_NO_EXIT', s, 'entry');
  }
}

type Interval = [from: number, to: number, entered: OcelEvent];

/** Room intervals per `<person>|<venue>`; one still open at `asOf` runs until then. */
function pairIntervals(ix: RecordIndex, who: 'officer' | 'subject', asOf: number): Map<string, Interval[]> {
  const open = new Map<string, OcelEvent>();
  const out = new Map<string, Interval[]>();
  const list = ix.of('area.entered').concat(ix.of('area.exited')).filter((e) => ix.one(e, who));
  list.sort((a, b) => ix.t(a) - ix.t(b) || (a.type === 'area.exited' ? -1 : 1));
  for (const e of list) {
    const key = `${ix.one(e, who)}|${ix.one(e, 'venue')}`;
    if (e.type === 'area.entered') open.set(key, e);
    else {
      const from = open.get(key);
      if (!from) continue;
      open.delete(key);
      out.set(key, (out.get(key) ?? []).concat([[ix.t(from), ix.t(e), from]]));
    }
  }
  for (const [key, from] of open) out.set(key, (out.get(key) ?? []).concat([[ix.t(from), asOf, from]]));
  return out;
}

const officerIntervals = (ix: RecordIndex, asOf: number) =>
  new Map([...pairIntervals(ix, 'officer', asOf)].map(([k, v]) => [k, v.map(([a, b]) => [a, b] as [number, number])]));

/** Whether the intervals cover [a, b] with no gap longer than `gap`. */
function covers(intervals: [number, number][], a: number, b: number, gap: number): boolean {
  let at = a;
  for (const [x, y] of intervals.slice().sort((p, q) => p[0] - q[0])) if (x <= at + gap) at = Math.max(at, y);
  return at >= b - gap;
}

function property(ix: RecordIndex, asOf: number, add: Add): void {
  for (const e of ix.of('item.seized')) {
    const c = ix.one(e, 'case') as string;
    const criminal = ix.value(c, 'kind') === 'criminal';
    const docs = ix.rel(e, 'document').map((d) => [ix.value(d, 'doc_type'), d] as const);
    const list = docs.find(([t]) => t === (criminal ? '扣押清单' : '证据保全清单'))?.[1];
    const ok = docs.some(([t]) => t === (criminal ? '扣押决定书' : '证据保全决定书')) && list !== undefined
      && Number(ix.value(list, 'copies')) >= (criminal ? 3 : 2) && ix.value(list, 'subject_signed') === 'true' && ix.value(list, 'witness_signed') === 'true'
      && ix.rel(e, 'approver').length > 0 && new Set(ix.rel(e, 'officer')).size >= 2 && ix.rel(e, 'witness').length > 0;
    if (!ok) add('PROP_SEIZURE_DOCS', e, 'docs');
    if (!criminal) {
      const accepted = ix.about(c, 'case.accepted')[0];
      if (!accepted || ix.t(accepted) > ix.t(e)) add('CRIM_PREFILING_NO_COERCION', e, 'before acceptance');
    }
  }
  for (const s of ix.of('item.stored')) {
    const custodian = ix.one(s, 'custodian') as string;
    const c = ix.objectRel(ix.one(s, 'item') as string, 'case')[0];
    const caseOfficer = ix.about(c).some((e) => !e.type.startsWith('area.') && (ix.rel(e, 'officer').includes(custodian) || ix.rel(e, 'interrogator').includes(custodian)));
    const store = ix.value(ix.one(s, 'venue') as string, 'room_type') === 'property_store';
    if (ix.value(custodian, 'role') !== 'custodian' || caseOfficer || !store) add('PROP_NO_SELF_CUSTODY', s, 'custody');
  }
  for (const f of ix.of('item.frozen')) {
    const closed = ix.about(ix.one(f, 'case') as string, 'case.closed')[0];
    const warn = ix.t(f) + 165 * DAY;
    if ((closed ? ix.t(closed) : Infinity) >= warn && warn <= asOf) add('PROP_FREEZE_TERM', f, 'freeze');
  }
}
