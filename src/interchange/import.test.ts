import { after, before, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Database } from '../db/database.js';
import { openTestDatabase } from '../testing/db.js';
import { specExample } from '../testing/shared.js';
import { importFile, importText } from './import.js';
import type { ImportReport } from './types.js';

/** Row counts of every table an import writes: a rejected import must leave all unchanged. */
async function storeSnapshot(db: Database): Promise<Record<string, unknown>> {
  const tables = ['objects', 'object_attributes', 'object_attribute_replacements', 'object_relationships', 'events', 'event_objects', 'event_versions', 'unit_closure', 'declared_types'];
  const out: Record<string, unknown> = {};
  for (const t of tables) out[t] = (await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${t}`)).rows[0].n;
  out.attrs = (await db.query("SELECT string_agg(object_id || name || value, ',' ORDER BY object_id, name, time) AS s FROM object_attributes")).rows[0];
  out.events = (await db.query("SELECT string_agg(id || content_hash, ',' ORDER BY id) AS s FROM events")).rows[0];
  return out;
}

const jsonl = (...records: unknown[]) => records.map((r) => JSON.stringify(r)).join('\n') + '\n';
const NOW = new Date('2025-03-20T00:00:00+08:00');
const ev = (over: Record<string, unknown> = {}) => ({
  event: {
    id: 'ajgl:T-1',
    type: 'case.closed',
    time: '2025-03-15T10:00:00+08:00',
    relationships: [{ objectId: 'case:A2503001', qualifier: 'case' }],
    ...over,
  },
});
const person = (over: Record<string, unknown> = {}) => ({
  object: {
    id: 'person:A2503001-R9',
    type: 'person',
    attributes: [
      { name: 'name', time: '2025-03-10T22:30:00+08:00', value: '王某' },
      { name: 'role', time: '2025-03-10T22:30:00+08:00', value: 'witness' },
    ],
    relationships: [{ objectId: 'case:A2503001', qualifier: 'case' }],
    ...over,
  },
});

describe('import', () => {
  let db: Database;
  before(async () => {
    db = await openTestDatabase();
    const r = await importText(db, { name: 'jzgl_20250313T160000_1.jsonocel', format: 'jsonocel', text: specExample('12.1') }, { now: NOW });
    assert.equal(r.status, 'accepted', JSON.stringify(r.errors));
  });
  after(async () => db.close());

  it('imports the spec batch example with the counts it implies', async () => {
    const { rows } = await db.query<{ counts: Record<string, number> }>('SELECT counts FROM imports ORDER BY id LIMIT 1');
    assert.deepEqual(rows[0].counts, { objects: 20, events: 14, objects_new: 20, objects_updated: 0, events_new: 14, events_unchanged: 0, events_superseded: 0 });
  });

  it('imports the stream example after the batch as a no-op (§12.2)', async () => {
    const before = await storeSnapshot(db);
    const r = await importText(db, { name: 'baq.jsonl', format: 'jsonl', text: specExample('12.2') }, { now: NOW });
    assert.equal(r.status, 'accepted');
    assert.equal(r.counts.events_unchanged, 6);
    assert.equal(r.counts.events_new, 0);
    assert.equal(r.counts.objects_updated, 0);
    assert.deepEqual(await storeSnapshot(db), before);
  });

  describe('bad input: rejected whole, named precisely, store unchanged', () => {
    let snapshot: Record<string, unknown>;
    beforeEach(async () => {
      snapshot = await storeSnapshot(db);
    });
    const good = person({ id: 'person:A2503001-R8' }); // a valid record that must not land either

    const cases: { name: string; code: string; text: string; format?: 'jsonl' | 'jsonocel'; line?: number; record?: string; field?: string }[] = [
      { name: 'broken JSON line', code: 'malformed_json', text: jsonl(good) + '{"event": {"id": \n', line: 2 },
      { name: 'line that is neither object nor event', code: 'record_kind', text: jsonl(good, { thing: {} }), line: 2 },
      { name: 'line with both object and event', code: 'record_kind', text: jsonl(good, { object: {}, event: {} }), line: 2 },
      { name: 'a line whose event is null', code: 'record_kind', text: jsonl(good, { event: null }), line: 2 },
      { name: 'event without time', code: 'missing_field', text: jsonl(good, ev({ time: undefined })), line: 2, field: '/event/time' },
      { name: 'relationship without qualifier', code: 'missing_field', text: jsonl(good, ev({ relationships: [{ objectId: 'case:A2503001' }] })), field: '/event/relationships/0/qualifier' },
      { name: 'object id with a space', code: 'id_format', text: jsonl(good, person({ id: 'person:A 1' })), field: '/object/id' },
      { name: 'event id without source prefix', code: 'id_format', text: jsonl(good, ev({ id: 'T-1' })), field: '/event/id' },
      { name: 'id prefix naming another type', code: 'object_type_conflict', text: jsonl(good, person({ id: 'item:A2503001-X' })), field: '/object/id' },
      { name: 'stored object sent as another type', code: 'object_type_conflict', text: jsonl(good, { object: { id: 'case:A2503001', type: 'person' } }) },
      { name: 'unknown event type', code: 'unknown_type', text: jsonl(good, ev({ type: 'case.exploded' })), field: '/event/type' },
      { name: 'unknown attribute', code: 'unknown_attribute', text: jsonl(good, ev({ attributes: [{ name: 'colour', value: 'red' }] })), field: '/event/attributes/0/name' },
      { name: 'required attribute absent', code: 'missing_attribute', text: jsonl(good, ev({ type: 'incident.closed', relationships: [{ objectId: 'incident:J2503100187', qualifier: 'incident' }] })) },
      { name: 'required object attribute absent after merge', code: 'missing_attribute', text: jsonl(person({ attributes: [{ name: 'name', time: '2025-03-10T22:30:00+08:00', value: '王某' }] })) },
      { name: 'integer that does not parse', code: 'attribute_type', text: jsonl({ object: { id: 'document:A2503001-W6', type: 'document', attributes: [{ name: 'pages', time: '2025-03-11T02:10:00+08:00', value: 'six' }] } }), field: '/object/attributes/0/value' },
      { name: 'a masked id number sent back', code: 'attribute_type', text: jsonl(person({ attributes: [{ name: 'name', time: '2025-03-10T22:30:00+08:00', value: '王某' }, { name: 'role', time: '2025-03-10T22:30:00+08:00', value: 'witness' }, { name: 'id_number', time: '2025-03-10T22:30:00+08:00', value: '370502********0011' }] })), field: '/object/attributes/2/value' },
      { name: 'value outside its list', code: 'enum_value', text: jsonl(ev({ type: 'incident.closed', attributes: [{ name: 'nature', value: 'weird' }], relationships: [{ objectId: 'incident:J2503100187', qualifier: 'incident' }] })), line: 1 },
      { name: 'time without offset', code: 'time_without_offset', text: jsonl(good, ev({ time: '2025-03-11T00:30:00' })), field: '/event/time' },
      { name: 'impossible date', code: 'invalid_time', text: jsonl(ev({ time: '2025-02-30T10:00:00+08:00' })) },
      { name: 'time in the future', code: 'future_time', text: jsonl(ev({ time: '2025-03-20T00:11:00+08:00' })) },
      { name: 'qualifier outside the vocabulary', code: 'unknown_qualifier', text: jsonl(ev({ relationships: [{ objectId: 'case:A2503001', qualifier: 'boss' }] })) },
      { name: 'required relationship absent', code: 'missing_relationship', text: jsonl(ev({ type: 'case.accepted', relationships: [{ objectId: 'case:A2503001', qualifier: 'case' }] })) },
      { name: 'two cases on one event', code: 'relationship_cardinality', text: jsonl(ev({ relationships: [{ objectId: 'case:A2503001', qualifier: 'case' }, { objectId: 'case:A2503001', qualifier: 'case' }] })) },
      { name: 'a document of two cases', code: 'relationship_cardinality', text: jsonl({ object: { id: 'document:A2503001-W9', type: 'document', attributes: [{ name: 'doc_type', time: '2025-03-11T00:00:00+08:00', value: '询问笔录' }], relationships: [{ objectId: 'case:A2503001', qualifier: 'case' }, { objectId: 'case:A2503002', qualifier: 'case' }] } }, { object: { id: 'case:A2503002', type: 'case', attributes: [{ name: 'kind', time: '2025-03-11T00:00:00+08:00', value: 'criminal' }, { name: 'category', time: '2025-03-11T00:00:00+08:00', value: '050200' }], relationships: [{ objectId: 'unit:999901510000', qualifier: 'unit' }] } }) },
      { name: 'a stored document given a second case', code: 'relationship_cardinality', text: jsonl({ object: { id: 'document:A2503001-W1', type: 'document', relationships: [{ objectId: 'case:A2503009', qualifier: 'case' }] } }, { object: { id: 'case:A2503009', type: 'case', attributes: [{ name: 'kind', time: '2025-03-11T00:00:00+08:00', value: 'criminal' }, { name: 'category', time: '2025-03-11T00:00:00+08:00', value: '050200' }], relationships: [{ objectId: 'unit:999901510000', qualifier: 'unit' }] } }) },
      { name: 'qualifier aimed at the wrong type', code: 'relationship_target_type', text: jsonl(ev({ relationships: [{ objectId: 'person:A2503001-R1', qualifier: 'case' }] })) },
      { name: 'reference to nothing', code: 'unknown_object', text: jsonl(ev({ relationships: [{ objectId: 'case:NOPE', qualifier: 'case' }] })), field: '/event/relationships/0/objectId' },
      { name: 'stored event re-sent changed without revision', code: 'duplicate_conflict', text: jsonl(ev({ id: 'ajgl:E0310-13', type: 'case.filed', time: '2025-03-10T23:21:00+08:00' })) },
      { name: 'stored event re-sent changed with an old revision', code: 'stale_revision', text: jsonl(ev({ id: 'ajgl:E0310-13', type: 'case.filed', time: '2025-03-10T23:21:00+08:00', attributes: [{ name: 'revision', value: '0' }] })) },
      { name: 'one id twice with different content', code: 'duplicate_in_batch', text: jsonl(ev(), ev({ time: '2025-03-15T11:00:00+08:00' })), line: 2 },
      { name: 'a NUL character in a value', code: 'attribute_type', text: jsonl(ev({ attributes: [{ name: 'x_note', value: 'a\u0000b' }] })) },
      { name: 'a revision beyond the integer range', code: 'attribute_type', text: jsonl(ev({ attributes: [{ name: 'revision', value: '2147483648' }] })), field: '/event/attributes/0/value' },
      { name: 'an infinite float', code: 'attribute_type', text: jsonl({ object: { id: 'case:A2503001', type: 'case', attributes: [{ name: 'amount_involved', time: '2025-03-11T00:00:00+08:00', value: '1e999' }] } }) },
      { name: 'a time value without offset', code: 'time_without_offset', text: jsonl({ object: { id: 'case:A2503001', type: 'case', attributes: [{ name: 'occurred_at', time: '2025-03-11T00:00:00+08:00', value: '2025-03-10T20:00:00' }] } }), field: '/object/attributes/0/value' },
      { name: 'a time value that is no date', code: 'invalid_time', text: jsonl({ object: { id: 'case:A2503001', type: 'case', attributes: [{ name: 'occurred_at', time: '2025-03-11T00:00:00+08:00', value: '2025-13-10T20:00:00+08:00' }] } }) },
      { name: 'extra top-level key', code: 'malformed_json', format: 'jsonocel', text: JSON.stringify({ objectTypes: [], eventTypes: [], objects: [], events: [], extra: 1 }) },
      { name: 'undeclared type', code: 'type_not_declared', format: 'jsonocel', text: JSON.stringify({ objectTypes: [], eventTypes: [], objects: [], events: [ev().event] }), record: 'events[0]' },
      { name: 'attribute declared with another type', code: 'declaration_mismatch', format: 'jsonocel', text: JSON.stringify({ objectTypes: [{ name: 'document', attributes: [{ name: 'pages', type: 'string' }] }], eventTypes: [], objects: [], events: [] }), field: '/objectTypes/0/attributes/0/type' },
    ];
    for (const c of cases) {
      it(`${c.code}: ${c.name}`, async () => {
        const r: ImportReport = await importText(db, { name: `bad.${c.format ?? 'jsonl'}`, format: c.format ?? 'jsonl', text: c.text }, { now: NOW });
        assert.equal(r.status, 'rejected');
        const hit = r.errors.find((e) => e.code === c.code);
        assert.ok(hit, `expected ${c.code}, got ${JSON.stringify(r.errors)}`);
        assert.ok(hit.reason.length > 5);
        if (c.line !== undefined) assert.equal(hit.line, c.line);
        if (c.record !== undefined) assert.equal(hit.record, c.record);
        if (c.field !== undefined) assert.equal(hit.field, c.field);
        assert.deepEqual(await storeSnapshot(db), snapshot, 'a rejected import changed the store');
      });
    }

    it('import_too_large: a file over the limit', async () => {
      const dir = mkdtempSync(join(tmpdir(), 'shuju-'));
      const path = join(dir, 'big.jsonl');
      writeFileSync(path, jsonl(good, good, good));
      const r = await importFile(db, path, { now: NOW, maxBytes: 100 });
      assert.equal(r.status, 'rejected');
      assert.equal(r.errors[0].code, 'import_too_large');
      assert.deepEqual(await storeSnapshot(db), snapshot);
    });

    it('reports every error with the spec report shape and masks personal data', async () => {
      const bad = person({ attributes: [{ name: 'name', time: '2025-03-10T22:30:00+08:00', value: '王某' }, { name: 'role', time: '2025-03-10T22:30:00+08:00', value: 'witness' }, { name: 'id_number', time: '2025-03-10T22:30:00+08:00', value: 'ID' }] });
      // a native JSON number where a string is due: rejected, and the number must not be echoed
      const text = jsonl(good, bad, ev({ id: 'baq:XW0311-1', time: '2025-03-11T00:30:00' })).replace('"ID"', '370502199001010011');
      const r = await importText(db, { name: 'baq_20250311T021500_0007.jsonl', format: 'jsonl', text }, { now: NOW });
      assert.equal(r.errors.length, 2);
      assert.deepEqual(Object.keys(r.errors[1]), ['line', 'kind', 'id', 'field', 'code', 'reason']);
      assert.deepEqual(r.errors[1], { line: 3, kind: 'event', id: 'baq:XW0311-1', field: '/event/time', code: 'time_without_offset', reason: '"2025-03-11T00:30:00" has no UTC offset' });
      assert.equal(r.errors[0].code, 'attribute_type');
      assert.ok(!JSON.stringify(r).includes('370502199001010011'), 'id number leaked into the report');
      assert.match(r.errors[0].reason, /370502\*+\d{4}/);
      assert.deepEqual(await storeSnapshot(db), snapshot);
    });

    it('lists the store-level errors of every record, not only the first', async () => {
      const r = await importText(db, { name: 'three.jsonl', format: 'jsonl', text: jsonl(
        ev({ id: 'ajgl:U-1', relationships: [{ objectId: 'case:NOPE', qualifier: 'case' }] }),
        ev({ id: 'ajgl:E0310-13', type: 'case.filed', time: '2025-03-10T23:21:00+08:00' }),
        ev({ id: 'ajgl:U-3', relationships: [{ objectId: 'person:A2503001-R1', qualifier: 'case' }] }),
      ) }, { now: NOW });
      assert.deepEqual(r.errors.map((e) => [e.line, e.code]), [[1, 'unknown_object'], [2, 'duplicate_conflict'], [3, 'relationship_target_type']]);
      assert.deepEqual(await storeSnapshot(db), snapshot);
    });

    it('does not echo the input in a JSON syntax error', async () => {
      const r = await importText(db, { name: 'syntax.jsonl', format: 'jsonl', text: '{"object": {"id": "person:X", "phone": #13912345678}}\n' }, { now: NOW });
      assert.equal(r.errors[0].code, 'malformed_json');
      assert.ok(!r.errors[0].reason.includes('1391234'), r.errors[0].reason);
    });

    it('caps the report at 1,000 errors and says how many more', async () => {
      const lines = Array.from({ length: 1200 }, (_, i) => ev({ id: `ajgl:bad-${i}`, time: 'yesterday' }));
      const r = await importText(db, { name: 'many.jsonl', format: 'jsonl', text: jsonl(...lines) }, { now: NOW });
      assert.equal(r.errors.length, 1000);
      assert.equal(r.errorsTruncated, 200);
    });
  });

  describe('identity and history', () => {
    it('tolerates CRLF, a BOM, empty lines (still counted) and native JSON numbers', async () => {
      const text = '\ufeff' + jsonl(person({ id: 'person:A2503001-R7' })).replace('\n', '\r\n') + '\r\n\r\n' + jsonl(ev({ id: 'ajgl:T-num', time: 'bad' }));
      const r = await importText(db, { name: 'crlf.jsonl', format: 'jsonl', text }, { now: NOW });
      assert.equal(r.errors[0].line, 4);
      const ok = await importText(db, { name: 'crlf.jsonl', format: 'jsonl', text: '\ufeff' + jsonl(person({ id: 'person:A2503001-R7' })).replace('\n', '\r\n') }, { now: NOW });
      assert.equal(ok.status, 'accepted', JSON.stringify(ok.errors));
      const num = await importText(db, { name: 'num.jsonl', format: 'jsonl', text: jsonl({ object: { id: 'document:A2503001-W6', type: 'document', attributes: [{ name: 'copies', time: '2025-03-11T02:10:00+08:00', value: 3 }] } }) }, { now: NOW });
      assert.equal(num.status, 'accepted', JSON.stringify(num.errors));
    });

    it('keeps years before 100 as they are, and takes undeclared x_ numbers as text', async () => {
      const r = await importText(db, { name: 'x.jsonl', format: 'jsonl', text: jsonl(ev({ id: 'ajgl:X-1', attributes: [{ name: 'x_count', value: 5 }, { name: 'x_flag', value: true }] })) }, { now: NOW });
      assert.equal(r.status, 'accepted', JSON.stringify(r.errors));
      const old = await importText(db, { name: 'y.jsonl', format: 'jsonl', text: jsonl({ object: { id: 'case:A2503001', type: 'case', attributes: [{ name: 'x_legacy', time: '0025-03-10T00:00:00Z', value: 'old' }] } }) }, { now: NOW });
      assert.equal(old.status, 'accepted', JSON.stringify(old.errors));
      const { rows } = await db.query<{ y: number }>("SELECT extract(year FROM time AT TIME ZONE 'UTC')::int AS y FROM object_attributes WHERE name = 'x_legacy'");
      assert.equal(rows[0].y, 25);
    });

    it('a retraction need not repeat the retracted event', async () => {
      const r = await importText(db, { name: 'void.jsonl', format: 'jsonl', text: jsonl({ event: { id: 'ajgl:E0310-14', type: 'person.detained', time: '2025-03-10T23:40:00+08:00', attributes: [{ name: 'revision', value: '1' }, { name: 'void', value: 'true' }] } }) }, { now: NOW });
      assert.equal(r.status, 'accepted', JSON.stringify(r.errors));
      assert.equal(r.counts.events_superseded, 1);
    });

    it('an empty file is valid and imports nothing', async () => {
      const r = await importText(db, { name: 'empty.jsonocel', format: 'jsonocel', text: '' }, { now: NOW });
      assert.equal(r.status, 'accepted');
      assert.equal(r.counts.objects + r.counts.events, 0);
    });

    it('a greater revision supersedes and keeps the old version; void retracts', async () => {
      const v1 = ev({ id: 'ajgl:REV-1', time: '2025-03-15T10:00:00+08:00' });
      assert.equal((await importText(db, { name: 'r.jsonl', format: 'jsonl', text: jsonl(v1) }, { now: NOW })).status, 'accepted');
      const v2 = ev({ id: 'ajgl:REV-1', time: '2025-03-15T10:05:00+08:00', attributes: [{ name: 'revision', value: '1' }] });
      const r2 = await importText(db, { name: 'r.jsonl', format: 'jsonl', text: jsonl(v2) }, { now: NOW });
      assert.equal(r2.counts.events_superseded, 1);
      const cur = await db.query<{ time: Date; revision: number }>("SELECT time, revision FROM events WHERE id = 'ajgl:REV-1'");
      assert.equal(new Date(cur.rows[0].time).toISOString(), '2025-03-15T02:05:00.000Z');
      const old = await db.query<{ revision: number; relationships: unknown[] }>("SELECT revision, relationships FROM event_versions WHERE event_id = 'ajgl:REV-1'");
      assert.equal(old.rows.length, 1);
      assert.equal(old.rows[0].revision, 0);
      assert.deepEqual(old.rows[0].relationships, [{ objectId: 'case:A2503001', qualifier: 'case' }]);
      // same revision again, identical: unchanged; the same revision with other content: stale
      assert.equal((await importText(db, { name: 'r.jsonl', format: 'jsonl', text: jsonl(v2) }, { now: NOW })).counts.events_unchanged, 1);
      const v3 = ev({ id: 'ajgl:REV-1', time: '2025-03-15T10:05:00+08:00', attributes: [{ name: 'revision', value: '2' }, { name: 'void', value: 'true' }] });
      await importText(db, { name: 'r.jsonl', format: 'jsonl', text: jsonl(v3) }, { now: NOW });
      const voided = await db.query<{ void: boolean }>("SELECT void FROM events WHERE id = 'ajgl:REV-1'");
      assert.equal(voided.rows[0].void, true);
      assert.equal((await db.query("SELECT 1 FROM event_versions WHERE event_id = 'ajgl:REV-1'")).rows.length, 2);
    });

    it('an event keeps its relationships as sent beside event_objects; a revision replaces both', async () => {
      const rels = (...pairs: [string, string][]) => pairs.map(([qualifier, objectId]) => ({ objectId, qualifier }));
      const stored = async () => {
        const e = await db.query<{ relationships: unknown }>("SELECT relationships FROM events WHERE id = 'ajgl:REL-1'");
        const eo = await db.query<{ q: string; id: string }>("SELECT qualifier AS q, object_id AS id FROM event_objects WHERE event_id = 'ajgl:REL-1' ORDER BY ctid");
        return { inline: e.rows[0].relationships, index: eo.rows.map((r) => [r.q, r.id]) };
      };
      // Not in any sorted order: the order sent is what `target(e, q)` sees.
      const v1 = ev({ id: 'ajgl:REL-1', relationships: rels(['subject', 'person:A2503001-R2'], ['officer', 'officer:999101'], ['case', 'case:A2503001'], ['subject', 'person:A2503001-R1']) });
      assert.equal((await importText(db, { name: 'rel.jsonl', format: 'jsonl', text: jsonl(v1) }, { now: NOW })).status, 'accepted');
      const first = [['subject', 'person:A2503001-R2'], ['officer', 'officer:999101'], ['case', 'case:A2503001'], ['subject', 'person:A2503001-R1']];
      assert.deepEqual(await stored(), { inline: first, index: first });
      const v2 = ev({ id: 'ajgl:REL-1', attributes: [{ name: 'revision', value: '1' }], relationships: rels(['case', 'case:A2503001'], ['subject', 'person:A2503001-R1']) });
      assert.equal((await importText(db, { name: 'rel.jsonl', format: 'jsonl', text: jsonl(v2) }, { now: NOW })).counts.events_superseded, 1);
      const second = [['case', 'case:A2503001'], ['subject', 'person:A2503001-R1']];
      assert.deepEqual(await stored(), { inline: second, index: second });
    });

    it('a changed value at an existing attribute time replaces it and keeps the old value', async () => {
      const doc = (pages: string) => jsonl({ object: { id: 'document:A2503001-W6', type: 'document', attributes: [{ name: 'pages', time: '2025-03-11T02:10:00+08:00', value: pages }] } });
      const r = await importText(db, { name: 'p.jsonl', format: 'jsonl', text: doc('7') }, { now: NOW });
      assert.equal(r.counts.objects_updated, 1);
      const cur = await db.query<{ value: string }>("SELECT value FROM object_attributes WHERE object_id = 'document:A2503001-W6' AND name = 'pages'");
      assert.deepEqual(cur.rows.map((x) => x.value), ['7']);
      const rep = await db.query<{ old_value: string; new_value: string }>("SELECT old_value, new_value FROM object_attribute_replacements WHERE object_id = 'document:A2503001-W6'");
      assert.deepEqual(rep.rows, [{ old_value: '6', new_value: '7' }]);
      // another spelling of the same integer is no change
      assert.equal((await importText(db, { name: 'p.jsonl', format: 'jsonl', text: doc('+7') }, { now: NOW })).counts.objects_updated, 0);
    });

    it('a later attribute entry joins the history; single-valued relationships take the latest', async () => {
      const move = jsonl({ object: { id: 'case:A2503001', type: 'case', attributes: [{ name: 'title', time: '2025-03-14T09:00:00+08:00', value: '电动车被盗案' }], relationships: [{ objectId: 'unit:999901000000', qualifier: 'unit' }] } });
      const r = await importText(db, { name: 'm.jsonl', format: 'jsonl', text: move }, { now: NOW });
      assert.equal(r.status, 'accepted', JSON.stringify(r.errors));
      const units = await db.query<{ target_id: string }>("SELECT target_id FROM object_relationships WHERE source_id = 'case:A2503001' AND qualifier = 'unit'");
      assert.deepEqual(units.rows.map((x) => x.target_id), ['unit:999901000000']);
      // derived scope follows the case to its new unit, persons and documents too
      const owned = await db.query<{ unit_id: string }>("SELECT DISTINCT unit_id FROM objects WHERE id = 'case:A2503001' OR case_id = 'case:A2503001'");
      assert.deepEqual(owned.rows.map((x) => x.unit_id), ['unit:999901000000']);
    });
  });
});
