import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { GroupBuilder } from '../engine/group-builder.js';
import { AREA_QUESTIONING_LOCATION, AREA_SEPARATION_AND_SEARCH_BY_SEX } from './area-extra-rooms.js';
import { t, z, line, lines } from './area-testing.js';

/** Holding-room sharing and questioning places (catalogue §8). Local times are Asia/Shanghai. */

const CASE = 'case:C1';
const [P1, P2, P3] = ['person:P1', 'person:P2', 'person:P3'];
const d = (hhmm: string, day = 6) => `2025-05-0${day}T${hhmm}`;
const LATER = t('2025-05-20T00:00');
const ADULT = '1990-03-01';

function caseWith(persons: Record<string, Record<string, string>> = {}): GroupBuilder {
  const g = new GroupBuilder(CASE)
    .object(CASE, { kind: 'criminal' }, { unit: 'unit:STATION' })
    .object('unit:STATION', { name: '某派出所', kind: 'public_security', level: 'station' })
    .object('unit:JAIL', { name: '某看守所', kind: 'public_security', level: 'detention_center' })
    .object('unit:ADMIN_JAIL', { name: '某拘留所', kind: 'public_security', level: 'admin_detention_facility' })
    .object('venue:HOLD', { name: '候问室1', room_type: 'holding_room' }, { unit: 'unit:STATION' })
    .object('venue:HOLD2', { name: '候问室2', room_type: 'holding_room' }, { unit: 'unit:STATION' })
    .object('venue:ROOM', { name: '讯问室1', room_type: 'interrogation_room' }, { unit: 'unit:STATION' })
    .object('venue:INQ', { name: '询问室1', room_type: 'inquiry_room' }, { unit: 'unit:STATION' })
    .object('venue:WAIT', { name: '等候室', room_type: 'waiting_room' }, { unit: 'unit:STATION' })
    .object('venue:CHECK', { name: '安检室', room_type: 'security_check' }, { unit: 'unit:STATION' })
    .object('venue:JAILROOM', { name: '看守所讯问室', room_type: 'detention_center_interrogation' }, { unit: 'unit:JAIL' })
    .object('venue:ADMINROOM', { name: '拘留所谈话室', room_type: 'inquiry_room' }, { unit: 'unit:ADMIN_JAIL' })
    .object('venue:HOME', { name: '指定居所', room_type: 'residence' }, { unit: 'unit:STATION' })
    .object('venue:SCENE', { name: '现场', room_type: 'other' }, { unit: 'unit:STATION' });
  for (const [id, attrs] of Object.entries({ [P1]: { gender: 'male' }, ...persons })) {
    g.object(id, { name: '某人', role: 'suspect', birth_date: ADULT, ...attrs }, { case: CASE });
  }
  return g;
}
const enter = (g: GroupBuilder, who: string, at: string, venue = 'venue:HOLD') => g.event(`in-${who}-${at}`, 'area.entered', t(at), { source: 'positioning' }, { subject: who, venue });
const exit = (g: GroupBuilder, who: string, at: string, kind = 'final', venue = 'venue:HOLD') =>
  g.event(`out-${who}-${at}`, 'area.exited', t(at), { exit_kind: kind }, { subject: who, venue });
/** A person in a room from `from` to `to` (a final exit). */
const inRoom = (g: GroupBuilder, who: string, from: string, to: string, venue = 'venue:HOLD') => exit(enter(g, who, from, venue), who, to, 'final', venue);

