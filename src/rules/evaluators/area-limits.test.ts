import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { GroupBuilder } from '../engine/group-builder.js';
import { AREA_MAX_STAY, AREA_SPECIAL_PERSONS_4H } from './area-limits.js';
import { t, z, line, lines } from './area-testing.js';

/** Stay limits of the case-handling area (catalogue §8, interchange §9.2, §10.1). Local times are Asia/Shanghai. */

const CASE = 'case:C1';
const P1 = 'person:P1';
const d = (hhmm: string, day = 6) => `2025-05-0${day}T${hhmm}`;
const LATER = t('2025-05-09T00:00');

function caseWith(kind = 'criminal', person: Record<string, string | boolean> = {}): GroupBuilder {
  return new GroupBuilder(CASE)
    .object(CASE, { kind }, { unit: 'unit:STATION' })
    .object('venue:HOLD', { name: '候问室1', room_type: 'holding_room' })
    .object('venue:ROOM', { name: '询问室1', room_type: 'inquiry_room' })
    .object(P1, { name: '某甲', role: 'suspect', birth_date: '1990-01-01', ...person }, { case: CASE });
}
const ev = (g: GroupBuilder, id: string, type: string, at: string, attrs: Record<string, string | boolean | number> = {}, rels: Record<string, string> = {}) =>
  g.event(id, type, t(at), attrs, { subject: P1, ...rels });
const enter = (g: GroupBuilder, at: string, venue = 'venue:HOLD', id = `in-${at}`) => ev(g, id, 'area.entered', at, { source: 'positioning' }, { venue });
const leave = (g: GroupBuilder, at: string, kind = 'final', attrs: Record<string, string | boolean> = {}, id = `out-${at}`) =>
  ev(g, id, 'area.exited', at, { exit_kind: kind, ...attrs }, { venue: 'venue:HOLD' });
const summon = (g: GroupBuilder, at: string, measure = 'criminal_summons', id = 's1') => ev(g, id, 'person.summoned', at, { measure, form: 'warrant' }, { case: CASE, unit: 'unit:STATION' });
const approve = (g: GroupBuilder, at: string, purpose: string, newLimit: string, level: string, reason?: string) =>
  ev(g, `a-${at}`, 'approval.granted', at, { for: purpose, new_limit: newLimit, level, ...(reason ? { reason } : {}) }, { approver: 'officer:L1', case: CASE });

