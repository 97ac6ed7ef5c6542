import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { GroupBuilder } from '../engine/group-builder.js';
import { CASE, criminalCase, P1, summary, t, timerLines, z } from './custody-testing.js';
import { ADMIN_COERCIVE_MEASURE_AFTER_THE_FACT, ADMIN_DETENTION_DECIDER_LEVEL, ADMIN_ONSITE_PENALTY_FILED_24H, ADMIN_QUICK_PROCESS_48H } from './measures-extra-admin.js';

/** Non-core administrative measures (catalogue §7b). */
const adminCase = (): GroupBuilder => new GroupBuilder(CASE)
  .object(CASE, { kind: 'administrative', admin_type: 'public_order', category: 'X01' }, { unit: 'unit:STATION' })
  .object('unit:STATION', { name: '派出所', kind: 'public_security', level: 'station' })
  .object('unit:BRANCH', { name: '分局', kind: 'public_security', level: 'branch' })
  .object('officer:O1', { name: '甲', badge_no: '1', role: 'lead' }, { member_of: 'unit:STATION' })
  .object('officer:LS', { name: '所长', badge_no: '8', role: 'leader' }, { member_of: 'unit:STATION' })
  .object('officer:LB', { name: '局长', badge_no: '9', role: 'leader' }, { member_of: 'unit:BRANCH' })
  .object(P1, { name: '某', role: 'suspect', birth_date: '1990-01-01' }, { case: CASE })
  .object('item:I1', { description: '赌资', value: 800 }, { case: CASE })
  .object('item:I2', { description: '手机', value: 500 }, { case: CASE });
const asOf = t('2025-04-01T00:00');

describe('ADMIN_COERCIVE_MEASURE_AFTER_THE_FACT', () => {
  const rule = ADMIN_COERCIVE_MEASURE_AFTER_THE_FACT;
  const F = 'ADMIN_COERCIVE_MEASURE_AFTER_THE_FACT';
  const seized = (g = adminCase(), rels: Record<string, string> = {}) =>
    g.event('s1', 'item.seized', t('2025-03-10T10:00'), { mode: 'evidence_preservation' }, { item: 'item:I1', case: CASE, officer: 'officer:O1', ...rels });
  const approval = (g: GroupBuilder, at: string, rels: Record<string, string> = { item: 'item:I1' }) =>
    g.event('a1', 'approval.granted', t(at), { for: 'seizure', level: 'department' }, { approver: 'officer:LS', case: CASE, ...rels });
  const due = z('2025-03-11T10:00');
  const warn = z('2025-03-11T04:00');

  it('raises nothing for a measure approved beforehand (approver on the act, or an earlier approval)', () => {
    assert.deepEqual(seized(adminCase(), { approver: 'officer:LS' }).evaluate(rule, asOf), { alerts: [], timers: [] });
    assert.deepEqual(seized(approval(adminCase(), '2025-03-10T09:00')).evaluate(rule, asOf), { alerts: [], timers: [] });
  });

  it('wants the approval of an on-the-spot measure within 24 h: warning after 18 h, late one minute after', () => {
    assert.deepEqual(approval(seized(), '2025-03-10T15:00').evaluate(rule, asOf).alerts, []);
    assert.deepEqual(summary(approval(seized(), '2025-03-11T10:00').evaluate(rule, asOf).alerts), [`${F} warning resolved S2 raised ${warn} due ${due} resolved ${due}`]);
    assert.deepEqual(summary(approval(seized(), '2025-03-11T10:01').evaluate(rule, asOf).alerts), [`${F} overdue complied_late S2 raised ${warn} due ${due} resolved ${z('2025-03-11T10:01')}`]);
    assert.deepEqual(summary(seized().evaluate(rule, asOf).alerts), [`${F} overdue open S2 raised ${warn} due ${due}`]);
    assert.deepEqual(timerLines(seized().evaluate(rule, t('2025-03-10T12:00')).timers), [`${F} warn fire ${warn} due ${due}`]);
  });

  it('counts a case-level approval, not one of another item; hours run through National Day', () => {
    assert.deepEqual(approval(seized(), '2025-03-10T15:00', {}).evaluate(rule, asOf).alerts, []);
    assert.deepEqual(summary(approval(seized(), '2025-03-10T15:00', { item: 'item:I2' }).evaluate(rule, asOf).alerts), [`${F} overdue open S2 raised ${warn} due ${due}`]);
    const holiday = adminCase().event('s1', 'item.seized', t('2025-10-01T10:00'), { mode: 'seizure' }, { item: 'item:I1', case: CASE, officer: 'officer:O1' });
    assert.deepEqual(summary(holiday.evaluate(rule, t('2025-10-08T00:00')).alerts), [`${F} overdue open S2 raised ${z('2025-10-02T04:00')} due ${z('2025-10-02T10:00')}`]);
  });

  it('is not triggered in a criminal case (PROP_SEIZURE_DOCS judges its approval)', () => {
    const g = criminalCase().object('item:I1', { description: '赃物' }, { case: CASE });
    assert.deepEqual(seized(g).evaluate(rule, asOf), { alerts: [], timers: [] });
  });
});

