import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Alert } from '../engine/finding.js';
import { GroupBuilder } from '../engine/group-builder.js';
import { PROP_FREEZE_TERM, PROP_UNRELATED_RELEASE_3D } from './property.js';

/** PROP_UNRELATED_RELEASE_3D and PROP_FREEZE_TERM (catalogue §10; interchange §10.1, §4 day and month periods). */
const z = (local: string) => new Date(local).toISOString();
const brief = (a: Alert) => `${a.subject.id} ${a.level} ${a.status} ${a.severity} raised ${a.raisedAt} due ${a.dueAt}${a.resolvedAt ? ` resolved ${a.resolvedAt}` : ''}`;

/** A criminal case with item X1 (owner P1), X2 (owner unknown) and deposit A1 (owner P1). */
function property(): GroupBuilder {
  return new GroupBuilder('case:C1')
    .object('case:C1', { kind: 'criminal', category: '050300' }, { unit: 'unit:U1' })
    .object('officer:9', { role: 'leader' }, { member_of: 'unit:B1' })
    .object('person:P1', { role: 'suspect' }, { case: 'case:C1' })
    .object('person:P2', { role: 'victim' }, { case: 'case:C1' })
    .object('item:X1', { description: '手机一部' }, { case: 'case:C1', subject: 'person:P1' })
    .object('item:X2', { description: '自行车一辆' }, { case: 'case:C1' })
    .object('item:A1', { description: '账户资金' }, { case: 'case:C1', subject: 'person:P1' });
}

const ev = (g: GroupBuilder, id: string, type: string, at: string, attrs: Record<string, string | boolean> = {}, rels: Record<string, string | string[]> = {}) =>
  g.event(id, type, at, attrs, { case: 'case:C1', ...rels });

