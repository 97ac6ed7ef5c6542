import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { approve, CASE, criminalCase, P1, summary, t, timerLines, z } from './custody-testing.js';
import { CRIM_DETENTION_ARREST_REQUEST_DEADLINE, CRIM_DETENTION_INTERROGATE_24H, CRIM_DETENTION_NOTIFY_FAMILY_24H, CRIM_DETENTION_TO_JAIL_24H } from './detention.js';

/**
 * Criminal detention (catalogue §7a, interchange §10.1): family notice, detention house and first
 * interrogation within 24 h, arrest request within 3 days (custodial) or as approved.
 * The detention of the worked example: 2025-03-10 23:40 local.
 */
const DETAINED = '2025-03-10T23:40';
const detained = (category?: string, at = DETAINED) =>
  criminalCase(category).event('d1', 'person.detained', t(at), {}, { subject: P1, case: CASE, officer: 'officer:O1' });
const notified = (at: string, attrs: Record<string, string> = {}, id = 'n1') => ({
  id, type: 'person.family_notified', time: t(at), attrs: { measure: 'criminal_detention', method: 'phone', ...attrs }, rels: { subject: P1, case: CASE },
});
const withNotice = (g: ReturnType<typeof detained>, n: ReturnType<typeof notified>) => g.event(n.id, n.type, n.time, n.attrs, n.rels);

describe('CRIM_DETENTION_NOTIFY_FAMILY_24H', () => {
  const rule = CRIM_DETENTION_NOTIFY_FAMILY_24H;
  const F = 'CRIM_DETENTION_NOTIFY_FAMILY_24H';
  const due = z('2025-03-11T23:40');
  const warn = z('2025-03-11T17:40'); // WARN 18 h

  it('raises nothing for a notice before the warning point', () => {
    const r = withNotice(detained(), notified('2025-03-11T10:00')).evaluate(rule, t('2025-03-12T12:00'));
    assert.deepEqual(r.alerts, []);
    assert.deepEqual(r.timers, []);
  });

  it('keeps a warning, resolved, for a notice at the last minute (23 h 59 min and exactly 24 h)', () => {
    for (const at of ['2025-03-11T23:39', '2025-03-11T23:40']) {
      const r = withNotice(detained(), notified(at)).evaluate(rule, t('2025-03-12T12:00'));
      assert.deepEqual(summary(r.alerts), [`${F} warning resolved S2 raised ${warn} due ${due} resolved ${z(at)}`]);
    }
  });

  it('is overdue, complied late, one minute after 24 h', () => {
    const r = withNotice(detained(), notified('2025-03-11T23:41')).evaluate(rule, t('2025-03-12T12:00'));
    assert.deepEqual(summary(r.alerts), [`${F} overdue complied_late S2 raised ${warn} due ${due} resolved ${z('2025-03-11T23:41')}`]);
    assert.match(r.alerts[0].message['zh-CN'], /超期1分钟/);
  });

  it('waits for the warning point, then warns, then is overdue while no notice comes', () => {
    const before = detained().evaluate(rule, t('2025-03-11T12:00'));
    assert.deepEqual(before.alerts, []);
    assert.deepEqual(timerLines(before.timers), [`${F} warn fire ${warn} due ${due}`]);
    const warned = detained().evaluate(rule, t('2025-03-11T20:00'));
    assert.deepEqual(summary(warned.alerts), [`${F} warning open S2 raised ${warn} due ${due}`]);
    assert.deepEqual(timerLines(warned.timers), [`${F} due fire ${new Date(Date.parse(due) + 1).toISOString()} due ${due}`]);
    const atDue = detained().evaluate(rule, t('2025-03-11T23:40'));
    assert.equal(atDue.alerts[0].level, 'warning', 'an hour limit includes its last instant');
    const late = detained().evaluate(rule, t('2025-03-12T00:00'));
    assert.deepEqual(summary(late.alerts), [`${F} overdue open S2 raised ${warn} due ${due}`]);
    assert.deepEqual(late.timers, []);
  });

  it('accepts a lawful exception with a reason as the notice', () => {
    for (const exception of ['identity_unknown', 'no_family', 'unreachable', 'force_majeure']) {
      const r = withNotice(detained(), notified('2025-03-11T10:00', { exception, reason: '多次拨打电话无人接听' })).evaluate(rule, t('2025-03-12T12:00'));
      assert.deepEqual(r.alerts, [], exception);
    }
  });

  it('raises a violation and keeps the deadline open for an exception without a reason (§13)', () => {
    const r = withNotice(detained(), notified('2025-03-11T10:00', { exception: 'unreachable', reason: '  ' })).evaluate(rule, t('2025-03-12T12:00'));
    assert.deepEqual(summary(r.alerts), [
      `${F} overdue open S2 raised ${warn} due ${due}`,
      `${F} violation open S2 raised ${z('2025-03-11T10:00')}`,
    ]);
    assert.match(r.alerts.find((a) => a.level === 'violation')!.message['zh-CN'], /未写明原因/);
  });

  it('accepts hinder_investigation only in national-security and terrorism cases', () => {
    const hinder = notified('2025-03-11T10:00', { exception: 'hinder_investigation', reason: '通知可能导致同案犯逃匿' });
    for (const category of ['010100', '020301', '020314']) {
      assert.deepEqual(withNotice(detained(category), hinder).evaluate(rule, t('2025-03-12T12:00')).alerts, [], category);
    }
    // GA 240 files hijacking beside terrorism (0203 实施恐怖、劫持案); it is no terrorism offence.
    for (const category of ['020312', '020313', '020300']) {
      assert.equal(withNotice(detained(category), hinder).evaluate(rule, t('2025-03-12T12:00')).alerts.length, 2, category);
    }
    const ordinary = withNotice(detained('050200'), hinder).evaluate(rule, t('2025-03-12T12:00'));
    assert.deepEqual(summary(ordinary.alerts), [
      `${F} overdue open S2 raised ${warn} due ${due}`,
      `${F} violation open S2 raised ${z('2025-03-11T10:00')}`,
    ]);
    assert.match(ordinary.alerts.find((a) => a.level === 'violation')!.message['zh-CN'], /不是本措施可不通知家属的法定情形/);
    // The national-security categories are a bureau parameter.
    const configured = withNotice(detained('050200'), hinder).evaluate(rule, t('2025-03-12T12:00'), { params: { [F]: { nationalSecurityCategoryPrefixes: '0502' } } });
    assert.deepEqual(configured.alerts, []);
  });

  it('counts a proper notice that follows an invalid exception', () => {
    const g = withNotice(withNotice(detained(), notified('2025-03-11T10:00', { exception: 'refused_contact', reason: '家属拒绝' })), notified('2025-03-11T12:00', {}, 'n2'));
    const r = g.evaluate(rule, t('2025-03-12T12:00'));
    assert.deepEqual(summary(r.alerts), [`${F} violation open S2 raised ${z('2025-03-11T10:00')}`]);
  });

  it('ignores notices of another measure or before the detention', () => {
    const g = withNotice(withNotice(detained(), notified('2025-03-11T10:00', { measure: 'arrest' })), notified('2025-03-10T22:00', {}, 'n0'));
    assert.deepEqual(summary(g.evaluate(rule, t('2025-03-12T12:00')).alerts), [`${F} overdue open S2 raised ${warn} due ${due}`]);
  });

  it('is not triggered without a detention', () => {
    const r = criminalCase().event('s1', 'person.summoned', t('2025-03-10T20:00'), { measure: 'criminal_summons', form: 'warrant' }, { subject: P1, case: CASE }).evaluate(rule, t('2025-03-12T12:00'));
    assert.deepEqual(r, { alerts: [], timers: [] });
  });
});

