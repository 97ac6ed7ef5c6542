import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { EVENT_TYPES } from '../../interchange/registry.js';
import { readShared } from '../../testing/shared.js';
import type { RuleDefinition } from '../definition.js';
import { ALL_RULES, RULES_BY_DOMAIN, ruleById } from './index.js';

/** Rule ids of the catalogue, read from its `**\`ID\`**` block headers, with the ★ core flag. */
function catalogue(): Map<string, { core: boolean }> {
  const md = readShared('domain/rules-catalog.md');
  const out = new Map<string, { core: boolean }>();
  for (const line of md.split('\n')) {
    const m = /^\*\*`([A-Z0-9_]+)`\*\*(.*)$/.exec(line);
    if (m) out.set(m[1]!, { core: m[2]!.includes('★') });
  }
  return out;
}

const SEVERITIES = new Set(['S1', 'S2', 'S3', 'S4']);
const GRADES = new Set(['V-text', 'V-secondary', 'V-report', 'U', 'D']);
const UNITS = new Set(['min', 'h', 'd', 'wd', 'm']);
const byId = (): Map<string, RuleDefinition[]> => {
  const m = new Map<string, RuleDefinition[]>();
  for (const r of ALL_RULES) m.set(r.id, [...(m.get(r.id) ?? []), r]);
  return m;
};

describe('rule definitions', () => {
  const cat = catalogue();

  it('reads the whole catalogue (109 ids, 52 core)', () => {
    assert.equal(cat.size, 109);
    assert.equal([...cat.values()].filter((c) => c.core).length, 52);
  });

  it('defines every catalogue rule id; other ids are the platform\'s own rules (grade D, bureau basis, not core)', () => {
    const defined = new Set(ALL_RULES.map((r) => r.id));
    assert.deepEqual([...cat.keys()].filter((id) => !defined.has(id)), [], 'missing');
    const platform = ALL_RULES.filter((r) => !cat.has(r.id));
    assert.deepEqual([...new Set(platform.map((r) => r.id))].sort(), ['ASSET_RECOVERY_PROGRESS', 'CASE_BACKLOG']);
    for (const r of platform) {
      assert.equal(r.grade, 'D', r.id);
      assert.equal(r.core, false, r.id);
      assert.ok(r.basis.every((b) => b.law === 'LOCAL'), r.id);
    }
  });

  it('defines each id once per version', () => {
    for (const [id, defs] of byId()) {
      const versions = defs.map((d) => d.version);
      assert.equal(new Set(versions).size, versions.length, `${id}: duplicate version`);
      assert.ok(defs.every((d) => d.domain === defs[0]!.domain), `${id}: versions in different domains`);
    }
  });

  it('keeps each domain file to its own domain', () => {
    for (const [domain, rules] of Object.entries(RULES_BY_DOMAIN)) {
      for (const r of rules) assert.equal(r.domain, domain, r.id);
    }
  });

  it('matches the ★ core flag', () => {
    for (const r of ALL_RULES) assert.equal(r.core, cat.get(r.id)?.core ?? false, r.id);
  });

  it('uses only event types of the interchange registry', () => {
    for (const r of ALL_RULES) {
      assert.ok(r.trigger.events.length > 0, `${r.id}: no trigger event`);
      for (const e of [...r.trigger.events, ...(r.compliance.events ?? [])]) {
        assert.ok(e in EVENT_TYPES, `${r.id}: unknown event type ${e}`);
      }
    }
  });

  it('has valid severities, grades and periods', () => {
    for (const r of ALL_RULES) {
      const { warning, overdue, violation } = r.severity;
      for (const s of [warning, overdue, violation].filter((x) => x !== undefined)) {
        assert.ok(SEVERITIES.has(s), `${r.id}: severity ${s}`);
      }
      assert.ok(GRADES.has(r.grade), `${r.id}: grade ${r.grade}`);
      const periods = [r.limit, ...(r.extensions ?? []).map((x) => x.newLimit), r.warn && 'before' in r.warn ? r.warn.before : undefined];
      for (const p of periods.filter((x) => x !== undefined)) {
        assert.ok(UNITS.has(p.unit) && p.amount > 0, `${r.id}: period ${JSON.stringify(p)}`);
      }
      if (r.warn && 'fraction' in r.warn) assert.ok(r.warn.fraction > 0 && r.warn.fraction < 1, r.id);
      if (r.grade !== 'D') assert.ok(r.basis.length > 0, `${r.id}: no basis`);
    }
  });

  it('has both languages for name, description and parameters', () => {
    for (const r of ALL_RULES) {
      for (const l of [r.name, r.description, ...Object.values(r.parameters ?? {}).map((p) => p.description)]) {
        assert.ok(l['zh-CN'].trim() && /[\u4e00-\u9fff]/.test(l['zh-CN']), `${r.id}: zh-CN`);
        assert.ok(l.en.trim(), `${r.id}: en`);
      }
    }
  });

  it('keeps versions of one id from overlapping in time', () => {
    for (const [id, defs] of byId()) {
      const sorted = [...defs].sort((a, b) => (a.effective.from ?? '').localeCompare(b.effective.from ?? ''));
      for (let i = 1; i < sorted.length; i++) {
        const prev = sorted[i - 1]!.effective.to;
        const from = sorted[i]!.effective.from;
        assert.ok(prev !== undefined && from !== undefined && prev <= from, `${id}: versions overlap`);
      }
      for (const d of defs) {
        if (d.effective.from && d.effective.to) assert.ok(d.effective.from < d.effective.to, `${id}: empty range`);
      }
    }
  });

  it('picks the version in force by local date', () => {
    const v2012 = ruleById('ADMIN_SUMMONS_DURATION', new Date('2025-12-31T15:59:59Z'));
    const v2025 = ruleById('ADMIN_SUMMONS_DURATION', new Date('2025-12-31T16:00:00Z'));
    assert.equal(v2012?.version, 1);
    assert.equal(v2025?.version, 2);
    assert.equal(ruleById('CRIM_DETENTION_TO_JAIL_24H')?.limit?.amount, 24);
    assert.equal(ruleById('NO_SUCH_RULE'), undefined);
  });
});
