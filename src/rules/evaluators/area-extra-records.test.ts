import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { GroupBuilder } from '../engine/group-builder.js';
import { AREA_LEDGER, AREA_VIDEO_COVERAGE } from './area-extra-records.js';
import { t, z, line, lines, timers } from './area-testing.js';

/** Ledger and video of the case-handling area (catalogue §8, interchange §9.2). Local times are Asia/Shanghai. */

const CASE = 'case:C1';
const P1 = 'person:P1';
const HOLD = 'venue:HOLD';
const ROOM = 'venue:ROOM';
const d = (hhmm: string, day = 6) => `2025-05-0${day}T${hhmm}`;
const LATER = t('2025-05-20T00:00');

function caseWith(role = 'suspect'): GroupBuilder {
  return new GroupBuilder(CASE)
    .object(CASE, { kind: 'criminal' }, { unit: 'unit:STATION' })
    .object(HOLD, { name: '候问室1', room_type: 'holding_room' })
    .object(ROOM, { name: '讯问室1', room_type: 'interrogation_room' })
    .object(P1, { name: '某甲', role }, { case: CASE });
}
const enter = (g: GroupBuilder, at: string, venue = HOLD, who = P1) => g.event(`in-${who}-${at}`, 'area.entered', t(at), { source: 'positioning' }, { subject: who, venue });
const exit = (g: GroupBuilder, at: string, kind = 'final', venue = HOLD, who = P1) =>
  g.event(`out-${who}-${at}`, 'area.exited', t(at), { exit_kind: kind, ...(kind === 'final' ? { purpose: 'release' } : {}) }, { subject: who, venue });

describe('AREA_LEDGER', () => {
  const rule = AREA_LEDGER;
  const due = z(d('10:00', 8));

  it('raises nothing when the final exit is logged within 48 h, up to the last minute', () => {
    for (const at of [d('12:00'), d('09:59', 8), d('10:00', 8)]) {
      assert.deepEqual(exit(enter(caseWith(), d('10:00')), at).evaluate(rule, LATER), { alerts: [], timers: [] });
    }
  });

  it('is overdue, without a warning, when the exit comes one minute late', () => {
    assert.deepEqual(lines(exit(enter(caseWith(), d('10:00')), d('10:01', 8)).evaluate(rule, LATER)), [`overdue complied_late S3 raised ${due} due ${due} resolved ${z(d('10:01', 8))}`]);
  });

  it('keeps a due timer while an entry is open, then is overdue', () => {
    const open = enter(caseWith(), d('10:00'));
    const before = open.evaluate(rule, t(d('09:00', 8)));
    assert.deepEqual(before.alerts, []);
    assert.deepEqual(timers(before), [`due ${new Date(Date.parse(due) + 1).toISOString()}`]);
    const r = open.evaluate(rule, t(d('11:00', 8)));
    assert.deepEqual(lines(r), [`overdue open S3 raised ${due} due ${due}`]);
    assert.match(r.alerts[0].message['zh-CN'], /入区登记超过48小时不得无对应出区记录/);
  });

  it('keeps one stay across moves and temporary absences', () => {
    let g = enter(exit(enter(caseWith(), d('10:00')), d('11:00'), 'move'), d('11:00'), ROOM);
    g = exit(enter(exit(g, d('12:00'), 'temporary', ROOM), d('14:00'), ROOM), d('15:00'), 'final', ROOM);
    assert.deepEqual(g.evaluate(rule, LATER), { alerts: [], timers: [] });
  });

  it('flags an exit without a matching entry, and a second final exit', () => {
    const orphan = exit(caseWith(), d('09:00')).evaluate(rule, LATER);
    assert.deepEqual(lines(orphan), [`violation open S3 raised ${z(d('09:00'))}`]);
    assert.equal(orphan.alerts[0].triggerEventId, `out-${P1}-${d('09:00')}`);
    assert.match(orphan.alerts[0].message['zh-CN'], /2025-05-06 09:00的出区记录无对应的入区登记/);
    const twice = exit(exit(enter(caseWith(), d('10:00')), d('12:00')), d('12:05'), 'final', ROOM).evaluate(rule, LATER);
    assert.deepEqual(lines(twice), [`violation open S3 raised ${z(d('12:05'))}`]);
  });

  it('applies to witnesses and victims as well', () => {
    assert.deepEqual(lines(enter(caseWith('witness'), d('10:00')).evaluate(rule, LATER)), [`overdue open S3 raised ${due} due ${due}`]);
  });

  it('runs on the wall clock over holidays (2025 National Day)', () => {
    const r = enter(caseWith(), '2025-09-30T10:00').evaluate(rule, t('2025-10-08T00:00'));
    assert.deepEqual(lines(r), [`overdue open S3 raised ${z('2025-10-02T10:00')} due ${z('2025-10-02T10:00')}`]);
  });

  it('reads the window from the parameters', () => {
    const r = exit(enter(caseWith(), d('10:00')), d('22:01')).evaluate(rule, LATER, { params: { AREA_LEDGER: { openEntryHours: 12 } } });
    assert.deepEqual(lines(r), [`overdue complied_late S3 raised ${z(d('22:00'))} due ${z(d('22:00'))} resolved ${z(d('22:01'))}`]);
  });

  it('raises nothing for a case without area records', () => {
    assert.deepEqual(caseWith().evaluate(rule, LATER), { alerts: [], timers: [] });
  });
});

