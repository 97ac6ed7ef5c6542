import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { GroupBuilder } from '../engine/group-builder.js';
import { INC_110_LOG_COMPLETE, INC_DISPATCH_TIMELINESS, INC_DUPLICATE_REPORT, INC_NOT_POLICE_MATTER_INFORMED } from './incident-extra.js';
import { alertOf, state, T, timersOf, utc } from './intake-testing.js';

const INC = 'incident:J1';
type Settings = Parameters<GroupBuilder['evaluate']>[2];

/** An incident on its own (no case yet), owned by station unit:S1 under branch unit:B1. */
function incident(attrs: Record<string, string | boolean> = {}): GroupBuilder {
  return new GroupBuilder(INC)
    .object(INC, { channel: '110', category: '100100', urgent: false, ...attrs }, { unit: 'unit:S1' })
    .object('unit:S1', { name: 'S1', kind: 'public_security', level: 'station' }, { parent: 'unit:B1' })
    .object('unit:B1', { name: 'B1', kind: 'public_security', level: 'branch' });
}

const at = (g: GroupBuilder, id: string, type: string, time: string, attrs: Record<string, string> = {}, rels: Record<string, string> = {}) =>
  g.event(id, type, T(time), attrs, { incident: INC, ...rels });

describe('INC_110_LOG_COMPLETE', () => {
  const received = (attrs: Record<string, string | boolean> = {}) => at(incident(attrs), 'rcv', 'incident.received', '2025-05-06T10:00');
  const run = (g: GroupBuilder, asOf = '2025-05-09T00:00', settings?: Settings) => g.evaluate(INC_110_LOG_COMPLETE, T(asOf), settings);

  it('complies with dispatch, arrival and close-out logged', () => {
    const g = at(at(at(received(), 'dsp', 'incident.dispatched', '2025-05-06T10:02', {}, { target_unit: 'unit:S1' }), 'arr', 'incident.arrived', '2025-05-06T10:15'),
      'cl', 'incident.closed', '2025-05-06T10:40', { nature: 'dispute' });
    const r = run(g);
    assert.deepEqual(r.alerts, []);
    assert.deepEqual(r.timers, []);
  });

  it('complies with the result logged at exactly 24 h, after the 18 h warning; late one minute after', () => {
    const onTime = run(at(received(), 'cl', 'incident.closed', '2025-05-07T10:00', { nature: 'help' }));
    assert.equal(state(alertOf(onTime, 'feedback')), 'warning resolved due 2025-05-07T10:00 raised 2025-05-07T04:00 resolved 2025-05-07T10:00');
    const late = alertOf(run(at(received(), 'cl', 'incident.closed', '2025-05-07T10:01', { nature: 'help' })), 'feedback')!;
    assert.equal(state(late), 'overdue complied_late due 2025-05-07T10:00 raised 2025-05-07T04:00 resolved 2025-05-07T10:01');
    assert.equal(late.severity, 'S4');
    assert.equal(late.dueAt, utc('2025-05-07T10:00'));
    assert.deepEqual(late.subject, { type: 'incident', id: INC });
  });

  it('sets a warning timer, then stays open and overdue without a result', () => {
    assert.deepEqual(timersOf(run(received(), '2025-05-06T12:00')), ['warn 2025-05-07T04:00:00.000']);
    assert.equal(state(alertOf(run(received()), 'feedback')), 'overdue open due 2025-05-07T10:00 raised 2025-05-07T04:00 resolved -');
  });

  it('counts an acceptance as a case or a diversion as the recorded result', () => {
    const acceptedCase = new GroupBuilder('case:C1')
      .object(INC, { channel: 'walk_in', category: '100100', urgent: false })
      .object('case:C1', { kind: 'criminal', category: '050200' })
      .event('rcv', 'incident.received', T('2025-05-06T10:00'), {}, { incident: INC })
      .event('acc', 'case.accepted', T('2025-05-06T10:30'), {}, { case: 'case:C1', incident: INC });
    assert.deepEqual(run(acceptedCase).alerts, []);
    assert.deepEqual(run(at(received(), 'ref', 'incident.referred', '2025-05-06T11:00', { route: 'other_authority' })).alerts, []);
  });

  it('asks a 110 incident officers reached for its dispatch record', () => {
    const g = at(at(received(), 'arr', 'incident.arrived', '2025-05-06T10:15'), 'cl', 'incident.closed', '2025-05-06T10:40', { nature: 'dispute' });
    const a = alertOf(run(g), 'dispatch')!;
    assert.equal(state(a), 'overdue open due 2025-05-07T10:00 raised 2025-05-07T04:00 resolved -');
    assert.deepEqual(a.evidenceEventIds, ['arr']);
    assert.equal(alertOf(run(g), 'feedback'), undefined);
    // A dispatch logged afterwards, within the window, completes the log.
    assert.deepEqual(run(at(g, 'dsp', 'incident.dispatched', '2025-05-06T18:00', {}, { target_unit: 'unit:S1' })).alerts, []);
  });

  it('asks no dispatch of calls answered by phone or of walk-in reports', () => {
    assert.deepEqual(run(at(received(), 'cl', 'incident.closed', '2025-05-06T10:03', { nature: 'invalid' })).alerts, []);
    const walkIn = at(at(received({ channel: 'walk_in' }), 'arr', 'incident.arrived', '2025-05-06T10:30'), 'cl', 'incident.closed', '2025-05-06T11:00', { nature: 'dispute' });
    assert.deepEqual(run(walkIn).alerts, []);
  });

  it('reads the window from its parameter [D]', () => {
    const r = run(at(received(), 'cl', 'incident.closed', '2025-05-07T10:01', { nature: 'help' }), '2025-05-09T00:00', { params: { INC_110_LOG_COMPLETE: { completeHours: 48 } } });
    assert.deepEqual(r.alerts, []);
  });

  it('is not triggered without a reception record', () => {
    assert.deepEqual(run(at(incident(), 'cl', 'incident.closed', '2025-05-06T10:00', { nature: 'help' })).alerts, []);
  });
});

