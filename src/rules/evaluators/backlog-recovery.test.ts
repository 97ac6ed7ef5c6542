import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { RuleSettings } from '../engine/context.js';
import { GroupBuilder } from '../engine/group-builder.js';
import { ASSET_RECOVERY_PROGRESS, CASE_BACKLOG } from './backlog-recovery.js';
import { expected, judged, timerAt, utc } from './closure-test-kit.js';

const CASE = 'case:A1';
const kase = (kind: string, attrs: Record<string, string | number> = {}) =>
  new GroupBuilder(CASE).object(CASE, { kind, category: '050200', ...attrs }, { unit: 'unit:S1' });

describe('CASE_BACKLOG', () => {
  const ACCEPTED = '2025-01-02T10:00:00+08:00';
  // 365 days end 2026-01-02, a New Year holiday → Sunday 01-04, a working day.
  const DUE = '2026-01-05T00:00:00+08:00';
  const WARN = '2025-12-06T00:00:00+08:00'; // 30 days before [D]
  const accepted = (kind = 'criminal', at = ACCEPTED, attrs: Record<string, string | number> = {}) =>
    kase(kind, attrs).event('acc', 'case.accepted', at, {}, { case: CASE, unit: 'unit:S1' });
  const ended = (g: GroupBuilder, at: string, type = 'case.closed') => g.event('end', type, at, {}, { case: CASE });
  const backlog = (g: GroupBuilder, asOf: string, settings?: RuleSettings) => g.evaluate(CASE_BACKLOG, asOf, settings);

  it('raises nothing for a case closed in time, whatever event closes it', () => {
    for (const type of ['case.closed', 'case.decided', 'case.revoked', 'case.sent_for_prosecution']) {
      const r = backlog(ended(accepted(), '2025-06-01T10:00:00+08:00', type), '2026-03-01T00:00:00+08:00');
      assert.deepEqual([r.alerts, r.timers], [[], []], type);
    }
  });

  it('resolves the warning on the last day at 23:59 and is complied late at 00:00', () => {
    assert.deepEqual(backlog(ended(accepted(), '2026-01-04T23:59:00+08:00'), '2026-03-01T00:00:00+08:00').alerts.map(judged),
      [expected('warning', 'resolved', 'S4', CASE, WARN, DUE, '2026-01-04T23:59:00+08:00')]);
    assert.deepEqual(backlog(ended(accepted(), DUE), '2026-03-01T00:00:00+08:00').alerts.map(judged),
      [expected('overdue', 'complied_late', 'S3', CASE, WARN, DUE, DUE)]);
  });

  it('sets a timer, warns 30 days before, then is overdue while the case stays open', () => {
    const early = backlog(accepted(), '2025-06-01T00:00:00+08:00');
    assert.deepEqual([early.alerts, early.timers.map(timerAt)], [[], [{ kind: 'warn', fireAt: utc(WARN), dueAt: utc(DUE), subject: CASE }]]);
    assert.deepEqual(backlog(accepted(), '2025-12-10T00:00:00+08:00').alerts.map(judged), [expected('warning', 'open', 'S4', CASE, WARN, DUE)]);
    const overdue = backlog(accepted(), '2026-01-06T00:00:00+08:00').alerts;
    assert.deepEqual(overdue.map(judged), [expected('overdue', 'open', 'S3', CASE, WARN, DUE)]);
    assert.match(overdue[0].message['zh-CN'], /受案后365日内办结/);
    assert.match(overdue[0].message['zh-CN'], /本局执法监督规定积案清理/);
  });

  it('gives administrative cases their own age (180 days), moved off a weekend', () => {
    // 2025-03-03 + 180 = Saturday 08-30 → Monday 09-01.
    const r = backlog(accepted('administrative', '2025-03-03T10:00:00+08:00'), '2025-09-05T00:00:00+08:00');
    assert.deepEqual(r.alerts.map(judged), [expected('overdue', 'open', 'S3', CASE, '2025-08-03T00:00:00+08:00', '2025-09-02T00:00:00+08:00')]);
  });

  it('takes the longest matching category prefix of the override table, and the warning days', () => {
    const settings = (categoryDays: string, warnDays = 30): RuleSettings => ({ params: { CASE_BACKLOG: { categoryDays, warnDays } } });
    // 050200 → "0502": 100 days, 2025-01-02 + 100 = Saturday 04-12 → Monday 04-14.
    assert.deepEqual(backlog(accepted(), '2025-04-20T00:00:00+08:00', settings('05:200, 0502:100')).alerts.map(judged),
      [expected('overdue', 'open', 'S3', CASE, '2025-03-16T00:00:00+08:00', '2025-04-15T00:00:00+08:00')]);
    // 050300 → "05": 200 days, ends Monday 07-21; warned 10 days before.
    assert.deepEqual(backlog(accepted('criminal', ACCEPTED, { category: '050300' }), '2025-07-15T00:00:00+08:00', settings('05:200,0502:100', 10)).alerts.map(judged),
      [expected('warning', 'open', 'S4', CASE, '2025-07-12T00:00:00+08:00', '2025-07-22T00:00:00+08:00')]);
  });

  it('rejects an invalid override table with an error naming the parameter', () => {
    for (const text of ['abc', '0501:0', '0501:1.5', '0501:180,']) {
      assert.throws(() => backlog(accepted(), '2025-06-01T00:00:00+08:00', { params: { CASE_BACKLOG: { categoryDays: text } } }), /rule CASE_BACKLOG parameter categoryDays: .* is not valid/, text);
    }
  });

  it('reports an uncovered year only 30 days before the date it needs, never guessing', () => {
    // 2026-06-01 + 365 falls in 2027, which the calendar does not cover yet.
    const g = accepted('criminal', '2026-06-01T10:00:00+08:00');
    const early = backlog(g, '2026-07-01T00:00:00+08:00');
    assert.deepEqual([early.alerts, early.timers.map(timerAt)],
      // Its last day 2027-06-01 is not covered: the engine comes back 30 days before it.
      [[], [{ kind: 'warn', fireAt: utc('2027-05-02T00:00:00+08:00'), dueAt: utc('2027-06-01T00:00:00+08:00'), subject: CASE }]]);
    const late = backlog(g, '2027-05-04T00:00:00+08:00').alerts;
    assert.deepEqual(late.map(judged), [expected('warning', 'open', 'S4', CASE, '2026-06-01T10:00:00+08:00')]);
    assert.match(late[0].message['zh-CN'], /节假日安排未覆盖2027/);
    assert.deepEqual(backlog(ended(g, '2026-09-01T10:00:00+08:00'), '2027-07-01T00:00:00+08:00').alerts, []);
  });

  it('is not triggered without an acceptance or a case kind', () => {
    assert.deepEqual(backlog(kase('criminal'), '2026-03-01T00:00:00+08:00').alerts, []);
    assert.deepEqual(backlog(accepted('unknown'), '2026-03-01T00:00:00+08:00').alerts, []);
  });
});

