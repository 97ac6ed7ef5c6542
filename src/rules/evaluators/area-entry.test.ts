import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { GroupBuilder } from '../engine/group-builder.js';
import { AREA_ENTRY_SECURITY_CHECK, AREA_IMMEDIATE_ENTRY_NO_EXIT } from './area-entry.js';
import { t, z, line, lines, timers } from './area-testing.js';

/** Into the case-handling area (catalogue §8, interchange §9.2, §10.1). Local times are Asia/Shanghai. */

const CASE = 'case:C1';
const P1 = 'person:P1';
const DAY = '2025-05-06';
const at = (hhmm: string) => `${DAY}T${hhmm}`;

function caseWith(role = 'suspect'): GroupBuilder {
  return new GroupBuilder(CASE)
    .object(CASE, { kind: 'criminal', category: '050200' }, { unit: 'unit:STATION', officer: ['officer:O1', 'officer:O2'] })
    .object('unit:STATION', { name: '某派出所', kind: 'public_security', level: 'station' })
    .object('venue:CHECK', { name: '安检室', room_type: 'security_check' }, { unit: 'unit:STATION' })
    .object('venue:HOLD', { name: '候问室1', room_type: 'holding_room' }, { unit: 'unit:STATION' })
    .object('venue:ROOM', { name: '讯问室1', room_type: 'interrogation_room' }, { unit: 'unit:STATION' })
    .object('unit:BRANCH', { name: '某分局', kind: 'public_security', level: 'branch' })
    .object('officer:L1', { name: '所长', role: 'leader' }, { member_of: 'unit:STATION' })
    .object('officer:L2', { name: '分局长', role: 'leader' }, { member_of: 'unit:BRANCH' })
    .object('officer:A1', { name: '民警', role: 'assistant' }, { member_of: 'unit:STATION' })
    .object(P1, { name: '某甲', role }, { case: CASE });
}
const broughtIn = (g: GroupBuilder, hhmm = '10:00', id = 'b1') => g.event(id, 'person.brought_in', t(at(hhmm)), { basis: 'on_scene' }, { subject: P1, unit: 'unit:STATION', officer: 'officer:O1' });
const enter = (g: GroupBuilder, hhmm: string, venue = 'venue:CHECK', id = `in-${hhmm}`, day = DAY) => g.event(id, 'area.entered', t(`${day}T${hhmm}`), { source: 'positioning' }, { subject: P1, venue });
const exit = (g: GroupBuilder, hhmm: string, kind: string, venue = 'venue:CHECK', attrs: Record<string, string | boolean> = {}, rels: Record<string, string> = {}, id = `out-${hhmm}`) =>
  g.event(id, 'area.exited', t(at(hhmm)), { exit_kind: kind, ...attrs }, { subject: P1, venue, ...rels });
const check = (g: GroupBuilder, hhmm: string, attrs: Record<string, boolean> = {}, custodian = 'officer:K1', id = 'chk') =>
  g.event(id, 'area.security_checked', t(at(hhmm)), { health_recorded: true, belongings_listed: true, ...attrs }, { subject: P1, officer: 'officer:O1', venue: 'venue:CHECK', custodian });
const session = (g: GroupBuilder, hhmm: string, id = 'i1') =>
  g.event(id, 'interrogation.started', t(at(hhmm)), { kind: 'interrogation', av_recorded: true }, { subject: P1, case: CASE, interrogator: ['officer:O1', 'officer:O2'], venue: 'venue:ROOM', document: 'document:BL1' });
const LATER = t('2025-05-07T00:00');

