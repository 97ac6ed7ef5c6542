/**
 * Suspects of an administrative (治安) case: summoned (orally on the scene, handed over by the
 * reporter, or by warrant later), questioned by two officers with the family told within the hour
 * (ADMIN_SUMMONS_DURATION, ADMIN_SUMMONS_NOTIFY_FAMILY), told of a proposed penalty before it is
 * decided (ADMIN_PRE_DECISION_NOTICE_AND_HEARING), then decided within the time limit and served
 * (ADMIN_CASE_TIME_LIMIT, ADMIN_DECISION_SERVICE): a fine or warning later, or 行政拘留 on
 * the spot with the family told and the person taken to the 拘留所 (ADMIN_DETENTION_*).
 */
import { AreaStay } from './area.js';
import type { Intake } from './cases.js';
import type { CaseFile } from './context.js';
import { personFacts } from './names.js';
import { type Item, returnToVictim, seize } from './property.js';
import { DAY, HOUR, MIN, atLocal, localDate, localHour, startOfLocalDay } from './time.js';
import { freePair, officerPool } from './interrogation.js';
import { type Officer, leaderOf } from './units.js';

interface Questioned {
  person: string;
  stay: AreaStay;
  officers: Officer[];
  sessionEnd: number;
  detain: boolean;
}

export function handleAdministrative(cf: CaseFile, intake: Intake): void {
  const { rng, profile } = cf;
  const count = rng.int(profile.suspects[0], profile.suspects[1]);
  const onScene = intake.flow === 'on_scene';
  const t0 = onScene ? (intake.arrival as number) : atLocal(intake.acceptedAt, rng.int(1, 10), rng.int(8, 17), rng.int(0, 59));
  const form = !onScene ? 'warrant' : intake.incident.arrivedAt === undefined ? 'citizen_handover' : 'oral';
  const questioned: Questioned[] = [];
  const items: Item[] = [];
  for (let i = 0; i < count; i++) {
    // Co-suspects come in one after another, each checked and questioned in turn.
    const at = t0 + i * (onScene ? rng.int(12, 15) : rng.int(10, 40)) * MIN;
    const officers = freePair(cf, cf.officers.slice(0, 2), at - 30 * MIN, at + 3 * HOUR);
    const facts = personFacts(rng, at, { male: profile.key === 'prostitution' && i === 1 ? 0 : 0.85, minAge: 18, maxAge: 65 });
    const person = cf.person('suspect', at - 10 * MIN, facts, facts.gender === 'female' ? { pregnant: false, nursing: false } : {},
      onScene ? intake.incident.id : undefined);
    const q = summonAndQuestion(cf, person, at, form, officers);
    if (profile.seize && (i === 0 || profile.key === 'gambling')) items.push(...seize(cf, q.sessionEnd + rng.int(5, 15) * MIN, person, profile.seize, officers));
    questioned.push(q);
  }
  decide(cf, intake, questioned, items);
}

function summonAndQuestion(cf: CaseFile, person: string, at: number, form: string, officers: Officer[]): Questioned {
  const { rng } = cf;
  const docs: string[] = [];
  if (form === 'warrant') docs.push(cf.doc('传唤证', at - rng.int(60, 180) * MIN, [person], { subject_signed: true, times_recorded: true }));
  cf.event('ajgl', 'person.summoned', at, { measure: 'admin_summons', form }, [
    ['subject', person], ['unit', cf.unit.id], ...officers.map((o) => ['officer', o.id] as const), ...docs.map((d) => ['document', d] as const),
  ]);
  const stay = new AreaStay(cf, cf.area, person, officers, at + rng.int(2, 8) * MIN);
  // The family is told at once, just before the questioning; the notice is the first entry of the 询问笔录.
  const openedAt = stay.start + rng.int(10, 25) * MIN;
  const transcript = cf.transcript('询问笔录', openedAt, person);
  let noticeAt = openedAt + rng.int(2, 8) * MIN;
  const session = stay.session({
    interrogators: officers, pool: officerPool(cf), kind: 'questioning', first: true, earliest: noticeAt + 2 * MIN, minutes: [40, 90],
    timesRecorded: form !== 'warrant', transcript,
  }, ['interrogation_room', 'inquiry_room']);
  // A 笔录 is dated by its start: a call made before midnight for one begun after it waits for the new day.
  if (localDate(noticeAt) !== localDate(session.start)) noticeAt = Math.min(Math.max(startOfLocalDay(session.start), session.start - 2 * MIN), at + 50 * MIN);
  cf.event('ajgl', 'person.family_notified', noticeAt, { measure: 'admin_summons', method: 'phone' }, [
    ['subject', person], ['officer', officers[0].id], ['document', transcript],
  ]);
  return { person, stay, officers, sessionEnd: session.end, detain: rng.chance(cf.profile.detain) };
}

/**
 * With a 行政拘留 the whole case is decided while the suspects are still there; otherwise they go
 * home and the decision follows within days.
 */
