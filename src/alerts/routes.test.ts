import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import type { Database } from '../db/database.js';
import { RuleEngine } from '../rules/engine-service.js';
import { A, B, CITY, STATION_A, loginAs, seedCity, testApp } from '../server/test-fixture.js';
import { openTestDatabase } from '../testing/db.js';

/**
 * Alert and rule routes over the two-station test city (a criminal detention at each station,
 * 2025-03-10 23:00 and 03-11 23:00, with no family notice, no jail admission, no interrogation).
 */
describe('alert and rule routes', () => {
  let db: Database;
  let app: FastifyInstance;
  let station: string;
  let city: string;
  let legal: string;
  let admin: string;
  const AT = '2025-03-20T00:00:00+08:00';

  before(async () => {
    db = await openTestDatabase();
    await seedCity(db);
    await new RuleEngine(db).processDirty(new Date(AT));
    app = await testApp(db);
    station = await loginAs(app, 'alerts.station', 'case_officer', STATION_A);
    city = await loginAs(app, 'alerts.city', 'bureau_leader', CITY);
    legal = await loginAs(app, 'alerts.legal', 'legal_officer', CITY);
    admin = await loginAs(app, 'alerts.admin', 'admin', CITY);
  });
  after(async () => {
    await app.close();
    await db.close();
  });

  const get = (url: string, cookie: string) => app.inject({ url, headers: { cookie } });

  it('lists the live alerts of the caller’s units only, with the explanation', async () => {
    const res = await get('/api/v1/alerts?ruleId=CRIM_DETENTION_NOTIFY_FAMILY_24H', station);
    assert.equal(res.statusCode, 200, res.body);
    const body = res.json();
    assert.equal(body.total, 1);
    const a = body.items[0];
    assert.equal(a.caseId, A.caseId);
    assert.equal(a.level, 'overdue');
    assert.equal(a.status, 'open');
    assert.equal(a.dueAt, '2025-03-11T23:00:00+08:00');
    assert.equal(a.raisedAt, '2025-03-11T17:00:00+08:00');
    assert.deepEqual(a.subject, { type: 'person', id: A.person });
    assert.match(a.message, /刑事拘留后24小时内通知被拘留人家属.*已超期/);
    assert.ok(a.basis.some((b: { law: string }) => b.law === 'CPL'));
    const all = (await get('/api/v1/alerts?ruleId=CRIM_DETENTION_NOTIFY_FAMILY_24H', city)).json();
    assert.deepEqual(all.items.map((x: { caseId: string }) => x.caseId).sort(), [A.caseId, B.caseId].sort());
  });

  it('filters by level and status, and refuses unknown values with a clear error', async () => {
    const res = await get('/api/v1/alerts?level=warning', city);
    assert.equal(res.json().total, 0, 'at 03-20 every 24 h duty is overdue, none is a warning');
    const bad = await get('/api/v1/alerts?status=closed', city);
    assert.equal(bad.statusCode, 400);
    assert.match(bad.body, /closed/);
  });

  it('shows one alert by id, and 404 outside the caller’s scope', async () => {
    const { items } = (await get(`/api/v1/alerts?caseId=${encodeURIComponent(B.caseId)}`, city)).json();
    assert.ok(items.length > 0);
    assert.equal((await get(`/api/v1/alerts/${items[0].id}`, city)).statusCode, 200);
    assert.equal((await get(`/api/v1/alerts/${items[0].id}`, station)).statusCode, 404);
  });

  it('answers the alerts as they stood at an instant (full re-evaluation)', async () => {
    // 03-11 18:00: station A's detention (03-10 23:00) is 19 h old — past the 18 h warning
    // point, before the 24 h deadline; station B's (03-11 23:00) has not happened yet.
    const res = await get(`/api/v1/alerts/as-of?at=${encodeURIComponent('2025-03-11T18:00:00+08:00')}&ruleId=CRIM_DETENTION_NOTIFY_FAMILY_24H`, city);
    assert.equal(res.statusCode, 200, res.body);
    const { items } = res.json();
    assert.equal(items.length, 1);
    assert.equal(items[0].caseId, A.caseId);
    assert.equal(items[0].level, 'warning');
    assert.equal(items[0].status, 'open');
    assert.equal((await get('/api/v1/alerts/as-of?at=yesterday', city)).statusCode, 400);
  });

  it('lists the rules with their status and parameters', async () => {
    const rules = (await get('/api/v1/rules', station)).json() as Array<{ id: string; implemented: boolean; enabled: boolean; parameters: Record<string, { value: unknown }> }>;
    const family = rules.find((r) => r.id === 'CRIM_DETENTION_NOTIFY_FAMILY_24H')!;
    assert.equal(family.implemented, true);
    assert.equal(family.enabled, true);
    assert.equal(family.parameters.nationalSecurityCategoryPrefixes.value, '01,020301,020314');
    assert.ok(rules.length >= 100);
  });

  it('backtests a rule per unit of the caller’s scope; bad parameters name themselves', async () => {
    const url = '/api/v1/rules/CRIM_DETENTION_NOTIFY_FAMILY_24H/backtest';
    const payload = { from: '2025-03-01T00:00:00+08:00', to: '2025-04-01T00:00:00+08:00' };
    const res = await app.inject({ method: 'POST', url, payload, headers: { cookie: legal } });
    assert.equal(res.statusCode, 200, res.body);
    const r = res.json();
    assert.deepEqual(r.units.map((u: { unitId: string }) => u.unitId).sort(), [A.unit, B.unit].sort());
    assert.deepEqual(r.total, { current: 2, proposed: 2 });
    const bad = await app.inject({ method: 'POST', url, payload: { ...payload, params: { hours: 12 } }, headers: { cookie: legal } });
    assert.equal(bad.statusCode, 400);
    assert.match(bad.json().error.message, /no parameter "hours" \(it has: nationalSecurityCategoryPrefixes\)/);
    const officer = await app.inject({ method: 'POST', url, payload, headers: { cookie: station } });
    assert.equal(officer.statusCode, 403);
  });

  it('lets only an admin switch a rule off; the backtest then compares off with on', async () => {
    const url = '/api/v1/rules/CRIM_DETENTION_NOTIFY_FAMILY_24H/settings';
    assert.equal((await app.inject({ method: 'PUT', url, payload: { enabled: false }, headers: { cookie: legal } })).statusCode, 403);
    assert.equal((await app.inject({ method: 'PUT', url, payload: { enabled: false }, headers: { cookie: admin } })).statusCode, 204);
    await new RuleEngine(db).processDirty(new Date(AT));
    assert.equal((await get('/api/v1/alerts?ruleId=CRIM_DETENTION_NOTIFY_FAMILY_24H', city)).json().total, 0, 'a rule switched off raises nothing');
    const r = (await app.inject({
      method: 'POST', url: '/api/v1/rules/CRIM_DETENTION_NOTIFY_FAMILY_24H/backtest',
      payload: { from: '2025-03-01T00:00:00+08:00', to: '2025-04-01T00:00:00+08:00' }, headers: { cookie: legal },
    })).json();
    assert.deepEqual(r.total, { current: 0, proposed: 2 });
    const badParam = await app.inject({ method: 'PUT', url, payload: { params: { nationalSecurityCategoryPrefixes: 1 } }, headers: { cookie: admin } });
    assert.equal(badParam.statusCode, 204, 'a string parameter takes any text');
    assert.equal((await app.inject({ method: 'PUT', url, payload: { enabled: true }, headers: { cookie: admin } })).statusCode, 204);
  });
});