describe('CRIM_DETENTION_TO_JAIL_24H', () => {
  const rule = CRIM_DETENTION_TO_JAIL_24H;
  const F = 'CRIM_DETENTION_TO_JAIL_24H';
  const due = z('2025-03-11T23:40');
  const warn = z('2025-03-11T17:40');
  const jailed = (at: string, unit = 'unit:JAIL') => detained().event('j1', 'person.jailed', t(at), {}, { subject: P1, case: CASE, unit });

  it('raises nothing when the detention house admits the person in 9 h 50 min (§12.3)', () => {
    assert.deepEqual(jailed('2025-03-11T09:30').evaluate(rule, t('2025-03-13T16:00')).alerts, []);
  });

  it('keeps a warning at the last minute and is overdue one minute late', () => {
    assert.deepEqual(summary(jailed('2025-03-11T23:40').evaluate(rule, t('2025-03-12T12:00')).alerts), [`${F} warning resolved S1 raised ${warn} due ${due} resolved ${due}`]);
    assert.deepEqual(summary(jailed('2025-03-11T23:41').evaluate(rule, t('2025-03-12T12:00')).alerts), [`${F} overdue complied_late S1 raised ${warn} due ${due} resolved ${z('2025-03-11T23:41')}`]);
  });

  it('does not count admission to another facility', () => {
    assert.deepEqual(summary(jailed('2025-03-11T09:30', 'unit:ADMIN_JAIL').evaluate(rule, t('2025-03-12T12:00')).alerts), [`${F} overdue open S1 raised ${warn} due ${due}`]);
  });

  it('is discharged by a release before reaching the jail', () => {
    const g = detained().event('r1', 'person.released', t('2025-03-11T05:00'), { reason: 'wrongful_detention' }, { subject: P1, case: CASE });
    assert.deepEqual(g.evaluate(rule, t('2025-03-12T12:00')).alerts, []);
  });
});

