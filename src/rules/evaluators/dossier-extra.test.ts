import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { GroupBuilder } from '../engine/group-builder.js';
import { expected, judged } from './closure-test-kit.js';
import { DOSSIER_DOC_TIME_CONSISTENCY, DOSSIER_ONE_CASE_ONE_FILE, DOSSIER_ONLINE_RECORD } from './dossier-extra.js';
import { alertOf, alertsOf } from './intake-testing.js';

const CASE = 'case:C1';
const P1 = 'person:P1';
const AS_OF = '2025-12-01T00:00:00+08:00';
type Settings = Parameters<GroupBuilder['evaluate']>[2];

const caseOf = (kind: string) => new GroupBuilder(CASE).object(CASE, { kind, category: '050200' }, { unit: 'unit:S1' }).object(P1, { role: 'suspect' }, { case: CASE });
const accepted = (g: GroupBuilder, at = '2025-03-03T10:00:00+08:00') => g.event('acc', 'case.accepted', at, {}, { case: CASE, unit: 'unit:S1' });
const at = (g: GroupBuilder, id: string, type: string, time: string, attrs: Record<string, string> = {}, rels: Record<string, string | string[]> = {}) =>
  g.event(id, type, time, attrs, { case: CASE, ...rels });
const onTheSpot = (g: GroupBuilder, time: string) => at(g.object('document:D1', { doc_type: '当场处罚决定书' }, { case: CASE, subject: P1 }), 'dec', 'case.decided', time,
  { outcome: 'penalty' }, { subject: P1, document: 'document:D1' });

describe('DOSSIER_ONLINE_RECORD', () => {
  const run = (g: GroupBuilder) => g.evaluate(DOSSIER_ONLINE_RECORD, AS_OF);

  it('raises nothing for an accepted case closed on an outcome', () => {
    const g = at(at(at(accepted(caseOf('criminal')), 'fil', 'case.filed', '2025-03-04T10:00:00+08:00'), 'snt', 'case.sent_for_prosecution', '2025-05-04T10:00:00+08:00', {}, { target_unit: 'unit:P' }),
      'cls', 'case.closed', '2025-05-06T10:00:00+08:00');
    assert.deepEqual(run(g).alerts, []);
  });

  it('is a violation at the first stage of a case with no acceptance on record', () => {
    const r = run(at(caseOf('criminal'), 'fil', 'case.filed', '2025-03-04T10:00:00+08:00'));
    assert.deepEqual(r.alerts.map(judged), [expected('violation', 'open', 'S4', CASE, '2025-03-04T10:00:00+08:00')]);
    assert.match(r.alerts[0].message['zh-CN'], /系统中无受案记录/);
    assert.deepEqual(run(at(caseOf('administrative'), 'dec', 'case.decided', '2025-03-04T10:00:00+08:00', { outcome: 'penalty' }, { subject: P1 })).alerts.length, 1);
  });

  it('leaves an acceptance recorded after the filing to the time-order rule, and a simple-procedure decision alone', () => {
    assert.deepEqual(run(accepted(at(caseOf('criminal'), 'fil', 'case.filed', '2025-03-04T10:00:00+08:00'), '2025-03-05T10:00:00+08:00')).alerts, []);
    assert.deepEqual(run(onTheSpot(caseOf('administrative'), '2025-03-04T10:00:00+08:00')).alerts, []);
  });

  it('is a violation when a criminal case is closed on no outcome on record', () => {
    const filedOnly = () => at(at(accepted(caseOf('criminal')), 'fil', 'case.filed', '2025-03-04T10:00:00+08:00'), 'cls', 'case.closed', '2025-06-01T10:00:00+08:00');
    assert.deepEqual(alertsOf(run(filedOnly()), 'outcome').map(judged), [expected('violation', 'open', 'S4', CASE, '2025-06-01T10:00:00+08:00')]);
    const oneSuspect = at(filedOnly(), 'rev', 'case.revoked', '2025-05-01T10:00:00+08:00', { scope: 'suspect' }, { subject: P1 });
    assert.equal(run(oneSuspect).alerts.length, 1, 'stopping one suspect is no outcome of the case');
    for (const [type, attrs] of [['case.not_filed', {}], ['case.revoked', { scope: 'case' }], ['case.transferred', {}], ['case.sent_for_prosecution', {}]] as const) {
      assert.deepEqual(run(at(filedOnly(), 'out', type, '2025-06-01T10:00:00+08:00', attrs, { target_unit: 'unit:O' })).alerts, [], type);
    }
    assert.equal(run(at(filedOnly(), 'snt', 'case.sent_for_prosecution', '2025-06-01T10:01:00+08:00', {}, { target_unit: 'unit:P' })).alerts.length, 1, 'an outcome after the closure');
  });

  it('leaves an administrative closure to ADMIN_CLOSURE_OR_TERMINATION', () => {
    assert.deepEqual(run(at(accepted(caseOf('administrative')), 'cls', 'case.closed', '2025-06-01T10:00:00+08:00')).alerts, []);
  });

  it('is not triggered before any stage, or for a group without a case', () => {
    assert.deepEqual(run(caseOf('criminal')).alerts, []);
    assert.deepEqual(new GroupBuilder('incident:J1').object('incident:J1', { channel: '110' }).evaluate(DOSSIER_ONLINE_RECORD, AS_OF).alerts, []);
  });
});

