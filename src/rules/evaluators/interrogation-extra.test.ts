import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Alert } from '../engine/finding.js';
import { GroupBuilder } from '../engine/group-builder.js';
import { INTV_FIRST_IDENTITY_FIELDS, INTV_SEPARATE_SESSIONS } from './interrogation-extra.js';
import { T, utc } from './intake-testing.js';

/** INTV_SEPARATE_SESSIONS and INTV_FIRST_IDENTITY_FIELDS (catalogue §9, non-core). */
const CASE = 'case:C1';
const brief = (a: Alert) => `${a.subject.id} ${a.level} ${a.status} ${a.severity} raised ${a.raisedAt}`;
type Attrs = Parameters<GroupBuilder['object']>[1];

/** A criminal case with suspects P1, P2, P3, witness W1, and rooms R1, R2 (interrogation rooms) and site X1. */
function base(p1: Attrs = {}, omit: string[] = []): GroupBuilder {
  const identity = { birth_date: '1990-05-01', id_number: '999999199005010011', npc_deputy: false };
  const own = Object.fromEntries(Object.entries({ role: 'suspect', ...identity, ...p1 }).filter(([k]) => !omit.includes(k)));
  return new GroupBuilder(CASE)
    .object(CASE, { kind: 'criminal', category: '050200' }, { unit: 'unit:U1' })
    .object('person:P1', own, { case: CASE })
    .object('person:P2', { role: 'suspect', ...identity, id_number: '999999199101010022' }, { case: CASE })
    .object('person:P3', { role: 'suspect', ...identity, id_number: '999999199201010033' }, { case: CASE })
    .object('person:W1', { role: 'witness' }, { case: CASE })
    .object('venue:R1', { room_type: 'interrogation_room' })
    .object('venue:R2', { room_type: 'interrogation_room' })
    .object('venue:X1', { room_type: 'other' });
}

/** A session of `person` in `venue` from `start` to `end` (local times; end null = still running). */
function session(g: GroupBuilder, id: string, person: string, venue: string, start: string, end: string | null, attrs: Record<string, string | boolean> = {}): GroupBuilder {
  const doc = `document:${id}`;
  g.object(doc, { doc_type: '讯问笔录' }, { case: CASE, subject: person });
  g.event(id, 'interrogation.started', T(start), { kind: 'interrogation', av_recorded: true, ...attrs }, {
    subject: person, case: CASE, interrogator: [`officer:${id}a`, `officer:${id}b`], venue, document: doc,
  });
  if (end) g.event(`${id}-end`, 'interrogation.ended', T(end), {}, { subject: person, case: CASE, document: doc });
  return g;
}

