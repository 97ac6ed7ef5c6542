import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { GroupBuilder } from '../engine/group-builder.js';
import { ADMIN_CLOSURE_OR_TERMINATION, ADMIN_MEDIATION_RULES } from './closure-extra-termination.js';
import { expected, judged } from './closure-test-kit.js';
import { alertOf, alertsOf } from './intake-testing.js';

const CASE = 'case:X1';
const P1 = 'person:P1';
const V1 = 'person:V1';
type Settings = Parameters<GroupBuilder['evaluate']>[2];

function adminCase(attrs: Record<string, string | Array<[string, string]>> = {}, persons: Record<string, Record<string, string>> = {}): GroupBuilder {
  const g = new GroupBuilder(CASE).object(CASE, { kind: 'administrative', category: 'Z4901', ...attrs }, { unit: 'unit:S1' });
  for (const [id, a] of Object.entries({ [P1]: { role: 'suspect', birth_date: '1990-01-01' }, ...persons })) g.object(id, a, { case: CASE });
  return g;
}
const decide = (g: GroupBuilder, at: string, outcome: string, id = 'dec') => g.event(id, 'case.decided', at, { outcome }, { case: CASE, subject: P1 });

describe('ADMIN_CLOSURE_OR_TERMINATION', () => {
  const run = (g: GroupBuilder, asOf = '2026-03-01T00:00:00+08:00', settings?: Settings) => g.evaluate(ADMIN_CLOSURE_OR_TERMINATION, asOf, settings);
  const CLOSED = '2025-03-20T10:00:00+08:00';
  const close = (g: GroupBuilder, at = CLOSED) => g.event('cls', 'case.closed', at, {}, { case: CASE });

  describe('closure rests on a decision', () => {
    it('raises nothing for a closure after a decision (any outcome) or a transfer', () => {
      for (const outcome of ['penalty', 'no_penalty', 'mediated', 'terminated']) {
        assert.deepEqual(alertsOf(run(close(decide(adminCase(), CLOSED, outcome))), 'decision'), [], outcome);
      }
      const transferred = adminCase().event('trf', 'case.transferred', '2025-03-15T10:00:00+08:00', {}, { case: CASE, target_unit: 'unit:O' });
      assert.deepEqual(run(close(transferred)).alerts, []);
    });

    it('is a violation at the closure without a decision before it', () => {
      const r = run(close(decide(adminCase(), '2025-03-20T10:01:00+08:00', 'penalty')));
      assert.deepEqual(r.alerts.map(judged), [expected('violation', 'open', 'S3', CASE, CLOSED)]);
      assert.match(r.alerts[0].message['zh-CN'], /2025-03-20 10:00结案，此前未见处理决定或移送记录/);
    });

    it('judges only the first closure, and no criminal case', () => {
      const g = close(decide(adminCase(), '2025-03-10T10:00:00+08:00', 'penalty')).event('cls2', 'case.closed', '2025-04-01T10:00:00+08:00', {}, { case: CASE });
      assert.deepEqual(run(g).alerts, []);
      assert.deepEqual(run(close(adminCase({ kind: 'criminal' }))).alerts, []);
    });
  });

  describe('time bar of public-order offences (6 months, PSAPL art.22)', () => {
    const barred = (occurred: string, accepted: string) =>
      decide(adminCase({ occurred_at: occurred }).event('acc', 'case.accepted', accepted, {}, { case: CASE, unit: 'unit:S1' }), '2026-01-20T10:00:00+08:00', 'penalty');

    it('raises nothing for an offence discovered on the last day of the six months', () => {
      // 2025-01-10 + 6 months = 07-10 (Thursday): discovery up to 07-10 23:59.
      assert.deepEqual(run(barred('2025-01-10T10:00:00+08:00', '2025-07-10T23:59:00+08:00')).alerts, []);
    });

    it('is a violation at the penalty for an offence discovered one minute later', () => {
      const r = run(barred('2025-01-10T10:00:00+08:00', '2025-07-11T00:00:00+08:00'));
      assert.deepEqual(r.alerts.map(judged), [expected('violation', 'open', 'S3', CASE, '2026-01-20T10:00:00+08:00')]);
      assert.deepEqual(r.alerts[0].evidenceEventIds, ['acc']);
      assert.match(r.alerts[0].message['zh-CN'], /已超过6个月，仍作出处罚决定/);
    });

    it('moves a last day on a holiday to the next working day (National Day 2025)', () => {
      // 2025-04-01 + 6 months = 10-01, holiday to 10-08 → 10-09.
      assert.deepEqual(run(barred('2025-04-01T10:00:00+08:00', '2025-10-09T23:59:00+08:00')).alerts, []);
      assert.equal(run(barred('2025-04-01T10:00:00+08:00', '2025-10-10T00:00:00+08:00')).alerts.length, 1);
    });

    it('outside the calendar (2022) flags only past the latest day the end could move to', () => {
      // 6 months from 2022-03-10 end on 09-10 unmoved; a holiday shift moves an end 10 days at most.
      assert.deepEqual(run(barred('2022-03-10T10:00:00+08:00', '2022-09-11T00:00:00+08:00')).alerts, [], 'could still be in time: not decided');
      assert.deepEqual(run(barred('2022-03-10T10:00:00+08:00', '2022-09-20T23:59:00+08:00')).alerts, []);
      assert.equal(run(barred('2022-03-10T10:00:00+08:00', '2022-09-21T00:00:00+08:00')).alerts.length, 1);
    });

    it('takes the discovery from the first incident received', () => {
      const g = barred('2025-01-10T10:00:00+08:00', '2025-07-11T00:00:00+08:00').event('rcv', 'incident.received', '2025-07-01T10:00:00+08:00', {}, { incident: 'incident:J1' });
      assert.deepEqual(run(g).alerts, []);
    });

    it('does not judge other administrative cases, unknown offence times, or decisions other than a penalty', () => {
      const other = decide(adminCase({ occurred_at: '2020-01-01T00:00:00+08:00', admin_type: 'other' })
        .event('acc', 'case.accepted', '2025-07-11T00:00:00+08:00', {}, { case: CASE, unit: 'unit:S1' }), '2026-01-20T10:00:00+08:00', 'penalty');
      assert.deepEqual(run(other).alerts, []);
      const unknown = decide(adminCase().event('acc', 'case.accepted', '2025-07-11T00:00:00+08:00', {}, { case: CASE, unit: 'unit:S1' }), '2026-01-20T10:00:00+08:00', 'penalty');
      assert.deepEqual(run(unknown).alerts, []);
      const noPenalty = decide(adminCase({ occurred_at: '2020-01-01T00:00:00+08:00' })
        .event('acc', 'case.accepted', '2025-07-11T00:00:00+08:00', {}, { case: CASE, unit: 'unit:S1' }), '2026-01-20T10:00:00+08:00', 'no_penalty');
      assert.deepEqual(run(noPenalty).alerts, []);
    });
  });

  describe('termination lifts compulsory measures', () => {
    const TERMINATED = '2025-09-28T10:00:00+08:00'; // Sunday, a working day in 2025
    const summoned = (g: GroupBuilder) => g.event('sum', 'person.summoned', '2025-09-28T08:00:00+08:00', { measure: 'admin_summons', form: 'oral' }, { subject: P1, unit: 'unit:S1', case: CASE });
    const ended = (g: GroupBuilder, at: string) => g.event('end', 'person.summons_ended', at, { outcome: 'released' }, { subject: P1, case: CASE });

    it('resolves the release warning at the last minute (4 h) and is late one minute after', () => {
      const inTime = run(ended(decide(summoned(adminCase()), TERMINATED, 'terminated'), '2025-09-28T14:00:00+08:00'));
      assert.deepEqual(alertOf(inTime, 'release') && judged(alertOf(inTime, 'release')!),
        expected('warning', 'resolved', 'S3', P1, '2025-09-28T13:00:00+08:00', '2025-09-28T14:00:00+08:00', '2025-09-28T14:00:00+08:00'));
      const late = run(ended(decide(summoned(adminCase()), TERMINATED, 'terminated'), '2025-09-28T14:01:00+08:00'));
      assert.deepEqual(judged(alertOf(late, 'release')!),
        expected('overdue', 'complied_late', 'S3', P1, '2025-09-28T13:00:00+08:00', '2025-09-28T14:00:00+08:00', '2025-09-28T14:01:00+08:00'));
    });

    it('raises nothing for a person not held at the termination, or a release within the first hours', () => {
      assert.deepEqual(run(decide(adminCase(), TERMINATED, 'terminated')).alerts, []);
      assert.deepEqual(run(ended(decide(summoned(adminCase()), TERMINATED, 'terminated'), '2025-09-28T10:30:00+08:00')).alerts, []);
    });

    const seized = (g: GroupBuilder, category = 'phone') => g.object('item:I1', { description: '物品', category }, { case: CASE, subject: P1 })
      .event('sz', 'item.seized', '2025-09-20T10:00:00+08:00', { mode: 'evidence_preservation' }, { item: 'item:I1', case: CASE, officer: ['officer:A', 'officer:B'] });
    const returned = (g: GroupBuilder, at: string) => g.event('ret', 'item.returned', at, {}, { item: 'item:I1', subject: P1 });
    // 3 days from 09-28 end 10-01, a holiday to 10-08: moved to 10-09 (not custodial).
    const DUE = '2025-10-10T00:00:00+08:00';
    const WARN = '2025-10-09T00:00:00+08:00';

    it('returns property within 3 days, moved off the National Day holidays', () => {
      const inTime = run(returned(decide(seized(adminCase()), TERMINATED, 'terminated'), '2025-10-09T23:59:00+08:00'));
      assert.deepEqual(inTime.alerts.map(judged), [expected('warning', 'resolved', 'S3', 'item:I1', WARN, DUE, '2025-10-09T23:59:00+08:00')]);
      const late = run(returned(decide(seized(adminCase()), TERMINATED, 'terminated'), DUE));
      assert.deepEqual(late.alerts.map(judged), [expected('overdue', 'complied_late', 'S3', 'item:I1', WARN, DUE, DUE)]);
      assert.deepEqual(late.alerts[0].evidenceEventIds, ['sz', 'ret']);
      const open = run(decide(seized(adminCase()), TERMINATED, 'terminated'), '2025-10-10T00:00:00+08:00');
      assert.deepEqual(open.alerts.map(judged), [expected('overdue', 'open', 'S3', 'item:I1', WARN, DUE)]);
    });

    it('leaves out contraband, property returned before, and reads the parameters [D]', () => {
      assert.deepEqual(run(decide(seized(adminCase(), 'drugs'), TERMINATED, 'terminated')).alerts, []);
      assert.deepEqual(run(decide(returned(seized(adminCase()), '2025-09-25T10:00:00+08:00'), TERMINATED, 'terminated')).alerts, []);
      const r = run(decide(seized(adminCase()), TERMINATED, 'terminated'), '2025-10-10T00:00:00+08:00',
        { params: { ADMIN_CLOSURE_OR_TERMINATION: { itemReturnDays: 1, keptItemCategories: '' } } });
      // 1 day: 09-29 (Monday) → due 09-30 00:00.
      assert.equal(r.alerts[0].dueAt, new Date('2025-09-30T00:00:00+08:00').toISOString());
    });

    it('is not triggered by a penalty or no-penalty decision', () => {
      assert.deepEqual(run(decide(seized(summoned(adminCase())), TERMINATED, 'no_penalty')).alerts, []);
    });
  });
});

