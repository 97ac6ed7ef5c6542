import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { GroupBuilder } from '../engine/group-builder.js';
import { INC_BODYCAM_REQUIRED } from './incident-bodycam.js';
import { alertOf, state, T, timersOf } from './intake-testing.js';

/**
 * The §12.3 response: arrival 20:56:40, close 22:05; judged at close + 24 h = 03-11 22:05. Media
 * attributes carry the upload time (22:10) unless a test says otherwise.
 */
const INC = 'incident:J2503100187';
const UPLOAD = T('2025-03-10T22:10');

interface Clip {
  from: string;
  to: string;
  retention?: string;
  kind?: string;
  uploaded?: string;
  link?: Record<string, string>;
}

function response(group = INC, clips: Clip[] = [{ from: '2025-03-10T20:55:30', to: '2025-03-10T22:06:10', retention: '2025-09-11T00:00' }]): GroupBuilder {
  const g = new GroupBuilder(group)
    .object(INC, { channel: '110', category: '100100', urgent: false }, { unit: 'unit:S1' })
    .event('arr', 'incident.arrived', T('2025-03-10T20:56:40'), {}, { incident: INC, officer: 'officer:1' })
    .event('cl', 'incident.closed', T('2025-03-10T22:05'), { nature: 'criminal' }, { incident: INC });
  clips.forEach((c, i) => {
    const at = c.uploaded ? T(c.uploaded) : UPLOAD;
    const attrs: Record<string, Array<[string, string]>> = {
      kind: [[at, c.kind ?? 'bodycam']], started_at: [[at, T(c.from)]], ended_at: [[at, T(c.to)]],
    };
    if (c.retention) attrs.retention_until = [[at, T(c.retention)]];
    g.object(`media:M${i + 1}`, attrs, c.link ?? { incident: INC, officer: 'officer:1' });
  });
  return g;
}

const run = (g: GroupBuilder, asOf: string, settings?: Parameters<GroupBuilder['evaluate']>[2]) => g.evaluate(INC_BODYCAM_REQUIRED, T(asOf), settings);
const KEPT = '2025-09-11T00:00';

