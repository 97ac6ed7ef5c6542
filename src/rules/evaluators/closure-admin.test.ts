import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { GroupBuilder } from '../engine/group-builder.js';
import { ADMIN_CASE_TIME_LIMIT, ADMIN_DECISION_SERVICE } from './closure-admin.js';
import { expected, judged, timerAt, utc } from './closure-test-kit.js';

const CASE = 'case:X1';
const ACCEPTED = '2025-03-03T10:00:00+08:00'; // Monday; 30 days end 2025-04-02 (Wednesday)

function adminCase(attrs: Record<string, string> = {}, accepted = ACCEPTED): GroupBuilder {
  return new GroupBuilder(CASE)
    .object(CASE, { kind: 'administrative', category: 'Z4901', ...attrs }, { unit: 'unit:S1' })
    .event('acc', 'case.accepted', accepted, {}, { case: CASE, unit: 'unit:S1' });
}

const decided = (g: GroupBuilder, at: string, outcome = 'penalty') => g.event('dec', 'case.decided', at, { outcome }, { case: CASE, subject: 'person:P1' });
const approval = (g: GroupBuilder, at: string, attrs: Record<string, string>) =>
  g.event('apr', 'approval.granted', at, { for: 'admin_case', ...attrs }, { case: CASE, approver: 'unit:CITY' });