describe('INC_DISPATCH_TIMELINESS', () => {
  const dispatched = (attrs: Record<string, string | boolean> = {}, unit = 'unit:S1') =>
    at(incident(attrs), 'dsp', 'incident.dispatched', '2025-05-06T10:00', {}, { target_unit: unit });
  const urban = { params: { INC_DISPATCH_TIMELINESS: { urbanUnits: 'unit:S1' } } };
  const run = (g: GroupBuilder, asOf = '2025-05-07T00:00', settings: Settings = urban) => g.evaluate(INC_DISPATCH_TIMELINESS, T(asOf), settings);
  const closed = (g: GroupBuilder, time = '2025-05-06T10:40') => at(g, 'cl', 'incident.closed', time, { nature: 'dispute' });

  it('complies with arrival within the urban limit and feedback within 4 h', () => {
    const r = run(closed(at(dispatched(), 'arr', 'incident.arrived', '2025-05-06T10:03')));
    assert.deepEqual(r.alerts, []);
    assert.deepEqual(r.timers, []);
  });

  it('complies with arrival at exactly 5 min (after the warning) and is late one minute after', () => {
    const onTime = run(closed(at(dispatched(), 'arr', 'incident.arrived', '2025-05-06T10:05')));
    assert.equal(state(alertOf(onTime, 'arrival')), 'warning resolved due 2025-05-06T10:05 raised 2025-05-06T10:03 resolved 2025-05-06T10:05');
    const a = alertOf(run(closed(at(dispatched(), 'arr', 'incident.arrived', '2025-05-06T10:06'))), 'arrival')!;
    assert.equal(state(a), 'overdue complied_late due 2025-05-06T10:05 raised 2025-05-06T10:03 resolved 2025-05-06T10:06');
    assert.equal(a.dueAt, utc('2025-05-06T10:05'));
    assert.equal(a.raisedAt, new Date(T('2025-05-06T10:03:45')).toISOString());
    assert.equal(a.severity, 'S3');
  });

  it('is S2 for an urgent incident', () => {
    const a = alertOf(run(closed(at(dispatched({ urgent: true }), 'arr', 'incident.arrived', '2025-05-06T10:06'))), 'arrival')!;
    assert.equal(a.severity, 'S2');
  });

  it('applies the suburban limit to a unit below a listed one, and none to unlisted units', () => {
    const suburban = { params: { INC_DISPATCH_TIMELINESS: { suburbanUnits: 'B1' } } };
    const g = closed(at(dispatched(), 'arr', 'incident.arrived', '2025-05-06T10:11'));
    assert.equal(state(alertOf(run(g, undefined, suburban), 'arrival')), 'overdue complied_late due 2025-05-06T10:10 raised 2025-05-06T10:07 resolved 2025-05-06T10:11');
    assert.equal(alertOf(run(g, undefined, {}), 'arrival'), undefined, 'no area class: not judged');
    assert.equal(alertOf(run(g, undefined, { params: { INC_DISPATCH_TIMELINESS: { urbanUnits: 'unit:S2' } } }), 'arrival'), undefined);
  });

  it('warns, then is overdue while nobody arrives; a close without arrival ends the duty', () => {
    const g = dispatched();
    assert.deepEqual(timersOf(run(g, '2025-05-06T10:01')), ['warn 2025-05-06T10:03:45.000', 'warn 2025-05-06T13:00:00.000']);
    assert.equal(state(alertOf(run(g, '2025-05-06T10:04'), 'arrival')), 'warning open due 2025-05-06T10:05 raised 2025-05-06T10:03 resolved -');
    assert.equal(state(alertOf(run(g, '2025-05-06T10:07'), 'arrival')), 'overdue open due 2025-05-06T10:05 raised 2025-05-06T10:03 resolved -');
    assert.equal(state(alertOf(run(closed(dispatched(), '2025-05-06T10:20')), 'arrival')), 'overdue complied_late due 2025-05-06T10:05 raised 2025-05-06T10:03 resolved 2025-05-06T10:20');
    assert.deepEqual(run(closed(dispatched(), '2025-05-06T10:02')).alerts, [], 'called off at once');
  });

  it('counts an arrival before the dispatch (officers already on the spot)', () => {
    assert.deepEqual(run(closed(at(dispatched(), 'arr', 'incident.arrived', '2025-05-06T09:58'))).alerts, []);
  });

  it('asks for feedback within 4 h by default, and by the configured tier', () => {
    const g = at(dispatched(), 'arr', 'incident.arrived', '2025-05-06T10:03');
    assert.equal(state(alertOf(run(closed(g, '2025-05-06T14:00')), 'feedback')), 'warning resolved due 2025-05-06T14:00 raised 2025-05-06T13:00 resolved 2025-05-06T14:00');
    const g2 = at(dispatched(), 'arr', 'incident.arrived', '2025-05-06T10:03');
    assert.equal(state(alertOf(run(closed(g2, '2025-05-06T14:01')), 'feedback')), 'overdue complied_late due 2025-05-06T14:00 raised 2025-05-06T13:00 resolved 2025-05-06T14:01');
    const tier = { params: { INC_DISPATCH_TIMELINESS: { feedbackMinutes: 30 } } };
    const g3 = at(dispatched(), 'arr', 'incident.arrived', '2025-05-06T10:03');
    assert.equal(state(alertOf(run(closed(g3, '2025-05-06T10:31'), undefined, tier), 'feedback')), 'overdue complied_late due 2025-05-06T10:30 raised 2025-05-06T10:22 resolved 2025-05-06T10:31');
  });

  it('judges only the first dispatch of an incident, and nothing without one', () => {
    const g = closed(at(at(dispatched(), 'arr', 'incident.arrived', '2025-05-06T10:03'), 'dsp2', 'incident.dispatched', '2025-05-06T10:20', {}, { target_unit: 'unit:S1' }));
    assert.deepEqual(run(g).alerts, []);
    assert.deepEqual(run(closed(at(incident(), 'rcv', 'incident.received', '2025-05-06T10:00'))).alerts, []);
  });
});

