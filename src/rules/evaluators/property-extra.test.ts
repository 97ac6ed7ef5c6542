import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { GroupBuilder } from '../engine/group-builder.js';
import { PROP_ADMIN_SEIZURE_TERM, PROP_DISPOSAL_AT_CLOSURE, PROP_VICTIM_EARLY_RETURN, PROP_WITNESS_QUALIFIED } from './property-extra.js';
import { alertOf, state, T, timersOf } from './intake-testing.js';

/** PROP_VICTIM_EARLY_RETURN, PROP_ADMIN_SEIZURE_TERM, PROP_WITNESS_QUALIFIED, PROP_DISPOSAL_AT_CLOSURE (catalogue §10, non-core). */
const CASE = 'case:C1';
type Settings = Parameters<GroupBuilder['evaluate']>[2];

/** A case with suspect P1 (holder of X1, X2), victim V1, attesting witness A1 and officers 1, 2. */
const base = (kind: 'criminal' | 'administrative' = 'criminal') => new GroupBuilder(CASE)
  .object(CASE, { kind, category: '050200' }, { unit: 'unit:U1', officer: 'officer:1' })
  .object('person:P1', { role: 'suspect', birth_date: '1990-01-01', id_number: '999999199001010011' }, { case: CASE })
  .object('person:V1', { role: 'victim', birth_date: '1980-01-01', id_number: '999999198001010022' }, { case: CASE })
  .object('person:A1', { role: 'attesting_witness', birth_date: '1975-06-01' }, { case: CASE })
  .object('item:X1', { description: '手机一部', value: 3000 }, { case: CASE, subject: 'person:P1' })
  .object('item:X2', { description: '电动自行车一辆', value: 2000 }, { case: CASE, subject: 'person:P1' });

const seize = (g: GroupBuilder, at: string, items: string[] = ['item:X1'], id = 'seize', rels: Record<string, string | string[]> = {}) =>
  g.event(id, 'item.seized', T(at), { mode: 'seizure' }, { item: items, case: CASE, officer: ['officer:1', 'officer:2'], witness: 'person:A1', subject: 'person:P1', ...rels });

