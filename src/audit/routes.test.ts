import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import type { Database } from '../db/database.js';
import { cliOperator } from '../org/actor.js';
import { A, B, CITY, STATION_A, STATION_B, loginAs, seedCity, testApp } from '../server/test-fixture.js';
import { openTestDatabase } from '../testing/db.js';
import { audit } from './audit.js';

describe('GET /api/v1/audit', () => {
  let db: Database;
  let app: FastifyInstance;
  const list = async (cookie: string, query = '') => {
    const res = await app.inject({ url: `/api/v1/audit${query}`, headers: { cookie } });
    assert.equal(res.statusCode, 200, res.body);
    return res.json() as { items: { username: string; action: string; resourceId: string; at: string }[]; total: number };
  };

  before(async () => {
    db = await openTestDatabase();
    await seedCity(db);
    app = await testApp(db);
    for (const [user, unit, person] of [['reader.a', STATION_A, A.person], ['reader.b', STATION_B, B.person]]) {
      const cookie = await loginAs(app, user, 'case_officer', unit);
      assert.equal((await app.inject({ url: `/api/v1/persons/${person}`, headers: { cookie } })).statusCode, 200);
    }
    await audit(db, cliOperator('cli:root'), { action: 'export.case', resourceType: 'case', resourceId: A.caseId });
  });
  after(async () => {
    await app.close();
    await db.close();
  });

  it('shows an admin everything, newest first, including the CLI operator', async () => {
    const admin = await loginAs(app, 'audit.admin', 'admin', CITY);
    const all = await list(admin);
    assert.equal(all.items[0].action, 'auth.login', 'newest first: the admin\'s own login');
    assert.ok(all.items.some((i) => i.username === 'cli:root'));
    assert.match(all.items[0].at, /\+08:00$/);
    const reads = await list(admin, '?action=person.read');
    assert.deepEqual(reads.items.map((i) => i.resourceId).sort(), [A.person, B.person].sort());
    assert.deepEqual((await list(admin, '?username=reader.b&action=person.read')).items.map((i) => i.resourceId), [B.person]);
    assert.equal((await list(admin, `?resourceId=${encodeURIComponent(A.caseId)}`)).total, 1);
    assert.equal((await list(admin, '?from=2099-01-01T00:00:00Z')).total, 0);
  });

  it('scopes a legal officer to what users of its units did', async () => {
    const legal = await loginAs(app, 'audit.legal', 'legal_officer', STATION_A);
    const seen = await list(legal);
    assert.ok(seen.items.some((i) => i.resourceId === A.person));
    assert.ok(!seen.items.some((i) => i.username === 'reader.b' || i.username === 'cli:root' || i.username === 'audit.admin'));
  });
});
