import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Alert } from '../engine/finding.js';
import { GroupBuilder } from '../engine/group-builder.js';
import { PROP_HANDOVER_24H, PROP_NO_SELF_CUSTODY } from './property.js';

/** PROP_HANDOVER_24H and PROP_NO_SELF_CUSTODY (catalogue §10; interchange §10.1). */
const SEIZED = '2025-03-11T10:00:00+08:00';
const WARN = '2025-03-12T04:00:00+08:00';
const DUE = '2025-03-12T10:00:00+08:00';
const z = (local: string) => new Date(local).toISOString();
const plusHours = (local: string, h: number) => new Date(Date.parse(local) + h * 3_600_000).toISOString();
const brief = (a: Alert) => `${a.subject.id} ${a.level} ${a.status} ${a.severity} raised ${a.raisedAt}${a.dueAt ? ` due ${a.dueAt}` : ''}${a.resolvedAt ? ` resolved ${a.resolvedAt}` : ''}`;

/** A criminal case: officers 1 and 2 seize items X1 and X2 from P1; custodian K1 works the property store S1. */
function seizure(at = SEIZED, items = ['item:X1']): GroupBuilder {
  return new GroupBuilder('case:C1')
    .object('case:C1', { kind: 'criminal', category: '050200' }, { unit: 'unit:U1', officer: 'officer:1' })
    .object('officer:1', { role: 'lead' })
    .object('officer:2', { role: 'assistant' })
    .object('officer:5', { role: 'lead' })
    .object('officer:K1', { role: 'custodian' })
    .object('venue:S1', { room_type: 'property_store' })
    .object('venue:R1', { room_type: 'other' })
    .object('person:P1', { role: 'suspect' }, { case: 'case:C1' })
    .object('item:X1', { description: '手机一部', value: 3000 }, { case: 'case:C1', subject: 'person:P1' })
    .object('item:X2', { description: '现金', value: 800 }, { case: 'case:C1', subject: 'person:P1' })
    .event('seize', 'item.seized', at, { mode: 'seizure' }, { item: items, case: 'case:C1', officer: ['officer:1', 'officer:2'], witness: 'person:W1', subject: 'person:P1' });
}

const store = (g: GroupBuilder, id: string, at: string, items: string | string[] = 'item:X1', o: { custodian?: string | null; venue?: string; storage?: string } = {}) =>
  g.event(id, 'item.stored', at, o.storage ? { storage: o.storage } : {}, {
    item: items, venue: o.venue ?? 'venue:S1', ...(o.custodian === null ? {} : { custodian: o.custodian ?? 'officer:K1' }),
  });

const approval = (g: GroupBuilder, id: string, at: string, attrs: Record<string, string>, item = 'item:X1') =>
  g.event(id, 'approval.granted', at, { for: 'property_handover', level: 'department', ...attrs }, { approver: 'officer:9', case: 'case:C1', item });

