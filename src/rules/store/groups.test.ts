import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Database } from '../../db/database.js';
import { importRecords } from '../../interchange/import.js';
import { openTestDatabase } from '../../testing/db.js';
import { randomFeed } from '../../testing/random-log.js';
import { VENUE_MEDIA_REACH_MS } from './doc-rows.js';
import { VenueFeed, venueParams } from './venue-events.js';

/**
 * The groups an import writes (groups.ts): every event has one row in event_groups carrying its
 * current time — also after a revision moved it — and the venue feed asks for each room's
 * stretches once (venue-events.ts).
 */
let db: Database;
before(async () => {
  db = await openTestDatabase();
  const feed = randomFeed(23, 8);
  for (const [i, records] of [feed.reference, ...feed.batches.map((b) => b.records)].entries()) {
    const report = await importRecords(db, `groups_${i}.jsonl`, records);
    assert.equal(report.status, 'accepted', JSON.stringify(report.errors.slice(0, 3)));
  }
});
after(() => db.close());

test('every event has one group row with its current time, revisions that moved it included', async () => {
  const { rows } = await db.query<{ events: number; grouped: number; stale: number; moved: number }>(
    `SELECT (SELECT count(*) FROM events)::int AS events,
            (SELECT count(*) FROM event_groups)::int AS grouped,
            (SELECT count(*) FROM event_groups g JOIN events e ON e.id = g.event_id WHERE g.time <> e.time)::int AS stale,
            (SELECT count(*) FROM events WHERE revision > 0 AND NOT void)::int AS moved`);
  assert.ok(rows[0].moved > 0, 'the feed revises events (the random log moves them by up to six hours)');
  assert.equal(rows[0].grouped, rows[0].events);
  assert.equal(rows[0].stale, 0);
});

test('a venue is asked for once per stretch: overlapping and touching windows merge, apart ones stay apart', () => {
  const h = 3_600_000;
  const windows = new Map([
    ['case:a', { venues: ['venue:R1'], from: 0, to: 2 * h }],
    ['case:b', { venues: ['venue:R1', 'venue:R2'], from: 1 * h, to: 3 * h }],
    ['case:c', { venues: ['venue:R1'], from: 3 * h, to: 4 * h }], // touches b's end: one stretch
    ['case:d', { venues: ['venue:R1'], from: 10 * h, to: 11 * h }],
  ]);
  const [venues, from, to] = venueParams(windows)!;
  const iso = (ms: number) => new Date(ms).toISOString();
  assert.deepEqual(venues.map((v, i) => [v, from[i], to[i]]), [
    ['venue:R1', iso(0), iso(4 * h)],
    ['venue:R1', iso(10 * h), iso(11 * h)],
    ['venue:R2', iso(1 * h), iso(3 * h)],
  ]);
  assert.equal(venueParams(new Map()), undefined);
});

test('the surveillance feed gives a group the segments of its rooms within reach of its area events there, as known at T', () => {
  const mark = Date.parse('2025-05-06T02:00:00Z');
  const asOf = new Date('2025-05-10T00:00:00Z');
  const iso = (ms: number) => new Date(ms).toISOString();
  const segment = (id: string, room: string, from: number, to: number, known = 0) =>
    [id, 'media', null, [['kind', known, 'area_cctv'], ['started_at', known, iso(from)], ['ended_at', known, iso(to)]], [['venue', room]], null];
  const reach = VENUE_MEDIA_REACH_MS;
  const feed = new VenueFeed({ events: null, media: JSON.stringify([
    segment('media:ends-at-reach', 'venue:R1', mark - reach - 1000, mark - reach),
    segment('media:ends-before-reach', 'venue:R1', mark - reach - 1000, mark - reach - 1),
    segment('media:starts-at-reach', 'venue:R1', mark + reach, mark + reach + 1000),
    segment('media:starts-after-reach', 'venue:R1', mark + reach + 1, mark + reach + 1000),
    segment('media:other-room', 'venue:R2', mark, mark + 1000),
    segment('media:known-after-T', 'venue:R1', mark, mark + 1000, asOf.getTime() + 1),
  ]) }, asOf);
  const window = { venues: ['venue:R1'], from: mark, to: mark, marks: [['venue:R1', mark]] as Array<[string, number]> };
  assert.deepEqual(feed.mediaFor(window).map((m) => m.id), ['media:ends-at-reach', 'media:starts-at-reach']);
  assert.deepEqual(feed.mediaFor(undefined), []);
});
