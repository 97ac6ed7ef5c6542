import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { GroupBuilder } from '../engine/group-builder.js';
import { CRIM_FILING_APPROVAL_LEVEL, INTAKE_STATEMENT_AND_EVIDENCE_LIST } from './intake-extra.js';
import { alertOf, state, T, timersOf, utc } from './intake-testing.js';

const CASE = 'case:C1';
const INC = 'incident:J1';
type Settings = Parameters<GroupBuilder['evaluate']>[2];

describe('INTAKE_STATEMENT_AND_EVIDENCE_LIST', () => {
  /** A case accepted 2025-05-06 10:00 from incident J1 (a walk-in report unless said otherwise), reported by its victim. */
  const accepted = (opts: { kind?: string; channel?: string; evidence?: boolean; victimRole?: string | Array<[string, string]> } = {}) => new GroupBuilder(CASE)
    .object(CASE, { kind: opts.kind ?? 'criminal', category: '050200' }, { unit: 'unit:S1' })
    .object(INC, { channel: opts.channel ?? 'walk_in', category: '100100', urgent: false })
    .object('person:V', { role: opts.victimRole ?? 'victim' }, { case: CASE, incident: INC })
    .object('person:S', { role: 'suspect' }, { case: CASE })
    .event('rcv', 'incident.received', T('2025-05-06T09:00'), opts.evidence === undefined ? {} : { evidence_submitted: opts.evidence }, { incident: INC })
    .event('acc', 'case.accepted', T('2025-05-06T10:00'), {}, { case: CASE, incident: INC, unit: 'unit:S1' });
  /** A 询问笔录 of a person, filed (present) at `at`. */
  const statement = (g: GroupBuilder, at: string, person = 'person:V', id = 'document:W1') => g
    .object(id, { doc_type: '询问笔录', pages: 3, signed_pages: 3 }, { case: CASE, subject: person })
    .event(`f-${id}`, 'document.filed', T(at), {}, { document: id, case: CASE, subject: person });
  const list = (g: GroupBuilder, at: string, attrs: Record<string, string | boolean | Array<[string, string]>> = { subject_signed: true }, docType = '接受证据材料清单') => g
    .object('document:L1', { doc_type: docType, ...attrs }, { case: CASE, subject: 'person:V' })
    .event('f-L1', 'document.filed', T(at), {}, { document: 'document:L1', case: CASE });
  const run = (g: GroupBuilder, asOf = '2025-05-09T00:00', settings?: Settings) => g.evaluate(INTAKE_STATEMENT_AND_EVIDENCE_LIST, T(asOf), settings);

  it('complies with the victim’s statement and the evidence list made at intake', () => {
    const r = run(list(statement(accepted({ evidence: true, channel: 'online' }), '2025-05-06T10:40'), '2025-05-06T10:20'));
    assert.deepEqual(r.alerts, []);
    assert.deepEqual(r.timers, []);
  });

  it('complies with the statement at exactly 24 h (after the warning) and is late one minute after', () => {
    assert.equal(state(alertOf(run(statement(accepted(), '2025-05-07T10:00')), 'statement')),
      'warning resolved due 2025-05-07T10:00 raised 2025-05-07T04:00 resolved 2025-05-07T10:00');
    const a = alertOf(run(statement(accepted(), '2025-05-07T10:01')), 'statement')!;
    assert.equal(state(a), 'overdue complied_late due 2025-05-07T10:00 raised 2025-05-07T04:00 resolved 2025-05-07T10:01');
    assert.equal(a.severity, 'S3');
    assert.equal(a.dueAt, utc('2025-05-07T10:00'));
    assert.deepEqual(a.subject, { type: 'case', id: CASE });
  });

  it('warns and then stays overdue without a statement; the suspect’s transcript does not count', () => {
    assert.deepEqual(timersOf(run(accepted(), '2025-05-06T12:00')), ['warn 2025-05-07T04:00:00.000']);
    assert.equal(state(alertOf(run(statement(accepted(), '2025-05-06T11:00', 'person:S')), 'statement')),
      'overdue open due 2025-05-07T10:00 raised 2025-05-07T04:00 resolved -');
  });

  it('counts a statement taken before acceptance, and one naming the person only on its event', () => {
    assert.deepEqual(run(statement(accepted(), '2025-05-06T09:30')).alerts, []);
    const g = accepted().object('document:W2', { doc_type: '询问笔录' }, { case: CASE })
      .event('f-W2', 'document.filed', T('2025-05-06T11:00'), {}, { document: 'document:W2', case: CASE, subject: 'person:V' });
    assert.deepEqual(run(g).alerts, []);
  });

  it('asks no statement when nobody had reported the matter at acceptance (a victim found later)', () => {
    assert.deepEqual(run(accepted({ victimRole: [['2025-05-07T09:00:00+08:00', 'victim']] })).alerts, []);
    assert.deepEqual(run(accepted({ victimRole: 'witness' })).alerts, []);
  });

  it('asks no intake statement of a report made by phone or online (its own log records it)', () => {
    for (const channel of ['110', 'online']) assert.deepEqual(run(accepted({ channel })).alerts, [], channel);
  });

  it('asks for the evidence list when evidence came with the report', () => {
    const r = run(accepted({ evidence: true, channel: 'online' }));
    assert.equal(state(alertOf(r, 'evidence-list')), 'overdue open due 2025-05-07T10:00 raised 2025-05-07T04:00 resolved -');
    assert.equal(r.alerts.length, 1);
    assert.equal(state(alertOf(run(list(accepted({ evidence: true, channel: '110' }), '2025-05-07T10:01')), 'evidence-list')),
      'overdue complied_late due 2025-05-07T10:00 raised 2025-05-07T04:00 resolved 2025-05-07T10:01');
    assert.deepEqual(run(list(accepted({ kind: 'administrative', evidence: true, channel: 'online' }), '2025-05-06T11:00', { subject_signed: true }, '接受证据清单')).alerts, [],
      'the administrative list has its own name');
  });

  it('leaves walk-in lists to INC_WALKIN_THREE_ON_THE_SPOT and asks none without evidence', () => {
    assert.deepEqual(run(statement(accepted({ channel: 'walk_in', evidence: true }), '2025-05-06T10:40')).alerts, []);
    assert.deepEqual(run(accepted({ evidence: false, channel: 'online' })).alerts, []);
  });

  it('raises a list the provider did not sign, unless the refusal is noted; unknown is not judged', () => {
    const g = (attrs: Record<string, string | boolean | Array<[string, string]>>) => run(list(accepted({ evidence: true, channel: 'online' }), '2025-05-06T10:20', attrs));
    const a = alertOf(g({ subject_signed: false }), 'list-signature')!;
    assert.equal(state(a), 'violation open due - raised 2025-05-06T10:20 resolved -');
    assert.deepEqual(a.subject, { type: 'document', id: 'document:L1' });
    assert.deepEqual(g({ subject_signed: false, refusal_noted: true }).alerts, []);
    assert.deepEqual(g({}).alerts, []);
    const later = alertOf(g({ subject_signed: [['2025-05-06T15:00:00+08:00', 'false']] }), 'list-signature')!;
    assert.equal(later.raisedAt, utc('2025-05-06T15:00'), 'raised when the unsigned state became known');
  });

  it('reads the window from its parameter [D]', () => {
    const r = run(statement(accepted(), '2025-05-07T10:01'), '2025-05-09T00:00', { params: { INTAKE_STATEMENT_AND_EVIDENCE_LIST: { graceHours: 48 } } });
    assert.deepEqual(r.alerts, []);
  });

  it('is not triggered before acceptance', () => {
    const g = new GroupBuilder(CASE).object(CASE, { kind: 'criminal' }).object('person:V', { role: 'victim' }, { case: CASE });
    assert.deepEqual(run(g).alerts, []);
  });
});