describe('PROP_HANDOVER_24H', () => {
  const run = (g: GroupBuilder, asOf = '2025-03-20T00:00:00+08:00') => g.evaluate(PROP_HANDOVER_24H, asOf);

  it('handed over well within 24 h: nothing', () => {
    assert.deepEqual(run(store(seizure(), 'st', '2025-03-11T20:00:00+08:00')), { alerts: [], timers: [] });
  });

  it('at 23 h 59 min and at 24 h exactly: warning resolved (hours are inclusive)', () => {
    assert.deepEqual(run(store(seizure(), 'st', '2025-03-12T09:59:00+08:00')).alerts.map(brief),
      [`item:X1 warning resolved S2 raised ${z(WARN)} due ${z(DUE)} resolved ${z('2025-03-12T09:59:00+08:00')}`]);
    assert.deepEqual(run(store(seizure(), 'st', DUE)).alerts.map(brief),
      [`item:X1 warning resolved S2 raised ${z(WARN)} due ${z(DUE)} resolved ${z(DUE)}`]);
  });

  it('one minute late: overdue, complied late', () => {
    const alerts = run(store(seizure(), 'st', '2025-03-12T10:01:00+08:00')).alerts;
    assert.deepEqual(alerts.map(brief), [`item:X1 overdue complied_late S2 raised ${z(WARN)} due ${z(DUE)} resolved ${z('2025-03-12T10:01:00+08:00')}`]);
    assert.deepEqual(alerts[0].evidenceEventIds, ['st']);
    assert.match(alerts[0].message['zh-CN'], /扣押后24小时内将涉案财物移交涉案财物管理人员/);
  });

  it('not handed over: a warn timer, WARN at 18 h, OVERDUE S2 after 24 h', () => {
    const g = seizure();
    const early = run(g, '2025-03-12T03:59:00+08:00');
    assert.deepEqual(early.alerts, []);
    assert.deepEqual(early.timers.map((t) => `${t.subject.id} ${t.kind} ${t.fireAt}`), [`item:X1 warn ${z(WARN)}`]);
    assert.deepEqual(run(g, WARN).alerts.map(brief), [`item:X1 warning open S2 raised ${z(WARN)} due ${z(DUE)}`]);
    assert.deepEqual(run(g, '2025-03-12T10:00:01+08:00').alerts.map(brief), [`item:X1 overdue open S2 raised ${z(WARN)} due ${z(DUE)}`]);
  });

  it('each item of a seizure has its own duty', () => {
    const g = store(seizure(SEIZED, ['item:X1', 'item:X2']), 'st', '2025-03-11T12:00:00+08:00', 'item:X1');
    assert.deepEqual(run(g).alerts.map(brief), [`item:X2 overdue open S2 raised ${z(WARN)} due ${z(DUE)}`]);
    assert.deepEqual(run(store(g, 'st2', '2025-03-11T13:00:00+08:00', 'item:X2')).alerts, []);
  });

  it('a storage without a custodian, or before the seizure, does not count', () => {
    assert.equal(run(store(seizure(), 'st', '2025-03-11T12:00:00+08:00', 'item:X1', { custodian: null })).alerts.length, 1);
    assert.equal(run(store(seizure(), 'st', '2025-03-10T12:00:00+08:00')).alerts.length, 1);
  });

  it('returned before any handover: the duty ends; a handover recorded after all is what counts', () => {
    const g = () => seizure().event('ret', 'item.returned', '2025-03-11T15:00:00+08:00', {}, { item: 'item:X1', subject: 'person:V1' });
    assert.deepEqual(run(g()).alerts, []);
    assert.deepEqual(run(store(g(), 'st', '2025-03-13T10:00:00+08:00')).alerts.map((a) => `${a.level} ${a.status} ${a.resolvedAt}`),
      [`overdue complied_late ${z('2025-03-13T10:00:00+08:00')}`]);
  });

  it('a freeze is registered with the custodian; a renewal is not a new handover', () => {
    const frozen = (storedAt?: string) => {
      const g = new GroupBuilder('case:C1')
        .object('case:C1', { kind: 'criminal' }, { unit: 'unit:U1' })
        .object('officer:K1', { role: 'custodian' })
        .object('item:A1', { description: '账户资金', value: 50000 }, { case: 'case:C1' })
        .event('fz', 'item.frozen', SEIZED, { asset_kind: 'deposit', term: 'P6M' }, { item: 'item:A1', case: 'case:C1' })
        .event('fz2', 'item.frozen', '2025-08-01T10:00:00+08:00', { asset_kind: 'deposit', term: 'P6M', renewal: true }, { item: 'item:A1', case: 'case:C1' });
      return storedAt ? store(g, 'st', storedAt, 'item:A1', { storage: 'registration' }) : g;
    };
    assert.deepEqual(run(frozen('2025-03-11T11:00:00+08:00'), '2025-09-01T00:00:00+08:00').alerts, []);
    const alerts = run(frozen(), '2025-09-01T00:00:00+08:00').alerts;
    assert.deepEqual(alerts.map((a) => `${a.triggerEventId} ${a.level} ${a.status}`), ['fz overdue open']);
    assert.match(alerts[0].message['zh-CN'], /冻结后24小时内/);
  });

  it('a remote-operation approval with a new limit, granted within 24 h, extends the limit', () => {
    const g = () => approval(seizure(), 'ap', '2025-03-11T20:00:00+08:00', { reason: 'remote', new_limit: 'PT72H' });
    const due = '2025-03-14T10:00:00+08:00';
    assert.deepEqual(run(store(g(), 'st', '2025-03-13T12:00:00+08:00')).alerts, []);
    const open = run(g(), '2025-03-14T05:00:00+08:00').alerts;
    assert.deepEqual(open.map(brief), [`item:X1 warning open S2 raised ${z('2025-03-14T04:00:00+08:00')} due ${z(due)}`]);
    assert.deepEqual(open[0].evidenceEventIds, ['ap']);
    assert.match(open[0].message['zh-CN'], /72小时内/);
  });

  it('no cure: approval after the 24 h passed, another reason, a lower level, or about another item', () => {
    const late = store(approval(seizure(), 'ap', '2025-03-12T10:01:00+08:00', { reason: 'remote', new_limit: 'PT72H' }), 'st', '2025-03-13T12:00:00+08:00');
    assert.deepEqual(run(late).alerts.map((a) => `${a.level} ${a.status} ${a.dueAt}`), [`overdue complied_late ${z(DUE)}`]);
    const other = approval(seizure(), 'ap', '2025-03-11T20:00:00+08:00', { reason: 'complex', new_limit: 'PT72H' });
    assert.equal(run(other, '2025-03-12T10:01:00+08:00').alerts[0]?.dueAt, z(DUE));
    const lowLevel = approval(seizure(), 'ap', '2025-03-11T20:00:00+08:00', { reason: 'remote', new_limit: 'PT72H', level: 'procuratorate' });
    assert.equal(run(lowLevel, '2025-03-12T10:01:00+08:00').alerts[0]?.dueAt, z(DUE));
    const elsewhere = approval(seizure(), 'ap', '2025-03-11T20:00:00+08:00', { reason: 'remote', new_limit: 'PT72H' }, 'item:X2');
    assert.equal(run(elsewhere, '2025-03-12T10:01:00+08:00').alerts[0]?.dueAt, z(DUE));
    // An approval never shortens the limit.
    const shorter = approval(seizure(), 'ap', '2025-03-11T11:00:00+08:00', { reason: 'remote', new_limit: 'PT12H' });
    assert.equal(run(shorter, '2025-03-12T10:01:00+08:00').alerts[0]?.dueAt, z(DUE));
  });

  it('an urgent-appraisal approval without a new limit: 24 h from the end of the appraisal, nothing while it runs', () => {
    const g = approval(seizure(), 'ap', '2025-03-11T12:00:00+08:00', { reason: 'urgent_appraisal' });
    assert.deepEqual(run(g, '2025-03-13T00:00:00+08:00'), { alerts: [], timers: [] });
    g.event('ae', 'appraisal.ended', '2025-03-13T09:00:00+08:00', {}, { case: 'case:C1', item: 'item:X1', document: 'document:J1' });
    assert.deepEqual(run(g, '2025-03-14T12:00:00+08:00').alerts.map(brief),
      [`item:X1 overdue open S2 raised ${z('2025-03-14T03:00:00+08:00')} due ${z('2025-03-14T09:00:00+08:00')}`]);
    assert.deepEqual(run(store(g, 'st', '2025-03-13T20:00:00+08:00')).alerts, []);
  });

  it('a limit approved in days moves off holidays (non-custodial): P3D from 09-30 ends 10-09 (National Day 2025)', () => {
    const g = approval(seizure('2025-09-30T10:00:00+08:00'), 'ap', '2025-09-30T18:00:00+08:00', { reason: 'remote', new_limit: 'P3D' });
    const alerts = run(g, '2025-10-10T00:00:01+08:00').alerts;
    assert.deepEqual(alerts.map((a) => `${a.level} ${a.dueAt}`), [`overdue ${z('2025-10-10T00:00:00+08:00')}`]);
    assert.match(alerts[0].message['zh-CN'], /顺延至2025-10-09/);
    assert.deepEqual(run(store(g, 'st', '2025-10-09T23:59:00+08:00'), '2025-10-20T00:00:00+08:00').alerts.map((a) => `${a.level} ${a.status}`), ['warning resolved']);
  });
});

