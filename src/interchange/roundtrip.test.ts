import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { PassThrough } from 'node:stream';
import { text } from 'node:stream/consumers';
import { example121, importOk, seedCases, sharedPath } from '../cases/fixtures/load.js';
import { ocelValidator } from '../cases/fixtures/ocel-schema.js';
import type { Database } from '../db/database.js';
import { cliOperator } from '../org/actor.js';
import { openTestDatabase } from '../testing/db.js';
import { writeExport, type ExportOptions } from './export.js';
import { importText } from './import.js';
import type { ImportProfile, OcelLog, OcelTypeDecl } from './types.js';

/**
 * Import → export → import → export: the export is the stored log again (same objects, types,
 * histories, relationships, events; times compared as instants), and exporting a re-imported
 * export gives the very same text.
 */

const cli = cliOperator('cli:test');
const validate = ocelValidator();

async function exportText(db: Database, opts: ExportOptions = {}): Promise<string> {
  const out = new PassThrough();
  const body = text(out);
  await writeExport(db, cli, opts, out);
  out.end();
  return body;
}

async function storeOf(logText: string, profile: ImportProfile): Promise<Database> {
  const db = await openTestDatabase();
  const r = await importText(db, { name: 'log.jsonocel', format: 'jsonocel', text: logText }, { profile });
  assert.equal(r.status, 'accepted', JSON.stringify(r.errors.slice(0, 5)));
  return db;
}

const instant = (t: string) => Date.parse(t);
const sorted = <T>(xs: T[]) => xs.map((x) => JSON.stringify(x)).sort();

/** A log in a comparable form: sets by id, multisets as sorted lists, times as instants. */
function normalise(log: OcelLog, timeTyped: (kind: 'object' | 'event', type: string, name: string) => boolean) {
  const value = (kind: 'object' | 'event', type: string, name: string, v: string) => (timeTyped(kind, type, name) ? instant(v) : v);
  const types = (ts: OcelTypeDecl[]) =>
    Object.fromEntries(ts.map((t) => [t.name, Object.fromEntries(t.attributes.map((a) => [a.name, a.type]))]));
  return {
    objectTypes: types(log.objectTypes),
    eventTypes: types(log.eventTypes),
    objects: Object.fromEntries(log.objects.map((o) => [o.id, {
      type: o.type,
      attributes: sorted((o.attributes ?? []).map((a) => [a.name, instant(a.time), value('object', o.type, a.name, a.value)])),
      relationships: sorted(o.relationships ?? []),
    }])),
    events: Object.fromEntries(log.events.map((e) => [e.id, {
      type: e.type,
      time: instant(e.time),
      attributes: sorted((e.attributes ?? []).map((a) => [a.name, value('event', e.type, a.name, a.value)])),
      relationships: sorted(e.relationships ?? []),
    }])),
  };
}

function declaredTime(log: OcelLog) {
  const time = new Set<string>();
  for (const [kind, ts] of [['object', log.objectTypes], ['event', log.eventTypes]] as const) {
    for (const t of ts) for (const a of t.attributes) if (a.type === 'time') time.add(`${kind}:${t.name}:${a.name}`);
  }
  return (kind: 'object' | 'event', type: string, name: string) => time.has(`${kind}:${type}:${name}`);
}

/** Imports `original`, checks the export is equivalent, and that export∘import is the identity. */
async function roundTrip(original: string, profile: ImportProfile): Promise<{ first: string; db: Database }> {
  const db = await storeOf(original, profile);
  const first = await exportText(db, { unmasked: true });
  const exported: OcelLog = JSON.parse(first);
  assert.deepEqual(validate(exported), []);
  const source: OcelLog = JSON.parse(original);
  assert.deepEqual(normalise(exported, declaredTime(source)), normalise(source, declaredTime(source)));
  const again = await storeOf(first, profile);
  try {
    assert.equal(await exportText(again, { unmasked: true }), first);
  } finally {
    await again.close();
  }
  return { first, db };
}

