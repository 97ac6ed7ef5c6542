/**
 * Criminal custody after a 刑事拘留: admission to the 看守所 (CRIM_DETENTION_TO_JAIL_24H), the
 * family notice (CRIM_DETENTION_NOTIFY_FAMILY_24H), then within the request period either a
 * request for arrest (CRIM_DETENTION_ARREST_REQUEST_DEADLINE) followed by the procuratorate's
 * decision, the arrest, its notice and interrogation, or bail. Late admissions and late family
 * notices are planted here.
 */
import type { CaseFile } from './context.js';
import { freePair, interrogate, officerPool } from './interrogation.js';
import { DAY, HOUR, MIN, atLocal } from './time.js';
import { type Officer, leaderOf, roomsOf } from './units.js';

export interface Detention {
  person: string;
  detainedAt: number;
  detainedEventId: string;
  /** When the person left the case-handling area for the 看守所. */
  leftAreaAt: number;
  officers: Officer[];
  warrant: string;
  /** Several suspects: a 30-day request period for a gang is possible. */
  gang: boolean;
}

export interface CustodyOutcome {
  arrestedAt?: number;
  bailAt?: number;
}

export function custody(cf: CaseFile, d: Detention): CustodyOutcome {
  const { rng, world } = cf;
  const { planner } = world;
  const { person, detainedAt: t } = d;

  const lateJail = planner.consider('late_jail', t + 35 * HOUR);
  const jailedAt = lateJail ? t + planner.rng.int(25 * 60, 34 * 60) * MIN : d.leftAreaAt + rng.int(20, 60) * MIN;
  const jailed = cf.event('ajgl', 'person.jailed', jailedAt, {}, [['subject', person], ['unit', cf.branch.jail.id], ['document', d.warrant]]);
  if (lateJail) {
    planner.record({
      kind: 'late_jail', caseId: cf.id, subjectId: person, eventIds: [d.detainedEventId, jailed],
      detail: `admitted to the 看守所 ${((jailedAt - t) / HOUR).toFixed(1)} h after detention`,
    });
  }
  const noticeAt = familyNotice(cf, d);

  // Everything next waits for the person to be admitted and the family told.
  const ready = Math.max(jailedAt, noticeAt) + HOUR;
  const day = (n: number) => Math.max(ready, atLocal(t, n, rng.int(9, 16), rng.int(0, 59)));
  if (rng.chance(cf.profile.detain >= 1 ? 0.9 : 0.6)) {
    const approver = leaderOf(cf.branch.unit);
    let requestAt = day(rng.int(1, 2));
    const extend = rng.chance(d.gang ? 0.15 : 0.05);
    if (extend) {
      const limit = d.gang ? 'P30D' : 'P7D';
      cf.event('ajgl', 'approval.granted', atLocal(t, 1, rng.int(10, 15), rng.int(0, 59)), {
        for: 'arrest_request', new_limit: limit, level: 'county', reason: d.gang ? 'gang' : 'complex',
      }, [['approver', approver.id], ['subject', person]]);
      requestAt = day(d.gang ? rng.int(8, 20) : rng.int(4, 5));
    }
    return requestArrest(cf, d, requestAt);
  }
  const bailAt = day(rng.int(1, 2));
  startBail(cf, person, bailAt);
  return { bailAt };
}

/** 拘留通知书 to the family, usually within hours; rarely impossible and recorded so. */
function familyNotice(cf: CaseFile, d: Detention): number {
  const { rng, world } = cf;
  const { planner } = world;
  // Only with a single suspect: a co-suspect's arrest request would otherwise find the notice
  // missing from the dossier, and DOSSIER_STAGE_REQUIRED_DOCS would fire as well.
  const late = !d.gang && planner.consider('late_family_notice', d.detainedAt + 37 * HOUR);
  const at = d.detainedAt + (late ? planner.rng.int(26 * 60, 36 * 60) : rng.int(40, 10 * 60)) * MIN;
  const notice = cf.doc('拘留通知书', at - rng.int(5, 30) * MIN, [d.person]);
  const unreachable = !late && rng.chance(0.02);
  const id = cf.event('ajgl', 'person.family_notified', at, unreachable
    ? { measure: 'criminal_detention', exception: 'unreachable', reason: '家属电话多次无人接听，已书面记录并继续联系' }
    : { measure: 'criminal_detention', method: 'phone' }, [['subject', d.person], ['officer', d.officers[0].id], ['document', notice]]);
  if (late) {
    planner.record({
      kind: 'late_family_notice', caseId: cf.id, subjectId: d.person, eventIds: [d.detainedEventId, id],
      detail: `family notified ${((at - d.detainedAt) / HOUR).toFixed(1)} h after detention, no exception recorded`,
    });
  }
  return at;
}

