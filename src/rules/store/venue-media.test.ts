import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Database } from '../../db/database.js';
import { importRecords } from '../../interchange/import.js';
import type { OcelEvent, OcelObject } from '../../interchange/types.js';
import { openTestDatabase } from '../../testing/db.js';
import { alertsAsOf } from '../alerts-as-of.js';
import { RuleEngine } from '../engine-service.js';
import { alertFromRow, type AlertRow } from './alerts-repository.js';
import { regroupAll } from './groups.js';

/**
 * Area surveillance linked to a room only (media `area_cctv` with O2O `venue`, no case): the
 * venue feed brings it to the cases whose stays used the room (venue-events.ts), and an import
 * of such a segment marks exactly those cases dirty (groups.ts) — also when it arrives after the
 * stay was judged — so the live engine keeps agreeing with a full re-evaluation.
 */
let db: Database;
let engine: RuleEngine;
before(async () => {
  db = await openTestDatabase();
  engine = new RuleEngine(db, { workers: 0 });
});
after(() => db.close());

const REF = '2025-01-01T00:00:00+08:00';
const attr = (name: string, time: string, value: string) => ({ name, time, value });
const rel = (objectId: string, qualifier: string) => ({ objectId, qualifier });
const object = (o: OcelObject) => ({ object: o });
const event = (e: OcelEvent) => ({ event: e });
const at = (local: string) => `2025-05-${local}+08:00`;
const UNIT = 'unit:705010000000';
const ROOM = 'venue:VM-ROOM';
const OTHER_ROOM = 'venue:VM-OTHER';
const CASE = 'case:VM1';
const SUSPECT = 'person:VM1S';

async function accept(name: string, records: Array<{ object: OcelObject } | { event: OcelEvent }>, rules = true): Promise<void> {
  const report = await importRecords(db, name, records, { rules });
  assert.equal(report.status, 'accepted', JSON.stringify(report.errors.slice(0, 3)));
}

/** A segment linked to a room only, uploaded at `uploaded`. */
const segment = (id: string, room: string, from: string, to: string, uploaded: string) => object({
  id, type: 'media', attributes: [attr('kind', uploaded, 'area_cctv'), attr('started_at', uploaded, from), attr('ended_at', uploaded, to)],
  relationships: [rel(room, 'venue')],
});

async function videoAlerts(): Promise<string[]> {
  const { rows } = await db.query<AlertRow>(`SELECT * FROM rule_alerts WHERE case_id = $1 AND rule_id = 'AREA_VIDEO_COVERAGE' AND status <> 'retracted' ORDER BY id`, [CASE]);
  return rows.map(alertFromRow).map((a) => `${a.level} ${a.status} due ${a.dueAt}${a.resolvedAt ? ` resolved ${a.resolvedAt}` : ''}`);
}

async function fullVideoAlerts(now: Date): Promise<string[]> {
  return (await alertsAsOf(db, now)).filter((a) => a.caseId === CASE && a.ruleId === 'AREA_VIDEO_COVERAGE')
    .map((a) => `${a.level} ${a.status} due ${a.dueAt}${a.resolvedAt ? ` resolved ${a.resolvedAt}` : ''}`);
}