describe('PROP_NO_SELF_CUSTODY', () => {
  const run = (g: GroupBuilder) => g.evaluate(PROP_NO_SELF_CUSTODY, '2025-03-20T00:00:00+08:00').alerts;
  const AT = '2025-03-11T12:00:00+08:00';
  const S1 = `item:X1 violation open S1 raised ${z(AT)}`;

  it('a property custodian, not on the case, in the property store: complies', () => {
    assert.deepEqual(run(store(seizure(), 'st', AT)), []);
  });

  it('a case officer keeping the property: S1 violation when stored', () => {
    const alerts = run(store(seizure(), 'st', AT, 'item:X1', { custodian: 'officer:2' }));
    assert.deepEqual(alerts.map(brief), [S1]);
    assert.equal(alerts[0].triggerEventId, 'st');
    assert.match(alerts[0].message['zh-CN'], /保管人为本案办案民警/);
    // An officer who joins the case later (an interrogation) is a case officer too (§9.2).
    const joined = store(seizure(), 'st', AT, 'item:X1', { custodian: 'officer:5' })
      .event('s1', 'interrogation.started', '2025-03-12T09:00:00+08:00', { kind: 'interrogation', av_recorded: true }, { subject: 'person:P1', interrogator: ['officer:5', 'officer:1'], venue: 'venue:V1', document: 'document:W1' });
    assert.deepEqual(run(joined).map(brief), [S1]);
  });

  it('a custodian whose role is not custodian: S1', () => {
    const alerts = run(store(seizure(), 'st', AT, 'item:X1', { custodian: 'officer:5' }));
    assert.deepEqual(alerts.map(brief), [S1]);
    assert.match(alerts[0].message['zh-CN'], /保管人为主办民警，不是涉案财物管理人员/);
  });

  it('physical storage outside a property store: S1; registration needs no store', () => {
    assert.match(run(store(seizure(), 'st', AT, 'item:X1', { venue: 'venue:R1', storage: 'physical' }))[0].message['zh-CN'], /存放于非涉案财物保管室（other）/);
    assert.equal(run(store(seizure(), 'st', AT, 'item:X1', { venue: 'venue:R1' })).length, 1, 'storage unknown counts as physical');
    assert.deepEqual(run(store(seizure(), 'st', AT, 'item:X1', { venue: 'venue:R1', storage: 'registration' })), []);
  });

  it('one alert per storage act, naming its first item and the count', () => {
    const alerts = run(store(seizure(SEIZED, ['item:X1', 'item:X2']), 'st', AT, ['item:X1', 'item:X2'], { custodian: 'officer:1', venue: 'venue:R1' }));
    assert.deepEqual(alerts.map(brief), [S1]);
    assert.match(alerts[0].message['zh-CN'], /保管人为本案办案民警；存放于非涉案财物保管室（other）（共2件财物）/);
  });

  it('unknown role or room type raises nothing (§5.2)', () => {
    assert.deepEqual(run(store(seizure(), 'st', AT, 'item:X1', { custodian: 'officer:77', venue: 'venue:77' })), []);
  });
});
