import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { GroupBuilder } from '../engine/group-builder.js';
import { INC_CASE_TYPE_NOT_CONVERTED, INC_URGENT_THEN_REGISTER_24H, INC_WALKIN_THREE_ON_THE_SPOT } from './incident-reception.js';
import { alertOf, state, T, timersOf, utc } from './intake-testing.js';

const INC = 'incident:J1';

/** An incident on its own (no case yet). */
function incident(attrs: Record<string, string | boolean> = {}, group = INC): GroupBuilder {
  return new GroupBuilder(group).object(INC, { channel: '110', category: '100100', urgent: false, ...attrs }, { unit: 'unit:S1' });
}

/** The incident inside the case that accepted it (case.accepted relating it). */
function accepted(g: GroupBuilder, at: string, incidentId = INC): GroupBuilder {
  return g.object('case:C1', { kind: 'criminal', category: '050200' }, { unit: 'unit:S1' })
    .event('acc', 'case.accepted', T(at), {}, { case: 'case:C1', incident: incidentId, unit: 'unit:S1' });
}

describe('INC_CASE_TYPE_NOT_CONVERTED', () => {
  const closed = (g: GroupBuilder, nature = 'criminal') => g.event('cl', 'incident.closed', T('2025-05-06T10:00'), { nature }, { incident: INC });
  const run = (g: GroupBuilder, asOf: string, settings?: Parameters<GroupBuilder['evaluate']>[2]) => g.evaluate(INC_CASE_TYPE_NOT_CONVERTED, T(asOf), settings);

  it('complies when the case is accepted soon after closing', () => {
    const r = run(accepted(closed(incident(undefined, 'case:C1')), '2025-05-06T11:00'), '2025-05-09T00:00');
    assert.deepEqual(r.alerts, []);
    assert.deepEqual(r.timers, []);
  });

  it('complies at the last instant of 24 h (hour limits are inclusive), after the 18 h warning', () => {
    const r = run(accepted(closed(incident(undefined, 'case:C1')), '2025-05-07T10:00'), '2025-05-09T00:00');
    assert.equal(state(alertOf(r)), 'warning resolved due 2025-05-07T10:00 raised 2025-05-07T04:00 resolved 2025-05-07T10:00');
  });

  it('is overdue, complied late, one minute after', () => {
    const r = run(accepted(closed(incident(undefined, 'case:C1')), '2025-05-07T10:01'), '2025-05-09T00:00');
    const a = alertOf(r)!;
    assert.equal(state(a), 'overdue complied_late due 2025-05-07T10:00 raised 2025-05-07T04:00 resolved 2025-05-07T10:01');
    assert.equal(a.dueAt, utc('2025-05-07T10:00'));
    assert.equal(a.severity, 'S2');
    assert.deepEqual(a.subject, { type: 'incident', id: INC });
    assert.equal(a.incidentId, INC);
  });

  it('sets a warning timer, then warns, then is overdue while nothing happens', () => {
    const g = closed(incident());
    const before = run(g, '2025-05-06T12:00');
    assert.deepEqual(before.alerts, []);
    assert.deepEqual(timersOf(before), ['warn 2025-05-07T04:00:00.000']);
    const warned = run(g, '2025-05-07T09:00');
    assert.equal(state(alertOf(warned)), 'warning open due 2025-05-07T10:00 raised 2025-05-07T04:00 resolved -');
    assert.deepEqual(timersOf(warned), ['due 2025-05-07T10:00:00.001']);
    assert.equal(state(alertOf(run(g, '2025-05-07T10:00'))), 'warning open due 2025-05-07T10:00 raised 2025-05-07T04:00 resolved -');
    assert.equal(state(alertOf(run(g, '2025-05-07T10:01'))), 'overdue open due 2025-05-07T10:00 raised 2025-05-07T04:00 resolved -');
  });

  it('accepts a documented diversion or a not-police-matter notice', () => {
    const referred = closed(incident()).event('ref', 'incident.referred', T('2025-05-06T12:00'), { route: 'other_authority' }, { incident: INC, target_unit: 'unit:X' });
    assert.deepEqual(run(referred, '2025-05-09T00:00').alerts, []);
    const told = closed(incident()).event('n', 'notice.served', T('2025-05-06T12:00'), { notice_type: 'not_police_matter' }, { incident: INC, subject: 'person:R1' });
    assert.deepEqual(run(told, '2025-05-09T00:00').alerts, []);
    // Another notice type does not count.
    const receipt = closed(incident()).event('n', 'notice.served', T('2025-05-06T12:00'), { notice_type: 'report_receipt' }, { incident: INC });
    assert.equal(alertOf(run(receipt, '2025-05-09T00:00'))?.status, 'open');
  });

  it('counts an acceptance before the close (a walk-in case accepted first)', () => {
    const g = accepted(incident(undefined, 'case:C1'), '2025-05-06T09:30');
    assert.deepEqual(run(closed(g), '2025-05-09T00:00').alerts, []);
  });

  it('does not count a case accepted for another incident', () => {
    const g = accepted(closed(incident(undefined, 'case:C1')), '2025-05-06T11:00', 'incident:J2');
    assert.equal(state(alertOf(run(g, '2025-05-09T00:00'))), 'overdue open due 2025-05-07T10:00 raised 2025-05-07T04:00 resolved -');
  });

  it('is not triggered by other natures unless the category is mapped to a case type [D]', () => {
    const dispute = closed(incident(), 'dispute');
    assert.deepEqual(run(dispute, '2025-05-09T00:00').alerts, []);
    const mapped = run(dispute, '2025-05-09T00:00', { params: { INC_CASE_TYPE_NOT_CONVERTED: { caseTypeCategoryPrefixes: '2001, 1001' } } });
    assert.equal(alertOf(mapped)?.level, 'overdue');
    const otherPrefix = run(dispute, '2025-05-09T00:00', { params: { INC_CASE_TYPE_NOT_CONVERTED: { caseTypeCategoryPrefixes: '2001' } } });
    assert.deepEqual(otherPrefix.alerts, []);
  });

  it('judges public-order incidents too, and takes the grace period from its parameter', () => {
    const g = closed(incident(), 'public_order');
    const r = run(g, '2025-05-08T09:00', { params: { INC_CASE_TYPE_NOT_CONVERTED: { graceHours: 48 } } });
    assert.equal(state(alertOf(r)), 'warning open due 2025-05-08T10:00 raised 2025-05-07T22:00 resolved -');
  });

  it('ignores a close without an incident or without a nature', () => {
    const g = incident()
      .event('x', 'incident.closed', T('2025-05-06T10:00'), { nature: 'criminal' }, {})
      .event('y', 'incident.closed', T('2025-05-06T10:00'), {}, { incident: INC });
    assert.deepEqual(run(g, '2025-05-09T00:00').alerts, []);
  });
});