function decide(cf: CaseFile, intake: Intake, questioned: Questioned[], items: Item[]): void {
  const { rng } = cf;
  const onTheSpot = questioned.some((q) => q.detain);
  const lastSession = Math.max(...questioned.map((q) => q.sessionEnd));
  let decidedAt = lastSession + rng.int(20, 40) * MIN;
  let last = decidedAt;
  if (!onTheSpot) {
    for (const q of questioned) {
      const release = q.sessionEnd + rng.int(15, 45) * MIN;
      cf.event('ajgl', 'person.summons_ended', release - 2 * MIN, { outcome: 'released', handed_over: 'self' }, [['subject', q.person]]);
      last = Math.max(last, q.stay.leave(release, { kind: 'final', purpose: 'release', escorts: [] }));
    }
    decidedAt = Math.max(atLocal(intake.acceptedAt, rng.int(2, 20), rng.int(9, 17), rng.int(0, 59)), last + DAY);
  }
  const penalty = onTheSpot || rng.chance(0.85);
  // Told at the end of the questioning, before the decision is drawn up.
  if (penalty) for (const q of questioned) preDecisionNotice(cf, q, q.sessionEnd + rng.int(2, 6) * MIN);
  const approver = onTheSpot ? leaderOf(cf.branch.unit) : leaderOf(cf.unit);
  const decisions = questioned.map((q) => cf.doc(penalty ? '行政处罚决定书' : '不予行政处罚决定书', decidedAt - rng.int(5, 12) * MIN, [q.person]));
  cf.event('ajgl', 'case.decided', decidedAt, { outcome: penalty ? 'penalty' : 'no_penalty' }, [
    ...questioned.map((q) => ['subject', q.person] as const), ['approver', approver.id], ...decisions.map((d) => ['document', d] as const),
  ]);
  cf.stages.push(decidedAt);
  questioned.forEach((q, i) => {
    cf.event('ajgl', 'notice.served', decidedAt + rng.int(2, 20) * MIN, { notice_type: 'decision', method: 'in_person' }, [
      ['subject', q.person], ['document', decisions[i]],
    ]);
  });
  if (intake.victim) {
    cf.event('ajgl', 'notice.served', victimCopyAt(cf, decidedAt), { notice_type: 'decision_copy_victim', method: 'in_person' }, [
      ['subject', intake.reporter], ['document', decisions[0]],
    ]);
    if (items.length > 0) returnToVictim(cf, decidedAt + rng.int(1, 4) * HOUR, items, intake.reporter);
  }
  if (onTheSpot) {
    questioned.forEach((q, i) => {
      const end = q.detain ? detainAdministratively(cf, q, decidedAt, approver, decisions[i]) : releaseAfterDecision(cf, q, decidedAt);
      last = Math.max(last, end);
    });
  }
  const closedAt = Math.max(decidedAt + rng.int(1, 5) * DAY, last + DAY);
  cf.event('ajgl', 'case.closed', closedAt, {}, []);
  cf.stages.push(closedAt);
}

/**
 * 处罚前告知 (PSAPL art.94; MPS-A art.167): the person is told the proposed penalty, its facts,
 * reasons and basis and the right to state a defence, on a 行政处罚告知笔录 entered in the file.
 */
function preDecisionNotice(cf: CaseFile, q: Questioned, at: number): void {
  const record = cf.doc('行政处罚告知笔录', at, [q.person], { subject_signed: true });
  cf.event('jzgl', 'document.filed', at + cf.rng.int(2, 6) * MIN, {}, [['document', record], ['subject', q.person]]);
}

/** The victim's copy is handed over in daytime, within the day of the decision or the next morning. */
function victimCopyAt(cf: CaseFile, decidedAt: number): number {
  const { rng } = cf;
  const at = decidedAt + rng.int(1, 5) * HOUR;
  const hour = localHour(at);
  if (hour >= 8 && hour < 20) return at;
  return atLocal(decidedAt, hour < 8 && localHour(decidedAt) < 8 ? 0 : 1, rng.int(8, 11), rng.int(0, 59));
}

function releaseAfterDecision(cf: CaseFile, q: Questioned, decidedAt: number): number {
  const release = decidedAt + cf.rng.int(10, 30) * MIN;
  cf.event('ajgl', 'person.summons_ended', release - 2 * MIN, { outcome: 'released', handed_over: 'self' }, [['subject', q.person]]);
  return q.stay.leave(release, { kind: 'final', purpose: 'release', escorts: [] });
}

/** 行政拘留: family told, taken to the 拘留所 at once, released when the days are served. */
function detainAdministratively(cf: CaseFile, q: Questioned, decidedAt: number, approver: Officer, decision: string): number {
  const { rng } = cf;
  const days = rng.pick([3, 5, 5, 7, 10, 10, 15]);
  cf.event('ajgl', 'person.admin_detention_decided', decidedAt, { days, execute: true }, [
    ['subject', q.person], ['approver', approver.id], ['document', decision],
  ]);
  cf.event('ajgl', 'person.summons_ended', decidedAt + rng.int(1, 5) * MIN, { outcome: 'other_measure' }, [['subject', q.person]]);
  const noticeAt = decidedAt + rng.int(20, 90) * MIN;
  const notice = cf.doc('行政拘留家属通知书', noticeAt - rng.int(5, 15) * MIN, [q.person]);
  cf.event('ajgl', 'person.family_notified', noticeAt, { measure: 'admin_detention', method: 'phone' }, [
    ['subject', q.person], ['officer', q.officers[0].id], ['document', notice],
  ]);
  const left = q.stay.leave(decidedAt + rng.int(30, 80) * MIN, { kind: 'final', purpose: 'to_jail', escorts: q.officers });
  const jailedAt = left + rng.int(20, 40) * MIN;
  cf.event('ajgl', 'person.jailed', jailedAt, {}, [['subject', q.person], ['unit', cf.world.city.adminJail.id], ['document', decision]]);
  const releasedAt = jailedAt + days * DAY - rng.int(2, 8) * HOUR;
  const certificate = cf.doc('解除拘留证明书', releasedAt - rng.int(10, 30) * MIN, [q.person]);
  cf.event('ajgl', 'person.released', releasedAt, { reason: 'term_expired' }, [['subject', q.person], ['document', certificate]]);
  return releasedAt;
}
