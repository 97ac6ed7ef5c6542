import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createUser } from '../auth/users.js';
import type { DbConfig } from '../db/open.js';
import { testBackend, testDatabaseUrl } from '../testing/db.js';
import { importText } from '../interchange/import.js';
import { DEMO_LOGINS_KEY, serve, type DemoSeeder } from './serve.js';
import { CITY, silentLogger, toJsonl } from './test-fixture.js';
import { request } from 'node:http';
import pg from 'pg';

/** A store that survives a restart: a PGlite directory, or a schema on the PostgreSQL server. */
function persistentStore(): { store: DbConfig; cleanup: () => Promise<void> } {
  if (testBackend() === 'pglite') {
    const dir = mkdtempSync(join(tmpdir(), 'shuju-serve-'));
    return { store: { dataDir: dir }, cleanup: async () => rmSync(dir, { recursive: true, force: true }) };
  }
  const schema = `t_serve_${process.pid}`;
  return {
    store: { databaseUrl: testDatabaseUrl(), schema },
    cleanup: async () => {
      const c = new pg.Client({ connectionString: testDatabaseUrl() });
      await c.connect();
      await c.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      await c.end();
    },
  };
}

// Stands in for the demo generator (src/demo/seed.ts): one unit and one account.
const fakeSeeder: DemoSeeder & { calls: number } = Object.assign(
  async (db: Parameters<DemoSeeder>[0], opts: Parameters<DemoSeeder>[1]) => {
    fakeSeeder.calls++;
    opts.onProgress?.(`seed ${opts.seed}`);
    const unit = { object: { id: CITY, type: 'unit', attributes: [{ name: 'name', time: '1970-01-01T00:00:00Z', value: '东营市公安局' }, { name: 'kind', time: '1970-01-01T00:00:00Z', value: 'public_security' }, { name: 'level', time: '1970-01-01T00:00:00Z', value: 'city' }] } };
    await importText(db, { name: 'demo.jsonl', format: 'jsonl', text: toJsonl([unit]) });
    await createUser(db, { username: 'demo.admin', displayName: 'demo', password: 'demo-pass-1', role: 'admin', unitId: CITY });
    return { logins: [{ username: 'demo.admin', password: 'demo-pass-1', role: 'admin', unitName: '东营市公安局' }] };
  },
  { calls: 0 },
);

describe('serve', () => {
  const { store, cleanup } = persistentStore();
  after(cleanup);
  const start = (demo: boolean, printed: string[]) =>
    serve({ store, host: '127.0.0.1', port: 0, demo, seed: 7, logger: silentLogger(), print: (l) => void printed.push(l), seeder: fakeSeeder, handleSignals: false });

  it('seeds an empty store, prints the demo logins, serves, and releases the store on close', { timeout: 30_000 }, async () => {
    const printed: string[] = [];
    const server = await start(true, printed);
    try {
      assert.equal(fakeSeeder.calls, 1);
      assert.ok(printed.some((l) => /demo\.admin\s+demo-pass-1\s+admin\s+东营市公安局/.test(l)), printed.join('\n'));
      assert.ok(printed.includes('  seed 7'));
      const health = await fetch(`${server.url}/api/health`);
      assert.equal(health.status, 200);
      const login = await fetch(`${server.url}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'demo.admin', password: 'demo-pass-1' }),
      });
      assert.equal(login.status, 200);
      const { rows } = await server.db.query<{ value: unknown[] }>('SELECT value FROM platform_settings WHERE key = $1', [DEMO_LOGINS_KEY]);
      assert.equal(rows[0].value.length, 1);
    } finally {
      await server.close();
    }
    await assert.rejects(fetch(`${server.url}/api/health`), 'stopped listening');
  });

  it('finishes an in-flight request before closing', { timeout: 30_000 }, async () => {
    const server = await start(false, []);
    // A login whose body is still arriving when the shutdown begins.
    const { port } = new URL(server.url);
    const req = request({ host: '127.0.0.1', port, method: 'POST', path: '/api/v1/auth/login', headers: { 'content-type': 'application/json' } });
    const response = new Promise<{ status: number; body: string }>((resolve, reject) => {
      req.on('response', (res) => {
        let body = '';
        res.on('data', (c) => (body += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      });
      req.on('error', reject);
    });
    req.write('{"username": "demo.admin", ');
    await new Promise((r) => setTimeout(r, 100));
    const closing = server.close();
    await new Promise((r) => setTimeout(r, 100));
    req.end('"password": "demo-pass-1"}');
    const res = await response;
    assert.equal(res.status, 200, res.body);
    await closing;
  });

  it('does not seed again on a later start, and shows the stored logins', { timeout: 30_000 }, async () => {
    const printed: string[] = [];
    const server = await start(true, printed); // reopening works: the first run released its lock
    await server.close();
    assert.equal(fakeSeeder.calls, 1);
    assert.ok(printed.some((l) => l.includes('demo.admin')));
    assert.ok(!printed.some((l) => l.startsWith('Empty store')));
  });
});
