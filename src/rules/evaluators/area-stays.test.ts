import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { GroupBuilder } from '../engine/group-builder.js';
import { areaStays, hasAreaFeed } from './area-stays.js';

/** Area stays (interchange §9.2): start, room intervals, temporary absences, final exit. */
const t = (hhmm: string) => `2025-05-06T${hhmm}:00+08:00`;
const P1 = 'person:P1';
const base = () => new GroupBuilder('case:C1').object(P1, { role: 'suspect' }, { case: 'case:C1' });
const enter = (g: GroupBuilder, hhmm: string, venue: string) => g.event(`in-${hhmm}`, 'area.entered', t(hhmm), {}, { subject: P1, venue });
const exit = (g: GroupBuilder, hhmm: string, kind: string, venue: string) => g.event(`out-${hhmm}`, 'area.exited', t(hhmm), { exit_kind: kind }, { subject: P1, venue });
const rooms = (g: GroupBuilder, asOf = t('23:00')) =>
  areaStays(g.snapshot(asOf), P1).map((s) => ({
    entry: s.entry.id, end: s.end?.id, temporary: s.temporaryExits.map((e) => e.id),
    rooms: s.rooms.map((r) => `${r.venue} ${r.entered.id}–${r.to?.toISOString().slice(11, 16) ?? 'open'}`),
  }));

describe('areaStays', () => {
  it('keeps one stay across moves and temporary absences, and starts another after a final exit', () => {
    let g = enter(base(), '10:00', 'venue:A');
    g = enter(exit(g, '10:30', 'move', 'venue:A'), '10:30', 'venue:B');
    g = enter(exit(g, '11:00', 'temporary', 'venue:B'), '13:00', 'venue:B');
    g = enter(exit(g, '14:00', 'final', 'venue:B'), '16:00', 'venue:A');
    assert.deepEqual(rooms(g), [
      { entry: 'in-10:00', end: 'out-14:00', temporary: ['out-11:00'], rooms: ['venue:A in-10:00–02:30', 'venue:B in-10:30–03:00', 'venue:B in-13:00–06:00'] },
      { entry: 'in-16:00', end: undefined, temporary: [], rooms: ['venue:A in-16:00–open'] },
    ]);
  });

  it('closes a room on entering the next without an exit, and ignores a late move out of the old room', () => {
    const g = exit(enter(enter(base(), '10:00', 'venue:A'), '10:30', 'venue:B'), '10:31', 'move', 'venue:A');
    assert.deepEqual(rooms(g)[0].rooms, ['venue:A in-10:00–02:30', 'venue:B in-10:30–open']);
  });

  it('ignores an exit without a stay; a case without area records has no feed', () => {
    assert.deepEqual(rooms(exit(base(), '09:00', 'final', 'venue:A')), []);
    assert.equal(hasAreaFeed(base().snapshot(t('23:00'))), false);
    assert.equal(hasAreaFeed(exit(base(), '09:00', 'final', 'venue:A').snapshot(t('23:00'))), true);
  });
});