describe('AREA_SEPARATION_AND_SEARCH_BY_SEX', () => {
  const rule = AREA_SEPARATION_AND_SEARCH_BY_SEX;

  it('raises nothing for persons of one sex sharing a room, or of different sex in different rooms', () => {
    assert.deepEqual(inRoom(inRoom(caseWith({ [P2]: { gender: 'male' } }), P1, d('10:00'), d('12:00')), P2, d('10:30'), d('11:30')).evaluate(rule, LATER), { alerts: [], timers: [] });
    assert.deepEqual(inRoom(inRoom(caseWith({ [P2]: { gender: 'female' } }), P1, d('10:00'), d('12:00')), P2, d('10:30'), d('11:30'), 'venue:HOLD2').evaluate(rule, LATER).alerts, []);
  });

  it('flags a woman put into a holding room with a man, on the later entry', () => {
    const r = inRoom(inRoom(caseWith({ [P2]: { gender: 'female' } }), P1, d('10:00'), d('12:00')), P2, d('10:30'), d('11:30')).evaluate(rule, LATER);
    assert.deepEqual(lines(r), [`violation open S2 raised ${z(d('10:30'))}`]);
    assert.equal(r.alerts[0].triggerEventId, `in-${P2}-${d('10:30')}`);
    assert.equal(r.alerts[0].subject.id, P2);
    assert.match(r.alerts[0].message['zh-CN'], /不同性别人员不得同处一个候问室：2025-05-06 10:30进入候问室时与1名异性人员同处，共处最长1小时/);
  });

  it('tolerates a 1-minute hand-over overlap, not 2 minutes', () => {
    const g = (from: string) => inRoom(inRoom(caseWith({ [P2]: { gender: 'female' } }), P1, d('10:00'), d('11:00')), P2, from, d('12:00'));
    assert.deepEqual(g(d('10:59')).evaluate(rule, LATER).alerts, []);
    assert.deepEqual(lines(g(d('10:58')).evaluate(rule, LATER)), [`violation open S2 raised ${z(d('10:58'))}`]);
    assert.deepEqual(g(d('10:58')).evaluate(rule, LATER, { params: { AREA_SEPARATION_AND_SEARCH_BY_SEX: { overlapToleranceMinutes: 5 } } }).alerts, []);
  });

  it('flags a juvenile with an adult, and both duties when both apply', () => {
    const juvenile = inRoom(inRoom(caseWith({ [P2]: { gender: 'male', birth_date: '2007-05-07' } }), P1, d('10:00'), d('12:00')), P2, d('10:30'), d('11:30')).evaluate(rule, LATER);
    assert.deepEqual(lines(juvenile), [`violation open S2 raised ${z(d('10:30'))}`]);
    assert.match(juvenile.alerts[0].message['zh-CN'], /未成年人应与成年人分别看管/);
    // 17 above (18 the next day); turning 18 that day makes two adults.
    assert.deepEqual(inRoom(inRoom(caseWith({ [P2]: { gender: 'male', birth_date: '2007-05-06' } }), P1, d('10:00'), d('12:00')), P2, d('10:30'), d('11:30')).evaluate(rule, LATER).alerts, []);
    const both = inRoom(inRoom(caseWith({ [P2]: { gender: 'female', birth_date: '2010-01-01' } }), P1, d('10:00'), d('12:00')), P2, d('10:30'), d('11:30')).evaluate(rule, LATER);
    assert.deepEqual(both.alerts.map((a) => a.message['zh-CN'].slice(0, 6)).sort(), ['不同性别人员', '未成年人应与']);
  });

  it('counts each other occupant once per entry and judges an open room up to T', () => {
    let g = caseWith({ [P2]: { gender: 'male' }, [P3]: { gender: 'female' } });
    g = inRoom(inRoom(g, P1, d('10:00'), d('12:00')), P2, d('10:10'), d('12:00'));
    const r = enter(g, P3, d('10:30')).evaluate(rule, t(d('10:40')));
    assert.deepEqual(lines(r), [`violation open S2 raised ${z(d('10:30'))}`]);
    assert.match(r.alerts[0].message['zh-CN'], /与2名异性人员同处，共处最长10分钟/);
  });

  it('raises nothing for unknown sex, other room types, or a single occupant', () => {
    assert.deepEqual(inRoom(inRoom(caseWith({ [P2]: {} }), P1, d('10:00'), d('12:00')), P2, d('10:30'), d('11:30')).evaluate(rule, LATER).alerts, []);
    assert.deepEqual(inRoom(inRoom(caseWith({ [P2]: { gender: 'female' } }), P1, d('10:00'), d('12:00'), 'venue:ROOM'), P2, d('10:30'), d('11:30'), 'venue:ROOM').evaluate(rule, LATER).alerts, []);
    assert.deepEqual(inRoom(caseWith(), P1, d('10:00'), d('12:00')).evaluate(rule, LATER), { alerts: [], timers: [] });
  });
});

let seq = 0;
const session = (g: GroupBuilder, at: string, venue: string, kind = 'interrogation', who = P1) =>
  g.event(`i${++seq}`, 'interrogation.started', t(at), { kind, av_recorded: true }, { subject: who, case: CASE, interrogator: ['officer:O1', 'officer:O2'], venue, document: `document:BL${seq}` });
const ev = (g: GroupBuilder, type: string, at: string, attrs: Record<string, string | boolean | number> = {}, rels: Record<string, string> = {}) =>
  g.event(`${type}-${at}`, type, t(at), attrs, { subject: P1, ...rels });

