import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Database } from './database.js';
import { migrate } from './migrate.js';
import { openTestDatabase } from '../testing/db.js';

describe('database layer', () => {
  let db: Database;
  before(async () => {
    db = await openTestDatabase();
  });
  after(async () => db.close());

  it('applies every migration once', async () => {
    assert.deepEqual(await migrate(db), []);
    const { rows } = await db.query<{ name: string }>('SELECT name FROM schema_migrations ORDER BY name');
    assert.ok(rows.length >= 2);
  });

  it('bulk-loads rows with awkward characters unchanged', async () => {
    const odd = 'tab\there\nnew line \\ backslash 中文';
    await db.copyRows('imports', ['name', 'format', 'status', 'counts'], [
      [odd, 'jsonl', 'accepted', { a: 1 }],
      ['second', 'jsonocel', 'rejected', {}],
    ]);
    const { rows } = await db.query<{ name: string; counts: unknown }>(
      'SELECT name, counts FROM imports ORDER BY id',
    );
    assert.equal(rows[0].name, odd);
    assert.deepEqual(rows[0].counts, { a: 1 });
    assert.equal(rows.length, 2);
  });

  it('rolls a failed transaction back whole', async () => {
    await assert.rejects(
      db.transaction(async (tx) => {
        await tx.query("INSERT INTO platform_settings (key, value) VALUES ('k', '1')");
        throw new Error('boom');
      }),
      /boom/,
    );
    const { rows } = await db.query("SELECT * FROM platform_settings WHERE key = 'k'");
    assert.equal(rows.length, 0);
  });

  it('refuses to change or delete audit records', async () => {
    await db.query("INSERT INTO audit_log (action) VALUES ('test.read')");
    await assert.rejects(db.query("UPDATE audit_log SET action = 'x'"), /append-only/);
    await assert.rejects(db.query('DELETE FROM audit_log'), /append-only/);
  });
});
