/**
 * Suspects of a filed criminal case: caught on the scene and brought in, summoned by warrant, or
 * detained on a warrant; questioned in the case-handling area; detained and sent to the 看守所, or
 * released (often on bail); property seized and returned; finally the case goes to the
 * procuratorate (移送审查起诉) and is closed. No coercive measure precedes the filing
 * (CRIM_PREFILING_NO_COERCION).
 */
import { AreaStay } from './area.js';
import type { Intake } from './cases.js';
import type { CaseFile } from './context.js';
import { CUSTODY_LIMIT, type CustodyOutcome, custody, endBail, startBail } from './custody.js';
import { personFacts } from './names.js';
import { type Item, freeze, recordRecovery, returnToVictim, seize } from './property.js';
import { keepInvestigating } from './investigation.js';
import { keepRecoveryOnSchedule } from './recovery.js';
import { DAY, HOUR, MIN, atLocal, localHour } from './time.js';
import { freePair, officerPool } from './interrogation.js';
import { type Officer, leaderOf } from './units.js';

export function handleCriminal(cf: CaseFile, intake: Intake): void {
  const { rng, profile } = cf;
  const filedAt = intake.filedAt as number;
  const count = rng.int(profile.suspects[0], profile.suspects[1]);
  const onScene = intake.flow === 'on_scene';
  const identifiedAt = onScene ? (intake.arrival as number) : atLocal(filedAt, rng.int(1, 30), rng.int(7, 18), rng.int(0, 59));
  const outcomes: CustodyOutcome[] = [];
  let solvedAt = Infinity;
  const suspects: string[] = [];
  const items: Item[] = [];
  let last = filedAt;
  for (let i = 0; i < count; i++) {
    // Co-suspects come in one after another, each checked and questioned in turn.
    const t0 = identifiedAt + i * (onScene ? rng.int(12, 15) : rng.int(20, 90)) * MIN;
    const officers = freePair(cf, cf.officers.slice(0, 2), t0 - 30 * MIN, t0 + 3 * HOUR);
    const facts = personFacts(rng, t0, { male: 0.88, minAge: 18, maxAge: 65 });
    const person = cf.person('suspect', t0 - 10 * MIN, facts, facts.gender === 'female' ? { pregnant: false, nursing: false } : {},
      onScene ? intake.incident.id : undefined);
    if (i === 0 && profile.freeze && !onScene) items.push(freeze(cf, Math.max(filedAt + HOUR, t0 - rng.int(1, 24) * HOUR), person));
    suspects.push(person);
    const r = suspect(cf, intake, { person, t0, officers, gang: count > 1, seizeFrom: i === 0 });
    items.push(...r.items);
    outcomes.push(r.outcome);
    solvedAt = Math.min(solvedAt, r.firstMeasure ?? Infinity);
    last = Math.max(last, r.until);
  }
  const stolen = items.filter((x) => x.returnable && !isFrozen(cf, x));
  if (intake.victim && stolen.length > 0) {
    const at = last + rng.int(3, 15) * DAY;
    returnToVictim(cf, at, stolen, intake.reporter);
    last = Math.max(last, at + 3 * HOUR);
  }
  prosecute(cf, {
    outcomes, items, last, solvedAt, suspects, victim: intake.victim ? intake.reporter : undefined, knownAt: Math.max(filedAt, identifiedAt),
  });
}

const isFrozen = (cf: CaseFile, item: Item): boolean => cf.rec.value(item.id, 'category') === 'deposit';

interface SuspectSpec {
  person: string;
  t0: number;
  officers: Officer[];
  gang: boolean;
  seizeFrom: boolean;
}

/** What became of a suspect; `firstMeasure` is the first coercive measure (破案 for ASSET_RECOVERY_PROGRESS). */
interface SuspectResult {
  outcome: CustodyOutcome;
  items: Item[];
  until: number;
  firstMeasure?: number;
}