describe('INC_BODYCAM_REQUIRED', () => {
  it('passes the worked example: 20:55:30–22:06:10 covers 20:56:40–22:05, kept to 09-11', () => {
    const r = run(response(), '2025-03-13T16:00');
    assert.deepEqual(r.alerts, []);
    assert.deepEqual(r.timers, []);
  });

  it('allows a pause of exactly the tolerance (1 min) and no more', () => {
    const ok = response(INC, [{ from: '2025-03-10T20:55:30', to: '2025-03-10T21:30', retention: KEPT }, { from: '2025-03-10T21:31', to: '2025-03-10T22:06', retention: KEPT }]);
    assert.deepEqual(run(ok, '2025-03-13T16:00').alerts, []);
    const gap = response(INC, [{ from: '2025-03-10T20:55:30', to: '2025-03-10T21:30', retention: KEPT }, { from: '2025-03-10T21:31:01', to: '2025-03-10T22:06', retention: KEPT }]);
    const r = run(gap, '2025-03-13T16:00');
    const a = alertOf(r, 'coverage')!;
    assert.equal(state(a), 'overdue open due 2025-03-11T22:05 raised 2025-03-11T22:05 resolved -');
    assert.equal(a.severity, 'S2');
    assert.match(a.message['zh-CN'], /2025-03-10 20:56–2025-03-10 22:05/);
    assert.equal(alertOf(r, 'retention'), undefined);
  });

  it('counts a late start or an early end as a gap at the edges', () => {
    const late = response(INC, [{ from: '2025-03-10T20:58', to: '2025-03-10T22:06', retention: KEPT }]);
    assert.equal(alertOf(run(late, '2025-03-13T16:00'), 'coverage')?.level, 'overdue');
    const early = response(INC, [{ from: '2025-03-10T20:55', to: '2025-03-10T22:04:30', retention: KEPT }]);
    assert.deepEqual(run(early, '2025-03-13T16:00').alerts, [], '30 s short of the close is within the tolerance');
    const tooEarly = response(INC, [{ from: '2025-03-10T20:55', to: '2025-03-10T22:03', retention: KEPT }]);
    assert.equal(alertOf(run(tooEarly, '2025-03-13T16:00'), 'coverage')?.level, 'overdue');
  });

  it('takes the tolerance from its parameter [D]', () => {
    const g = response(INC, [{ from: '2025-03-10T20:55', to: '2025-03-10T21:30', retention: KEPT }, { from: '2025-03-10T21:34', to: '2025-03-10T22:06', retention: KEPT }]);
    assert.equal(alertOf(run(g, '2025-03-13T16:00'), 'coverage')?.level, 'overdue');
    assert.deepEqual(run(g, '2025-03-13T16:00', { params: { INC_BODYCAM_REQUIRED: { gapToleranceMinutes: 5 } } }).alerts, []);
  });

  it('ends the window when a person of the incident enters the case-handling area first', () => {
    const clip = [{ from: '2025-03-10T20:55', to: '2025-03-10T21:31', retention: KEPT }];
    const g = response(INC, clip);
    assert.equal(alertOf(run(g, '2025-03-13T16:00'), 'coverage')?.level, 'overdue');
    g.object('person:P1', { role: 'suspect' }, { incident: INC })
      .event('ent', 'area.entered', T('2025-03-10T21:30'), {}, { subject: 'person:P1', venue: 'venue:V1' });
    assert.deepEqual(run(g, '2025-03-13T16:00').alerts, []);
    // Another person's entry does not end the window.
    const other = response(INC, clip).event('ent', 'area.entered', T('2025-03-10T21:30'), {}, { subject: 'person:P9', venue: 'venue:V1' });
    assert.equal(alertOf(run(other, '2025-03-13T16:00'), 'coverage')?.level, 'overdue');
  });

  it('requires six months of retention from the start of the footage, to the second', () => {
    const exact = response(INC, [{ from: '2025-03-10T20:55:30', to: '2025-03-10T22:06:10', retention: '2025-09-10T20:55:30' }]);
    assert.deepEqual(run(exact, '2025-03-13T16:00').alerts, []);
    const short = response(INC, [{ from: '2025-03-10T20:55:30', to: '2025-03-10T22:06:10', retention: '2025-09-10T20:55:29' }]);
    const r = run(short, '2025-03-13T16:00');
    assert.equal(state(alertOf(r, 'retention')), 'overdue open due 2025-03-11T22:05 raised 2025-03-11T22:05 resolved -');
    assert.equal(alertOf(r, 'coverage'), undefined);
  });

  it('raises nothing on an unknown retention date (§5.2)', () => {
    assert.deepEqual(run(response(INC, [{ from: '2025-03-10T20:55', to: '2025-03-10T22:06' }]), '2025-03-13T16:00').alerts, []);
  });

  it('gives no warning before the check, then is overdue at close + 24 h', () => {
    const other = { from: '2025-03-09T10:00', to: '2025-03-09T10:30', retention: KEPT, link: { incident: 'incident:OTHER' } };
    const g = response('case:C1', [other]).object('case:C1', { kind: 'criminal' }, { unit: 'unit:S1' });
    const before = run(g, '2025-03-11T21:00');
    assert.deepEqual(before.alerts, []);
    assert.deepEqual(timersOf(before), ['due 2025-03-11T22:05:00.001'], 'no warning point: the only timer is the deadline');
    const a = alertOf(run(g, '2025-03-11T22:06'), 'coverage')!;
    assert.equal(state(a), 'overdue open due 2025-03-11T22:05 raised 2025-03-11T22:05 resolved -');
    assert.equal(a.severity, 'S1', 'S1 once the incident became a case');
  });

  it('resolves as late when the footage is uploaded after the check', () => {
    const other = { from: '2025-03-09T10:00', to: '2025-03-09T10:30', retention: KEPT, link: { incident: 'incident:OTHER' } };
    const late = { from: '2025-03-10T20:55', to: '2025-03-10T22:06', retention: KEPT, uploaded: '2025-03-12T10:00' };
    const g = response(INC, [other, late]);
    assert.equal(state(alertOf(run(g, '2025-03-12T09:00'), 'coverage')), 'overdue open due 2025-03-11T22:05 raised 2025-03-11T22:05 resolved -');
    assert.equal(state(alertOf(run(g, '2025-03-13T16:00'), 'coverage')), 'overdue complied_late due 2025-03-11T22:05 raised 2025-03-11T22:05 resolved 2025-03-12T10:00');
  });

  it('counts footage linked to the case the incident became', () => {
    const g = response('case:C1', [{ from: '2025-03-10T20:55', to: '2025-03-10T22:06', retention: KEPT, link: { case: 'case:C1' } }])
      .object('case:C1', { kind: 'criminal' }, { unit: 'unit:S1' });
    assert.deepEqual(run(g, '2025-03-13T16:00').alerts, []);
  });

  it('takes the check time from its parameter [D]', () => {
    const g = response(INC, [{ from: '2025-03-10T20:58', to: '2025-03-10T22:06', retention: KEPT }]);
    const r = run(g, '2025-03-13T16:00', { params: { INC_BODYCAM_REQUIRED: { checkAfterHours: 48 } } });
    assert.equal(state(alertOf(r, 'coverage')), 'overdue open due 2025-03-12T22:05 raised 2025-03-12T22:05 resolved -');
  });

  it('does not judge groups without any bodycam footage (§13: feed missing)', () => {
    assert.deepEqual(run(response(INC, []), '2025-03-13T16:00').alerts, []);
    const onlyInterrogationAv = response(INC, [{ from: '2025-03-10T23:00', to: '2025-03-10T23:30', kind: 'interrogation_av' }]);
    assert.deepEqual(run(onlyInterrogationAv, '2025-03-13T16:00').alerts, []);
  });

  it('waits for the close, and ignores footage with broken times', () => {
    const open = response(INC).without('cl');
    assert.deepEqual(run(open, '2025-03-13T16:00').alerts, []);
    const broken = response(INC, [{ from: '2025-03-10T22:06', to: '2025-03-10T20:55', retention: KEPT }, { from: '2025-03-09T10:00', to: '2025-03-09T10:30', link: { incident: 'incident:OTHER' } }]);
    assert.equal(alertOf(run(broken, '2025-03-13T16:00'), 'coverage')?.level, 'overdue');
  });
});