describe('AREA_MAX_STAY', () => {
  const rule = AREA_MAX_STAY;
  const entered = () => enter(caseWith(), d('10:00'));

  it('without another basis: nothing before 18 h, a warning up to 24 h, overdue after', () => {
    assert.deepEqual(leave(entered(), d('03:59', 7)).evaluate(rule, LATER), { alerts: [], timers: [] });
    const due = z(d('10:00', 7));
    const warn = z(d('04:00', 7));
    for (const at of [d('09:59', 7), d('10:00', 7)]) {
      assert.deepEqual(lines(leave(entered(), at).evaluate(rule, LATER)), [`warning resolved S1 raised ${warn} due ${due} resolved ${z(at)}`]);
    }
    assert.deepEqual(lines(leave(entered(), d('10:01', 7)).evaluate(rule, LATER)), [`overdue complied_late S1 raised ${warn} due ${due} resolved ${z(d('10:01', 7))}`]);
    assert.deepEqual(lines(entered().evaluate(rule, t(d('11:00', 7)))), [`overdue open S1 raised ${warn} due ${due}`]);
  });

  it('counts time outside the area on a temporary exit (§9.2)', () => {
    const g = leave(enter(leave(entered(), d('12:00'), 'temporary', { approved_exit: true, purpose: 'identify_scene' }), d('09:00', 7)), d('11:00', 7));
    assert.deepEqual(lines(g.evaluate(rule, LATER)), [`overdue complied_late S1 raised ${z(d('04:00', 7))} due ${z(d('10:00', 7))} resolved ${z(d('11:00', 7))}`]);
  });

  it('limits a summoned person to the summons: 12 h criminal, 24 h approved, 8 h administrative, from the summons', () => {
    const crim = leave(enter(summon(caseWith(), d('09:30')), d('09:40')), d('21:40')).evaluate(rule, LATER);
    assert.deepEqual(lines(crim), [`overdue complied_late S1 raised ${z(d('18:30'))} due ${z(d('21:30'))} resolved ${z(d('21:40'))}`]);
    assert.match(crim.alerts[0].message['zh-CN'], /传唤、拘传12小时/);
    const approved = leave(approve(enter(summon(caseWith(), d('09:30')), d('09:40')), d('20:00'), 'summons', 'PT24H', 'department'), d('21:40'));
    assert.deepEqual(approved.evaluate(rule, LATER).alerts, []);
    const admin = leave(enter(summon(caseWith('administrative'), d('09:30'), 'admin_summons'), d('09:40')), d('17:31')).evaluate(rule, LATER);
    assert.deepEqual(lines(admin), [`overdue complied_late S1 raised ${z(d('15:30'))} due ${z(d('17:30'))} resolved ${z(d('17:31'))}`]);
  });

  it('limits continued questioning to what was approved', () => {
    const cq = () => approve(enter(summon(caseWith('administrative'), d('08:00'), 'continued_questioning'), d('08:10')), d('19:00'), 'continued_questioning', 'PT24H', 'county');
    assert.deepEqual(leave(cq(), d('07:00', 7)).evaluate(rule, LATER).alerts.map((a) => a.dueAt), [z(d('08:00', 7))]);
    assert.deepEqual(leave(cq(), d('08:01', 7)).evaluate(rule, LATER).alerts.map((a) => a.level), ['overdue']);
  });

  it('lets continued questioning begun after the entry replace the 24 h ceiling, up to what was approved', () => {
    // In the area at 10:00 without a basis; continued questioning from 10:10, approved to 24 h, then 48 h.
    const cq = (fortyEight: boolean) => {
      const g = approve(summon(enter(caseWith('administrative'), d('10:00')), d('10:10'), 'continued_questioning'), d('20:00'), 'continued_questioning', 'PT24H', 'county');
      return fortyEight ? approve(g, d('09:00', 7), 'continued_questioning', 'PT48H', 'county', 'identity_unknown') : g;
    };
    const due24 = z(d('10:10', 7));
    assert.deepEqual(lines(leave(cq(false), d('10:10', 7)).evaluate(rule, LATER)), [`warning resolved S1 raised ${z(d('04:10', 7))} due ${due24} resolved ${z(d('10:10', 7))}`]);
    const late = leave(cq(false), d('10:11', 7)).evaluate(rule, LATER);
    assert.deepEqual(lines(late), [`overdue complied_late S1 raised ${z(d('04:10', 7))} due ${due24} resolved ${z(d('10:11', 7))}`]);
    assert.match(late.alerts[0].message['zh-CN'], /继续盘问24小时/);
    const due48 = z(d('10:10', 8));
    assert.deepEqual(leave(cq(true), d('22:05', 7)).evaluate(rule, LATER).alerts, []);
    assert.deepEqual(leave(cq(true), d('10:10', 8)).evaluate(rule, LATER).alerts.map((a) => `${a.level} ${a.dueAt}`), [`warning ${due48}`]);
    assert.deepEqual(leave(cq(true), d('10:11', 8)).evaluate(rule, LATER).alerts.map((a) => `${a.level} ${a.dueAt}`), [`overdue ${due48}`]);
    // Without an approval: 12 h from the summons.
    const plain = leave(summon(enter(caseWith('administrative'), d('10:00')), d('10:10'), 'continued_questioning'), d('22:11'));
    assert.deepEqual(plain.evaluate(rule, LATER).alerts.map((a) => `${a.level} ${a.dueAt}`), [`overdue ${z(d('22:10'))}`]);
  });

  it('gives a person released 1 h to leave, from the release', () => {
    const g = leave(ev(enter(summon(caseWith(), d('09:30')), d('09:40')), 'e1', 'person.summons_ended', d('13:00'), { outcome: 'released' }), d('14:01'));
    const r = g.evaluate(rule, LATER);
    assert.deepEqual(lines(r), [`overdue complied_late S1 raised ${z(d('13:45'))} due ${z(d('14:00'))} resolved ${z(d('14:01'))}`]);
    assert.match(r.alerts[0].message['zh-CN'], /释放后1小时内离开/);
    assert.deepEqual(r.alerts[0].evidenceEventIds, ['e1', 'out-2025-05-06T14:01']);
    // Bail also lets the person go.
    const bail = leave(ev(enter(caseWith(), d('09:40')), 'b1', 'person.bail_started', d('13:00'), {}, { case: CASE }), d('13:30'));
    assert.deepEqual(bail.evaluate(rule, LATER).alerts, []);
  });

  it('keeps the overrun when the basis changes too late', () => {
    const g = leave(ev(enter(summon(caseWith('administrative'), d('08:00'), 'admin_summons'), d('08:10')), 'e1', 'person.summons_ended', d('16:30'), { outcome: 'released' }), d('17:00'));
    assert.deepEqual(g.evaluate(rule, LATER).alerts.map((a) => `${a.level} ${a.dueAt}`), [`overdue ${z(d('16:00'))}`]);
  });

  it('gives a detained person 24 h from the detention, whether before or during the stay', () => {
    const during = leave(ev(enter(summon(caseWith(), d('08:00')), d('08:10')), 'det', 'person.detained', d('19:00'), {}, { case: CASE, officer: 'officer:O1' }), d('12:59', 7));
    assert.deepEqual(during.evaluate(rule, LATER).alerts, []);
    const before = () => enter(ev(caseWith(), 'det', 'person.detained', d('06:00'), {}, { case: CASE, officer: 'officer:O1' }), d('07:00'));
    assert.deepEqual(lines(leave(before(), d('06:30', 7)).evaluate(rule, LATER)), [`overdue complied_late S1 raised ${z(d('00:00', 7))} due ${z(d('06:00', 7))} resolved ${z(d('06:30', 7))}`]);
    // Already in the detention house before this stay (brought back for questioning): the ceiling applies.
    const jailed = leave(enter(ev(ev(caseWith(), 'det', 'person.detained', d('06:00'), {}, { case: CASE, officer: 'officer:O1' }), 'j1', 'person.jailed', d('12:00'), {}, { unit: 'unit:KSS' }), d('09:00', 7)), d('12:00', 7));
    assert.deepEqual(jailed.evaluate(rule, LATER).alerts, []);
  });

  it('gives 6 h after an executed administrative detention decision to reach the detention centre', () => {
    const g = (exitAt: string) => leave(ev(enter(summon(caseWith('administrative'), d('08:00'), 'admin_summons'), d('08:10')), 'dec', 'person.admin_detention_decided', d('12:00'), { days: 5, execute: true }, { case: CASE }), exitAt, 'final', { purpose: 'to_jail' });
    assert.deepEqual(g(d('13:00')).evaluate(rule, LATER).alerts, []);
    assert.deepEqual(lines(g(d('18:01')).evaluate(rule, LATER)), [`overdue complied_late S1 raised ${z(d('16:30'))} due ${z(d('18:00'))} resolved ${z(d('18:01'))}`]);
  });

  it('restarts an administrative summons\' 8 h at a transfer of jurisdiction (移送管辖, MPS-A art.62)', () => {
    const g = (exitAt: string) => leave(enter(summon(caseWith('administrative'), d('08:00'), 'admin_summons'), d('08:10'))
      .event('tr', 'case.transferred', t(d('14:00')), {}, { case: CASE, target_unit: 'unit:OTHER' }), exitAt);
    assert.deepEqual(lines(g(d('22:00')).evaluate(rule, LATER)).map((l) => l.split(' ').slice(0, 2).join(' ')), ['warning resolved']);
    assert.deepEqual(lines(g(d('22:01')).evaluate(rule, LATER)), [`overdue complied_late S1 raised ${z(d('20:00'))} due ${z(d('22:00'))} resolved ${z(d('22:01'))}`]);
  });

  it('does not let a new summons lengthen the stay', () => {
    const g = leave(summon(enter(summon(caseWith('administrative'), d('08:00'), 'admin_summons'), d('08:10')), d('15:00'), 'admin_summons', 's2'), d('17:00'));
    assert.deepEqual(g.evaluate(rule, LATER).alerts.map((a) => `${a.level} ${a.dueAt}`), [`overdue ${z(d('16:00'))}`]);
  });

  it('reads the ceiling and the release and transfer hours from the parameters', () => {
    const params = { AREA_MAX_STAY: { ceilingHours: 12, releaseExitHours: 2 } };
    assert.deepEqual(leave(entered(), d('22:01')).evaluate(rule, LATER, { params }).alerts.map((a) => a.dueAt), [z(d('22:00'))]);
    const released = leave(ev(enter(summon(caseWith(), d('09:30')), d('09:40')), 'e1', 'person.summons_ended', d('13:00'), { outcome: 'released' }), d('14:29'));
    assert.deepEqual(released.evaluate(rule, LATER, { params }).alerts, []);
  });

  it('is silent for a case without area records', () => {
    assert.deepEqual(summon(caseWith(), d('08:00')).evaluate(rule, LATER).alerts, []);
  });
});

