import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { GroupBuilder } from '../engine/group-builder.js';
import { CASE, criminalCase, P1, summary, t, timerLines, z } from './custody-testing.js';
import { CRIM_BAIL_FORM, CRIM_COUNSEL_RIGHTS, CRIM_DETENTION_WARRANT_SHOWN } from './measures-extra-criminal.js';

/** Non-core criminal measures (catalogue §7a): detention warrant, bail form, right to counsel. */
const on = (g: GroupBuilder, id: string, type: string, at: string, attrs: Record<string, string | boolean> = {}, rels: Record<string, string | string[]> = {}) =>
  g.event(id, type, t(at), attrs, { subject: P1, case: CASE, ...rels });
/** Leaders of the station (department level) and of the branch (county level). */
const withLeaders = (g = criminalCase()) => g
  .object('officer:LS', { name: '所长', badge_no: '8', role: 'leader' }, { member_of: 'unit:STATION' })
  .object('officer:LB', { name: '局长', badge_no: '9', role: 'leader' }, { member_of: 'unit:BRANCH' });
const doc = (g: GroupBuilder, id: string, docType: string, attrs: Parameters<GroupBuilder['object']>[1] = {}) =>
  g.object(id, { doc_type: docType, ...attrs }, { case: CASE, subject: P1 });
const filed = (g: GroupBuilder, id: string, docId: string, at: string) => g.event(id, 'document.filed', t(at), {}, { document: docId, case: CASE });
const asOf = t('2025-04-01T00:00');

describe('CRIM_DETENTION_WARRANT_SHOWN', () => {
  const rule = CRIM_DETENTION_WARRANT_SHOWN;
  const F = 'CRIM_DETENTION_WARRANT_SHOWN';
  const detained = (g: GroupBuilder, rels: Record<string, string | string[]> = {}, id = 'd1', at = '2025-03-10T10:00') =>
    on(g, id, 'person.detained', at, {}, { officer: 'officer:O1', approver: 'officer:LB', ...rels });
  const signed = (attrs: Record<string, string | boolean> = { subject_signed: true }) => doc(withLeaders(), 'document:W1', '拘留证', attrs);
  const due = z('2025-03-11T10:00');
  const warn = z('2025-03-11T04:00'); // 75 % of 24 h

  it('raises nothing for a signed warrant carried by a county-approved detention', () => {
    assert.deepEqual(detained(signed(), { document: 'document:W1' }).evaluate(rule, asOf), { alerts: [], timers: [] });
    assert.deepEqual(detained(signed({ subject_signed: false, refusal_noted: true }), { document: 'document:W1' }).evaluate(rule, asOf).alerts, []);
  });

  it('accepts a warrant naming the person filed by 24 h (emergency), warns after 18 h; one minute later is late', () => {
    assert.deepEqual(summary(filed(detained(signed()), 'f1', 'document:W1', '2025-03-11T10:00').evaluate(rule, asOf).alerts),
      [`${F} warning resolved S2 raised ${warn} due ${due} resolved ${due}`]);
    assert.deepEqual(summary(filed(detained(signed()), 'f1', 'document:W1', '2025-03-11T10:01').evaluate(rule, asOf).alerts),
      [`${F} overdue complied_late S2 raised ${warn} due ${due} resolved ${z('2025-03-11T10:01')}`]);
  });

  it('counts from when the signature was recorded', () => {
    const g = doc(withLeaders(), 'document:W1', '拘留证', { subject_signed: [['2025-03-10T09:00:00+08:00', 'false'], ['2025-03-11T11:00:00+08:00', 'true']] });
    assert.deepEqual(summary(detained(g, { document: 'document:W1' }).evaluate(rule, asOf).alerts),
      [`${F} overdue complied_late S2 raised ${warn} due ${due} resolved ${z('2025-03-11T11:00')}`]);
  });

  it('is open while no signed warrant is on file: a timer, a warning, then overdue', () => {
    const none = detained(withLeaders());
    assert.deepEqual(timerLines(none.evaluate(rule, t('2025-03-10T12:00')).timers), [`${F} warn fire ${warn} due ${due}`]);
    assert.deepEqual(summary(none.evaluate(rule, t('2025-03-11T05:00')).alerts), [`${F} warning open S2 raised ${warn} due ${due}`]);
    assert.deepEqual(summary(none.evaluate(rule, t('2025-03-11T10:01')).alerts), [`${F} overdue open S2 raised ${warn} due ${due}`]);
    // Signed false without a refusal noted never complies.
    assert.deepEqual(summary(detained(signed({ subject_signed: false }), { document: 'document:W1' }).evaluate(rule, asOf).alerts), [`${F} overdue open S2 raised ${warn} due ${due}`]);
  });

  it('does not hold signature values never sent against the warrant (§5.2)', () => {
    assert.deepEqual(detained(signed({}), { document: 'document:W1' }).evaluate(rule, asOf).alerts, []);
  });

  it("does not let an earlier detention's warrant serve a later one", () => {
    const g = detained(detained(signed(), { document: 'document:W1' }), {}, 'd2', '2025-03-20T10:00');
    assert.deepEqual(summary(g.evaluate(rule, asOf).alerts), [`${F} overdue open S2 raised ${z('2025-03-21T04:00')} due ${z('2025-03-21T10:00')}`]);
  });

  it('runs on the wall clock over National Day (hours never move)', () => {
    const r = detained(withLeaders(), {}, 'd1', '2025-09-30T12:00').evaluate(rule, t('2025-10-08T00:00'));
    assert.deepEqual(summary(r.alerts), [`${F} overdue open S2 raised ${z('2025-10-01T06:00')} due ${z('2025-10-01T12:00')}`]);
  });

  it('flags an approval below county level at once; a branch unit or a higher head is enough; no approver is not judged', () => {
    const rel = { document: 'document:W1' };
    for (const approver of ['officer:LS', 'officer:O1', 'unit:STATION']) {
      const r = detained(signed(), { ...rel, approver }).evaluate(rule, asOf);
      assert.deepEqual(summary(r.alerts), [`${F} violation open S2 raised ${z('2025-03-10T10:00')}`], approver);
      assert.match(r.alerts[0].message['zh-CN'], /不是县级以上公安机关负责人/);
    }
    assert.deepEqual(detained(signed(), { ...rel, approver: 'unit:BRANCH' }).evaluate(rule, asOf).alerts, []);
    const none = on(signed(), 'd1', 'person.detained', '2025-03-10T10:00', {}, { officer: 'officer:O1', document: 'document:W1' });
    assert.deepEqual(none.evaluate(rule, asOf).alerts, []);
    assert.deepEqual(detained(signed(), { ...rel, approver: 'officer:UNKNOWN' }).evaluate(rule, asOf).alerts, []);
  });
});

