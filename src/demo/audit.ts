/**
 * An independent reading of generated records, for the demo's own tests: it recomputes, from
 * the events alone, the rule findings of the ten planted defect kinds, so that the manifest can
 * be checked both ways (every planted defect is there; nothing unplanted looks like one).
 * It reads the contract's semantics (§8–§10) narrowly; it is not the rule engine.
 */
import type { OcelEvent, OcelObject } from '../interchange/types.js';
import type { DemoRecord } from './records.js';
import { loadHolidays } from './reference.js';
import { DAY, HOUR, MIN, localDate, localDayNumber, parseTime, startOfLocalDay } from './time.js';

export interface Finding {
  ruleId: string;
  /** The event that triggers the rule. */
  trigger: string;
  detail: string;
}

export class RecordIndex {
  readonly objects = new Map<string, OcelObject>();
  readonly events: OcelEvent[] = [];
  private readonly byType = new Map<string, OcelEvent[]>();
  private readonly byObject = new Map<string, OcelEvent[]>();
  private readonly times = new Map<OcelEvent, number>();

  constructor(records: DemoRecord[]) {
    for (const r of records) {
      if ('object' in r) this.objects.set(r.object.id, r.object);
      else this.events.push(r.event);
    }
    for (const e of this.events) {
      this.times.set(e, parseTime(e.time));
      push(this.byType, e.type, e);
      for (const rel of e.relationships ?? []) push(this.byObject, rel.objectId, e);
    }
  }

  t(e: OcelEvent): number {
    return this.times.get(e) as number;
  }

  of(type: string): OcelEvent[] {
    return this.byType.get(type) ?? [];
  }

  /** Events relating `objectId`, optionally of one type, in time order. */
  about(objectId: string, type?: string): OcelEvent[] {
    const list = this.byObject.get(objectId) ?? [];
    return type ? list.filter((e) => e.type === type) : list;
  }

  rel(e: OcelEvent, qualifier: string): string[] {
    return (e.relationships ?? []).filter((r) => r.qualifier === qualifier).map((r) => r.objectId);
  }

  one(e: OcelEvent, qualifier: string): string | undefined {
    return this.rel(e, qualifier)[0];
  }

  attr(e: OcelEvent, name: string): string | undefined {
    return e.attributes?.find((a) => a.name === name)?.value;
  }

  /** Latest value of an object attribute. */
  value(objectId: string, name: string): string | undefined {
    const attrs = this.objects.get(objectId)?.attributes ?? [];
    let best: { time: number; value: string } | undefined;
    for (const a of attrs) {
      if (a.name !== name) continue;
      const t = parseTime(a.time);
      if (!best || t >= best.time) best = { time: t, value: a.value };
    }
    return best?.value;
  }

  /** Objects with an O2O `qualifier` relationship to `targetId`. */
  referrers(targetId: string, qualifier: string): string[] {
    if (!this.inverse) {
      this.inverse = new Map();
      for (const o of this.objects.values()) for (const r of o.relationships ?? []) push(this.inverse, `${r.qualifier}|${r.objectId}`, o.id);
    }
    return this.inverse.get(`${qualifier}|${targetId}`) ?? [];
  }

  private inverse?: Map<string, string[]>;

  objectRel(objectId: string, qualifier: string): string[] {
    return (this.objects.get(objectId)?.relationships ?? []).filter((r) => r.qualifier === qualifier).map((r) => r.objectId);
  }

  /** First event of `type` about `objectId` at or after `from` matching `pred`. */
  next(objectId: string, type: string, from: number, pred: (e: OcelEvent) => boolean = () => true): OcelEvent | undefined {
    return this.about(objectId, type).find((e) => this.t(e) >= from && pred(e));
  }
}

function push<K, V>(m: Map<K, V[]>, k: K, v: V): void {
  const l = m.get(k);
  if (l) l.push(v);
  else m.set(k, [v]);
}

let holidays: { off: Set<string>; on: Set<string> } | undefined;