describe('AREA_SPECIAL_PERSONS_4H', () => {
  const rule = AREA_SPECIAL_PERSONS_4H;
  const questioned = (person: Record<string, string | boolean> = { birth_date: '2010-01-01' }, at = d('10:00')) =>
    summon(caseWith('administrative', person), at, 'continued_questioning');
  const ended = (g: GroupBuilder, at: string, handedOver = 'family') => ev(g, 'e1', 'person.summons_ended', at, { outcome: 'released', handed_over: handedOver });
  const due = z(d('14:00'));
  const warn = z(d('13:00'));

  it('raises nothing within 3 h; warns at 3 h 59 min and 4 h; overdue one minute later', () => {
    assert.deepEqual(ended(questioned(), d('12:59')).evaluate(rule, LATER), { alerts: [], timers: [] });
    for (const at of [d('13:59'), d('14:00')]) {
      assert.deepEqual(lines(ended(questioned(), at).evaluate(rule, LATER)), [`warning resolved S1 raised ${warn} due ${due} resolved ${z(at)}`]);
    }
    assert.deepEqual(lines(ended(questioned(), d('14:01')).evaluate(rule, LATER)), [`overdue complied_late S1 raised ${warn} due ${due} resolved ${z(d('14:01'))}`]);
    assert.deepEqual(lines(questioned().evaluate(rule, t(d('14:30')))), [`overdue open S1 raised ${warn} due ${due}`]);
  });

  it('applies to under-16s, 70 and over, pregnant and nursing women, not to other adults or other measures', () => {
    const late = (g: GroupBuilder) => ended(g, d('15:00')).evaluate(rule, LATER).alerts.length;
    assert.equal(late(questioned({ birth_date: '1955-05-06' })), 1);
    assert.equal(late(questioned({ birth_date: '1980-01-01', gender: 'female', pregnant: true })), 1);
    assert.equal(late(questioned({ birth_date: '1980-01-01', gender: 'female', nursing: true })), 1);
    assert.equal(late(questioned({ birth_date: '2009-05-06' })), 0); // 16 that day
    assert.equal(late(questioned({ birth_date: '1955-05-07' })), 0); // 69
    assert.equal(late(summon(caseWith('administrative', { birth_date: '2010-01-01' }), d('10:00'), 'admin_summons')), 0);
  });

  it('flags putting the person in a holding room during the questioning', () => {
    const r = ended(enter(questioned(), d('10:10')), d('12:00')).evaluate(rule, LATER);
    assert.deepEqual(lines(r), [`violation open S1 raised ${z(d('10:10'))}`]);
    assert.match(r.alerts[0].message['zh-CN'], /关入候问室/);
    assert.deepEqual(ended(enter(questioned(), d('10:10'), 'venue:ROOM'), d('12:00')).evaluate(rule, LATER).alerts, []);
    // Already in a holding room when the questioning began.
    const before = ended(summon(enter(caseWith('administrative', { birth_date: '2010-01-01' }), d('09:50')), d('10:00'), 'continued_questioning'), d('12:00'));
    assert.deepEqual(lines(before.evaluate(rule, LATER)), [`violation open S1 raised ${z(d('10:00'))}`]);
  });

  it('needs a night release (21:00–07:00) handed to family or guardian, or escorted home', () => {
    const night = (at: string, handedOver: string) => ended(questioned({ birth_date: '2010-01-01' }, d('19:00')), at, handedOver).evaluate(rule, LATER);
    const r = night(d('21:00'), 'self');
    assert.deepEqual(lines(r), [`violation open S1 raised ${z(d('21:00'))}`]);
    assert.match(r.alerts[0].message['zh-CN'], /21时至次日7时之间释放/);
    for (const handedOver of ['family', 'guardian', 'escorted_home']) assert.deepEqual(night(d('21:30'), handedOver).alerts, [], handedOver);
    assert.deepEqual(night(d('20:59'), 'self').alerts, []);
    const released = ev(questioned({ birth_date: '2010-01-01' }, d('20:30')), 'r1', 'person.released', d('23:00')).evaluate(rule, LATER);
    assert.deepEqual(lines(released), [`violation open S1 raised ${z(d('23:00'))}`]);
  });

  it('reads the handover from a summons_ended at the same instant as a person.released', () => {
    // Ids order person.released first, so it ends the measure; handed_over is only on person.summons_ended (§8.2).
    const both = (handedOver: string, endedAt = d('22:00')) => ev(ev(questioned({ birth_date: '1950-01-01' }, d('19:30')), 'e0', 'person.released', d('22:00')),
      'e1', 'person.summons_ended', endedAt, { outcome: 'released', handed_over: handedOver }).evaluate(rule, LATER);
    assert.deepEqual(both('family').alerts, []);
    assert.deepEqual(both('escorted_home').alerts, []);
    assert.deepEqual(lines(both('self')), [`violation open S1 raised ${z(d('22:00'))}`]);
    // A summons_ended a minute later is not part of this release.
    assert.deepEqual(lines(both('family', d('22:01'))), [`violation open S1 raised ${z(d('22:00'))}`]);
  });
});
