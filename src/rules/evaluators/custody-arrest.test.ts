import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { GroupBuilder } from '../engine/group-builder.js';
import { CRIM_ARREST_DECISION_AWAIT_7D, CRIM_ARREST_DENIED_RELEASE, CRIM_ARREST_INTERROGATE_24H, CRIM_ARREST_NOTIFY_FAMILY_24H, CRIM_INVESTIGATIVE_CUSTODY_LIMIT } from './custody-arrest.js';
import { approve, CASE, criminalCase, P1, PROCURATORATE, summary, t, timerLines, z } from './custody-testing.js';

/** Arrest (catalogue §7a, interchange §10.1). The detention of the worked example: 2025-03-10 23:40. */
const on = (g: GroupBuilder, id: string, type: string, at: string, attrs: Record<string, string | boolean> = {}, rels: Record<string, string | string[]> = {}) =>
  g.event(id, type, t(at), attrs, { subject: P1, case: CASE, ...rels });
const detained = (g = criminalCase(), at = '2025-03-10T23:40') => on(g, 'd1', 'person.detained', at, {}, { officer: 'officer:O1' });
const requested = (g: GroupBuilder, at: string) => on(g, 'q1', 'person.arrest_requested', at, {}, { target_unit: PROCURATORATE });

describe('CRIM_ARREST_DECISION_AWAIT_7D', () => {
  const rule = CRIM_ARREST_DECISION_AWAIT_7D;
  const F = 'CRIM_ARREST_DECISION_AWAIT_7D';
  const due = z('2025-03-21T00:00'); // 7 days from 03-13, custodial
  const warn = z('2025-03-20T00:00');
  const example = () => requested(detained(), '2025-03-13T16:00');

  it('leaves an open timer due 2025-03-21 00:00 for the worked example (§12.3)', () => {
    const r = example().evaluate(rule, t('2025-03-13T16:00'));
    assert.deepEqual(r.alerts, []);
    assert.deepEqual(timerLines(r.timers), [`${F} warn fire ${warn} due ${due}`]);
  });

  it('is discharged by a decision; a decision on the last day keeps a warning; one at 00:00 is late', () => {
    assert.deepEqual(on(example(), 'ap', 'person.arrest_approved', '2025-03-19T10:00', {}, { unit: PROCURATORATE }).evaluate(rule, t('2025-03-25T00:00')).alerts, []);
    assert.deepEqual(summary(on(example(), 'ad', 'person.arrest_denied', '2025-03-20T23:59', {}, { unit: PROCURATORATE }).evaluate(rule, t('2025-03-25T00:00')).alerts), [`${F} warning resolved S1 raised ${warn} due ${due} resolved ${z('2025-03-20T23:59')}`]);
    assert.deepEqual(summary(on(example(), 'ap', 'person.arrest_approved', '2025-03-21T00:00', {}, { unit: PROCURATORATE }).evaluate(rule, t('2025-03-25T00:00')).alerts), [`${F} overdue complied_late S1 raised ${warn} due ${due} resolved ${due}`]);
  });

  it('is discharged when the person leaves custody, and overdue while nothing happens', () => {
    assert.deepEqual(on(example(), 'r1', 'person.released', '2025-03-18T10:00', { reason: 'other' }).evaluate(rule, t('2025-03-25T00:00')).alerts, []);
    assert.deepEqual(summary(example().evaluate(rule, t('2025-03-21T00:00')).alerts), [`${F} overdue open S1 raised ${warn} due ${due}`]);
  });

  it('runs 7 days from an early request', () => {
    const r = requested(detained(), '2025-03-11T10:00').evaluate(rule, t('2025-03-19T00:00'));
    assert.deepEqual(summary(r.alerts), [`${F} overdue open S1 raised ${z('2025-03-18T00:00')} due ${z('2025-03-19T00:00')}`]);
  });

  it('never lets detention pass the request limit used + 7 days (a late request; at most 14 or 37 days)', () => {
    const late = requested(detained(), '2025-03-15T10:00').evaluate(rule, t('2025-03-21T00:00'));
    assert.deepEqual(summary(late.alerts), [`${F} overdue open S1 raised ${warn} due ${due}`]);
    const serial = requested(approve(detained(), 'a1', '2025-03-12T10:00', 'arrest_request', 'P30D', 'county', 'serial'), '2025-04-10T10:00');
    const r = serial.evaluate(rule, t('2025-04-17T00:00'));
    assert.deepEqual(summary(r.alerts), [`${F} overdue open S1 raised ${z('2025-04-16T00:00')} due ${z('2025-04-17T00:00')}`]); // 30 + 7 days from 03-10
    assert.deepEqual(r.alerts[0].evidenceEventIds, ['a1']);
  });

  it('does not move a custodial review off National Day', () => {
    const r = requested(detained(criminalCase(), '2025-09-22T10:00'), '2025-09-24T10:00').evaluate(rule, t('2025-10-02T00:00'));
    assert.deepEqual(summary(r.alerts), [`${F} overdue open S1 raised ${z('2025-10-01T00:00')} due ${z('2025-10-02T00:00')}`]);
  });

  it('gives a suspect not held 15 days, moved off holidays, 20 with an arrest_review approval in time (S3)', () => {
    const onBail = () => requested(on(criminalCase(), 'b1', 'person.bail_started', '2025-09-01T10:00'), '2025-09-23T10:00');
    // 09-23 + 15 = 10-08, a holiday: moved to 10-09.
    assert.deepEqual(summary(onBail().evaluate(rule, t('2025-10-10T00:00')).alerts), [`${F} overdue open S3 raised ${z('2025-10-09T00:00')} due ${z('2025-10-10T00:00')}`]);
    const extended = approve(onBail(), 'a1', '2025-09-30T10:00', 'arrest_review', 'P20D', 'procuratorate');
    assert.deepEqual(timerLines(extended.evaluate(rule, t('2025-10-10T00:00')).timers), [`${F} warn fire ${z('2025-10-13T00:00')} due ${z('2025-10-14T00:00')}`]);
    const tooLate = approve(onBail(), 'a1', '2025-10-10T01:00', 'arrest_review', 'P20D', 'procuratorate');
    assert.equal(tooLate.evaluate(rule, t('2025-10-11T00:00')).alerts[0].dueAt, z('2025-10-10T00:00'));
    const fiveDays = onBail().evaluate(rule, t('2025-09-24T00:00'), { params: { [F]: { notHeldDays: 5 } } });
    assert.deepEqual(timerLines(fiveDays.timers), [`${F} warn fire ${z('2025-09-28T00:00')} due ${z('2025-09-29T00:00')}`], '09-28 is a working Sunday');
  });

  it('is not triggered without a request', () => {
    assert.deepEqual(detained().evaluate(rule, t('2025-04-30T00:00')), { alerts: [], timers: [] });
  });
});

