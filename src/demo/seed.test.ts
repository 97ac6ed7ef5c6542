import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { verifyLogin } from '../auth/users.js';
import type { Database } from '../db/database.js';
import { openTestDatabase } from '../testing/db.js';
import { generateDemoCity, seedDemoCity } from './seed.js';

const digest = (value: unknown) => createHash('sha256').update(JSON.stringify(value)).digest('hex');

describe('generateDemoCity', () => {
  it('is deterministic: the same seed gives byte-identical records, manifest and logins', () => {
    const a = generateDemoCity({ seed: 11, scale: 0.05 });
    const b = generateDemoCity({ seed: 11, scale: 0.05 });
    assert.equal(digest(a.records), digest(b.records));
    assert.equal(digest(a.manifest), digest(b.manifest));
    assert.deepEqual(a.logins, b.logins);
  });

  it('gives another city for another seed', () => {
    const a = generateDemoCity({ seed: 11, scale: 0.05 });
    const b = generateDemoCity({ seed: 12, scale: 0.05 });
    assert.notEqual(digest(a.records), digest(b.records));
    assert.notEqual(a.logins[0].password, b.logins[0].password);
  });

  it('scales the incident volume, not the reference data', () => {
    const small = generateDemoCity({ scale: 0.02 }).manifest.counts;
    const larger = generateDemoCity({ scale: 0.08 }).manifest.counts;
    assert.equal(small['object:officer'], larger['object:officer']);
    const ratio = larger['object:incident'] / small['object:incident'];
    assert.ok(ratio > 3 && ratio < 5, `ratio ${ratio}`);
  });

  it('rejects a bad seed or scale', () => {
    assert.throws(() => generateDemoCity({ seed: -1 }), /seed/);
    assert.throws(() => generateDemoCity({ scale: 0 }), /scale/);
  });
});

describe('seedDemoCity', () => {
  let db: Database;
  before(async () => {
    db = await openTestDatabase();
  });
  after(async () => {
    await db.close();
  });

  it('imports a small city through the importer, records the manifest and creates the demo accounts', async () => {
    const messages: string[] = [];
    const { logins } = await seedDemoCity(db, { seed: 5, scale: 0.02, onProgress: (m) => messages.push(m) });
    const city = generateDemoCity({ seed: 5, scale: 0.02 });

    const { rows: imports } = await db.query<{ status: string }>(`SELECT status FROM imports WHERE source = 'demo'`);
    assert.ok(imports.length > 0 && imports.every((r) => r.status === 'accepted'), messages.join('\n'));
    const { rows: counts } = await db.query<{ objects: string; events: string }>(
      'SELECT (SELECT count(*) FROM objects) AS objects, (SELECT count(*) FROM events) AS events',
    );
    assert.equal(Number(counts[0].objects), city.manifest.counts.objects);
    assert.equal(Number(counts[0].events), city.manifest.counts.events);

    const { rows: settings } = await db.query<{ key: string; value: { seed?: number; synthetic?: boolean; defects?: unknown[] } }>(
      `SELECT key, value FROM platform_settings WHERE key IN ('demo.manifest', 'demo.seed') ORDER BY key`,
    );
    assert.deepEqual(settings.map((s) => s.key), ['demo.manifest', 'demo.seed']);
    assert.equal(settings[0].value.defects?.length, city.manifest.defects.length);
    assert.equal(settings[1].value.seed, 5);
    assert.equal(settings[1].value.synthetic, true);

    const roles = new Set(logins.map((l) => l.role));
    for (const role of ['admin', 'bureau_leader', 'legal_officer', 'unit_head', 'case_officer', 'ingest_client']) assert.ok(roles.has(role as never), role);
    const head = logins.find((l) => l.role === 'unit_head');
    const user = await verifyLogin(db, head!.username, head!.password);
    assert.equal(user?.unitId, head!.unitId);
    assert.ok(user?.officerId?.startsWith('officer:'));
  });

  it('can run again on the same store: imports are unchanged and existing accounts are kept', async () => {
    await seedDemoCity(db, { seed: 5, scale: 0.02 });
    const { rows } = await db.query<{ n: string }>(`SELECT count(*) AS n FROM users WHERE username = 'admin'`);
    assert.equal(Number(rows[0].n), 1);
  });
});