describe('CRIM_BAIL_FORM', () => {
  const rule = CRIM_BAIL_FORM;
  const F = 'CRIM_BAIL_FORM';
  const bail = (g: GroupBuilder, rels: Record<string, string> = {}, id = 'b1', at = '2025-03-10T10:00') => on(g, id, 'person.bail_started', at, {}, rels);
  const due = z('2025-03-11T10:00');
  const warn = z('2025-03-11T04:00');

  it('raises nothing with a guarantee letter or a deposit notice', () => {
    assert.deepEqual(bail(doc(criminalCase(), 'document:G', '保证书'), { document: 'document:G' }).evaluate(rule, asOf), { alerts: [], timers: [] });
    assert.deepEqual(filed(bail(doc(criminalCase(), 'document:D', '收取保证金通知书')), 'f1', 'document:D', '2025-03-10T09:00').evaluate(rule, asOf).alerts, []);
  });

  it('warns after 18 h, accepts the form at 24 h, is late one minute later', () => {
    const late = (at: string) => filed(bail(doc(criminalCase(), 'document:D', '收取保证金通知书')), 'f1', 'document:D', at).evaluate(rule, asOf);
    assert.deepEqual(summary(late('2025-03-11T10:00').alerts), [`${F} warning resolved S3 raised ${warn} due ${due} resolved ${due}`]);
    assert.deepEqual(summary(late('2025-03-11T10:01').alerts), [`${F} overdue complied_late S3 raised ${warn} due ${due} resolved ${z('2025-03-11T10:01')}`]);
  });

  it('is overdue without either; hours run through the Spring Festival', () => {
    assert.deepEqual(summary(bail(criminalCase()).evaluate(rule, t('2025-03-11T10:01')).alerts), [`${F} overdue open S3 raised ${warn} due ${due}`]);
    const festival = bail(criminalCase(), {}, 'b1', '2025-01-28T10:00').evaluate(rule, t('2025-02-10T00:00'));
    assert.deepEqual(summary(festival.alerts), [`${F} overdue open S3 raised ${z('2025-01-29T04:00')} due ${z('2025-01-29T10:00')}`]);
  });

  it('flags a guarantor and a deposit for one bail when the second appears', () => {
    const g = filed(bail(doc(doc(criminalCase(), 'document:G', '保证书'), 'document:D', '收取保证金通知书'), { document: 'document:G' }), 'f1', 'document:D', '2025-03-12T09:00');
    const r = g.evaluate(rule, asOf);
    assert.deepEqual(summary(r.alerts), [`${F} violation open S3 raised ${z('2025-03-12T09:00')}`]);
    assert.match(r.alerts[0].message['zh-CN'], /既有保证书又有收取保证金通知书/);
  });

  it("keeps each bail's documents apart: a guarantor first, a deposit on a later bail", () => {
    let g = bail(doc(criminalCase(), 'document:G', '保证书'), { document: 'document:G' });
    g = on(g, 'd1', 'person.detained', '2025-03-15T10:00', {}, { officer: 'officer:O1' });
    g = filed(bail(doc(g, 'document:D', '收取保证金通知书'), {}, 'b2', '2025-03-20T10:00'), 'f1', 'document:D', '2025-03-20T11:00');
    assert.deepEqual(g.evaluate(rule, asOf).alerts, []);
    // A later bail with no document of its own is not covered by the first bail's letter.
    const second = bail(on(bail(doc(criminalCase(), 'document:G', '保证书'), { document: 'document:G' }), 'd1', 'person.detained', '2025-03-15T10:00', {}, { officer: 'officer:O1' }), {}, 'b2', '2025-03-20T10:00');
    assert.deepEqual(summary(second.evaluate(rule, asOf).alerts), [`${F} overdue open S3 raised ${z('2025-03-21T04:00')} due ${z('2025-03-21T10:00')}`]);
  });

  it('ignores a document of another person', () => {
    const g = criminalCase().object('document:G', { doc_type: '保证书' }, { case: CASE, subject: 'person:OTHER' });
    assert.deepEqual(summary(filed(bail(g), 'f1', 'document:G', '2025-03-10T11:00').evaluate(rule, asOf).alerts), [`${F} overdue open S3 raised ${warn} due ${due}`]);
  });
});