describe('PROP_UNRELATED_RELEASE_3D', () => {
  const FOUND = '2025-03-11T10:00:00+08:00'; // Tuesday: 3 days end Friday 03-14
  const DUE = '2025-03-15T00:00:00+08:00';
  const WARN = '2025-03-14T00:00:00+08:00';
  const found = (at = FOUND, items: string | string[] = 'item:X1') => ev(property(), 'fu', 'item.found_unrelated', at, {}, { item: items });
  const run = (g: GroupBuilder, asOf = '2025-03-20T00:00:00+08:00') => g.evaluate(PROP_UNRELATED_RELEASE_3D, asOf);
  const returned = (g: GroupBuilder, at: string, item = 'item:X1') => ev(g, 'ret', 'item.returned', at, {}, { item, subject: 'person:P1' });

  it('returned within 3 days: nothing', () => {
    assert.deepEqual(run(returned(found(), '2025-03-12T15:00:00+08:00')), { alerts: [], timers: [] });
  });

  it('returned on the last day at 23:59: warning resolved; at 00:00 after it: complied late (day limits are exclusive)', () => {
    assert.deepEqual(run(returned(found(), '2025-03-14T23:59:00+08:00')).alerts.map(brief),
      [`item:X1 warning resolved S2 raised ${z(WARN)} due ${z(DUE)} resolved ${z('2025-03-14T23:59:00+08:00')}`]);
    assert.deepEqual(run(returned(found(), DUE)).alerts.map(brief),
      [`item:X1 overdue complied_late S2 raised ${z(WARN)} due ${z(DUE)} resolved ${z(DUE)}`]);
  });

  it('not returned: warn timer, WARN the day before, OVERDUE at 00:00', () => {
    const early = run(found(), '2025-03-13T12:00:00+08:00');
    assert.deepEqual(early.timers.map((t) => `${t.kind} ${t.fireAt}`), [`warn ${z(WARN)}`]);
    assert.deepEqual(run(found(), WARN).alerts.map(brief), [`item:X1 warning open S2 raised ${z(WARN)} due ${z(DUE)}`]);
    assert.deepEqual(run(found()).alerts.map(brief), [`item:X1 overdue open S2 raised ${z(WARN)} due ${z(DUE)}`]);
  });

  it('holidays extend it (non-custodial): found 2025-09-28 → due 10-10 00:00 (National Day); 2025-01-25 → 02-06 (Spring Festival)', () => {
    const national = run(found('2025-09-28T10:00:00+08:00'), '2025-10-09T12:00:00+08:00').alerts;
    assert.deepEqual(national.map((a) => `${a.level} ${a.dueAt} ${a.raisedAt}`), [`warning ${z('2025-10-10T00:00:00+08:00')} ${z('2025-10-09T00:00:00+08:00')}`]);
    assert.match(national[0].message['zh-CN'], /末日2025-10-01为节假日，顺延至2025-10-09/);
    const spring = run(found('2025-01-25T10:00:00+08:00'), '2025-02-10T00:00:00+08:00').alerts;
    assert.deepEqual(spring.map((a) => a.dueAt), [z('2025-02-06T00:00:00+08:00')]);
  });

  it('each item found unrelated has its own duty', () => {
    const g = returned(found(FOUND, ['item:X1', 'item:A1']), '2025-03-12T09:00:00+08:00');
    assert.deepEqual(run(g).alerts.map((a) => a.subject.id), ['item:A1']);
  });

  it('a frozen item: unfrozen and the owner told (unfreeze_notice); either alone is not enough', () => {
    const frozen = () => found(FOUND, 'item:A1');
    const base = () => ev(frozen(), 'fz', 'item.frozen', '2025-02-01T10:00:00+08:00', { asset_kind: 'deposit', term: 'P6M' }, { item: 'item:A1' });
    const unfrozen = (g: GroupBuilder) => ev(g, 'uf', 'item.unfrozen', '2025-03-12T10:00:00+08:00', {}, { item: 'item:A1' });
    const told = (g: GroupBuilder, person = 'person:P1') => ev(g, 'nt', 'notice.served', '2025-03-14T20:00:00+08:00', { notice_type: 'unfreeze_notice', method: 'in_person' }, { subject: person });
    const both = run(told(unfrozen(base()))).alerts;
    assert.deepEqual(both.map((a) => `${a.level} ${a.status} ${a.resolvedAt}`), [`warning resolved ${z('2025-03-14T20:00:00+08:00')}`]);
    assert.deepEqual(both[0].evidenceEventIds, ['nt']);
    assert.deepEqual(run(unfrozen(base())).alerts.map((a) => `${a.level} ${a.status}`), ['overdue open']);
    assert.deepEqual(run(told(base())).alerts.map((a) => `${a.level} ${a.status}`), ['overdue open']);
    assert.deepEqual(run(told(unfrozen(base()), 'person:P2')).alerts.map((a) => `${a.level} ${a.status}`), ['overdue open']);
    // Already unfrozen before: an ordinary return is what is due.
    const thawed = ev(base(), 'uf0', 'item.unfrozen', '2025-03-01T10:00:00+08:00', {}, { item: 'item:A1' });
    assert.deepEqual(run(returned(thawed, '2025-03-12T10:00:00+08:00', 'item:A1')).alerts, []);
  });

  it('owner unknown: a public notice complies; with a known owner it does not', () => {
    const publicNotice = (g: GroupBuilder) => ev(g, 'pn', 'notice.served', '2025-03-12T10:00:00+08:00', { notice_type: 'decision', method: 'public_notice' });
    assert.deepEqual(run(publicNotice(found(FOUND, 'item:X2'))).alerts, []);
    assert.equal(run(publicNotice(found(FOUND, 'item:X1'))).alerts.length, 1);
    // A public notice before the finding does not count.
    const early = ev(found(FOUND, 'item:X2'), 'pn', 'notice.served', '2025-03-10T10:00:00+08:00', { notice_type: 'decision', method: 'public_notice' });
    assert.equal(run(early).alerts.length, 1);
  });
});