describe('ADMIN_QUICK_PROCESS_48H', () => {
  const rule = ADMIN_QUICK_PROCESS_48H;
  const F = 'ADMIN_QUICK_PROCESS_48H';
  const consent = (g: GroupBuilder, subject: string | string[] = P1, docType = '快速办理告知书') => g
    .object('document:K', { doc_type: docType, subject_signed: true }, { case: CASE, subject })
    .event('k1', 'document.filed', t('2025-03-10T11:00'), {}, { document: 'document:K', case: CASE });
  const summoned = (g = adminCase()) =>
    g.event('m1', 'person.summoned', t('2025-03-10T10:00'), { measure: 'admin_summons', form: 'oral' }, { subject: P1, case: CASE, unit: 'unit:STATION' });
  const decided = (g: GroupBuilder, at: string, subject: string | string[] = P1) =>
    g.event('c1', 'case.decided', t(at), { outcome: 'penalty' }, { case: CASE, subject, approver: 'officer:LB' });
  const due = z('2025-03-12T10:00');
  const warn = z('2025-03-11T22:00'); // 75 % of 48 h

  it('raises nothing for a fast-track case decided within the day, nor for a case not fast-tracked', () => {
    assert.deepEqual(decided(consent(summoned()), '2025-03-10T16:00').evaluate(rule, asOf), { alerts: [], timers: [] });
    assert.deepEqual(decided(summoned(), '2025-03-20T16:00').evaluate(rule, asOf), { alerts: [], timers: [] });
  });

  it('runs 48 h from the arrival: a warning at 36 h, the last minute in time, one minute later late', () => {
    assert.deepEqual(summary(decided(consent(summoned()), '2025-03-12T10:00').evaluate(rule, asOf).alerts), [`${F} warning resolved S3 raised ${warn} due ${due} resolved ${due}`]);
    assert.deepEqual(summary(decided(consent(summoned()), '2025-03-12T10:01').evaluate(rule, asOf).alerts), [`${F} overdue complied_late S3 raised ${warn} due ${due} resolved ${z('2025-03-12T10:01')}`]);
    assert.deepEqual(summary(consent(summoned()).evaluate(rule, asOf).alerts), [`${F} overdue open S3 raised ${warn} due ${due}`]);
    assert.deepEqual(timerLines(consent(summoned()).evaluate(rule, t('2025-03-10T12:00')).timers), [`${F} warn fire ${warn} due ${due}`]);
  });

  it('runs from a person.brought_in as the 到案, and over the Spring Festival on the wall clock', () => {
    const g = consent(adminCase().event('b1', 'person.brought_in', t('2025-03-10T09:00'), { basis: 'on_scene' }, { subject: P1, case: CASE, unit: 'unit:STATION' }));
    assert.deepEqual(summary(summoned(g).evaluate(rule, asOf).alerts), [`${F} overdue open S3 raised ${z('2025-03-11T21:00')} due ${z('2025-03-12T09:00')}`]);
    const festival = adminCase()
      .event('m1', 'person.summoned', t('2025-01-28T10:00'), { measure: 'admin_summons', form: 'oral' }, { subject: P1, case: CASE, unit: 'unit:STATION' })
      .object('document:K', { doc_type: '快速办理告知书' }, { case: CASE, subject: P1 })
      .event('k1', 'document.filed', t('2025-01-28T11:00'), {}, { document: 'document:K', case: CASE });
    assert.deepEqual(summary(festival.evaluate(rule, t('2025-02-10T00:00')).alerts), [`${F} overdue open S3 raised ${z('2025-01-29T22:00')} due ${z('2025-01-30T10:00')}`]);
  });

  it('runs from the arrival the consent was given in, not a later one', () => {
    const g = consent(summoned())
      .event('e1', 'person.summons_ended', t('2025-03-10T12:00'), { outcome: 'released' }, { subject: P1, case: CASE })
      .event('m2', 'person.summoned', t('2025-03-11T10:00'), { measure: 'admin_summons', form: 'warrant' }, { subject: P1, case: CASE, unit: 'unit:STATION' });
    assert.deepEqual(summary(g.evaluate(rule, asOf).alerts), [`${F} overdue open S3 raised ${warn} due ${due}`]);
  });

  it('applies a consent naming nobody to every suspect, and a decision on another person does not count', () => {
    const g = summoned(adminCase().object('person:P2', { name: '某乙', role: 'witness' }, { case: CASE }));
    assert.deepEqual(summary(decided(consent(g, []), '2025-03-11T10:00', 'person:P2').evaluate(rule, asOf).alerts), [`${F} overdue open S3 raised ${warn} due ${due}`]);
    assert.deepEqual(decided(consent(g, []), '2025-03-11T10:00', []).evaluate(rule, asOf).alerts, []);
  });

  it('reads the document names from consentDocTypes', () => {
    const g = consent(summoned(), P1, '快速办理同意书');
    assert.deepEqual(g.evaluate(rule, asOf).alerts, []);
    assert.equal(g.evaluate(rule, asOf, { params: { [F]: { consentDocTypes: '快速办理告知书, 快速办理同意书' } } }).alerts.length, 1);
  });

  it('flags fast track for a juvenile, a deaf or mute person, a hearing case or ten days of detention', () => {
    const check = (g: GroupBuilder, raised: string, reason: RegExp) => {
      const r = decided(g, '2025-03-10T16:00').evaluate(rule, asOf);
      assert.deepEqual(summary(r.alerts), [`${F} violation open S3 raised ${raised}`]);
      assert.match(r.alerts[0].message['zh-CN'], reason);
    };
    const person = (attrs: Record<string, string | boolean>) => adminCase().object(P1, { name: '某', role: 'suspect', birth_date: '1990-01-01', ...attrs }, { case: CASE });
    check(consent(summoned(person({ birth_date: '2008-03-11' }))), z('2025-03-10T11:00'), /未成年人（16周岁）/);
    check(consent(summoned(person({ deaf_mute: true }))), z('2025-03-10T11:00'), /聋哑人/);
    check(consent(summoned(adminCase().object('document:H', { doc_type: '听证笔录' }, { case: CASE }).event('h1', 'document.filed', t('2025-03-10T13:00'), {}, { document: 'document:H', case: CASE }))), z('2025-03-10T13:00'), /听证/);
    check(consent(summoned()).event('x1', 'person.admin_detention_decided', t('2025-03-10T15:00'), { days: 10, execute: true }, { subject: P1, case: CASE }), z('2025-03-10T15:00'), /十日以上/);
    // Nine days of detention may be fast-tracked.
    assert.deepEqual(decided(consent(summoned()).event('x1', 'person.admin_detention_decided', t('2025-03-10T15:00'), { days: 9, execute: true }, { subject: P1, case: CASE }), '2025-03-10T16:00').evaluate(rule, asOf).alerts, []);
  });

  it('is not triggered in a criminal case or without an arrival', () => {
    assert.deepEqual(consent(criminalCase()).evaluate(rule, asOf), { alerts: [], timers: [] });
    assert.deepEqual(consent(adminCase()).evaluate(rule, asOf), { alerts: [], timers: [] });
  });
});

