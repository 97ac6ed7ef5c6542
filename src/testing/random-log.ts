import { Rng } from '../demo/rng.js';
import type { OcelEvent, OcelObject } from '../interchange/types.js';

/**
 * Random but valid enforcement logs for property tests: a few stations, officers and rooms, and
 * cases whose events are drawn from every domain the rules read (intake, custody, interrogation,
 * documents, property, area, closure), compliant or not, on time or late — plus later revisions
 * and voids of earlier events. Delivered in batches the way a live feed sends them: each batch
 * holds only events that have happened by its instant, some arrive late, revisions come after.
 */
export type Rec = { object: OcelObject } | { event: OcelEvent };

export interface RandomFeed {
  reference: Rec[];
  /** Each batch with the instant it is sent at (every event in it is at or before that instant). */
  batches: Array<{ at: Date; records: Rec[] }>;
  end: Date;
}

const H = 3_600_000;
const attr = (name: string, time: string, value: string | number | boolean) => ({ name, time, value: String(value) });
const rel = (objectId: string, qualifier: string) => ({ objectId, qualifier });
const iso = (t: number) => `${new Date(t + 8 * H).toISOString().slice(0, 19)}+08:00`;
const REF = '2024-01-01T00:00:00+08:00';

const UNITS = ['unit:700000000000', 'unit:701000000000', 'unit:701510000000', 'unit:701520000000'];
const JAIL = 'unit:700077000000';
const PROCURATORATE = 'unit:700090000000';