describe('INTV_SEPARATE_SESSIONS', () => {
  const run = (g: GroupBuilder, asOf = '2025-03-12T00:00') => g.evaluate(INTV_SEPARATE_SESSIONS, T(asOf)).alerts;

  it('co-suspects in different rooms at the same time, or one after the other in one room: nothing', () => {
    const g = session(session(base(), 's1', 'person:P1', 'venue:R1', '2025-03-11T09:00', '2025-03-11T10:00'), 's2', 'person:P2', 'venue:R2', '2025-03-11T09:00', '2025-03-11T10:00');
    assert.deepEqual(run(session(g, 's3', 'person:P3', 'venue:R1', '2025-03-11T10:00', '2025-03-11T11:00')), []);
  });

  it('an overlap of exactly the tolerance (60 s) is nothing; 61 s is an S2 violation raised at the later start', () => {
    const at = (start: string) => session(session(base(), 's1', 'person:P1', 'venue:R1', '2025-03-11T09:00', '2025-03-11T10:00'), 's2', 'person:P2', 'venue:R1', start, '2025-03-11T11:00');
    assert.deepEqual(run(at('2025-03-11T09:59:00')), []);
    const alerts = run(at('2025-03-11T09:58:59'));
    assert.deepEqual(alerts.map(brief), [`person:P2 violation open S2 raised ${utc('2025-03-11T09:58:59')}`]);
    assert.equal(alerts[0].triggerEventId, 's2');
    assert.deepEqual(alerts[0].evidenceEventIds, ['s1']);
    assert.match(alerts[0].message['zh-CN'], /与另外1人（嫌疑人）在同一房间同时被讯问（询问），重叠1分钟/);
  });

  it('a witness questioned in the suspect’s room meanwhile is a breach too, named by role', () => {
    const g = session(base(), 's1', 'person:P1', 'venue:R1', '2025-03-11T09:00', '2025-03-11T10:00');
    const alerts = run(session(g, 's2', 'person:W1', 'venue:R1', '2025-03-11T09:30', '2025-03-11T10:30', { kind: 'questioning' }));
    assert.deepEqual(alerts.map(brief), [`person:W1 violation open S2 raised ${utc('2025-03-11T09:30')}`]);
    assert.match(alerts[0].message['zh-CN'], /（嫌疑人）.*重叠30分钟/);
  });

  it('three persons together: the second names one, the third two others', () => {
    let g = session(base(), 's1', 'person:P1', 'venue:R1', '2025-03-11T09:00', '2025-03-11T11:00');
    g = session(g, 's2', 'person:P2', 'venue:R1', '2025-03-11T09:10', '2025-03-11T11:00');
    const alerts = run(session(g, 's3', 'person:P3', 'venue:R1', '2025-03-11T09:20', '2025-03-11T10:00'));
    assert.deepEqual(alerts.map(brief), [`person:P2 violation open S2 raised ${utc('2025-03-11T09:10')}`, `person:P3 violation open S2 raised ${utc('2025-03-11T09:20')}`]);
    assert.deepEqual(alerts[1].evidenceEventIds, ['s1', 's2']);
    assert.match(alerts[1].message['zh-CN'], /与另外2人/);
  });

  it('two records of the same human (same id_number) are one person: nothing', () => {
    const g = base().object('person:P1b', { role: 'suspect', id_number: '999999199005010011' }, { case: CASE });
    const twice = session(session(g, 's1', 'person:P1', 'venue:R1', '2025-03-11T09:00', '2025-03-11T10:00'), 's2', 'person:P1b', 'venue:R1', '2025-03-11T09:30', '2025-03-11T10:30');
    assert.deepEqual(run(twice), []);
  });

  it('a site (room_type other) is not a room: nothing; a session without a venue: nothing', () => {
    const site = session(session(base(), 's1', 'person:P1', 'venue:X1', '2025-03-11T09:00', '2025-03-11T10:00'), 's2', 'person:P2', 'venue:X1', '2025-03-11T09:00', '2025-03-11T10:00');
    assert.deepEqual(run(site), []);
    const g = session(base(), 's1', 'person:P1', 'venue:R1', '2025-03-11T09:00', '2025-03-11T10:00')
      .object('document:s9', { doc_type: '讯问笔录' })
      .event('s9', 'interrogation.started', T('2025-03-11T09:30'), { kind: 'interrogation', av_recorded: true }, { subject: 'person:P2', interrogator: 'officer:9', document: 'document:s9' });
    assert.deepEqual(run(g), []);
  });

  it('reads the room type as of the session (§3.2): a room later reclassified as a site is still judged, and vice versa', () => {
    const two = (history: Array<[string, string]>) => session(session(base().object('venue:R9', { room_type: history }), 's1', 'person:P1', 'venue:R9', '2025-03-11T09:00', '2025-03-11T10:00'),
      's2', 'person:P2', 'venue:R9', '2025-03-11T09:00', '2025-03-11T10:00');
    assert.deepEqual(run(two([['1970-01-01T00:00:00Z', 'interrogation_room'], [T('2025-03-11T12:00'), 'other']])).map(brief),
      [`person:P2 violation open S2 raised ${utc('2025-03-11T09:00')}`]);
    assert.deepEqual(run(two([['1970-01-01T00:00:00Z', 'other'], [T('2025-03-11T12:00'), 'interrogation_room']])), []);
  });

  it('a running session counts until T: nothing within the tolerance, a violation after it', () => {
    const g = session(session(base(), 's1', 'person:P1', 'venue:R1', '2025-03-11T09:00', null), 's2', 'person:P2', 'venue:R1', '2025-03-11T09:30', null);
    assert.deepEqual(run(g, '2025-03-11T09:31'), []);
    assert.deepEqual(run(g, '2025-03-11T09:31:01').map(brief), [`person:P2 violation open S2 raised ${utc('2025-03-11T09:30')}`]);
  });

  it('a session whose end was never recorded counts 24 h at most (CPL art.119)', () => {
    const g = (start: string) => session(session(base(), 's1', 'person:P1', 'venue:R1', '2025-03-10T09:00', null), 's2', 'person:P2', 'venue:R1', start, '2025-03-11T12:00');
    assert.deepEqual(run(g('2025-03-11T09:00')), []);
    assert.deepEqual(run(g('2025-03-11T08:58')).map(brief), [`person:P2 violation open S2 raised ${utc('2025-03-11T08:58')}`]);
  });

  it('the bureau’s tolerance applies', () => {
    const g = session(session(base(), 's1', 'person:P1', 'venue:R1', '2025-03-11T09:00', '2025-03-11T10:00'), 's2', 'person:P2', 'venue:R1', '2025-03-11T09:55', '2025-03-11T11:00');
    assert.equal(run(g).length, 1);
    assert.deepEqual(g.evaluate(INTV_SEPARATE_SESSIONS, T('2025-03-12T00:00'), { params: { INTV_SEPARATE_SESSIONS: { toleranceSeconds: 300 } } }).alerts, []);
  });
});