describe('CRIM_COUNSEL_RIGHTS', () => {
  const rule = CRIM_COUNSEL_RIGHTS;
  const F = 'CRIM_COUNSEL_RIGHTS';
  const detained = (g = criminalCase(), at = '2025-03-10T10:00') => on(g, 'd1', 'person.detained', at, {}, { officer: 'officer:O1' });
  const notice = (g: GroupBuilder, at: string) => g.event('n1', 'notice.served', t(at), { notice_type: 'rights_notice' }, { subject: P1, case: CASE });
  const session = (g: GroupBuilder, at: string) => on(g, 's1', 'interrogation.started', at, { kind: 'interrogation', av_recorded: true }, { interrogator: 'officer:O1', venue: 'venue:V1', document: 'document:T1' });
  const due = z('2025-03-11T10:00');
  const warn = z('2025-03-11T04:00');

  it('raises nothing when told at the measure, or before it', () => {
    assert.deepEqual(notice(detained(), '2025-03-10T12:00').evaluate(rule, asOf), { alerts: [], timers: [] });
    assert.deepEqual(notice(detained(), '2025-03-10T09:30').evaluate(rule, asOf).alerts, []);
  });

  it('warns after 18 h, accepts 24 h, is late one minute later, overdue with no notice', () => {
    assert.deepEqual(summary(notice(detained(), '2025-03-11T10:00').evaluate(rule, asOf).alerts), [`${F} warning resolved S2 raised ${warn} due ${due} resolved ${due}`]);
    assert.deepEqual(summary(notice(detained(), '2025-03-11T10:01').evaluate(rule, asOf).alerts), [`${F} overdue complied_late S2 raised ${warn} due ${due} resolved ${z('2025-03-11T10:01')}`]);
    assert.deepEqual(summary(detained().evaluate(rule, asOf).alerts), [`${F} overdue open S2 raised ${warn} due ${due}`]);
    assert.deepEqual(timerLines(detained().evaluate(rule, t('2025-03-10T11:00')).timers), [`${F} warn fire ${warn} due ${due}`]);
  });

  it('leaves a first interrogation or questioning before the measure to INTV_FIRST_RIGHTS_NOTICE', () => {
    assert.deepEqual(detained(session(criminalCase(), '2025-03-10T08:00')).evaluate(rule, asOf).alerts, []);
    // A session after the measure does not: the measure came first.
    assert.equal(detained(session(criminalCase(), '2025-03-10T11:00')).evaluate(rule, asOf).alerts.length, 1);
  });

  it('starts at the first coercive measure: a summons is none, a forced summons or bail is', () => {
    const summons = on(criminalCase(), 'm0', 'person.summoned', '2025-03-09T10:00', { measure: 'criminal_summons', form: 'warrant' }, { unit: 'unit:STATION' });
    assert.deepEqual(summary(detained(summons).evaluate(rule, asOf).alerts), [`${F} overdue open S2 raised ${warn} due ${due}`]);
    const forced = on(criminalCase(), 'm0', 'person.summoned', '2025-03-09T10:00', { measure: 'forced_summons', form: 'warrant' }, { unit: 'unit:STATION' });
    assert.deepEqual(summary(detained(forced).evaluate(rule, asOf).alerts), [`${F} overdue open S2 raised ${z('2025-03-10T04:00')} due ${z('2025-03-10T10:00')}`]);
    const bail = on(criminalCase(), 'b1', 'person.bail_started', '2025-03-10T10:00');
    assert.deepEqual(summary(bail.evaluate(rule, asOf).alerts), [`${F} overdue open S2 raised ${warn} due ${due}`]);
  });

  it('runs on the wall clock over National Day', () => {
    const r = detained(criminalCase(), '2025-09-30T20:00').evaluate(rule, t('2025-10-08T00:00'));
    assert.deepEqual(summary(r.alerts), [`${F} overdue open S2 raised ${z('2025-10-01T14:00')} due ${z('2025-10-01T20:00')}`]);
  });

  it('is not triggered in an administrative case or without a measure', () => {
    const admin = criminalCase().object(CASE, { kind: 'administrative', category: 'X' }, { unit: 'unit:STATION' });
    assert.deepEqual(detained(admin).evaluate(rule, asOf).alerts, []);
    assert.deepEqual(criminalCase().evaluate(rule, asOf), { alerts: [], timers: [] });
  });
});
