import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Database } from '../db/database.js';
import { openTestDatabase } from '../testing/db.js';
import { importText } from './import.js';

/**
 * Imports larger than one processing chunk (5,000 records): references forward across chunks,
 * objects sent in several parts, and all-or-nothing when the error comes late.
 */
const NOW = new Date('2026-01-01T00:00:00+08:00');
const jsonl = (records: unknown[]) => records.map((r) => JSON.stringify(r)).join('\n') + '\n';
const attr = (name: string, value: string) => ({ name, time: '2025-05-01T08:00:00+08:00', value });
const unit = { object: { id: 'unit:370500000000', type: 'unit', attributes: [attr('name', '市局'), attr('kind', 'public_security'), attr('level', 'city')] } };
const station = { object: { id: 'unit:370502510000', type: 'unit', attributes: [attr('name', '派出所'), attr('kind', 'public_security'), attr('level', 'station')], relationships: [{ objectId: 'unit:370500000000', qualifier: 'parent' }] } };
const caseObj = (k: number) => ({ object: { id: `case:C${k}`, type: 'case', attributes: [attr('kind', 'criminal'), attr('category', '050200')], relationships: [{ objectId: 'unit:370502510000', qualifier: 'unit' }] } });
const closed = (k: number, time = '2025-06-01T10:00:00+08:00') => ({ event: { id: `ajgl:X${k}`, type: 'case.closed', time, relationships: [{ objectId: `case:C${k}`, qualifier: 'case' }] } });
const personOf = (k: number) => ({ object: { id: `person:C${k}-R1`, type: 'person', attributes: [attr('name', '某某'), attr('role', 'victim')], relationships: [{ objectId: `case:C${k}`, qualifier: 'case' }] } });

async function count(db: Database, table: string): Promise<number> {
  return (await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`)).rows[0].n;
}

describe('import across chunks', () => {
  let db: Database;
  before(async () => {
    db = await openTestDatabase();
  });
  after(async () => db.close());

  it('resolves references to objects that come later in the file, and derives their scope', async () => {
    const n = 6000;
    // persons and events first, their cases and units last: every reference points forward
    const records = [
      ...Array.from({ length: n }, (_, k) => personOf(k)),
      ...Array.from({ length: n }, (_, k) => closed(k)),
      ...Array.from({ length: n }, (_, k) => caseObj(k)),
      station,
      unit,
    ];
    const r = await importText(db, { name: 'forward.jsonl', format: 'jsonl', text: jsonl(records) }, { now: NOW });
    assert.equal(r.status, 'accepted', JSON.stringify(r.errors.slice(0, 3)));
    assert.equal(r.counts.objects_new, 2 * n + 2);
    assert.equal(r.counts.events_new, n);
    const { rows } = await db.query<{ unit_id: string | null; n: number }>(
      "SELECT unit_id, count(*)::int AS n FROM objects WHERE type IN ('person', 'case') GROUP BY unit_id",
    );
    assert.deepEqual(rows, [{ unit_id: 'unit:370502510000', n: 2 * n }]);
  });

  it('merges an object sent in two parts in different chunks, judging it whole', async () => {
    const partial = { object: { id: 'case:SPLIT', type: 'case', attributes: [attr('kind', 'criminal')] } };
    const rest = { object: { id: 'case:SPLIT', type: 'case', attributes: [attr('category', '050200')], relationships: [{ objectId: 'unit:370502510000', qualifier: 'unit' }] } };
    const filler = Array.from({ length: 5200 }, (_, k) => closed(k, '2025-06-02T10:00:00+08:00')).map((e, k) => ({ event: { ...e.event, id: `ajgl:F${k}` } }));
    const r = await importText(db, { name: 'split.jsonl', format: 'jsonl', text: jsonl([partial, ...filler, rest]) }, { now: NOW });
    assert.equal(r.status, 'accepted', JSON.stringify(r.errors.slice(0, 3)));
    assert.equal(r.counts.objects_new, 1);
    const unitOf = await db.query<{ unit_id: string }>("SELECT unit_id FROM objects WHERE id = 'case:SPLIT'");
    assert.equal(unitOf.rows[0].unit_id, 'unit:370502510000');
    const missing = await importText(db, { name: 'half.jsonl', format: 'jsonl', text: jsonl([{ object: { ...partial.object, id: 'case:HALF' } }]) }, { now: NOW });
    assert.equal(missing.status, 'rejected');
    assert.deepEqual(missing.errors.map((e) => e.code).sort(), ['missing_attribute', 'missing_relationship']);
  });

  it('rejects the whole file when the only error is in its last chunk, and stores nothing', async () => {
    const before = [await count(db, 'objects'), await count(db, 'events'), await count(db, 'object_attributes')];
    const records = [...Array.from({ length: 7000 }, (_, k) => caseObj(100_000 + k)), closed(999_999)];
    const r = await importText(db, { name: 'late-error.jsonl', format: 'jsonl', text: jsonl(records) }, { now: NOW });
    assert.equal(r.status, 'rejected');
    assert.deepEqual(r.errors.map((e) => [e.line, e.code]), [[7001, 'unknown_object']]);
    assert.deepEqual([await count(db, 'objects'), await count(db, 'events'), await count(db, 'object_attributes')], before);
  });

  it('tells an identical repeat across chunks from a conflicting one', async () => {
    const filler = Array.from({ length: 5100 }, (_, k) => ({ event: { ...closed(k, '2025-06-03T10:00:00+08:00').event, id: `ajgl:G${k}` } }));
    const same = await importText(db, { name: 'same.jsonl', format: 'jsonl', text: jsonl([closed(1, '2025-06-04T10:00:00+08:00'), ...filler, closed(1, '2025-06-04T10:00:00+08:00')].map((e, i) => (i === 0 || i === 5101 ? { event: { ...e.event, id: 'ajgl:REP' } } : e))) }, { now: NOW });
    assert.equal(same.status, 'accepted', JSON.stringify(same.errors.slice(0, 3)));
    const other = await importText(db, { name: 'other.jsonl', format: 'jsonl', text: jsonl([{ event: { ...closed(1, '2025-06-05T10:00:00+08:00').event, id: 'ajgl:REP2' } }, ...filler.map((e) => ({ event: { ...e.event, id: `${e.event.id}b` } })), { event: { ...closed(1, '2025-06-05T11:00:00+08:00').event, id: 'ajgl:REP2' } }]) }, { now: NOW });
    assert.equal(other.status, 'rejected');
    assert.deepEqual(other.errors.map((e) => [e.line, e.code]), [[5102, 'duplicate_in_batch']]);
  });

  it('runs many imports at once without exhausting the connection pool', { timeout: 60_000 }, async () => {
    const reports = await Promise.all(Array.from({ length: 20 }, (_, k) =>
      importText(db, { name: `par-${k}.jsonl`, format: 'jsonl', text: jsonl([{ event: { ...closed(k, '2025-06-06T10:00:00+08:00').event, id: `ajgl:PAR-${k}` } }]) }, { now: NOW })));
    assert.deepEqual(reports.map((r) => r.status), Array(20).fill('accepted'));
    assert.equal(await count(db, "events WHERE id LIKE 'ajgl:PAR-%'"), 20);
  });
});