describe('CRIM_ARREST_DENIED_RELEASE', () => {
  const rule = CRIM_ARREST_DENIED_RELEASE;
  const F = 'CRIM_ARREST_DENIED_RELEASE';
  const denied = () => on(requested(detained(), '2025-03-13T16:00'), 'n1', 'person.arrest_denied', '2025-03-18T10:00', {}, { unit: PROCURATORATE });
  const receipt = (g: GroupBuilder, at: string, rels: Record<string, string> = {}) =>
    g.event('rc', 'notice.served', t(at), { notice_type: 'execution_receipt' }, { case: CASE, target_unit: PROCURATORATE, ...rels });
  const releaseDue = z('2025-03-18T14:00'); // 4 h [D]
  const releaseWarn = z('2025-03-18T13:00');
  const receiptDue = z('2025-03-22T00:00'); // 3 days
  const receiptWarn = z('2025-03-21T00:00');

  it('raises nothing for a release at once and a receipt the next day', () => {
    const g = receipt(on(denied(), 'r1', 'person.released', '2025-03-18T11:00', { reason: 'arrest_denied' }), '2025-03-19T09:00');
    assert.deepEqual(g.evaluate(rule, t('2025-03-25T00:00')), { alerts: [], timers: [] });
  });

  it('keeps a warning for a release at the last minute, overdue (S1) one minute later', () => {
    const at = (x: string) => receipt(on(denied(), 'r1', 'person.released', x, { reason: 'arrest_denied' }), '2025-03-19T09:00').evaluate(rule, t('2025-03-25T00:00')).alerts;
    assert.deepEqual(summary(at('2025-03-18T14:00')), [`${F} warning resolved S1 raised ${releaseWarn} due ${releaseDue} resolved ${releaseDue}`]);
    assert.deepEqual(summary(at('2025-03-18T14:01')), [`${F} overdue complied_late S1 raised ${releaseWarn} due ${releaseDue} resolved ${z('2025-03-18T14:01')}`]);
  });

  it('accepts a change to bail as the release, and is overdue while the person stays held', () => {
    assert.deepEqual(receipt(on(denied(), 'b1', 'person.bail_started', '2025-03-18T12:00'), '2025-03-19T09:00').evaluate(rule, t('2025-03-25T00:00')).alerts, []);
    const held = denied().evaluate(rule, t('2025-03-18T14:01'));
    assert.deepEqual(summary(held.alerts), [`${F} overdue open S1 raised ${releaseWarn} due ${releaseDue}`]);
    assert.deepEqual(timerLines(held.timers), [`${F} warn fire ${receiptWarn} due ${receiptDue}`]);
  });

  it('wants the receipt within 3 days (S3 when late), to the procuratorate that denied, about this person', () => {
    const released = () => on(denied(), 'r1', 'person.released', '2025-03-18T11:00', { reason: 'arrest_denied' });
    assert.deepEqual(summary(receipt(released(), '2025-03-21T23:59').evaluate(rule, t('2025-03-25T00:00')).alerts), [`${F} warning resolved S3 raised ${receiptWarn} due ${receiptDue} resolved ${z('2025-03-21T23:59')}`]);
    assert.deepEqual(summary(receipt(released(), '2025-03-22T00:00').evaluate(rule, t('2025-03-25T00:00')).alerts), [`${F} overdue complied_late S3 raised ${receiptWarn} due ${receiptDue} resolved ${receiptDue}`]);
    const elsewhere = receipt(released(), '2025-03-19T09:00', { target_unit: 'unit:BRANCH' });
    assert.deepEqual(summary(elsewhere.evaluate(rule, t('2025-03-22T00:00')).alerts), [`${F} overdue open S3 raised ${receiptWarn} due ${receiptDue}`]);
    const otherPerson = receipt(released().object('person:P2', { name: '某乙', role: 'suspect' }, { case: CASE }), '2025-03-19T09:00', { subject: 'person:P2' });
    assert.equal(otherPerson.evaluate(rule, t('2025-03-22T00:00')).alerts.length, 1);
  });

  it('moves the receipt deadline off a holiday once the person is free, not while held', () => {
    const denial = (g: GroupBuilder) => on(g, 'n1', 'person.arrest_denied', '2025-09-28T10:00', {}, { unit: PROCURATORATE });
    const free = on(denial(detained(criminalCase(), '2025-09-25T10:00')), 'r1', 'person.released', '2025-09-28T11:00', { reason: 'arrest_denied' });
    assert.deepEqual(timerLines(free.evaluate(rule, t('2025-09-29T00:00')).timers), [`${F} warn fire ${z('2025-10-09T00:00')} due ${z('2025-10-10T00:00')}`]);
    const held = denial(detained(criminalCase(), '2025-09-25T10:00')).evaluate(rule, t('2025-09-29T00:00'));
    assert.deepEqual(timerLines(held.timers), [`${F} warn fire ${z('2025-10-01T00:00')} due ${z('2025-10-02T00:00')}`], 'held: 10-01 is not moved');
  });

  it('accepts a receipt to any procuratorate when the denial names none', () => {
    const g = () => on(on(requested(detained(), '2025-03-13T16:00'), 'n1', 'person.arrest_denied', '2025-03-18T10:00'), 'r1', 'person.released', '2025-03-18T11:00', { reason: 'arrest_denied' });
    assert.deepEqual(receipt(g(), '2025-03-19T09:00').evaluate(rule, t('2025-03-25T00:00')).alerts, []);
    assert.deepEqual(summary(receipt(g(), '2025-03-19T09:00', { target_unit: 'unit:BRANCH' }).evaluate(rule, t('2025-03-22T00:00')).alerts), [`${F} overdue open S3 raised ${receiptWarn} due ${receiptDue}`]);
  });

  it('asks only for the receipt when the person was not held', () => {
    const g = on(on(criminalCase(), 'b1', 'person.bail_started', '2025-03-01T10:00'), 'n1', 'person.arrest_denied', '2025-03-18T10:00', {}, { unit: PROCURATORATE });
    assert.deepEqual(timerLines(g.evaluate(rule, t('2025-03-18T12:00')).timers), [`${F} warn fire ${receiptWarn} due ${receiptDue}`]);
  });
});

