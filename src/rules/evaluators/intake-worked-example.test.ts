import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { GroupBuilder } from '../engine/group-builder.js';
import { INTAKE_EVALUATORS } from './intake.js';
import { ALL_RULES } from '../definitions/index.js';
import { T } from './intake-testing.js';

/**
 * Interchange §12.1–§12.3, the incident and intake part: the incident closes as criminal at 22:05,
 * the case is accepted at 22:30 with its form, the victim gets the receipt at 22:35, the case is
 * filed at 23:20 and the suspect detained at 23:40. Every rule of this package passes or is not
 * triggered; earlier instants show that the rules did run (their timers).
 */
const CASE = 'case:A2503001';
const INC = 'incident:J2503100187';
const valued = (t: string, v: string): Array<[string, string]> => [[T(t), v]];

function example(): GroupBuilder {
  return new GroupBuilder(CASE)
    .object(INC, { channel: valued('2025-03-10T20:42:10', '110'), category: valued('2025-03-10T20:42:10', '100100'), urgent: valued('2025-03-10T20:42:10', 'false') }, { unit: 'unit:999901510000' })
    .object(CASE, { kind: valued('2025-03-10T22:30', 'criminal'), category: valued('2025-03-10T22:30', '050200'), av_required: valued('2025-03-10T22:30', 'false') }, { unit: 'unit:999901510000', officer: 'officer:999101' })
    .object('person:A2503001-R1', { role: valued('2025-03-10T22:30', 'suspect') }, { case: CASE })
    .object('person:A2503001-R2', { role: valued('2025-03-10T20:42:10', 'victim') }, { incident: INC, case: CASE })
    .object('document:A2503001-W1', { doc_type: valued('2025-03-10T22:30', '受案登记表') }, { case: CASE })
    .object('document:A2503001-W2', { doc_type: valued('2025-03-10T22:35', '受案回执') }, { case: CASE, subject: 'person:A2503001-R2' })
    .object('document:A2503001-W3', { doc_type: valued('2025-03-10T23:20', '立案决定书') }, { case: CASE })
    .object('media:BWC999101-0310205530', {
      kind: valued('2025-03-10T22:10', 'bodycam'), started_at: valued('2025-03-10T22:10', T('2025-03-10T20:55:30')),
      ended_at: valued('2025-03-10T22:10', T('2025-03-10T22:06:10')), retention_until: valued('2025-03-10T22:10', T('2025-09-11T00:00')),
    }, { incident: INC, officer: 'officer:999101' })
    .event('jcj110:J2503100187-1', 'incident.received', T('2025-03-10T20:42:10'), {}, { incident: INC, unit: 'unit:999901000000' })
    .event('jcj110:J2503100187-2', 'incident.dispatched', T('2025-03-10T20:44:05'), {}, { incident: INC, target_unit: 'unit:999901510000' })
    .event('jcj110:J2503100187-3', 'incident.arrived', T('2025-03-10T20:56:40'), {}, { incident: INC, officer: 'officer:999101' })
    .event('jcj110:J2503100187-4', 'incident.closed', T('2025-03-10T22:05'), { nature: 'criminal' }, { incident: INC })
    .event('ajgl:E0310-11', 'case.accepted', T('2025-03-10T22:30'), {}, { case: CASE, incident: INC, unit: 'unit:999901510000', document: 'document:A2503001-W1' })
    .event('ajgl:E0310-12', 'notice.served', T('2025-03-10T22:35'), { notice_type: 'acceptance_receipt' }, { case: CASE, subject: 'person:A2503001-R2', document: 'document:A2503001-W2' })
    .event('ajgl:E0310-13', 'case.filed', T('2025-03-10T23:20'), {}, { case: CASE, approver: 'officer:999002', document: 'document:A2503001-W3' })
    .event('ajgl:E0310-14', 'person.detained', T('2025-03-10T23:40'), {}, { subject: 'person:A2503001-R1', case: CASE, officer: 'officer:999101' });
}

const timerRules = (g: GroupBuilder, asOf: string) => [...new Set(g.evaluate(INTAKE_EVALUATORS, T(asOf)).timers.map((t) => t.ruleId))].sort();

describe('the worked example (§12.3), incident and intake rules', () => {
  it('implements the eleven core rules of catalogue §4 "Incidents and intake"', () => {
    const core = ALL_RULES.filter((r) => r.core && (r.domain === 'incident' || r.domain === 'intake')).map((r) => r.id);
    assert.deepEqual(INTAKE_EVALUATORS.map((e) => e.ruleId).filter((id) => core.includes(id)).sort(), [
      'ADMIN_ACCEPT_REVIEW_24H', 'CRIM_FILING_REVIEW_3_7_30D', 'CRIM_NOT_FILE_NOTICE_3D', 'CRIM_PREFILING_NO_COERCION',
      'CRIM_PROCURATORATE_FILING_SUPERVISION', 'INC_BODYCAM_REQUIRED', 'INC_CASE_TYPE_NOT_CONVERTED', 'INC_URGENT_THEN_REGISTER_24H',
      'INC_WALKIN_THREE_ON_THE_SPOT', 'INTAKE_FORM_AND_RECEIPT', 'INTAKE_TRANSFER_24H',
    ]);
  });

  it('raises no alert and leaves no timer as of 2025-03-13 16:00', () => {
    const r = example().evaluate(INTAKE_EVALUATORS, T('2025-03-13T16:00'));
    assert.deepEqual(r.alerts, []);
    assert.deepEqual(r.timers, []);
  });

  it('had the conversion running after the close, and the receipt and filing review after the acceptance', () => {
    const g = example();
    assert.deepEqual(timerRules(g, '2025-03-10T22:20'), ['INC_CASE_TYPE_NOT_CONVERTED']);
    assert.deepEqual(timerRules(g, '2025-03-10T22:31'), ['CRIM_FILING_REVIEW_3_7_30D', 'INTAKE_FORM_AND_RECEIPT']);
    assert.deepEqual(timerRules(g, '2025-03-10T22:36'), ['CRIM_FILING_REVIEW_3_7_30D']);
  });

  it('would catch the detention had it come before the filing', () => {
    const g = example().without('ajgl:E0310-13')
      .event('ajgl:E0310-13', 'case.filed', T('2025-03-10T23:41'), {}, { case: CASE, approver: 'officer:999002', document: 'document:A2503001-W3' });
    const r = g.evaluate(INTAKE_EVALUATORS, T('2025-03-13T16:00'));
    assert.deepEqual(r.alerts.map((a) => `${a.ruleId} ${a.level} ${a.raisedAt}`), [`CRIM_PREFILING_NO_COERCION violation ${new Date(T('2025-03-10T23:40')).toISOString()}`]);
  });
});
