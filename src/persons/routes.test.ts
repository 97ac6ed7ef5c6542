import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import type { Database } from '../db/database.js';
import { A, B, CITY, STATION_A, loginAs, seedCity, testApp } from '../server/test-fixture.js';
import { openTestDatabase } from '../testing/db.js';

describe('GET /api/v1/persons/:id', () => {
  let db: Database;
  let app: FastifyInstance;
  let officer: string;
  let admin: string;
  const auditRows = (username: string) =>
    db.query<{ action: string; resource_id: string; detail: { revealed: string[] }; ip: string; user_agent: string }>(
      "SELECT action, resource_id, detail, ip, user_agent FROM audit_log WHERE username = $1 AND action = 'person.read' ORDER BY id",
      [username],
    );

  before(async () => {
    db = await openTestDatabase();
    await seedCity(db);
    app = await testApp(db);
    officer = await loginAs(app, 'officer.a', 'case_officer', STATION_A);
    admin = await loginAs(app, 'admin.city', 'admin', CITY);
  });
  after(async () => {
    await app.close();
    await db.close();
  });

  it('shows an officer of the unit the person in full and audits the read with ip and user agent', async () => {
    const res = await app.inject({ url: `/api/v1/persons/${A.person}`, headers: { cookie: officer, 'user-agent': 'test-browser/1' }, remoteAddress: '10.1.2.3' });
    assert.equal(res.statusCode, 200);
    const p = res.json();
    assert.equal(p.attributes.id_number, A.idNumber);
    assert.equal(p.attributes.phone, A.phone);
    assert.equal(p.attributes.name, A.personName);
    assert.equal(p.caseId, A.caseId);
    assert.deepEqual(p.events.map((e: { type: string }) => e.type), ['person.detained']);
    const { rows } = await auditRows('officer.a');
    assert.equal(rows.length, 1);
    assert.equal(rows[0].resource_id, A.person);
    assert.deepEqual(rows[0].detail.revealed.sort(), ['id_number', 'phone']);
    assert.equal(rows[0].ip, '10.1.2.3');
    assert.equal(rows[0].user_agent, 'test-browser/1');
    assert.ok(!JSON.stringify(rows[0]).includes(A.idNumber), 'the audit log names records, never copies values');
  });

  it('masks id number and phone for a role without the right, and still audits', async () => {
    const res = await app.inject({ url: `/api/v1/persons/${B.person}`, headers: { cookie: admin } });
    assert.equal(res.statusCode, 200);
    const p = res.json();
    assert.equal(p.attributes.id_number, `${B.idNumber.slice(0, 6)}********${B.idNumber.slice(-4)}`);
    assert.equal(p.attributes.phone, `*******${B.phone.slice(-4)}`);
    const { rows } = await auditRows('admin.city');
    assert.equal(rows.length, 1);
    assert.deepEqual(rows[0].detail.revealed, []);
  });

  it('answers 404, not 403, for a person of another unit, and for none at all', async () => {
    for (const id of [B.person, 'person:NOPE']) {
      const res = await app.inject({ url: `/api/v1/persons/${id}`, headers: { cookie: officer } });
      assert.equal(res.statusCode, 404, id);
      assert.equal(res.json().error.code, 'not_found');
    }
    assert.equal((await auditRows('officer.a')).rows.length, 1, 'a refused read is not a read');
  });
});
