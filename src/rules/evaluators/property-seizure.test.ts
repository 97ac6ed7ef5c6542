import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { RuleSettings } from '../engine/context.js';
import type { Alert } from '../engine/finding.js';
import { GroupBuilder } from '../engine/group-builder.js';
import { PROP_SEIZURE_DOCS } from './property-seizure.js';

/**
 * PROP_SEIZURE_DOCS (catalogue §10; interchange §10.1, §10.2): paperwork complete within 24 h
 * [D] (WARN at 18 h), one duty per part; officers and witness judged at the seizure.
 */
const SEIZED = '2025-03-11T10:00:00+08:00';
const WARN = '2025-03-12T04:00:00+08:00';
const DUE = '2025-03-12T10:00:00+08:00';
const AFTER = '2025-03-20T00:00:00+08:00';
const z = (local: string) => new Date(local).toISOString();
const brief = (a: Alert) => `${a.level} ${a.status} ${a.severity} raised ${a.raisedAt}${a.dueAt ? ` due ${a.dueAt}` : ''}${a.resolvedAt ? ` resolved ${a.resolvedAt}` : ''}`;
type Attrs = Parameters<GroupBuilder['object']>[1];

interface Opts {
  caseKind?: 'criminal' | 'administrative' | null;
  mode?: string;
  officers?: string[];
  witness?: boolean;
  approver?: string | null;
  docs?: string[];
  values?: [number, number];
  decision?: Attrs;
  list?: Attrs;
}

/**
 * A compliant criminal seizure of X1 and X2 from P1 by officers 1 and 2, witness W1, approved by
 * the station's leader (department level), with its decision D1 and triplicate list L1.
 */
function seizure(o: Opts = {}): GroupBuilder {
  const [v1, v2] = o.values ?? [3000, 800];
  return new GroupBuilder('case:C1')
    .object('case:C1', o.caseKind === null ? {} : { kind: o.caseKind ?? 'criminal' }, { unit: 'unit:ST' })
    .object('unit:ST', { level: 'station' })
    .object('unit:BR', { level: 'branch' })
    .object('officer:1', { role: 'lead' })
    .object('officer:2', { role: 'assistant' })
    .object('officer:3', { role: 'auxiliary' })
    .object('officer:9', { role: 'leader' }, { member_of: 'unit:ST' })
    .object('officer:8', { role: 'leader' }, { member_of: 'unit:BR' })
    .object('person:P1', { role: 'suspect' }, { case: 'case:C1' })
    .object('person:W1', { role: 'attesting_witness' }, { case: 'case:C1' })
    .object('item:X1', { description: '手机一部', value: v1 }, { case: 'case:C1', subject: 'person:P1' })
    .object('item:X2', { description: '现金', value: v2 }, { case: 'case:C1', subject: 'person:P1' })
    .object('document:D1', o.decision ?? { doc_type: '扣押决定书', issued_at: SEIZED }, { case: 'case:C1', subject: 'person:P1' })
    .object('document:L1', o.list ?? { doc_type: '扣押清单', issued_at: SEIZED, copies: 3, subject_signed: true, witness_signed: true }, { case: 'case:C1', subject: 'person:P1' })
    .event('sz', 'item.seized', SEIZED, { mode: o.mode ?? 'seizure' }, {
      item: ['item:X1', 'item:X2'], case: 'case:C1', officer: o.officers ?? ['officer:1', 'officer:2'], subject: 'person:P1',
      ...(o.witness === false ? {} : { witness: 'person:W1' }),
      ...(o.approver === null ? {} : { approver: o.approver ?? 'officer:9' }),
      document: o.docs ?? ['document:D1', 'document:L1'],
    });
}

const run = (g: GroupBuilder, asOf = AFTER, settings?: RuleSettings) => g.evaluate(PROP_SEIZURE_DOCS, asOf, settings);
/** Alerts as "<duty words> <level> <status> …", the duty told apart by its message. */
const parts = (alerts: Alert[]) => alerts.map((a) => `${a.message['zh-CN'].split('：')[0]} | ${brief(a)}`);
const filed = (g: GroupBuilder, id: string, doc: string, at: string) => g.event(id, 'document.filed', at, {}, { document: doc, case: 'case:C1' });