describe('PROP_VICTIM_EARLY_RETURN', () => {
  const RETURNED = '2025-03-11T10:00';
  /** X1 returned to `to` at 10:00 on 03-11; with its own 发还清单 unless `list` is false. */
  const returned = (to = 'person:V1', list = true) => {
    const g = base().object('document:F1', { doc_type: '发还清单', subject_signed: true }, { case: CASE, subject: to });
    return g.event('ret', 'item.returned', T(RETURNED), {}, { item: 'item:X1', subject: to, ...(list ? { document: 'document:F1' } : {}) });
  };
  const fileList = (g: GroupBuilder, at: string, doc = 'document:F1') => g.event(`f-${doc}`, 'document.filed', T(at), {}, { document: doc, case: CASE });
  const run = (g: GroupBuilder, asOf = '2025-03-20T00:00', settings?: Settings) => g.evaluate(PROP_VICTIM_EARLY_RETURN, T(asOf), settings);

  it('returned to the victim on a 发还清单: nothing', () => {
    assert.deepEqual(run(returned()), { alerts: [], timers: [] });
  });

  it('the list filed at 24 h exactly: warning resolved; one minute later: overdue, complied late (S3)', () => {
    assert.equal(state(alertOf(run(fileList(returned('person:V1', false), '2025-03-12T10:00')), 'list')),
      'warning resolved due 2025-03-12T10:00 raised 2025-03-12T04:00 resolved 2025-03-12T10:00');
    const late = alertOf(run(fileList(returned('person:V1', false), '2025-03-12T10:01')), 'list')!;
    assert.equal(state(late), 'overdue complied_late due 2025-03-12T10:00 raised 2025-03-12T04:00 resolved 2025-03-12T10:01');
    assert.equal(late.severity, 'S3');
    assert.equal(late.subject.id, 'item:X1');
  });

  it('no list: a warn timer, then a warning at 18 h, then overdue', () => {
    const g = returned('person:V1', false).object('document:F1', { doc_type: '扣押清单' }, { case: CASE });
    assert.deepEqual(timersOf(run(g, '2025-03-11T12:00')), ['warn 2025-03-12T04:00:00.000']);
    assert.equal(state(alertOf(run(g, '2025-03-12T05:00'), 'list')), 'warning open due 2025-03-12T10:00 raised 2025-03-12T04:00 resolved -');
    assert.equal(state(alertOf(run(g), 'list')), 'overdue open due 2025-03-12T10:00 raised 2025-03-12T04:00 resolved -');
  });

  it('a list of the case naming someone else, or claimed by another return, does not count', () => {
    const other = fileList(returned('person:V1', false).object('document:F1', { doc_type: '发还清单' }, { case: CASE, subject: 'person:P1' }), '2025-03-11T11:00');
    assert.equal(alertOf(run(other), 'list')?.status, 'open');
    const claimed = fileList(returned('person:V1', false), '2025-03-11T11:00')
      .event('ret2', 'item.returned', T('2025-03-11T09:00'), {}, { item: 'item:X2', subject: 'person:V1', document: 'document:F1' });
    assert.equal(alertOf(run(claimed), 'list')?.status, 'open');
  });

  it('a return to the suspect, to nobody named or of no item is not a return to a victim: nothing', () => {
    assert.deepEqual(run(returned('person:P1', false)).alerts, []);
    const nobody = base().event('ret', 'item.returned', T(RETURNED), {}, { item: 'item:X1' });
    assert.deepEqual(run(nobody).alerts, []);
  });

  it('the grace is the bureau’s parameter', () => {
    const g = fileList(returned('person:V1', false), '2025-03-11T20:00');
    assert.equal(alertOf(run(g, undefined, { params: { PROP_VICTIM_EARLY_RETURN: { graceHours: 8 } } }), 'list')?.status, 'complied_late');
  });
});

