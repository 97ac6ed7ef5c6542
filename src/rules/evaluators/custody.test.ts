import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { GroupBuilder } from '../engine/group-builder.js';
import { CRIM_MEASURE_EXPIRED_NOT_LIFTED, CUSTODY_EVALUATORS } from './custody.js';
import { approve, CASE, criminalCase, P1, PROCURATORATE, summary, t, timerLines, z } from './custody-testing.js';
import { CRIM_DETENTION_ARREST_REQUEST_DEADLINE, CRIM_DETENTION_INTERROGATE_24H, CRIM_DETENTION_NOTIFY_FAMILY_24H, CRIM_DETENTION_TO_JAIL_24H } from './detention.js';

/** CRIM_MEASURE_EXPIRED_NOT_LIFTED over every §9.1 interval, and the custody rules on the worked example (§12). */
const F = 'CRIM_MEASURE_EXPIRED_NOT_LIFTED';
const rule = CRIM_MEASURE_EXPIRED_NOT_LIFTED;
const on = (g: GroupBuilder, id: string, type: string, at: string, attrs: Record<string, string | boolean | number> = {}, rels: Record<string, string> = {}) =>
  g.event(id, type, t(at), attrs, { subject: P1, case: CASE, ...rels });
const detained = (g = criminalCase()) => on(g, 'd1', 'person.detained', '2025-03-10T23:40', {}, { officer: 'officer:O1' });
const requested = (g: GroupBuilder, at: string) => on(g, 'q1', 'person.arrest_requested', at, {}, { target_unit: PROCURATORATE });

/** The custody part of the worked example 12.1, as its events (W4…W8 documents linked). */
function workedExample(): GroupBuilder {
  const g = criminalCase()
    .object('document:W4', { doc_type: '拘留证' }, { case: CASE, subject: P1 })
    .object('document:W6', { doc_type: '讯问笔录' }, { case: CASE, subject: P1 });
  on(g, 'ajgl:E0310-14', 'person.detained', '2025-03-10T23:40', {}, { officer: 'officer:O1', document: 'document:W4' });
  on(g, 'baq:XW0311-1', 'interrogation.started', '2025-03-11T00:30', { kind: 'interrogation', av_recorded: false, first_time: true }, { interrogator: 'officer:O1', document: 'document:W6' });
  on(g, 'ajgl:E0311-02', 'notice.served', '2025-03-11T00:32', { notice_type: 'rights_notice' }, {});
  on(g, 'baq:XW0311-2', 'interrogation.ended', '2025-03-11T02:10', {}, { document: 'document:W6' });
  on(g, 'ajgl:E0311-09', 'person.jailed', '2025-03-11T09:30', {}, { unit: 'unit:JAIL' });
  on(g, 'ajgl:E0312-03', 'person.family_notified', '2025-03-12T05:40', { measure: 'criminal_detention', method: 'phone' });
  return on(g, 'ajgl:E0313-21', 'person.arrest_requested', '2025-03-13T16:00', {}, { target_unit: PROCURATORATE });
}

describe('the worked example (§12.3) as of 2025-03-13 16:00', () => {
  const detention = [CRIM_DETENTION_NOTIFY_FAMILY_24H, CRIM_DETENTION_TO_JAIL_24H, CRIM_DETENTION_INTERROGATE_24H, CRIM_DETENTION_ARREST_REQUEST_DEADLINE];

  it('raises only the detention alerts of §12.3 and leaves the review and the measure limit due 03-21 00:00', () => {
    const r = workedExample().evaluate([...detention, ...CUSTODY_EVALUATORS], t('2025-03-13T16:00'));
    assert.deepEqual(summary(r.alerts), [
      `CRIM_DETENTION_ARREST_REQUEST_DEADLINE warning resolved S1 raised ${z('2025-03-13T00:00')} due ${z('2025-03-14T00:00')} resolved ${z('2025-03-13T16:00')}`,
      `CRIM_DETENTION_NOTIFY_FAMILY_24H overdue complied_late S2 raised ${z('2025-03-11T17:40')} due ${z('2025-03-11T23:40')} resolved ${z('2025-03-12T05:40')}`,
    ]);
    assert.deepEqual(timerLines(r.timers), [
      `CRIM_ARREST_DECISION_AWAIT_7D warn fire ${z('2025-03-20T00:00')} due ${z('2025-03-21T00:00')}`,
      `${F} due fire ${z('2025-03-21T00:00')} due ${z('2025-03-21T00:00')}`,
    ]);
  });
});