describe('PROP_SEIZURE_DOCS', () => {
  it('complete paperwork: nothing, no timers', () => {
    assert.deepEqual(run(seizure()), { alerts: [], timers: [] });
    assert.deepEqual(run(seizure(), SEIZED), { alerts: [], timers: [] });
  });

  it('no decision: warn timer, WARN at 18 h, OVERDUE S2 at 24 h, on the first item', () => {
    const g = seizure({ docs: ['document:L1'] });
    const early = run(g, '2025-03-12T03:59:00+08:00');
    assert.deepEqual(early.alerts, []);
    assert.deepEqual(early.timers.map((t) => `${t.subject.id} ${t.kind} ${t.fireAt}`), [`item:X1 warn ${z(WARN)}`]);
    assert.deepEqual(parts(run(g, WARN).alerts), [`扣押后24小时内制作扣押决定书 | warning open S2 raised ${z(WARN)} due ${z(DUE)}`]);
    // D1 is of the group but unclaimed and never became present: still missing.
    const alerts = run(g).alerts;
    assert.deepEqual(parts(alerts), [`扣押后24小时内制作扣押决定书 | overdue open S2 raised ${z(WARN)} due ${z(DUE)}`]);
    assert.equal(alerts[0].subject.id, 'item:X1');
    assert.equal(alerts[0].triggerEventId, 'sz');
  });

  it('a decision filed at 23 h 59 min resolves the warning; one minute late is complied late', () => {
    const onTime = filed(seizure({ docs: ['document:L1'] }), 'f1', 'document:D1', '2025-03-12T09:59:00+08:00');
    assert.deepEqual(parts(run(onTime).alerts), [`扣押后24小时内制作扣押决定书 | warning resolved S2 raised ${z(WARN)} due ${z(DUE)} resolved ${z('2025-03-12T09:59:00+08:00')}`]);
    const late = filed(seizure({ docs: ['document:L1'] }), 'f1', 'document:D1', '2025-03-12T10:01:00+08:00');
    assert.deepEqual(parts(run(late).alerts), [`扣押后24小时内制作扣押决定书 | overdue complied_late S2 raised ${z(WARN)} due ${z(DUE)} resolved ${z('2025-03-12T10:01:00+08:00')}`]);
  });

  it('a decision claimed by another seizure does not count', () => {
    const g = seizure({ docs: ['document:L1'] })
      .event('sz0', 'item.seized', '2025-03-10T10:00:00+08:00', { mode: 'seizure' }, { item: 'item:X9', case: 'case:C1', officer: ['officer:1', 'officer:2'], witness: 'person:W1', approver: 'officer:9', document: 'document:D1' });
    assert.deepEqual(run(g).alerts.filter((a) => a.triggerEventId === 'sz').map((a) => `${a.level} ${a.status}`), ['overdue open']);
  });

  it('the list: fewer than three copies, holder or witness not signing', () => {
    const list = (attrs: Attrs) => seizure({ list: { doc_type: '扣押清单', copies: 3, subject_signed: true, witness_signed: true, ...attrs } });
    const duty = '扣押后24小时内制作扣押清单一式三份，由持有人（或注明拒签）和见证人签名';
    assert.deepEqual(parts(run(list({ copies: 2 })).alerts), [`${duty} | overdue open S2 raised ${z(WARN)} due ${z(DUE)}`]);
    assert.equal(run(list({ subject_signed: false })).alerts.length, 1);
    assert.deepEqual(run(list({ subject_signed: false, refusal_noted: true })).alerts, []);
    assert.equal(run(list({ witness_signed: false })).alerts.length, 1);
    // Unknown values are not held against the list (§5.2).
    assert.deepEqual(run(seizure({ list: { doc_type: '扣押清单' } })).alerts, []);
  });

  it('a list corrected later: early enough nothing; after the warning point resolved when corrected', () => {
    const corrected = (at: string) => seizure({ list: { doc_type: '扣押清单', copies: [[SEIZED, 2], [at, 3]], subject_signed: true, witness_signed: true } });
    assert.deepEqual(run(corrected('2025-03-11T15:00:00+08:00')).alerts, []);
    assert.deepEqual(run(corrected('2025-03-12T06:00:00+08:00')).alerts.map(brief), [`warning resolved S2 raised ${z(WARN)} due ${z(DUE)} resolved ${z('2025-03-12T06:00:00+08:00')}`]);
  });

  it('approval: the unit head for ordinary property; county level from the value threshold on', () => {
    assert.deepEqual(run(seizure({ values: [49000, 999] })).alerts, []);
    const valuable = run(seizure({ values: [49000, 1000] })).alerts;
    assert.deepEqual(parts(valuable), [`涉案财物价值50000元，扣押应经县级以上公安机关负责人批准（24小时内补办） | overdue open S2 raised ${z(WARN)} due ${z(DUE)}`]);
    assert.deepEqual(run(seizure({ values: [49000, 1000], approver: 'officer:8' })).alerts, []);
    // The threshold is a parameter.
    assert.deepEqual(run(seizure({ values: [49000, 1000] }), AFTER, { params: { PROP_SEIZURE_DOCS: { countyApprovalValueThreshold: 100000 } } }).alerts, []);
  });

  it('no approver: a `seizure` approval of the right level within 24 h cures it, later is late, lower is none', () => {
    const approve = (level: string, at: string) => seizure({ approver: null })
      .event('ap', 'approval.granted', at, { for: 'seizure', level }, { approver: 'officer:8', case: 'case:C1', item: 'item:X2' });
    assert.deepEqual(parts(run(seizure({ approver: null })).alerts), [`扣押应经办案部门负责人批准（24小时内补办） | overdue open S2 raised ${z(WARN)} due ${z(DUE)}`]);
    assert.deepEqual(run(approve('department', '2025-03-11T12:00:00+08:00')).alerts, []);
    assert.deepEqual(run(approve('county', '2025-03-11T09:00:00+08:00')).alerts, [], 'an earlier approval of a higher level');
    assert.deepEqual(run(approve('department', '2025-03-12T10:01:00+08:00')).alerts.map((a) => `${a.level} ${a.status}`), ['overdue complied_late']);
    assert.deepEqual(run(approve('procuratorate', '2025-03-11T12:00:00+08:00')).alerts.map((a) => `${a.level} ${a.status}`), ['overdue open']);
  });

  it('fewer than two sworn officers, or no witness: S2 violations at the seizure', () => {
    const one = run(seizure({ officers: ['officer:1', 'officer:3'] })).alerts;
    assert.deepEqual(parts(one), [`扣押应由两名以上民警进行 | violation open S2 raised ${z(SEIZED)}`]);
    assert.match(one[0].message['zh-CN'], /仅有1名民警（辅警不计）/);
    assert.deepEqual(parts(run(seizure({ witness: false }), SEIZED).alerts), [`扣押应有见证人在场 | violation open S2 raised ${z(SEIZED)}`]);
  });

  it('each defect is its own alert', () => {
    const alerts = run(seizure({ docs: [], witness: false, approver: null })).alerts;
    assert.equal(alerts.length, 4);
    assert.equal(new Set(alerts.map((a) => a.id)).size, 4);
  });

  it('sealing needs a 查封决定书', () => {
    assert.deepEqual(parts(run(seizure({ mode: 'sealing', approver: 'officer:8' })).alerts), [`扣押后24小时内制作查封决定书 | overdue open S2 raised ${z(WARN)} due ${z(DUE)}`]);
    assert.deepEqual(run(seizure({ mode: 'sealing', decision: { doc_type: '查封决定书' }, approver: 'officer:8' })).alerts, []);
  });

  it('sealing (查封) needs county-level approval whatever the value (catalogue §10; MPS-C art.227)', () => {
    const sealed = (o: Opts) => seizure({ mode: 'sealing', decision: { doc_type: '查封决定书' }, ...o });
    assert.deepEqual(parts(run(sealed({})).alerts), [`查封应经县级以上公安机关负责人批准（24小时内补办） | overdue open S2 raised ${z(WARN)} due ${z(DUE)}`]);
    const approve = (level: string, at: string) => sealed({ approver: null })
      .event('ap', 'approval.granted', at, { for: 'seizure', level }, { approver: 'officer:8', case: 'case:C1', item: 'item:X1' });
    assert.deepEqual(run(approve('county', '2025-03-11T12:00:00+08:00')).alerts, []);
    assert.deepEqual(run(approve('city', '2025-03-12T10:00:00+08:00')).alerts.map((a) => `${a.level} ${a.status}`), ['warning resolved'], 'a higher level, at 24 h');
    assert.deepEqual(run(approve('county', '2025-03-12T10:01:00+08:00')).alerts.map((a) => `${a.level} ${a.status}`), ['overdue complied_late']);
    assert.deepEqual(run(approve('department', '2025-03-11T12:00:00+08:00')).alerts.map((a) => `${a.level} ${a.status}`), ['overdue open'], 'a lower level does not satisfy');
  });

  it('evidence preservation: decision and list only, in any case', () => {
    const preserved: Opts = { mode: 'evidence_preservation', officers: ['officer:1'], witness: false, approver: null };
    const docs = { decision: { doc_type: '证据保全决定书' }, list: { doc_type: '证据保全清单', copies: 2 } };
    assert.deepEqual(run(seizure({ ...preserved, ...docs })).alerts, []);
    assert.deepEqual(run(seizure({ ...preserved, ...docs, caseKind: 'administrative' })).alerts, []);
    assert.deepEqual(parts(run(seizure({ ...preserved })).alerts).map((p) => p.split(' | ')[0]), ['扣押后24小时内制作证据保全决定书', '扣押后24小时内制作证据保全清单']);
  });

  it('administrative seizures: 证据保全 documents (§10.2) or their own 扣押 documents', () => {
    assert.deepEqual(run(seizure({ caseKind: 'administrative', officers: ['officer:1'] })).alerts, []);
    assert.equal(run(seizure({ caseKind: 'administrative', docs: ['document:L1'] })).alerts.length, 1);
  });

  it('a case of unknown kind is not judged', () => {
    assert.deepEqual(run(seizure({ caseKind: null, docs: [] })), { alerts: [], timers: [] });
  });

  it('the grace period runs in hours, across holidays too', () => {
    const g = new GroupBuilder('case:C1')
      .object('case:C1', { kind: 'criminal' }, { unit: 'unit:ST' })
      .event('sz', 'item.seized', '2025-09-30T10:00:00+08:00', { mode: 'seizure' }, { item: 'item:X1', case: 'case:C1', officer: ['officer:1', 'officer:2'], witness: 'person:W1', approver: 'officer:9' });
    const alerts = run(g, '2025-10-08T00:00:00+08:00').alerts;
    assert.deepEqual([...new Set(alerts.map((a) => a.dueAt))], [z('2025-10-01T10:00:00+08:00')]);
  });
});