describe('INC_WALKIN_THREE_ON_THE_SPOT', () => {
  const walkIn = (evidence?: boolean) => incident({ channel: 'walk_in' })
    .event('rcv', 'incident.received', T('2025-05-06T09:00'), evidence === undefined ? {} : { evidence_submitted: evidence }, { incident: INC, unit: 'unit:S1' });
  const registered = (g: GroupBuilder, at: string) => g.event('reg', 'incident.registered', T(at), {}, { incident: INC });
  const receipt = (g: GroupBuilder, at: string) => g.event('rr', 'notice.served', T(at), { notice_type: 'report_receipt' }, { incident: INC, subject: 'person:R1' });
  const evidenceList = (g: GroupBuilder, at: string, docType = '接受证据材料清单') => g.object('document:L1', { doc_type: docType }, { case: 'case:C1' })
    .event('acc', 'case.accepted', T(at), {}, { case: 'case:C1', incident: INC, document: 'document:L1' });
  const run = (g: GroupBuilder, asOf: string, settings?: Parameters<GroupBuilder['evaluate']>[2]) => g.evaluate(INC_WALKIN_THREE_ON_THE_SPOT, T(asOf), settings);

  it('complies when registration, receipt and evidence list all come within minutes', () => {
    const g = evidenceList(receipt(registered(walkIn(true), '2025-05-06T09:10'), '2025-05-06T09:15'), '2025-05-06T09:40');
    const r = run(g, '2025-05-06T18:00');
    assert.deepEqual(r.alerts, []);
    assert.deepEqual(r.timers, []);
  });

  it('complies at exactly 2 h, after the warning at 75 %', () => {
    const r = run(receipt(registered(walkIn(), '2025-05-06T11:00'), '2025-05-06T09:15'), '2025-05-06T18:00');
    assert.equal(state(alertOf(r, 'registration')), 'warning resolved due 2025-05-06T11:00 raised 2025-05-06T10:30 resolved 2025-05-06T11:00');
    assert.equal(alertOf(r, 'receipt'), undefined);
  });

  it('is overdue, complied late, for a receipt one minute after 2 h', () => {
    const r = run(receipt(registered(walkIn(), '2025-05-06T09:10'), '2025-05-06T11:01'), '2025-05-06T18:00');
    assert.equal(state(alertOf(r, 'receipt')), 'overdue complied_late due 2025-05-06T11:00 raised 2025-05-06T10:30 resolved 2025-05-06T11:01');
    assert.equal(r.alerts.length, 1);
  });

  it('requires the evidence list only when evidence was submitted', () => {
    const done = receipt(registered(walkIn(true), '2025-05-06T09:10'), '2025-05-06T09:15');
    const r = run(done, '2025-05-06T18:00');
    assert.equal(state(alertOf(r, 'evidence')), 'overdue open due 2025-05-06T11:00 raised 2025-05-06T10:30 resolved -');
    assert.equal(r.alerts.length, 1);
    assert.deepEqual(run(receipt(registered(walkIn(false), '2025-05-06T09:10'), '2025-05-06T09:15'), '2025-05-06T18:00').alerts, []);
  });

  // Catalogue §6, §13b: the administrative list is a 接受证据清单.
  it('takes the administrative 接受证据清单 too: in time at 2 h, late one minute after', () => {
    const done = receipt(registered(walkIn(true), '2025-05-06T09:10'), '2025-05-06T09:15');
    const inTime = run(evidenceList(done, '2025-05-06T11:00', '接受证据清单'), '2025-05-06T18:00');
    assert.equal(state(alertOf(inTime, 'evidence')), 'warning resolved due 2025-05-06T11:00 raised 2025-05-06T10:30 resolved 2025-05-06T11:00');
    const late = run(evidenceList(receipt(registered(walkIn(true), '2025-05-06T09:10'), '2025-05-06T09:15'), '2025-05-06T11:01', '接受证据清单'), '2025-05-06T18:00');
    assert.equal(state(alertOf(late, 'evidence')), 'overdue complied_late due 2025-05-06T11:00 raised 2025-05-06T10:30 resolved 2025-05-06T11:01');
    assert.equal(late.alerts.length, 1);
  });

  it('reports every missing duty separately while open, with timers before the warning', () => {
    const g = walkIn(true);
    assert.deepEqual(timersOf(run(g, '2025-05-06T09:30')), ['warn 2025-05-06T10:30:00.000', 'warn 2025-05-06T10:30:00.000', 'warn 2025-05-06T10:30:00.000']);
    const r = run(g, '2025-05-06T12:00');
    for (const part of ['registration', 'receipt', 'evidence']) assert.equal(alertOf(r, part)?.level, 'overdue', part);
  });

  it('reads "on the spot" from its parameter [D]', () => {
    const g = receipt(registered(walkIn(), '2025-05-06T11:30'), '2025-05-06T09:15');
    const r = run(g, '2025-05-06T18:00', { params: { INC_WALKIN_THREE_ON_THE_SPOT: { onTheSpotHours: 3 } } });
    assert.equal(state(alertOf(r, 'registration')), 'warning resolved due 2025-05-06T12:00 raised 2025-05-06T11:15 resolved 2025-05-06T11:30');
    assert.equal(alertOf(run(g, '2025-05-06T18:00'), 'registration')?.status, 'complied_late');
  });

  it('is not triggered by 110 calls or online reports', () => {
    for (const channel of ['110', 'online']) {
      const g = incident({ channel }).event('rcv', 'incident.received', T('2025-05-06T09:00'), {}, { incident: INC });
      assert.deepEqual(run(g, '2025-05-07T00:00').alerts, [], channel);
    }
  });
});