describe('PROP_FREEZE_TERM', () => {
  const FROZEN = '2025-03-11T10:00:00+08:00'; // 6 months: last day 09-11 (Thursday)
  const DUE = '2025-09-12T00:00:00+08:00';
  const WARN = '2025-08-28T00:00:00+08:00'; // − 15 d
  const freeze = (attrs: Record<string, string | boolean> = {}, at = FROZEN, id = 'fz') =>
    (g: GroupBuilder) => ev(g, id, 'item.frozen', at, { asset_kind: 'deposit', term: 'P6M', ...attrs }, { item: 'item:A1', approver: 'officer:9' });
  const run = (g: GroupBuilder, asOf = '2025-09-20T00:00:00+08:00') => g.evaluate(PROP_FREEZE_TERM, asOf);
  const renew = (at: string) => freeze({ renewal: true }, at, 'rn');

  it('renewed before the warning point: nothing for the first term', () => {
    const alerts = run(renew('2025-08-01T10:00:00+08:00')(freeze()(property())), '2025-08-30T00:00:00+08:00').alerts;
    assert.deepEqual(alerts, []);
  });

  it('renewed on the last day at 23:59: warning resolved; at 00:00 after it: complied late', () => {
    assert.deepEqual(run(renew('2025-09-11T23:59:00+08:00')(freeze()(property()))).alerts.filter((a) => a.triggerEventId === 'fz').map(brief),
      [`item:A1 warning resolved S2 raised ${z(WARN)} due ${z(DUE)} resolved ${z('2025-09-11T23:59:00+08:00')}`]);
    assert.deepEqual(run(renew(DUE)(freeze()(property()))).alerts.filter((a) => a.triggerEventId === 'fz').map(brief),
      [`item:A1 overdue complied_late S2 raised ${z(WARN)} due ${z(DUE)} resolved ${z(DUE)}`]);
  });

  it('nothing done: warn timer, WARN 15 days before, OVERDUE S2 on lapse', () => {
    const g = freeze()(property());
    assert.deepEqual(run(g, '2025-08-27T00:00:00+08:00').timers.map((t) => `${t.kind} ${t.fireAt}`), [`warn ${z(WARN)}`]);
    assert.deepEqual(run(g, WARN).alerts.map(brief), [`item:A1 warning open S2 raised ${z(WARN)} due ${z(DUE)}`]);
    const overdue = run(g).alerts;
    assert.deepEqual(overdue.map(brief), [`item:A1 overdue open S2 raised ${z(WARN)} due ${z(DUE)}`]);
    assert.match(overdue[0].message['zh-CN'], /冻结期限6个月届满前办理续冻或解除冻结/);
  });

  it('unfrozen or the case closed before expiry: nothing', () => {
    assert.deepEqual(run(ev(freeze()(property()), 'uf', 'item.unfrozen', '2025-06-01T10:00:00+08:00', {}, { item: 'item:A1' })).alerts, []);
    assert.deepEqual(run(ev(freeze()(property()), 'cc', 'case.closed', '2025-06-01T10:00:00+08:00')).alerts, []);
  });

  it('a renewal starts a term of its own', () => {
    // Renewed 09-01 for 6 months: last day 2026-03-01 (Sunday) → Monday 03-02, due 03-03 00:00.
    const alerts = run(renew('2025-09-01T10:00:00+08:00')(freeze()(property())), '2026-03-02T12:00:00+08:00').alerts;
    assert.deepEqual(alerts.map((a) => `${a.triggerEventId} ${a.level} ${a.status} ${a.dueAt}`), [
      `fz warning resolved ${z(DUE)}`,
      `rn warning open ${z('2026-03-03T00:00:00+08:00')}`,
    ]);
  });

  it('holidays extend the term (non-custodial): frozen 2025-04-01 for 6 months → due 2025-10-10 00:00', () => {
    const alerts = run(freeze({}, '2025-04-01T10:00:00+08:00')(property()), '2025-10-10T00:00:00+08:00').alerts;
    assert.deepEqual(alerts.map((a) => `${a.level} ${a.dueAt} ${a.raisedAt}`), [`overdue ${z('2025-10-10T00:00:00+08:00')} ${z('2025-09-25T00:00:00+08:00')}`]);
  });

  it('deposits: a term beyond 6 months needs a city-level freeze approval (then up to 1 year)', () => {
    const approve = (level: string, at = '2025-03-10T10:00:00+08:00') => (g: GroupBuilder) =>
      ev(g, 'ap', 'approval.granted', at, { for: 'freeze', new_limit: 'P1Y', level }, { approver: 'officer:9', item: 'item:A1' });
    const dueOf = (g: GroupBuilder) => run(g, '2026-04-01T00:00:00+08:00').alerts.map((a) => a.dueAt);
    assert.deepEqual(dueOf(freeze({ term: 'P1Y' })(approve('city')(property()))), [z('2026-03-12T00:00:00+08:00')]);
    assert.deepEqual(dueOf(freeze({ term: 'P1Y' })(approve('county')(property()))), [z(DUE)]);
    assert.deepEqual(dueOf(freeze({ term: 'P1Y' })(approve('city', '2025-03-12T10:00:00+08:00')(property()))), [z(DUE)], 'approval after the freeze');
    assert.deepEqual(dueOf(freeze({ term: 'P1Y' })(property())), [z(DUE)]);
    // A shorter term than the cap is the term.
    assert.deepEqual(dueOf(freeze({ term: 'P3M' })(approve('city')(property()))), [z('2025-06-12T00:00:00+08:00')]);
  });

  it('securities 2 years; equity and insurance 6 months; other kinds their own term', () => {
    const dueOf = (attrs: Record<string, string>, at = FROZEN) => run(freeze(attrs, at)(property()), '2027-01-01T00:00:00+08:00').alerts.map((a) => a.dueAt);
    // 2024-01-10 + 2 years = 2026-01-10 (Saturday) → Monday 01-12.
    assert.deepEqual(dueOf({ asset_kind: 'securities', term: 'P2Y' }, '2024-01-10T10:00:00+08:00'), [z('2026-01-13T00:00:00+08:00')]);
    assert.deepEqual(dueOf({ asset_kind: 'equity', term: 'P1Y' }), [z(DUE)]);
    assert.deepEqual(dueOf({ asset_kind: 'insurance', term: 'P6M' }), [z(DUE)]);
    assert.deepEqual(dueOf({ asset_kind: 'other', term: 'P3M' }), [z('2025-06-12T00:00:00+08:00')]);
  });

  it('a missing or malformed term falls back to the statutory term; none known: not judged', () => {
    const dueOf = (attrs: Record<string, string>) => run(freeze(attrs)(property()), '2026-01-01T00:00:00+08:00').alerts.map((a) => a.dueAt);
    assert.deepEqual(dueOf({ term: 'six months' }), [z(DUE)]);
    assert.deepEqual(dueOf({ term: 'PT12H' }), [z(DUE)]);
    assert.deepEqual(dueOf({ asset_kind: 'other', term: 'bad' }), []);
  });

  it('beyond the holiday calendar: "calendar unknown" (S4) once the date is within 30 days, never a guess', () => {
    const g = freeze({ asset_kind: 'securities', term: 'P2Y' })(property());
    const early = run(g, '2025-03-12T00:00:00+08:00');
    assert.deepEqual(early.alerts, [], 'two years ahead: nothing to say yet');
    assert.deepEqual(early.timers.map((t) => `${t.kind} ${t.fireAt}`), ['warn 2027-02-08T16:00:00.000Z'], 'a timer 30 days before the unknown date');
    const alerts = run(g, '2027-02-10T00:00:00+08:00').alerts;
    assert.deepEqual(alerts.map((a) => `${a.level} ${a.status} ${a.severity}`), ['warning open S4']);
    assert.match(alerts[0].message['zh-CN'], /节假日安排未覆盖2027-03-11/);
  });
});
