import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { GroupBuilder } from '../engine/group-builder.js';
import { EVID_APPRAISAL_NOTICE, EVID_LINEUP_RULES, EVID_SCENE_AND_SEARCH } from './property-extra-evidence.js';
import { alertOf, state, T, timersOf } from './intake-testing.js';

/** EVID_APPRAISAL_NOTICE, EVID_SCENE_AND_SEARCH, EVID_LINEUP_RULES (catalogue §10, non-core). */
const CASE = 'case:C1';
type Settings = Parameters<GroupBuilder['evaluate']>[2];
type Attrs = Parameters<GroupBuilder['object']>[1];

/** A case with suspect P1, victim V1 and witness W1. */
const base = (kind: 'criminal' | 'administrative' = 'criminal') => new GroupBuilder(CASE)
  .object(CASE, { kind, category: '050200' }, { unit: 'unit:U1' })
  .object('person:P1', { role: 'suspect' }, { case: CASE })
  .object('person:V1', { role: 'victim' }, { case: CASE })
  .object('person:W1', { role: 'witness' }, { case: CASE });

describe('EVID_APPRAISAL_NOTICE', () => {
  const ENDED = '2025-03-10T10:00';
  /** An appraisal (鉴定聘请书 J1) from 03-03 to `ended`. */
  const appraised = (kind: 'criminal' | 'administrative' = 'criminal', ended = ENDED) => base(kind)
    .event('ap1', 'appraisal.started', T('2025-03-03T10:00'), { psychiatric: false }, { case: CASE, subject: 'person:V1', document: 'document:J1' })
    .event('ap2', 'appraisal.ended', T(ended), {}, { case: CASE, subject: 'person:V1', document: 'document:J1' });
  /** A 鉴定意见通知书 naming `to` (none: nobody) served (or, served false, only filed) at `at`. */
  const tell = (g: GroupBuilder, id: string, at: string, to?: string, served = true, docType = '鉴定意见通知书') => {
    g.object(`document:${id}`, { doc_type: docType }, { case: CASE, ...(to ? { subject: to } : {}) });
    return served
      ? g.event(id, 'notice.served', T(at), { notice_type: 'decision', method: 'in_person' }, { case: CASE, subject: to ?? 'person:P1', document: `document:${id}` })
      : g.event(id, 'document.filed', T(at), {}, { document: `document:${id}`, case: CASE });
  };
  const run = (g: GroupBuilder, asOf = '2025-03-30T00:00', settings?: Settings) => g.evaluate(EVID_APPRAISAL_NOTICE, T(asOf), settings);
  const brief = (g: GroupBuilder, asOf?: string, settings?: Settings) => run(g, asOf, settings).alerts.map((a) => `${a.subject.id} ${state(a)}`);

  it('suspect and victim told the next days (a served notice; a filed notice naming the victim): nothing; the witness is not a party', () => {
    assert.deepEqual(run(tell(tell(appraised(), 'n1', '2025-03-11T10:00', 'person:P1'), 'n2', '2025-03-12T10:00', 'person:V1', false)), { alerts: [], timers: [] });
  });

  it('5 days from 03-10 end on Saturday 03-15, moved to Monday: 23:59 that day resolves the warning; 00:00 after it is late (S3)', () => {
    const g = (at: string) => tell(tell(appraised(), 'n1', at, 'person:P1'), 'n2', '2025-03-11T10:00', 'person:V1');
    assert.deepEqual(brief(g('2025-03-17T23:59')), ['person:P1 warning resolved due 2025-03-18T00:00 raised 2025-03-17T00:00 resolved 2025-03-17T23:59']);
    const late = run(g('2025-03-18T00:00')).alerts;
    assert.equal(state(late[0]), 'overdue complied_late due 2025-03-18T00:00 raised 2025-03-17T00:00 resolved 2025-03-18T00:00');
    assert.equal(late[0].severity, 'S3');
    assert.equal(late[0].triggerEventId, 'ap2');
  });

  it('nobody told: warn timers, then overdue for the suspect and the victim', () => {
    assert.deepEqual(timersOf(run(appraised(), '2025-03-12T00:00')), ['warn 2025-03-17T00:00:00.000', 'warn 2025-03-17T00:00:00.000']);
    assert.deepEqual(brief(appraised()), [
      'person:P1 overdue open due 2025-03-18T00:00 raised 2025-03-17T00:00 resolved -',
      'person:V1 overdue open due 2025-03-18T00:00 raised 2025-03-17T00:00 resolved -',
    ]);
  });

  it('a held suspect’s period is custodial: no move off the weekend (due 03-16)', () => {
    const g = tell(appraised(), 'n2', '2025-03-11T10:00', 'person:V1')
      .event('det', 'person.detained', T('2025-03-09T10:00'), {}, { subject: 'person:P1', case: CASE, officer: 'officer:1' });
    assert.deepEqual(brief(g), ['person:P1 overdue open due 2025-03-16T00:00 raised 2025-03-15T00:00 resolved -']);
  });

  it('a notice naming nobody tells everybody; one made before the opinion, or of another type, does not count', () => {
    assert.deepEqual(run(tell(appraised(), 'n1', '2025-03-11T10:00', undefined, false)).alerts, []);
    assert.equal(run(tell(appraised(), 'n1', '2025-03-09T10:00', undefined, false)).alerts.length, 2);
    assert.equal(run(tell(appraised(), 'n1', '2025-03-11T10:00', undefined, false, '鉴定聘请书')).alerts.length, 2);
  });

  it('administrative: 5 days by law whatever the criminal setting; criminal: the bureau’s number of days', () => {
    const settings = { params: { EVID_APPRAISAL_NOTICE: { criminalNoticeDays: 10 } } };
    assert.equal(run(appraised('administrative'), undefined, settings).alerts[0].dueAt, new Date(T('2025-03-18T00:00')).toISOString());
    assert.equal(run(appraised('criminal'), undefined, settings).alerts[0].dueAt, new Date(T('2025-03-21T00:00')).toISOString());
  });

  it('a last day in the National Day holiday moves to the next working day (2025-10-01 → 10-09)', () => {
    const g = tell(appraised('criminal', '2025-09-26T10:00'), 'n1', '2025-09-27T10:00', 'person:P1');
    assert.deepEqual(brief(g, '2025-10-20T00:00'), ['person:V1 overdue open due 2025-10-10T00:00 raised 2025-10-09T00:00 resolved -']);
  });

  it('a case without a kind: nothing', () => {
    const g = new GroupBuilder(CASE).object(CASE, {}, { unit: 'unit:U1' }).object('person:P1', { role: 'suspect' }, { case: CASE })
      .event('ap2', 'appraisal.ended', T(ENDED), {}, { case: CASE, document: 'document:J1' });
    assert.deepEqual(run(g).alerts, []);
  });
});