function requestArrest(cf: CaseFile, d: Detention, at: number): CustodyOutcome {
  const { rng } = cf;
  const prosecutor = cf.branch.procuratorate;
  const request = cf.doc('提请批准逮捕书', at - rng.int(60, 180) * MIN, [d.person]);
  cf.event('ajgl', 'person.arrest_requested', at, {}, [['subject', d.person], ['target_unit', prosecutor.id], ['document', request]]);
  cf.stages.push(at);
  const decidedAt = atLocal(at, rng.int(2, 5), rng.int(10, 17), rng.int(0, 59));
  if (rng.chance(0.1)) {
    const denial = cf.doc('不批准逮捕决定书', decidedAt, [d.person]);
    cf.event('ajgl', 'person.arrest_denied', decidedAt, {}, [['subject', d.person], ['unit', prosecutor.id], ['document', denial]]);
    // Released on bail within the hours the denial allows (CRIM_ARREST_DENIED_RELEASE).
    const bailAt = decidedAt + rng.int(40, 150) * MIN;
    startBail(cf, d.person, bailAt);
    const receipt = cf.doc('执行回执', bailAt + rng.int(2, 20) * HOUR, [d.person]);
    cf.event('ajgl', 'notice.served', bailAt + rng.int(21, 28) * HOUR, { notice_type: 'execution_receipt', method: 'in_person' }, [
      ['target_unit', prosecutor.id], ['document', receipt],
    ]);
    return { bailAt };
  }
  const approval = cf.doc('批准逮捕决定书', decidedAt, [d.person]);
  cf.event('ajgl', 'person.arrest_approved', decidedAt, {}, [['subject', d.person], ['unit', prosecutor.id], ['document', approval]]);
  const arrestedAt = decidedAt + rng.int(60, 300) * MIN;
  const warrant = cf.doc('逮捕证', decidedAt + rng.int(20, 50) * MIN, [d.person]);
  // Two officers execute an arrest (CRIM_ARREST_EXECUTION), even when one questioned alone.
  const arresters = freePair(cf, d.officers, arrestedAt - HOUR, arrestedAt + HOUR);
  cf.event('ajgl', 'person.arrested', arrestedAt, {}, [
    ['subject', d.person], ...arresters.map((o) => ['officer', o.id] as const), ['document', warrant],
  ]);
  // The execution receipt goes back to the approving procuratorate within 3 days (MPS-C art.143).
  const receiptAt = arrestedAt + rng.int(4, 48) * HOUR;
  const receipt = cf.doc('执行回执', receiptAt - rng.int(30, 120) * MIN, [d.person]);
  cf.event('ajgl', 'notice.served', receiptAt, { notice_type: 'execution_receipt', method: 'in_person' }, [
    ['target_unit', prosecutor.id], ['document', receipt],
  ]);
  const noticeAt = arrestedAt + rng.int(2 * 60, 12 * 60) * MIN;
  const notice = cf.doc('逮捕通知书', noticeAt - rng.int(5, 30) * MIN, [d.person]);
  cf.event('ajgl', 'person.family_notified', noticeAt, { measure: 'arrest', method: 'phone' }, [
    ['subject', d.person], ['officer', d.officers[0].id], ['document', notice],
  ]);
  // Interrogated in the 看守所 within the day (CRIM_ARREST_INTERROGATE_24H).
  interrogate(cf, {
    subject: d.person, interrogators: d.officers, pool: officerPool(cf), kind: 'interrogation', first: false,
    earliest: arrestedAt + rng.int(2 * 60, 10 * 60) * MIN, minutes: [40, 90], rooms: roomsOf(cf.branch.jail, 'detention_center_interrogation'),
  });
  return { arrestedAt };
}

export function startBail(cf: CaseFile, person: string, at: number): void {
  const decision = cf.doc('取保候审决定书', at - cf.rng.int(10, 60) * MIN, [person]);
  // A guarantor or a deposit, never both (CRIM_BAIL_FORM, MPS-C art.83–89).
  const form = cf.doc(cf.rng.chance(0.6) ? '保证书' : '收取保证金通知书', at - cf.rng.int(5, 50) * MIN, [person], { subject_signed: true });
  cf.event('ajgl', 'person.bail_started', at, {}, [['subject', person], ['document', decision], ['document', form]]);
  cf.bailed.push(person);
}

/** Bail ends when the case goes to the procuratorate (CRIM_BAIL_MAX_12M). */
export function endBail(cf: CaseFile, at: number): void {
  for (const person of cf.bailed) {
    const doc = cf.doc('解除取保候审决定书', at, [person]);
    cf.event('ajgl', 'person.bail_ended', at + cf.rng.int(5, 60) * MIN, {}, [['subject', person], ['document', doc]]);
  }
}

/** Latest transfer to the procuratorate after an arrest: two weeks inside the 2-month limit's warning. */
export const CUSTODY_LIMIT = 42 * DAY;