describe('CRIM_ARREST_NOTIFY_FAMILY_24H', () => {
  const rule = CRIM_ARREST_NOTIFY_FAMILY_24H;
  const F = 'CRIM_ARREST_NOTIFY_FAMILY_24H';
  const arrested = (category?: string) => on(detained(criminalCase(category)), 'ar', 'person.arrested', '2025-03-20T10:00', {}, { officer: 'officer:O1' });
  const notified = (g: GroupBuilder, at: string, attrs: Record<string, string> = {}) => on(g, 'fn', 'person.family_notified', at, { measure: 'arrest', method: 'phone', ...attrs });
  const due = z('2025-03-21T10:00');
  const warn = z('2025-03-21T04:00'); // 75 %

  it('raises nothing for an early notice; warns at the last minute; overdue (S2) one minute late', () => {
    assert.deepEqual(notified(arrested(), '2025-03-20T15:00').evaluate(rule, t('2025-03-25T00:00')), { alerts: [], timers: [] });
    assert.deepEqual(summary(notified(arrested(), '2025-03-21T10:00').evaluate(rule, t('2025-03-25T00:00')).alerts), [`${F} warning resolved S2 raised ${warn} due ${due} resolved ${due}`]);
    assert.deepEqual(summary(notified(arrested(), '2025-03-21T10:01').evaluate(rule, t('2025-03-25T00:00')).alerts), [`${F} overdue complied_late S2 raised ${warn} due ${due} resolved ${z('2025-03-21T10:01')}`]);
    assert.deepEqual(summary(arrested().evaluate(rule, t('2025-03-21T10:01')).alerts), [`${F} overdue open S2 raised ${warn} due ${due}`]);
  });

  it('accepts "notice impossible" with a reason; never hinder_investigation, even in a national-security case', () => {
    assert.deepEqual(notified(arrested(), '2025-03-20T15:00', { exception: 'no_family', reason: '查无近亲属' }).evaluate(rule, t('2025-03-25T00:00')).alerts, []);
    const hinder = notified(arrested('010100'), '2025-03-20T15:00', { exception: 'hinder_investigation', reason: '有碍侦查' }).evaluate(rule, t('2025-03-25T00:00'));
    assert.deepEqual(summary(hinder.alerts), [`${F} overdue open S2 raised ${warn} due ${due}`, `${F} violation open S2 raised ${z('2025-03-20T15:00')}`]);
    const noReason = notified(arrested(), '2025-03-20T15:00', { exception: 'unreachable' }).evaluate(rule, t('2025-03-25T00:00'));
    assert.deepEqual(summary(noReason.alerts), [`${F} overdue open S2 raised ${warn} due ${due}`, `${F} violation open S2 raised ${z('2025-03-20T15:00')}`]);
  });

  it('does not count the detention notice', () => {
    assert.equal(notified(arrested(), '2025-03-20T15:00', { measure: 'criminal_detention' }).evaluate(rule, t('2025-03-25T00:00')).alerts[0]?.status, 'open');
  });
});