describe('ADMIN_MEDIATION_RULES', () => {
  const MEDIATED = '2025-05-06T10:00:00+08:00';
  const run = (g: GroupBuilder, settings?: Settings) => g.evaluate(ADMIN_MEDIATION_RULES, '2025-06-01T00:00:00+08:00', settings);
  const adult = { [V1]: { role: 'victim', birth_date: '1985-06-01' } };

  it('raises nothing for a public-order case between adults', () => {
    assert.deepEqual(run(decide(adminCase({}, adult), MEDIATED, 'mediated')).alerts, []);
  });

  it('is a violation to mediate a case of another administrative kind', () => {
    const r = run(decide(adminCase({ admin_type: 'other' }, adult), MEDIATED, 'mediated'));
    assert.deepEqual(r.alerts.map(judged), [expected('violation', 'open', 'S3', CASE, MEDIATED)]);
    assert.match(r.alerts[0].message['zh-CN'], /非治安类行政案件作出调解/);
  });

  it('reads the case kind at the mediation: judged after a later conversion to criminal', () => {
    const converted = adminCase({ admin_type: 'other', kind: [['2025-05-01T00:00:00+08:00', 'administrative'], ['2025-05-06T10:01:00+08:00', 'criminal']] }, adult);
    assert.deepEqual(run(decide(converted, MEDIATED, 'mediated')).alerts.map(judged), [expected('violation', 'open', 'S3', CASE, MEDIATED)]);
    const laterAdmin = adminCase({ admin_type: 'other', kind: [['2025-05-01T00:00:00+08:00', 'criminal'], ['2025-05-06T10:01:00+08:00', 'administrative']] }, adult);
    assert.deepEqual(run(decide(laterAdmin, MEDIATED, 'mediated')).alerts, []);
  });

  it('judges the excluded categories only once the bureau lists them [D]', () => {
    const g = decide(adminCase({ category: '010123' }, adult), MEDIATED, 'mediated');
    assert.deepEqual(run(g).alerts, []);
    const r = run(g, { params: { ADMIN_MEDIATION_RULES: { excludedCategories: '0202, 0101' } } });
    assert.deepEqual(alertsOf(r, 'category').map(judged), [expected('violation', 'open', 'S3', CASE, MEDIATED)]);
    assert.match(r.alerts[0].message['zh-CN'], /案件类别010123属于不得调解的类别（0101）/);
  });

  describe('a minor party’s guardian', () => {
    const minor = { [V1]: { role: 'victim', birth_date: '2008-05-07' } }; // 16 on 2025-05-06, 17 the next day

    it('is a violation without a guardian on record', () => {
      const r = run(decide(adminCase({}, minor), MEDIATED, 'mediated'));
      assert.deepEqual(r.alerts.map(judged), [expected('violation', 'open', 'S3', V1, MEDIATED)]);
      assert.match(r.alerts[0].message['zh-CN'], /当事人未满18周岁（16周岁），未见监护人记录/);
    });

    it('raises nothing with a guardian in the case or present at the minor’s questioning', () => {
      const withGuardian = adminCase({}, { ...minor, 'person:G1': { role: 'guardian' } });
      assert.deepEqual(run(decide(withGuardian, MEDIATED, 'mediated')).alerts, []);
      const atQuestioning = adminCase({}, minor).event('q', 'interrogation.started', '2025-05-05T10:00:00+08:00', { kind: 'questioning', av_recorded: false },
        { subject: V1, case: CASE, interrogator: 'officer:A', venue: 'venue:R', document: 'document:W', guardian: 'person:G2' });
      assert.deepEqual(run(decide(atQuestioning, MEDIATED, 'mediated')).alerts, []);
    });

    it('counts age at the mediation and does not judge an unknown age (§5.2)', () => {
      assert.deepEqual(run(decide(adminCase({}, { [V1]: { role: 'victim', birth_date: '2007-05-06' } }), MEDIATED, 'mediated')).alerts, [], '18 that day');
      assert.deepEqual(run(decide(adminCase({}, { [V1]: { role: 'victim' } }), MEDIATED, 'mediated')).alerts, []);
    });
  });

  it('is not triggered by other outcomes or criminal cases', () => {
    assert.deepEqual(run(decide(adminCase({ admin_type: 'other' }), MEDIATED, 'penalty')).alerts, []);
    assert.deepEqual(run(decide(adminCase({ kind: 'criminal', admin_type: 'other' }), MEDIATED, 'mediated')).alerts, []);
  });
});
