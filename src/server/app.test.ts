import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { createUser } from '../auth/users.js';
import type { Database } from '../db/database.js';
import { openTestDatabase } from '../testing/db.js';
import { buildApp } from './app.js';
import { CITY, PASSWORD, STATION_A, loginAs, seedCity, silentLogger, testApp } from './test-fixture.js';

describe('HTTP app', () => {
  let db: Database;
  let app: FastifyInstance;
  before(async () => {
    db = await openTestDatabase();
    await seedCity(db);
    app = await testApp(db);
  });
  after(async () => {
    await app.close();
    await db.close();
  });

  it('answers liveness and readiness without a session', async () => {
    assert.deepEqual((await app.inject('/api/health')).json(), { status: 'ok' });
    const ready = await app.inject('/api/ready');
    assert.equal(ready.statusCode, 200);
    assert.deepEqual(ready.json(), { status: 'ready', database: 'ok', pendingMigrations: [] });
  });

  it('reports not ready while a migration is pending', async () => {
    const name = (await db.query<{ name: string }>('SELECT max(name) AS name FROM schema_migrations')).rows[0].name;
    await db.query('DELETE FROM schema_migrations WHERE name = $1', [name]);
    try {
      const res = await app.inject('/api/ready');
      assert.equal(res.statusCode, 503);
      assert.deepEqual(res.json().pendingMigrations, [name]);
    } finally {
      await db.query('INSERT INTO schema_migrations (name) VALUES ($1)', [name]);
    }
  });

  it('serves the OpenAPI document with the API routes', async () => {
    const res = await app.inject('/api/docs/json');
    assert.equal(res.statusCode, 200);
    const doc = res.json();
    assert.ok(doc.paths['/api/v1/incidents']);
    assert.ok(doc.paths['/api/v1/auth/login'].post);
    assert.equal((await app.inject('/api/docs')).statusCode < 400, true);
  });

  it('refuses /api/v1 without a session with 401 in the error shape', async () => {
    for (const url of ['/api/v1/me', '/api/v1/incidents', '/api/v1/no-such-route']) {
      const res = await app.inject(url);
      assert.equal(res.statusCode, 401, url);
      assert.equal(res.json().error.code, 'unauthenticated');
    }
    const forged = await app.inject({ url: '/api/v1/me', headers: { cookie: 'shuju_session=forged' } });
    assert.equal(forged.statusCode, 401);
  });

  it('logs in with an httpOnly, SameSite=Strict session cookie and logs out', async () => {
    await createUser(db, { username: 'officer1', displayName: '张三', password: PASSWORD, role: 'case_officer', unitId: STATION_A });
    const bad = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'officer1', password: 'wrong-password' } });
    assert.equal(bad.statusCode, 401);
    assert.equal(bad.json().error.code, 'invalid_credentials');
    const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'officer1', password: PASSWORD } });
    assert.equal(res.statusCode, 200);
    assert.equal(res.json().user.unitName, '文汇派出所');
    const c = res.cookies.find((x) => x.name === 'shuju_session')!;
    assert.equal(c.httpOnly, true);
    assert.equal(c.sameSite, 'Strict');
    assert.equal(c.path, '/');
    assert.equal(c.maxAge, 12 * 3600);
    assert.ok(!c.secure, 'plain HTTP: not Secure');
    const cookie = `shuju_session=${c.value}`;
    const me = await app.inject({ url: '/api/v1/me', headers: { cookie } });
    assert.equal(me.json().username, 'officer1');
    const out = await app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: { cookie } });
    assert.equal(out.statusCode, 204);
    assert.equal((await app.inject({ url: '/api/v1/me', headers: { cookie } })).statusCode, 401);
    const { rows } = await db.query<{ action: string }>("SELECT action FROM audit_log WHERE username = 'officer1' ORDER BY id");
    assert.deepEqual(rows.map((r) => r.action), ['auth.login', 'auth.logout']);
  });

  it('sets the Secure flag behind a TLS-terminating proxy', async () => {
    const proxied = await buildApp({ db, logger: silentLogger(), trustProxy: true });
    try {
      const res = await proxied.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        headers: { 'x-forwarded-proto': 'https' },
        payload: { username: 'officer1', password: PASSWORD },
      });
      assert.equal(res.cookies.find((x) => x.name === 'shuju_session')?.secure, true);
    } finally {
      await proxied.close();
    }
  });

  it('backs off after repeated failed logins from one address', async () => {
    const attempt = (password: string) =>
      app.inject({ method: 'POST', url: '/api/v1/auth/login', remoteAddress: '10.9.9.9', payload: { username: 'officer1', password } });
    for (let i = 0; i < 5; i++) assert.equal((await attempt('nope-nope')).statusCode, 401);
    assert.equal((await attempt('nope-nope')).statusCode, 401); // 6th failure starts the wait
    const blocked = await attempt(PASSWORD);
    assert.equal(blocked.statusCode, 429);
    assert.ok(Number(blocked.headers['retry-after']) >= 1);
    // Another address is not held back by this one's failures.
    const other = await app.inject({ method: 'POST', url: '/api/v1/auth/login', remoteAddress: '10.9.9.8', payload: { username: 'officer1', password: PASSWORD } });
    assert.equal(other.statusCode, 200);
  });

  it('answers 403 for a role the route does not allow', async () => {
    const cookie = await loginAs(app, 'station.officer', 'case_officer', STATION_A);
    for (const url of ['/api/v1/users', '/api/v1/audit', '/api/v1/imports']) {
      const res = await app.inject({ url, headers: { cookie } });
      assert.equal(res.statusCode, 403, url);
      assert.equal(res.json().error.code, 'forbidden');
    }
    const ingest = await app.inject({ method: 'POST', url: '/api/v1/ingest', headers: { cookie, 'content-type': 'application/x-ndjson' }, payload: '' });
    assert.equal(ingest.statusCode, 403);
    // The guard follows the matched route, however the path was spelled.
    assert.equal((await app.inject({ url: '/api/%761/users', headers: { cookie } })).statusCode, 403);
    assert.equal((await app.inject({ url: '/api/%761/users' })).statusCode, 401);
  });

  it('names the field and the reason of a validation error', async () => {
    const cookie = await loginAs(app, 'validator', 'legal_officer', CITY);
    const res = await app.inject({ url: '/api/v1/incidents?pageSize=0&from=yesterday', headers: { cookie } });
    assert.equal(res.statusCode, 400);
    const { error } = res.json();
    assert.equal(error.code, 'validation_failed');
    assert.deepEqual(error.fields.map((f: { field: string }) => f.field).sort(), ['querystring.from', 'querystring.pageSize']);
    assert.match(error.message, /querystring\.pageSize: .*>=1/);
    const login = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'x' } });
    assert.equal(login.statusCode, 400);
    assert.match(login.json().error.message, /body\.password/);
  });

  it('answers unknown routes with 404 in the error shape', async () => {
    const cookie = await loginAs(app, 'lost', 'case_officer', STATION_A);
    const res = await app.inject({ url: '/api/v1/nowhere', headers: { cookie } });
    assert.equal(res.statusCode, 404);
    assert.equal(res.json().error.code, 'not_found');
  });

  it('refuses to register a /api/v1 route that names no roles', async () => {
    const bare = await testApp(db);
    try {
      await assert.rejects(
        (async () => {
          bare.get('/api/v1/forgotten', async () => ({}));
          await bare.ready();
        })(),
        /declares neither roles nor public/,
      );
    } finally {
      await bare.close().catch(() => {});
    }
  });
});
