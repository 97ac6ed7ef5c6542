/**
 * The scope walk: every route the app registers is called by users at a station, a branch and
 * the city, and no response may carry data of a unit outside the caller's scope. A route added
 * later without an entry in WALK fails this test, so scope is decided for every route.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance, InjectOptions } from 'fastify';
import { createApiToken } from '../auth/tokens.js';
import { createUser } from '../auth/users.js';
import type { Database } from '../db/database.js';
import type { Role } from '../org/actor.js';
import { openTestDatabase } from '../testing/db.js';
import { RuleEngine } from '../rules/engine-service.js';
import { A, B, BRANCH_A, BRANCH_B, CITY, PASSWORD, STATION_A, STATION_B, seedCity, testApp, toJsonl, type StationData } from './test-fixture.js';

type Key = 'A' | 'B';
const STATIONS: Record<Key, StationData & { feed: string; officerUser: string; feedUser: string }> = {
  A: { ...A, feed: 'srcfeeda', officerUser: 'a.officer', feedUser: 'a.feed' },
  B: { ...B, feed: 'srcfeedb', officerUser: 'b.officer', feedUser: 'b.feed' },
};

/** Everything that identifies station B's data; none of it may reach a viewer scoped to A. */
const markersOf = (k: Key): string[] => {
  const s = STATIONS[k];
  const own = [s.unit, s.incident, s.caseId, s.person, s.personName, s.idNumber, s.phone, s.incidentText, s.officer, s.feed, s.officerUser, s.feedUser];
  return k === 'B' ? [...own, BRANCH_B, '河口'] : own;
};

interface Viewer {
  role: Role;
  unitId: string;
  scope: Key[];
  username: string;
  cookie: string;
}

interface Ctx {
  viewer: Viewer;
  importIds: Record<Key, number>;
  seq: () => number;
}

/** One request of the walk; `owner` is the station whose data it asks for (none: no unit data). */
interface WalkRequest extends InjectOptions {
  owner?: Key;
}

interface WalkEntry {
  /** The role to walk the route with at station, branch and city level (besides the station case officer). */
  as: Role;
  requests: (ctx: Ctx) => WalkRequest[];
  /** Status when the caller may see the owner's data; default 200. */
  ok?: number;
  /** Status when the owner lies outside the caller's scope; default 404. */
  outOfScope?: number;
  /** A marker that must appear in the first response for each station in scope (lists). */
  shows?: (k: Key) => string;
  /** Walked after every other route (it ends the session). */
  last?: boolean;
}

const both = (url: (s: StationData) => string): WalkEntry['requests'] => () =>
  (['A', 'B'] as Key[]).map((k) => ({ url: url(STATIONS[k]), owner: k }));

