import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { GroupBuilder } from '../engine/group-builder.js';
import { CASE_PROGRESS_NOTICE_TO_PARTIES, CRIM_AGENCY_TRANSFER_REVIEW, CRIM_TRANSFER_AFTER_FILING_NOTIFY_3D } from './intake-extra-notices.js';
import { alertOf, state, T, timersOf, utc } from './intake-testing.js';

const CASE = 'case:C1';
const INC = 'incident:J1';
type Settings = Parameters<GroupBuilder['evaluate']>[2];

/** A case from incident J1 (channel `channel`) with a suspect, the agency unit:AG, the new holder unit:X and a procuratorate. */
function caseFrom(channel: string, kind = 'criminal', persons: Record<string, string> = { 'person:V': 'victim' }): GroupBuilder {
  const g = new GroupBuilder(CASE)
    .object(CASE, { kind, category: '050200' }, { unit: 'unit:S1' })
    .object(INC, { channel, category: '100100', urgent: false }, { case: CASE })
    .object('person:S', { role: 'suspect' }, { case: CASE })
    .object('unit:AG', { kind: 'administrative_agency', name: 'AG' })
    .object('unit:X', { kind: 'public_security', level: 'branch', name: 'X' })
    .object('unit:P', { kind: 'procuratorate', name: 'P' });
  for (const [id, role] of Object.entries(persons)) g.object(id, { role }, { case: CASE });
  return g;
}

const event = (g: GroupBuilder, id: string, type: string, at: string, attrs: Record<string, string> = {}, rels: Record<string, string | string[]> = {}) =>
  g.event(id, type, T(at), attrs, { case: CASE, ...rels });
const notice = (g: GroupBuilder, at: string, type: string, to: Record<string, string>, attrs: Record<string, string> = {}) =>
  event(g, `n-${type}-${at}`, 'notice.served', at, { notice_type: type, method: 'post', ...attrs }, to);

describe('CRIM_AGENCY_TRANSFER_REVIEW', () => {
  const accepted = (at = '2025-05-06T10:00', channel = 'transfer', kind = 'criminal') =>
    event(caseFrom(channel, kind), 'acc', 'case.accepted', at, {}, { incident: INC, unit: 'unit:S1' });
  const decide = (g: GroupBuilder, at: string, type = 'case.filed') => event(g, 'dec', type, at, {}, { approver: 'officer:L' });
  const run = (g: GroupBuilder, asOf = '2025-06-30T00:00', settings?: Settings) => g.evaluate(CRIM_AGENCY_TRANSFER_REVIEW, T(asOf), settings);

  it('complies with a decision in 3 days and the agency told in writing', () => {
    const r = run(notice(decide(accepted(), '2025-05-08T10:00'), '2025-05-09T10:00', 'filing_decision_copy', { target_unit: 'unit:AG' }));
    assert.deepEqual(r.alerts, []);
    assert.deepEqual(r.timers, []);
  });

  it('complies on the last day 23:59 (after the day-before warning) and is late at 00:00', () => {
    const told = (g: GroupBuilder) => notice(g, '2025-05-10T10:00', 'filing_decision_copy', { target_unit: 'unit:AG' });
    assert.equal(state(alertOf(run(told(decide(accepted(), '2025-05-09T23:59'))), 'review')),
      'warning resolved due 2025-05-10T00:00 raised 2025-05-09T00:00 resolved 2025-05-09T23:59');
    const a = alertOf(run(told(decide(accepted(), '2025-05-10T00:00'))), 'review')!;
    assert.equal(state(a), 'overdue complied_late due 2025-05-10T00:00 raised 2025-05-09T00:00 resolved 2025-05-10T00:00');
    assert.equal(a.severity, 'S3');
    assert.equal(a.dueAt, utc('2025-05-10T00:00'));
  });

  it('is not extended by a filing-review approval (no extension in art.180)', () => {
    const g = event(accepted(), 'ap', 'approval.granted', '2025-05-07T10:00', { for: 'filing_review', new_limit: 'P30D', level: 'county' }, { approver: 'officer:L' });
    assert.equal(state(alertOf(run(g), 'review')), 'overdue open due 2025-05-10T00:00 raised 2025-05-09T00:00 resolved -');
  });

  it('moves off National Day unless a suspect is held on the last day', () => {
    const g = accepted('2025-09-28T10:00');
    assert.deepEqual(timersOf(run(g, '2025-09-29T00:00')), ['warn 2025-10-09T00:00:00.000']);
    assert.equal(alertOf(run(g, '2025-10-12T00:00'), 'review')?.dueAt, utc('2025-10-10T00:00'));
    const held = event(accepted('2025-09-28T10:00'), 'det', 'person.detained', '2025-09-29T10:00', {}, { subject: 'person:S', officer: 'officer:1' });
    assert.equal(state(alertOf(run(held, '2025-10-05T00:00'), 'review')), 'overdue open due 2025-10-02T00:00 raised 2025-10-01T00:00 resolved -');
  });

  it('asks the non-filing notice of the agency within 3 days, moved off the weekend', () => {
    const g = decide(accepted(), '2025-05-08T10:00', 'case.not_filed'); // day 3 = Sunday 05-11 → Monday 05-12
    assert.equal(state(alertOf(run(g), 'notice')), 'overdue open due 2025-05-13T00:00 raised 2025-05-12T00:00 resolved -');
    assert.deepEqual(run(notice(g, '2025-05-12T23:59', 'not_file_notice', { target_unit: 'unit:AG' })).alerts.filter((a) => a.level !== 'warning'), []);
  });

  it('does not count a notice to the procuratorate, by phone, or of the wrong type', () => {
    const g = () => decide(accepted(), '2025-05-08T10:00');
    for (const [type, to, attrs] of [
      ['filing_decision_copy', 'unit:P', {}], ['filing_decision_copy', 'unit:AG', { method: 'phone' }], ['not_file_notice', 'unit:AG', {}],
    ] as const) {
      assert.equal(alertOf(run(notice(g(), '2025-05-09T10:00', type, { target_unit: to }, attrs)), 'notice')?.status, 'open', `${type} ${to}`);
    }
  });

  it('reads the notice window from its parameter [D]', () => {
    const g = notice(decide(accepted(), '2025-05-08T10:00'), '2025-05-15T10:00', 'filing_decision_copy', { target_unit: 'unit:AG' });
    assert.equal(alertOf(run(g), 'notice')?.status, 'complied_late');
    assert.deepEqual(run(g, undefined, { params: { CRIM_AGENCY_TRANSFER_REVIEW: { agencyNoticeDays: 10 } } }).alerts, []);
  });

  it('is not triggered by other channels or administrative cases', () => {
    assert.deepEqual(run(accepted(undefined, '110')).alerts, []);
    assert.deepEqual(run(accepted(undefined, 'transfer', 'administrative')).alerts, []);
  });
});

