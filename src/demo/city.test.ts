import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { QUALIFIER_TARGETS } from '../interchange/registry.js';
import { validateRecord } from '../interchange/validate.js';
import { type DemoCity, generateDemoCity } from './city.js';
import { insideDistrict, wgs84ToGcj02, loadCityDistricts } from './geo.js';
import { idCheckDigit } from './names.js';
import { DEFAULT_ANCHOR, parseTime } from './time.js';

// The default-scale city, generated once for every volume and contract check below.
let city: DemoCity;

before(() => {
  city = generateDemoCity();
});

const objects = () => city.records.flatMap((r) => ('object' in r ? [r.object] : []));
const events = () => city.records.flatMap((r) => ('event' in r ? [r.event] : []));
const attr = (o: { attributes?: { name: string; value: string }[] }, name: string) => o.attributes?.find((a) => a.name === name)?.value;

describe('demo city at the default scale', () => {
  it('has a mid-size city’s volume', () => {
    const c = city.manifest.counts;
    assert.equal(c['object:unit'], 64);
    assert.ok(c['object:officer'] >= 280 && c['object:officer'] <= 340, `${c['object:officer']} officers`);
    assert.ok(c['object:incident'] > 28_000 && c['object:incident'] < 32_000, `${c['object:incident']} incidents`);
    const caseShare = c['object:case'] / c['object:incident'];
    assert.ok(caseShare > 0.08 && caseShare < 0.15, `cases are ${(caseShare * 100).toFixed(1)}% of incidents`);
    for (const type of ['case.filed', 'person.detained', 'person.arrested', 'case.decided', 'item.seized', 'case.recovery_recorded']) {
      assert.ok(c[`event:${type}`] > 100, `${type}: ${c[`event:${type}`]}`);
    }
    // Rooms, officers and persons are never double-booked (INTV_SEPARATE_SESSIONS, holding-room separation).
    assert.equal(c.scheduling_overlaps, 0, `${c.scheduling_overlaps} scheduling overlaps`);
  });

  it('has the units of the brief: city, five branches, stations, brigades, centres, facilities, procuratorates', () => {
    const units = objects().filter((o) => o.type === 'unit');
    const level = (l: string) => units.filter((u) => attr(u, 'level') === l);
    assert.equal(level('city').length, 1);
    assert.deepEqual(level('branch').map((u) => attr(u, 'name')).sort(), [
      '东营市公安局东营分局', '东营市公安局垦利分局', '东营市公安局河口分局', '利津县公安局', '广饶县公安局',
    ].sort());
    assert.equal(level('center').length, 5);
    assert.ok(level('station').length >= 15 && level('station').length <= 30);
    assert.ok(level('detention_center').length >= 1 && level('admin_detention_facility').length >= 1);
    assert.equal(units.filter((u) => attr(u, 'kind') === 'procuratorate').length, 6);
    const root = level('city')[0];
    assert.equal(root.id, 'unit:370500000000');
    assert.equal(attr(root, 'x_synthetic'), 'true');
  });

  it('passes the contract’s record-level validation (registry types, enums, cardinalities, times)', () => {
    const ctx = { profile: 'shuju' as const, nowMicros: BigInt(Date.now()) * 1000n, futureToleranceMicros: 600_000_000n };
    const errors = city.records.flatMap((r, i) =>
      validateRecord('object' in r
        ? { kind: 'object', raw: r.object, line: i + 1, pointer: '/object' }
        : { kind: 'event', raw: r.event, line: i + 1, pointer: '/event' }, ctx).errors);
    assert.deepEqual(errors.slice(0, 5), []);
  });

  it('references only objects sent earlier, of the type the qualifier names', () => {
    const types = new Map<string, string>();
    const problems: string[] = [];
    for (const r of city.records) {
      const rec = 'object' in r ? r.object : r.event;
      for (const rel of rec.relationships ?? []) {
        const target = types.get(rel.objectId);
        if (!target || !QUALIFIER_TARGETS[rel.qualifier]?.includes(target)) problems.push(`${rec.id} ${rel.qualifier} ${rel.objectId}`);
      }
      if ('object' in r) types.set(r.object.id, r.object.type);
    }
    assert.deepEqual(problems.slice(0, 5), []);
  });

  it('dates everything before the anchor, with seconds and the +08:00 offset', () => {
    const anchor = parseTime(DEFAULT_ANCHOR);
    const form = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+08:00$/;
    for (const e of events()) {
      assert.match(e.time, form);
      assert.ok(parseTime(e.time) < anchor, e.id);
    }
    for (const o of objects()) {
      for (const a of o.attributes ?? []) assert.ok(a.time === '1970-01-01T00:00:00Z' || (form.test(a.time) && parseTime(a.time) < anchor), o.id);
    }
  });

  it('follows a daily rhythm: night hours are quieter than the evening', () => {
    const byHour = new Array(24).fill(0);
    for (const e of events()) if (e.type === 'incident.received') byHour[Number(e.time.slice(11, 13))]++;
    assert.ok(byHour[19] > 4 * byHour[4], `19h ${byHour[19]} vs 4h ${byHour[4]}`);
  });

  it('places every incident inside the district of its station', () => {
    const districts = loadCityDistricts();
    const outside: string[] = [];
    const incidents = objects().filter((x) => x.type === 'incident');
    for (const o of incidents) {
      const unit = o.relationships?.find((r) => r.qualifier === 'unit')?.objectId ?? '';
      const district = districts.find((d) => unit.startsWith(`unit:${d.adcode}`));
      assert.ok(district, `${o.id} has no district`);
      // coordinates travel as WGS-84; the district maps are GCJ-02
      const point: [number, number] = wgs84ToGcj02([Number(attr(o, 'lon')), Number(attr(o, 'lat'))]);
      if (!insideDistrict(district, point)) outside.push(`${o.id} at ${point} outside ${district.name}`);
      assert.ok((attr(o, 'text') ?? '').length > 0);
    }
    // the two frames' round trip moves a point by metres: a point on a border may cross it
    assert.ok(outside.length <= incidents.length / 1000, outside.slice(0, 3).join('; '));
  });

  it('gives persons synthetic but well-formed ID numbers and phone numbers', () => {
    const persons = objects().filter((o) => o.type === 'person');
    assert.ok(persons.length > 5_000);
    for (const p of persons) {
      const id = attr(p, 'id_number') as string;
      assert.match(id, /^999999\d{11}[\dX]$/, p.id);
      assert.equal(id[17], idCheckDigit(id.slice(0, 17)), p.id);
      assert.equal(id.slice(6, 14), (attr(p, 'birth_date') ?? '').replaceAll('-', ''));
      assert.match(attr(p, 'phone') as string, /^100\d{8}$/);
    }
  });

  it('uses active GA 240.1 codes for criminal cases and local codes for 治安 cases', () => {
    for (const c of objects().filter((o) => o.type === 'case')) {
      const pattern = attr(c, 'kind') === 'criminal' ? /^\d{6}$/ : /^Z\d{4}$/;
      assert.match(attr(c, 'category') as string, pattern, c.id);
    }
  });
});