describe('CRIM_ARREST_INTERROGATE_24H', () => {
  const rule = CRIM_ARREST_INTERROGATE_24H;
  const F = 'CRIM_ARREST_INTERROGATE_24H';
  const arrested = () => on(criminalCase(), 'ar', 'person.arrested', '2025-03-20T10:00', {}, { officer: 'officer:O1' });
  const session = (g: GroupBuilder, at: string) => on(g, 'i1', 'interrogation.started', at, { kind: 'interrogation', av_recorded: true }, { interrogator: 'officer:O1', document: 'document:W1' });
  const due = z('2025-03-21T10:00');
  const warn = z('2025-03-21T04:00');

  it('raises nothing for an interrogation the same day; warns at the last minute; overdue (S1) one minute late', () => {
    assert.deepEqual(session(arrested(), '2025-03-20T15:00').evaluate(rule, t('2025-03-25T00:00')), { alerts: [], timers: [] });
    assert.deepEqual(summary(session(arrested(), '2025-03-21T10:00').evaluate(rule, t('2025-03-25T00:00')).alerts), [`${F} warning resolved S1 raised ${warn} due ${due} resolved ${due}`]);
    assert.deepEqual(summary(session(arrested(), '2025-03-21T10:01').evaluate(rule, t('2025-03-25T00:00')).alerts), [`${F} overdue complied_late S1 raised ${warn} due ${due} resolved ${z('2025-03-21T10:01')}`]);
  });

  it('does not count a session before the arrest; a release before any session discharges it', () => {
    assert.deepEqual(summary(session(arrested(), '2025-03-20T09:00').evaluate(rule, t('2025-03-21T10:01')).alerts), [`${F} overdue open S1 raised ${warn} due ${due}`]);
    assert.deepEqual(on(arrested(), 'r1', 'person.released', '2025-03-20T12:00', { reason: 'other' }).evaluate(rule, t('2025-03-25T00:00')).alerts, []);
  });
});

