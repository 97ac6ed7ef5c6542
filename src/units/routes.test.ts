import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import type { Database } from '../db/database.js';
import { BRANCH_A, BRANCH_B, CITY, STATION_A, STATION_B, loginAs, seedCity, testApp } from '../server/test-fixture.js';
import { openTestDatabase } from '../testing/db.js';

describe('GET /api/v1/units', () => {
  let db: Database;
  let app: FastifyInstance;
  const units = async (unitId: string, username: string) => {
    const cookie = await loginAs(app, username, 'unit_head', unitId);
    return (await app.inject({ url: '/api/v1/units', headers: { cookie } })).json().items as { id: string; parentId: string | null; name: string; level: string }[];
  };

  before(async () => {
    db = await openTestDatabase();
    await seedCity(db);
    app = await testApp(db);
  });
  after(async () => {
    await app.close();
    await db.close();
  });

  it('gives the city the whole tree, parents before children', async () => {
    const all = await units(CITY, 'city.head');
    assert.deepEqual(all.map((u) => [u.id, u.parentId]), [
      [CITY, null],
      [BRANCH_A, CITY],
      [BRANCH_B, CITY],
      [STATION_A, BRANCH_A],
      [STATION_B, BRANCH_B],
    ]);
    assert.deepEqual([all[0].name, all[0].level], ['东营市公安局', 'city']);
  });

  it('gives a branch its own subtree and a station itself', async () => {
    assert.deepEqual((await units(BRANCH_A, 'branch.head')).map((u) => u.id), [BRANCH_A, STATION_A]);
    assert.deepEqual((await units(STATION_B, 'station.head')).map((u) => u.id), [STATION_B]);
  });
});