describe('AREA_VIDEO_COVERAGE', () => {
  const rule = AREA_VIDEO_COVERAGE;
  const due = z(d('12:00', 7));
  /** A suspect: holding room 10:00–11:00, interrogation room 11:00–12:00, then out. */
  const stay = (role = 'suspect') => {
    const g = enter(caseWith(role), d('10:00'));
    return exit(enter(exit(g, d('11:00'), 'move'), d('11:00'), ROOM), d('12:00'), 'final', ROOM);
  };
  let seq = 0;
  const cctv = (g: GroupBuilder, venue: string, from: string, to: string, knownAt?: string, kind = 'area_cctv') => {
    const value = (v: string) => (knownAt ? [[t(knownAt), t(v)]] as Array<[string, string]> : t(v));
    return g.object(`media:M${++seq}`, { kind, started_at: value(from), ended_at: value(to) }, { venue });
  };
  const covered = () => cctv(cctv(stay(), HOLD, d('09:59'), d('11:00:30')), ROOM, d('10:59'), d('12:01'));

  it('raises nothing when each room interval is recorded', () => {
    assert.deepEqual(covered().evaluate(rule, LATER), { alerts: [], timers: [] });
    assert.deepEqual(covered().evaluate(rule, t(d('13:00'))), { alerts: [], timers: [] });
  });

  it('tolerates a gap of 60 s and flags 61 s at the check, final exit + 24 h', () => {
    const sixty = cctv(cctv(cctv(stay(), HOLD, d('09:59'), d('10:30')), HOLD, d('10:31'), d('11:00')), ROOM, d('11:00'), d('12:00'));
    assert.deepEqual(sixty.evaluate(rule, LATER).alerts, []);
    const more = cctv(cctv(cctv(stay(), HOLD, d('09:59'), d('10:30')), HOLD, d('10:31:01'), d('11:00')), ROOM, d('11:00'), d('12:00'));
    const before = more.evaluate(rule, t(d('20:00')));
    assert.deepEqual(before.alerts, []);
    assert.deepEqual(timers(before), [`due ${new Date(Date.parse(due) + 1).toISOString()}`]);
    const r = more.evaluate(rule, LATER);
    assert.deepEqual(lines(r), [`overdue open S2 raised ${due} due ${due}`]);
    assert.equal(r.alerts[0].triggerEventId, `in-${P1}-${d('10:00')}`);
    assert.match(r.alerts[0].message['zh-CN'], /2025-05-06 10:00–2025-05-06 12:00.*现有录像1段缺口，最长1分钟（2025-05-06 10:30起）/);
  });

  it('flags a room without any recording and a recording of another room', () => {
    const r = cctv(cctv(stay(), HOLD, d('09:59'), d('11:01')), 'venue:OTHER', d('10:59'), d('12:01')).evaluate(rule, LATER);
    assert.deepEqual(lines(r), [`overdue open S2 raised ${due} due ${due}`]);
    assert.match(r.alerts[0].message['zh-CN'], /1段缺口，最长1小时（2025-05-06 11:00起）/);
  });

  it('resolves late when footage becomes known after the check, in time when before', () => {
    const late = cctv(cctv(stay(), HOLD, d('09:59'), d('11:01')), ROOM, d('10:59'), d('12:01'), d('12:01', 7)).evaluate(rule, LATER);
    assert.deepEqual(lines(late), [`overdue complied_late S2 raised ${due} due ${due} resolved ${z(d('12:01', 7))}`]);
    const lastMinute = cctv(cctv(stay(), HOLD, d('09:59'), d('11:01')), ROOM, d('10:59'), d('12:01'), d('12:00', 7));
    assert.deepEqual(lastMinute.evaluate(rule, LATER), { alerts: [], timers: [] });
    // Not yet known as of T: still pending.
    assert.deepEqual(timers(lastMinute.evaluate(rule, t(d('11:00', 7)))), [`due ${new Date(Date.parse(due) + 1).toISOString()}`]);
  });

  it('is silent without any area_cctv media (missing feed, §13), for witnesses and for open stays', () => {
    assert.deepEqual(stay().evaluate(rule, LATER), { alerts: [], timers: [] });
    assert.deepEqual(cctv(stay(), ROOM, d('10:59'), d('12:01'), undefined, 'bodycam').evaluate(rule, LATER), { alerts: [], timers: [] });
    assert.deepEqual(cctv(stay('witness'), ROOM, d('10:59'), d('12:01')).evaluate(rule, LATER), { alerts: [], timers: [] });
    assert.deepEqual(cctv(enter(caseWith(), d('10:00')), ROOM, d('10:59'), d('12:01')).evaluate(rule, LATER), { alerts: [], timers: [] });
  });

  it('reads segments linked to the room only (the venue feed) like the case\'s own', () => {
    const roomOnly = (g: GroupBuilder, venue: string, from: string, to: string) =>
      g.venueObject(`media:R${++seq}`, { kind: 'area_cctv', started_at: t(from), ended_at: t(to) }, { venue });
    const covered = roomOnly(roomOnly(stay(), HOLD, d('09:59'), d('11:00:30')), ROOM, d('10:59'), d('12:01'));
    assert.deepEqual(covered.evaluate(rule, LATER), { alerts: [], timers: [] });
    // The room feed alone makes the rule run (it is no longer a missing feed): the gap is flagged.
    const gap = roomOnly(stay(), HOLD, d('09:59'), d('11:01')).evaluate(rule, LATER);
    assert.deepEqual(lines(gap), [`overdue open S2 raised ${due} due ${due}`]);
    assert.match(gap.alerts[0].message['zh-CN'], /1段缺口，最长1小时（2025-05-06 11:00起）/);
    // A segment the group holds itself and the feed brings again counts once: the case's
    // version (here with a later end) is the one read.
    const both = roomOnly(stay(), ROOM, d('10:59'), d('12:01'))
      .object('media:SAME', { kind: 'area_cctv', started_at: t(d('09:59')), ended_at: t(d('11:01')) }, { venue: HOLD })
      .venueObject('media:SAME', { kind: 'area_cctv', started_at: t(d('09:59')), ended_at: t(d('10:30')) }, { venue: HOLD });
    assert.deepEqual(both.evaluate(rule, LATER), { alerts: [], timers: [] });
  });

  it('does not count a segment with bad times as coverage', () => {
    const g = cctv(cctv(stay(), HOLD, d('09:59'), d('11:01')), ROOM, d('12:01'), d('10:59'));
    assert.deepEqual(lines(g.evaluate(rule, LATER)), [`overdue open S2 raised ${due} due ${due}`]);
  });

  it('reads the tolerance and the check delay from the parameters', () => {
    const g = cctv(cctv(cctv(stay(), HOLD, d('09:59'), d('10:30')), HOLD, d('10:35'), d('11:00')), ROOM, d('11:00'), d('12:00'));
    assert.deepEqual(g.evaluate(rule, LATER, { params: { AREA_VIDEO_COVERAGE: { gapToleranceSeconds: 300 } } }).alerts, []);
    const r = g.evaluate(rule, LATER, { params: { AREA_VIDEO_COVERAGE: { checkAfterHours: 2 } } });
    assert.deepEqual(lines(r), [`overdue open S2 raised ${z(d('14:00'))} due ${z(d('14:00'))}`]);
  });
});