describe('ADMIN_ONSITE_PENALTY_FILED_24H', () => {
  const rule = ADMIN_ONSITE_PENALTY_FILED_24H;
  const F = 'ADMIN_ONSITE_PENALTY_FILED_24H';
  const onSite = (attrs: Record<string, string> = { issued_at: t('2025-03-10T10:00') }) => adminCase()
    .object('document:D', { doc_type: '当场处罚决定书', ...attrs }, { case: CASE, subject: P1 })
    .event('c1', 'case.decided', t('2025-03-10T10:05'), { outcome: 'penalty' }, { case: CASE, subject: P1, document: 'document:D' });
  const filed = (g: GroupBuilder, at: string, doc = 'document:D') => g.event(`f-${doc}`, 'document.filed', t(at), {}, { document: doc, case: CASE });
  const due = z('2025-03-11T10:00');
  const warn = z('2025-03-11T04:00');

  it('raises nothing when filed the same day', () => {
    assert.deepEqual(filed(onSite(), '2025-03-10T17:00').evaluate(rule, asOf), { alerts: [], timers: [] });
  });

  it('runs 24 h from issued_at: the last minute in time with a warning, one minute later late (S4)', () => {
    assert.deepEqual(summary(filed(onSite(), '2025-03-11T10:00').evaluate(rule, asOf).alerts), [`${F} warning resolved S4 raised ${warn} due ${due} resolved ${due}`]);
    assert.deepEqual(summary(filed(onSite(), '2025-03-11T10:01').evaluate(rule, asOf).alerts), [`${F} overdue complied_late S4 raised ${warn} due ${due} resolved ${z('2025-03-11T10:01')}`]);
  });

  it('is overdue when other documents are filed but not this one; unverified when the case sends no filing at all (§13)', () => {
    const g = filed(onSite().object('document:X', { doc_type: '询问笔录' }, { case: CASE }), '2025-03-10T12:00', 'document:X');
    assert.deepEqual(summary(g.evaluate(rule, asOf).alerts), [`${F} overdue open S4 raised ${warn} due ${due}`]);
    assert.deepEqual(timerLines(g.evaluate(rule, t('2025-03-10T12:00')).timers), [`${F} warn fire ${warn} due ${due}`]);
    assert.deepEqual(onSite().evaluate(rule, asOf), { alerts: [], timers: [] });
  });

  it('runs from the decision without issued_at; not at all with neither; hours run through the Spring Festival', () => {
    assert.deepEqual(summary(filed(onSite({}), '2025-03-11T10:06').evaluate(rule, asOf).alerts), [`${F} overdue complied_late S4 raised ${z('2025-03-11T04:05')} due ${z('2025-03-11T10:05')} resolved ${z('2025-03-11T10:06')}`]);
    const bare = filed(adminCase().object('document:D', { doc_type: '当场处罚决定书' }, { case: CASE }), '2025-03-20T10:00');
    assert.deepEqual(bare.evaluate(rule, asOf), { alerts: [], timers: [] });
    const festival = filed(adminCase().object('document:D', { doc_type: '当场处罚决定书', issued_at: t('2025-01-28T10:00') }, { case: CASE }), '2025-01-29T10:01');
    assert.deepEqual(summary(festival.evaluate(rule, asOf).alerts), [`${F} overdue complied_late S4 raised ${z('2025-01-29T04:00')} due ${z('2025-01-29T10:00')} resolved ${z('2025-01-29T10:01')}`]);
  });

  it('is not triggered for an ordinary decision or in a criminal case', () => {
    const ordinary = filed(adminCase().object('document:D', { doc_type: '行政处罚决定书', issued_at: t('2025-03-10T10:00') }, { case: CASE }), '2025-03-20T10:00');
    assert.deepEqual(ordinary.evaluate(rule, asOf), { alerts: [], timers: [] });
    const criminal = filed(criminalCase().object('document:D', { doc_type: '当场处罚决定书', issued_at: t('2025-03-10T10:00') }, { case: CASE }), '2025-03-20T10:00');
    assert.deepEqual(criminal.evaluate(rule, asOf), { alerts: [], timers: [] });
  });
});

