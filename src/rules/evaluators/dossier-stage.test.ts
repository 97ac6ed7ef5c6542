import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { GroupBuilder } from '../engine/group-builder.js';
import { expected, judged } from './closure-test-kit.js';
import { DOSSIER_STAGE_REQUIRED_DOCS } from './dossier-stage.js';
import { STAGE_DOCUMENTS } from './dossier-stage-table.js';

const CASE = 'case:A2503001';
const T = (local: string) => `2025-03-${local}:00+08:00`;
type Attrs = Record<string, string | number | boolean>;

/** Interchange §12.1 with only what the rule reads: 受案, 立案, 拘留, first 讯问, family notice, arrest request. */
function example(skip: string[] = [], docAttrs: Record<string, Attrs> = {}): GroupBuilder {
  const g = new GroupBuilder(CASE).object(CASE, { kind: 'criminal', category: '050200' }, { unit: 'unit:S1' })
    .object('person:R1', { role: 'suspect' }, { case: CASE })
    .object('person:R2', { role: 'victim' }, { case: CASE });
  const doc = (id: string, type: string, at: string, subject?: string) => {
    if (skip.includes(id)) return;
    g.object(`document:${id}`, { doc_type: type, issued_at: at, ...docAttrs[id] }, { case: CASE, ...(subject ? { subject } : {}) });
  };
  doc('W1', '受案登记表', T('10T22:30'));
  doc('W2', '受案回执', T('10T22:35'), 'person:R2');
  doc('W3', '立案决定书', T('10T23:20'));
  doc('W4', '拘留证', T('10T23:35'), 'person:R1');
  doc('W5', '拘留通知书', T('12T05:30'), 'person:R1');
  doc('W7', '犯罪嫌疑人诉讼权利义务告知书', T('11T00:32'), 'person:R1');
  doc('W8', '提请批准逮捕书', T('13T15:00'), 'person:R1');
  if (!skip.includes('W6')) g.object('document:W6', { doc_type: '讯问笔录', started_at: T('11T00:30'), ...docAttrs.W6 }, { case: CASE, subject: 'person:R1' });
  const ev = (id: string, type: string, at: string, attrs: Attrs, rels: Record<string, string>) => {
    if (!skip.includes(id)) g.event(id, type, at, attrs, { case: CASE, ...rels });
  };
  ev('acc', 'case.accepted', T('10T22:30'), {}, { unit: 'unit:S1', document: 'document:W1' });
  ev('rcpt', 'notice.served', T('10T22:35'), { notice_type: 'acceptance_receipt' }, { subject: 'person:R2', document: 'document:W2' });
  ev('fil', 'case.filed', T('10T23:20'), {}, { document: 'document:W3' });
  ev('det', 'person.detained', T('10T23:40'), {}, { subject: 'person:R1', officer: 'officer:O1', document: 'document:W4' });
  ev('int', 'interrogation.started', T('11T00:30'), { kind: 'interrogation', first_time: true }, { subject: 'person:R1', interrogator: 'officer:O1', document: 'document:W6' });
  ev('rn', 'notice.served', T('11T00:32'), { notice_type: 'rights_notice' }, { subject: 'person:R1', document: 'document:W7' });
  ev('fam', 'person.family_notified', T('12T05:40'), { measure: 'criminal_detention', method: 'phone' }, { subject: 'person:R1', document: 'document:W5' });
  ev('req', 'person.arrest_requested', T('13T16:00'), {}, { subject: 'person:R1', target_unit: 'unit:P1', document: 'document:W8' });
  return g;
}

const AS_OF = T('13T16:00');
const LATER = '2025-08-01T00:00:00+08:00';
const docs = (g: GroupBuilder, asOf: string = LATER, settings?: Parameters<GroupBuilder['evaluate']>[2]) => g.evaluate(DOSSIER_STAGE_REQUIRED_DOCS, asOf, settings).alerts;
const reasons = (g: GroupBuilder, asOf: string = LATER) => docs(g, asOf).flatMap((a) => a.message['zh-CN'].split('：').slice(1, 3));

