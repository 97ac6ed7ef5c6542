import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Database } from '../db/database.js';
import { example121, importOk } from '../cases/fixtures/load.js';
import { openTestDatabase } from '../testing/db.js';
import { alertsAsOf, pendingAsOf } from './alerts-as-of.js';
import { RuleEngine } from './engine-service.js';
import { alertFromRow, type AlertRow } from './store/alerts-repository.js';

/**
 * Interchange §12.3: the worked example of §12.1, evaluated as of 2025-03-13T16:00+08:00, raises
 * exactly the alerts the spec lists — and the live engine (dirty groups, deadline table) arrives
 * at the same alerts as the full re-evaluation.
 */
let db: Database;
const AS_OF = new Date('2025-03-13T16:00:00+08:00');
const CASE = 'case:A2503001';

before(async () => {
  db = await openTestDatabase();
  await importOk(db, 'ajgl_20250313T160500_0001.jsonocel', example121(), 'ajgl');
});
after(() => db.close());

const summary = (alerts: Awaited<ReturnType<typeof alertsAsOf>>) =>
  alerts.map((a) => `${a.ruleId} ${a.level} ${a.status} ${a.severity} raised ${a.raisedAt}${a.dueAt ? ` due ${a.dueAt}` : ''}${a.resolvedAt ? ` resolved ${a.resolvedAt}` : ''}`).sort();

test('§12.3: the alerts of the worked example as of 2025-03-13 16:00', async () => {
  const alerts = await alertsAsOf(db, AS_OF);
  assert.deepEqual(summary(alerts), [
    // WARN 03-11 17:40 (18 h), OVERDUE S2 03-11 23:40; notice at +30 h: 6 h late (§13: complied late, level stays overdue).
    'CRIM_DETENTION_ARREST_REQUEST_DEADLINE warning resolved S1 raised 2025-03-12T16:00:00.000Z due 2025-03-13T16:00:00.000Z resolved 2025-03-13T08:00:00.000Z',
    'CRIM_DETENTION_NOTIFY_FAMILY_24H overdue complied_late S2 raised 2025-03-11T09:40:00.000Z due 2025-03-11T15:40:00.000Z resolved 2025-03-11T21:40:00.000Z',
    'INTV_TRANSCRIPT_SIGNATURES violation open S2 raised 2025-03-10T18:10:00.000Z',
    'INTV_TWO_OFFICERS violation open S1 raised 2025-03-10T16:30:00.000Z',
  ]);
  const family = alerts.find((a) => a.ruleId === 'CRIM_DETENTION_NOTIFY_FAMILY_24H')!;
  assert.equal(family.subject.id, 'person:A2503001-R1');
  assert.equal(family.caseId, CASE);
  assert.equal(family.unitId, 'unit:999901510000');
  assert.equal(family.triggerEventId, 'ajgl:E0310-14');
  assert.deepEqual(family.evidenceEventIds, ['ajgl:E0312-03']);
  assert.match(family.message['zh-CN'], /超期6小时/);
  assert.match(family.message['zh-CN'], /《刑事诉讼法》第85条第2款/);
  const two = alerts.find((a) => a.ruleId === 'INTV_TWO_OFFICERS')!;
  assert.match(two.message['zh-CN'], /仅有1名民警/);
});

test('§12.3: open timers of the arrest review and the measure limit are due 2025-03-21 00:00', async () => {
  const pending = await pendingAsOf(db, AS_OF);
  const due = pending.filter((t) => ['CRIM_ARREST_DECISION_AWAIT_7D', 'CRIM_MEASURE_EXPIRED_NOT_LIFTED'].includes(t.ruleId));
  assert.deepEqual(due.map((t) => `${t.ruleId} ${t.dueAt}`).sort(), [
    'CRIM_ARREST_DECISION_AWAIT_7D 2025-03-20T16:00:00.000Z',
    'CRIM_MEASURE_EXPIRED_NOT_LIFTED 2025-03-20T16:00:00.000Z',
  ]);
});

test('the live engine reaches the same alerts: dirty groups at import, then deadlines firing', async () => {
  const engine = new RuleEngine(db);
  // The import happened "at" the detention; the clock then moves on and timers fire.
  await engine.processDirty(new Date('2025-03-10T23:45:00+08:00'));
  await engine.fireDue(AS_OF);
  const { rows } = await db.query<AlertRow>(`SELECT * FROM rule_alerts WHERE status <> 'retracted'`);
  const full = await alertsAsOf(db, AS_OF);
  assert.deepEqual(summary(rows.map(alertFromRow)), summary(full));
});