describe('CRIM_FILING_APPROVAL_LEVEL', () => {
  /** Officers and units the approver can be: branch and city leaders (county+), a station leader, a lead investigator. */
  const reference = (g: GroupBuilder) => g
    .object('unit:C', { kind: 'public_security', level: 'city' })
    .object('unit:B', { kind: 'public_security', level: 'branch' }, { parent: 'unit:C' })
    .object('unit:S', { kind: 'public_security', level: 'station' }, { parent: 'unit:B' })
    .object('unit:P', { kind: 'procuratorate' })
    .object('officer:BL', { role: 'leader' }, { member_of: 'unit:B' })
    .object('officer:CL', { role: 'leader' }, { member_of: 'unit:C' })
    .object('officer:SL', { role: 'leader' }, { member_of: 'unit:S' })
    .object('officer:LD', { role: 'lead' }, { member_of: 'unit:B' })
    .object('officer:NX', {}, {})
    .object('officer:UL', { role: 'leader' }, { member_of: 'unit:U' });
  const decided = (approvers: string[], type = 'case.filed', kind = 'criminal') => reference(new GroupBuilder(CASE).object(CASE, { kind, category: '050200' }))
    .event('dec', type, T('2025-05-06T10:00'), {}, { case: CASE, approver: approvers });
  const run = (g: GroupBuilder) => g.evaluate(CRIM_FILING_APPROVAL_LEVEL, T('2025-05-09T00:00'));

  it('complies with a county-level leader, a higher one, or the branch itself', () => {
    for (const a of ['officer:BL', 'officer:CL', 'unit:B', 'unit:C']) assert.deepEqual(run(decided([a])).alerts, [], a);
    assert.deepEqual(run(decided(['officer:SL', 'officer:BL'])).alerts, [], 'one county-level approver suffices');
  });

  it('raises an S4 finding for a department head', () => {
    const a = alertOf(run(decided(['officer:SL'])))!;
    assert.equal(state(a), 'violation open due - raised 2025-05-06T10:00 resolved -');
    assert.equal(a.severity, 'S4');
    assert.deepEqual(a.subject, { type: 'case', id: CASE });
    assert.match(a.message['zh-CN'], /审批人为办案部门负责人/);
  });

  it('raises one for an officer who is no leader, a station, or a procuratorate, also on non-filing', () => {
    assert.match(alertOf(run(decided(['officer:LD'])))!.message['zh-CN'], /非负责人的民警/);
    assert.match(alertOf(run(decided(['unit:S'])))!.message['zh-CN'], /派出所/);
    assert.match(alertOf(run(decided(['unit:P'])))!.message['zh-CN'], /检察机关/);
    assert.match(alertOf(run(decided(['officer:SL', 'officer:LD'], 'case.not_filed')))!.message['zh-CN'], /不予立案决定的审批人为办案部门负责人、非负责人的民警/);
  });

  it('does not judge a decision without approvers or with approvers the reference data does not place', () => {
    assert.deepEqual(run(decided([])).alerts, []);
    assert.deepEqual(run(decided(['officer:NX'])).alerts, [], 'officer without role');
    assert.deepEqual(run(decided(['officer:UL'])).alerts, [], 'leader of an unknown unit');
    assert.deepEqual(run(decided(['officer:SL', 'officer:NX'])).alerts, [], 'one approver unknown');
  });

  it('is not triggered in an administrative case', () => {
    assert.deepEqual(run(decided(['officer:SL'], 'case.filed', 'administrative')).alerts, []);
  });

  it('judges the approver by role and unit at the decision, not as of T', () => {
    // Promoted to leader one minute after the decision: a lead investigator approved it.
    const promoted = decided(['officer:PR']).object('officer:PR', { role: [['2025-01-01T00:00:00+08:00', 'lead'], ['2025-05-06T10:01:00+08:00', 'leader']] }, { member_of: 'unit:B' });
    assert.match(alertOf(run(promoted))!.message['zh-CN'], /非负责人的民警/);
    // Leader at the decision, moved to another post one minute after: complies.
    const moved = decided(['officer:MV']).object('officer:MV', { role: [['2025-01-01T00:00:00+08:00', 'leader'], ['2025-05-06T10:01:00+08:00', 'lead']] }, { member_of: 'unit:B' });
    assert.deepEqual(run(moved).alerts, []);
    // Leader of a unit that was a station at the decision and became a branch one minute later.
    const unit = decided(['officer:RL']).object('unit:R', { kind: 'public_security', level: [['2025-01-01T00:00:00+08:00', 'station'], ['2025-05-06T10:01:00+08:00', 'branch']] })
      .object('officer:RL', { role: 'leader' }, { member_of: 'unit:R' });
    assert.match(alertOf(run(unit))!.message['zh-CN'], /办案部门负责人/);
  });

  it('judges a decision taken while the case was criminal, after it became administrative', () => {
    const converted = reference(new GroupBuilder(CASE).object(CASE, { kind: [['2025-05-01T00:00:00+08:00', 'criminal'], ['2025-05-06T10:01:00+08:00', 'administrative']], category: '050200' }))
      .event('dec', 'case.not_filed', T('2025-05-06T10:00'), {}, { case: CASE, approver: ['officer:SL'] });
    assert.equal(alertOf(run(converted))!.severity, 'S4');
  });
});