function suspect(cf: CaseFile, intake: Intake, s: SuspectSpec): SuspectResult {
  const { rng, profile } = cf;
  const filedAt = intake.filedAt as number;
  const { person, t0, officers } = s;
  const detain = rng.chance(profile.detain);
  const rel = (o: Officer[]) => o.map((x) => ['officer', x.id] as const);
  let warrant: string | undefined;
  let detainedAt: number | undefined;
  let detainedEventId = '';
  let summoned = false;
  let arrivedAt = t0;

  if (intake.flow === 'on_scene') {
    cf.event('ajgl', 'person.brought_in', t0, { basis: intake.incident.arrivedAt === undefined ? 'citizen_handover' : 'on_scene' }, [
      ['subject', person], ['incident', intake.incident.id], ['unit', cf.unit.id], ...rel(officers),
    ]);
  } else if (detain && rng.chance(0.45)) {
    // Detained on a warrant where found, then brought in.
    ({ warrant, detainedAt, detainedEventId } = detention(cf, person, t0, officers));
    arrivedAt = t0 + rng.int(20, 50) * MIN;
    cf.event('ajgl', 'person.brought_in', arrivedAt, { basis: 'detention' }, [['subject', person], ['unit', cf.unit.id], ...rel(officers)]);
  } else {
    const summons = cf.doc('传唤证', t0 - rng.int(30, 120) * MIN, [person], { subject_signed: true, times_recorded: true });
    cf.event('ajgl', 'person.summoned', t0, { measure: 'criminal_summons', form: 'warrant' }, [
      ['subject', person], ['unit', cf.unit.id], ...rel(officers), ['document', summons],
    ]);
    summoned = true;
  }

  const stay = new AreaStay(cf, cf.area, person, officers, arrivedAt + rng.int(2, 10) * MIN);
  const pool = officerPool(cf);
  const first = stay.session({
    interrogators: officers, pool, kind: 'interrogation', first: true,
    earliest: Math.max(stay.start + 15 * MIN, filedAt + 5 * MIN), minutes: [60, 150],
  });
  const items = s.seizeFrom && profile.seize ? seize(cf, first.end + rng.int(5, 20) * MIN, person, profile.seize, officers) : [];
  let after = first.end + (items.length > 0 ? 25 * MIN : 0);

  if (detainedAt === undefined && detain) {
    ({ warrant, detainedAt, detainedEventId } = detention(cf, person, after + rng.int(10, 40) * MIN, officers));
    if (summoned) cf.event('ajgl', 'person.summons_ended', detainedAt, { outcome: 'detained' }, [['subject', person]]);
    // Questioned again after the detention (CRIM_DETENTION_INTERROGATE_24H).
    after = stay.session({
      interrogators: first.interrogators, pool, kind: 'interrogation', first: false, earliest: detainedAt + 10 * MIN, minutes: [25, 60],
    }).end;
  }
  if (detainedAt !== undefined) {
    const leftAreaAt = stay.leave(after + rng.int(15, 45) * MIN, { kind: 'final', purpose: 'to_jail', escorts: officers });
    const outcome = custody(cf, {
      person, detainedAt, detainedEventId, leftAreaAt, officers: first.interrogators, warrant: warrant as string, gang: s.gang,
    });
    return { outcome, items, until: outcome.arrestedAt ?? outcome.bailAt ?? leftAreaAt, firstMeasure: summoned ? t0 : detainedAt };
  }
  const release = after + rng.int(20, 60) * MIN;
  if (summoned) cf.event('ajgl', 'person.summons_ended', release - 5 * MIN, { outcome: 'released', handed_over: 'self' }, [['subject', person]]);
  const out = stay.leave(release, { kind: 'final', purpose: 'release', escorts: [] });
  if (rng.chance(0.8)) {
    const bailAt = out - rng.int(5, 15) * MIN;
    startBail(cf, person, bailAt);
    return { outcome: { bailAt }, items, until: out, firstMeasure: summoned ? t0 : bailAt };
  }
  return { outcome: {}, items, until: out, firstMeasure: summoned ? t0 : undefined };
}

