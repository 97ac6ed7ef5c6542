import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import type { Database } from '../db/database.js';
import { A, B, BRANCH_A, CITY, STATION_A, STATION_B, loginAs, seedCity, testApp } from '../server/test-fixture.js';
import { openTestDatabase } from '../testing/db.js';

describe('incident routes', () => {
  let db: Database;
  let app: FastifyInstance;
  let city: string;
  let admin: string;
  const list = async (cookie: string, query = '') => {
    const res = await app.inject({ url: `/api/v1/incidents${query}`, headers: { cookie } });
    assert.equal(res.statusCode, 200, res.body);
    return res.json() as { items: { id: string; unitName: string }[]; total: number };
  };

  before(async () => {
    db = await openTestDatabase();
    await seedCity(db);
    app = await testApp(db);
    city = await loginAs(app, 'city.legal', 'legal_officer', CITY);
    admin = await loginAs(app, 'city.admin', 'admin', CITY);
  });
  after(async () => {
    await app.close();
    await db.close();
  });

  it('lists incidents newest first with paging and filters', async () => {
    const all = await list(city);
    assert.deepEqual(all.items.map((i) => i.id), [B.incident, A.incident]);
    assert.equal(all.total, 2);
    const page2 = await list(city, '?pageSize=1&page=2');
    assert.deepEqual(page2.items.map((i) => i.id), [A.incident]);
    assert.equal(page2.total, 2);
    assert.deepEqual((await list(city, `?unitId=${BRANCH_A}`)).items.map((i) => i.id), [A.incident]);
    assert.deepEqual((await list(city, '?from=2025-03-11T00:00:00%2B08:00')).items.map((i) => i.id), [B.incident]);
    assert.deepEqual((await list(city, '?to=2025-03-11T00:00:00%2B08:00')).items.map((i) => i.id), [A.incident]);
    assert.equal((await list(city, '?category=999999')).total, 0);
    assert.equal((await list(city, '?category=100100')).total, 2);
  });

  it('never widens scope through the unit filter', async () => {
    const station = await loginAs(app, 'station.a', 'case_officer', STATION_A);
    assert.equal((await list(station, `?unitId=${STATION_B}`)).total, 0);
    assert.equal((await list(station, `?unitId=${CITY}`)).total, 1);
  });

  it('shows the report text to a reader of personal data and audits every detail read', async () => {
    const res = await app.inject({ url: `/api/v1/incidents/${A.incident}`, headers: { cookie: city } });
    assert.equal(res.statusCode, 200);
    const d = res.json();
    assert.equal(d.attributes.text, A.incidentText);
    assert.deepEqual(d.persons, [{ id: A.person, name: A.personName, role: 'suspect' }]);
    assert.deepEqual(d.caseIds, [A.caseId]);
    assert.deepEqual(d.events.map((e: { type: string }) => e.type).sort(), ['case.accepted', 'incident.received']);
    const masked = (await app.inject({ url: `/api/v1/incidents/${A.incident}`, headers: { cookie: admin } })).json();
    assert.equal(masked.attributes.text, '***');
    const { rows } = await db.query<{ username: string; detail: { revealed: string[] } }>(
      "SELECT username, detail FROM audit_log WHERE action = 'incident.read' AND resource_id = $1 ORDER BY id",
      [A.incident],
    );
    assert.deepEqual(rows.map((r) => [r.username, r.detail.revealed]), [['city.legal', ['text']], ['city.admin', []]]);
  });
});
