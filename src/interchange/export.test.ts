import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { PassThrough } from 'node:stream';
import { text } from 'node:stream/consumers';
import { BRANCH, CASE_A, CASE_B, CITY, STATION_A, STATION_B, example121, seedCases, userAt } from '../cases/fixtures/load.js';
import { ocelValidator } from '../cases/fixtures/ocel-schema.js';
import type { Database } from '../db/database.js';
import { cliOperator, type Actor } from '../org/actor.js';
import { openTestDatabase } from '../testing/db.js';
import { ExportError, exportLog, writeExport, type ExportOptions } from './export.js';
import { importRecords } from './import.js';
import { attributeDef } from './registry.js';
import type { OcelLog } from './types.js';

const cli = cliOperator('cli:test');
const validate = ocelValidator();
const TIME = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d*[1-9])?\+08:00$/;

async function streamed(db: Database, actor: Actor, opts: ExportOptions): Promise<string> {
  const out = new PassThrough();
  const body = text(out);
  await writeExport(db, actor, opts, out);
  out.end();
  return body;
}

const ids = (log: OcelLog) => [...log.objects.map((o) => o.id), ...log.events.map((e) => e.id)];
const personAttr = (log: OcelLog, id: string, name: string) =>
  log.objects.find((o) => o.id === id)?.attributes?.find((a) => a.name === name)?.value;

