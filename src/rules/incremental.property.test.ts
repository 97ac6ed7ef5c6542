import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Database } from '../db/database.js';
import { importRecords } from '../interchange/import.js';
import { openTestDatabase } from '../testing/db.js';
import { randomFeed } from '../testing/random-log.js';
import { alertsAsOf } from './alerts-as-of.js';
import { RuleEngine } from './engine-service.js';
import type { Alert } from './engine/finding.js';
import { alertFromRow, type AlertRow } from './store/alerts-repository.js';

/**
 * Issue 3 §3: incremental evaluation == full re-evaluation. Random feeds (every domain, late
 * entries, revisions, voids) are delivered batch by batch; after each batch the live engine
 * (dirty groups at import, deadline table firing as the clock moves) must hold exactly the alerts
 * a full re-evaluation of the stored log gives as of that instant. Runs on PGlite and PostgreSQL.
 */
let db: Database;
before(async () => {
  db = await openTestDatabase();
});
after(() => db.close());

const SEEDS = [11, 23, 37, 41, 59, 62, 78, 97];

const key = (a: Alert) =>
  [a.id, a.ruleId, a.level, a.status, a.severity, a.subject.id, a.caseId, a.unitId, a.dueAt, a.raisedAt, a.resolvedAt, a.triggerEventId, a.evidenceEventIds.join(','), a.message['zh-CN']].join(' | ');

/** The feeds share one store; each seed's cases are compared on their own. */
const ofSeed = (seed: number) => (a: Alert) => (a.caseId ?? a.incidentId ?? '').startsWith(`${a.caseId ? 'case' : 'incident'}:R${seed}`);

async function liveAlerts(seed: number): Promise<string[]> {
  const { rows } = await db.query<AlertRow>(`SELECT * FROM rule_alerts WHERE status <> 'retracted'`);
  return rows.map(alertFromRow).filter(ofSeed(seed)).map(key).sort();
}
const fullAlerts = async (seed: number, at: Date) => (await alertsAsOf(db, at)).filter(ofSeed(seed)).map(key).sort();

for (const seed of SEEDS) {
  test(`random feed ${seed}: the live engine equals full re-evaluation after every batch`, async () => {
    const feed = randomFeed(seed);
    const engine = new RuleEngine(db);
    const ref = await importRecords(db, `rnd_ref_${seed}.jsonl`, feed.reference);
    assert.equal(ref.status, 'accepted', JSON.stringify(ref.errors.slice(0, 3)));
    let raised = 0;
    for (const [i, batch] of feed.batches.entries()) {
      const report = await importRecords(db, `rnd_${seed}_${i}.jsonl`, batch.records);
      assert.equal(report.status, 'accepted', JSON.stringify(report.errors.slice(0, 3)));
      // The clock reaches the batch's instant: due timers fire, then the import is evaluated.
      await engine.fireDue(batch.at);
      await engine.processDirty(batch.at);
      const full = await fullAlerts(seed, batch.at);
      assert.deepEqual(await liveAlerts(seed), full, `seed ${seed}, after batch ${i} at ${batch.at.toISOString()}`);
      raised += full.length;
    }
    // Quiet time passes with no import: only the deadline table moves the alerts.
    await engine.fireDue(feed.end);
    assert.deepEqual(await liveAlerts(seed), await fullAlerts(seed, feed.end), `seed ${seed}, at the end`);
    assert.ok(raised > 0, 'the feed raises alerts at all');
  });
}

test('a void retracts the alert it raised; the record stays, and it counts nowhere', async () => {
  await db.exec('TRUNCATE rule_alerts, rule_deadlines, rule_dirty_groups');
  const engine = new RuleEngine(db);
  const t = (hm: string) => `2025-05-06T${hm}:00+08:00`;
  const caseRecords = [
    { object: { id: 'case:VOID1', type: 'case', attributes: [{ name: 'kind', time: t('08:00'), value: 'criminal' }, { name: 'category', time: t('08:00'), value: '050200' }], relationships: [{ objectId: 'unit:701510000000', qualifier: 'unit' }] } },
    { object: { id: 'person:VOID1-S', type: 'person', attributes: [{ name: 'name', time: t('08:00'), value: '某丙' }, { name: 'role', time: t('08:00'), value: 'suspect' }], relationships: [{ objectId: 'case:VOID1', qualifier: 'case' }] } },
  ];
  const detained = { id: 'ajgl:VOID1-1', type: 'person.detained', time: t('09:00'), relationships: [{ objectId: 'person:VOID1-S', qualifier: 'subject' }, { objectId: 'case:VOID1', qualifier: 'case' }, { objectId: 'officer:90', qualifier: 'officer' }] };
  assert.equal((await importRecords(db, 'void_1.jsonl', [...caseRecords, { event: detained }])).status, 'accepted');
  const later = new Date('2025-05-08T09:00:00+08:00');
  await engine.processDirty(later);
  const before = await db.query<{ rule_id: string; status: string }>(`SELECT rule_id, status FROM rule_alerts WHERE case_id = 'case:VOID1' ORDER BY rule_id`);
  assert.ok(before.rows.some((r) => r.rule_id === 'CRIM_DETENTION_NOTIFY_FAMILY_24H' && r.status === 'open'));
  assert.equal((await importRecords(db, 'void_2.jsonl', [{ event: { ...detained, attributes: [{ name: 'revision', value: '1' }, { name: 'void', value: 'true' }] } }])).status, 'accepted');
  await engine.processDirty(later);
  const afterVoid = await db.query<{ rule_id: string; status: string }>(`SELECT rule_id, status FROM rule_alerts WHERE case_id = 'case:VOID1' ORDER BY rule_id`);
  assert.deepEqual(afterVoid.rows.map((r) => r.rule_id), before.rows.map((r) => r.rule_id), 'every alert is kept on record');
  assert.ok(afterVoid.rows.every((r) => r.status === 'retracted'), JSON.stringify(afterVoid.rows));
  assert.deepEqual((await alertsAsOf(db, later)).filter((a) => a.caseId === 'case:VOID1'), []);
});