describe('round trip', () => {
  const opened: Database[] = [];
  after(async () => {
    for (const db of opened) await db.close();
  });

  it('the OCEL 2.0 standard example, imported under the generic profile', async () => {
    const original = readFileSync(sharedPath('data/ocel/ocel20_example.jsonocel'), 'utf8');
    const { first, db } = await roundTrip(original, 'ocel');
    opened.push(db);
    const log: OcelLog = JSON.parse(first);
    assert.equal(log.objects.length, 9);
    assert.equal(log.events.length, 13);
    const r3 = log.objects.find((o) => o.id === 'R3')!;
    assert.deepEqual(r3.attributes!.map((a) => a.value), ['No', 'Yes', 'No'], 'a history in time order');
    assert.deepEqual(log.events.map((e) => e.id), ['e1', 'e2', 'e3', 'e4', 'e5', 'e6', 'e7', 'e8', 'e9', 'e10', 'e11', 'e12', 'e13']);
  });

  it('the worked example of §12.1', async () => {
    const { first, db } = await roundTrip(example121(), 'shuju');
    opened.push(db);
    assert.equal(JSON.parse(first).events.length, 14);
  });

  it('a Shuju store with two cases, a revision and a retraction, and re-sending its export changes nothing', async () => {
    const db = await openTestDatabase();
    opened.push(db);
    await seedCases(db);
    const spec: OcelLog = JSON.parse(example121());
    const rights = spec.events.find((e) => e.id === 'ajgl:E0311-02')!;
    await importOk(db, 'fix.jsonocel', JSON.stringify({
      objectTypes: [],
      eventTypes: [{ name: 'notice.served', attributes: [{ name: 'notice_type', type: 'string' }, { name: 'revision', type: 'integer' }, { name: 'void', type: 'boolean' }] }],
      objects: [],
      events: [{ ...rights, attributes: [...rights.attributes!, { name: 'revision', value: '1' }, { name: 'void', value: 'true' }] }],
    }));
    const first = await exportText(db, { unmasked: true });
    const again = await storeOf(first, 'shuju');
    try {
      assert.equal(await exportText(again, { unmasked: true }), first);
    } finally {
      await again.close();
    }
    const resent = await importText(db, { name: 'resent.jsonocel', format: 'jsonocel', text: first }, {});
    assert.equal(resent.status, 'accepted');
    assert.equal(resent.counts.events_unchanged, resent.counts.events);
    assert.equal(resent.counts.events_new, 0);
    assert.equal(resent.counts.objects_new, 0);
    assert.equal(resent.counts.objects_updated, 0);
    // A masked export is for tools without the right to personal data; sent back, it must not
    // overwrite the real id numbers and phones with their masks: refused whole.
    const maskedBack = await importText(db, { name: 'masked.jsonocel', format: 'jsonocel', text: await exportText(db) }, {});
    assert.equal(maskedBack.status, 'rejected');
    assert.ok(maskedBack.errors.every((e) => e.code === 'attribute_type' && /masked value/.test(e.reason)), JSON.stringify(maskedBack.errors.slice(0, 3)));
    assert.equal(await exportText(db, { unmasked: true }), first, 'the store is unchanged');
  });

  it('a log larger than one page, with declared integer and time attributes of a foreign tool', async () => {
    const N = 2500;
    const log: OcelLog = {
      objectTypes: [{ name: 'Order', attributes: [{ name: 'amount', type: 'integer' }, { name: 'due', type: 'time' }] }],
      eventTypes: [{ name: 'Place Order', attributes: [{ name: 'clerk', type: 'string' }, { name: 'at', type: 'time' }] }],
      objects: Array.from({ length: N }, (_, i) => ({
        id: `O${i}`,
        type: 'Order',
        attributes: [
          { name: 'amount', time: '1970-01-01T00:00:00Z', value: String(i) },
          { name: 'due', time: '2024-05-01T10:00:00.123456Z', value: `2024-06-${String((i % 28) + 1).padStart(2, '0')}T00:00:00-05:00` },
        ],
        relationships: i > 0 ? [{ objectId: `O${i - 1}`, qualifier: 'follows' }] : [],
      })),
      events: Array.from({ length: N }, (_, i) => ({
        id: `E${i}`,
        type: 'Place Order',
        time: new Date(Date.UTC(2024, 4, 1) + (i % 100) * 1000).toISOString(),
        attributes: [{ name: 'clerk', value: `c${i % 7}` }, { name: 'at', value: '2024-05-01T00:00:00Z' }],
        relationships: [{ objectId: `O${i}`, qualifier: 'placed' }],
      })),
    };
    const { first, db } = await roundTrip(JSON.stringify(log), 'ocel');
    opened.push(db);
    const exported: OcelLog = JSON.parse(first);
    assert.deepEqual(exported.objectTypes, [{ name: 'Order', attributes: [{ name: 'amount', type: 'integer' }, { name: 'due', type: 'time' }] }]);
    assert.equal(exported.objects.find((o) => o.id === 'O0')!.attributes![1].time, '2024-05-01T18:00:00.123456+08:00');
    assert.equal(exported.objects.find((o) => o.id === 'O0')!.attributes![1].value, '2024-06-01T13:00:00+08:00');
    assert.equal(exported.events.length, N);
    for (let i = 1; i < N; i++) assert.ok(exported.events[i - 1].time <= exported.events[i].time);
  });
});