describe('export', () => {
  let db: Database;
  const spec: OcelLog = JSON.parse(example121());
  before(async () => {
    db = await openTestDatabase();
    await seedCases(db);
    // A retraction, so that the export has to carry `revision` and `void`.
    const rights = spec.events.find((e) => e.id === 'ajgl:E0311-02')!;
    const r = await importRecords(db, 'ajgl_20250314T090000_0003.jsonl', [
      { event: { ...rights, attributes: [...rights.attributes!, { name: 'revision', value: '1' }, { name: 'void', value: 'true' }] } },
    ], { source: 'ajgl' });
    assert.equal(r.status, 'accepted', JSON.stringify(r.errors));
  });
  after(async () => db.close());

  it('is valid OCEL 2.0 JSON, whole and by case, as a value and as a stream', async () => {
    for (const opts of [{}, { caseId: CASE_A }, { caseId: CASE_B, unmasked: true }]) {
      const log = await exportLog(db, cli, opts);
      assert.deepEqual(validate(log), []);
      const body = await streamed(db, cli, opts);
      assert.deepEqual(JSON.parse(body), log, 'the stream writes the same log');
      assert.deepEqual(Object.keys(JSON.parse(body)), ['objectTypes', 'eventTypes', 'objects', 'events']);
    }
  });

  it('writes every value as a string and every time at +08:00', async () => {
    const log = await exportLog(db, cli, {});
    for (const o of log.objects) {
      for (const a of o.attributes ?? []) {
        assert.equal(typeof a.value, 'string');
        assert.match(a.time, TIME);
        if (attributeDef('object', o.type, a.name)?.type === 'time') assert.match(a.value, TIME, `${o.id}.${a.name}`);
      }
    }
    for (const e of log.events) {
      assert.match(e.time, TIME);
      for (const a of e.attributes ?? []) assert.equal(typeof a.value, 'string');
    }
    assert.equal(log.events.find((e) => e.id === 'baq:Q0312-4')!.time, '2025-03-12T10:40:00.25+08:00');
    assert.equal(personAttr(log, CASE_B, 'occurred_at'), '2025-03-12T08:50:00+08:00', 'a time value sent in UTC');
    const officer = log.objects.find((o) => o.id === 'officer:999101')!;
    assert.equal(officer.attributes![0].time, '1970-01-01T08:00:00+08:00', 'reference data valid from the start');
  });

  it('declares exactly the attributes used, with the registry\'s types', async () => {
    const log = await exportLog(db, cli, {});
    const used = new Map<string, Set<string>>();
    for (const r of [...log.objects.map((o) => ({ ...o, kind: 'object' })), ...log.events.map((e) => ({ ...e, kind: 'event' }))]) {
      const key = `${r.kind}:${r.type}`;
      const set = used.get(key) ?? new Set<string>();
      for (const a of r.attributes ?? []) set.add(a.name);
      used.set(key, set);
    }
    const declared = new Map([
      ...log.objectTypes.map((t) => [`object:${t.name}`, t] as const),
      ...log.eventTypes.map((t) => [`event:${t.name}`, t] as const),
    ]);
    assert.deepEqual([...declared.keys()].sort(), [...used.keys()].sort());
    for (const [key, t] of declared) assert.deepEqual(t.attributes.map((a) => a.name).sort(), [...used.get(key)!].sort(), key);
    const type = (kind: 'objectTypes' | 'eventTypes', name: string, attr: string) =>
      log[kind].find((t) => t.name === name)!.attributes.find((a) => a.name === attr)?.type;
    assert.equal(type('objectTypes', 'case', 'amount_involved'), 'float');
    assert.equal(type('objectTypes', 'document', 'issued_at'), 'time');
    assert.equal(type('objectTypes', 'document', 'pages'), 'integer');
    assert.equal(type('eventTypes', 'interrogation.started', 'av_recorded'), 'boolean');
    assert.equal(type('eventTypes', 'notice.served', 'revision'), 'integer');
    assert.equal(type('eventTypes', 'notice.served', 'void'), 'boolean');
    assert.equal(type('eventTypes', 'item.seized', 'x_batch'), 'string');
  });

  it('keeps attribute histories, relationships with qualifiers, and retracted events', async () => {
    const log = await exportLog(db, cli, { caseId: CASE_B });
    const reporter = log.objects.find((o) => o.id === 'person:A2503002-R2')!;
    assert.deepEqual(reporter.attributes!.filter((a) => a.name === 'role'), [
      { name: 'role', time: '2025-03-12T09:05:00+08:00', value: 'reporter' },
      { name: 'role', time: '2025-03-12T10:00:00+08:00', value: 'victim' },
    ]);
    assert.deepEqual(reporter.relationships, [
      { objectId: CASE_B, qualifier: 'case' },
      { objectId: 'incident:J2503120033', qualifier: 'incident' },
    ]);
    const a = await exportLog(db, cli, { caseId: CASE_A });
    const retracted = a.events.find((e) => e.id === 'ajgl:E0311-02')!;
    assert.deepEqual(retracted.attributes, [
      { name: 'notice_type', value: 'rights_notice' },
      { name: 'revision', value: '1' },
      { name: 'void', value: 'true' },
    ]);
    assert.deepEqual(a.events.map((e) => e.id), spec.events.map((e) => e.id), 'void events stay in the export, in time order');
    const detained = a.events.find((e) => e.id === 'ajgl:E0310-14')!;
    assert.deepEqual(detained.relationships, [
      { objectId: CASE_A, qualifier: 'case' },
      { objectId: 'document:A2503001-W4', qualifier: 'document' },
      { objectId: 'officer:999101', qualifier: 'officer' },
      { objectId: 'person:A2503001-R1', qualifier: 'subject' },
    ]);
  });

  it('exports exactly a case\'s closure', async () => {
    const log = await exportLog(db, cli, { caseId: CASE_A });
    assert.deepEqual(log.objects.map((o) => o.id), [
      CASE_A,
      ...[1, 2, 3, 4, 5, 6, 7, 8].map((n) => `document:A2503001-W${n}`),
      'incident:J2503100187',
      'media:BWC999101-0310205530',
      'officer:999002',
      'officer:999101',
      'person:A2503001-R1',
      'person:A2503001-R2',
      CITY, // above the branch: units carry their parents
      'unit:999900770000',
      BRANCH,
      STATION_A,
      'unit:999901900000',
      'venue:999901000000-XW01',
    ]);
    assert.equal(log.events.length, 14);
    assert.doesNotMatch(JSON.stringify(log), /A2503002|J2503120033|999901520000|9992\d\d/);
    const b = await exportLog(db, cli, { caseId: CASE_B });
    const bIds = b.events.map((e) => e.id);
    assert.ok(bIds.includes('baq:Q0312-3') && !bIds.includes('baq:Q0312-7'), 'room events during the stay only');
    assert.doesNotMatch(JSON.stringify(b), /A2503001|J2503100187|999901510000|999101/);
  });

  it('masks [S] fields unless an unmasked export is asked for and allowed', async () => {
    const masked = await exportLog(db, cli, {});
    assert.equal(personAttr(masked, 'person:A2503001-R1', 'id_number'), '000000********0011');
    assert.equal(personAttr(masked, 'person:A2503001-R2', 'phone'), '*******0000');
    assert.equal(personAttr(masked, 'incident:J2503120033', 'text'), '***');
    assert.doesNotMatch(JSON.stringify(masked), /000000199005010011|13000000000|13900001234|东关市场/);
    const clear = await exportLog(db, cli, { unmasked: true });
    assert.equal(personAttr(clear, 'person:A2503001-R1', 'id_number'), '000000199005010011');
    assert.equal(personAttr(clear, 'incident:J2503120033', 'text'), '报警人称在东关市场被人殴打');
    const admin = userAt(CITY, 'admin');
    await assert.rejects(exportLog(db, admin, { unmasked: true }), (e: unknown) => e instanceof ExportError && e.code === 'forbidden');
    const officer = userAt(STATION_A, 'legal_officer');
    const own = await exportLog(db, officer, { caseId: CASE_A, unmasked: true });
    assert.equal(personAttr(own, 'person:A2503001-R1', 'id_number'), '000000199005010011');
  });

  it('audits every export, saying whether it was unmasked', async () => {
    const officer = userAt(STATION_A, 'unit_head');
    await exportLog(db, officer, { caseId: CASE_A, unmasked: true });
    await exportLog(db, officer, {});
    const { rows } = await db.query<{ action: string; resource_id: string | null; detail: { unmasked: boolean } }>(
      'SELECT action, resource_id, detail FROM audit_log WHERE username = $1 ORDER BY id',
      [officer.username],
    );
    assert.deepEqual(rows.map((r) => [r.action, r.resource_id, r.detail.unmasked]), [
      ['export.case', CASE_A, true],
      ['export.log', null, false],
    ]);
  });

  it('gives an actor nothing of other units', async () => {
    const a = await exportLog(db, userAt(STATION_A), {});
    assert.deepEqual(validate(a), []);
    assert.ok(a.objects.some((o) => o.id === CASE_A));
    assert.equal(a.events.length, 14);
    assert.doesNotMatch(JSON.stringify(a), /A2503002|J2503120033|999901520000|9992\d\d/);
    const b = await exportLog(db, userAt(STATION_B), {});
    assert.ok(b.objects.some((o) => o.id === CASE_B));
    assert.doesNotMatch(JSON.stringify(b), /A2503001|J2503100187|999901510000|999101/);
    await assert.rejects(exportLog(db, userAt(STATION_B), { caseId: CASE_A }), (e: unknown) => e instanceof ExportError && e.code === 'not_found');
    const city = await exportLog(db, userAt(CITY, 'legal_officer'), {});
    assert.ok([CASE_A, CASE_B].every((id) => city.objects.some((o) => o.id === id)));
    assert.deepEqual(new Set(ids(city)), new Set(ids(await exportLog(db, cli, {}))), 'the city sees the whole demo store');
  });
});
