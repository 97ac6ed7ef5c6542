import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { GroupBuilder } from '../engine/group-builder.js';
import { INTV_AV_TRANSCRIPT_CONSISTENCY } from './interrogation-extra-consistency.js';
import { alertOf, state, T, utc } from './intake-testing.js';

/** INTV_AV_TRANSCRIPT_CONSISTENCY (catalogue §9, [D]). */
const CASE = 'case:C1';
const run = (g: GroupBuilder, asOf = '2025-03-12T00:00') => g.evaluate(INTV_AV_TRANSCRIPT_CONSISTENCY, T(asOf));

interface SessionOpts {
  person?: string;
  venue?: string;
  officers?: string[];
  written?: [string, string] | null;
  media?: string | null;
}

/** A session `id` from `start` to `end`, its 笔录 with written times and (by default) a linked recording 30 s wider. */
function session(g: GroupBuilder, id: string, start: string, end: string | null, o: SessionOpts = {}): GroupBuilder {
  const doc = `document:${id}`;
  const person = o.person ?? 'person:P1';
  const written = o.written === undefined ? [start, end ?? start] : o.written;
  g.object(doc, written ? { doc_type: '讯问笔录', started_at: T(written[0]), ended_at: T(written[1]) } : { doc_type: '讯问笔录' }, { case: CASE, subject: person });
  g.event(id, 'interrogation.started', T(start), { kind: 'interrogation', av_recorded: true }, {
    subject: person, case: CASE, interrogator: o.officers ?? ['officer:1', 'officer:2'], venue: o.venue ?? 'venue:R1', document: doc,
  });
  if (!end) return g;
  const media = o.media === undefined ? `media:${id}` : o.media;
  if (media && o.media === undefined) {
    g.object(media, {
      kind: 'interrogation_av',
      started_at: new Date(Date.parse(T(start)) - 30_000).toISOString(),
      ended_at: new Date(Date.parse(T(end)) + 30_000).toISOString(),
    }, { case: CASE, venue: o.venue ?? 'venue:R1' });
  }
  return g.event(`${id}-end`, 'interrogation.ended', T(end), {}, { subject: person, case: CASE, document: doc, ...(media ? { media } : {}) });
}

const base = () => new GroupBuilder(CASE)
  .object(CASE, { kind: 'criminal', category: '050200' }, { unit: 'unit:U1' })
  .object('person:P1', { role: 'suspect' }, { case: CASE })
  .object('person:P2', { role: 'suspect' }, { case: CASE })
  .object('venue:R1', { room_type: 'interrogation_room' })
  .object('venue:R2', { room_type: 'interrogation_room' })
  .object('venue:H1', { room_type: 'holding_room' });

const one = (o: SessionOpts = {}) => session(base(), 's1', '2025-03-11T09:00', '2025-03-11T10:00', o);