describe('ADMIN_CASE_TIME_LIMIT', () => {
  const limit = (g: GroupBuilder, asOf: string, settings?: Parameters<GroupBuilder['evaluate']>[2]) => g.evaluate(ADMIN_CASE_TIME_LIMIT, asOf, settings);
  const DUE = '2025-04-03T00:00:00+08:00';
  const WARN = '2025-03-29T00:00:00+08:00'; // day 25: deadline − 5 days

  it('raises nothing for a decision well inside 30 days', () => {
    const r = limit(decided(adminCase(), '2025-03-20T10:00:00+08:00'), '2025-04-10T00:00:00+08:00');
    assert.deepEqual(r.alerts, []);
    assert.deepEqual(r.timers, []);
  });

  it('resolves the day-25 warning for a decision on the last day at 23:59', () => {
    const r = limit(decided(adminCase(), '2025-04-02T23:59:00+08:00'), '2025-04-10T00:00:00+08:00');
    assert.deepEqual(r.alerts.map(judged), [expected('warning', 'resolved', 'S2', CASE, WARN, DUE, '2025-04-02T23:59:00+08:00')]);
  });

  it('is complied late for a decision at 00:00 after the last day', () => {
    const r = limit(decided(adminCase(), '2025-04-03T00:00:00+08:00'), '2025-04-10T00:00:00+08:00');
    assert.deepEqual(r.alerts.map(judged), [expected('overdue', 'complied_late', 'S2', CASE, WARN, DUE, '2025-04-03T00:00:00+08:00')]);
    assert.match(r.alerts[0].message['zh-CN'], /行政案件应在30日内作出处理决定/);
  });

  it('sets a warning timer, then warns, then is overdue while no decision comes', () => {
    const before = limit(adminCase(), '2025-03-20T00:00:00+08:00');
    assert.deepEqual(before.alerts, []);
    assert.deepEqual(before.timers.map(timerAt), [{ kind: 'warn', fireAt: utc(WARN), dueAt: utc(DUE), subject: CASE }]);
    const warned = limit(adminCase(), '2025-03-30T12:00:00+08:00');
    assert.deepEqual(warned.alerts.map(judged), [expected('warning', 'open', 'S2', CASE, WARN, DUE)]);
    assert.deepEqual(warned.timers.map(timerAt), [{ kind: 'due', fireAt: utc(DUE), dueAt: utc(DUE), subject: CASE }]);
    const overdue = limit(adminCase(), DUE);
    assert.deepEqual(overdue.alerts.map(judged), [expected('overdue', 'open', 'S2', CASE, WARN, DUE)]);
  });

  describe('extension by the next-higher organ (P60D, level upper)', () => {
    // 60 days end 2025-05-02, a May Day holiday: moved to Tuesday 05-06.
    const DUE60 = '2025-05-07T00:00:00+08:00';
    const WARN60 = '2025-05-02T00:00:00+08:00';

    it('extends to 60 days, moved off the May Day holidays, with the approval as evidence', () => {
      const r = limit(approval(adminCase(), '2025-03-25T10:00:00+08:00', { new_limit: 'P60D', level: 'upper' }), '2025-05-03T12:00:00+08:00');
      assert.deepEqual(r.alerts.map(judged), [expected('warning', 'open', 'S2', CASE, WARN60, DUE60)]);
      assert.deepEqual(r.alerts[0].evidenceEventIds, ['apr']);
      assert.match(r.alerts[0].message['zh-CN'], /60日/);
    });

    it('accepts a higher level (provincial), a missing new_limit, and caps a longer one at 60 days', () => {
      const variants: Array<Record<string, string>> = [{ new_limit: 'P60D', level: 'provincial' }, { level: 'upper' }, { new_limit: 'P90D', level: 'city' }];
      for (const attrs of variants) {
        const r = limit(decided(approval(adminCase(), '2025-03-25T10:00:00+08:00', attrs), '2025-05-06T23:59:00+08:00'), '2025-05-10T00:00:00+08:00');
        assert.deepEqual(r.alerts.map(judged), [expected('warning', 'resolved', 'S2', CASE, WARN60, DUE60, '2025-05-06T23:59:00+08:00')], JSON.stringify(attrs));
      }
    });

    it('does not cure with a lower level (county) or an approval granted at or after the 30-day deadline', () => {
      const lower = limit(approval(adminCase(), '2025-03-25T10:00:00+08:00', { new_limit: 'P60D', level: 'county' }), '2025-04-05T00:00:00+08:00');
      assert.deepEqual(lower.alerts.map(judged), [expected('overdue', 'open', 'S2', CASE, WARN, DUE)]);
      const late = limit(approval(adminCase(), DUE, { new_limit: 'P60D', level: 'upper' }), '2025-04-05T00:00:00+08:00');
      assert.deepEqual(late.alerts.map(judged), [expected('overdue', 'open', 'S2', CASE, WARN, DUE)]);
    });
  });

  it('excludes appraisal time (any appraisal, §9.3), rounded up to days, then moves off Qingming', () => {
    const g = adminCase()
      .event('ap1', 'appraisal.started', '2025-03-05T10:00:00+08:00', { psychiatric: false }, { case: CASE, document: 'document:J1' })
      .event('ap2', 'appraisal.ended', '2025-03-08T09:00:00+08:00', {}, { case: CASE, document: 'document:J1' });
    // 71 h → 3 days: last day 04-05 (Qingming holiday 04-04..06) → Monday 04-07.
    const r = limit(g, '2025-04-06T00:00:00+08:00');
    assert.deepEqual(r.alerts.map(judged), [expected('warning', 'open', 'S2', CASE, '2025-04-03T00:00:00+08:00', '2025-04-08T00:00:00+08:00')]);
  });

  describe("admin_type 'other': 90 days from 立案 (APL art.60)", () => {
    it('counts from the filing and moves off the National Day holidays', () => {
      const g = adminCase({ admin_type: 'other' }, '2025-07-02T09:00:00+08:00').event('fil', 'case.filed', '2025-07-04T09:00:00+08:00', {}, { case: CASE });
      // 07-04 + 90 = 10-02 (holiday) → 10-09.
      const r = limit(g, '2025-10-06T00:00:00+08:00');
      assert.deepEqual(r.alerts.map(judged), [expected('warning', 'open', 'S2', CASE, '2025-10-05T00:00:00+08:00', '2025-10-10T00:00:00+08:00')]);
    });

    it('counts from acceptance without a filing, and reads the bureau parameter', () => {
      const g = adminCase({ admin_type: 'other' }, '2025-07-02T09:00:00+08:00');
      assert.deepEqual(limit(g, '2025-10-02T00:00:00+08:00').alerts.map(judged),
        [expected('overdue', 'open', 'S2', CASE, '2025-09-26T00:00:00+08:00', '2025-10-01T00:00:00+08:00')]);
      const r = limit(g, '2025-09-03T00:00:00+08:00', { params: { ADMIN_CASE_TIME_LIMIT: { otherAdminDays: 60 } } });
      // 07-02 + 60 = Sunday 08-31 → Monday 09-01.
      assert.deepEqual(r.alerts.map(judged), [expected('overdue', 'open', 'S2', CASE, '2025-08-28T00:00:00+08:00', '2025-09-02T00:00:00+08:00')]);
    });

    it('ignores an admin_case approval (no statutory extension)', () => {
      const g = approval(adminCase({ admin_type: 'other' }, '2025-07-02T09:00:00+08:00'), '2025-07-10T00:00:00+08:00', { new_limit: 'P60D', level: 'upper' });
      assert.equal(limit(g, '2025-10-02T00:00:00+08:00').alerts[0].dueAt, utc('2025-10-01T00:00:00+08:00'));
    });
  });

  it('uses the rule version in force at acceptance (PSAPL-2025 from 2026-01-01)', () => {
    const v2 = limit(adminCase({}, '2026-01-05T10:00:00+08:00'), '2026-02-06T00:00:00+08:00').alerts;
    assert.deepEqual(v2.map((a) => [a.ruleVersion, a.dueAt]), [[2, utc('2026-02-05T00:00:00+08:00')]]);
    const v1 = limit(adminCase({}, '2025-12-31T23:59:00+08:00'), '2026-02-06T00:00:00+08:00').alerts;
    assert.deepEqual(v1.map((a) => a.ruleVersion), [1]);
  });

  describe('a 治安 case converted to criminal: the conversion ends the duty', () => {
    const converted = (at: string) => new GroupBuilder(CASE)
      .object(CASE, { kind: [['1970-01-01T00:00:00Z', 'administrative'], [at, 'criminal']], category: 'Z4901' }, { unit: 'unit:S1' })
      .event('acc', 'case.accepted', ACCEPTED, {}, { case: CASE, unit: 'unit:S1' });

    it('keeps an overrun before the conversion on record, complied late at the conversion', () => {
      const g = converted('2025-04-20T10:00:00+08:00');
      assert.deepEqual(limit(g, '2025-04-10T00:00:00+08:00').alerts.map(judged), [expected('overdue', 'open', 'S2', CASE, WARN, DUE)]);
      const r = limit(g, '2025-04-25T00:00:00+08:00');
      assert.deepEqual(r.alerts.map(judged), [expected('overdue', 'complied_late', 'S2', CASE, WARN, DUE, '2025-04-20T10:00:00+08:00')]);
      assert.match(r.alerts[0].message['zh-CN'], /转为刑事案件时终止/);
      assert.match(r.alerts[0].message.en, /ended when the case became criminal/);
    });

    it('is discharged by a conversion on the last day at 23:59, late at 00:00', () => {
      assert.deepEqual(limit(converted('2025-04-02T23:59:00+08:00'), '2025-04-25T00:00:00+08:00').alerts.map(judged),
        [expected('warning', 'resolved', 'S2', CASE, WARN, DUE, '2025-04-02T23:59:00+08:00')]);
      assert.deepEqual(limit(converted(DUE), '2025-04-25T00:00:00+08:00').alerts.map(judged),
        [expected('overdue', 'complied_late', 'S2', CASE, WARN, DUE, DUE)]);
      assert.deepEqual(limit(converted('2025-03-20T10:00:00+08:00'), '2025-04-25T00:00:00+08:00').alerts, []);
    });

    it('takes a decision made before the conversion', () => {
      const r = limit(decided(converted('2025-04-20T10:00:00+08:00'), '2025-04-05T10:00:00+08:00'), '2025-04-25T00:00:00+08:00');
      assert.deepEqual(r.alerts.map(judged), [expected('overdue', 'complied_late', 'S2', CASE, WARN, DUE, '2025-04-05T10:00:00+08:00')]);
      assert.doesNotMatch(r.alerts[0].message['zh-CN'], /转为刑事案件/);
    });
  });

  it('is not triggered for a criminal case or a case never accepted', () => {
    const criminal = new GroupBuilder(CASE).object(CASE, { kind: 'criminal' }).event('acc', 'case.accepted', ACCEPTED, {}, { case: CASE });
    assert.deepEqual(limit(criminal, '2025-05-01T00:00:00+08:00').alerts, []);
    const unaccepted = new GroupBuilder(CASE).object(CASE, { kind: 'administrative' });
    assert.deepEqual(limit(unaccepted, '2025-05-01T00:00:00+08:00').alerts, []);
  });
});