export function randomFeed(seed: number, cases = 4): RandomFeed {
  const rng = new Rng(seed);
  const reference: Rec[] = [
    { object: { id: UNITS[0], type: 'unit', attributes: [attr('name', REF, '市局'), attr('kind', REF, 'public_security'), attr('level', REF, 'city')], relationships: [] } },
    { object: { id: UNITS[1], type: 'unit', attributes: [attr('name', REF, '分局'), attr('kind', REF, 'public_security'), attr('level', REF, 'branch')], relationships: [rel(UNITS[0], 'parent')] } },
    { object: { id: UNITS[2], type: 'unit', attributes: [attr('name', REF, '甲所'), attr('kind', REF, 'public_security'), attr('level', REF, 'station')], relationships: [rel(UNITS[1], 'parent')] } },
    { object: { id: UNITS[3], type: 'unit', attributes: [attr('name', REF, '乙所'), attr('kind', REF, 'public_security'), attr('level', REF, 'station')], relationships: [rel(UNITS[1], 'parent')] } },
    { object: { id: JAIL, type: 'unit', attributes: [attr('name', REF, '看守所'), attr('kind', REF, 'public_security'), attr('level', REF, 'detention_center')], relationships: [rel(UNITS[0], 'parent')] } },
    { object: { id: PROCURATORATE, type: 'unit', attributes: [attr('name', REF, '检察院'), attr('kind', REF, 'procuratorate')], relationships: [] } },
  ];
  const officers: string[] = [];
  for (let i = 0; i < 6; i++) {
    const id = `officer:9${i}`;
    officers.push(id);
    const role = i === 5 ? 'auxiliary' : i === 4 ? 'leader' : i === 3 ? 'custodian' : 'lead';
    reference.push({ object: { id, type: 'officer', attributes: [attr('name', REF, `警${i}`), attr('badge_no', REF, `9${i}`), attr('role', REF, role)], relationships: [rel(UNITS[2 + (i % 2)], 'member_of')] } });
  }
  for (const [id, roomType] of [['venue:R1', 'interrogation_room'], ['venue:R2', 'holding_room'], ['venue:S1', 'property_store']] as const) {
    reference.push({ object: { id, type: 'venue', attributes: [attr('name', REF, id), attr('room_type', REF, roomType)], relationships: [rel(UNITS[2], 'unit')] } });
  }

  const start = Date.parse('2025-09-25T08:00:00+08:00'); // spans the 2025 National Day holidays
  const timed: Array<{ t: number; rec: Rec }> = [];
  const objects: Rec[] = [];
  /** Objects sent when they come into being, not with the reference batch. */
  const late: Array<{ t: number; rec: Rec }> = [];
  let seq = 0;
  const ev = (t: number, type: string, rels: Array<[string, string]>, attrs: Record<string, string | number | boolean> = {}): OcelEvent => {
    const e: OcelEvent = { id: `rnd:${seed}-${++seq}`, type, time: iso(t), attributes: Object.entries(attrs).map(([name, value]) => ({ name, value: String(value) })), relationships: rels.map(([id, q]) => rel(id, q)) };
    timed.push({ t, rec: { event: e } });
    return e;
  };
  const doc = (caseId: string, person: string | undefined, docType: string, t: number, extra: Record<string, string | number | boolean> = {}): string => {
    const id = `document:${caseId.slice(5)}-D${++seq}`;
    objects.push({ object: { id, type: 'document', attributes: [attr('doc_type', iso(t), docType), attr('issued_at', iso(t), iso(t)), ...Object.entries(extra).map(([k, v]) => attr(k, iso(t), v))], relationships: [rel(caseId, 'case'), ...(person ? [rel(person, 'subject')] : [])] } });
    return id;
  };

  /**
   * A stay in the case-handling area (holding room, then interrogation room, then out) and the
   * rooms' surveillance, uploaded later and linked to the room only (now and then to the case as
   * well), sometimes with a gap. The rooms are shared by every case and seed, so a segment may
   * reach other groups' stays too.
   */
  const areaStay = (caseId: string, person: string, entered: number) => {
    const moved = entered + rng.between(0.5, 3) * H;
    const left = moved + rng.between(0.5, 4) * H;
    ev(entered, 'area.entered', [[person, 'subject'], ['venue:R2', 'venue'], [caseId, 'case']], { source: 'positioning' });
    ev(moved, 'area.exited', [[person, 'subject'], ['venue:R2', 'venue'], [caseId, 'case']], { exit_kind: 'move' });
    ev(moved, 'area.entered', [[person, 'subject'], ['venue:R1', 'venue'], [caseId, 'case']], { source: 'positioning' });
    ev(left, 'area.exited', [[person, 'subject'], ['venue:R1', 'venue'], [caseId, 'case']], { exit_kind: 'final', purpose: 'release' });
    for (const [room, from, to] of [['venue:R2', entered, moved], ['venue:R1', moved, left]] as const) {
      if (!rng.chance(0.85)) continue;
      const uploaded = left + rng.between(0.5, 40) * H;
      const gap = rng.chance(0.25) ? 0.3 * H : 0;
      late.push({ t: uploaded, rec: { object: { id: `media:${caseId.slice(5)}-${room.slice(6)}-${++seq}`, type: 'media', attributes: [
        attr('kind', iso(uploaded), 'area_cctv'), attr('started_at', iso(uploaded), iso(from - 60_000 + gap)), attr('ended_at', iso(uploaded), iso(to + 60_000)),
      ], relationships: [rel(room, 'venue'), ...(rng.chance(0.2) ? [rel(caseId, 'case')] : [])] } } });
    }
  };

  for (let c = 0; c < cases; c++) {
    const caseId = `case:R${seed}C${c}`;
    const incident = `incident:R${seed}I${c}`;
    const unit = UNITS[2 + (c % 2)];
    const kind = rng.chance(0.7) ? 'criminal' : 'administrative';
    const t0 = start + rng.int(0, 72) * H;
    objects.push({ object: { id: incident, type: 'incident', attributes: [attr('channel', iso(t0), rng.pick(['110', 'walk_in'])), attr('category', iso(t0), '100100'), attr('urgent', iso(t0), rng.chance(0.3))], relationships: [rel(unit, 'unit')] } });
    objects.push({ object: { id: caseId, type: 'case', attributes: [attr('kind', iso(t0), kind), attr('category', iso(t0), kind === 'criminal' ? '050200' : '310100'), attr('loss_amount', iso(t0), 5000)], relationships: [rel(unit, 'unit'), rel(officers[c % 3], 'officer')] } });
    const suspect = `person:R${seed}C${c}S`;
    const victim = `person:R${seed}C${c}V`;
    objects.push({ object: { id: suspect, type: 'person', attributes: [attr('name', iso(t0), '某甲'), attr('role', iso(t0), 'suspect'), attr('birth_date', iso(t0), rng.pick(['1990-05-01', '2008-03-01', '1950-01-01']))], relationships: [rel(caseId, 'case')] } });
    objects.push({ object: { id: victim, type: 'person', attributes: [attr('name', iso(t0), '某乙'), attr('role', iso(t0), rng.pick(['victim', 'complainant']))], relationships: [rel(caseId, 'case')] } });

    ev(t0, 'incident.received', [[incident, 'incident'], [unit, 'unit']]);
    ev(t0 + 0.2 * H, 'incident.arrived', [[incident, 'incident'], [officers[0], 'officer']]);
    ev(t0 + 1 * H, 'incident.closed', [[incident, 'incident']], { nature: kind === 'criminal' ? 'criminal' : 'public_order' });
    // Body-cam footage, often uploaded hours or days later: an object no event names.
    if (rng.chance(0.8)) {
      const uploaded = t0 + rng.between(1.2, 60) * H;
      const gap = rng.chance(0.2) ? 0.5 * H : 0;
      late.push({ t: uploaded, rec: { object: { id: `media:R${seed}B${c}`, type: 'media', attributes: [
        attr('kind', iso(uploaded), 'bodycam'), attr('started_at', iso(uploaded), iso(t0 + 0.15 * H + gap)), attr('ended_at', iso(uploaded), iso(t0 + 1.05 * H)),
        attr('retention_until', iso(uploaded), iso(t0 + 200 * 24 * H)),
      ], relationships: [rel(incident, 'incident'), rel(officers[0], 'officer')] } } });
    }
    let t = t0 + rng.between(1.5, 30) * H;
    const accepted = ev(t, 'case.accepted', [[caseId, 'case'], [incident, 'incident'], [unit, 'unit'], [doc(caseId, undefined, '受案登记表', t), 'document']]);
    if (rng.chance(0.7)) ev(t + rng.between(0.1, 30) * H, 'notice.served', [[caseId, 'case'], [victim, 'subject']], { notice_type: 'acceptance_receipt' });
    if (kind === 'criminal') {
      if (rng.chance(0.8)) ev(t + rng.between(1, 24 * 12) * H, rng.chance(0.85) ? 'case.filed' : 'case.not_filed', [[caseId, 'case'], [officers[4], 'approver']]);
      if (rng.chance(0.3)) ev(t + rng.between(1, 48) * H, 'approval.granted', [[officers[4], 'approver'], [caseId, 'case']], { for: 'filing_review', new_limit: 'P7D', level: rng.pick(['department', 'county']), reason: 'lead_check' });
      t += rng.between(0.5, 30) * H;
      const detained = ev(t, 'person.detained', [[suspect, 'subject'], [caseId, 'case'], [officers[0], 'officer']]);
      void detained;
      if (rng.chance(0.85)) {
        const exception = rng.chance(0.2) ? rng.pick(['unreachable', 'hinder_investigation']) : undefined;
        ev(t + rng.between(1, 36) * H, 'person.family_notified', [[suspect, 'subject'], [caseId, 'case']], { measure: 'criminal_detention', ...(exception ? { exception } : {}), ...(exception && rng.chance(0.5) ? { reason: '联系不上' } : {}) });
      }
      if (rng.chance(0.85)) ev(t + rng.between(1, 30) * H, 'person.jailed', [[suspect, 'subject'], [caseId, 'case'], [JAIL, 'unit']]);
      const s0 = t + rng.between(0.2, 30) * H;
      const transcript = doc(caseId, suspect, '讯问笔录', s0, { pages: 5, signed_pages: rng.pick([5, 5, 4]), has_confirmation_phrase: rng.chance(0.9), officer_signatures: rng.pick([2, 2, 1]) });
      ev(s0, 'interrogation.started', [[suspect, 'subject'], [caseId, 'case'], [officers[0], 'interrogator'], ...(rng.chance(0.7) ? [[rng.pick([officers[1], officers[5]]), 'interrogator'] as [string, string]] : []), ['venue:R1', 'venue'], [transcript, 'document']], { kind: 'interrogation', av_recorded: true, first_time: true });
      ev(s0 + rng.between(0.5, 3) * H, 'interrogation.ended', [[suspect, 'subject'], [caseId, 'case'], [transcript, 'document']]);
      if (rng.chance(0.3)) ev(t + rng.between(1, 48) * H, 'approval.granted', [[officers[4], 'approver'], [suspect, 'subject'], [caseId, 'case']], { for: 'arrest_request', new_limit: rng.pick(['P7D', 'P30D']), level: 'county', reason: rng.pick(['serial', 'other']) });
      const r = rng.next();
      if (r < 0.6) ev(t + rng.between(24, 24 * 8) * H, 'person.arrest_requested', [[suspect, 'subject'], [caseId, 'case'], [PROCURATORATE, 'target_unit']]);
      else if (r < 0.8) ev(t + rng.between(2, 24 * 5) * H, 'person.released', [[suspect, 'subject'], [caseId, 'case']], { reason: 'other' });
    } else {
      t += rng.between(0.5, 10) * H;
      ev(t, 'person.summoned', [[suspect, 'subject'], [caseId, 'case'], [unit, 'unit'], [officers[1], 'officer']], { measure: 'admin_summons', form: rng.pick(['warrant', 'oral']) });
      const s0 = t + rng.between(0.1, 2) * H;
      const transcript = doc(caseId, suspect, '询问笔录', s0, { pages: 3, signed_pages: 3, officer_signatures: rng.pick([2, 1]) });
      ev(s0, 'interrogation.started', [[suspect, 'subject'], [caseId, 'case'], [officers[1], 'interrogator'], ...(rng.chance(0.5) ? [[officers[2], 'interrogator'] as [string, string]] : []), ['venue:R1', 'venue'], [transcript, 'document']], { kind: 'questioning', av_recorded: true });
      ev(s0 + rng.between(0.5, 2) * H, 'interrogation.ended', [[suspect, 'subject'], [caseId, 'case'], [transcript, 'document']]);
      ev(t + rng.between(2, 12) * H, 'person.summons_ended', [[suspect, 'subject'], [caseId, 'case']], { outcome: 'released' });
      if (rng.chance(0.7)) ev(accepted.time ? Date.parse(accepted.time) + rng.between(24, 24 * 40) * H : t, 'case.decided', [[caseId, 'case'], [suspect, 'subject']], { outcome: 'penalty' });
    }
    if (rng.chance(0.5)) {
      const item = `item:R${seed}C${c}`;
      const ts = t + rng.between(1, 10) * H;
      objects.push({ object: { id: item, type: 'item', attributes: [attr('description', iso(ts), '手机'), attr('value', iso(ts), 2000)], relationships: [rel(caseId, 'case')] } });
      ev(ts, 'item.seized', [[item, 'item'], [caseId, 'case'], [officers[0], 'officer'], [officers[1], 'officer']], { mode: 'seizure' });
      if (rng.chance(0.8)) ev(ts + rng.between(1, 30) * H, 'item.stored', [[item, 'item'], [rng.pick([officers[3], officers[0]]), 'custodian'], ['venue:S1', 'venue'], [caseId, 'case']], { storage: 'physical' });
    }
    if (rng.chance(0.6)) areaStay(caseId, suspect, t + rng.between(0.1, 2) * H);
  }

  // Incidents that never become cases (disputes): their group holds only their own records.
  for (let i = 0; i < 2; i++) {
    const incident = `incident:R${seed}D${i}`;
    const t0 = start + rng.int(0, 96) * H;
    objects.push({ object: { id: incident, type: 'incident', attributes: [attr('channel', iso(t0), '110'), attr('category', iso(t0), '900100'), attr('urgent', iso(t0), false)], relationships: [rel(UNITS[2], 'unit')] } });
    ev(t0, 'incident.received', [[incident, 'incident'], [UNITS[2], 'unit']]);
    ev(t0 + 0.3 * H, 'incident.arrived', [[incident, 'incident'], [officers[1], 'officer']]);
    ev(t0 + 0.8 * H, 'incident.closed', [[incident, 'incident']], { nature: 'dispute' });
    const uploaded = t0 + rng.between(2, 80) * H;
    late.push({ t: uploaded, rec: { object: { id: `media:R${seed}D${i}`, type: 'media', attributes: [
      attr('kind', iso(uploaded), 'bodycam'), attr('started_at', iso(uploaded), iso(t0 + 0.25 * H)), attr('ended_at', iso(uploaded), iso(t0 + 0.85 * H)),
      attr('retention_until', iso(uploaded), iso(t0 + 200 * 24 * H)),
    ], relationships: [rel(incident, 'incident'), rel(officers[1], 'officer')] } } });
  }

  // Delivery: batches at increasing instants; an event goes in the first batch at or after its
  // time, or (late entry) a later one. Objects go with the first batch.
  timed.sort((a, b) => a.t - b.t);
  const end = timed[timed.length - 1].t + 24 * 15 * H;
  const cuts = [...new Set(Array.from({ length: rng.int(3, 6) }, () => rng.int(0, timed.length - 1)))].sort((a, b) => a - b);
  const instants = [...cuts.map((i) => timed[i].t + rng.between(0, 12) * H), end].sort((a, b) => a - b);
  const batches: RandomFeed['batches'] = instants.map((at) => ({ at: new Date(at), records: [] }));
  batches[0].records.push(...objects);
  for (const { t, rec } of timed) {
    let b = batches.findIndex((x) => x.at.getTime() >= t);
    if (rng.chance(0.15) && b < batches.length - 1) b += 1;
    batches[b].records.push(rec);
  }
  for (const { t, rec } of late) {
    const b = batches.findIndex((x) => x.at.getTime() >= t);
    batches[b < 0 ? batches.length - 1 : b].records.push(rec);
  }
  // Revisions and voids of events already sent, in a later batch (never before the event's own).
  for (const { rec } of timed.filter(() => rng.chance(0.08))) {
    const e = (rec as { event: OcelEvent }).event;
    const first = batches.findIndex((x) => x.records.includes(rec));
    if (first >= batches.length - 1) continue;
    const b = rng.int(first + 1, batches.length - 1);
    // §3.3: `revision` and `void` travel as attributes.
    const attrs = [...(e.attributes ?? []), { name: 'revision', value: '1' }];
    const revised: OcelEvent = rng.chance(0.5)
      ? { ...e, attributes: [...attrs, { name: 'void', value: 'true' }] }
      : { ...e, attributes: attrs, time: iso(Math.min(Date.parse(e.time) + rng.between(-6, 6) * H, batches[b].at.getTime())) };
    batches[b].records.push({ event: revised });
  }
  return { reference, batches, end: new Date(end) };
}