describe('ASSET_RECOVERY_PROGRESS', () => {
  const FILED = '2025-03-03T10:00:00+08:00';
  // 90 days: 06-01 (Dragon Boat, 05-31..06-02) → Tuesday 06-03; 180 days: Saturday 08-30 → Monday 09-01.
  const DUE90 = '2025-06-04T00:00:00+08:00';
  const WARN90 = '2025-05-20T00:00:00+08:00'; // 15 days before [D]
  const DUE180 = '2025-09-02T00:00:00+08:00';
  const WARN180 = '2025-08-18T00:00:00+08:00';
  /** A filed case whose suspect is detained at the filing instant (solved: the curve counts from then). */
  const filed = (attrs: Record<string, string | number> = { loss_amount: '10000.00' }, kind = 'criminal') =>
    unsolved(attrs, kind).event('det', 'person.detained', FILED, {}, { case: CASE, subject: 'person:S1' });
  const unsolved = (attrs: Record<string, string | number> = { loss_amount: '10000.00' }, kind = 'criminal') =>
    kase(kind, attrs).object('person:S1', { role: 'suspect' }, { case: CASE }).event('fil', 'case.filed', FILED, {}, { case: CASE });
  let n = 0;
  const recovered = (g: GroupBuilder, at: string, amount: number) => g.event(`rec${++n}`, 'case.recovery_recorded', at, { amount: amount.toFixed(2) }, { case: CASE });
  const progress = (g: GroupBuilder, asOf: string, curve?: string) =>
    g.evaluate(ASSET_RECOVERY_PROGRESS, asOf, curve ? { params: { ASSET_RECOVERY_PROGRESS: { curve } } } : undefined);
  const LATER = '2025-10-01T00:00:00+08:00';

  it('raises nothing when each share is reached before its warning point', () => {
    const g = recovered(recovered(recovered(filed(), '2025-04-01T10:00:00+08:00', 2000), '2025-05-10T10:00:00+08:00', 1000), '2025-08-10T10:00:00+08:00', 2000);
    const r = progress(g, LATER);
    assert.deepEqual([r.alerts, r.timers], [[], []]);
  });

  it('complies when the cumulative amount first reaches the share: last day 23:59 in time, 00:00 late', () => {
    const at = (when: string) => progress(recovered(recovered(filed(), '2025-04-01T10:00:00+08:00', 2000), when, 1000), LATER, '90:0.3');
    const last = at('2025-06-03T23:59:00+08:00').alerts;
    assert.deepEqual(last.map(judged), [expected('warning', 'resolved', 'S4', CASE, WARN90, DUE90, '2025-06-03T23:59:00+08:00')]);
    assert.match(last[0].message['zh-CN'], /破案（首次对嫌疑人采取措施）后90日内追赃挽损应达到损失的30%/);
    assert.deepEqual(at(DUE90).alerts.map(judged), [expected('overdue', 'complied_late', 'S3', CASE, WARN90, DUE90, DUE90)]);
  });

  it('gives one finding per curve point: warning, timers, then overdue', () => {
    const g = recovered(filed(), '2025-04-01T10:00:00+08:00', 2000);
    const warned = progress(g, '2025-05-25T00:00:00+08:00');
    assert.deepEqual(warned.alerts.map(judged), [expected('warning', 'open', 'S4', CASE, WARN90, DUE90)]);
    assert.deepEqual(warned.timers.map(timerAt), [
      { kind: 'due', fireAt: utc(DUE90), dueAt: utc(DUE90), subject: CASE },
      { kind: 'warn', fireAt: utc(WARN180), dueAt: utc(DUE180), subject: CASE },
    ]);
    assert.deepEqual(progress(g, LATER).alerts.map(judged), [
      expected('overdue', 'open', 'S3', CASE, WARN90, DUE90),
      expected('overdue', 'open', 'S3', CASE, WARN180, DUE180),
    ]);
  });

  it('judges no point after the case left the police (closed, revoked or sent for prosecution)', () => {
    for (const type of ['case.closed', 'case.revoked', 'case.sent_for_prosecution']) {
      const g = filed().event('end', type, '2025-07-01T10:00:00+08:00', {}, { case: CASE });
      assert.deepEqual(progress(g, LATER).alerts.map(judged), [expected('overdue', 'open', 'S3', CASE, WARN90, DUE90)], type);
    }
    const beforeFirst = filed().event('end', 'case.closed', '2025-06-03T10:00:00+08:00', {}, { case: CASE });
    assert.deepEqual(progress(beforeFirst, LATER).alerts, []);
  });

  it('counts recoveries recorded before the filing', () => {
    assert.deepEqual(progress(recovered(filed(), '2025-03-01T10:00:00+08:00', 5000), LATER).alerts, []);
  });

  it('rejects an invalid curve with an error naming the parameter', () => {
    for (const curve of ['90:1.5', 'x:0.3', '90:0', '90']) {
      assert.throws(() => progress(filed(), LATER, curve), /rule ASSET_RECOVERY_PROGRESS parameter curve: .* is not valid/, curve);
    }
  });

  it('is not triggered without a loss, without a filing, or in an administrative case', () => {
    assert.deepEqual(progress(filed({}), LATER).alerts, []);
    assert.deepEqual(progress(filed({ loss_amount: '0.00' }), LATER).alerts, []);
    assert.deepEqual(progress(kase('criminal', { loss_amount: '10000.00' }), LATER).alerts, []);
    assert.deepEqual(progress(filed({ loss_amount: '10000.00' }, 'administrative'), LATER).alerts, []);
  });
  it('counts from 破案 by default: nothing while unsolved, the curve from the first measure against a suspect', () => {
    assert.deepEqual(progress(unsolved(), LATER).alerts, [], 'an unsolved case is the backlog rule\'s business');
    const solvedLater = unsolved().event('det', 'person.detained', '2025-04-02T10:00:00+08:00', {}, { case: CASE, subject: 'person:S1' });
    // 2025-04-02 + 90 days = 07-01, a Tuesday: due 07-02 00:00.
    assert.deepEqual(progress(solvedLater, '2025-07-02T00:00:00+08:00').alerts.map((a) => `${a.level} ${a.dueAt}`), [`overdue ${new Date('2025-07-02T00:00:00+08:00').toISOString()}`]);
    const fromFiling = unsolved().evaluate(ASSET_RECOVERY_PROGRESS, DUE90, { params: { ASSET_RECOVERY_PROGRESS: { countFrom: 'filed' } } });
    assert.deepEqual(fromFiling.alerts.map((a) => `${a.level} ${a.dueAt}`), [`overdue ${new Date(DUE90).toISOString()}`]);
    assert.throws(() => unsolved().evaluate(ASSET_RECOVERY_PROGRESS, DUE90, { params: { ASSET_RECOVERY_PROGRESS: { countFrom: 'arrest' } } }), /countFrom must be "solved" or "filed"/);
  });
});