describe('DOSSIER_ONE_CASE_ONE_FILE', () => {
  const CLOSED = '2025-04-01T10:00:00+08:00';
  const run = (g: GroupBuilder, settings?: Settings) => g.evaluate(DOSSIER_ONE_CASE_ONE_FILE, AS_OF, settings);
  const decidedAndClosed = (kind = 'administrative') => at(at(accepted(caseOf(kind)).object('document:F1', { doc_type: '受案登记表' }, { case: CASE }),
    'dec', 'case.decided', '2025-03-20T10:00:00+08:00', { outcome: 'penalty' }, { subject: P1 }), 'cls', 'case.closed', CLOSED);
  const evidence = (g: GroupBuilder, docType: string, filed: string) => g.object('document:E1', { doc_type: docType }, { case: CASE, subject: P1 })
    .event('f-E1', 'document.filed', filed, {}, { document: 'document:E1', case: CASE });

  it('raises nothing when the file holds a statement by the closure', () => {
    assert.deepEqual(run(evidence(decidedAndClosed(), '询问笔录', '2025-03-05T10:00:00+08:00')).alerts, []);
    assert.deepEqual(run(evidence(decidedAndClosed(), '询问笔录', CLOSED)).alerts, [], 'entered at the closure');
  });

  it('is a violation at the closure when the file holds no evidence by then', () => {
    const r = run(evidence(decidedAndClosed(), '询问笔录', '2025-04-01T10:01:00+08:00'));
    assert.deepEqual(r.alerts.map(judged), [expected('violation', 'open', 'S3', CASE, CLOSED)]);
    assert.match(r.alerts[0].message['zh-CN'], /结案时卷内未见任何证据材料/);
  });

  it('counts a recording begun by the closure, and reads the evidence names from the parameter [D]', () => {
    const recorded = decidedAndClosed().object('media:M1', { kind: 'bodycam', started_at: '2025-03-03T09:00:00+08:00', ended_at: '2025-03-03T09:30:00+08:00' }, { case: CASE });
    assert.deepEqual(run(recorded).alerts, []);
    const local = evidence(decidedAndClosed(), '当事人陈述', '2025-03-05T10:00:00+08:00');
    assert.equal(run(local).alerts.length, 1);
    assert.deepEqual(run(local, { params: { DOSSIER_ONE_CASE_ONE_FILE: { evidenceDocTypes: '当事人陈述' } } }).alerts, []);
  });

  it('does not judge a case whose source sends no documents, a simple-procedure case, a case closed undecided, or a criminal case', () => {
    const noDocs = at(at(accepted(caseOf('administrative')), 'dec', 'case.decided', '2025-03-20T10:00:00+08:00', { outcome: 'penalty' }, { subject: P1 }), 'cls', 'case.closed', CLOSED);
    assert.deepEqual(run(noDocs).alerts, []);
    assert.deepEqual(run(at(onTheSpot(accepted(caseOf('administrative')), '2025-03-20T10:00:00+08:00'), 'cls', 'case.closed', CLOSED)).alerts, []);
    assert.deepEqual(run(at(accepted(caseOf('administrative')).object('document:F1', { doc_type: '受案登记表' }, { case: CASE }), 'cls', 'case.closed', CLOSED)).alerts, []);
    assert.deepEqual(run(decidedAndClosed('criminal')).alerts, []);
  });
});