describe('INTV_FIRST_IDENTITY_FIELDS', () => {
  const run = (g: GroupBuilder, asOf = '2025-03-12T00:00') => g.evaluate(INTV_FIRST_IDENTITY_FIELDS, T(asOf)).alerts;
  const first = (omit: string[] = [], attrs: Record<string, string | boolean> = { first_time: true }, p1: Attrs = {}) =>
    session(base(p1, omit), 's1', 'person:P1', 'venue:R1', '2025-03-11T09:00', '2025-03-11T10:00', attrs);

  it('birth date and ID number known: nothing; NPC status is a flag, never sent = not a deputy (§5.2, §12.3)', () => {
    assert.deepEqual(run(first()), []);
    assert.deepEqual(run(first(['npc_deputy'])), []);
  });

  it('ID number never sent: S4 violation at the end of the first session', () => {
    const alerts = run(first(['id_number']));
    assert.deepEqual(alerts.map(brief), [`person:P1 violation open S4 raised ${utc('2025-03-11T10:00')}`]);
    assert.equal(alerts[0].triggerEventId, 's1');
    assert.deepEqual(alerts[0].evidenceEventIds, ['s1-end']);
    assert.match(alerts[0].message['zh-CN'], /于2025-03-11 10:00结束，缺少身份证件号码。/);
  });

  it('several missing, a blank value counts as missing', () => {
    const alerts = run(first(['birth_date'], { first_time: true }, { id_number: '  ' }));
    assert.match(alerts[0].message['zh-CN'], /缺少出生日期、身份证件号码/);
    assert.match(alerts[0].message.en, /missing birth date, ID number/);
  });

  it('judged only once the session ends, and only the first session', () => {
    const open = session(base({}, ['birth_date']), 's1', 'person:P1', 'venue:R1', '2025-03-11T09:00', null);
    assert.deepEqual(run(open), []);
    const again = session(first(['birth_date']), 's2', 'person:P1', 'venue:R1', '2025-03-11T14:00', '2025-03-11T15:00');
    assert.deepEqual(run(again).map((a) => a.triggerEventId), ['s1']);
  });

  it('a value that arrives later clears it (judged on the values as of T)', () => {
    const g = first([], { first_time: true }, { id_number: [['2025-03-11T12:00:00+08:00', '999999199005010011']] });
    assert.equal(run(g, '2025-03-11T11:00').length, 1);
    assert.deepEqual(run(g, '2025-03-11T12:00'), []);
  });

  it('records beginning after the real first session (first_time false): nothing', () => {
    assert.deepEqual(run(first(['id_number'], { first_time: false })), []);
  });

  it('not a suspect then (a witness, later a suspect): judged at the first session as a suspect', () => {
    const g = session(base({ role: [['1970-01-01T00:00:00Z', 'witness'], ['2025-03-11T12:00:00+08:00', 'suspect']] }, ['id_number']),
      's1', 'person:P1', 'venue:R1', '2025-03-11T09:00', '2025-03-11T10:00', { kind: 'questioning' });
    assert.deepEqual(run(g), []);
    const later = session(g, 's2', 'person:P1', 'venue:R1', '2025-03-11T14:00', '2025-03-11T15:00');
    assert.deepEqual(run(later).map(brief), [`person:P1 violation open S4 raised ${utc('2025-03-11T15:00')}`]);
  });

  it('identity recorded as unknown (family notice exception or approval reason): nothing', () => {
    const missing = ['birth_date', 'id_number'];
    const notice = first(missing).event('n1', 'person.family_notified', T('2025-03-11T11:00'), { measure: 'criminal_detention', exception: 'identity_unknown', reason: '拒不供述身份' }, { subject: 'person:P1', case: CASE });
    assert.deepEqual(run(notice), []);
    const approval = first(missing).event('a1', 'approval.granted', T('2025-03-11T11:00'), { for: 'custody', level: 'county', reason: 'identity_unknown' }, { approver: 'officer:9', subject: 'person:P1', case: CASE });
    assert.deepEqual(run(approval), []);
  });
});