describe('CRIM_DETENTION_INTERROGATE_24H', () => {
  const rule = CRIM_DETENTION_INTERROGATE_24H;
  const F = 'CRIM_DETENTION_INTERROGATE_24H';
  const due = z('2025-03-11T23:40');
  const warn = z('2025-03-11T17:40');
  const session = (at: string, kind = 'interrogation') =>
    detained().event('i1', 'interrogation.started', t(at), { kind, av_recorded: false }, { subject: P1, case: CASE, interrogator: 'officer:O1', document: 'document:W6' });

  it('raises nothing for an interrogation after 50 min (§12.3)', () => {
    assert.deepEqual(session('2025-03-11T00:30').evaluate(rule, t('2025-03-13T16:00')).alerts, []);
  });

  it('keeps a warning at 23 h 59 min and is overdue one minute late', () => {
    assert.deepEqual(summary(session('2025-03-11T23:39').evaluate(rule, t('2025-03-12T12:00')).alerts), [`${F} warning resolved S1 raised ${warn} due ${due} resolved ${z('2025-03-11T23:39')}`]);
    assert.deepEqual(summary(session('2025-03-11T23:41').evaluate(rule, t('2025-03-12T12:00')).alerts), [`${F} overdue complied_late S1 raised ${warn} due ${due} resolved ${z('2025-03-11T23:41')}`]);
  });

  it('does not count a questioning (询问) or an interrogation before the detention', () => {
    assert.deepEqual(summary(session('2025-03-11T08:00', 'questioning').evaluate(rule, t('2025-03-12T12:00')).alerts), [`${F} overdue open S1 raised ${warn} due ${due}`]);
    assert.deepEqual(summary(session('2025-03-10T22:00').evaluate(rule, t('2025-03-12T12:00')).alerts), [`${F} overdue open S1 raised ${warn} due ${due}`]);
  });

  it('is discharged by a release before any interrogation', () => {
    const g = detained().event('r1', 'person.released', t('2025-03-11T15:00'), { reason: 'wrongful_detention' }, { subject: P1, case: CASE });
    assert.deepEqual(g.evaluate(rule, t('2025-03-12T12:00')).alerts, []);
  });
});