describe('PROP_ADMIN_SEIZURE_TERM', () => {
  const SEIZED = '2025-03-03T10:00';
  const admin = () => seize(base('administrative'), SEIZED);
  const decide = (g: GroupBuilder, at: string) => g.event('dec', 'case.decided', T(at), { outcome: 'penalty' }, { case: CASE, subject: 'person:P1', approver: 'officer:9' });
  const approve = (g: GroupBuilder, at: string, attrs: Record<string, string> = {}) =>
    g.event('ext', 'approval.granted', T(at), { for: 'seizure', new_limit: 'P60D', level: 'county', ...attrs }, { approver: 'officer:9', case: CASE, item: 'item:X1' });
  const run = (g: GroupBuilder, asOf = '2025-06-30T00:00') => g.evaluate(PROP_ADMIN_SEIZURE_TERM, T(asOf));

  it('decided well within 30 days: nothing', () => {
    assert.deepEqual(run(decide(admin(), '2025-03-20T10:00')), { alerts: [], timers: [] });
  });

  it('decided on the last day 23:59: warning resolved; at 00:00 after it: overdue, complied late (S3)', () => {
    assert.equal(state(alertOf(run(decide(admin(), '2025-04-02T23:59')))), 'warning resolved due 2025-04-03T00:00 raised 2025-04-02T00:00 resolved 2025-04-02T23:59');
    const late = alertOf(run(decide(admin(), '2025-04-03T00:00')))!;
    assert.equal(state(late), 'overdue complied_late due 2025-04-03T00:00 raised 2025-04-02T00:00 resolved 2025-04-03T00:00');
    assert.equal(late.severity, 'S3');
  });

  it('nothing done: a warn timer, then overdue; the item returned ends its own term only', () => {
    assert.deepEqual(timersOf(run(admin(), '2025-03-10T00:00')), ['warn 2025-04-02T00:00:00.000']);
    const g = seize(base('administrative'), SEIZED, ['item:X1', 'item:X2']).event('ret', 'item.returned', T('2025-03-10T10:00'), {}, { item: 'item:X1', subject: 'person:P1' });
    const alerts = run(g).alerts;
    assert.deepEqual(alerts.map((a) => `${a.subject.id} ${a.level} ${a.status}`), ['item:X2 overdue open']);
  });

  it('a county approval P60D before the 30 days: 60 days, moved past Labour Day 2025 (05-02 → 05-06)', () => {
    const a = alertOf(run(decide(approve(admin(), '2025-04-02T16:00'), '2025-05-06T17:00')))!;
    assert.equal(state(a), 'warning resolved due 2025-05-07T00:00 raised 2025-05-06T00:00 resolved 2025-05-06T17:00');
    assert.deepEqual(a.evidenceEventIds, ['ext', 'dec']);
  });

  it('a longer new_limit is capped at 60 days; department level, too late or not longer: no extension', () => {
    assert.equal(alertOf(run(approve(admin(), '2025-03-20T10:00', { new_limit: 'P90D' })))?.dueAt, new Date(T('2025-05-07T00:00')).toISOString());
    for (const attrs of [{ level: 'department' }, { new_limit: 'P30D' }, { new_limit: 'P2M' }] as Array<Record<string, string>>) {
      assert.equal(alertOf(run(approve(admin(), '2025-03-20T10:00', attrs)))?.dueAt, new Date(T('2025-04-03T00:00')).toISOString(), JSON.stringify(attrs));
    }
    assert.equal(alertOf(run(approve(admin(), '2025-04-03T00:00')))?.dueAt, new Date(T('2025-04-03T00:00')).toISOString());
  });

  it('the item’s appraisal time is not counted; another item’s appraisal is', () => {
    const appraise = (g: GroupBuilder, item: string) => g
      .event('ap1', 'appraisal.started', T('2025-03-10T09:00'), { psychiatric: false }, { case: CASE, item, document: 'document:J1' })
      .event('ap2', 'appraisal.ended', T('2025-03-15T09:00'), {}, { case: CASE, item, document: 'document:J1' });
    assert.equal(alertOf(run(appraise(admin(), 'item:X1')))?.dueAt, new Date(T('2025-04-08T00:00')).toISOString());
    assert.equal(alertOf(run(appraise(admin(), 'item:X2')))?.dueAt, new Date(T('2025-04-03T00:00')).toISOString());
  });

  it('a last day in the National Day holiday moves to the next working day (2025-10-01 → 10-09)', () => {
    const g = seize(base('administrative'), '2025-09-01T10:00');
    assert.equal(state(alertOf(run(g, '2025-10-20T00:00'))), 'overdue open due 2025-10-10T00:00 raised 2025-10-09T00:00 resolved -');
  });

  it('a criminal case is not judged', () => {
    assert.deepEqual(run(seize(base('criminal'), SEIZED)).alerts, []);
  });
});