test('a segment linked to the room only reaches the stay, late or not, and marks only the groups in its reach', async () => {
  await accept('vm_ref.jsonl', [
    object({ id: UNIT, type: 'unit', attributes: [attr('name', REF, '丙所'), attr('kind', REF, 'public_security'), attr('level', REF, 'station')], relationships: [] }),
    object({ id: ROOM, type: 'venue', attributes: [attr('name', REF, '讯问室'), attr('room_type', REF, 'interrogation_room')], relationships: [rel(UNIT, 'unit')] }),
    object({ id: OTHER_ROOM, type: 'venue', attributes: [attr('name', REF, '候问室'), attr('room_type', REF, 'holding_room')], relationships: [rel(UNIT, 'unit')] }),
  ]);
  const t0 = at('06T10:00:00');
  await accept('vm_case.jsonl', [
    object({ id: CASE, type: 'case', attributes: [attr('kind', t0, 'criminal'), attr('category', t0, '050200')], relationships: [rel(UNIT, 'unit')] }),
    object({ id: SUSPECT, type: 'person', attributes: [attr('name', t0, '某甲'), attr('role', t0, 'suspect')], relationships: [rel(CASE, 'case')] }),
    event({ id: 'vm:in', type: 'area.entered', time: t0, attributes: [{ name: 'source', value: 'positioning' }], relationships: [rel(SUSPECT, 'subject'), rel(ROOM, 'venue'), rel(CASE, 'case')] }),
    event({ id: 'vm:out', type: 'area.exited', time: at('06T12:00:00'), attributes: [{ name: 'exit_kind', value: 'final' }, { name: 'purpose', value: 'release' }], relationships: [rel(SUSPECT, 'subject'), rel(ROOM, 'venue'), rel(CASE, 'case')] }),
  ]);
  // Judged at the final exit + 24 h; no footage at all yet is a missing feed (§13): silent.
  const day8 = new Date(at('08T09:00:00'));
  assert.equal(await engine.processDirty(day8), 1);
  assert.deepEqual(await videoAlerts(), []);

  // Footage of the room only, covering 09:59–11:00 of 10:00–12:00, uploaded after the check.
  await accept('vm_media_1.jsonl', [segment('media:VM-A', ROOM, at('06T09:59:00'), at('06T11:00:00'), at('08T08:00:00'))]);
  assert.equal(await engine.processDirty(day8), 1, 'the case that used the room is marked');
  const due = new Date(at('07T12:00:00')).toISOString();
  assert.deepEqual(await videoAlerts(), [`overdue open due ${due}`]);
  assert.deepEqual(await fullVideoAlerts(day8), await videoAlerts());

  // Another room, or the same room beyond the reach (three days): no group to re-evaluate.
  await accept('vm_media_2.jsonl', [
    segment('media:VM-B', OTHER_ROOM, at('06T11:00:00'), at('06T12:00:00'), at('08T08:30:00')),
    segment('media:VM-C', ROOM, at('09T12:00:01'), at('09T13:00:00'), at('08T08:30:00')),
  ]);
  assert.equal(await engine.processDirty(day8), 0);
  assert.deepEqual(await videoAlerts(), [`overdue open due ${due}`]);

  // The missing hour arrives: the alert is closed as complied late, and the record kept.
  const uploaded = at('08T08:40:00');
  await accept('vm_media_3.jsonl', [segment('media:VM-D', ROOM, at('06T10:59:30'), at('06T12:00:30'), uploaded)]);
  assert.equal(await engine.processDirty(day8), 1);
  const closed = [`overdue complied_late due ${due} resolved ${new Date(uploaded).toISOString()}`];
  assert.deepEqual(await videoAlerts(), closed);
  assert.deepEqual(await fullVideoAlerts(day8), closed);
});

test('a segment just within the reach of a stay marks its case, one a millisecond further does not', async () => {
  // Ends exactly three days before the entry at 10:00 on the 6th: within reach (inclusive).
  await accept('vm_media_4.jsonl', [segment('media:VM-E', ROOM, at('03T09:00:00'), at('03T10:00:00'), at('08T08:50:00'))]);
  assert.equal(await engine.processDirty(new Date(at('08T09:00:00'))), 1);
  // A millisecond further away: out of reach.
  await accept('vm_media_5.jsonl', [segment('media:VM-F', ROOM, at('03T09:00:00'), '2025-05-03T09:59:59.999+08:00', at('08T08:55:00'))]);
  assert.equal(await engine.processDirty(new Date(at('08T09:00:00'))), 0);
});

test('footage imported with rules off is found once `shuju rules reevaluate` regroups the store', async () => {
  const caseId = 'case:VM2';
  const suspect = 'person:VM2S';
  const t0 = at('20T10:00:00');
  await accept('vm_off.jsonl', [
    object({ id: caseId, type: 'case', attributes: [attr('kind', t0, 'criminal'), attr('category', t0, '050200')], relationships: [rel(UNIT, 'unit')] }),
    object({ id: suspect, type: 'person', attributes: [attr('name', t0, '某乙'), attr('role', t0, 'suspect')], relationships: [rel(caseId, 'case')] }),
    event({ id: 'vm2:in', type: 'area.entered', time: t0, attributes: [], relationships: [rel(suspect, 'subject'), rel(OTHER_ROOM, 'venue'), rel(caseId, 'case')] }),
    event({ id: 'vm2:out', type: 'area.exited', time: at('20T12:00:00'), attributes: [{ name: 'exit_kind', value: 'final' }, { name: 'purpose', value: 'release' }], relationships: [rel(suspect, 'subject'), rel(OTHER_ROOM, 'venue'), rel(caseId, 'case')] }),
    segment('media:VM2-A', OTHER_ROOM, at('20T09:59:00'), at('20T11:00:00'), at('21T08:00:00')),
  ], false);
  const { rows: none } = await db.query(`SELECT * FROM venue_surveillance WHERE media_id = 'media:VM2-A'`);
  assert.equal(none.length, 0, 'an import with rules off marks nothing and indexes no footage');
  await db.transaction((tx) => regroupAll(tx));
  const now = new Date(at('22T09:00:00'));
  await engine.processDirty(now);
  const { rows } = await db.query<AlertRow>(`SELECT * FROM rule_alerts WHERE case_id = $1 AND rule_id = 'AREA_VIDEO_COVERAGE' AND status <> 'retracted'`, [caseId]);
  assert.deepEqual(rows.map(alertFromRow).map((a) => `${a.level} ${a.status} due ${a.dueAt}`), [`overdue open due ${new Date(at('21T12:00:00')).toISOString()}`]);
});
