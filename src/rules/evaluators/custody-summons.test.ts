import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { GroupBuilder } from '../engine/group-builder.js';
import { CRIM_SUMMONS_DURATION, CRIM_SUMMONS_PAPERWORK } from './custody-summons.js';
import { approve, CASE, criminalCase, P1, summary, t, timerLines, z } from './custody-testing.js';

/** Criminal summons and forced summons (catalogue §7a, interchange §10.1). Summons at 2025-05-06 08:00 (Tuesday). */
const START = '2025-05-06T08:00';
const summoned = (measure = 'criminal_summons', form = 'warrant', g: GroupBuilder = criminalCase(), id = 's1', at = START, person = P1) =>
  g.event(id, 'person.summoned', t(at), { measure, form }, { subject: person, case: CASE, unit: 'unit:STATION', officer: 'officer:O1', ...(form === 'warrant' ? { document: 'document:CHZ1' } : {}) });
const ended = (g: GroupBuilder, at: string, id = 'e1', person = P1) =>
  g.event(id, 'person.summons_ended', t(at), { outcome: 'released' }, { subject: person, case: CASE });

describe('CRIM_SUMMONS_DURATION', () => {
  const rule = CRIM_SUMMONS_DURATION;
  const F = 'CRIM_SUMMONS_DURATION';
  const due = z('2025-05-06T20:00');
  const warn = z('2025-05-06T18:00'); // WARN at 10 h of 12

  it('raises nothing for a summons ended after 7 h', () => {
    assert.deepEqual(ended(summoned(), '2025-05-06T15:00').evaluate(rule, t('2025-05-08T00:00')), { alerts: [], timers: [] });
  });

  it('keeps a warning for an end at 11 h 59 min and at exactly 12 h; overdue one minute later', () => {
    for (const at of ['2025-05-06T19:59', '2025-05-06T20:00']) {
      assert.deepEqual(summary(ended(summoned(), at).evaluate(rule, t('2025-05-08T00:00')).alerts), [`${F} warning resolved S1 raised ${warn} due ${due} resolved ${z(at)}`]);
    }
    assert.deepEqual(summary(ended(summoned(), '2025-05-06T20:01').evaluate(rule, t('2025-05-08T00:00')).alerts), [`${F} overdue complied_late S1 raised ${warn} due ${due} resolved ${z('2025-05-06T20:01')}`]);
  });

  it('warns at 10 h and is overdue after 12 h while the summons goes on', () => {
    assert.deepEqual(timerLines(summoned().evaluate(rule, t('2025-05-06T12:00')).timers), [`${F} warn fire ${warn} due ${due}`]);
    assert.deepEqual(summary(summoned().evaluate(rule, t('2025-05-06T19:00')).alerts), [`${F} warning open S1 raised ${warn} due ${due}`]);
    assert.deepEqual(summary(summoned().evaluate(rule, t('2025-05-06T20:01')).alerts), [`${F} overdue open S1 raised ${warn} due ${due}`]);
  });

  it('is ended by a detention within the limit', () => {
    const g = summoned().event('d1', 'person.detained', t('2025-05-06T16:00'), {}, { subject: P1, case: CASE, officer: 'officer:O1' });
    assert.deepEqual(g.evaluate(rule, t('2025-05-08T00:00')).alerts, []);
  });

  it('extends a 传唤 to 24 h with a department approval granted within the 12 h', () => {
    const due24 = z('2025-05-07T08:00');
    for (const grantedAt of ['2025-05-06T15:00', '2025-05-06T20:00']) {
      const g = ended(approve(summoned(), 'a1', grantedAt, 'summons', 'PT24H', 'department'), '2025-05-07T07:00');
      const r = g.evaluate(rule, t('2025-05-08T00:00'));
      assert.deepEqual(summary(r.alerts), [`${F} warning resolved S1 raised ${z('2025-05-07T04:00')} due ${due24} resolved ${z('2025-05-07T07:00')}`], grantedAt);
      assert.deepEqual(r.alerts[0].evidenceEventIds, ['a1', 'e1']);
    }
  });

  it('does not extend with an approval after 12 h, before the summons, or for another person', () => {
    const late = ended(approve(summoned(), 'a1', '2025-05-06T20:01', 'summons', 'PT24H', 'department'), '2025-05-07T07:00');
    assert.deepEqual(summary(late.evaluate(rule, t('2025-05-08T00:00')).alerts), [`${F} overdue complied_late S1 raised ${warn} due ${due} resolved ${z('2025-05-07T07:00')}`]);
    const early = ended(summoned('criminal_summons', 'warrant', approve(criminalCase(), 'a1', '2025-05-06T07:00', 'summons', 'PT24H', 'department')), '2025-05-07T07:00');
    assert.equal(early.evaluate(rule, t('2025-05-08T00:00')).alerts[0].dueAt, due);
    const other = ended(summoned(), '2025-05-07T07:00')
      .object('person:P2', { name: '某乙', role: 'suspect' }, { case: CASE })
      .event('a1', 'approval.granted', t('2025-05-06T15:00'), { for: 'summons', new_limit: 'PT24H', level: 'department' }, { approver: 'officer:O1', case: CASE, subject: 'person:P2' });
    assert.equal(other.evaluate(rule, t('2025-05-08T00:00')).alerts[0].dueAt, due);
  });

  it('needs a county approval for a 拘传 (forced summons)', () => {
    const dept = ended(approve(summoned('forced_summons'), 'a1', '2025-05-06T15:00', 'summons', 'PT24H', 'department'), '2025-05-07T07:00');
    assert.equal(dept.evaluate(rule, t('2025-05-08T00:00')).alerts[0].level, 'overdue');
    const county = ended(approve(summoned('forced_summons'), 'a1', '2025-05-06T15:00', 'summons', 'PT24H', 'county'), '2025-05-07T07:00');
    assert.equal(county.evaluate(rule, t('2025-05-08T00:00')).alerts[0].dueAt, z('2025-05-07T08:00'));
  });

  it('flags a new summons within 24 h of the end of the last one', () => {
    const first = ended(summoned(), '2025-05-06T12:00');
    const again = summoned('criminal_summons', 'warrant', first, 's2', '2025-05-07T11:59');
    const r = again.evaluate(rule, t('2025-05-07T12:30'));
    assert.deepEqual(summary(r.alerts), [`${F} violation open S1 raised ${z('2025-05-07T11:59')}`]);
    assert.equal(r.alerts[0].triggerEventId, 's2');
    assert.deepEqual(r.alerts[0].evidenceEventIds, ['s1', 'e1']);
    assert.match(r.alerts[0].message['zh-CN'], /间隔23小时59分钟即再次传唤，不足24小时/);
    const after24 = summoned('criminal_summons', 'warrant', ended(summoned(), '2025-05-06T12:00'), 's2', '2025-05-07T12:00');
    assert.deepEqual(after24.evaluate(rule, t('2025-05-07T12:30')).alerts, []);
    const window12 = summoned('criminal_summons', 'warrant', ended(summoned(), '2025-05-06T12:00'), 's2', '2025-05-07T11:59');
    assert.deepEqual(window12.evaluate(rule, t('2025-05-07T12:30'), { params: { [F]: { repeatWindowHours: 12 } } }).alerts, []);
  });

  it('flags a new summons while the last one is still open', () => {
    const g = summoned('forced_summons', 'warrant', summoned(), 's2', '2025-05-06T19:00');
    const r = g.evaluate(rule, t('2025-05-06T19:30'));
    assert.deepEqual(summary(r.alerts), [`${F} violation open S1 raised ${z('2025-05-06T19:00')}`, `${F} warning resolved S1 raised ${warn} due ${due} resolved ${z('2025-05-06T19:00')}`]);
  });

  it('recognises the same human in another person record of the case by id_number', () => {
    const g = criminalCase().object('person:P2', { name: '某', role: 'suspect', id_number: '110101199001010011' }, { case: CASE });
    const r = summoned('criminal_summons', 'oral', ended(summoned('criminal_summons', 'warrant', g), '2025-05-06T12:00'), 's2', '2025-05-06T18:00', 'person:P2').evaluate(rule, t('2025-05-06T18:30'));
    assert.deepEqual(summary(r.alerts), [`${F} violation open S1 raised ${z('2025-05-06T18:00')}`]);
    assert.equal(r.alerts[0].subject.id, 'person:P2');
  });

  it('does not count a summons that became a detention as back-to-back', () => {
    const g = summoned().event('d1', 'person.detained', t('2025-05-06T12:00'), {}, { subject: P1, case: CASE, officer: 'officer:O1' })
      .event('r1', 'person.released', t('2025-05-06T20:00'), { reason: 'wrongful_detention' }, { subject: P1, case: CASE });
    assert.deepEqual(summoned('criminal_summons', 'warrant', g, 's2', '2025-05-07T09:00').evaluate(rule, t('2025-05-07T10:00')).alerts, []);
  });

  it('is not triggered by administrative summonses or continued questioning, nor by a summons without a subject', () => {
    assert.deepEqual(summoned('admin_summons').evaluate(rule, t('2025-05-08T00:00')), { alerts: [], timers: [] });
    assert.deepEqual(summoned('continued_questioning').evaluate(rule, t('2025-05-08T00:00')), { alerts: [], timers: [] });
    const noSubject = criminalCase().event('s1', 'person.summoned', t(START), { measure: 'criminal_summons', form: 'oral' }, { case: CASE });
    assert.deepEqual(noSubject.evaluate(rule, t('2025-05-08T00:00')), { alerts: [], timers: [] });
  });
});

