import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { GroupBuilder } from '../engine/group-builder.js';
import { CRIM_BAIL_MAX_12M, CRIM_RSDL_DESIGNATED_NOTIFY_24H, CRIM_RSDL_MAX_6M } from './custody-bail-rsdl.js';
import { CASE, criminalCase, P1, summary, t, timerLines, z } from './custody-testing.js';

/** Bail and residential surveillance (catalogue §7a, interchange §10.1): not custodial, so periods move off holidays. */
const on = (g: GroupBuilder, id: string, type: string, at: string, attrs: Record<string, string | boolean> = {}, rels: Record<string, string> = {}) =>
  g.event(id, type, t(at), attrs, { subject: P1, case: CASE, ...rels });

describe('CRIM_BAIL_MAX_12M', () => {
  const rule = CRIM_BAIL_MAX_12M;
  const F = 'CRIM_BAIL_MAX_12M';
  const bail = (at = '2025-03-20T10:00') => on(criminalCase(), 'b1', 'person.bail_started', at);
  const due = z('2026-03-21T00:00'); // 2026-03-20 (Friday) is the last day
  const warn = z('2026-02-21T00:00'); // WARN at 11 months

  it('raises nothing when bail is lifted early; warns on the last day; overdue (S2) at 00:00', () => {
    assert.deepEqual(on(bail(), 'b2', 'person.bail_ended', '2026-01-10T10:00').evaluate(rule, t('2026-04-01T00:00')), { alerts: [], timers: [] });
    assert.deepEqual(summary(on(bail(), 'b2', 'person.bail_ended', '2026-03-20T23:59').evaluate(rule, t('2026-04-01T00:00')).alerts), [`${F} warning resolved S2 raised ${warn} due ${due} resolved ${z('2026-03-20T23:59')}`]);
    assert.deepEqual(summary(on(bail(), 'b2', 'person.bail_ended', '2026-03-21T00:00').evaluate(rule, t('2026-04-01T00:00')).alerts), [`${F} overdue complied_late S2 raised ${warn} due ${due} resolved ${due}`]);
  });

  it('is open until then, overdue after', () => {
    assert.deepEqual(timerLines(bail().evaluate(rule, t('2025-06-01T00:00')).timers), [`${F} warn fire ${warn} due ${due}`]);
    assert.deepEqual(summary(bail().evaluate(rule, t('2026-03-21T00:00')).alerts), [`${F} overdue open S2 raised ${warn} due ${due}`]);
  });

  it('ends with a change of measure (detention)', () => {
    assert.deepEqual(on(bail(), 'd1', 'person.detained', '2025-12-01T10:00', {}, { officer: 'officer:O1' }).evaluate(rule, t('2026-04-01T00:00')).alerts, []);
  });

  it('moves a last day on National Day to the next working day', () => {
    const r = bail('2024-10-01T10:00').evaluate(rule, t('2025-10-10T00:00'));
    assert.deepEqual(summary(r.alerts), [`${F} overdue open S2 raised ${z('2025-09-10T00:00')} due ${z('2025-10-10T00:00')}`]);
    assert.match(r.alerts[0].message['zh-CN'], /末日2025-10-01为节假日，顺延至2025-10-09/);
  });
});

