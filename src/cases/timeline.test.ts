import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Database } from '../db/database.js';
import { importRecords, importText } from '../interchange/import.js';
import { EVENT_TYPES } from '../interchange/registry.js';
import type { OcelEvent, OcelLog, OcelObject } from '../interchange/types.js';
import { cliOperator } from '../org/actor.js';
import { openTestDatabase } from '../testing/db.js';
import { formatTimeline } from './case-command.js';
import { EVENT_LABELS } from './event-labels.js';
import { BRANCH, CASE_A, CASE_B, CITY, STATION_A, STATION_B, example121, seedCases, userAt } from './fixtures/load.js';
import { caseTimeline } from './timeline.js';

const cli = cliOperator('cli:test');

describe('case timeline', () => {
  let db: Database;
  let imports: Awaited<ReturnType<typeof seedCases>>;
  const spec: OcelLog = JSON.parse(example121());
  before(async () => {
    db = await openTestDatabase();
    imports = await seedCases(db);
  });
  after(async () => db.close());

  it('has exactly the 14 events of example 12.1, in time order, with their sources', async () => {
    const t = await caseTimeline(db, cli, CASE_A);
    assert.ok(t);
    assert.deepEqual(t.events.map((e) => e.id), spec.events.map((e) => e.id));
    assert.deepEqual(t.events.map((e) => Date.parse(e.time)), spec.events.map((e) => Date.parse(e.time)));
    for (const e of t.events) {
      assert.match(e.time, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+08:00$/);
      assert.equal(e.source.source, e.id.slice(0, e.id.indexOf(':')), 'the recording system, from the event id');
      assert.equal(e.source.deliveredBy, 'ajgl');
      assert.equal(e.source.importId, imports.a.importId);
      assert.equal(e.source.importName, 'ajgl_20250313T160500_0001.jsonocel');
      assert.equal(e.source.revision, 0);
      assert.match(e.source.receivedAt, /\+08:00$/);
    }
    assert.equal(t.events[0].time, '2025-03-10T20:42:10+08:00');
  });

  it('labels, attributes, related objects by name and the officers of each event', async () => {
    const t = (await caseTimeline(db, cli, CASE_A))!;
    assert.deepEqual(t.case, {
      id: CASE_A,
      unitId: STATION_A,
      unitName: '新华派出所',
      attributes: { amount_involved: '4800.00', av_required: 'false', category: '050200', charge: '盗窃罪', kind: 'criminal' },
    });
    const detained = t.events.find((e) => e.id === 'ajgl:E0310-14')!;
    assert.equal(detained.label, '刑事拘留');
    assert.equal(detained.labelEn, 'Criminal detention');
    assert.deepEqual(detained.objects, [
      { id: CASE_A, type: 'case', qualifier: 'case', name: null },
      { id: 'document:A2503001-W4', type: 'document', qualifier: 'document', name: '拘留证' },
      { id: 'officer:999101', type: 'officer', qualifier: 'officer', name: '张某' },
      { id: 'person:A2503001-R1', type: 'person', qualifier: 'subject', name: '王某' },
    ]);
    assert.deepEqual(detained.officers, [{ id: 'officer:999101', name: '张某' }]);
    const interrogation = t.events.find((e) => e.id === 'baq:XW0311-1')!;
    assert.deepEqual(interrogation.attributes, [
      { name: 'kind', value: 'interrogation' },
      { name: 'av_recorded', value: 'false' },
      { name: 'first_time', value: 'true' },
    ]);
    assert.equal(interrogation.objects.find((o) => o.qualifier === 'venue')?.name, '第一讯问室');
    const filed = t.events.find((e) => e.id === 'ajgl:E0310-13')!;
    assert.deepEqual(filed.officers, [{ id: 'officer:999002', name: '李某' }]);
    const request = t.events.find((e) => e.id === 'ajgl:E0313-21')!;
    assert.equal(request.objects.find((o) => o.qualifier === 'target_unit')?.name, '城区人民检察院');
  });

  it('never shows the case of the other station', async () => {
    const t = (await caseTimeline(db, cli, CASE_A))!;
    const text = JSON.stringify(t);
    assert.doesNotMatch(text, /A2503002|J2503120033|999901520000|9992\d\d/);
  });

  it('joins the rooms a person was in: officers entering and snapshots during the stay only', async () => {
    const t = (await caseTimeline(db, cli, CASE_B))!;
    const ids = t.events.map((e) => e.id);
    assert.ok(ids.includes('baq:Q0312-2'), 'officer entering the room during the stay');
    assert.ok(ids.includes('baq:Q0312-3'), 'occupancy snapshot during the stay');
    assert.ok(!ids.includes('baq:Q0312-7'), 'snapshot after the person left');
    assert.equal(t.events.length, 13);
    assert.equal(t.events.find((e) => e.id === 'baq:Q0312-4')!.time, '2025-03-12T10:40:00.25+08:00');
    assert.equal(t.case.attributes.occurred_at, '2025-03-12T08:50:00+08:00');
    assert.doesNotMatch(JSON.stringify(t), /A2503001|J2503100187/);
  });

  it('is scoped: a station sees its own case only; branch and city see both', async () => {
    assert.ok(await caseTimeline(db, userAt(STATION_A), CASE_A));
    assert.equal(await caseTimeline(db, userAt(STATION_A), CASE_B), null);
    assert.equal(await caseTimeline(db, userAt(STATION_B), CASE_A), null);
    assert.ok(await caseTimeline(db, userAt(STATION_B), CASE_B));
    for (const unit of [BRANCH, CITY]) {
      assert.ok(await caseTimeline(db, userAt(unit, 'legal_officer'), CASE_A));
      assert.ok(await caseTimeline(db, userAt(unit, 'legal_officer'), CASE_B));
    }
    assert.equal(await caseTimeline(db, cli, 'case:absent'), null);
    assert.equal(await caseTimeline(db, cli, 'person:A2503001-R1'), null, 'only cases have timelines');
  });

  it('masks person names for callers without the right to personal data', async () => {
    const t = (await caseTimeline(db, userAt(CITY, 'admin'), CASE_A))!;
    const names = t.events.flatMap((e) => e.objects.filter((o) => o.type === 'person').map((o) => o.name));
    assert.ok(names.length > 0);
    assert.ok(names.every((n) => n === '王*' || n === '赵*'), names.join());
    assert.equal(t.events.find((e) => e.id === 'ajgl:E0310-14')!.officers[0].name, '张某', 'officers are not masked');
  });

  it('audits every read', async () => {
    const actor = userAt(STATION_A, 'unit_head');
    await caseTimeline(db, actor, CASE_A);
    const { rows } = await db.query<{ action: string; resource_type: string; detail: { events: number } }>(
      `SELECT action, resource_type, detail FROM audit_log WHERE username = $1 AND resource_id = $2`,
      [actor.username, CASE_A],
    );
    assert.deepEqual(rows.map((r) => [r.action, r.resource_type, r.detail.events]), [['case.timeline.read', 'case', 14]]);
  });

  it('prints as a table with time, label, who, where and source', async () => {
    const text = formatTimeline((await caseTimeline(db, cli, CASE_A))!);
    const row = text.split('\n').find((l) => l.startsWith('2025-03-10T23:40:00+08:00'))!;
    assert.match(row, /刑事拘留\s+张某 → 王某\s+ajgl #\d+$/);
    assert.match(text, /2025-03-11T00:30:00\+08:00\s+讯（询）问开始\s+张某 → 王某\s+第一讯问室\s+baq via ajgl #\d+/);
    assert.match(text, /14 events/);
  });

  it('has a zh-CN and an English label for every event type of §8', () => {
    for (const type of Object.keys(EVENT_TYPES)) {
      assert.ok(EVENT_LABELS[type]?.zh && EVENT_LABELS[type]?.en, type);
    }
  });
});

describe('case timeline: revisions and retractions', () => {
  let db: Database;
  before(async () => {
    db = await openTestDatabase();
    await seedCases(db);
  });
  after(async () => db.close());

  it('shows the latest revision and leaves void events out', async () => {
    const spec: OcelLog = JSON.parse(example121());
    const ev = (id: string) => spec.events.find((e) => e.id === id)!;
    const notified = ev('ajgl:E0312-03');
    const rights = ev('ajgl:E0311-02');
    const report = await importRecords(db, 'ajgl_20250314T090000_0003.jsonl', [
      { event: { ...notified, attributes: [...notified.attributes!, { name: 'revision', value: '1' }, { name: 'reason', value: '补录' }] } },
      { event: { ...rights, attributes: [...rights.attributes!, { name: 'revision', value: '2' }, { name: 'void', value: 'true' }] } },
    ], { source: 'ajgl' });
    assert.equal(report.status, 'accepted', JSON.stringify(report.errors));
    const t = (await caseTimeline(db, cli, CASE_A))!;
    assert.equal(t.events.length, 13);
    assert.ok(!t.events.some((e) => e.id === 'ajgl:E0311-02'));
    const revised = t.events.find((e) => e.id === 'ajgl:E0312-03')!;
    assert.equal(revised.source.revision, 1);
    assert.equal(revised.source.importId, report.importId);
    assert.deepEqual(revised.attributes.map((a) => a.name), ['measure', 'method', 'reason']);
  });
});

describe('case timeline: one incident, two cases', () => {
  let db: Database;
  before(async () => {
    db = await openTestDatabase();
    await seedCases(db);
    // The other station opens a second case from the first station's incident.
    const r = await importRecords(db, 'ajgl_20250315T090000_0004.jsonl', [
      { object: { id: 'case:A2503003', type: 'case', attributes: [{ name: 'kind', time: '2025-03-15T09:00:00+08:00', value: 'administrative' }, { name: 'category', time: '2025-03-15T09:00:00+08:00', value: 'ZA0101' }], relationships: [{ objectId: STATION_B, qualifier: 'unit' }] } },
      { event: { id: 'ajgl:E0315-01', type: 'case.accepted', time: '2025-03-15T09:00:00+08:00', relationships: [{ objectId: 'case:A2503003', qualifier: 'case' }, { objectId: 'incident:J2503100187', qualifier: 'incident' }, { objectId: STATION_B, qualifier: 'unit' }] } },
    ], { source: 'ajgl' });
    assert.equal(r.status, 'accepted', JSON.stringify(r.errors));
  });
  after(async () => db.close());

  it('keeps each case\'s own events apart, sharing the incident\'s', async () => {
    const a = (await caseTimeline(db, cli, CASE_A))!;
    assert.equal(a.events.length, 14);
    assert.doesNotMatch(JSON.stringify(a), /A2503003|E0315-01/);
    const c = (await caseTimeline(db, userAt(STATION_B), 'case:A2503003'))!;
    assert.deepEqual(c.events.map((e) => e.id), [
      'jcj110:J2503100187-1', 'jcj110:J2503100187-2', 'jcj110:J2503100187-3', 'jcj110:J2503100187-4', 'ajgl:E0315-01',
    ]);
  });
});

describe('case timeline: a case with thousands of events', () => {
  let db: Database;
  const N = 1500;
  before(async () => {
    db = await openTestDatabase();
    await seedCases(db);
    const objects: OcelObject[] = [
      { id: 'case:A2503099', type: 'case', attributes: [{ name: 'kind', time: '2025-01-01T08:00:00+08:00', value: 'criminal' }, { name: 'category', time: '2025-01-01T08:00:00+08:00', value: '050200' }], relationships: [{ objectId: STATION_A, qualifier: 'unit' }] },
      { id: 'person:A2503099-R1', type: 'person', attributes: [{ name: 'name', time: '2025-01-01T08:00:00+08:00', value: '钱某' }, { name: 'role', time: '2025-01-01T08:00:00+08:00', value: 'suspect' }], relationships: [{ objectId: 'case:A2503099', qualifier: 'case' }] },
    ];
    const events: OcelEvent[] = [];
    const at = (i: number) => new Date(Date.UTC(2025, 0, 1) + i * 60_000).toISOString().replace('.000Z', 'Z');
    for (let i = 0; i < N; i++) {
      // per minute: a notice to the person, and every other minute a room entry and an officer snapshot
      events.push({ id: `ajgl:N${i}`, type: 'notice.served', time: at(i), attributes: [{ name: 'notice_type', value: 'rights_notice' }], relationships: [{ objectId: 'case:A2503099', qualifier: 'case' }, { objectId: 'person:A2503099-R1', qualifier: 'subject' }] });
      if (i % 2 === 0) {
        events.push({ id: `baq:E${i}`, type: 'area.entered', time: at(i), relationships: [{ objectId: 'person:A2503099-R1', qualifier: 'subject' }, { objectId: 'venue:999901000000-XW01', qualifier: 'venue' }] });
        events.push({ id: `baq:O${i}`, type: 'venue.occupancy_observed', time: at(i), attributes: [{ name: 'officers', value: '1' }, { name: 'subjects', value: '1' }, { name: 'source', value: 'video' }], relationships: [{ objectId: 'venue:999901000000-XW01', qualifier: 'venue' }] });
      }
    }
    const report = await importText(db, { name: 'big.jsonl', format: 'jsonl', text: [...objects.map((object) => JSON.stringify({ object })), ...events.map((event) => JSON.stringify({ event }))].join('\n') }, { source: 'ajgl' });
    assert.equal(report.status, 'accepted', JSON.stringify(report.errors.slice(0, 3)));
  });
  after(async () => db.close());

  it('reads them in one query, in order, quickly', async () => {
    const started = performance.now();
    const t = (await caseTimeline(db, cli, 'case:A2503099'))!;
    const ms = performance.now() - started;
    assert.equal(t.events.length, N * 2);
    for (let i = 1; i < t.events.length; i++) {
      const [a, b] = [t.events[i - 1], t.events[i]];
      assert.ok(a.time < b.time || (a.time === b.time && a.id < b.id), `${a.id} before ${b.id}`);
    }
    assert.ok(ms < 3000, `timeline of ${t.events.length} events took ${ms.toFixed(0)} ms`);
    // the other case is untouched by this one's room
    assert.equal((await caseTimeline(db, cli, CASE_A))!.events.length, 14);
  });
});
