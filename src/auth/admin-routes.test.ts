import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import type { Database } from '../db/database.js';
import { A, BRANCH_A, CITY, PASSWORD, STATION_A, STATION_B, loginAs, seedCity, testApp } from '../server/test-fixture.js';
import { openTestDatabase } from '../testing/db.js';

describe('user administration routes', () => {
  let db: Database;
  let app: FastifyInstance;
  let admin: string;
  const post = (url: string, payload: object, cookie = admin) => app.inject({ method: 'POST', url, payload, headers: { cookie } });

  before(async () => {
    db = await openTestDatabase();
    await seedCity(db);
    app = await testApp(db);
    admin = await loginAs(app, 'branch.admin', 'admin', BRANCH_A);
  });
  after(async () => {
    await app.close();
    await db.close();
  });

  it('creates a user in scope, never returning or storing the password', async () => {
    const res = await post('/api/v1/users', { username: 'new.officer', displayName: '新警员', password: PASSWORD, role: 'case_officer', unitId: STATION_A, officerId: A.officer });
    assert.equal(res.statusCode, 201, res.body);
    const user = res.json();
    assert.equal(user.role, 'case_officer');
    assert.equal(user.officerId, A.officer);
    assert.ok(!res.body.includes(PASSWORD) && !res.body.includes('argon2'));
    const login = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'new.officer', password: PASSWORD } });
    assert.equal(login.statusCode, 200);
    const { rows } = await db.query<{ action: string; username: string }>("SELECT action, username FROM audit_log WHERE action = 'user.create'");
    assert.deepEqual(rows, [{ action: 'user.create', username: 'branch.admin' }]);
  });

  it('refuses a taken name, a short password and a unit outside scope', async () => {
    const base = { displayName: 'x', password: PASSWORD, role: 'case_officer', unitId: STATION_A };
    assert.equal((await post('/api/v1/users', { ...base, username: 'new.officer' })).json().error.code, 'username_taken');
    const short = await post('/api/v1/users', { ...base, username: 'u2', password: 'short' });
    assert.equal(short.statusCode, 400);
    assert.match(short.json().error.message, /body\.password/);
    for (const unitId of [STATION_B, CITY]) {
      const res = await post('/api/v1/users', { ...base, username: 'u3', unitId });
      assert.equal(res.statusCode, 400);
      assert.equal(res.json().error.code, 'unit_out_of_scope');
    }
  });

  it('lists the users of its units only', async () => {
    await loginAs(app, 'other.branch', 'case_officer', STATION_B);
    const names = (await app.inject({ url: '/api/v1/users', headers: { cookie: admin } })).json().items.map((u: { username: string }) => u.username);
    assert.deepEqual(names.sort(), ['branch.admin', 'new.officer']);
  });

  it('issues a token for an ingest client that then delivers with its source', async () => {
    await post('/api/v1/users', { username: 'feed', displayName: 'feed', password: PASSWORD, role: 'ingest_client', unitId: BRANCH_A });
    const res = await post('/api/v1/tokens', { username: 'feed', name: '110 feed', source: 'jcj110' });
    assert.equal(res.statusCode, 201, res.body);
    const { token } = res.json();
    const me = await app.inject({ url: '/api/v1/me', headers: { authorization: `Bearer ${token}`, 'x-source': 'jcj110' } });
    assert.equal(me.statusCode, 200);
    assert.deepEqual([me.json().kind, me.json().role, me.json().source], ['token', 'ingest_client', 'jcj110']);
    const refused = await post('/api/v1/tokens', { username: 'new.officer', name: 'x', source: 'jcj110' });
    assert.equal(refused.json().error.code, 'wrong_role');
    const { rows } = await db.query<{ token_hash: string }>('SELECT token_hash FROM api_tokens');
    assert.ok(rows.every((r) => r.token_hash !== token));
  });

  it('is closed to every other role', async () => {
    const legal = await loginAs(app, 'legal', 'legal_officer', BRANCH_A);
    assert.equal((await post('/api/v1/users', { username: 'zz', displayName: 'x', password: PASSWORD, role: 'admin', unitId: STATION_A }, legal)).statusCode, 403);
    assert.equal((await post('/api/v1/tokens', { username: 'feed', name: 'x', source: 'jcj110' }, legal)).statusCode, 403);
  });
});