describe('INC_NOT_POLICE_MATTER_INFORMED', () => {
  const referred = (route = 'not_police_matter', reporter = true) => {
    const g = at(incident(), 'ref', 'incident.referred', '2025-05-06T10:00', { route });
    return reporter ? g.object('person:R1', { role: 'reporter' }, { incident: INC }).object('person:X', { role: 'witness' }, { incident: INC }) : g;
  };
  const told = (g: GroupBuilder, time: string, extra: Record<string, string> = {}, to: string | undefined = 'person:R1') =>
    at(g, `n-${time}`, 'notice.served', time, { notice_type: 'not_police_matter', method: 'phone', ...extra }, to ? { subject: to } : {});
  const run = (g: GroupBuilder, asOf = '2025-05-07T00:00', settings?: Settings) => g.evaluate(INC_NOT_POLICE_MATTER_INFORMED, T(asOf), settings);

  it('complies when the reporter is told at once', () => {
    const r = run(told(referred(), '2025-05-06T10:05'));
    assert.deepEqual(r.alerts, []);
    assert.deepEqual(r.timers, []);
  });

  it('complies at exactly 2 h (after the warning) and is late one minute after', () => {
    assert.equal(state(alertOf(run(told(referred(), '2025-05-06T12:00')))), 'warning resolved due 2025-05-06T12:00 raised 2025-05-06T11:30 resolved 2025-05-06T12:00');
    const a = alertOf(run(told(referred(), '2025-05-06T12:01')))!;
    assert.equal(state(a), 'overdue complied_late due 2025-05-06T12:00 raised 2025-05-06T11:30 resolved 2025-05-06T12:01');
    assert.equal(a.severity, 'S4');
    assert.deepEqual(a.subject, { type: 'incident', id: INC });
  });

  it('does not count a notice to someone who did not report it, and shows it', () => {
    const a = alertOf(run(told(referred(), '2025-05-06T10:05', {}, 'person:X')))!;
    assert.equal(state(a), 'overdue open due 2025-05-06T12:00 raised 2025-05-06T11:30 resolved -');
    assert.deepEqual(a.evidenceEventIds, ['n-2025-05-06T10:05']);
  });

  it('accepts an unreachable reporter with the reason written down, not without', () => {
    assert.deepEqual(run(told(referred(), '2025-05-06T10:05', { exception: 'recipient_unreachable', reason: '电话无人接听' }, undefined)).alerts, []);
    assert.equal(alertOf(run(told(referred(), '2025-05-06T10:05', { exception: 'recipient_unreachable' }, undefined)))?.status, 'open');
  });

  it('accepts any notice on the incident when no reporter is on record', () => {
    assert.deepEqual(run(told(referred('not_police_matter', false), '2025-05-06T10:05', {}, undefined)).alerts, []);
  });

  it('does not count a notice about another incident, or another notice type', () => {
    const other = referred().event('n', 'notice.served', T('2025-05-06T10:05'), { notice_type: 'not_police_matter' }, { incident: 'incident:J2', subject: 'person:R1' });
    assert.equal(alertOf(run(other))?.level, 'overdue');
    assert.equal(alertOf(run(told(referred(), '2025-05-06T10:05', { notice_type: 'report_receipt' })))?.level, 'overdue');
  });

  it('reads "at once" from its parameter [D] and is not triggered by other routes', () => {
    const threeHours = { params: { INC_NOT_POLICE_MATTER_INFORMED: { informHours: 3 } } };
    assert.equal(state(alertOf(run(told(referred(), '2025-05-06T12:30'), undefined, threeHours))), 'warning resolved due 2025-05-06T13:00 raised 2025-05-06T12:15 resolved 2025-05-06T12:30');
    assert.equal(alertOf(run(told(referred(), '2025-05-06T12:30')))?.status, 'complied_late');
    assert.deepEqual(run(referred('other_authority')).alerts, []);
  });
});

describe('INC_DUPLICATE_REPORT', () => {
  const run = (g: GroupBuilder) => g.evaluate(INC_DUPLICATE_REPORT, T('2025-05-07T00:00'));

  it('complies when the duplicate names the original case', () => {
    assert.deepEqual(run(at(incident(), 'ref', 'incident.referred', '2025-05-06T10:00', { route: 'duplicate' }, { case: 'case:C0' })).alerts, []);
  });

  it('raises an S4 finding at the referral when the original case is not named', () => {
    const a = alertOf(run(at(incident(), 'ref', 'incident.referred', '2025-05-06T10:00', { route: 'duplicate' })))!;
    assert.equal(state(a), 'violation open due - raised 2025-05-06T10:00 resolved -');
    assert.equal(a.severity, 'S4');
    assert.match(a.message['zh-CN'], /未关联原案件/);
  });

  it('is not triggered by other routes', () => {
    assert.deepEqual(run(at(incident(), 'ref', 'incident.referred', '2025-05-06T10:00', { route: 'not_police_matter' })).alerts, []);
  });
});