describe('DOSSIER_STAGE_REQUIRED_DOCS', () => {
  it('passes the worked example §12.3 as of the arrest request, and after', () => {
    assert.deepEqual(docs(example(), AS_OF), []);
    assert.deepEqual(docs(example(), LATER), []);
  });

  it('checks nothing at case.filed: nothing is 24 h old yet', () => {
    assert.deepEqual(docs(example(['W1', 'W2']), T('11T20:00')), []);
  });

  it('finds a missing 拘留通知书 (†) at the arrest request: S2 on the person, raised at the transition', () => {
    const alerts = docs(example(['fam', 'W5']), AS_OF);
    assert.deepEqual(alerts.map(judged), [expected('violation', 'open', 'S2', 'person:R1', AS_OF)]);
    assert.equal(alerts[0].triggerEventId, 'req');
    assert.deepEqual(alerts[0].evidenceEventIds, ['det']);
    assert.match(alerts[0].message['zh-CN'], /提请批准逮捕时，2025-03-10 23:40的刑事拘留：缺少拘留通知书/);
  });

  it('does not need the 拘留通知书 when the family notice records an exception', () => {
    const g = example(['fam', 'W5']).event('fam', 'person.family_notified', T('11T20:00'), { measure: 'criminal_detention', exception: 'unreachable', reason: '无法联系' }, { subject: 'person:R1', case: CASE });
    assert.deepEqual(docs(g, AS_OF), []);
  });

  describe('the 24 h grace [D] at non-closing transitions', () => {
    const requestAt = (at: string) => example(['fam', 'W5', 'req']).event('req', 'person.arrest_requested', at, {}, { subject: 'person:R1', case: CASE, document: 'document:W8' });

    it('does not check a detention 23 h 59 min old; checks it at exactly 24 h', () => {
      assert.deepEqual(docs(requestAt(T('11T23:39')), LATER), []);
      assert.deepEqual(docs(requestAt(T('11T23:40')), LATER).map(judged), [expected('violation', 'open', 'S2', 'person:R1', T('11T23:40'))]);
    });

    it('takes the grace from the bureau parameter', () => {
      const settings = { params: { DOSSIER_STAGE_REQUIRED_DOCS: { graceHours: 72 } } };
      assert.deepEqual(docs(example(['fam', 'W5']), LATER, settings), []);
    });
  });

  describe('closing transitions check every stage, their own included, and report each gap once', () => {
    const SENT = '2025-04-10T10:00:00+08:00';
    const sent = (g: GroupBuilder, withOpinion: boolean) => {
      g.object('document:W9', { doc_type: '结案报告', issued_at: '2025-04-09T10:00:00+08:00' }, { case: CASE });
      if (withOpinion) g.object('document:W10', { doc_type: '起诉意见书', issued_at: '2025-04-10T08:00:00+08:00' }, { case: CASE });
      return g.event('sent', 'case.sent_for_prosecution', SENT, {}, { case: CASE, target_unit: 'unit:P1', document: withOpinion ? ['document:W9', 'document:W10'] : 'document:W9' })
        .event('clo', 'case.closed', '2025-04-12T10:00:00+08:00', {}, { case: CASE });
    };

    it('finds the transfer’s own missing 起诉意见书 (S3, on the case) at the transfer', () => {
      const alerts = docs(sent(example(), false));
      assert.deepEqual(alerts.map(judged), [expected('violation', 'open', 'S3', CASE, SENT)]);
      assert.match(alerts[0].message['zh-CN'], /缺少起诉意见书/);
    });

    it('reports a gap once, at the first transition that finds it, not again at the closing ones', () => {
      const g = sent(example(['fam', 'W5']), true);
      const alerts = docs(g);
      assert.deepEqual(alerts.map((a) => [a.triggerEventId, a.subject.id, a.severity]), [['req', 'person:R1', 'S2']]);
    });

    it('requires the 随案移送清单 when property was seized, besides the seizure’s own documents', () => {
      const g = sent(example(), true)
        .object('item:I1', { description: '电动自行车一辆' }, { case: CASE, subject: 'person:R1' })
        .object('document:K1', { doc_type: '扣押决定书', issued_at: T('11T10:00') }, { case: CASE, subject: 'person:R1' })
        .event('sz', 'item.seized', T('11T10:10'), { mode: 'seizure' }, { item: 'item:I1', case: CASE, officer: 'officer:O1', subject: 'person:R1', document: 'document:K1' });
      // The seizure is 29 h old at the arrest request: found there; the transfer's own list at the transfer.
      assert.deepEqual(reasons(g), ['提请批准逮捕时，2025-03-11 10:10的扣押/查封', '缺少扣押清单。依据', '移送审查起诉时，2025-04-10 10:00的移送审查起诉', '缺少随案移送清单。依据']);
      assert.deepEqual(docs(g).map((a) => [a.triggerEventId, a.subject.id, a.severity]), [['req', 'person:R1', 'S3'], ['sent', CASE, 'S3']]);
    });
  });

  describe('documents present, dated, sealed and signed (§9.2)', () => {
    it('reports an undated document, and one not sealed', () => {
      const undated = example().object('document:W3', { doc_type: '立案决定书' }, { case: CASE });
      assert.deepEqual(docs(undated, AS_OF).map(judged), [expected('violation', 'open', 'S3', CASE, AS_OF)]);
      assert.match(docs(undated, AS_OF)[0].message['zh-CN'], /立案决定书未注明日期/);
      assert.match(docs(example([], { W3: { sealed: false } }), AS_OF)[0].message['zh-CN'], /立案决定书未盖章/);
    });

    it('reports a 拘留证 the person did not sign (S3: present, not missing), unless the refusal is noted', () => {
      assert.deepEqual(docs(example([], { W4: { subject_signed: false } }), AS_OF).map((a) => [a.severity, a.message['zh-CN'].includes('拘留证当事人未签名')]), [['S3', true]]);
      assert.deepEqual(docs(example([], { W4: { subject_signed: false, refusal_noted: true } }), AS_OF), []);
    });

    it('rates a † document S2 only when missing (catalogue §12): an undated 拘留证 is S3', () => {
      const undated = example(['W4']).object('document:W4', { doc_type: '拘留证' }, { case: CASE, subject: 'person:R1' });
      assert.deepEqual(docs(undated, AS_OF).map((a) => [a.severity, a.message['zh-CN'].includes('拘留证未注明日期')]), [['S3', true]]);
      assert.deepEqual(docs(example(['W4']), AS_OF).map((a) => [a.severity, a.message['zh-CN'].includes('缺少拘留证')]), [['S2', true]]);
      // A missing † document and a defect of another in the same stage: S2 still.
      const both = example(['W5']).object('document:W4', { doc_type: '拘留证', issued_at: T('10T23:35'), sealed: false }, { case: CASE, subject: 'person:R1' });
      assert.deepEqual(docs(both, AS_OF).map((a) => a.severity), ['S2']);
    });

    it('counts a document only once it is present, and dated as of the transition', () => {
      const lateNotice = example(['fam']).event('fam', 'person.family_notified', T('13T17:00'), { measure: 'criminal_detention' }, { subject: 'person:R1', case: CASE, document: 'document:W5' });
      assert.deepEqual(docs(lateNotice).map((a) => a.triggerEventId), ['req']);
      const datedLater = example(['W3']).object('document:W3', { doc_type: '立案决定书', issued_at: [[T('13T17:00'), T('10T23:20')]] }, { case: CASE });
      assert.match(docs(datedLater, AS_OF)[0].message['zh-CN'], /立案决定书未注明日期/);
    });

    it('wants the person’s own documents: another suspect’s notice does not count, one attached to the event does', () => {
      const other = example(['W5']).object('document:W5', { doc_type: '拘留通知书', issued_at: T('12T05:30') }, { case: CASE, subject: 'person:R9' });
      assert.deepEqual(docs(other, AS_OF).map((a) => a.subject.id), ['person:R1']);
      const attached = example(['W4']).object('document:W4', { doc_type: '拘留证', issued_at: T('10T23:35') }, { case: CASE });
      assert.deepEqual(docs(attached, AS_OF), []);
    });
  });

  it('needs a 释放证明书 (†) for a release from detention, not for a release without a measure', () => {
    const released = (g: GroupBuilder) => g.event('rel', 'person.released', T('15T10:00'), {}, { subject: 'person:R1', case: CASE })
      .event('clo', 'case.closed', T('20T10:00'), {}, { case: CASE });
    assert.deepEqual(docs(released(example())).map((a) => [a.severity, a.evidenceEventIds[0]]), [['S2', 'rel']]);
    assert.deepEqual(docs(released(example(['det', 'W4', 'fam', 'W5', 'req', 'W8']))), []);
  });

  describe('administrative cases', () => {
    const X = 'case:X1';
    const admin = (outcome: string, decision?: string) => {
      const g = new GroupBuilder(X).object(X, { kind: 'administrative' }, { unit: 'unit:S1' })
        .object('document:D1', { doc_type: '受案登记表', issued_at: '2025-06-01T10:00:00+08:00' }, { case: X })
        .object('document:D2', { doc_type: '受案回执', issued_at: '2025-06-01T10:05:00+08:00' }, { case: X })
        .event('acc', 'case.accepted', '2025-06-01T10:00:00+08:00', {}, { case: X, unit: 'unit:S1', document: 'document:D1' })
        .event('rc', 'notice.served', '2025-06-01T10:05:00+08:00', { notice_type: 'acceptance_receipt' }, { case: X, document: 'document:D2' });
      if (decision) g.object('document:D3', { doc_type: decision, issued_at: '2025-06-05T09:00:00+08:00' }, { case: X });
      return g.event('dec', 'case.decided', '2025-06-05T10:00:00+08:00', { outcome }, { case: X, subject: 'person:P1', ...(decision ? { document: 'document:D3' } : {}) });
    };

    it('wants the decision document, and the mediation agreement for a mediated case', () => {
      assert.deepEqual(docs(admin('penalty', '行政处罚决定书')), []);
      assert.deepEqual(docs(admin('no_penalty', '不予行政处罚决定书')), []);
      assert.deepEqual(docs(admin('mediated', '治安调解协议书')), []);
      assert.deepEqual(docs(admin('penalty')).map(judged), [expected('violation', 'open', 'S3', X, '2025-06-05T10:00:00+08:00')]);
      assert.match(docs(admin('mediated', '行政处罚决定书'))[0].message['zh-CN'], /缺少治安调解协议书/);
    });

    it('wants the administrative rights notice and 询问笔录 at the first questioning of a suspect, not a witness', () => {
      const questioned = (role: string) => admin('penalty', '行政处罚决定书').object('person:P1', { role }, { case: X })
        .event('q', 'interrogation.started', '2025-06-02T10:00:00+08:00', { kind: 'questioning' }, { case: X, subject: 'person:P1', interrogator: 'officer:O1' });
      assert.match(docs(questioned('suspect'))[0].message['zh-CN'], /首次询问：缺少行政案件权利义务告知书；缺少询问笔录/);
      assert.deepEqual(docs(questioned('witness')), []);
    });
  });

  it('is "unverified", not in breach, for a case whose source sends no documents (§13)', () => {
    const g = new GroupBuilder(CASE).object(CASE, { kind: 'criminal' })
      .event('acc', 'case.accepted', T('01T10:00'), {}, { case: CASE })
      .event('fil', 'case.filed', T('05T10:00'), {}, { case: CASE })
      .event('clo', 'case.closed', T('20T10:00'), {}, { case: CASE });
    assert.deepEqual(docs(g), []);
  });

  describe('the stage table is bureau data (parameter stageDocuments)', () => {
    const noReceipt = () => example(['rcpt', 'W2']);
    const table = (entries: unknown) => ({ params: { DOSSIER_STAGE_REQUIRED_DOCS: { stageDocuments: JSON.stringify(entries) } } });

    it('uses the §10.2 default, and a bureau table instead when set', () => {
      assert.match(docs(noReceipt(), AS_OF)[0].message['zh-CN'], /受案：缺少受案回执/);
      const own = STAGE_DOCUMENTS.map((e) => (e.event === 'case.accepted' ? { ...e, docs: [{ anyOf: ['受案登记表'] }] } : e));
      assert.deepEqual(docs(noReceipt(), AS_OF, table(own)), []);
    });

    it('rejects an invalid table with an error naming the parameter', () => {
      assert.throws(() => docs(noReceipt(), AS_OF, { params: { DOSSIER_STAGE_REQUIRED_DOCS: { stageDocuments: '[{' } } }), /parameter stageDocuments: not valid JSON/);
      assert.throws(() => docs(noReceipt(), AS_OF, table([{ event: 'case.accepted', kind: 'both', when: 'sometimes', docs: [{ anyOf: ['x'] }] }])), /stageDocuments: entry 0: "when"/);
      assert.throws(() => docs(noReceipt(), AS_OF, table([{ event: 'case.accepted', kind: 'both', docs: [] }])), /stageDocuments: entry 0: "docs"/);
    });
  });
});