/** 刑事拘留 on a 拘留证 approved at county level. */
function detention(cf: CaseFile, person: string, at: number, officers: Officer[]): { warrant: string; detainedAt: number; detainedEventId: string } {
  const approver = leaderOf(cf.branch.unit);
  const warrant = cf.doc('拘留证', at - cf.rng.int(20, 60) * MIN, [person], { subject_signed: true });
  const detainedEventId = cf.event('ajgl', 'person.detained', at, {}, [
    ['subject', person], ...officers.map((o) => ['officer', o.id] as const), ['unit', cf.unit.id], ['approver', approver.id],
    ['document', warrant],
  ]);
  return { warrant, detainedAt: at, detainedEventId };
}

/** What the suspects' handling leaves for the end of the investigation. */
interface Investigation {
  outcomes: CustodyOutcome[];
  items: Item[];
  /** When the last suspect's handling or the return of property ended. */
  last: number;
  /** 破案: the first coercive measure (Infinity when none was taken). */
  solvedAt: number;
  suspects: string[];
  victim?: string;
  /** Filed and a suspect on record: from here the investigation must not stall. */
  knownAt: number;
}

/**
 * 移送审查起诉 within the custody limit of the earliest arrest, or some months after bail, with
 * the recovery and the investigation kept going until then; the suspects are told, bail ends and
 * the case closes.
 */
function prosecute(cf: CaseFile, { outcomes, items, last, solvedAt, suspects, victim, knownAt }: Investigation): void {
  const { rng } = cf;
  const arrests = outcomes.map((o) => o.arrestedAt).filter((t): t is number => t !== undefined);
  let sentAt = arrests.length > 0
    ? Math.min(...arrests) + rng.int(20, 40) * DAY
    : Math.max(last, ...outcomes.map((o) => o.bailAt ?? 0)) + rng.int(30, 110) * DAY;
  sentAt = Math.max(sentAt, last + DAY);
  if (arrests.length > 0) sentAt = Math.min(sentAt, Math.min(...arrests) + CUSTODY_LIMIT);
  sentAt = atLocal(sentAt, 0, rng.int(9, 16), rng.int(0, 59));
  if (Number.isFinite(solvedAt)) keepRecoveryOnSchedule(cf, solvedAt, sentAt);
  const frozen = items.filter((i) => isFrozen(cf, i));
  if (frozen.length > 0) recordRecovery(cf, sentAt - rng.int(1, 3) * DAY, frozen);
  keepInvestigating(cf, knownAt, sentAt - DAY, suspects, victim);
  const prosecutor = cf.branch.procuratorate;
  const docs = [cf.doc('结案报告', sentAt - DAY), cf.doc('起诉意见书', sentAt - rng.int(2, 8) * HOUR)];
  if (items.length > 0) docs.push(cf.doc('随案移送清单', sentAt - rng.int(1, 4) * HOUR, [], { copies: 2 }));
  cf.event('ajgl', 'case.sent_for_prosecution', sentAt, {}, [['target_unit', prosecutor.id], ...docs.map((d) => ['document', d] as const)]);
  cf.stages.push(sentAt);
  // The suspects are told of the transfer the same day or the next morning (CPL art.162).
  const toldAt = localHour(sentAt) < 15 ? sentAt + rng.int(30, 120) * MIN : atLocal(sentAt, 1, rng.int(9, 11), rng.int(0, 59));
  for (const person of suspects) {
    const notice = cf.doc('移送审查起诉告知书', toldAt - rng.int(5, 20) * MIN, [person]);
    cf.event('ajgl', 'notice.served', toldAt + rng.int(0, 20) * MIN, { notice_type: 'transfer_notice', method: 'in_person' }, [
      ['subject', person], ['document', notice],
    ]);
  }
  endBail(cf, sentAt);
  const closedAt = Math.max(sentAt + rng.int(1, 3) * DAY, toldAt + 2 * HOUR);
  cf.event('ajgl', 'case.closed', closedAt, {}, []);
  cf.stages.push(closedAt);
}