/** A record of `docType` with `attrs`, naming P1, filed at 12:00 on 03-11 (unless `filed` is null). */
const record = (g: GroupBuilder, docType: string, attrs: Attrs, filed: string | null = '2025-03-11T12:00', id = 'document:R1') => {
  g.object(id, { doc_type: docType, ...attrs }, { case: CASE, subject: 'person:P1' });
  return filed ? g.event('filed', 'document.filed', T(filed), {}, { document: id, case: CASE }) : g;
};
const OK = { officer_signatures: 2, subject_signed: true, witness_signed: true, started_at: T('2025-03-11T09:00') };
const brief = (r: { alerts: Array<Parameters<typeof state>[0]> }) => r.alerts.map((a) => state(a));

describe('EVID_SCENE_AND_SEARCH', () => {
  const warrant = (g: GroupBuilder, attrs: Attrs = { issued_at: T('2025-03-11T08:00') }, subject = 'person:P1') =>
    g.object('document:Z1', { doc_type: '搜查证', ...attrs }, { case: CASE, subject });
  const search = (attrs: Attrs = {}, kind: 'criminal' | 'administrative' = 'criminal') => record(warrant(base(kind)), '搜查笔录', { ...OK, ...attrs });
  const run = (g: GroupBuilder, asOf = '2025-03-20T00:00', settings?: Settings) => g.evaluate(EVID_SCENE_AND_SEARCH, T(asOf), settings);

  it('a search with a warrant, two officers and the person’s signature: nothing; not yet filed: nothing', () => {
    assert.deepEqual(run(search()), { alerts: [], timers: [] });
    assert.deepEqual(run(record(base(), '搜查笔录', { officer_signatures: 1 }, null)).alerts, []);
  });

  it('one officer: S2 violation when filed; an unknown count is not judged', () => {
    const a = alertOf(run(search({ officer_signatures: 1 })), 'officers')!;
    assert.equal(state(a), 'violation open due - raised 2025-03-11T12:00 resolved -');
    assert.equal(a.severity, 'S2');
    assert.equal(a.subject.id, 'document:R1');
    assert.match(a.message['zh-CN'], /笔录仅有1名民警签名/);
    assert.deepEqual(run(record(warrant(base()), '搜查笔录', { subject_signed: true, started_at: T('2025-03-11T09:00') })).alerts, []);
  });

  it('neither the person nor a witness signed: violation; a refusal noted, a witness’s signature or an unknown value: nothing', () => {
    assert.match(alertOf(run(search({ subject_signed: false, witness_signed: false })), 'witness')!.message['zh-CN'], /搜查笔录既无被搜查（检查）人签名，也无见证人签名/);
    assert.deepEqual(run(search({ subject_signed: false, witness_signed: false, refusal_noted: true })).alerts, []);
    assert.deepEqual(run(search({ subject_signed: false, witness_signed: true })).alerts, []);
    assert.deepEqual(run(record(warrant(base()), '搜查笔录', { officer_signatures: 2, subject_signed: false, started_at: T('2025-03-11T09:00') })).alerts, []);
  });

  it('a scene record needs the witness’s signature; an administrative examination the person’s or a witness’s', () => {
    assert.match(alertOf(run(record(base(), '勘验笔录', { officer_signatures: 2, witness_signed: false })), 'witness')!.message['zh-CN'], /勘验笔录无见证人签名/);
    assert.deepEqual(run(record(base(), '勘验笔录', { officer_signatures: 2, witness_signed: true, subject_signed: false })).alerts, []);
    const exam = record(base('administrative'), '检查笔录', { officer_signatures: 2, subject_signed: false, witness_signed: false });
    assert.equal(alertOf(run(exam), 'witness')?.level, 'violation');
  });

  it('a value that arrives after the filing is judged when it arrives', () => {
    const g = record(warrant(base()), '搜查笔录', { ...OK, officer_signatures: [['2025-03-12T09:00:00+08:00', '1']] });
    assert.equal(alertOf(run(g), 'officers')?.raisedAt, new Date(T('2025-03-12T09:00')).toISOString());
  });

  it('a criminal search without a warrant, or with one issued after it started: violation', () => {
    const none = record(base(), '搜查笔录', OK);
    assert.match(alertOf(run(none), 'warrant')!.message['zh-CN'], /无搜查证，且不属于执行拘留、逮捕时的搜查/);
    assert.match(alertOf(run(search().object('document:Z1', { doc_type: '搜查证', issued_at: T('2025-03-11T09:01') }, { case: CASE, subject: 'person:P1' })), 'warrant')!.message['zh-CN'], /搜查证签发时间晚于搜查/);
  });

  it('a warrant issued at the start, undated, or naming nobody counts; one naming someone else does not', () => {
    assert.deepEqual(run(record(warrant(base(), { issued_at: T('2025-03-11T09:00') }), '搜查笔录', OK)).alerts, []);
    assert.deepEqual(run(record(warrant(base(), {}), '搜查笔录', OK)).alerts, []);
    assert.deepEqual(run(record(base().object('document:Z1', { doc_type: '搜查证', issued_at: T('2025-03-11T08:00') }, { case: CASE }), '搜查笔录', OK)).alerts, []);
    const other = record(warrant(base(), {}, 'person:V1'), '搜查笔录', OK);
    assert.equal(alertOf(run(other), 'warrant')?.level, 'violation');
  });

  it('without a start time the search is dated by the record’s issued_at, else its filing', () => {
    const dated = record(warrant(base(), { issued_at: T('2025-03-11T10:00') }), '搜查笔录', { officer_signatures: 2, issued_at: T('2025-03-11T09:30') });
    assert.equal(alertOf(run(dated), 'warrant')?.level, 'violation');
    const undated = record(warrant(base(), { issued_at: T('2025-03-11T10:00') }), '搜查笔录', { officer_signatures: 2 });
    assert.deepEqual(run(undated).alerts, []);
  });

  it('while detaining or arresting the person (within 24 h): no warrant needed; two days before, or someone else: needed', () => {
    const detained = (at: string, who = 'person:P1') => record(base(), '搜查笔录', OK)
      .event('det', 'person.detained', T(at), {}, { subject: who, case: CASE, officer: 'officer:1' });
    assert.deepEqual(run(detained('2025-03-11T08:30')).alerts, []);
    assert.deepEqual(run(detained('2025-03-12T09:00')).alerts, []);
    assert.equal(alertOf(run(detained('2025-03-09T08:30')), 'warrant')?.level, 'violation');
    assert.equal(alertOf(run(detained('2025-03-11T08:30', 'person:V1')), 'warrant')?.level, 'violation');
    assert.equal(alertOf(run(detained('2025-03-10T08:30'), undefined, { params: { EVID_SCENE_AND_SEARCH: { warrantlessSearchHours: 12 } } }), 'warrant')?.level, 'violation');
  });

  it('an administrative 搜查笔录 is not checked for a warrant', () => {
    assert.deepEqual(run(record(base('administrative'), '搜查笔录', OK)).alerts, []);
  });
});