describe('AREA_IMMEDIATE_ENTRY_NO_EXIT', () => {
  const rule = AREA_IMMEDIATE_ENTRY_NO_EXIT;
  const due = z(at('10:15'));
  const warn = z(at('10:11:15'));

  it('raises nothing for an entry within 11 min of arrival', () => {
    assert.deepEqual(enter(broughtIn(caseWith()), '10:11').evaluate(rule, LATER), { alerts: [], timers: [] });
  });

  it('warns for an entry at 14 and 15 min; overdue at 16 min', () => {
    for (const hhmm of ['10:14', '10:15']) {
      assert.deepEqual(lines(enter(broughtIn(caseWith()), hhmm).evaluate(rule, LATER)), [`warning resolved S2 raised ${warn} due ${due} resolved ${z(at(hhmm))}`]);
    }
    assert.deepEqual(lines(enter(broughtIn(caseWith()), '10:16').evaluate(rule, LATER)), [`overdue complied_late S2 raised ${warn} due ${due} resolved ${z(at('10:16'))}`]);
  });

  it('sets a warn timer, then a due timer, then is overdue while the suspect is not in', () => {
    // Some area record of the case must exist (§13): another person's entry.
    const feed = () => broughtIn(caseWith()).object('person:W1', { role: 'witness' }, { case: CASE })
      .event('w-in', 'area.entered', t(at('09:00')), {}, { subject: 'person:W1', venue: 'venue:HOLD' });
    assert.deepEqual(timers(feed().evaluate(rule, t(at('10:05')))), [`warn ${warn}`]);
    const warning = feed().evaluate(rule, t(at('10:12')));
    assert.deepEqual(lines(warning), [`warning open S2 raised ${warn} due ${due}`]);
    assert.deepEqual(timers(warning), [`due ${new Date(Date.parse(due) + 1).toISOString()}`]);
    assert.deepEqual(lines(feed().evaluate(rule, t(at('10:30')))), [`overdue open S2 raised ${warn} due ${due}`]);
  });

  it('is silent for a case without any area record (missing feed, §13)', () => {
    assert.deepEqual(broughtIn(caseWith()).evaluate(rule, LATER), { alerts: [], timers: [] });
  });

  it('counts from the bringing in when a summons on the scene preceded it, else from the summons', () => {
    const summoned = (g: GroupBuilder) => g.event('s1', 'person.summoned', t(at('09:40')), { measure: 'criminal_summons', form: 'oral' }, { subject: P1, case: CASE, unit: 'unit:STATION' });
    const r = enter(broughtIn(summoned(caseWith())), '10:20').evaluate(rule, LATER);
    assert.deepEqual(lines(r), [`overdue complied_late S2 raised ${warn} due ${due} resolved ${z(at('10:20'))}`]);
    assert.equal(r.alerts[0].triggerEventId, 'b1');
    const alone = enter(summoned(caseWith()), '10:00').evaluate(rule, LATER);
    assert.deepEqual(alone.alerts.map((a) => `${a.triggerEventId} ${a.dueAt}`), [`s1 ${z(at('09:55'))}`]);
  });

  it('is met when the person is already in the area, and each new arrival after leaving counts', () => {
    const inside = enter(caseWith(), '09:00', 'venue:HOLD')
      .event('s1', 'person.summoned', t(at('10:00')), { measure: 'criminal_summons', form: 'oral' }, { subject: P1, case: CASE, unit: 'unit:STATION' });
    assert.deepEqual(inside.evaluate(rule, LATER).alerts, []);
    const twice = broughtIn(exit(enter(broughtIn(caseWith()), '10:05'), '12:00', 'final', 'venue:CHECK', { purpose: 'release' }), '15:00', 'b2');
    const r = twice.evaluate(rule, LATER);
    assert.deepEqual(r.alerts.map((a) => `${a.triggerEventId} ${a.level} ${a.status} ${a.dueAt}`), [`b2 overdue open ${z(at('15:15'))}`]);
  });

  it('does not apply to witnesses and victims', () => {
    assert.deepEqual(enter(broughtIn(caseWith('witness')), '11:00').evaluate(rule, LATER).alerts, []);
  });

  it('reads the entry window from the parameters', () => {
    const r = enter(broughtIn(caseWith()), '10:12').evaluate(rule, LATER, { params: { AREA_IMMEDIATE_ENTRY_NO_EXIT: { entryWindowMinutes: 10 } } });
    assert.deepEqual(lines(r), [`overdue complied_late S2 raised ${z(at('10:07:30'))} due ${z(at('10:10'))} resolved ${z(at('10:12'))}`]);
  });

  it('accepts a temporary exit approved by the department head for a lawful purpose', () => {
    const g = enter(exit(enter(broughtIn(caseWith()), '10:05'), '11:00', 'temporary', 'venue:CHECK', { approved_exit: true, purpose: 'identify_scene' }, { approver: 'officer:L1' }), '13:00', 'venue:HOLD');
    assert.deepEqual(g.evaluate(rule, LATER).alerts, []);
  });

  it('needs the approver to be a department head or higher (§13)', () => {
    const out = (approver: string) =>
      enter(exit(enter(broughtIn(caseWith()), '10:05'), '11:00', 'temporary', 'venue:CHECK', { approved_exit: true, purpose: 'recover_loot' }, { approver }), '13:00', 'venue:HOLD').evaluate(rule, LATER);
    const low = out('officer:A1');
    assert.deepEqual(lines(low), [`violation open S2 raised ${z(at('11:00'))}`]);
    assert.match(low.alerts[0].message['zh-CN'], /临时带出办案区：批准人不是办案部门负责人或更高级别/);
    assert.match(low.alerts[0].message.en, /approver is not a department head or higher/);
    assert.equal(out('officer:UNKNOWN').alerts.length, 1); // level unknown
    assert.deepEqual(out('officer:L1').alerts, []);
    assert.deepEqual(out('officer:L2').alerts, []); // county level: higher than required
  });

  it('flags a temporary exit without approval, approver or lawful purpose', () => {
    const out = (attrs: Record<string, string | boolean>, rels: Record<string, string> = {}) =>
      exit(enter(broughtIn(caseWith()), '10:05'), '11:00', 'temporary', 'venue:CHECK', attrs, rels).evaluate(rule, LATER);
    const bare = out({});
    assert.deepEqual(lines(bare), [`violation open S2 raised ${z(at('11:00'))}`]);
    assert.equal(bare.alerts[0].triggerEventId, 'out-11:00');
    assert.match(bare.alerts[0].message['zh-CN'], /未经批准；未记录批准人；未注明带出事由/);
    const other = out({ approved_exit: true, purpose: 'other' }, { approver: 'officer:L1' });
    assert.match(other.alerts[0].message['zh-CN'], /带出事由为“其他”/);
    assert.equal(out({ approved_exit: true, purpose: 'medical' }).alerts.length, 1); // no approver
    // A final exit (release) needs no approval.
    assert.deepEqual(exit(enter(broughtIn(caseWith()), '10:05'), '11:00', 'final', 'venue:CHECK', { purpose: 'release' }).evaluate(rule, LATER).alerts, []);
  });
});

