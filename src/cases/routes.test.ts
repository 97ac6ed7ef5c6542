import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import type { Database } from '../db/database.js';
import { A, B, CITY, STATION_A, loginAs, seedCity, testApp } from '../server/test-fixture.js';
import { openTestDatabase } from '../testing/db.js';

describe('case routes', () => {
  let db: Database;
  let app: FastifyInstance;
  let station: string;
  let city: string;
  const get = (url: string, cookie: string) => app.inject({ url, headers: { cookie } });

  before(async () => {
    db = await openTestDatabase();
    await seedCity(db);
    app = await testApp(db);
    station = await loginAs(app, 'case.station', 'case_officer', STATION_A);
    city = await loginAs(app, 'case.city', 'bureau_leader', CITY);
  });
  after(async () => {
    await app.close();
    await db.close();
  });

  it('lists the cases in scope with paging and filters', async () => {
    const all = (await get('/api/v1/cases', city)).json();
    assert.deepEqual(all.items.map((c: { id: string }) => c.id), [B.caseId, A.caseId]);
    assert.equal(all.total, 2);
    assert.equal(all.items[1].filedAt, '2025-03-10T22:00:00+08:00');
    assert.deepEqual((await get('/api/v1/cases', station)).json().items.map((c: { id: string }) => c.id), [A.caseId]);
    const page = (await get('/api/v1/cases?page=2&pageSize=1', city)).json();
    assert.deepEqual([page.total, page.page, page.items.map((c: { id: string }) => c.id)], [2, 2, [A.caseId]]);
    assert.equal((await get('/api/v1/cases?kind=administrative', city)).json().total, 0);
    assert.equal((await get(`/api/v1/cases?q=${encodeURIComponent(A.caseId.slice(5))}`, city)).json().total, 1);
    const { rows } = await db.query<{ detail: { cases: string[]; total: number } }>(
      "SELECT detail FROM audit_log WHERE username = 'case.city' AND action = 'case.list' ORDER BY id LIMIT 1",
    );
    assert.deepEqual(rows[0].detail, { cases: [B.caseId, A.caseId], total: 2 });
    const bad = await get('/api/v1/cases?status=pending', city);
    assert.equal(bad.statusCode, 400);
    assert.equal(bad.json().error.fields[0].field, 'querystring.status');
  });

  it('reads a case and its timeline, each read audited once', async () => {
    const detail = await get(`/api/v1/cases/${A.caseId}`, station);
    assert.equal(detail.statusCode, 200);
    assert.deepEqual(detail.json().persons.map((p: { id: string }) => p.id), [A.person]);
    assert.equal(detail.json().persons[0].attributes.id_number, A.idNumber);
    const timeline = await get(`/api/v1/cases/${A.caseId}/timeline`, station);
    assert.equal(timeline.statusCode, 200);
    assert.deepEqual(timeline.json().events.map((e: { type: string }) => e.type), ['incident.received', 'case.accepted', 'case.filed', 'person.detained']);
    const { rows } = await db.query<{ action: string; resource_id: string }>(
      "SELECT action, resource_id FROM audit_log WHERE username = 'case.station' AND action IN ('case.read', 'case.timeline.read') ORDER BY id",
    );
    assert.deepEqual(rows.map((r) => [r.action, r.resource_id]), [['case.read', A.caseId], ['case.timeline.read', A.caseId]]);
  });

  it('answers 404, never 403, for a case of another unit or none', async () => {
    for (const url of [`/api/v1/cases/${B.caseId}`, `/api/v1/cases/${B.caseId}/timeline`, '/api/v1/cases/case:none', '/api/v1/cases/case:none/timeline']) {
      const res = await get(url, station);
      assert.equal(res.statusCode, 404, url);
      assert.deepEqual(res.json(), { error: { code: 'not_found', message: 'case not found' } });
    }
  });
});