describe('CRIM_DETENTION_ARREST_REQUEST_DEADLINE', () => {
  const rule = CRIM_DETENTION_ARREST_REQUEST_DEADLINE;
  const F = 'CRIM_DETENTION_ARREST_REQUEST_DEADLINE';
  const due = z('2025-03-14T00:00'); // d0 03-10, 3 days → 03-13, 00:00 after
  const warn = z('2025-03-13T00:00'); // − 1 d
  const request = (g: ReturnType<typeof detained>, at: string) =>
    g.event('q1', 'person.arrest_requested', t(at), {}, { subject: P1, case: CASE, target_unit: 'unit:PROC', document: 'document:W8' });

  it('resolves the warning with the request of 03-13 16:00 (§12.3)', () => {
    const r = request(detained(), '2025-03-13T16:00').evaluate(rule, t('2025-03-13T16:00'));
    assert.deepEqual(summary(r.alerts), [`${F} warning resolved S1 raised ${warn} due ${due} resolved ${z('2025-03-13T16:00')}`]);
    assert.deepEqual(r.timers, []);
  });

  it('raises nothing for an early request, warns on the last day at 23:59, is overdue at 00:00', () => {
    assert.deepEqual(request(detained(), '2025-03-12T10:00').evaluate(rule, t('2025-03-20T00:00')).alerts, []);
    assert.deepEqual(summary(request(detained(), '2025-03-13T23:59').evaluate(rule, t('2025-03-20T00:00')).alerts), [`${F} warning resolved S1 raised ${warn} due ${due} resolved ${z('2025-03-13T23:59')}`]);
    assert.deepEqual(summary(request(detained(), '2025-03-14T00:00').evaluate(rule, t('2025-03-20T00:00')).alerts), [`${F} overdue complied_late S1 raised ${warn} due ${due} resolved ${due}`]);
  });

  it('is open while nothing happens, and overdue at the deadline', () => {
    assert.deepEqual(timerLines(detained().evaluate(rule, t('2025-03-12T12:00')).timers), [`${F} warn fire ${warn} due ${due}`]);
    assert.deepEqual(summary(detained().evaluate(rule, t('2025-03-13T23:59')).alerts), [`${F} warning open S1 raised ${warn} due ${due}`]);
    assert.deepEqual(summary(detained().evaluate(rule, t('2025-03-14T00:00')).alerts), [`${F} overdue open S1 raised ${warn} due ${due}`]);
  });

  it('is discharged when the detention ends first (bail, release)', () => {
    const g = detained().event('b1', 'person.bail_started', t('2025-03-12T10:00'), {}, { subject: P1, case: CASE });
    assert.deepEqual(g.evaluate(rule, t('2025-03-20T00:00')).alerts, []);
  });

  it('extends to 7 days with a county approval in time (P7D), not with a department one', () => {
    const county = approve(detained(), 'a1', '2025-03-12T10:00', 'arrest_request', 'P7D', 'county');
    const r = request(county, '2025-03-17T23:00').evaluate(rule, t('2025-03-20T00:00'));
    assert.deepEqual(summary(r.alerts), [`${F} warning resolved S1 raised ${z('2025-03-17T00:00')} due ${z('2025-03-18T00:00')} resolved ${z('2025-03-17T23:00')}`]);
    assert.deepEqual(r.alerts[0].evidenceEventIds, ['a1', 'q1']);
    assert.match(r.alerts[0].message['zh-CN'], /7日内提请批准逮捕/);
    const city = approve(detained(), 'a1', '2025-03-12T10:00', 'arrest_request', 'P7D', 'city');
    assert.equal(request(city, '2025-03-17T23:00').evaluate(rule, t('2025-03-20T00:00')).alerts[0].dueAt, z('2025-03-18T00:00'), 'a higher level satisfies (§13)');
    const department = approve(detained(), 'a1', '2025-03-12T10:00', 'arrest_request', 'P7D', 'department');
    assert.deepEqual(summary(request(department, '2025-03-17T23:00').evaluate(rule, t('2025-03-20T00:00')).alerts), [`${F} overdue complied_late S1 raised ${warn} due ${due} resolved ${z('2025-03-17T23:00')}`]);
  });

  it('derives the approver level from the officer when the approval has none', () => {
    const g = detained()
      .object('officer:L1', { name: '乙', badge_no: '2', role: 'leader' }, { member_of: 'unit:BRANCH' })
      .event('a1', 'approval.granted', t('2025-03-12T10:00'), { for: 'arrest_request', new_limit: 'P7D' }, { approver: 'officer:L1', case: CASE, subject: P1 });
    assert.equal(g.evaluate(rule, t('2025-03-20T00:00')).alerts[0].dueAt, z('2025-03-18T00:00'));
  });

  it('extends to 30 days only with a serial, repeat or gang reason', () => {
    for (const reason of ['serial', 'repeat', 'gang']) {
      const g = approve(detained(), 'a1', '2025-03-13T10:00', 'arrest_request', 'P30D', 'county', reason);
      const [alert] = g.evaluate(rule, t('2025-04-09T00:00')).alerts;
      assert.deepEqual(summary([alert]), [`${F} warning open S1 raised ${z('2025-04-09T00:00')} due ${z('2025-04-10T00:00')}`], reason);
      // The alert says which approval the longer limit rests on.
      assert.match(alert.message['zh-CN'], /经县级以上公安机关负责人批准延长至30日/);
      assert.deepEqual(alert.evidenceEventIds, ['a1']);
    }
    const noReason = approve(detained(), 'a1', '2025-03-13T10:00', 'arrest_request', 'P30D', 'county', 'complex');
    assert.equal(noReason.evaluate(rule, t('2025-04-09T00:00')).alerts[0].dueAt, due);
  });

  it('does not cure with an approval granted after the limit', () => {
    const g = approve(detained(), 'a1', '2025-03-14T00:30', 'arrest_request', 'P7D', 'county');
    assert.deepEqual(summary(request(g, '2025-03-15T10:00').evaluate(rule, t('2025-03-20T00:00')).alerts), [`${F} overdue complied_late S1 raised ${warn} due ${due} resolved ${z('2025-03-15T10:00')}`]);
  });

  it('never moves a custodial period off a holiday (National Day 2025)', () => {
    // Detention 09-28; the third day 10-01 is a holiday: still due 10-02 00:00 (not 10-10).
    const r = detained(undefined, '2025-09-28T10:00').evaluate(rule, t('2025-10-02T00:00'));
    assert.deepEqual(summary(r.alerts), [`${F} overdue open S1 raised ${z('2025-10-01T00:00')} due ${z('2025-10-02T00:00')}`]);
    assert.match(r.alerts[0].message['zh-CN'], /在押期间不因节假日顺延/);
    const extended = approve(detained(undefined, '2025-09-28T10:00'), 'a1', '2025-09-30T10:00', 'arrest_request', 'P7D', 'county');
    assert.equal(extended.evaluate(rule, t('2025-10-02T00:00')).alerts.length, 0);
    assert.deepEqual(timerLines(extended.evaluate(rule, t('2025-10-02T00:00')).timers), [`${F} warn fire ${z('2025-10-05T00:00')} due ${z('2025-10-06T00:00')}`]);
  });
});