describe('arrest records without a subject (bad data)', () => {
  it('trigger no arrest rule', () => {
    const g = criminalCase()
      .event('ar', 'person.arrested', t('2025-03-20T10:00'), {}, { case: CASE, officer: 'officer:O1' })
      .event('q1', 'person.arrest_requested', t('2025-03-13T16:00'), {}, { case: CASE, target_unit: PROCURATORATE })
      .event('n1', 'person.arrest_denied', t('2025-03-18T10:00'), {}, { case: CASE, unit: PROCURATORATE });
    const rules = [CRIM_ARREST_DECISION_AWAIT_7D, CRIM_ARREST_DENIED_RELEASE, CRIM_ARREST_NOTIFY_FAMILY_24H, CRIM_ARREST_INTERROGATE_24H, CRIM_INVESTIGATIVE_CUSTODY_LIMIT];
    assert.deepEqual(g.evaluate(rules, t('2025-06-01T00:00')), { alerts: [], timers: [] });
  });
});

describe('CRIM_INVESTIGATIVE_CUSTODY_LIMIT', () => {
  const rule = CRIM_INVESTIGATIVE_CUSTODY_LIMIT;
  const F = 'CRIM_INVESTIGATIVE_CUSTODY_LIMIT';
  const arrested = (at = '2025-03-20T10:00', g = criminalCase()) => on(g, 'ar', 'person.arrested', at, {}, { officer: 'officer:O1' });
  const sent = (g: GroupBuilder, at: string) => g.event('sp', 'case.sent_for_prosecution', t(at), {}, { case: CASE, target_unit: PROCURATORATE });
  const extensionRequested = (g: GroupBuilder, at: string, id = 'x1') => on(g, id, 'person.custody_extension_requested', at, { requested_limit: 'P3M' }, { target_unit: PROCURATORATE });
  const due = z('2025-05-21T00:00'); // 2 months: 05-20 is the last day
  const warn = z('2025-05-07T00:00'); // − 14 d

  it('raises nothing when the case goes to prosecution early; warns on the last day; late at 00:00', () => {
    assert.deepEqual(sent(arrested(), '2025-05-01T10:00').evaluate(rule, t('2025-06-01T00:00')), { alerts: [], timers: [] });
    assert.deepEqual(summary(sent(arrested(), '2025-05-20T23:59').evaluate(rule, t('2025-06-01T00:00')).alerts), [`${F} warning resolved S1 raised ${warn} due ${due} resolved ${z('2025-05-20T23:59')}`]);
    assert.deepEqual(summary(sent(arrested(), '2025-05-21T00:00').evaluate(rule, t('2025-06-01T00:00')).alerts), [`${F} overdue complied_late S1 raised ${warn} due ${due} resolved ${due}`]);
    assert.deepEqual(summary(arrested().evaluate(rule, t('2025-05-21T00:00')).alerts), [`${F} overdue open S1 raised ${warn} due ${due}`]);
  });

  it('is custodial: never moved off National Day', () => {
    assert.deepEqual(timerLines(arrested('2025-08-01T10:00').evaluate(rule, t('2025-08-02T00:00')).timers), [`${F} warn fire ${z('2025-09-18T00:00')} due ${z('2025-10-02T00:00')}`]);
  });

  it('excludes psychiatric appraisal time only', () => {
    const appraisal = (psychiatric: boolean) => arrested()
      .event('ap1', 'appraisal.started', t('2025-04-01T10:00'), { psychiatric }, { case: CASE, subject: P1, document: 'document:JD1' })
      .event('ap2', 'appraisal.ended', t('2025-04-11T10:00'), {}, { case: CASE, subject: P1, document: 'document:JD1' });
    assert.equal(timerLines(appraisal(true).evaluate(rule, t('2025-04-20T00:00')).timers)[0], `${F} warn fire ${z('2025-05-17T00:00')} due ${z('2025-05-31T00:00')}`);
    assert.equal(timerLines(appraisal(false).evaluate(rule, t('2025-04-20T00:00')).timers)[0], `${F} warn fire ${warn} due ${due}`);
  });

  it('excludes only an appraisal of this suspect, or one naming no person (not a co-suspect’s, CPL art.149)', () => {
    const P2 = 'person:P2';
    const twoSuspects = () => on(criminalCase().object(P2, { name: '乙', role: 'suspect', id_number: '110101199001010022' }, { case: CASE }), 'ar2', 'person.arrested', '2025-03-20T10:00', {}, { subject: P2, officer: 'officer:O1' });
    const appraisal = (subject?: string) => arrested('2025-03-20T10:00', twoSuspects())
      .event('ap1', 'appraisal.started', t('2025-04-01T10:00'), { psychiatric: true }, { case: CASE, ...(subject ? { subject } : {}), document: 'document:JD2' })
      .event('ap2', 'appraisal.ended', t('2025-04-11T10:00'), {}, { case: CASE, ...(subject ? { subject } : {}), document: 'document:JD2' });
    const dueOf = (g: GroupBuilder, person: string) => g.evaluate(rule, t('2025-04-20T00:00')).timers.find((x) => x.subject.id === person)?.dueAt;
    // P2's appraisal moves P2's limit by 10 days, not P1's.
    assert.equal(dueOf(appraisal(P2), P2), z('2025-05-31T00:00'));
    assert.equal(dueOf(appraisal(P2), P1), due);
    assert.deepEqual(summary(appraisal(P2).evaluate(rule, t('2025-05-20T23:59')).alerts.filter((a) => a.subject.id === P1)), [`${F} warning open S1 raised ${warn} due ${due}`]);
    assert.deepEqual(summary(appraisal(P2).evaluate(rule, t('2025-05-21T00:00')).alerts.filter((a) => a.subject.id === P1)), [`${F} overdue open S1 raised ${warn} due ${due}`]);
    // An appraisal naming both, or no person, counts for each.
    assert.equal(dueOf(appraisal(), P1), z('2025-05-31T00:00'));
    assert.equal(dueOf(appraisal(), P2), z('2025-05-31T00:00'));
  });

  it('extends to 3 months with a timely request and the next-higher procuratorate’s approval before expiry', () => {
    const g = approve(extensionRequested(arrested(), '2025-05-10T10:00'), 'a1', '2025-05-18T10:00', 'custody', 'P3M', 'upper_procuratorate');
    const r = g.evaluate(rule, t('2025-06-01T00:00'));
    assert.deepEqual(timerLines(r.timers), [`${F} warn fire ${z('2025-06-07T00:00')} due ${z('2025-06-21T00:00')}`]);
    assert.deepEqual(r.alerts, []);
    const provincial = approve(extensionRequested(arrested(), '2025-05-10T10:00'), 'a1', '2025-05-18T10:00', 'custody', 'P3M', 'provincial_procuratorate');
    assert.equal(provincial.evaluate(rule, t('2025-06-01T00:00')).timers[0]?.dueAt, z('2025-06-21T00:00'));
    const local = approve(extensionRequested(arrested(), '2025-05-10T10:00'), 'a1', '2025-05-18T10:00', 'custody', 'P3M', 'procuratorate');
    assert.deepEqual(summary(local.evaluate(rule, t('2025-06-01T00:00')).alerts), [`${F} overdue open S1 raised ${warn} due ${due}`]);
  });

  it('extends to 5 months only with the provincial procuratorate', () => {
    const base = () => approve(extensionRequested(arrested(), '2025-05-10T10:00'), 'a1', '2025-05-18T10:00', 'custody', 'P3M', 'upper_procuratorate');
    const five = approve(extensionRequested(base(), '2025-06-10T10:00', 'x2'), 'a2', '2025-06-18T10:00', 'custody', 'P5M', 'provincial_procuratorate');
    assert.equal(five.evaluate(rule, t('2025-07-01T00:00')).timers[0]?.dueAt, z('2025-08-21T00:00'));
    const upper = approve(extensionRequested(base(), '2025-06-10T10:00', 'x2'), 'a2', '2025-06-18T10:00', 'custody', 'P5M', 'upper_procuratorate');
    assert.deepEqual(summary(upper.evaluate(rule, t('2025-07-01T00:00')).alerts), [`${F} overdue open S1 raised ${z('2025-06-07T00:00')} due ${z('2025-06-21T00:00')}`]);
  });

  it('extends step by step: 5 months only after 3, 7 only after 5 (CPL art.158–159)', () => {
    const three = () => approve(extensionRequested(arrested(), '2025-05-10T10:00'), 'a1', '2025-05-18T10:00', 'custody', 'P3M', 'upper_procuratorate');
    const five = () => approve(extensionRequested(three(), '2025-06-10T10:00', 'x2'), 'a2', '2025-06-18T10:00', 'custody', 'P5M', 'provincial_procuratorate');
    const seven = (g: GroupBuilder, at: string) => approve(on(g, 'x3', 'person.custody_extension_requested', '2025-08-10T10:00', { requested_limit: 'P7M' }, { target_unit: PROCURATORATE }), 'a3', at, 'custody', 'P7M', 'provincial_procuratorate', 'ten_years');
    // A provincial approval straight to 7 (or 5) months after the first 2 extends nothing.
    for (const limit of ['P7M', 'P5M']) {
      const jump = approve(on(arrested(), 'x1', 'person.custody_extension_requested', '2025-05-10T10:00', { requested_limit: limit }, { target_unit: PROCURATORATE }), 'a1', '2025-05-18T10:00', 'custody', limit, 'provincial_procuratorate', 'ten_years');
      assert.deepEqual(summary(jump.evaluate(rule, t('2025-05-20T23:59')).alerts), [`${F} warning open S1 raised ${warn} due ${due}`], limit);
      assert.deepEqual(summary(jump.evaluate(rule, t('2025-05-21T00:00')).alerts), [`${F} overdue open S1 raised ${warn} due ${due}`], limit);
    }
    // 3 → 7 skips the 5-month step: the custody stays at 3 months.
    const skip = approve(on(three(), 'x2', 'person.custody_extension_requested', '2025-06-10T10:00', { requested_limit: 'P7M' }, { target_unit: PROCURATORATE }), 'a2', '2025-06-18T10:00', 'custody', 'P7M', 'provincial_procuratorate', 'ten_years');
    assert.deepEqual(summary(skip.evaluate(rule, t('2025-06-21T00:00')).alerts), [`${F} overdue open S1 raised ${z('2025-06-07T00:00')} due ${z('2025-06-21T00:00')}`]);
    // 2 → 3 → 5 → 7, the last granted one minute before the 5 months run out: 7 months (10-21 00:00).
    const full = seven(five(), '2025-08-20T23:59').evaluate(rule, t('2025-09-01T00:00'));
    assert.deepEqual(full.alerts, []);
    assert.deepEqual(timerLines(full.timers), [`${F} warn fire ${z('2025-10-07T00:00')} due ${z('2025-10-21T00:00')}`]);
    assert.deepEqual(summary(seven(five(), '2025-08-21T00:00').evaluate(rule, t('2025-09-01T00:00')).alerts), [`${F} overdue open S1 raised ${z('2025-08-07T00:00')} due ${z('2025-08-21T00:00')}`]);
  });

  it('does not cure with an approval after expiry', () => {
    const g = approve(extensionRequested(arrested(), '2025-05-10T10:00'), 'a1', '2025-05-21T09:00', 'custody', 'P3M', 'upper_procuratorate');
    assert.deepEqual(summary(g.evaluate(rule, t('2025-06-01T00:00')).alerts), [`${F} overdue open S1 raised ${warn} due ${due}`]);
  });

  it('flags a request less than 7 days before expiry, and an extension with no request (S2)', () => {
    const inTime = approve(extensionRequested(arrested(), '2025-05-13T23:59'), 'a1', '2025-05-18T10:00', 'custody', 'P3M', 'upper_procuratorate');
    assert.deepEqual(inTime.evaluate(rule, t('2025-06-01T00:00')).alerts, []);
    const late = approve(extensionRequested(arrested(), '2025-05-14T00:00'), 'a1', '2025-05-18T10:00', 'custody', 'P3M', 'upper_procuratorate');
    const r = late.evaluate(rule, t('2025-06-01T00:00'));
    assert.deepEqual(summary(r.alerts), [`${F} violation open S2 raised ${z('2025-05-14T00:00')}`]);
    assert.equal(r.alerts[0].triggerEventId, 'x1');
    assert.equal(r.timers[0]?.dueAt, z('2025-06-21T00:00'), 'the approval still extends the custody');
    const none = approve(arrested(), 'a1', '2025-05-18T10:00', 'custody', 'P3M', 'upper_procuratorate').evaluate(rule, t('2025-06-01T00:00'));
    assert.deepEqual(summary(none.alerts), [`${F} violation open S2 raised ${z('2025-05-18T10:00')}`]);
    assert.match(none.alerts[0].message['zh-CN'], /无提请延长记录/);
  });
});
