import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { createApiToken } from '../auth/tokens.js';
import { createUser } from '../auth/users.js';
import type { Database } from '../db/database.js';
import { openTestDatabase } from '../testing/db.js';
import { createLogger } from './logger.js';
import { A, CITY, PASSWORD, STATION_A, loginAs, seedCity, testApp, toJsonl } from './test-fixture.js';

describe('request logs', () => {
  let db: Database;
  let app: FastifyInstance;
  const lines: string[] = [];

  before(async () => {
    db = await openTestDatabase();
    await seedCity(db);
    app = await testApp(db, createLogger({ level: 'trace', destination: { write: (s: string) => void lines.push(s) } }));
  });
  after(async () => {
    await app.close();
    await db.close();
  });

  it('carry no personal data, credentials or query strings', async () => {
    const cookie = await loginAs(app, 'officer.log', 'case_officer', STATION_A);
    const get = (url: string) => app.inject({ url, headers: { cookie } });
    assert.equal((await get(`/api/v1/persons/${A.person}`)).statusCode, 200);
    assert.equal((await get(`/api/v1/incidents/${A.incident}`)).statusCode, 200);
    // Personal values in query strings: valid and invalid ones.
    await get(`/api/v1/incidents?category=${encodeURIComponent(A.personName)}`);
    await get(`/api/v1/incidents?pageSize=${A.idNumber}&from=${encodeURIComponent(A.personName)}`);
    await get(`/api/v1/audit?username=${encodeURIComponent(A.personName)}`);
    // A failed login with the password in the body; an ingest carrying personal data.
    await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'officer.log', password: `${PASSWORD}!` } });
    const client = await createUser(db, { username: 'feed', displayName: 'feed', password: PASSWORD, role: 'ingest_client', unitId: CITY });
    const { token } = await createApiToken(db, { userId: client.id, name: 'feed', source: 'ajgl' });
    const bad = {
      object: { id: A.person, type: 'person', attributes: [{ name: 'phone', time: '2025-03-12T00:00:00', value: A.phone }] },
    };
    const ingest = await app.inject({
      method: 'POST',
      url: '/api/v1/ingest',
      headers: { authorization: `Bearer ${token}`, 'x-source': 'ajgl', 'content-type': 'application/x-ndjson' },
      payload: toJsonl([bad]),
    });
    assert.equal(ingest.statusCode, 422);

    const log = lines.join('');
    assert.ok(lines.length > 10, 'requests are logged');
    assert.match(log, /\/api\/v1\/persons\//, 'request paths are logged');
    for (const secret of [A.idNumber, A.personName, A.phone, A.incidentText, PASSWORD, cookie.split('=')[1], token]) {
      assert.ok(!log.includes(secret), `log contains ${secret}`);
    }
    assert.ok(!log.includes(encodeURIComponent(A.personName)), 'no query strings');
    assert.ok(!log.includes('category='), 'no query strings');
  });
});