describe('CRIM_SUMMONS_PAPERWORK', () => {
  const rule = CRIM_SUMMONS_PAPERWORK;
  const F = 'CRIM_SUMMONS_PAPERWORK';
  // Summons 08:00–12:00; the paperwork is due 24 h [D] after the end, WARN at 75 %.
  const due = z('2025-05-07T12:00');
  const warn = z('2025-05-07T06:00');
  const form = (attrs: Record<string, string | boolean | Array<[string, boolean]>>, docType = '传唤证', rels: Record<string, string> = { case: CASE, subject: P1 }) =>
    (g: GroupBuilder) => g.object('document:CHZ1', { doc_type: docType, ...attrs }, rels);
  const warrant = (withForm: (g: GroupBuilder) => GroupBuilder, measure = 'criminal_summons') => ended(summoned(measure, 'warrant', withForm(criminalCase())), '2025-05-06T12:00');

  it('raises nothing when the form is signed and the times are written', () => {
    assert.deepEqual(warrant(form({ subject_signed: true, times_recorded: true })).evaluate(rule, t('2025-05-09T00:00')), { alerts: [], timers: [] });
    assert.deepEqual(warrant(form({ refusal_noted: true, times_recorded: true })).evaluate(rule, t('2025-05-09T00:00')).alerts, [], 'refusal noted');
    assert.deepEqual(warrant(form({ subject_signed: true, times_recorded: true }, '拘传证'), 'forced_summons').evaluate(rule, t('2025-05-09T00:00')).alerts, []);
  });

  it('keeps a warning when the times are completed at the last minute, overdue one minute late', () => {
    for (const at of ['2025-05-07T11:59', '2025-05-07T12:00']) {
      const g = warrant(form({ subject_signed: true, times_recorded: [[t(at), true]] }));
      assert.deepEqual(summary(g.evaluate(rule, t('2025-05-09T00:00')).alerts), [`${F} warning resolved S3 raised ${warn} due ${due} resolved ${z(at)}`]);
    }
    const late = warrant(form({ subject_signed: true, times_recorded: [[t('2025-05-06T12:00'), false], [t('2025-05-07T12:01'), true]] }));
    assert.deepEqual(summary(late.evaluate(rule, t('2025-05-09T00:00')).alerts), [`${F} overdue complied_late S3 raised ${warn} due ${due} resolved ${z('2025-05-07T12:01')}`]);
  });

  it('is open, then overdue, for a form without times, without signature, or missing', () => {
    for (const withForm of [form({ subject_signed: true, times_recorded: false }), form({ subject_signed: false, times_recorded: true }), (g: GroupBuilder) => g]) {
      assert.deepEqual(timerLines(warrant(withForm).evaluate(rule, t('2025-05-06T13:00')).timers), [`${F} warn fire ${warn} due ${due}`]);
      assert.deepEqual(summary(warrant(withForm).evaluate(rule, t('2025-05-07T12:01')).alerts), [`${F} overdue open S3 raised ${warn} due ${due}`]);
    }
  });

  it('reports values never sent as a data gap (S4)', () => {
    assert.deepEqual(summary(warrant(form({ subject_signed: true })).evaluate(rule, t('2025-05-07T12:01')).alerts), [`${F} overdue open S4 raised ${warn} due ${due}`]);
  });

  it('finds a form naming the person when the summons does not link it', () => {
    const g = ended(criminalCase()
      .object('document:CHZ9', { doc_type: '传唤证', subject_signed: true, times_recorded: true }, { case: CASE, subject: P1 })
      .event('s1', 'person.summoned', t(START), { measure: 'criminal_summons', form: 'warrant' }, { subject: P1, case: CASE }), '2025-05-06T12:00');
    assert.deepEqual(g.evaluate(rule, t('2025-05-09T00:00')).alerts, []);
  });

  it('checks an oral summons in the 讯问笔录 of the session', () => {
    const session = (transcript: Record<string, boolean>) => (g: GroupBuilder) =>
      g.object('document:W1', { doc_type: '讯问笔录', ...transcript }, { case: CASE, subject: P1 })
        .event('i1', 'interrogation.started', t('2025-05-06T09:00'), { kind: 'interrogation', av_recorded: true }, { subject: P1, case: CASE, interrogator: 'officer:O1', document: 'document:W1' });
    const oral = (withSession: (g: GroupBuilder) => GroupBuilder) => ended(summoned('criminal_summons', 'oral', withSession(criminalCase())), '2025-05-06T12:00');
    assert.deepEqual(oral(session({ times_recorded: true })).evaluate(rule, t('2025-05-09T00:00')).alerts, []);
    assert.deepEqual(summary(oral(session({ times_recorded: false })).evaluate(rule, t('2025-05-09T00:00')).alerts), [`${F} overdue open S3 raised ${warn} due ${due}`]);
    assert.deepEqual(summary(oral((g) => g).evaluate(rule, t('2025-05-09T00:00')).alerts), [`${F} overdue open S3 raised ${warn} due ${due}`], 'no session at all');
  });

  it('is not judged before the summons ends, nor for a surrender', () => {
    assert.deepEqual(summoned('criminal_summons', 'warrant', form({})(criminalCase())).evaluate(rule, t('2025-05-09T00:00')), { alerts: [], timers: [] });
    assert.deepEqual(ended(summoned('criminal_summons', 'surrender'), '2025-05-06T12:00').evaluate(rule, t('2025-05-09T00:00')), { alerts: [], timers: [] });
  });
});