describe('CRIM_TRANSFER_AFTER_FILING_NOTIFY_3D', () => {
  const transferred = (opts: { channel?: string; kind?: string; transferAt?: string; persons?: Record<string, string> } = {}) => {
    const g = event(caseFrom(opts.channel ?? '110', opts.kind, opts.persons), 'fil', 'case.filed', '2025-05-06T09:00', {}, { approver: 'officer:L' });
    return event(g, 'trf', 'case.transferred', opts.transferAt ?? '2025-05-06T10:00', {}, { target_unit: 'unit:X' });
  };
  const run = (g: GroupBuilder, asOf = '2025-06-30T00:00') => g.evaluate(CRIM_TRANSFER_AFTER_FILING_NOTIFY_3D, T(asOf));

  it('complies when the victim is told in writing the next day', () => {
    const r = run(notice(transferred(), '2025-05-07T10:00', 'transfer_notice', { subject: 'person:V' }));
    assert.deepEqual(r.alerts, []);
    assert.deepEqual(r.timers, []);
  });

  it('complies on the last day 23:59 and is late at 00:00', () => {
    assert.equal(state(alertOf(run(notice(transferred(), '2025-05-09T23:59', 'transfer_notice', { subject: 'person:V' })), 'reporter')),
      'warning resolved due 2025-05-10T00:00 raised 2025-05-09T00:00 resolved 2025-05-09T23:59');
    const a = alertOf(run(notice(transferred(), '2025-05-10T00:00', 'transfer_notice', { subject: 'person:V' })), 'reporter')!;
    assert.equal(state(a), 'overdue complied_late due 2025-05-10T00:00 raised 2025-05-09T00:00 resolved 2025-05-10T00:00');
    assert.equal(a.severity, 'S3');
    assert.deepEqual(a.subject, { type: 'case', id: CASE });
  });

  it('moves the last day off National Day', () => {
    assert.equal(alertOf(run(transferred({ transferAt: '2025-09-28T10:00' }), '2025-10-12T00:00'), 'reporter')?.dueAt, utc('2025-10-10T00:00'));
  });

  it('does not count a phone call, a notice to the suspect, or an excuse without its reason', () => {
    for (const [to, attrs] of [['person:V', { method: 'phone' }], ['person:S', {}], ['person:S', { exception: 'recipient_unreachable' }]] as const) {
      assert.equal(alertOf(run(notice(transferred(), '2025-05-07T10:00', 'transfer_notice', { subject: to }, attrs)), 'reporter')?.status, 'open', to);
    }
    assert.deepEqual(run(notice(transferred(), '2025-05-07T10:00', 'transfer_notice', {}, { exception: 'recipient_unreachable', reason: '地址不详' })).alerts, []);
  });

  it('asks the transferring agency to be told when the case came in by transfer', () => {
    const g = notice(transferred({ channel: 'transfer' }), '2025-05-07T10:00', 'transfer_notice', { subject: 'person:V' });
    assert.equal(state(alertOf(run(g), 'agency')), 'overdue open due 2025-05-10T00:00 raised 2025-05-09T00:00 resolved -');
    assert.equal(alertOf(run(notice(g, '2025-05-07T11:00', 'transfer_notice', { target_unit: 'unit:X' })), 'agency')?.status, 'open', 'the new holder is not the agency');
    assert.deepEqual(run(notice(g, '2025-05-07T11:00', 'transfer_notice', { target_unit: 'unit:AG' })).alerts, []);
  });

  it('asks nothing when nobody reported it and it did not come by transfer', () => {
    assert.deepEqual(run(transferred({ persons: { 'person:W': 'witness' } })).alerts, []);
  });

  it('is not triggered by a transfer before filing, nor in an administrative case', () => {
    assert.deepEqual(run(transferred({ transferAt: '2025-05-06T08:00' })).alerts, []);
    assert.deepEqual(run(transferred({ kind: 'administrative' })).alerts, []);
  });
});