describe('ADMIN_DECISION_SERVICE', () => {
  const DECIDED = '2025-06-10T15:00:00+08:00'; // Tuesday
  const withPersons = (attrs: Record<string, string> = {}) => adminCase(attrs)
    .object('person:P1', { role: 'suspect' }, { case: CASE })
    .object('person:V1', { role: 'victim' }, { case: CASE });
  const held = (g: GroupBuilder) =>
    g.event('sum', 'person.summoned', '2025-06-10T13:00:00+08:00', { measure: 'admin_summons', form: 'oral' }, { subject: 'person:P1', case: CASE });
  const serve = (g: GroupBuilder, id: string, type: string, person: string, at: string, extra: Record<string, string> = {}) =>
    g.event(id, 'notice.served', at, { notice_type: type, ...extra }, { case: CASE, subject: person });
  const victimServed = (g: GroupBuilder) => serve(g, 'nv', 'decision_copy_victim', 'person:V1', '2025-06-11T10:00:00+08:00');
  const service = (g: GroupBuilder, asOf: string) => g.evaluate(ADMIN_DECISION_SERVICE, asOf);

  describe('person present (still held): on the spot, 1 h [D]', () => {
    const build = (servedAt: string) => victimServed(serve(decided(held(withPersons()), DECIDED), 'nd', 'decision', 'person:P1', servedAt));

    it('raises nothing when served at once, both to the person and the victim', () => {
      assert.deepEqual(service(build('2025-06-10T15:30:00+08:00'), '2025-06-20T00:00:00+08:00').alerts, []);
    });

    it('resolves the warning at exactly 1 h (hour limits are inclusive)', () => {
      const r = service(build('2025-06-10T16:00:00+08:00'), '2025-06-20T00:00:00+08:00');
      assert.deepEqual(r.alerts.map(judged), [expected('warning', 'resolved', 'S3', 'person:P1', '2025-06-10T15:45:00+08:00', '2025-06-10T16:00:00+08:00', '2025-06-10T16:00:00+08:00')]);
    });

    it('is complied late one minute after', () => {
      const r = service(build('2025-06-10T16:01:00+08:00'), '2025-06-20T00:00:00+08:00');
      assert.deepEqual(r.alerts.map(judged), [expected('overdue', 'complied_late', 'S3', 'person:P1', '2025-06-10T15:45:00+08:00', '2025-06-10T16:00:00+08:00', '2025-06-10T16:01:00+08:00')]);
    });
  });

  describe('person absent: 2 days (治安), 7 days (other)', () => {
    const build = (servedAt: string, attrs: Record<string, string> = {}) =>
      victimServed(serve(decided(withPersons(attrs), DECIDED), 'nd', 'decision', 'person:P1', servedAt));

    it('resolves the warning for service on the last day at 23:59 and is late at 00:00', () => {
      const ok = service(build('2025-06-12T23:59:00+08:00'), '2025-06-20T00:00:00+08:00');
      assert.deepEqual(ok.alerts.map(judged), [expected('warning', 'resolved', 'S3', 'person:P1', '2025-06-12T00:00:00+08:00', '2025-06-13T00:00:00+08:00', '2025-06-12T23:59:00+08:00')]);
      const late = service(build('2025-06-13T00:00:00+08:00'), '2025-06-20T00:00:00+08:00');
      assert.deepEqual(late.alerts.map(judged), [expected('overdue', 'complied_late', 'S3', 'person:P1', '2025-06-12T00:00:00+08:00', '2025-06-13T00:00:00+08:00', '2025-06-13T00:00:00+08:00')]);
    });

    it('gives 7 days for another administrative decision, the victim copy still 2', () => {
      const g = decided(withPersons({ admin_type: 'other' }), DECIDED);
      const r = service(g, '2025-06-20T00:00:00+08:00');
      assert.deepEqual(r.alerts.map(judged).sort((a, b) => a.subject.localeCompare(b.subject)), [
        expected('overdue', 'open', 'S3', 'person:P1', '2025-06-17T00:00:00+08:00', '2025-06-18T00:00:00+08:00'),
        expected('overdue', 'open', 'S3', 'person:V1', '2025-06-12T00:00:00+08:00', '2025-06-13T00:00:00+08:00'),
      ]);
    });

    it('moves a last day in the National Day holidays to the next working day (timers only before the warning)', () => {
      const g = new GroupBuilder(CASE).object(CASE, { kind: 'administrative' })
        .object('person:P1', { role: 'suspect' }, { case: CASE })
        .event('dec', 'case.decided', '2025-09-29T10:00:00+08:00', { outcome: 'no_penalty' }, { case: CASE, subject: 'person:P1' });
      const r = service(g, '2025-10-05T00:00:00+08:00');
      assert.deepEqual(r.alerts, []);
      assert.deepEqual(r.timers.map(timerAt), [{ kind: 'warn', fireAt: utc('2025-10-09T00:00:00+08:00'), dueAt: utc('2025-10-10T00:00:00+08:00'), subject: 'person:P1' }]);
    });
  });

  describe('copy to the victim, or an exception with its reason', () => {
    const build = (extra: Record<string, string>) =>
      serve(serve(decided(held(withPersons()), DECIDED), 'nd', 'decision', 'person:P1', '2025-06-10T15:10:00+08:00'), 'nv', 'decision_copy_victim', 'person:V1', '2025-06-11T10:00:00+08:00', extra);

    it('accepts an exception with a reason', () => {
      assert.deepEqual(service(build({ exception: 'recipient_unreachable', reason: '被侵害人电话停机，已邮寄' }), '2025-06-20T00:00:00+08:00').alerts, []);
    });

    it('raises a violation for an exception without a reason and keeps the copy overdue', () => {
      const r = service(build({ exception: 'recipient_unreachable' }), '2025-06-20T00:00:00+08:00');
      assert.deepEqual(r.alerts.map(judged), [
        expected('violation', 'open', 'S3', 'person:V1', '2025-06-11T10:00:00+08:00'),
        expected('overdue', 'open', 'S3', 'person:V1', '2025-06-12T00:00:00+08:00', '2025-06-13T00:00:00+08:00'),
      ]);
      assert.match(r.alerts[0].message['zh-CN'], /未写明原因/);
    });

    it('does not take a notice to someone else, or of another type', () => {
      const g = serve(decided(held(withPersons()), DECIDED), 'nd', 'decision', 'person:V1', '2025-06-10T15:10:00+08:00');
      const r = service(g, '2025-06-20T00:00:00+08:00');
      assert.deepEqual(r.alerts.map((a) => [a.subject.id, a.level, a.status]), [['person:P1', 'overdue', 'open'], ['person:V1', 'overdue', 'open']]);
    });
  });

  describe('a 治安 case converted to criminal after the decision: the conversion ends the duty', () => {
    // Absent person, 2 days: due 06-13 00:00; victim copy served in time.
    const converted = (at: string) => victimServed(decided(new GroupBuilder(CASE)
      .object(CASE, { kind: [['1970-01-01T00:00:00Z', 'administrative'], [at, 'criminal']] }, { unit: 'unit:S1' })
      .object('person:P1', { role: 'suspect' }, { case: CASE })
      .object('person:V1', { role: 'victim' }, { case: CASE }), DECIDED));

    it('keeps an overrun before the conversion on record, complied late at the conversion', () => {
      const r = service(converted('2025-06-15T10:00:00+08:00'), '2025-06-20T00:00:00+08:00');
      assert.deepEqual(r.alerts.map(judged), [expected('overdue', 'complied_late', 'S3', 'person:P1', '2025-06-12T00:00:00+08:00', '2025-06-13T00:00:00+08:00', '2025-06-15T10:00:00+08:00')]);
      assert.match(r.alerts[0].message['zh-CN'], /转为刑事案件时终止/);
    });

    it('is discharged by a conversion on the last day at 23:59, late at 00:00', () => {
      assert.deepEqual(service(converted('2025-06-12T23:59:00+08:00'), '2025-06-20T00:00:00+08:00').alerts.map(judged),
        [expected('warning', 'resolved', 'S3', 'person:P1', '2025-06-12T00:00:00+08:00', '2025-06-13T00:00:00+08:00', '2025-06-12T23:59:00+08:00')]);
      assert.deepEqual(service(converted('2025-06-13T00:00:00+08:00'), '2025-06-20T00:00:00+08:00').alerts.map(judged),
        [expected('overdue', 'complied_late', 'S3', 'person:P1', '2025-06-12T00:00:00+08:00', '2025-06-13T00:00:00+08:00', '2025-06-13T00:00:00+08:00')]);
    });

    it('takes a notice served before the conversion, and ignores a decision made after it', () => {
      const served = serve(converted('2025-06-15T10:00:00+08:00'), 'nd', 'decision', 'person:P1', '2025-06-14T10:00:00+08:00');
      assert.deepEqual(service(served, '2025-06-20T00:00:00+08:00').alerts.map(judged),
        [expected('overdue', 'complied_late', 'S3', 'person:P1', '2025-06-12T00:00:00+08:00', '2025-06-13T00:00:00+08:00', '2025-06-14T10:00:00+08:00')]);
      assert.deepEqual(service(converted('2025-06-10T14:59:00+08:00'), '2025-06-20T00:00:00+08:00').alerts, []);
    });
  });

  it('is not triggered by mediation or termination, nor in a criminal case', () => {
    for (const outcome of ['mediated', 'terminated']) {
      assert.deepEqual(service(decided(withPersons(), DECIDED, outcome), '2025-06-20T00:00:00+08:00').alerts, []);
    }
    const criminal = new GroupBuilder(CASE).object(CASE, { kind: 'criminal' }).object('person:P1', { role: 'suspect' }, { case: CASE });
    assert.deepEqual(service(decided(criminal, DECIDED), '2025-06-20T00:00:00+08:00').alerts, []);
  });
});