describe('INC_URGENT_THEN_REGISTER_24H', () => {
  const urgent = (isUrgent = true) => incident({ urgent: isUrgent })
    .event('cl', 'incident.closed', T('2025-05-06T22:00'), { nature: 'criminal' }, { incident: INC });
  const registered = (g: GroupBuilder, at: string) => g.event('reg', 'incident.registered', T(at), {}, { incident: INC });
  const receipt = (g: GroupBuilder, at: string) => g.event('rr', 'notice.served', T(at), { notice_type: 'report_receipt' }, { incident: INC });
  const run = (g: GroupBuilder, asOf: string) => g.evaluate(INC_URGENT_THEN_REGISTER_24H, T(asOf));

  it('complies when registered with a receipt soon after handling', () => {
    assert.deepEqual(run(receipt(registered(urgent(), '2025-05-06T22:20'), '2025-05-06T22:25'), '2025-05-09T00:00').alerts, []);
  });

  it('complies at 24 h and is late one minute after', () => {
    const r = run(receipt(registered(urgent(), '2025-05-07T22:00'), '2025-05-07T22:01'), '2025-05-09T00:00');
    assert.equal(state(alertOf(r, 'registration')), 'warning resolved due 2025-05-07T22:00 raised 2025-05-07T16:00 resolved 2025-05-07T22:00');
    assert.equal(state(alertOf(r, 'receipt')), 'overdue complied_late due 2025-05-07T22:00 raised 2025-05-07T16:00 resolved 2025-05-07T22:01');
  });

  it('keeps a missing receipt open and counts a registration made before the close', () => {
    const r = run(registered(urgent(), '2025-05-06T21:50'), '2025-05-08T00:00');
    assert.equal(alertOf(r, 'registration'), undefined);
    assert.equal(state(alertOf(r, 'receipt')), 'overdue open due 2025-05-07T22:00 raised 2025-05-07T16:00 resolved -');
  });

  it('is not triggered for incidents that needed no urgent handling', () => {
    assert.deepEqual(run(urgent(false), '2025-05-09T00:00').alerts, []);
  });
});