describe('PROP_WITNESS_QUALIFIED', () => {
  const SEIZED = '2025-03-11T10:00';
  const run = (g: GroupBuilder, settings?: Settings) => g.evaluate(PROP_WITNESS_QUALIFIED, T('2025-03-20T00:00'), settings).alerts;
  const witness = (attrs: Parameters<GroupBuilder['object']>[1], w = 'person:A1') => seize(base().object(w, { role: 'attesting_witness', ...attrs }, { case: CASE }), SEIZED, ['item:X1'], 'seize', { witness: w });

  it('an adult citizen with no part in the case: nothing; no witness at all: not this rule', () => {
    assert.deepEqual(run(seize(base(), SEIZED)), []);
    const none = base().event('seize', 'item.seized', T(SEIZED), { mode: 'seizure' }, { item: 'item:X1', case: CASE, officer: ['officer:1', 'officer:2'] });
    assert.deepEqual(run(none), []);
  });

  it('the holder or the victim as witness: S2 violation at the seizure', () => {
    const holder = run(seize(base(), SEIZED, ['item:X1'], 'seize', { witness: 'person:P1' }));
    assert.equal(state(holder[0]), 'violation open due - raised 2025-03-11T10:00 resolved -');
    assert.equal(holder[0].severity, 'S2');
    assert.match(holder[0].message['zh-CN'], /见证人为被扣押财物的持有人；见证人为本案嫌疑人/);
    const victim = run(seize(base(), SEIZED, ['item:X1'], 'seize', { witness: 'person:V1' }));
    assert.match(victim[0].message['zh-CN'], /：见证人为本案被害人。/);
  });

  it('a witness record that is the same human as the victim (same id_number)', () => {
    const alerts = run(witness({ id_number: '999999198001010022', birth_date: '1980-01-01' }, 'person:A2'));
    assert.match(alerts[0].message['zh-CN'], /见证人为本案被害人/);
  });

  it('a mentally impaired witness', () => {
    assert.match(run(witness({ mentally_impaired: true }))[0].message['zh-CN'], /见证人有精神障碍/);
  });

  it('under 18 on the day: violation; 18 that day: nothing; the minimum age is the bureau’s', () => {
    assert.match(run(witness({ birth_date: '2007-03-12' }))[0].message['zh-CN'], /见证人未满18周岁（17岁）/);
    assert.deepEqual(run(witness({ birth_date: '2007-03-11' })), []);
    assert.deepEqual(run(witness({ birth_date: '2007-03-12' }), { params: { PROP_WITNESS_QUALIFIED: { minWitnessAge: 16 } } }), []);
  });

  it('unknown age and state are not held against the witness (§5.2)', () => {
    assert.deepEqual(run(witness({ birth_date: 'unknown' })), []);
  });
});