const WALK: Record<string, WalkEntry> = {
  'GET /api/health': { as: 'case_officer', requests: () => [{ url: '/api/health' }] },
  'GET /api/ready': { as: 'case_officer', requests: () => [{ url: '/api/ready' }] },
  'GET /api/docs': { as: 'case_officer', requests: () => [{ url: '/api/docs' }] },
  'GET /api/docs/json': { as: 'case_officer', requests: () => [{ url: '/api/docs/json' }] },
  'GET /api/docs/yaml': { as: 'case_officer', requests: () => [{ url: '/api/docs/yaml' }] },
  'GET /api/docs/static/index.html': { as: 'case_officer', requests: () => [{ url: '/api/docs/static/index.html' }], ok: 302 },
  'GET /api/docs/static/swagger-initializer.js': { as: 'case_officer', requests: () => [{ url: '/api/docs/static/swagger-initializer.js' }] },
  'GET /api/docs/static/*': { as: 'case_officer', requests: () => [{ url: '/api/docs/static/swagger-ui.css' }] },
  'HEAD /api/docs/static/*': { as: 'case_officer', requests: () => [{ method: 'HEAD', url: '/api/docs/static/swagger-ui.css' }] },
  'POST /api/v1/auth/login': {
    as: 'case_officer',
    requests: ({ viewer }) => [{ method: 'POST', url: '/api/v1/auth/login', payload: { username: viewer.username, password: PASSWORD } }],
  },
  'POST /api/v1/auth/logout': { as: 'case_officer', requests: () => [{ method: 'POST', url: '/api/v1/auth/logout' }], ok: 204, last: true },
  'GET /api/v1/me': { as: 'case_officer', requests: () => [{ url: '/api/v1/me' }] },
  'GET /api/v1/units': { as: 'case_officer', requests: () => [{ url: '/api/v1/units' }], shows: (k) => STATIONS[k].unit },
  'GET /api/v1/incidents': { as: 'case_officer', requests: () => [{ url: '/api/v1/incidents' }], shows: (k) => STATIONS[k].incident },
  'GET /api/v1/incidents/:id': { as: 'case_officer', requests: both((s) => `/api/v1/incidents/${s.incident}`) },
  'GET /api/v1/persons/:id': { as: 'case_officer', requests: both((s) => `/api/v1/persons/${s.person}`) },
  'GET /api/v1/cases': { as: 'case_officer', requests: () => [{ url: '/api/v1/cases' }], shows: (k) => STATIONS[k].caseId },
  'GET /api/v1/cases/:id': { as: 'case_officer', requests: both((s) => `/api/v1/cases/${s.caseId}`) },
  'GET /api/v1/cases/:id/timeline': { as: 'case_officer', requests: both((s) => `/api/v1/cases/${s.caseId}/timeline`) },
  'GET /api/v1/audit': { as: 'legal_officer', requests: () => [{ url: '/api/v1/audit?pageSize=200' }], shows: (k) => STATIONS[k].person },
  'GET /api/v1/imports': { as: 'legal_officer', requests: () => [{ url: '/api/v1/imports?pageSize=200' }], shows: (k) => STATIONS[k].feed },
  'GET /api/v1/imports/:id': {
    as: 'legal_officer',
    requests: ({ importIds }) => (['A', 'B'] as Key[]).map((k) => ({ url: `/api/v1/imports/${importIds[k]}`, owner: k })),
  },
  'GET /api/v1/users': { as: 'admin', requests: () => [{ url: '/api/v1/users' }], shows: (k) => STATIONS[k].officerUser },
  'POST /api/v1/users': {
    as: 'admin',
    requests: ({ seq }) =>
      (['A', 'B'] as Key[]).map((k) => ({
        method: 'POST',
        url: '/api/v1/users',
        owner: k,
        payload: { username: `new${seq()}`, displayName: 'x', password: PASSWORD, role: 'case_officer', unitId: STATIONS[k].unit },
      })),
    ok: 201,
    outOfScope: 400,
  },
  'POST /api/v1/tokens': {
    as: 'admin',
    requests: ({ seq }) =>
      (['A', 'B'] as Key[]).map((k) => ({
        method: 'POST',
        url: '/api/v1/tokens',
        owner: k,
        payload: { username: STATIONS[k].feedUser, name: `t${seq()}`, source: STATIONS[k].feed },
      })),
    ok: 201,
    outOfScope: 400,
  },
  'GET /api/v1/alerts': { as: 'case_officer', requests: () => [{ url: '/api/v1/alerts?pageSize=200' }], shows: (k) => STATIONS[k].caseId },
  'GET /api/v1/alerts/as-of': {
    as: 'case_officer', requests: () => [{ url: `/api/v1/alerts/as-of?at=${encodeURIComponent('2025-03-20T00:00:00+08:00')}` }], shows: (k) => STATIONS[k].caseId,
  },
  'GET /api/v1/alerts/:id': {
    as: 'case_officer', requests: () => (['A', 'B'] as Key[]).map((k) => ({ url: `/api/v1/alerts/${alertIdOf[k]}`, owner: k })),
  },
  'GET /api/v1/rules': { as: 'case_officer', requests: () => [{ url: '/api/v1/rules' }] },
  'POST /api/v1/rules/:id/backtest': {
    as: 'legal_officer',
    requests: () => [{
      method: 'POST', url: '/api/v1/rules/CRIM_DETENTION_NOTIFY_FAMILY_24H/backtest',
      payload: { from: '2025-03-01T00:00:00+08:00', to: '2025-04-01T00:00:00+08:00', params: {} },
    }],
    shows: (k) => STATIONS[k].unit,
  },
  'PUT /api/v1/rules/:id/settings': {
    as: 'admin',
    requests: () => [{ method: 'PUT', url: '/api/v1/rules/CRIM_DETENTION_NOTIFY_FAMILY_24H/settings', payload: { enabled: true } }],
    ok: 204,
  },
  'POST /api/v1/ingest': {
    as: 'admin',
    requests: () => [{ method: 'POST', url: '/api/v1/ingest', headers: { 'content-type': 'application/x-ndjson' }, payload: '' }],
  },
  'POST /api/v1/ingest/batch': {
    as: 'admin',
    requests: () => [{ method: 'POST', url: '/api/v1/ingest/batch', headers: { 'content-type': 'application/json' }, payload: '' }],
  },
};

/** An alert of each station's case (filled once the rule engine has run). */
const alertIdOf = {} as Record<Key, string>;

const LEVELS: { name: string; unitId: string; scope: Key[] }[] = [
  { name: 'station', unitId: STATION_A, scope: ['A'] },
  { name: 'branch', unitId: BRANCH_A, scope: ['A'] },
  { name: 'city', unitId: CITY, scope: ['A', 'B'] },
];