describe('EVID_LINEUP_RULES', () => {
  const lineup = (attrs: Attrs = {}, kind: 'criminal' | 'administrative' = 'criminal') => record(base(kind), '辨认笔录', { ...OK, ...attrs });
  const run = (g: GroupBuilder) => g.evaluate(EVID_LINEUP_RULES, T('2025-03-20T00:00'));

  it('two investigators, identifier and witness signed: nothing', () => {
    assert.deepEqual(run(lineup()), { alerts: [], timers: [] });
  });

  it('one investigator: S2 violation when filed', () => {
    assert.deepEqual(brief(run(lineup({ officer_signatures: 1 }))), ['violation open due - raised 2025-03-11T12:00 resolved -']);
    assert.equal(alertOf(run(lineup({ officer_signatures: 1 })), 'officers')?.severity, 'S2');
  });

  it('missing signatures of identifier and witness; a refusal noted covers the identifier only', () => {
    assert.match(alertOf(run(lineup({ subject_signed: false, witness_signed: false })), 'signatures')!.message['zh-CN'], /辨认笔录缺少辨认人、见证人签名/);
    assert.match(alertOf(run(lineup({ subject_signed: false, witness_signed: false, refusal_noted: true })), 'signatures')!.message['zh-CN'], /缺少见证人签名/);
    assert.deepEqual(run(lineup({ subject_signed: false, refusal_noted: true })).alerts, []);
  });

  it('unknown signatures and administrative cases are not judged', () => {
    assert.deepEqual(run(record(base(), '辨认笔录', { officer_signatures: 2 })).alerts, []);
    assert.deepEqual(run(lineup({ officer_signatures: 1 }, 'administrative')).alerts, []);
  });
});