describe('CRIM_MEASURE_EXPIRED_NOT_LIFTED', () => {
  it('holds a detention to the request deadline until a request comes, then to 7 days after it', () => {
    assert.deepEqual(timerLines(detained().evaluate(rule, t('2025-03-12T00:00')).timers), [`${F} due fire ${z('2025-03-14T00:00')} due ${z('2025-03-14T00:00')}`]);
    const open = detained().evaluate(rule, t('2025-03-14T00:00'));
    assert.deepEqual(summary(open.alerts), [`${F} overdue open S1 raised ${z('2025-03-14T00:00')} due ${z('2025-03-14T00:00')}`]);
    assert.match(open.alerts[0].message['zh-CN'], /^刑事拘留期限届满应立即释放、解除或依法变更：/);
    const r = requested(detained(), '2025-03-13T16:00').evaluate(rule, t('2025-03-13T16:00'));
    assert.deepEqual(r.alerts, []);
    assert.equal(r.timers[0]?.dueAt, z('2025-03-21T00:00'));
  });

  it('raises nothing when the detention ends in time, even at the last minute; held over one minute is S1', () => {
    const arrested = on(requested(detained(), '2025-03-13T16:00'), 'ar', 'person.arrested', '2025-03-20T23:59', {}, { officer: 'officer:O1' }).evaluate(rule, t('2025-04-01T00:00'));
    assert.deepEqual(arrested.alerts, []);
    assert.deepEqual(arrested.timers.map((x) => x.dueAt), [z('2025-05-21T00:00')], 'only the custody after arrest is pending');
    const late = on(requested(detained(), '2025-03-13T16:00'), 'r1', 'person.released', '2025-03-21T00:01', { reason: 'term_expired' }).evaluate(rule, t('2025-04-01T00:00'));
    assert.deepEqual(summary(late.alerts), [`${F} overdue complied_late S1 raised ${z('2025-03-21T00:00')} due ${z('2025-03-21T00:00')} resolved ${z('2025-03-21T00:01')}`]);
  });

  it('does not let a late request restart the detention limit', () => {
    const g = on(requested(detained(), '2025-03-15T10:00'), 'ar', 'person.arrested', '2025-03-20T10:00', {}, { officer: 'officer:O1' });
    assert.deepEqual(summary(g.evaluate(rule, t('2025-03-20T10:00')).alerts), [`${F} overdue complied_late S1 raised ${z('2025-03-14T00:00')} due ${z('2025-03-14T00:00')} resolved ${z('2025-03-20T10:00')}`]);
  });

  it('follows an approved arrest-request limit (P7D, county)', () => {
    const g = approve(detained(), 'a1', '2025-03-12T10:00', 'arrest_request', 'P7D', 'county');
    assert.equal(g.evaluate(rule, t('2025-03-12T12:00')).timers[0]?.dueAt, z('2025-03-18T00:00'));
  });

  it('judges an approver without a stated level by role and unit at the approval, not as of T (§3.2, §8.4)', () => {
    // officer:O2 heads the branch (县级以上负责人) from `leaderFrom`; the approval names no level.
    const g = (leaderFrom: string) => detained(criminalCase().object('officer:O2', { name: '乙', badge_no: '2', role: [['1970-01-01T00:00:00Z', 'lead'], [t(leaderFrom), 'leader']] }, { member_of: 'unit:BRANCH' }))
      .event('a1', 'approval.granted', t('2025-03-12T10:00'), { for: 'arrest_request', new_limit: 'P7D' }, { approver: 'officer:O2', case: CASE, subject: P1 });
    const due = (leaderFrom: string) => g(leaderFrom).evaluate(rule, t('2025-03-12T12:00')).timers[0]?.dueAt;
    assert.equal(due('2025-03-12T09:59'), z('2025-03-18T00:00'));
    assert.equal(due('2025-03-12T10:01'), z('2025-03-14T00:00')); // promoted a minute later: the approval did not count
  });

  it('gives one finding per interval: detention, then custody after arrest (2 months)', () => {
    const g = on(requested(detained(), '2025-03-13T16:00'), 'ar', 'person.arrested', '2025-03-20T10:00', {}, { officer: 'officer:O1' });
    assert.deepEqual(timerLines(g.evaluate(rule, t('2025-03-20T12:00')).timers), [`${F} due fire ${z('2025-05-21T00:00')} due ${z('2025-05-21T00:00')}`]);
    assert.deepEqual(summary(g.evaluate(rule, t('2025-05-21T00:00')).alerts), [`${F} overdue open S1 raised ${z('2025-05-21T00:00')} due ${z('2025-05-21T00:00')}`]);
  });

  it('holds a criminal summons to 12 h (24 h when approved); the limit instant itself is in time', () => {
    const summoned = () => on(criminalCase(), 's1', 'person.summoned', '2025-05-06T08:00', { measure: 'criminal_summons', form: 'warrant' });
    const endAt = (g: GroupBuilder, at: string) => on(g, 'e1', 'person.summons_ended', at, { outcome: 'released' });
    assert.deepEqual(endAt(summoned(), '2025-05-06T20:00').evaluate(rule, t('2025-05-07T00:00')), { alerts: [], timers: [] });
    assert.deepEqual(summary(endAt(summoned(), '2025-05-06T20:01').evaluate(rule, t('2025-05-07T00:00')).alerts), [`${F} overdue complied_late S1 raised ${z('2025-05-06T20:00')} due ${z('2025-05-06T20:00')} resolved ${z('2025-05-06T20:01')}`]);
    assert.deepEqual(timerLines(summoned().evaluate(rule, t('2025-05-06T12:00')).timers), [`${F} due fire 2025-05-06T12:00:00.001Z due ${z('2025-05-06T20:00')}`], 'an hour limit fires just after its last instant');
    assert.deepEqual(endAt(approve(summoned(), 'a1', '2025-05-06T15:00', 'summons', 'PT24H', 'department'), '2025-05-07T07:00').evaluate(rule, t('2025-05-08T00:00')).alerts, []);
  });

  it('holds an administrative summons to 8 h, 24 h with approval, and continued questioning to the approved tier', () => {
    const admin = on(criminalCase(), 's1', 'person.summoned', '2025-05-06T08:00', { measure: 'admin_summons', form: 'warrant' });
    assert.equal(admin.evaluate(rule, t('2025-05-06T09:00')).timers[0]?.dueAt, z('2025-05-06T16:00'));
    assert.equal(approve(admin, 'a1', '2025-05-06T15:00', 'summons', 'PT24H', 'department').evaluate(rule, t('2025-05-06T16:00')).timers[0]?.dueAt, z('2025-05-07T08:00'));
    const cq = () => on(criminalCase(), 's1', 'person.summoned', '2025-05-06T08:00', { measure: 'continued_questioning', form: 'oral' });
    assert.equal(cq().evaluate(rule, t('2025-05-06T09:00')).timers[0]?.dueAt, z('2025-05-06T20:00'));
    const to24 = approve(cq(), 'a1', '2025-05-06T19:00', 'continued_questioning', 'PT24H', 'county');
    assert.equal(to24.evaluate(rule, t('2025-05-06T21:00')).timers[0]?.dueAt, z('2025-05-07T08:00'));
    const to48 = approve(to24, 'a2', '2025-05-07T07:00', 'continued_questioning', 'PT48H', 'county', 'identity_unknown');
    assert.equal(to48.evaluate(rule, t('2025-05-07T09:00')).timers[0]?.dueAt, z('2025-05-08T08:00'));
    const jump = approve(cq(), 'a2', '2025-05-06T19:00', 'continued_questioning', 'PT48H', 'county', 'identity_unknown');
    assert.equal(jump.evaluate(rule, t('2025-05-06T19:30')).timers[0]?.dueAt, z('2025-05-06T20:00'), 'no jump from 12 to 48 h');
  });

  it('restarts an administrative summons at a transfer of jurisdiction while it runs (MPS-A art.62)', () => {
    const admin = () => on(criminalCase(), 's1', 'person.summoned', '2025-05-06T08:00', { measure: 'admin_summons', form: 'oral' });
    const transferred = (g: GroupBuilder, at: string) => g.event('tr', 'case.transferred', t(at), {}, { case: CASE, target_unit: 'unit:BRANCH' });
    const endAt = (g: GroupBuilder, at: string) => on(g, 'e1', 'person.summons_ended', at, { outcome: 'released' });
    assert.equal(transferred(admin(), '2025-05-06T14:00').evaluate(rule, t('2025-05-06T15:00')).timers[0]?.dueAt, z('2025-05-06T22:00'));
    assert.deepEqual(endAt(transferred(admin(), '2025-05-06T14:00'), '2025-05-06T22:00').evaluate(rule, t('2025-05-07T00:00')).alerts, []);
    const late = endAt(transferred(admin(), '2025-05-06T14:00'), '2025-05-06T22:01').evaluate(rule, t('2025-05-07T00:00'));
    assert.deepEqual(summary(late.alerts), [`${F} overdue complied_late S1 raised ${z('2025-05-06T22:00')} due ${z('2025-05-06T22:00')} resolved ${z('2025-05-06T22:01')}`]);
    assert.deepEqual(late.alerts[0].evidenceEventIds.includes('tr'), true);
    // A transfer after the 8 h ran out cures nothing.
    assert.equal(transferred(admin(), '2025-05-06T16:01').evaluate(rule, t('2025-05-06T17:00')).alerts[0]?.dueAt, z('2025-05-06T16:00'));
  });

  it('excludes only the suspect’s own psychiatric appraisal from the custody limit', () => {
    const g = on(criminalCase().object('person:P2', { name: '乙', role: 'suspect' }, { case: CASE }), 'ar', 'person.arrested', '2025-03-20T10:00', {}, { officer: 'officer:O1' })
      .event('ap1', 'appraisal.started', t('2025-04-01T10:00'), { psychiatric: true }, { case: CASE, subject: 'person:P2', document: 'document:JD2' })
      .event('ap2', 'appraisal.ended', t('2025-04-21T10:00'), {}, { case: CASE, subject: 'person:P2', document: 'document:JD2' });
    assert.deepEqual(g.evaluate(rule, t('2025-05-20T23:59')).alerts, []);
    assert.deepEqual(summary(g.evaluate(rule, t('2025-05-21T00:00')).alerts), [`${F} overdue open S1 raised ${z('2025-05-21T00:00')} due ${z('2025-05-21T00:00')}`]);
  });

  it('holds bail to 12 months and RSDL to 6, moved off holidays', () => {
    const bail = on(criminalCase(), 'b1', 'person.bail_started', '2024-10-01T10:00');
    assert.equal(bail.evaluate(rule, t('2025-01-01T00:00')).timers[0]?.dueAt, z('2025-10-10T00:00'));
    const rsdl = on(criminalCase(), 'm1', 'person.rsdl_started', '2025-04-01T10:00', { designated: false });
    assert.deepEqual(summary(rsdl.evaluate(rule, t('2025-10-10T00:00')).alerts), [`${F} overdue open S1 raised ${z('2025-10-10T00:00')} due ${z('2025-10-10T00:00')}`]);
  });

  it('holds administrative detention to its decided days (custodial), and skips a decision without days', () => {
    const decided = (days?: number) => on(criminalCase(), 'ad', 'person.admin_detention_decided', '2025-09-25T09:00', { execute: true, ...(days ? { days } : {}) });
    const jailed = (g: GroupBuilder) => on(g, 'j1', 'person.jailed', '2025-09-25T10:00', {}, { unit: 'unit:ADMIN_JAIL' });
    // 09-25 + 10 days = 10-05, a holiday; custodial: not moved.
    assert.deepEqual(on(jailed(decided(10)), 'r1', 'person.released', '2025-10-05T10:00', { reason: 'term_expired' }).evaluate(rule, t('2025-10-20T00:00')).alerts, []);
    const held = on(jailed(decided(10)), 'r1', 'person.released', '2025-10-06T08:00', { reason: 'term_expired' }).evaluate(rule, t('2025-10-20T00:00'));
    assert.deepEqual(summary(held.alerts), [`${F} overdue complied_late S1 raised ${z('2025-10-06T00:00')} due ${z('2025-10-06T00:00')} resolved ${z('2025-10-06T08:00')}`]);
    assert.deepEqual(jailed(decided()).evaluate(rule, t('2025-10-20T00:00')), { alerts: [], timers: [] });
  });

  it('runs for every person of the case', () => {
    const g = detained(criminalCase().object('person:P2', { name: '某乙', role: 'suspect' }, { case: CASE }))
      .event('d2', 'person.detained', t('2025-03-11T08:00'), {}, { subject: 'person:P2', case: CASE, officer: 'officer:O1' });
    const r = g.evaluate(rule, t('2025-03-14T00:00'));
    assert.deepEqual(r.alerts.map((a) => a.subject.id), [P1]);
    assert.deepEqual(r.timers.map((x) => `${x.subject.id} ${x.dueAt}`), [`person:P2 ${z('2025-03-15T00:00')}`]);
  });
});
