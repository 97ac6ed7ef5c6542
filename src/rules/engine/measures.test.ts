import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { isHeld, measureTimeline, type MeasureEvent } from './measures.js';

let n = 0;
const ev = (type: string, time: string, extra: Partial<MeasureEvent> = {}): MeasureEvent => ({ id: `e${++n}`, type, time: new Date(time), ...extra });
const kinds = (events: MeasureEvent[]) => measureTimeline(events).intervals.map((iv) => [iv.kind, iv.start.type, iv.end?.type ?? null]);

describe('measure intervals and custody (§9.1)', () => {
  it('follows the spec example: detention held from 23:40 until the arrest', () => {
    const events = [
      ev('person.detained', '2025-03-10T23:40:00+08:00'),
      ev('person.jailed', '2025-03-11T09:30:00+08:00', { facilityLevel: 'detention_center' }),
      ev('person.arrested', '2025-03-20T10:00:00+08:00'),
    ];
    assert.deepEqual(kinds(events), [['criminal_detention', 'person.detained', 'person.arrested'], ['arrest_custody', 'person.arrested', null]]);
    const tl = measureTimeline(events);
    assert.equal(isHeld(tl, new Date('2025-03-10T23:39:00+08:00')), false);
    assert.equal(isHeld(tl, new Date('2025-03-10T23:40:00+08:00')), true);
    assert.equal(isHeld(tl, new Date('2025-04-01T00:00:00+08:00')), true, 'arrest custody stays open');
  });

  it('ends a summons at the detention of the same instant and starts custody then', () => {
    const t = '2025-05-01T10:00:00+08:00';
    const events = [ev('person.summoned', '2025-05-01T08:00:00+08:00', { attrs: { measure: 'criminal_summons' } }), ev('person.detained', t)];
    assert.deepEqual(kinds(events), [['criminal_summons', 'person.summoned', 'person.detained'], ['criminal_detention', 'person.detained', null]]);
  });

  it('lets a new summons end the last one, and a forced summons count as a criminal summons', () => {
    const events = [
      ev('person.summoned', '2025-05-01T08:00:00+08:00', { attrs: { measure: 'forced_summons' } }),
      ev('person.summoned', '2025-05-01T20:00:00+08:00', { attrs: { measure: 'criminal_summons' } }),
      ev('person.summons_ended', '2025-05-01T22:00:00+08:00', { attrs: { outcome: 'released' } }),
    ];
    assert.deepEqual(kinds(events), [['criminal_summons', 'person.summoned', 'person.summoned'], ['criminal_summons', 'person.summoned', 'person.summons_ended']]);
  });

  it('does not count bail or residential surveillance as held', () => {
    const tl = measureTimeline([ev('person.bail_started', '2025-06-01T10:00:00+08:00'), ev('person.rsdl_started', '2025-07-01T10:00:00+08:00')]);
    assert.deepEqual(tl.intervals.map((iv) => [iv.kind, iv.held, iv.end?.type ?? null]), [['bail', false, 'person.rsdl_started'], ['rsdl', false, null]]);
    assert.equal(isHeld(tl, new Date('2025-06-15T00:00:00+08:00')), false);
  });

  it('counts admin detention only when jailed at an administrative detention facility', () => {
    const admin = measureTimeline([ev('person.jailed', '2025-08-01T10:00:00+08:00', { facilityLevel: 'admin_detention_facility' }), ev('person.released', '2025-08-06T10:00:00+08:00')]);
    assert.deepEqual(admin.intervals.map((iv) => iv.kind), ['admin_detention']);
    assert.deepEqual(admin.orphanEnds, []);
    const other = measureTimeline([ev('person.jailed', '2025-08-01T10:00:00+08:00', { facilityLevel: 'detention_center' })]);
    assert.deepEqual(other.intervals, []);
  });

  it('ends arrest custody at the transfer for prosecution and reports end events without a measure', () => {
    const tl = measureTimeline([
      ev('person.released', '2025-01-01T10:00:00+08:00'),
      ev('person.arrested', '2025-02-01T10:00:00+08:00'),
      ev('case.sent_for_prosecution', '2025-03-01T10:00:00+08:00'),
    ]);
    assert.deepEqual(tl.orphanEnds.map((e) => e.type), ['person.released']);
    assert.equal(tl.intervals[0].end?.type, 'case.sent_for_prosecution');
    assert.equal(isHeld(tl, new Date('2025-03-01T10:00:00+08:00')), false, 'the end instant is no longer held');
  });
});
