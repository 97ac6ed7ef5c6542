import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Database } from '../db/database.js';
import { openTestDatabase } from '../testing/db.js';
import { specExample } from '../testing/shared.js';
import { processInbox, reportPathOf } from './inbox.js';

describe('inbox folder', () => {
  let db: Database;
  let dir: string;
  before(async () => {
    db = await openTestDatabase();
    dir = mkdtempSync(join(tmpdir(), 'shuju-inbox-'));
  });
  after(async () => {
    await db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('imports each settled file once and writes its report beside it', async () => {
    const good = join(dir, 'ajgl_20250313T160000_1.jsonocel');
    const bad = join(dir, 'baq_20250311T021500_7.jsonl');
    const fresh = join(dir, 'baq_20250311T021500_8.jsonl');
    writeFileSync(good, specExample('12.1'));
    writeFileSync(bad, '{"event": {"id": "baq:X-1", "type": "case.closed", "time": "2025-03-11T00:30:00"}}\n');
    writeFileSync(fresh, specExample('12.2'));
    const old = new Date(Date.now() - 60_000);
    utimesSync(good, old, old);
    utimesSync(bad, old, old);
    const first = await processInbox(db, dir, { settleMs: 5_000 });
    assert.deepEqual(first.map((x) => x.report.status), ['accepted', 'rejected']);
    assert.equal(first[0].report.counts.events_new, 14);
    assert.equal(JSON.parse(readFileSync(reportPathOf(good), 'utf8')).status, 'accepted');
    const badReport = JSON.parse(readFileSync(reportPathOf(bad), 'utf8'));
    assert.equal(badReport.errors[0].code, 'time_without_offset');
    assert.equal(badReport.errors[0].line, 1);
    assert.ok(!existsSync(reportPathOf(fresh)), 'a file still being written is left alone');
    const { rows } = await db.query<{ source: string }>('SELECT DISTINCT source FROM imports ORDER BY source');
    assert.deepEqual(rows.map((r) => r.source), ['ajgl', 'baq'], 'the source is read from the file name');
    assert.deepEqual(await processInbox(db, dir, { settleMs: 5_000 }), [], 'handled files are not imported again');
  });
});
