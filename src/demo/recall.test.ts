import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Database } from '../db/database.js';
import { openTestDatabase } from '../testing/db.js';
import { demoRecall, type RecallReport } from './recall.js';
import { seedDemoCity } from './seed.js';

/**
 * Issue 3 acceptance on a small demo city: every planted defect is found (recall 1.0 per kind)
 * and no other problem alert is raised (the generator makes everything else compliant).
 */
let db: Database;
let report: RecallReport;
before(async () => {
  db = await openTestDatabase();
  await seedDemoCity(db, { scale: 0.06 });
  report = await demoRecall(db);
});
after(() => db.close());

test('finds every planted defect (recall 1.0 for each planted kind)', () => {
  for (const k of report.kinds) {
    assert.ok(k.planted > 0, `${k.kind}: nothing planted at this scale`);
    assert.equal(k.found, k.planted, `${k.ruleId}: found ${k.found} of ${k.planted}; first missed: ${JSON.stringify(report.missed.find((d) => d.kind === k.kind))}`);
  }
});

test('raises no problem alert that the planted defects do not explain', () => {
  const sample = report.unexpected.slice(0, 3).map((a) => `${a.ruleId} ${a.caseId ?? a.incidentId} ${a.message['zh-CN']}`);
  assert.equal(report.unexpected.length, 0, sample.join('\n'));
});
