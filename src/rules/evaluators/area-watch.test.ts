import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Alert } from '../engine/finding.js';
import { GroupBuilder } from '../engine/group-builder.js';
import { AREA_NEVER_UNATTENDED } from './area-watch.js';

/** Never unattended (catalogue §8, interchange §9.2 "watched", §10.1). Local times are Asia/Shanghai. */
const t = (hhmm: string) => `2025-05-06T${hhmm.length === 5 ? `${hhmm}:00` : hhmm}+08:00`;
const z = (hhmm: string) => new Date(t(hhmm)).toISOString();
const line = (a: Alert) => `${a.level} ${a.status} ${a.severity} raised ${a.raisedAt}`;
const lines = (r: { alerts: Alert[] }) => r.alerts.map(line).sort();
const rule = AREA_NEVER_UNATTENDED;
const LATER = '2025-05-07T00:00:00+08:00';

const CASE = 'case:C1';
const P1 = 'person:P1';
const HOLD = 'venue:HOLD';
const ROOM = 'venue:ROOM';

/** A suspect in the holding room 10:00–11:00, then in an interrogation room 11:00–12:00, out at 12:00. */
function stay(role = 'suspect'): GroupBuilder {
  return new GroupBuilder(CASE)
    .object(CASE, { kind: 'criminal' }, { unit: 'unit:STATION' })
    .object(HOLD, { name: '候问室1', room_type: 'holding_room' })
    .object(ROOM, { name: '讯问室1', room_type: 'interrogation_room' })
    .object(P1, { name: '某甲', role }, { case: CASE })
    .event('in1', 'area.entered', t('10:00'), { source: 'positioning' }, { subject: P1, venue: HOLD })
    .event('out1', 'area.exited', t('11:00'), { exit_kind: 'move' }, { subject: P1, venue: HOLD })
    .event('in2', 'area.entered', t('11:00'), { source: 'positioning' }, { subject: P1, venue: ROOM })
    .event('out2', 'area.exited', t('12:00'), { exit_kind: 'final', purpose: 'release' }, { subject: P1, venue: ROOM });
}
let seq = 0;
/** An officer positioned in a room (a venue event, as the loader delivers officers' positions). */
const officer = (g: GroupBuilder, venue: string, from: string, to: string | undefined, who = 'officer:W1') => {
  g.venueEvent(`p${++seq}`, 'area.entered', t(from), { source: 'positioning' }, { officer: who, venue });
  return to ? g.venueEvent(`p${++seq}`, 'area.exited', t(to), { exit_kind: 'final' }, { officer: who, venue }) : g;
};
const snapshot = (g: GroupBuilder, venue: string, at: string, officers: number, subjects = 1, source = 'video') =>
  g.venueEvent(`v${++seq}`, 'venue.occupancy_observed', t(at), { officers, subjects, source }, { venue });
const watched = () => officer(officer(stay(), HOLD, '09:59', '11:01'), ROOM, '10:59', '12:01', 'officer:O1');