describe('PROP_DISPOSAL_AT_CLOSURE', () => {
  const CLOSED = '2025-03-10T10:00';
  const closed = (g: GroupBuilder, at = CLOSED) => g.event('close', 'case.closed', T(at), {}, { case: CASE });
  const seized = (kind: 'criminal' | 'administrative' = 'criminal') => seize(base(kind), '2025-03-01T10:00', ['item:X1', 'item:X2']);
  const give = (g: GroupBuilder, at: string, items: string | string[] = ['item:X1', 'item:X2']) => g.event(`ret-${at}`, 'item.returned', T(at), {}, { item: items, subject: 'person:P1' });
  const run = (g: GroupBuilder, asOf = '2025-03-30T00:00') => g.evaluate(PROP_DISPOSAL_AT_CLOSURE, T(asOf));
  const brief = (g: GroupBuilder, asOf?: string) => run(g, asOf).alerts.map((a) => `${a.subject.id} ${state(a)}`);

  it('sent for prosecution (items travel with the case) or revoked as a whole: nothing', () => {
    const sent = seized().event('sent', 'case.sent_for_prosecution', T('2025-03-09T10:00'), {}, { case: CASE, target_unit: 'unit:P' });
    assert.deepEqual(run(closed(sent)), { alerts: [], timers: [] });
    const revoked = seized().event('rev', 'case.revoked', T('2025-03-09T10:00'), { scope: 'case' }, { case: CASE, approver: 'officer:9' });
    assert.deepEqual(run(closed(revoked)).alerts, []);
  });

  it('returned before the closure: nothing; on the third day 23:59: warning resolved; at 00:00 after it: overdue, complied late', () => {
    assert.deepEqual(run(closed(give(seized(), '2025-03-09T10:00'))).alerts, []);
    assert.deepEqual(brief(give(closed(seized()), '2025-03-13T23:59')), [
      'item:X1 warning resolved due 2025-03-14T00:00 raised 2025-03-13T00:00 resolved 2025-03-13T23:59',
      'item:X2 warning resolved due 2025-03-14T00:00 raised 2025-03-13T00:00 resolved 2025-03-13T23:59',
    ]);
    const late = run(give(closed(seized()), '2025-03-14T00:00')).alerts;
    assert.equal(state(late[0]), 'overdue complied_late due 2025-03-14T00:00 raised 2025-03-13T00:00 resolved 2025-03-14T00:00');
    assert.equal(late[0].severity, 'S2');
  });

  it('nothing done: warn timers, then overdue per item; a frozen item is disposed of by its unfreezing', () => {
    assert.deepEqual(timersOf(run(closed(seized()), '2025-03-11T00:00')), ['warn 2025-03-13T00:00:00.000', 'warn 2025-03-13T00:00:00.000']);
    const g = closed(seized())
      .event('frz', 'item.frozen', T('2025-03-02T10:00'), { asset_kind: 'deposit', term: 'P6M' }, { item: 'item:D1', case: CASE })
      .event('unf', 'item.unfrozen', T('2025-03-11T10:00'), {}, { item: 'item:D1', case: CASE });
    assert.deepEqual(brief(g), [
      'item:X1 overdue open due 2025-03-14T00:00 raised 2025-03-13T00:00 resolved -',
      'item:X2 overdue open due 2025-03-14T00:00 raised 2025-03-13T00:00 resolved -',
    ]);
  });

  it('an item returned and then seized again is still held at the closure: the earlier return does not discharge it', () => {
    const again = (at: string) => seize(give(seize(base(), '2025-03-01T10:00'), '2025-03-03T10:00', 'item:X1'), at, ['item:X1'], 'seize2');
    assert.deepEqual(brief(closed(again('2025-03-05T10:00'))), ['item:X1 overdue open due 2025-03-14T00:00 raised 2025-03-13T00:00 resolved -']);
    // Returned again one minute before the closure: disposed of.
    assert.deepEqual(run(give(closed(again('2025-03-05T10:00')), '2025-03-10T09:59', 'item:X1')).alerts, []);
  });

  it('revocation of one suspect only does not dispose of the case’s property', () => {
    const g = seized().event('rev', 'case.revoked', T('2025-03-09T10:00'), { scope: 'suspect' }, { case: CASE, subject: 'person:P1', approver: 'officer:9' });
    assert.equal(run(closed(g)).alerts.length, 2);
  });

  it('administrative: a decision disposes of it; a closure without one does not', () => {
    const decided = seized('administrative').event('dec', 'case.decided', T('2025-03-09T10:00'), { outcome: 'penalty' }, { case: CASE, subject: 'person:P1', approver: 'officer:9' });
    assert.deepEqual(run(closed(decided)).alerts, []);
    assert.equal(run(closed(seized('administrative'))).alerts.length, 2);
  });

  it('items found unrelated (PROP_UNRELATED_RELEASE_3D) and items seized after the closure are not judged here', () => {
    const g = closed(seized()).event('unrel', 'item.found_unrelated', T('2025-03-05T10:00'), {}, { item: 'item:X2', case: CASE });
    assert.deepEqual(run(g).alerts.map((a) => a.subject.id), ['item:X1']);
    assert.deepEqual(run(seize(closed(base()), '2025-03-11T10:00')).alerts, []);
  });

  it('a third day in the National Day holiday moves to the next working day (2025-10-01 → 10-09)', () => {
    const g = closed(seize(base(), '2025-09-20T10:00'), '2025-09-28T10:00');
    assert.deepEqual(brief(g, '2025-10-20T00:00'), ['item:X1 overdue open due 2025-10-10T00:00 raised 2025-10-09T00:00 resolved -']);
  });

  it('a case without a kind or not closed: nothing', () => {
    assert.deepEqual(run(seized()).alerts, []);
    const kindless = new GroupBuilder(CASE).object(CASE, {}, { unit: 'unit:U1' });
    assert.deepEqual(run(closed(seize(kindless, '2025-03-01T10:00'))).alerts, []);
  });
});