describe('DOSSIER_DOC_TIME_CONSISTENCY', () => {
  const run = (g: GroupBuilder) => g.evaluate(DOSSIER_DOC_TIME_CONSISTENCY, AS_OF);

  describe('受案 before 立案', () => {
    it('raises nothing for a filing after the acceptance, even the same minute', () => {
      assert.deepEqual(run(at(accepted(caseOf('criminal')), 'fil', 'case.filed', '2025-03-03T10:00:00+08:00')).alerts, []);
    });

    it('is a violation, known at the acceptance, for a filing one minute before it', () => {
      const r = run(at(accepted(caseOf('criminal')), 'fil', 'case.filed', '2025-03-03T09:59:00+08:00'));
      assert.deepEqual(r.alerts.map(judged), [expected('violation', 'open', 'S2', CASE, '2025-03-03T10:00:00+08:00')]);
      assert.equal(r.alerts[0].triggerEventId, 'fil');
      assert.match(r.alerts[0].message['zh-CN'], /立案于2025-03-03 09:59，受案却在2025-03-03 10:00/);
      const notFiled = run(at(accepted(caseOf('criminal')), 'nf', 'case.not_filed', '2025-03-03T09:00:00+08:00'));
      assert.match(notFiled.alerts[0].message['zh-CN'], /不予立案于/);
    });

    it('does not judge a case without an acceptance on record (DOSSIER_ONLINE_RECORD’s)', () => {
      assert.deepEqual(run(at(caseOf('criminal'), 'fil', 'case.filed', '2025-03-03T09:59:00+08:00')).alerts, []);
    });
  });

  describe('dates written on documents', () => {
    const warrant = (issued: string, attrTime = '2025-03-10T23:00:00+08:00') => at(caseOf('criminal')
      .object('document:W1', { doc_type: '拘留证', issued_at: [[attrTime, issued]] }, { case: CASE, subject: P1 }),
    'det', 'person.detained', '2025-03-10T23:40:00+08:00', {}, { subject: P1, officer: 'officer:A', document: 'document:W1' });

    it('raises nothing for a warrant dated the day it was executed, even after the hour', () => {
      assert.deepEqual(run(warrant('2025-03-10T23:59:00+08:00')).alerts, []);
    });

    it('is a violation for a warrant dated the day after its execution, once that date is on record', () => {
      const r = run(warrant('2025-03-11T00:00:00+08:00', '2025-03-11T09:00:00+08:00'));
      assert.deepEqual(r.alerts.map(judged), [expected('violation', 'open', 'S2', 'document:W1', '2025-03-11T09:00:00+08:00')]);
      assert.equal(r.alerts[0].triggerEventId, 'det');
      assert.match(r.alerts[0].message['zh-CN'], /拘留证落款日期2025-03-11晚于2025-03-10 23:40的使用或入卷时间/);
    });

    it('judges a form from its entry in the dossier and dates a 笔录 by started_at', () => {
      const form = caseOf('criminal').object('document:F1', { doc_type: '受案登记表', issued_at: '2025-03-05T10:00:00+08:00' }, { case: CASE })
        .event('f-F1', 'document.filed', '2025-03-04T18:00:00+08:00', {}, { document: 'document:F1', case: CASE });
      assert.equal(run(form).alerts.length, 1);
      const transcript = caseOf('criminal').object('document:T1', { doc_type: '询问笔录', started_at: '2025-03-05T10:00:00+08:00' }, { case: CASE })
        .event('f-T1', 'document.filed', '2025-03-04T18:00:00+08:00', {}, { document: 'document:T1', case: CASE });
      assert.equal(alertsOf(run(transcript), 'dated_after_use').length, 1);
    });

    it('does not count a 笔录 as used by an earlier act it records (a family call noted in the next day\'s 询问笔录)', () => {
      const g = caseOf('administrative').object('document:T2', { doc_type: '询问笔录', started_at: '2025-03-06T00:10:00+08:00' }, { case: CASE, subject: P1 })
        .event('fam', 'person.family_notified', '2025-03-05T23:58:00+08:00', { measure: 'admin_summons', method: 'phone' }, { subject: P1, case: CASE, document: 'document:T2' })
        .event('f-T2', 'document.filed', '2025-03-06T01:30:00+08:00', {}, { document: 'document:T2', case: CASE });
      assert.deepEqual(alertsOf(run(g), 'dated_after_use'), []);
    });

    it('is a violation for a record that ends before it starts', () => {
      const g = caseOf('criminal').object('document:T1', { doc_type: '讯问笔录', started_at: '2025-03-05T10:00:00+08:00', ended_at: '2025-03-05T09:59:00+08:00' }, { case: CASE, subject: P1 })
        .event('f-T1', 'document.filed', '2025-03-05T12:00:00+08:00', {}, { document: 'document:T1', case: CASE });
      const a = alertOf(run(g), 'transcript_times');
      assert.deepEqual(a && judged(a), expected('violation', 'open', 'S2', 'document:T1', '2025-03-05T12:00:00+08:00'));
      assert.match(a!.message['zh-CN'], /讯问笔录记载2025-03-05 10:00开始、2025-03-05 09:59结束/);
    });

    it('does not judge undated documents, documents never present, or unparsable times', () => {
      const g = caseOf('criminal')
        .object('document:U1', { doc_type: '拘留证' }, { case: CASE })
        .object('document:U2', { doc_type: '拘留证', issued_at: '2030-01-01T00:00:00+08:00' }, { case: CASE })
        .object('document:U3', { doc_type: '讯问笔录', started_at: 'unknown', ended_at: '2025-03-05T09:00:00+08:00' }, { case: CASE })
        .event('f-U1', 'document.filed', '2025-03-05T12:00:00+08:00', {}, { document: 'document:U1', case: CASE })
        .event('f-U3', 'document.filed', '2025-03-05T12:00:00+08:00', {}, { document: 'document:U3', case: CASE });
      assert.deepEqual(run(g).alerts, []);
    });
  });
});