describe('AREA_NEVER_UNATTENDED', () => {
  it('raises nothing when an officer is positioned in each room throughout', () => {
    assert.deepEqual(watched().evaluate(rule, LATER), { alerts: [], timers: [] });
  });

  it('treats a watcher handover at the same instant as continuous', () => {
    const g = officer(officer(officer(stay(), HOLD, '09:59', '10:30'), HOLD, '10:30', '11:01', 'officer:W2'), ROOM, '10:59', '12:01', 'officer:O1');
    assert.deepEqual(g.evaluate(rule, LATER).alerts, []);
    const same = officer(officer(officer(stay(), HOLD, '09:59', '10:30'), HOLD, '10:30', '11:01'), ROOM, '10:59', '12:01', 'officer:O1');
    assert.deepEqual(same.evaluate(rule, LATER).alerts, []);
  });

  it('allows gaps of up to 5 min and reports a longer one without data as S3 "unverified"', () => {
    const five = officer(officer(officer(stay(), HOLD, '09:59', '10:20'), HOLD, '10:25', '11:01'), ROOM, '10:59', '12:01', 'officer:O1');
    assert.deepEqual(five.evaluate(rule, LATER).alerts, []);
    const six = officer(officer(officer(stay(), HOLD, '09:59', '10:20'), HOLD, '10:26', '11:01'), ROOM, '10:59', '12:01', 'officer:O1');
    const r = six.evaluate(rule, LATER);
    assert.deepEqual(lines(r), [`violation open S3 raised ${z('10:25')}`]);
    assert.equal(r.alerts[0].triggerEventId, 'in1');
    assert.match(r.alerts[0].message['zh-CN'], /1段超过5分钟无看管记录（无定位或视频数据，无法核实），最长6分钟（2025-05-06 10:20起）/);
  });

  it('reports a gap proven by snapshots (officers 0, subjects ≥ 1) as an S1 violation', () => {
    let g = officer(officer(stay(), HOLD, '09:59', '10:20'), HOLD, '10:30', '11:01');
    for (const at of ['10:20', '10:22', '10:24', '10:26', '10:28']) g = snapshot(g, HOLD, at, 0);
    const r = officer(g, ROOM, '10:59', '12:01', 'officer:O1').evaluate(rule, LATER);
    assert.deepEqual(lines(r), [`violation open S1 raised ${z('10:25')}`]);
    assert.match(r.alerts[0].message['zh-CN'], /1段无人看管超过5分钟，最长10分钟/);
  });

  it('joins gaps that meet at a room change: 3 + 2 min is allowed, 3 + 3 min is not', () => {
    // Watched in the holding room until 10:57 and in the interrogation room from 11:02 (or 11:03).
    const gap = (back: string) => officer(officer(stay(), HOLD, '09:59', '10:57'), ROOM, back, '12:01', 'officer:O1');
    const proven = (back: string) => {
      let g = gap(back);
      for (const at of ['10:57', '10:59']) g = snapshot(g, HOLD, at, 0);
      for (const at of ['11:00', '11:02']) g = snapshot(g, ROOM, at, 0);
      return g;
    };
    assert.deepEqual(proven('11:02').evaluate(rule, LATER).alerts, []);
    const r = proven('11:03').evaluate(rule, LATER);
    assert.deepEqual(lines(r), [`violation open S1 raised ${z('11:02')}`]);
    assert.match(r.alerts[0].message['zh-CN'], /1段无人看管超过5分钟，最长6分钟（2025-05-06 10:57起）/);
    // Without data the joined gap is unverified (S3).
    assert.deepEqual(gap('11:02').evaluate(rule, LATER).alerts, []);
    assert.deepEqual(lines(gap('11:03').evaluate(rule, LATER)), [`violation open S3 raised ${z('11:02')}`]);
    // Proven only on one side of the move (3 min): the joined 6 min gap is unverified.
    let half = gap('11:03');
    for (const at of ['10:57', '10:59']) half = snapshot(half, HOLD, at, 0);
    assert.deepEqual(lines(half.evaluate(rule, LATER)), [`violation open S3 raised ${z('11:02')}`]);
  });

  it('counts snapshots with officers as watching, each valid until the next of its source and at most 2 min', () => {
    let g = officer(stay(), ROOM, '10:59', '12:01', 'officer:O1');
    for (let m = 0; m < 60; m += 2) g = snapshot(g, HOLD, `10:${String(m).padStart(2, '0')}`, 1);
    assert.deepEqual(g.evaluate(rule, LATER).alerts, []);
    // Every 8 min: 6 min of each 8 unverified.
    let sparse = officer(stay(), ROOM, '10:59', '12:01', 'officer:O1');
    for (let m = 0; m < 60; m += 8) sparse = snapshot(sparse, HOLD, `10:${String(m).padStart(2, '0')}`, 1);
    assert.deepEqual(lines(sparse.evaluate(rule, LATER)), [`violation open S3 raised ${z('10:07')}`]);
    // A positioning snapshot does not end the validity of a video one.
    let mixed = officer(stay(), ROOM, '10:59', '12:01', 'officer:O1');
    for (let m = 0; m < 60; m += 2) mixed = snapshot(snapshot(mixed, HOLD, `10:${String(m).padStart(2, '0')}`, 1), HOLD, `10:${String(m).padStart(2, '0')}:30`, 0, 1, 'positioning');
    assert.deepEqual(mixed.evaluate(rule, LATER).alerts, []);
  });

  it('ignores snapshots that saw nobody and officers in other rooms', () => {
    let g = officer(officer(stay(), ROOM, '09:59', '12:01', 'officer:O1'), 'venue:OTHER', '09:00', '13:00');
    for (let m = 0; m < 60; m += 2) g = snapshot(g, HOLD, `10:${String(m).padStart(2, '0')}`, 1, 0);
    const r = g.evaluate(rule, LATER);
    assert.deepEqual(lines(r), [`violation open S3 raised ${z('10:05')}`]);
    assert.match(r.alerts[0].message['zh-CN'], /最长1小时/);
  });

  it('does not count escorts on a subject’s exit as positions, but counts officers’ events of the case', () => {
    const escorted = officer(stay(), HOLD, '09:59', '11:01')
      .event('esc', 'area.exited', t('11:30'), { exit_kind: 'move' }, { subject: 'person:P2', venue: ROOM, officer: 'officer:O1' });
    assert.equal(escorted.evaluate(rule, LATER).alerts.length, 1);
    const own = officer(stay(), HOLD, '09:59', '11:01')
      .event('o-in', 'area.entered', t('10:59'), {}, { officer: 'officer:O1', venue: ROOM, case: CASE })
      .event('o-out', 'area.exited', t('12:01'), { exit_kind: 'final' }, { officer: 'officer:O1', venue: ROOM, case: CASE });
    assert.deepEqual(own.evaluate(rule, LATER).alerts, []);
  });

  it('reports proven and unverified gaps of one stay as two alerts, counted and with the longest', () => {
    let g = officer(stay(), HOLD, '09:59', '10:10');
    for (const at of ['10:10', '10:12', '10:14', '10:16']) g = snapshot(g, HOLD, at, 0);
    g = officer(officer(g, HOLD, '10:18', '10:40'), ROOM, '11:10', '11:40', 'officer:O1');
    const r = g.evaluate(rule, LATER);
    // Proven 10:10–10:18 (8 min); unverified 10:40–11:10 (across the move) and 11:40–12:00.
    assert.deepEqual(lines(r), [`violation open S1 raised ${z('10:15')}`, `violation open S3 raised ${z('10:45')}`]);
    assert.ok(r.alerts.some((a) => /2段超过5分钟无看管记录.*最长30分钟（2025-05-06 10:40起）/.test(a.message['zh-CN'])));
  });

  it('judges an open room interval up to T', () => {
    const g = officer(new GroupBuilder(CASE).object(P1, { role: 'suspect' }, { case: CASE })
      .event('in1', 'area.entered', t('10:00'), {}, { subject: P1, venue: HOLD }), HOLD, '09:59', '10:30');
    assert.deepEqual(g.evaluate(rule, t('10:34')).alerts, []);
    assert.deepEqual(lines(g.evaluate(rule, t('10:36'))), [`violation open S3 raised ${z('10:35')}`]);
    // The officer still there at T covers the room until T.
    const still = officer(new GroupBuilder(CASE).object(P1, { role: 'suspect' }, { case: CASE })
      .event('in1', 'area.entered', t('10:00'), {}, { subject: P1, venue: HOLD }), HOLD, '09:59', undefined);
    assert.deepEqual(still.evaluate(rule, t('11:00')).alerts, []);
  });

  it('reads the allowed gap from the parameters, and does not apply to witnesses', () => {
    const six = officer(officer(officer(stay(), HOLD, '09:59', '10:20'), HOLD, '10:26', '11:01'), ROOM, '10:59', '12:01', 'officer:O1');
    assert.deepEqual(six.evaluate(rule, LATER, { params: { AREA_NEVER_UNATTENDED: { maxGapMinutes: 6 } } }).alerts, []);
    assert.deepEqual(stay('witness').evaluate(rule, LATER).alerts, []);
  });
});
