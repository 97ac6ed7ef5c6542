import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Database } from '../db/database.js';
import { importRecords } from '../interchange/import.js';
import { openTestDatabase } from '../testing/db.js';
import { randomFeed } from '../testing/random-log.js';
import { RuleEngine } from './engine-service.js';
import type { GroupResult } from './engine/evaluate.js';

/**
 * Full re-evaluation gives the same results however it is run: in the engine's thread or in
 * worker threads, in pages of any size (pages of three groups here, so that many pages are in
 * flight at once).
 */
let db: Database;
let end: Date;
before(async () => {
  db = await openTestDatabase();
  for (const seed of [5, 19]) {
    const feed = randomFeed(seed, 6);
    for (const [i, records] of [feed.reference, ...feed.batches.map((b) => b.records)].entries()) {
      const report = await importRecords(db, `full_${seed}_${i}.jsonl`, records);
      assert.equal(report.status, 'accepted', JSON.stringify(report.errors.slice(0, 3)));
    }
    end = feed.end;
  }
});
after(() => db.close());

async function evaluateAll(workers: number, batch: number): Promise<Map<string, GroupResult>> {
  const out = new Map<string, GroupResult>();
  for await (const page of new RuleEngine(db, { workers, batch }).evaluateAll(end)) for (const [g, r] of page) out.set(g, r);
  return out;
}

const canonical = (results: Map<string, GroupResult>) =>
  [...results].map(([g, r]) => JSON.stringify([g, r.alerts.map((a) => JSON.stringify(a)).sort(), r.timers.map((t) => JSON.stringify(t)).sort()])).sort();

test('worker threads and the engine thread give the same results, page by page or all at once', async () => {
  const inThread = await evaluateAll(0, 500);
  assert.ok(inThread.size > 6, `${inThread.size} groups`);
  assert.ok([...inThread.values()].some((r) => r.alerts.length > 0), 'the feeds raise alerts');
  assert.deepEqual(canonical(await evaluateAll(0, 1)), canonical(inThread));
  assert.deepEqual(canonical(await evaluateAll(2, 1)), canonical(inThread));
});