describe('CRIM_RSDL_MAX_6M', () => {
  const rule = CRIM_RSDL_MAX_6M;
  const F = 'CRIM_RSDL_MAX_6M';
  const rsdl = (designated: boolean, venue?: string, g = criminalCase()) => on(g, 'm1', 'person.rsdl_started', '2025-04-01T10:00', { designated }, venue ? { venue } : {});
  const withVenue = (roomType: string, unit = 'unit:STATION') => criminalCase().object('venue:V1', { name: '某处', room_type: roomType }, { unit });
  const due = z('2025-10-10T00:00'); // 10-01 is a holiday: moved to 10-09
  const warn = z('2025-09-25T00:00'); // − 15 d

  it('raises nothing when lifted early; moves the last day off National Day; warns 15 days before', () => {
    assert.deepEqual(on(rsdl(false), 'm2', 'person.rsdl_ended', '2025-08-01T10:00').evaluate(rule, t('2025-11-01T00:00')), { alerts: [], timers: [] });
    assert.deepEqual(timerLines(rsdl(false).evaluate(rule, t('2025-05-01T00:00')).timers), [`${F} warn fire ${warn} due ${due}`]);
    assert.deepEqual(summary(on(rsdl(false), 'm2', 'person.rsdl_ended', '2025-10-09T23:59').evaluate(rule, t('2025-11-01T00:00')).alerts), [`${F} warning resolved S2 raised ${warn} due ${due} resolved ${z('2025-10-09T23:59')}`]);
    assert.deepEqual(summary(on(rsdl(false), 'm2', 'person.rsdl_ended', '2025-10-10T00:00').evaluate(rule, t('2025-11-01T00:00')).alerts), [`${F} overdue complied_late S2 raised ${warn} due ${due} resolved ${due}`]);
    assert.deepEqual(summary(rsdl(false).evaluate(rule, t('2025-10-10T00:00')).alerts), [`${F} overdue open S2 raised ${warn} due ${due}`]);
  });

  it('accepts a designated residence of a station', () => {
    assert.deepEqual(rsdl(true, 'venue:V1', withVenue('residence')).evaluate(rule, t('2025-05-01T00:00')).alerts, []);
  });

  it('flags a designated place that is a case-handling room, lies in a custody or case-handling facility, or is not recorded', () => {
    const cases: Array<[GroupBuilder, RegExp]> = [
      [rsdl(true, 'venue:V1', withVenue('interrogation_room')), /不是居住场所/],
      [rsdl(true, 'venue:V1', withVenue('residence', 'unit:JAIL')), /羁押场所或专门办案场所/],
      [rsdl(true, 'venue:V1', withVenue('residence', 'unit:CENTER').object('unit:CENTER', { name: '执法办案管理中心', kind: 'public_security', level: 'center' })), /羁押场所或专门办案场所/],
      [rsdl(true), /未登记执行场所/],
    ];
    for (const [g, reason] of cases) {
      const r = g.evaluate(rule, t('2025-05-01T00:00'));
      assert.deepEqual(summary(r.alerts), [`${F} violation open S2 raised ${z('2025-04-01T10:00')}`]);
      assert.match(r.alerts[0].message['zh-CN'], reason);
    }
  });

  it('judges the venue as it was when the surveillance started (§13), not as of T', () => {
    const changed = (from: string, to: string) => rsdl(true, 'venue:V1', criminalCase()
      .object('venue:V1', { name: '某处', room_type: [['2020-01-01T00:00:00+08:00', from], ['2025-04-01T10:01:00+08:00', to]] }, { unit: 'unit:STATION' }));
    // A residence at 10:00, re-labelled one minute after the start: no breach.
    assert.deepEqual(changed('residence', 'interrogation_room').evaluate(rule, t('2025-05-01T00:00')).alerts, []);
    // An interrogation room at the start, made a residence one minute later: a breach.
    const r = changed('interrogation_room', 'residence').evaluate(rule, t('2025-05-01T00:00'));
    assert.deepEqual(summary(r.alerts), [`${F} violation open S2 raised ${z('2025-04-01T10:00')}`]);
    assert.match(r.alerts[0].message['zh-CN'], /不是居住场所/);
  });

  it('does not judge a venue it does not know, nor the venue of a residence of one’s own', () => {
    assert.deepEqual(rsdl(true, 'venue:UNKNOWN').evaluate(rule, t('2025-05-01T00:00')).alerts, []);
    assert.deepEqual(rsdl(false).evaluate(rule, t('2025-05-01T00:00')).alerts, []);
  });
});

describe('CRIM_RSDL_DESIGNATED_NOTIFY_24H', () => {
  const rule = CRIM_RSDL_DESIGNATED_NOTIFY_24H;
  const F = 'CRIM_RSDL_DESIGNATED_NOTIFY_24H';
  const rsdl = (designated = true) => on(criminalCase(), 'm1', 'person.rsdl_started', '2025-04-01T10:00', { designated }, { venue: 'venue:V1' });
  const notified = (g: GroupBuilder, at: string, attrs: Record<string, string> = {}) => on(g, 'fn', 'person.family_notified', at, { measure: 'rsdl_designated', method: 'phone', ...attrs });
  const due = z('2025-04-02T10:00');
  const warn = z('2025-04-02T04:00');

  it('raises nothing for an early notice; warns at the last minute; overdue (S2) one minute late', () => {
    assert.deepEqual(notified(rsdl(), '2025-04-01T15:00').evaluate(rule, t('2025-04-10T00:00')), { alerts: [], timers: [] });
    assert.deepEqual(summary(notified(rsdl(), '2025-04-02T10:00').evaluate(rule, t('2025-04-10T00:00')).alerts), [`${F} warning resolved S2 raised ${warn} due ${due} resolved ${due}`]);
    assert.deepEqual(summary(notified(rsdl(), '2025-04-02T10:01').evaluate(rule, t('2025-04-10T00:00')).alerts), [`${F} overdue complied_late S2 raised ${warn} due ${due} resolved ${z('2025-04-02T10:01')}`]);
    assert.deepEqual(summary(rsdl().evaluate(rule, t('2025-04-02T10:01')).alerts), [`${F} overdue open S2 raised ${warn} due ${due}`]);
  });

  it('accepts "notice impossible" with a reason, nothing else', () => {
    assert.deepEqual(notified(rsdl(), '2025-04-01T15:00', { exception: 'identity_unknown', reason: '身份不明' }).evaluate(rule, t('2025-04-10T00:00')).alerts, []);
    for (const attrs of [{ exception: 'hinder_investigation', reason: '有碍侦查' }, { exception: 'force_majeure' }] as Array<Record<string, string>>) {
      assert.deepEqual(summary(notified(rsdl(), '2025-04-01T15:00', attrs).evaluate(rule, t('2025-04-10T00:00')).alerts), [`${F} overdue open S2 raised ${warn} due ${due}`, `${F} violation open S2 raised ${z('2025-04-01T15:00')}`], attrs.exception);
    }
  });

  it('is not triggered by surveillance at home', () => {
    assert.deepEqual(rsdl(false).evaluate(rule, t('2025-04-10T00:00')), { alerts: [], timers: [] });
  });
});
