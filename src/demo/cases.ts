/**
 * From incident to case: acceptance with its form, the reporter's statement and the receipt
 * (INTAKE_FORM_AND_RECEIPT), filing or not filing of criminal cases within the review period
 * (CRIM_FILING_REVIEW_3_7_30D), then the suspects. Late receipts and overdue filing reviews are
 * planted here.
 */
import { handleAdministrative } from './admin.js';
import type { SuspectFlow } from './catalog.js';
import { CaseFile, type World } from './context.js';
import { handleCriminal } from './criminal.js';
import type { Incident } from './incidents.js';
import { statement } from './investigation.js';
import { personFacts } from './names.js';
import type { Rng } from './rng.js';
import { DAY, HOUR, MIN, atLocal, compactStamp, iso } from './time.js';
import { type Unit, leaderOf, staffOf } from './units.js';

/** What intake hands on to the suspect handling. */
export interface Intake {
  incident: Incident;
  flow: SuspectFlow;
  /** On-scene suspects reach the station (到案) at this instant. */
  arrival?: number;
  acceptedAt: number;
  filedAt?: number;
  /** Victim or reporter (receives the receipt and copies). */
  reporter: string;
  victim: boolean;
}

export function openCase(world: World, rng: Rng, incident: Incident): void {
  const profile = world.profiles.get(incident.caseKey as string);
  if (!profile) throw new Error(`demo: no case profile ${incident.caseKey}`);
  const branch = incident.branch;
  const unit = profile.unit === 'station' ? incident.station : branch.brigades[profile.brigade ?? 0];
  const cf = new CaseFile(world, caseNumber(world, profile.kind, unit, incident.closedAt), profile, branch, unit, rng);
  const lead = rng.pick(staffOf(unit, 'lead'));
  cf.assign(lead, rng.pick(staffOf(unit, 'lead', 'assistant').filter((o) => o !== lead)));
  // Stations use their own area for a share of cases; brigades, and cases that may bring in more
  // suspects than a station has holding rooms to keep apart, the branch centre.
  cf.area = unit.level === 'station' && rng.chance(0.3) && profile.suspects[1] <= 2 ? unit : branch.center;

  const flow = rng.weighted(Object.keys(profile.flow) as SuspectFlow[], Object.values(profile.flow));
  const arrival = flow !== 'on_scene'
    ? undefined
    : incident.arrivedAt === undefined
      ? incident.receivedAt + rng.int(3, 10) * MIN // brought to the station by the reporter (扭送)
      : incident.closedAt + rng.int(8, 25) * MIN;
  let acceptedAt = arrival !== undefined ? arrival + rng.int(10, 30) * MIN : incident.closedAt + rng.int(10, incident.channel === 'walk_in' ? 40 : 360) * MIN;
  if (incident.registeredAt !== undefined) acceptedAt = Math.max(acceptedAt, incident.registeredAt + rng.int(10, 40) * MIN);
  const reporter = incident.reporter as string;
  world.rec.relate(reporter, [['case', cf.id]]);
  createCaseObject(cf, incident, Math.min(acceptedAt, arrival ?? acceptedAt), reporter);

  const intake: Intake = { incident, flow, arrival, acceptedAt, reporter, victim: profile.victim };
  accept(cf, intake);
  if (incident.bodycamDefect) incident.bodycamDefect.caseId = cf.id;
  if (cf.criminal) {
    if (flow === 'unknown' && rng.chance(profile.notFiled ?? 0)) {
      notFile(cf, intake);
    } else {
      intake.filedAt = file(cf, intake);
      if (flow !== 'unknown') handleCriminal(cf, intake);
    }
  } else {
    handleAdministrative(cf, intake);
  }
  serveReceipt(cf, intake);
}

function caseNumber(world: World, kind: string, unit: Unit, at: number): string {
  const month = '20' + compactStamp(at).slice(0, 4);
  const key = unit.code + month;
  const n = (world.caseSeq.get(key) ?? 0) + 1;
  world.caseSeq.set(key, n);
  return `${kind === 'criminal' ? 'A' : 'X'}${unit.code}${month}${String(n).padStart(4, '0')}`;
}

function createCaseObject(cf: CaseFile, incident: Incident, at: number, reporter: string): void {
  const { profile, rng, rec } = cf;
  const loss = profile.loss ? rng.amount(profile.loss[0], 0.9, profile.loss[1], profile.loss[2]) : undefined;
  cf.loss = loss ?? 0;
  const before = profile.key === 'fraud' || profile.key === 'card_fraud' ? rng.int(0, 72 * 60) : profile.key === 'theft' ? rng.int(0, 8 * 60) : rng.int(0, 30);
  // 「王某某被盗案」 for victims, else the place: 「西三路开设赌场案」.
  const place = /^.{3}(.{2,6}?(路|街|道|小区|花园|家园|新村|公寓|嘉园))/.exec(rec.value(incident.id, 'address') ?? '')?.[1] ?? '';
  const lead = profile.titleByVictim ? rec.value(reporter, 'name') : place;
  rec.object('case', cf.no, at, {
    kind: profile.kind,
    admin_type: profile.kind === 'administrative' ? 'public_order' : undefined,
    category: profile.category,
    charge: profile.charge,
    title: `${lead}${profile.title}`,
    amount_involved: loss?.toFixed(2),
    loss_amount: loss?.toFixed(2),
    occurred_at: iso(incident.receivedAt - before * MIN),
    av_required: profile.avRequired ?? false,
    x_synthetic: 'true',
  }, [['unit', cf.unit.id], ...cf.officers.map((o) => ['officer', o.id] as const)]);
}