describe('unit scope across every route', () => {
  let db: Database;
  let app: FastifyInstance;
  const importIds = {} as Record<Key, number>;
  let n = 0;
  const seq = () => ++n;

  async function login(username: string, role: Role, unitId: string): Promise<string> {
    await createUser(db, { username, displayName: username, password: PASSWORD, role, unitId });
    const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password: PASSWORD } });
    assert.equal(res.statusCode, 200);
    return `shuju_session=${res.cookies.find((c) => c.name === 'shuju_session')!.value}`;
  }

  before(async () => {
    db = await openTestDatabase();
    await seedCity(db);
    app = await testApp(db);
    // Activity at both stations, so that the audit log, imports and users hold data of each.
    for (const k of ['A', 'B'] as Key[]) {
      const s = STATIONS[k];
      const cookie = await login(s.officerUser, 'case_officer', s.unit);
      for (const url of [`/api/v1/persons/${s.person}`, `/api/v1/incidents/${s.incident}`, `/api/v1/cases/${s.caseId}/timeline`]) {
        assert.equal((await app.inject({ url, headers: { cookie } })).statusCode, 200, url);
      }
      const feed = await createUser(db, { username: s.feedUser, displayName: s.feedUser, password: PASSWORD, role: 'ingest_client', unitId: s.unit });
      const { token } = await createApiToken(db, { userId: feed.id, name: s.feed, source: s.feed });
      const closed = { event: { id: `${s.feed}:closed`, type: 'case.closed', time: '2025-03-15T10:00:00+08:00', relationships: [{ objectId: s.caseId, qualifier: 'case' }] } };
      const res = await app.inject({
        method: 'POST',
        url: '/api/v1/ingest',
        headers: { authorization: `Bearer ${token}`, 'x-source': s.feed, 'content-type': 'application/x-ndjson' },
        payload: toJsonl([closed]),
      });
      assert.equal(res.statusCode, 200, res.body);
      importIds[k] = res.json().importId;
    }
    await new RuleEngine(db).processDirty(new Date('2025-03-20T00:00:00+08:00'));
    for (const k of ['A', 'B'] as Key[]) {
      const { rows } = await db.query<{ id: string }>(`SELECT id FROM rule_alerts WHERE case_id = $1 LIMIT 1`, [STATIONS[k].caseId]);
      assert.ok(rows[0], `station ${k} has an alert`);
      alertIdOf[k] = rows[0].id;
    }
  });
  after(async () => {
    await app.close();
    await db.close();
  });

  it('has a walk entry for every registered route, and no stale ones', async () => {
    await app.ready();
    const registered = app.routeTable.map((r) => `${r.method} ${r.url}`);
    assert.deepEqual(registered.filter((r) => !WALK[r]), [], 'routes without a scope walk entry');
    assert.deepEqual(Object.keys(WALK).filter((k) => !registered.includes(k)), [], 'walk entries without a route');
  });

  it('returns no data of units outside the caller\'s scope, on any route', async () => {
    const route = (key: string) => app.routeTable.find((r) => `${r.method} ${r.url}` === key)!;
    // Each route is walked by a station case officer and by its own role at every level.
    const viewers = new Map<string, Viewer>();
    const viewer = async (role: Role, level: (typeof LEVELS)[number]) => {
      const username = `${role}.${level.name}`;
      if (!viewers.has(username)) {
        viewers.set(username, { role, unitId: level.unitId, scope: level.scope, username, cookie: await login(username, role, level.unitId) });
      }
      return viewers.get(username)!;
    };
    const entries = Object.entries(WALK).sort(([, a], [, b]) => Number(!!a.last) - Number(!!b.last));
    let checked = 0;
    for (const [key, entry] of entries) {
      const walkers = [await viewer('case_officer', LEVELS[0]), ...(await Promise.all(LEVELS.map((l) => viewer(entry.as, l))))];
      const { roles } = route(key);
      for (const v of new Set(walkers)) {
        const requests = entry.requests({ viewer: v, importIds, seq });
        for (const [i, { owner, ...req }] of requests.entries()) {
          const res = await app.inject({ ...req, headers: { ...req.headers, cookie: v.cookie } });
          const what = `${key} ${req.url} as ${v.username}`;
          const allowed = !roles || roles.includes(v.role);
          const expected = !allowed ? 403 : owner && !v.scope.includes(owner) ? entry.outOfScope ?? 404 : entry.ok ?? 200;
          assert.equal(res.statusCode, expected, `${what}: ${res.body.slice(0, 300)}`);
          for (const k of ['A', 'B'] as Key[]) {
            if (v.scope.includes(k)) continue;
            for (const m of markersOf(k)) assert.ok(!res.body.includes(m), `${what} leaks ${m}`);
          }
          if (allowed && entry.shows && i === 0) {
            for (const k of v.scope) assert.ok(res.body.includes(entry.shows(k)), `${what} should show ${entry.shows(k)}`);
          }
          checked++;
        }
      }
    }
    assert.ok(checked > 80, `walked ${checked} requests`);
  });
});
