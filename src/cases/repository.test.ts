import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Database } from '../db/database.js';
import { cliOperator } from '../org/actor.js';
import { openTestDatabase } from '../testing/db.js';
import { BRANCH, CASE_A, CASE_B, CITY, STATION_A, STATION_B, seedCases, userAt } from './fixtures/load.js';
import { getCase, listCases } from './repository.js';

const cli = cliOperator('cli:test');
const all = { page: 1, pageSize: 50 };

describe('case repository', () => {
  let db: Database;
  before(async () => {
    db = await openTestDatabase();
    await seedCases(db);
  });
  after(async () => db.close());

  it('lists cases newest first with stage, dates and unit derived from events', async () => {
    const { items, total } = await listCases(db, cli, all);
    assert.equal(total, 2);
    assert.deepEqual(items, [
      {
        id: CASE_B, kind: 'administrative', category: 'ZA0301', title: '孙某殴打他人案',
        unitId: STATION_B, unitName: '东关派出所',
        acceptedAt: '2025-03-12T10:00:00+08:00', filedAt: null, closedAt: '2025-03-13T16:00:00+08:00',
        stage: 'case.closed', stageLabel: '结案', status: 'closed',
      },
      {
        id: CASE_A, kind: 'criminal', category: '050200', title: '盗窃罪',
        unitId: STATION_A, unitName: '新华派出所',
        acceptedAt: '2025-03-10T22:30:00+08:00', filedAt: '2025-03-10T23:20:00+08:00', closedAt: null,
        stage: 'case.filed', stageLabel: '立案', status: 'open',
      },
    ]);
  });

  it('filters by kind, status, unit and search text', async () => {
    const ids = async (f: Partial<Parameters<typeof listCases>[2]>, actor = cli) =>
      (await listCases(db, actor, { ...all, ...f })).items.map((c) => c.id);
    assert.deepEqual(await ids({ kind: 'criminal' }), [CASE_A]);
    assert.deepEqual(await ids({ kind: 'administrative' }), [CASE_B]);
    assert.deepEqual(await ids({ status: 'open' }), [CASE_A]);
    assert.deepEqual(await ids({ status: 'closed' }), [CASE_B]);
    assert.deepEqual(await ids({ unitId: STATION_A }), [CASE_A]);
    assert.deepEqual(await ids({ unitId: BRANCH }), [CASE_B, CASE_A]);
    assert.deepEqual(await ids({ q: '殴打' }), [CASE_B]);
    assert.deepEqual(await ids({ q: 'a2503001' }), [CASE_A]);
    assert.deepEqual(await ids({ q: '盗窃' }), [CASE_A], 'the charge is searched too');
    assert.deepEqual(await ids({ q: '%' }), [], 'wildcards are taken literally');
    assert.deepEqual(await ids({ q: '  ' }), [CASE_B, CASE_A]);
  });

  it('pages, and counts even past the end', async () => {
    assert.deepEqual(await listCases(db, cli, { page: 2, pageSize: 1 }).then((r) => [r.total, r.items.map((c) => c.id)]), [2, [CASE_A]]);
    assert.deepEqual(await listCases(db, cli, { page: 5, pageSize: 1 }), { items: [], total: 2 });
  });

  it('is scoped to the actor\'s units', async () => {
    const ids = async (unitId: string, f = {}) => (await listCases(db, userAt(unitId), { ...all, ...f })).items.map((c) => c.id);
    assert.deepEqual(await ids(STATION_A), [CASE_A]);
    assert.deepEqual(await ids(STATION_B), [CASE_B]);
    assert.deepEqual(await ids(CITY), [CASE_B, CASE_A]);
    assert.deepEqual(await ids(STATION_A, { unitId: STATION_B }), [], 'a unit filter never widens the scope');
    assert.equal((await listCases(db, userAt(STATION_A), all)).total, 1);
  });

  it('reads one case with its incidents, parties, documents, property and recordings', async () => {
    const a = (await getCase(db, userAt(STATION_A), CASE_A))!;
    assert.equal(a.title, '盗窃罪');
    assert.equal(a.attributes.amount_involved, '4800.00');
    assert.deepEqual(a.incidents.map((o) => o.id), ['incident:J2503100187']);
    assert.deepEqual(a.persons.map((o) => o.id), ['person:A2503001-R1', 'person:A2503001-R2']);
    assert.equal(a.documents.length, 8);
    assert.equal(a.documents.find((d) => d.id === 'document:A2503001-W6')!.attributes.pages, '6');
    assert.deepEqual(a.media.map((o) => o.id), ['media:BWC999101-0310205530']);
    assert.deepEqual(a.items, []);
    const b = (await getCase(db, cli, CASE_B))!;
    assert.deepEqual(b.items.map((o) => [o.id, o.attributes.description]), [['item:A2503002-I1', '木棍']]);
    assert.equal(b.persons.find((p) => p.id === 'person:A2503002-R2')!.attributes.role, 'victim', 'the value as of now');
    assert.equal(b.attributes.occurred_at, '2025-03-12T08:50:00+08:00');
  });

  it('masks [S] fields without the right to personal data, and audits every read', async () => {
    const masked = (await getCase(db, userAt(CITY, 'admin'), CASE_B))!;
    const suspect = masked.persons.find((p) => p.id === 'person:A2503002-R1')!;
    assert.equal(suspect.attributes.id_number, '000000********0022');
    assert.equal(suspect.attributes.phone, '*******1234');
    assert.equal(masked.incidents[0].attributes.text, '***');
    const officer = userAt(STATION_B, 'case_officer');
    const clear = (await getCase(db, officer, CASE_B))!;
    assert.equal(clear.persons.find((p) => p.id === 'person:A2503002-R1')!.attributes.id_number, '000000198807070022');
    const { rows } = await db.query<{ action: string; resource_id: string; detail: { persons: string[]; revealed: string[] } }>(
      'SELECT action, resource_id, detail FROM audit_log WHERE username = $1',
      [officer.username],
    );
    assert.equal(rows.length, 1);
    assert.equal(rows[0].action, 'case.read');
    assert.equal(rows[0].resource_id, CASE_B);
    assert.deepEqual(rows[0].detail.persons, ['person:A2503002-R1', 'person:A2503002-R2']);
    assert.deepEqual(rows[0].detail.revealed, ['id_number', 'phone', 'text']);
    assert.doesNotMatch(JSON.stringify(rows), /198807070022|13900001234/, 'the log names records, not values');
  });

  it('returns null for a case that is absent or out of scope', async () => {
    assert.equal(await getCase(db, userAt(STATION_A), CASE_B), null);
    assert.equal(await getCase(db, cli, 'case:absent'), null);
  });
});