describe('CASE_PROGRESS_NOTICE_TO_PARTIES', () => {
  const filed = (persons: Record<string, string> = { 'person:V': 'victim' }, kind = 'criminal') =>
    event(caseFrom('110', kind, persons), 'fil', 'case.filed', '2025-05-06T10:00', {}, { approver: 'officer:L' });
  const on = { params: { CASE_PROGRESS_NOTICE_TO_PARTIES: { filingNoticeDays: 7 } } };
  const run = (g: GroupBuilder, settings: Settings = on, asOf = '2025-06-30T00:00') => g.evaluate(CASE_PROGRESS_NOTICE_TO_PARTIES, T(asOf), settings);
  const told = (g: GroupBuilder, at: string, person = 'person:V', attrs: Record<string, string> = {}) =>
    notice(g, at, 'filing_decision_copy', { subject: person }, attrs);

  it('is inactive until the bureau sets a day count (local rule)', () => {
    const r = run(filed(), {});
    assert.deepEqual(r.alerts, []);
    assert.deepEqual(r.timers, []);
  });

  it('complies with the victim told within the configured days', () => {
    assert.deepEqual(run(told(filed(), '2025-05-08T10:00')).alerts, []);
  });

  it('complies on the last day 23:59 and is late at 00:00', () => {
    assert.equal(state(alertOf(run(told(filed(), '2025-05-13T23:59')))), 'warning resolved due 2025-05-14T00:00 raised 2025-05-13T00:00 resolved 2025-05-13T23:59');
    const a = alertOf(run(told(filed(), '2025-05-14T00:00')))!;
    assert.equal(state(a), 'overdue complied_late due 2025-05-14T00:00 raised 2025-05-13T00:00 resolved 2025-05-14T00:00');
    assert.equal(a.severity, 'S4');
    assert.deepEqual(a.subject, { type: 'person', id: 'person:V' });
  });

  it('moves the last day off National Day', () => {
    const g = event(caseFrom('110'), 'fil', 'case.filed', '2025-09-24T10:00', {}, {}); // day 7 = 10-01 → 10-09
    assert.deepEqual(timersOf(run(g, on, '2025-09-25T00:00')), ['warn 2025-10-09T00:00:00.000']);
  });

  it('asks it of each victim and complainant, and of reporters only when there is none', () => {
    const both = run(told(filed({ 'person:V': 'victim', 'person:K': 'complainant', 'person:R': 'reporter' }), '2025-05-07T10:00'));
    assert.deepEqual(both.alerts.map((a) => [a.subject.id, a.status]), [['person:K', 'open']]);
    const reporterOnly = run(filed({ 'person:R': 'reporter' }));
    assert.deepEqual(reporterOnly.alerts.map((a) => a.subject.id), ['person:R']);
  });

  it('accepts an unreachable party named with the reason, not without it or by another notice type', () => {
    assert.deepEqual(run(told(filed(), '2025-05-07T10:00', 'person:V', { exception: 'recipient_unreachable', reason: '电话停机' })).alerts, []);
    assert.equal(alertOf(run(told(filed(), '2025-05-07T10:00', 'person:V', { exception: 'recipient_unreachable' })))?.status, 'open');
    assert.equal(alertOf(run(notice(filed(), '2025-05-07T10:00', 'acceptance_receipt', { subject: 'person:V' })))?.status, 'open');
  });

  it('is not triggered in an administrative case or without a filing', () => {
    assert.deepEqual(run(filed(undefined, 'administrative')).alerts, []);
    assert.deepEqual(run(caseFrom('110')).alerts, []);
  });
});
