import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { complianceFindings } from './audit-compliance.js';
import { type Finding, RecordIndex, plantedKindFindings } from './audit.js';
import { type DemoCity, generateDemoCity } from './city.js';
import { DEFECT_KINDS, DEFECT_KIND_NAMES } from './defects.js';
import { HOUR, parseTime } from './time.js';

let city: DemoCity;
let ix: RecordIndex;
let asOf: number;

before(() => {
  city = generateDemoCity();
  ix = new RecordIndex(city.records);
  asOf = parseTime(city.manifest.evaluateAsOf);
});

const key = (f: { ruleId: string; trigger: string }) => `${f.ruleId} ${f.trigger}`;

describe('planted defects', () => {
  it('plants every kind near its configured rate', () => {
    for (const kind of DEFECT_KIND_NAMES) {
      const { rate, eligible, planted, ruleId } = city.manifest.summary[kind];
      assert.equal(ruleId, DEFECT_KINDS[kind].ruleId);
      assert.ok(eligible >= 150, `${kind}: only ${eligible} opportunities`);
      const sd = Math.sqrt(eligible * rate * (1 - rate));
      assert.ok(Math.abs(planted - rate * eligible) <= 4 * sd + 1, `${kind}: ${planted} of ${eligible} at rate ${rate}`);
      assert.ok(planted > 0, `${kind}: none planted`);
    }
  });

  it('lists each planted defect with its rule, case and events', () => {
    const ids = new Set(ix.events.map((e) => e.id));
    for (const d of city.manifest.defects) {
      assert.equal(d.ruleId, DEFECT_KINDS[d.kind].ruleId);
      assert.ok(d.caseId ?? d.incidentId, `${d.kind} without case or incident`);
      assert.ok(d.eventIds.length > 0 && d.eventIds.every((id) => ids.has(id)), d.kind);
    }
  });

  it('shows each late family notice in the events: notified more than 24 h after detention, no exception', () => {
    const late = city.manifest.defects.filter((d) => d.kind === 'late_family_notice');
    assert.ok(late.length > 0);
    for (const d of late) {
      const detained = ix.events.find((e) => e.id === d.eventIds[0]);
      assert.equal(detained?.type, 'person.detained');
      const notice = ix.next(d.subjectId as string, 'person.family_notified', ix.t(detained!), (e) => ix.attr(e, 'measure') === 'criminal_detention');
      assert.ok(notice === undefined || ix.t(notice) - ix.t(detained!) > 24 * HOUR, d.detail);
      assert.equal(notice && ix.attr(notice, 'exception'), undefined);
    }
  });

  it('matches the findings recomputed from the records exactly: all planted, nothing else', () => {
    const found = new Map(plantedKindFindings(ix, asOf).map((f) => [key(f), f]));
    const planted = new Set(city.manifest.defects.map((d) => key({ ruleId: d.ruleId, trigger: d.eventIds[0] })));
    const missing = [...planted].filter((k) => !found.has(k));
    const unplanted: Finding[] = [...found.values()].filter((f) => !planted.has(key(f)));
    assert.deepEqual(missing.slice(0, 5), []);
    assert.deepEqual(unplanted.slice(0, 5), []);
  });

  it('leaves the other rules it touches without findings', () => {
    assert.deepEqual(complianceFindings(ix, asOf).slice(0, 5), []);
  });
});

describe('defect rates', () => {
  it('can be switched off: a city with no planted defects has no findings at all', () => {
    const rates = Object.fromEntries(DEFECT_KIND_NAMES.map((k) => [k, 0]));
    const clean = generateDemoCity({ scale: 0.1, seed: 7, rates });
    const cleanIx = new RecordIndex(clean.records);
    const at = parseTime(clean.manifest.evaluateAsOf);
    assert.equal(clean.manifest.defects.length, 0);
    assert.deepEqual(plantedKindFindings(cleanIx, at).slice(0, 5), []);
    assert.deepEqual(complianceFindings(cleanIx, at).slice(0, 5), []);
  });

  it('rejects a rate outside 0..1', () => {
    assert.throws(() => generateDemoCity({ scale: 0.01, rates: { late_jail: 1.5 } }), /late_jail/);
  });
});
