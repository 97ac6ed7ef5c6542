import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_SEED, generateDemoCity } from '../../src/demo/city.js';
import type { DemoRecord } from '../../src/demo/records.js';
import { DEFAULT_ANCHOR } from '../../src/demo/time.js';
import { JsonlWriter } from '../shared/jsonl.js';

/**
 * The rule benchmark's year: copies ("cities") of the synthetic demo city 东营市 (`src/demo`:
 * units, officers, case-handling areas, a year of incidents, criminal and administrative cases
 * with detentions, notices, interrogations, area stays, seizures, decisions and closures, mostly
 * compliant, with late and missing acts planted at known rates). Each copy has its own seed and
 * its own ids (every object and event id tagged `C01-`, `C02-`…), so the copies are independent,
 * as if several cities fed one platform — same realism as the demo, any volume. One `.jsonl`
 * file (one import) per city; the demo year runs up to DEFAULT_ANCHOR (exclusive).
 */
export const YEAR_END = new Date(DEFAULT_ANCHOR);

export interface CityFeed {
  path: string;
  events: number;
  objects: number;
}

export interface YearFeed {
  cities: CityFeed[];
  events: number;
  objects: number;
}

export interface YearFeedOptions {
  /** Events wanted in all (whole cities: the result is the nearest multiple of a city's size). */
  events: number;
  /** Size of one city as a share of the demo's default volume (30,000 incidents, ~250,000 events). */
  scale?: number;
  seed?: number;
}

export const cityTag = (k: number): string => `C${String(k + 1).padStart(2, '0')}`;

function tagged(id: string, tag: string): string {
  const colon = id.indexOf(':');
  return `${id.slice(0, colon + 1)}${tag}-${id.slice(colon + 1)}`;
}

/** The record with every id it carries or references tagged (attribute values hold no ids). */
function tagRecord(r: DemoRecord, tag: string): DemoRecord {
  const rels = (list: { objectId: string; qualifier: string }[] | undefined) => list?.map((x) => ({ objectId: tagged(x.objectId, tag), qualifier: x.qualifier }));
  if ('object' in r) return { object: { ...r.object, id: tagged(r.object.id, tag), relationships: rels(r.object.relationships) } };
  return { event: { ...r.event, id: tagged(r.event.id, tag), relationships: rels(r.event.relationships) } };
}

/** Writes city number `k` (seed + k) as one `.jsonl` import. */
export async function writeCityFeed(dir: string, k: number, opts: { scale: number; seed: number }): Promise<CityFeed> {
  const { records } = generateDemoCity({ seed: opts.seed + k, scale: opts.scale });
  const path = join(dir, `demo_20261101T000000_${k + 1}.jsonl`);
  const out = new JsonlWriter(path);
  let events = 0;
  const tag = cityTag(k);
  for (const r of records) {
    if ('event' in r) events++;
    await out.write(tagRecord(r, tag));
  }
  await out.close();
  return { path, events, objects: records.length - events };
}

/**
 * Writes (or, when `dir` already holds a complete feed of the same options, reuses) the year:
 * cities until the wanted number of events is reached, within half a city.
 */
export async function writeYearFeed(dir: string, opts: YearFeedOptions, say: (msg: string) => void = () => {}): Promise<YearFeed> {
  const scale = opts.scale ?? 1;
  const seed = opts.seed ?? DEFAULT_SEED;
  const manifestPath = join(dir, 'feed.json');
  const key = JSON.stringify({ events: opts.events, scale, seed });
  if (existsSync(manifestPath)) {
    const stored = JSON.parse(readFileSync(manifestPath, 'utf8')) as { key: string; feed: YearFeed };
    if (stored.key === key && stored.feed.cities.every((c) => existsSync(c.path))) return stored.feed;
  }
  mkdirSync(dir, { recursive: true });
  const cities: CityFeed[] = [];
  let events = 0;
  let objects = 0;
  while (cities.length === 0 || events + cities[0].events / 2 < opts.events) {
    const started = performance.now();
    const city = await writeCityFeed(dir, cities.length, { scale, seed });
    cities.push(city);
    events += city.events;
    objects += city.objects;
    say(`city ${cities.length}: ${city.events} events, ${city.objects} objects in ${((performance.now() - started) / 1000).toFixed(1)} s (total ${events})`);
  }
  const feed = { cities, events, objects };
  writeFileSync(manifestPath, JSON.stringify({ key, feed }, null, 2));
  return feed;
}