describe('AREA_ENTRY_SECURITY_CHECK', () => {
  const rule = AREA_ENTRY_SECURITY_CHECK;
  const due = z(at('10:15'));
  const warn = z(at('10:11:15'));
  const entered = (role = 'suspect') => enter(caseWith(role), '10:00');

  it('raises nothing for a complete check 5 min after entry, before questioning', () => {
    assert.deepEqual(session(check(entered(), '10:05'), '10:40').evaluate(rule, LATER), { alerts: [], timers: [] });
  });

  it('warns for a check at 14 and 15 min; overdue at 16 min', () => {
    for (const hhmm of ['10:14', '10:15']) {
      assert.deepEqual(lines(check(entered(), hhmm).evaluate(rule, LATER)), [`warning resolved S2 raised ${warn} due ${due} resolved ${z(at(hhmm))}`]);
    }
    assert.deepEqual(lines(check(entered(), '10:16').evaluate(rule, LATER)), [`overdue complied_late S2 raised ${warn} due ${due} resolved ${z(at('10:16'))}`]);
  });

  it('is overdue without a check, and questioning without one is a violation of its own', () => {
    assert.deepEqual(timers(entered().evaluate(rule, t(at('10:05')))), [`warn ${warn}`]);
    const r = session(exit(entered(), '10:20', 'move'), '10:30').evaluate(rule, LATER);
    assert.deepEqual(lines(r), [`overdue open S2 raised ${warn} due ${due}`, `violation open S2 raised ${z(at('10:30'))}`]);
    assert.ok(r.alerts.every((a) => a.triggerEventId === 'in-10:00'));
    assert.ok(r.alerts.some((a) => /首次讯问（询问）开始前未进行人身安全检查/.test(a.message['zh-CN'])));
  });

  it('accepts a check between the arrival and the entry, not one before the arrival', () => {
    // Brought in 09:55, entry swipe 10:00, questioning 10:30.
    const before = (hhmm: string) => session(enter(check(broughtIn(caseWith(), '09:55'), hhmm), '10:00'), '10:30').evaluate(rule, LATER);
    assert.deepEqual(before('09:58'), { alerts: [], timers: [] });
    assert.deepEqual(before('09:55').alerts, []);
    assert.deepEqual(lines(before('09:54')), [`overdue open S2 raised ${warn} due ${due}`, `violation open S2 raised ${z(at('10:30'))}`]);
    // A defective check before the entry is still judged for its content.
    const defective = enter(check(broughtIn(caseWith(), '09:55'), '09:58', { health_recorded: false }), '10:00').evaluate(rule, LATER);
    assert.deepEqual(lines(defective), [`violation open S2 raised ${z(at('09:58'))}`]);
  });

  it('does not take a check from a previous stay, but accepts one after that stay ended', () => {
    const first = () => exit(check(enter(broughtIn(caseWith(), '09:55'), '10:00'), '10:05', {}, 'officer:K1', 'chk1'), '12:00', 'final', 'venue:CHECK', { purpose: 'release' });
    const none = enter(first(), '12:40', 'venue:HOLD', 'in-next');
    assert.deepEqual(none.evaluate(rule, LATER).alerts.map((a) => `${a.triggerEventId} ${a.level}`), ['in-next overdue']);
    assert.deepEqual(enter(check(first(), '12:30', {}, 'officer:K1', 'chk2'), '12:40', 'venue:HOLD', 'in-next').evaluate(rule, LATER).alerts, []);
    // Brought in again at 14:00: a check at 13:59 belongs to neither arrival.
    const again = (hhmm: string) => enter(check(broughtIn(first(), '14:00', 'b2'), hhmm, {}, 'officer:K1', 'chk2'), '14:05', 'venue:HOLD', 'in-next').evaluate(rule, LATER);
    assert.deepEqual(again('14:00').alerts, []);
    assert.deepEqual(again('13:59').alerts.map((a) => `${a.triggerEventId} ${a.level}`), ['in-next overdue']);
  });

  it('flags a check that came after questioning had started, even within 15 min', () => {
    const r = check(session(entered(), '10:08'), '10:10').evaluate(rule, LATER);
    assert.deepEqual(lines(r), [`violation open S2 raised ${z(at('10:08'))}`]);
    assert.match(r.alerts[0].message['zh-CN'], /晚于首次讯问/);
  });

  it('flags a check without health record or belongings list, or with a case officer keeping the belongings', () => {
    const health = check(entered(), '10:05', { health_recorded: false }).evaluate(rule, LATER);
    assert.deepEqual(lines(health), [`violation open S2 raised ${z(at('10:05'))}`]);
    assert.match(health.alerts[0].message['zh-CN'], /未询问记录身体状况/);
    const both = check(entered(), '10:05', { health_recorded: false, belongings_listed: false }, 'officer:O2').evaluate(rule, LATER);
    assert.match(both.alerts[0].message['zh-CN'], /未询问记录身体状况；随身财物未登记；随身财物由本案办案民警保管/);
    // A custodian who is not a case officer is fine.
    assert.deepEqual(check(entered(), '10:05', {}, 'officer:K1').evaluate(rule, LATER).alerts, []);
  });

  it('checks once per stay: room moves do not retrigger, a new stay does', () => {
    const moves = enter(exit(check(entered(), '10:05'), '10:10', 'move'), '10:11', 'venue:HOLD');
    assert.deepEqual(moves.evaluate(rule, LATER).alerts, []);
    const again = enter(exit(check(entered(), '10:05'), '12:00', 'final', 'venue:CHECK', { purpose: 'release' }), '09:00', 'venue:HOLD', 'in-next', '2025-05-07');
    const r = again.evaluate(rule, t('2025-05-08T00:00'));
    assert.deepEqual(r.alerts.map((a) => `${a.triggerEventId} ${a.level} ${a.status} ${a.dueAt}`), [`in-next overdue open ${z('2025-05-07T09:15')}`]);
  });

  it('does not apply to witnesses, and reads the window from the parameters', () => {
    assert.deepEqual(entered('witness').evaluate(rule, LATER).alerts, []);
    const r = check(entered(), '10:14').evaluate(rule, LATER, { params: { AREA_ENTRY_SECURITY_CHECK: { checkWindowMinutes: 20 } } });
    assert.deepEqual(r.alerts, []);
  });
});
