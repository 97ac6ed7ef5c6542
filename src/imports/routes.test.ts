import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { createApiToken } from '../auth/tokens.js';
import { createUser } from '../auth/users.js';
import type { Database } from '../db/database.js';
import { CITY, PASSWORD, STATION_A, loginAs, seedCity, testApp, toJsonl } from '../server/test-fixture.js';
import { openTestDatabase } from '../testing/db.js';
import { specExample } from '../testing/shared.js';
import { MAX_INGEST_LINES, countLines } from './routes.js';

const closed = (caseId: string, n: number) => ({
  event: { id: `ajgl:close-${n}`, type: 'case.closed', time: '2025-03-15T10:00:00+08:00', relationships: [{ objectId: caseId, qualifier: 'case' }] },
});

describe('HTTP ingest', () => {
  let db: Database;
  let app: FastifyInstance;
  let token: string;
  const ndjson = (payload: string, headers: Record<string, string> = {}) =>
    app.inject({
      method: 'POST',
      url: '/api/v1/ingest',
      headers: { authorization: `Bearer ${token}`, 'x-source': 'ajgl', 'content-type': 'application/x-ndjson', ...headers },
      payload,
    });

  before(async () => {
    db = await openTestDatabase();
    await seedCity(db);
    app = await testApp(db);
    const client = await createUser(db, { username: 'ajgl-feed', displayName: '执法办案', password: PASSWORD, role: 'ingest_client', unitId: CITY });
    token = (await createApiToken(db, { userId: client.id, name: 'case system', source: 'ajgl' })).token;
  });
  after(async () => {
    await app.close();
    await db.close();
  });

  it('accepts a stream delivery with the token of its source (200 + report)', async () => {
    const res = await ndjson(toJsonl([closed('case:A370502510000A', 1)]), { 'content-type': 'application/x-ndjson; charset=utf-8' });
    assert.equal(res.statusCode, 200, res.body);
    const report = res.json();
    assert.equal(report.status, 'accepted');
    assert.equal(report.counts.events_new, 1);
    const { rows } = await db.query<{ source: string; actor: string; name: string }>('SELECT source, actor, name FROM imports WHERE id = $1', [report.importId]);
    assert.equal(rows[0].source, 'ajgl');
    assert.equal(rows[0].actor, 'ajgl-feed');
    assert.match(rows[0].name, /^ajgl_\d{8}T\d{6}_\d+\.jsonl$/);
    // Re-sending is safe (§2.3): the same event is unchanged.
    const again = await ndjson(toJsonl([closed('case:A370502510000A', 1)]));
    assert.equal(again.json().counts.events_unchanged, 1);
  });

  it('rejects an invalid delivery whole with 422 and the report', async () => {
    const bad = { event: { id: 'ajgl:bad-1', type: 'case.closed', time: '2025-03-15T10:00:00', relationships: [{ objectId: 'case:A370502510000A', qualifier: 'case' }] } };
    const res = await ndjson(toJsonl([closed('case:A370502510000A', 2), bad]));
    assert.equal(res.statusCode, 422);
    const report = res.json();
    assert.equal(report.status, 'rejected');
    assert.equal(report.errors[0].line, 2);
    assert.equal(report.errors[0].code, 'time_without_offset');
    const { rows } = await db.query("SELECT 1 FROM events WHERE id = 'ajgl:close-2'");
    assert.equal(rows.length, 0, 'nothing of a rejected import is stored');
  });

  it('refuses a token used with another X-Source, or none, with 403', async () => {
    const wrong = await ndjson(toJsonl([closed('case:A370502510000A', 3)]), { 'x-source': 'jcj110' });
    assert.equal(wrong.statusCode, 403);
    assert.equal(wrong.json().error.code, 'source_mismatch');
    const none = await app.inject({
      method: 'POST',
      url: '/api/v1/ingest',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/x-ndjson' },
      payload: toJsonl([closed('case:A370502510000A', 3)]),
    });
    assert.equal(none.statusCode, 403);
    const forged = await ndjson('', { authorization: 'Bearer shj_forged' });
    assert.equal(forged.statusCode, 401);
    const { rows } = await db.query("SELECT 1 FROM events WHERE id = 'ajgl:close-3'");
    assert.equal(rows.length, 0);
  });

  it('answers 413 above 10,000 lines or 16 MiB', async () => {
    assert.equal(countLines('a\nb\n'), 2);
    assert.equal(countLines('a\n\nb'), 3);
    assert.equal(countLines(''), 0);
    const tooMany = await ndjson('\n'.repeat(MAX_INGEST_LINES + 1));
    assert.equal(tooMany.statusCode, 413);
    assert.equal(tooMany.json().error.code, 'payload_too_large');
    const emptyLinesAtLimit = await ndjson('\n'.repeat(MAX_INGEST_LINES));
    assert.equal(emptyLinesAtLimit.statusCode, 200);
    const tooBig = await ndjson('x'.repeat(16 * 1024 * 1024 + 1));
    assert.equal(tooBig.statusCode, 413);
    assert.equal(tooBig.json().error.code, 'payload_too_large');
  });

  it('accepts a batch .jsonocel on /ingest/batch', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/ingest/batch',
      headers: { authorization: `Bearer ${token}`, 'x-source': 'ajgl', 'content-type': 'application/json' },
      payload: specExample('12.1'),
    });
    assert.equal(res.statusCode, 200, res.body);
    assert.equal(res.json().counts.objects_new, 20);
    const malformed = await app.inject({
      method: 'POST',
      url: '/api/v1/ingest/batch',
      headers: { authorization: `Bearer ${token}`, 'x-source': 'ajgl', 'content-type': 'application/json' },
      payload: '{"objects": [',
    });
    assert.equal(malformed.statusCode, 422);
    assert.equal(malformed.json().errors[0].code, 'malformed_json');
    const crossed = await app.inject({
      method: 'POST',
      url: '/api/v1/ingest/batch',
      headers: { authorization: `Bearer ${token}`, 'x-source': 'ajgl', 'content-type': 'application/x-ndjson' },
      payload: toJsonl([closed('case:A370502510000A', 5)]),
    });
    assert.equal(crossed.statusCode, 415);
    assert.equal((await ndjson('', { 'content-type': 'text/plain' })).statusCode, 415);
  });

  it('lets an admin deliver by hand and lists imports to auditors, not to the token', async () => {
    const admin = await loginAs(app, 'admin', 'admin', CITY);
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/ingest',
      headers: { cookie: admin, 'content-type': 'application/x-ndjson', 'x-source': 'manual' },
      payload: toJsonl([closed('case:A370503510000B', 4)]),
    });
    assert.equal(res.statusCode, 200, res.body);
    const list = await app.inject({ url: '/api/v1/imports?status=rejected', headers: { cookie: admin } });
    assert.equal(list.statusCode, 200);
    const body = list.json();
    assert.ok(body.total >= 2);
    assert.ok(body.items.every((i: { status: string }) => i.status === 'rejected'));
    const one = await app.inject({ url: `/api/v1/imports/${body.items[0].id}`, headers: { cookie: admin } });
    assert.ok(one.json().errors.length > 0);
    const byToken = await app.inject({ url: '/api/v1/imports', headers: { authorization: `Bearer ${token}`, 'x-source': 'ajgl' } });
    assert.equal(byToken.statusCode, 403);
    // A station legal officer sees no import delivered by a city account.
    const legal = await loginAs(app, 'station.legal', 'legal_officer', STATION_A);
    assert.equal((await app.inject({ url: '/api/v1/imports', headers: { cookie: legal } })).json().total, 0);
  });

  it("refuses a station feed's delivery that touches another station's case (403), storing nothing", async () => {
    const feed = await createUser(db, { username: 'a-feed', displayName: 'A', password: PASSWORD, role: 'ingest_client', unitId: STATION_A });
    const aToken = (await createApiToken(db, { userId: feed.id, name: 'station A', source: 'feeda' })).token;
    const post = (payload: string) => app.inject({
      method: 'POST', url: '/api/v1/ingest', payload,
      headers: { authorization: `Bearer ${aToken}`, 'x-source': 'feeda', 'content-type': 'application/x-ndjson' },
    });
    const caseB = 'case:A370503510000B';
    // moving B's case to station A (single-valued `unit`: the latest would win)
    const steal = await post(toJsonl([{ object: { id: caseB, type: 'case', relationships: [{ objectId: STATION_A, qualifier: 'unit' }] } }]));
    assert.equal(steal.statusCode, 403, steal.body);
    assert.equal(steal.json().errors[0].code, 'out_of_scope');
    const owner = await db.query<{ target_id: string }>("SELECT target_id FROM object_relationships WHERE source_id = $1 AND qualifier = 'unit'", [caseB]);
    assert.deepEqual(owner.rows.map((r) => r.target_id), ['unit:370503510000']);
    // an event on B's case is refused too; one on A's own case is fine
    assert.equal((await post(toJsonl([closed(caseB, 90)]))).statusCode, 403);
    assert.equal((await post(toJsonl([closed('case:A370502510000A', 91)]))).statusCode, 200);
  });
});