describe('AREA_QUESTIONING_LOCATION', () => {
  const rule = AREA_QUESTIONING_LOCATION;
  const flagged = (g: GroupBuilder, at: string) => assert.deepEqual(lines(g.evaluate(rule, LATER)), [`violation open S2 raised ${z(at)}`]);

  it('raises nothing for interrogation in an interrogation room and questioning in questioning rooms', () => {
    for (const [venue, kind] of [['venue:ROOM', 'interrogation'], ['venue:JAILROOM', 'interrogation'], ['venue:INQ', 'questioning'], ['venue:WAIT', 'questioning'], ['venue:ROOM', 'questioning']]) {
      assert.deepEqual(session(caseWith(), d('10:00'), venue, kind).evaluate(rule, LATER), { alerts: [], timers: [] }, `${kind} ${venue}`);
    }
  });

  it('flags interrogation in a holding room or a questioning room not approved for it', () => {
    const hold = session(caseWith(), d('10:00'), 'venue:HOLD').evaluate(rule, LATER);
    assert.deepEqual(lines(hold), [`violation open S2 raised ${z(d('10:00'))}`]);
    assert.match(hold.alerts[0].message['zh-CN'], /讯问犯罪嫌疑人应在执法办案场所讯问室进行.*：在候问室讯问犯罪嫌疑人，不是执法办案场所讯问室/);
    flagged(session(caseWith(), d('10:00'), 'venue:INQ'), d('10:00'));
  });

  it('follows approved_for_interrogation: true allows a questioning room, false forbids even an interrogation room', () => {
    const approved = session(caseWith().object('venue:INQ', { room_type: 'inquiry_room', approved_for_interrogation: true }), d('10:00'), 'venue:INQ');
    assert.deepEqual(approved.evaluate(rule, LATER).alerts, []);
    const refused = session(caseWith().object('venue:ROOM', { room_type: 'interrogation_room', approved_for_interrogation: false }), d('10:00'), 'venue:ROOM').evaluate(rule, LATER);
    assert.match(refused.alerts[0].message['zh-CN'], /讯问地点讯问室未经批准用于讯问/);
  });

  it('requires the detention house room once the suspect is held there, not after release on bail', () => {
    const jailed = () => ev(ev(caseWith(), 'person.detained', d('08:00'), {}, { case: CASE }), 'person.jailed', d('09:00'), {}, { unit: 'unit:JAIL' });
    const r = session(jailed(), d('10:00'), 'venue:ROOM').evaluate(rule, LATER);
    assert.deepEqual(lines(r), [`violation open S2 raised ${z(d('10:00'))}`]);
    assert.match(r.alerts[0].message['zh-CN'], /已送交看守所羁押的犯罪嫌疑人在讯问室讯问，未在看守所讯问室进行/);
    assert.deepEqual(session(jailed(), d('10:00'), 'venue:JAILROOM').evaluate(rule, LATER).alerts, []);
    // Before admission, the case-handling area's room is right.
    assert.deepEqual(session(ev(caseWith(), 'person.detained', d('08:00'), {}, { case: CASE }), d('08:30'), 'venue:ROOM').evaluate(rule, LATER).alerts, []);
    const bailed = ev(jailed(), 'person.bail_started', d('12:00'), {}, { case: CASE });
    assert.deepEqual(session(bailed, d('14:00'), 'venue:ROOM').evaluate(rule, LATER).alerts, []);
  });

  it('allows the exceptions the contract shows: other places, 行政拘留 facility, RSDL residence', () => {
    assert.deepEqual(session(caseWith(), d('10:00'), 'venue:SCENE').evaluate(rule, LATER).alerts, []);
    const serving = ev(caseWith(), 'person.jailed', d('08:00'), {}, { unit: 'unit:ADMIN_JAIL' });
    assert.deepEqual(session(serving, d('10:00'), 'venue:ADMINROOM').evaluate(rule, LATER).alerts, []);
    flagged(session(caseWith(), d('10:00'), 'venue:ADMINROOM'), d('10:00'));
    const rsdl = ev(caseWith(), 'person.rsdl_started', d('08:00'), { designated: true }, { case: CASE, venue: 'venue:HOME' });
    assert.deepEqual(session(rsdl, d('10:00'), 'venue:HOME').evaluate(rule, LATER).alerts, []);
    flagged(session(caseWith(), d('10:00'), 'venue:HOME'), d('10:00'));
  });

  it('flags questioning in a holding room or the security check', () => {
    for (const venue of ['venue:HOLD', 'venue:CHECK']) {
      const r = session(caseWith(), d('10:00'), venue, 'questioning').evaluate(rule, LATER);
      assert.deepEqual(lines(r), [`violation open S2 raised ${z(d('10:00'))}`]);
      assert.match(r.alerts[0].message['zh-CN'], /询问应在执法办案场所的询问（讯问）室进行/);
    }
  });

  it('reads the allowed room types from the parameters', () => {
    const settings = { params: { AREA_QUESTIONING_LOCATION: { interrogationRoomTypes: 'interrogation_room, inquiry_room', questioningRoomTypes: 'inquiry_room' } } };
    assert.deepEqual(session(caseWith(), d('10:00'), 'venue:INQ').evaluate(rule, LATER, settings).alerts, []);
    assert.equal(session(caseWith(), d('10:00'), 'venue:WAIT', 'questioning').evaluate(rule, LATER, settings).alerts.length, 1);
  });

  it('raises nothing when the venue is unknown', () => {
    assert.deepEqual(session(caseWith(), d('10:00'), 'venue:NOWHERE').evaluate(rule, LATER), { alerts: [], timers: [] });
  });
});