/** §4 day deadline: 00:00 after d0 + n, moved past non-working days unless custodial. */
export function dayDeadline(trigger: number, n: number, custodial: boolean): number {
  holidays ??= loadHolidays() ?? { off: new Set(), on: new Set() };
  let end = localDayNumber(trigger) + n;
  const working = (day: number) => {
    const date = localDate(day * DAY);
    const weekday = (day + 4) % 7;
    return holidays!.on.has(date) || (!holidays!.off.has(date) && weekday !== 0 && weekday !== 6);
  };
  while (!custodial && !working(end)) end++;
  return startOfLocalDay(end * DAY) + DAY;
}

/** Findings of the ten planted kinds' rules, as of `asOf`. */
export function plantedKindFindings(ix: RecordIndex, asOf: number): Finding[] {
  const out: Finding[] = [];
  const add = (ruleId: string, trigger: OcelEvent, detail: string) => out.push({ ruleId, trigger: trigger.id, detail });

  for (const d of ix.of('person.detained')) {
    const s = ix.one(d, 'subject') as string;
    const t = ix.t(d);
    const notice = ix.next(s, 'person.family_notified', t, (e) => ix.attr(e, 'measure') === 'criminal_detention');
    const excused = notice && ix.attr(notice, 'exception') && ix.attr(notice, 'reason');
    const noticeAt = notice ? ix.t(notice) : Infinity;
    if (!excused && noticeAt > t + 24 * HOUR && t + 24 * HOUR <= asOf) add('CRIM_DETENTION_NOTIFY_FAMILY_24H', d, 'family notice');
    const jail = ix.next(s, 'person.jailed', t);
    if ((jail ? ix.t(jail) : Infinity) > t + 24 * HOUR && t + 24 * HOUR <= asOf) add('CRIM_DETENTION_TO_JAIL_24H', d, 'jail');
  }

  for (const a of ix.of('case.accepted')) {
    const c = ix.one(a, 'case') as string;
    const t = ix.t(a);
    if (ix.value(c, 'kind') === 'criminal') {
      const ext = ix.about(c, 'approval.granted').find((e) => ix.attr(e, 'for') === 'filing_review');
      const days = ext ? Number(/P(\d+)D/.exec(ix.attr(ext, 'new_limit') ?? '')?.[1] ?? 3) : 3;
      const deadline = dayDeadline(t, ext && ix.t(ext) < dayDeadline(t, 3, false) ? days : 3, false);
      const decision = ix.about(c).find((e) => e.type === 'case.filed' || e.type === 'case.not_filed');
      if ((decision ? ix.t(decision) : Infinity) >= deadline && deadline <= asOf) add('CRIM_FILING_REVIEW_3_7_30D', a, 'filing');
    }
    const receipt = ix.next(c, 'notice.served', t, (e) => ix.attr(e, 'notice_type') === 'acceptance_receipt');
    const form = ix.rel(a, 'document').some((d) => ix.value(d, 'doc_type') === '受案登记表');
    if ((!form || (receipt ? ix.t(receipt) : Infinity) > t + 24 * HOUR) && t + 24 * HOUR <= asOf) add('INTAKE_FORM_AND_RECEIPT', a, 'receipt');
  }

  for (const e of ix.of('interrogation.started')) {
    const c = ix.one(e, 'case');
    const admin = c !== undefined && ix.value(c, 'kind') === 'administrative';
    if (ix.attr(e, 'kind') === 'interrogation' || admin) {
      const sworn = new Set(ix.rel(e, 'interrogator').filter((o) => ix.value(o, 'role') !== 'auxiliary'));
      if (sworn.size < 2) add('INTV_TWO_OFFICERS', e, 'one interrogator');
    }
    const doc = ix.one(e, 'document') as string;
    const pages = ix.value(doc, 'pages');
    if (pages !== undefined) {
      const ok = ix.value(doc, 'signed_pages') === pages && Number(ix.value(doc, 'officer_signatures')) >= 2
        && (admin || ix.value(doc, 'has_confirmation_phrase') === 'true');
      if (!ok) add('INTV_TRANSCRIPT_SIGNATURES', e, 'signatures');
    }
  }

  for (const e of ix.of('item.seized').concat(ix.of('item.frozen'))) {
    const t = ix.t(e);
    const late = ix.rel(e, 'item').some((i) => {
      const stored = ix.next(i, 'item.stored', t);
      return (stored ? ix.t(stored) : Infinity) > t + 24 * HOUR;
    });
    if (late && t + 24 * HOUR <= asOf) add('PROP_HANDOVER_24H', e, 'handover');
  }

  areaFindings(ix, asOf, add);
  bodycamFindings(ix, asOf, add);
  return out;
}