describe('ADMIN_DETENTION_DECIDER_LEVEL', () => {
  const rule = ADMIN_DETENTION_DECIDER_LEVEL;
  const F = 'ADMIN_DETENTION_DECIDER_LEVEL';
  const decision = (approver?: string, g = adminCase()) => g
    .object('document:D', { doc_type: '行政处罚决定书' }, { case: CASE, subject: P1 })
    .event('x1', 'person.admin_detention_decided', t('2025-03-10T16:00'), { days: 5, execute: true }, { subject: P1, case: CASE, document: 'document:D', ...(approver ? { approver } : {}) });
  const violationAt = [`${F} violation open S2 raised ${z('2025-03-10T16:00')}`];

  it('raises nothing for a decision approved by a county-level head or a branch', () => {
    assert.deepEqual(decision('officer:LB').evaluate(rule, asOf), { alerts: [], timers: [] });
    assert.deepEqual(decision('unit:BRANCH').evaluate(rule, asOf), { alerts: [], timers: [] });
  });

  it('flags a decision by a station head, a station or an officer who is no leader', () => {
    for (const approver of ['officer:LS', 'unit:STATION', 'officer:O1']) {
      const r = decision(approver).evaluate(rule, asOf);
      assert.deepEqual(summary(r.alerts), violationAt, approver);
      assert.match(r.alerts[0].message['zh-CN'], /不是县级以上公安机关负责人/);
    }
  });

  it('falls back on the approver of the case decision carrying the same document', () => {
    const withCase = (approver: string) => decision(undefined).event('c1', 'case.decided', t('2025-03-10T16:00'), { outcome: 'penalty' }, { case: CASE, subject: P1, document: 'document:D', approver });
    assert.deepEqual(summary(withCase('officer:LS').evaluate(rule, asOf).alerts), violationAt);
    assert.deepEqual(withCase('officer:LB').evaluate(rule, asOf).alerts, []);
  });

  it('does not judge a decision whose approver is unknown', () => {
    assert.deepEqual(decision(undefined).evaluate(rule, asOf), { alerts: [], timers: [] });
    assert.deepEqual(decision('officer:NOBODY').evaluate(rule, asOf), { alerts: [], timers: [] });
  });
});