describe('INTV_AV_TRANSCRIPT_CONSISTENCY', () => {
  it('transcript times inside the recording, nobody elsewhere: nothing', () => {
    assert.deepEqual(run(one()).alerts, []);
  });

  it('written times up to the tolerance (60 s) outside the recording pass; one second more is an S2 violation at the end', () => {
    assert.deepEqual(run(one({ written: ['2025-03-11T08:58:30', '2025-03-11T10:01:30'] })).alerts, []);
    const r = run(one({ written: ['2025-03-11T09:00', '2025-03-11T10:01:31'] }));
    const a = alertOf(r, 'av_times')!;
    assert.equal(state(a), 'violation open due - raised 2025-03-11T10:00 resolved -');
    assert.equal(a.severity, 'S2');
    assert.equal(a.subject.id, 'person:P1');
    assert.equal(a.triggerEventId, 's1-end');
    assert.match(a.message['zh-CN'], /笔录记载时间2025-03-11 09:00至2025-03-11 10:01超出同步录像时间2025-03-11 08:59至2025-03-11 10:00/);
    assert.equal(r.alerts.length, 1);
  });

  it('a written time that arrives later is judged when it arrives', () => {
    const g = one({ written: null }).object('document:s1', {
      doc_type: '讯问笔录', started_at: [['2025-03-11T12:00:00+08:00', T('2025-03-11T08:30')]], ended_at: [['2025-03-11T12:00:00+08:00', T('2025-03-11T10:00')]],
    }, { case: CASE, subject: 'person:P1' });
    assert.deepEqual(run(g, '2025-03-11T11:00').alerts, []);
    assert.equal(alertOf(run(g), 'av_times')?.raisedAt, utc('2025-03-11T12:00'));
  });

  it('no recording at all, or no written times: the AV check is silent (§13)', () => {
    assert.deepEqual(run(one({ media: null, written: ['2025-03-11T08:00', '2025-03-11T12:00'] })).alerts, []);
    assert.deepEqual(run(one({ written: null })).alerts, []);
  });

  it('without a linked recording, the venue’s recording of the session is used', () => {
    const g = one({ media: null, written: ['2025-03-11T09:00', '2025-03-11T10:30'] })
      .object('media:V', { kind: 'interrogation_av', started_at: T('2025-03-11T08:59'), ended_at: T('2025-03-11T10:01') }, { venue: 'venue:R1' })
      .object('media:other', { kind: 'interrogation_av', started_at: T('2025-03-11T08:00'), ended_at: T('2025-03-11T12:00') }, { venue: 'venue:R2' });
    assert.match(alertOf(run(g), 'av_times')!.message['zh-CN'], /超出同步录像时间2025-03-11 08:59至2025-03-11 10:01/);
  });

  it('an interrogator in another room’s session at the same time: violation on the later session', () => {
    const g = session(one(), 's2', '2025-03-11T09:30', '2025-03-11T10:30', { person: 'person:P2', venue: 'venue:R2', officers: ['officer:2', 'officer:3'] });
    const r = run(g);
    assert.equal(r.alerts.length, 1);
    const a = alertOf(r, 'officer')!;
    assert.equal(a.triggerEventId, 's2-end');
    assert.equal(state(a), 'violation open due - raised 2025-03-11T10:30 resolved -');
    assert.deepEqual(a.evidenceEventIds, ['s2', 's1']);
    assert.match(a.message['zh-CN'], /讯问（询问）民警于2025-03-11 09:30至2025-03-11 10:00同时出现在另一房间/);
  });

  it('an overlap within the tolerance, or the same room (INTV_SEPARATE_SESSIONS), is not judged here', () => {
    const near = session(one(), 's2', '2025-03-11T09:59', '2025-03-11T10:30', { person: 'person:P2', venue: 'venue:R2', officers: ['officer:2', 'officer:3'] });
    assert.deepEqual(run(near).alerts, []);
    const same = session(one(), 's2', '2025-03-11T09:30', '2025-03-11T10:30', { person: 'person:P2', officers: ['officer:2', 'officer:3'] });
    assert.deepEqual(run(same).alerts, []);
  });

  it('an interrogator positioned in another room during the session (venue feed): violation', () => {
    const pos = (g: GroupBuilder, venue: string, from: string, to: string) => g
      .venueEvent('p1', 'area.entered', T(from), { source: 'positioning' }, { officer: 'officer:1', venue })
      .venueEvent('p2', 'area.exited', T(to), { exit_kind: 'final' }, { officer: 'officer:1', venue });
    assert.deepEqual(run(pos(one(), 'venue:R1', '2025-03-11T08:58', '2025-03-11T10:02')).alerts, []);
    assert.deepEqual(run(pos(one(), 'venue:H1', '2025-03-11T08:00', '2025-03-11T09:01')).alerts, []);
    const a = alertOf(run(pos(one(), 'venue:H1', '2025-03-11T09:20', '2025-03-11T09:40')), 'officer')!;
    assert.deepEqual(a.evidenceEventIds, ['s1', 'p1']);
    assert.match(a.message['zh-CN'], /09:20至2025-03-11 09:40同时出现在另一房间/);
  });

  it('the person in another session (another 笔录) at once: violation on the later one', () => {
    const g = session(one(), 's2', '2025-03-11T09:30', '2025-03-11T10:30', { venue: 'venue:R2', officers: ['officer:3', 'officer:4'] });
    const r = run(g);
    assert.equal(r.alerts.length, 1);
    const a = alertOf(r, 'subject')!;
    assert.equal(a.triggerEventId, 's2-end');
    assert.match(a.message['zh-CN'], /被讯问（询问）人于2025-03-11 09:30至2025-03-11 10:00同时在另一场所/);
  });

  it('the person in a holding room by the area records during the session: violation; an open room interval is not judged', () => {
    const area = (g: GroupBuilder, exit: boolean) => {
      g.event('a1', 'area.entered', T('2025-03-11T08:00'), { source: 'positioning' }, { subject: 'person:P1', venue: 'venue:H1', case: CASE });
      return exit ? g.event('a2', 'area.exited', T('2025-03-11T09:30'), { exit_kind: 'move' }, { subject: 'person:P1', venue: 'venue:H1', case: CASE }) : g;
    };
    const a = alertOf(run(area(one(), true)), 'subject')!;
    assert.deepEqual(a.evidenceEventIds, ['s1', 'a1']);
    assert.match(a.message['zh-CN'], /2025-03-11 09:00至2025-03-11 09:30/);
    assert.deepEqual(run(area(one(), false)).alerts, []);
  });

  it('moved to the interrogation room a little late (within the tolerance): nothing', () => {
    const g = one()
      .event('a1', 'area.entered', T('2025-03-11T08:00'), { source: 'positioning' }, { subject: 'person:P1', venue: 'venue:H1', case: CASE })
      .event('a2', 'area.exited', T('2025-03-11T09:01'), { exit_kind: 'move' }, { subject: 'person:P1', venue: 'venue:H1', case: CASE })
      .event('a3', 'area.entered', T('2025-03-11T09:01'), { source: 'positioning' }, { subject: 'person:P1', venue: 'venue:R1', case: CASE })
      .event('a4', 'area.exited', T('2025-03-11T10:01'), { exit_kind: 'move' }, { subject: 'person:P1', venue: 'venue:R1', case: CASE });
    assert.deepEqual(run(g).alerts, []);
  });

  it('a session during the transport to the 看守所: violation; without the admission, nothing', () => {
    const g = one()
      .event('x1', 'area.exited', T('2025-03-11T08:30'), { exit_kind: 'final', purpose: 'to_jail' }, { subject: 'person:P1', venue: 'venue:H1', case: CASE });
    assert.deepEqual(run(g).alerts, []);
    g.event('j1', 'person.jailed', T('2025-03-11T09:45'), {}, { subject: 'person:P1', case: CASE, unit: 'unit:KSS' });
    const a = alertOf(run(g), 'transport')!;
    assert.deepEqual(a.evidenceEventIds, ['s1', 'x1']);
    assert.match(a.message['zh-CN'], /押送看守所途中（2025-03-11 08:30至2025-03-11 09:45）重叠/);
  });

  it('a session still running is not judged', () => {
    const g = session(base(), 's1', '2025-03-11T09:00', null, { written: ['2025-03-11T07:00', '2025-03-11T12:00'] })
      .event('x1', 'area.exited', T('2025-03-11T08:30'), { exit_kind: 'final', purpose: 'to_jail' }, { subject: 'person:P1', case: CASE })
      .event('j1', 'person.jailed', T('2025-03-11T09:45'), {}, { subject: 'person:P1', case: CASE, unit: 'unit:KSS' });
    assert.deepEqual(run(g).alerts, []);
  });
});