/** Stays of subjects: first entry to final exit (§9.2). */
function areaFindings(ix: RecordIndex, asOf: number, add: (r: string, e: OcelEvent, d: string) => void): void {
  const bySubject = new Map<string, OcelEvent[]>();
  for (const e of ix.of('area.entered').concat(ix.of('area.exited'))) {
    const s = ix.one(e, 'subject');
    if (s) push(bySubject, s, e);
  }
  for (const [subject, list] of bySubject) {
    list.sort((a, b) => ix.t(a) - ix.t(b));
    const entry = list[0];
    const exit = list.find((e) => e.type === 'area.exited' && ix.attr(e, 'exit_kind') === 'final');
    const start = ix.t(entry);
    const end = exit ? ix.t(exit) : asOf;
    const check = ix.next(subject, 'area.security_checked', start, (e) => ix.t(e) <= end);
    const session = ix.next(subject, 'interrogation.started', start, (e) => ix.t(e) <= end);
    const due = start + 15 * MIN <= asOf;
    if ((!check && due) || (check && ix.t(check) > start + 15 * MIN) || (session && (!check || ix.t(session) < ix.t(check)))) {
      add('AREA_ENTRY_SECURITY_CHECK', entry, 'security check');
    }
    if (end - start > stayLimit(ix, subject, start)) add('AREA_MAX_STAY', entry, 'stay');
  }
}

/** The earliest applicable limit of AREA_MAX_STAY for a stay starting at `start`. */
function stayLimit(ix: RecordIndex, subject: string, start: number): number {
  const limits = [24 * HOUR];
  const around = (e: OcelEvent) => Math.abs(ix.t(e) - start) < 2 * HOUR;
  for (const e of ix.about(subject)) {
    const t = ix.t(e) - start;
    if (e.type === 'person.summoned' && around(e)) limits.push(t + (ix.attr(e, 'measure') === 'admin_summons' ? 8 : 12) * HOUR);
    if (e.type === 'person.detained' && t < 24 * HOUR) limits.push(t + 24 * HOUR);
    if (e.type === 'person.admin_detention_decided' && t < 24 * HOUR) limits.push(t + 6 * HOUR);
  }
  return Math.min(...limits);
}

function bodycamFindings(ix: RecordIndex, asOf: number, add: (r: string, e: OcelEvent, d: string) => void): void {
  const media = new Map<string, OcelObject[]>();
  for (const o of ix.objects.values()) {
    if (o.type !== 'media' || ix.value(o.id, 'kind') !== 'bodycam') continue;
    for (const i of ix.objectRel(o.id, 'incident')) push(media, i, o);
  }
  for (const arrived of ix.of('incident.arrived')) {
    const incident = ix.one(arrived, 'incident') as string;
    const closed = ix.about(incident, 'incident.closed')[0];
    if (!closed || ix.t(closed) + 24 * HOUR > asOf) continue;
    const segments = (media.get(incident) ?? [])
      .map((m) => [parseTime(ix.value(m.id, 'started_at') as string), parseTime(ix.value(m.id, 'ended_at') as string), parseTime(ix.value(m.id, 'retention_until') as string)])
      .sort((a, b) => a[0] - b[0]);
    let covered = ix.t(arrived);
    for (const [a, b] of segments) if (a <= covered + MIN) covered = Math.max(covered, b);
    // Six calendar months are at most 184 days.
    const kept = segments.every(([a, , r]) => r >= a + 184 * DAY);
    if (covered < ix.t(closed) || !kept) add('INC_BODYCAM_REQUIRED', arrived, 'bodycam');
  }
}