/** 受案: the form, the evidence list of a walk-in, and the reporter's statement. */
function accept(cf: CaseFile, intake: Intake): void {
  const { rng } = cf;
  const t = intake.acceptedAt;
  const lead = cf.officers[0];
  const docs = [cf.doc('受案登记表', t, [intake.reporter], { doc_no: docNumber(cf, '受案', t) })];
  if (intake.incident.evidenceSubmitted) docs.push(cf.doc('接受证据材料清单', t, [intake.reporter], { subject_signed: true }));
  cf.acceptedEventId = cf.event('ajgl', 'case.accepted', t, {}, [
    ['incident', intake.incident.id], ['unit', cf.unit.id], ['officer', lead.id], ...docs.map((d) => ['document', d] as const),
  ]);
  statement(cf, intake.reporter, t + rng.int(3, 10) * MIN);
  // A bystander's statement in some cases (证人证言).
  if (rng.chance(0.25)) {
    const at = t + rng.int(60, 30 * 60) * MIN;
    const witness = cf.person('witness', at - 10 * MIN, personFacts(rng, at, { male: 0.55, minAge: 18, maxAge: 70 }));
    statement(cf, witness, at);
  }
}

/** 立案 within three days; a few after an approved extension to seven; planted ones much later. */
function file(cf: CaseFile, intake: Intake): number {
  const { rng, world } = cf;
  const t = intake.acceptedAt;
  const approver = leaderOf(cf.branch.unit);
  let filedAt: number;
  const nobodyHeld = intake.flow !== 'on_scene';
  if (nobodyHeld && world.planner.consider('overdue_filing_review', atLocal(t, 21, 0))) {
    // 13+ days: past the 3-day limit even when a holiday period extends it.
    filedAt = atLocal(t, world.planner.rng.int(13, 20), rng.int(9, 17), rng.int(0, 59));
  } else if (nobodyHeld && rng.chance(0.05)) {
    cf.event('ajgl', 'approval.granted', atLocal(t, 1, rng.int(10, 16), rng.int(0, 59)), {
      for: 'filing_review', new_limit: 'P7D', level: 'county', reason: 'lead_check',
    }, [['approver', approver.id]]);
    filedAt = atLocal(t, rng.int(4, 5), rng.int(9, 17), rng.int(0, 59));
  } else {
    filedAt = intake.arrival !== undefined ? t + rng.int(20, 80) * MIN : t + rng.int(60, 30 * 60) * MIN;
  }
  const decision = cf.doc('立案决定书', filedAt - rng.int(5, 30) * MIN, [], { doc_no: docNumber(cf, '立', filedAt) });
  const filed = cf.event('ajgl', 'case.filed', filedAt, {}, [['approver', approver.id], ['document', decision]]);
  cf.stages.push(filedAt);
  if (filedAt - t > 10 * DAY) {
    world.planner.record({
      kind: 'overdue_filing_review', caseId: cf.id, eventIds: [cf.acceptedEventId, filed],
      detail: `filed ${((filedAt - t) / DAY).toFixed(1)} days after acceptance without an approved extension`,
    });
  }
  return filedAt;
}

/** 不予立案 with the notice to the reporter the same or the next day (CRIM_NOT_FILE_NOTICE_3D). */
function notFile(cf: CaseFile, intake: Intake): void {
  const { rng } = cf;
  const at = intake.acceptedAt + rng.int(4 * 60, 40 * 60) * MIN;
  const notice = cf.doc('不予立案通知书', at - rng.int(10, 40) * MIN, [intake.reporter]);
  cf.event('ajgl', 'case.not_filed', at, {}, [['approver', leaderOf(cf.branch.unit).id], ['document', notice]]);
  cf.stages.push(at);
  cf.event('ajgl', 'notice.served', at + rng.int(30, 20 * 60) * MIN, { notice_type: 'not_file_notice', method: 'in_person' }, [
    ['subject', intake.reporter], ['document', notice],
  ]);
  const closed = at + rng.int(1, 3) * DAY;
  cf.event('ajgl', 'case.closed', closed, {}, []);
  cf.stages.push(closed);
}

/**
 * 受案回执 to the reporter within minutes; a planted late receipt comes after 24 h but before
 * the case's next stage transition, so that only the receipt rule sees it.
 */
function serveReceipt(cf: CaseFile, intake: Intake): void {
  const { rng, world } = cf;
  const t = intake.acceptedAt;
  // Any transition before the receipt would see it missing (closing ones check every stage).
  const nextStage = Math.min(Infinity, ...cf.stages.filter((s) => s > t));
  const room = Math.min(48 * HOUR, nextStage - t - 10 * MIN);
  let at = t + rng.int(2, 25) * MIN;
  const late = room > 26 * HOUR && world.planner.consider('late_acceptance_receipt', t + 49 * HOUR);
  if (late) at = t + 25 * HOUR + Math.floor(world.planner.rng.next() * (room - 25 * HOUR));
  const receipt = cf.doc('受案回执', at, [intake.reporter]);
  const served = cf.event('ajgl', 'notice.served', at, { notice_type: 'acceptance_receipt', method: 'in_person' }, [
    ['subject', intake.reporter], ['document', receipt],
  ]);
  if (late) {
    world.planner.record({
      kind: 'late_acceptance_receipt', caseId: cf.id, subjectId: intake.reporter, eventIds: [cf.acceptedEventId, served],
      detail: `receipt served ${((at - t) / HOUR).toFixed(1)} h after acceptance`,
    });
  }
}

/** 文书编号 in the local style, e.g. 东公(文)受案字〔2026〕01234号. */
function docNumber(cf: CaseFile, word: string, at: number): string {
  const year = '20' + compactStamp(at).slice(0, 2);
  return `${cf.branch.district.name.slice(0, 1)}公(${cf.unit.name.slice(0, 1)})${word}字〔${year}〕${cf.no.slice(-5)}号`;
}
