import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { GroupBuilder } from '../engine/group-builder.js';
import { CRIM_FILING_REVIEW_3_7_30D, CRIM_NOT_FILE_NOTICE_3D, CRIM_PREFILING_NO_COERCION, CRIM_PROCURATORATE_FILING_SUPERVISION } from './intake-filing.js';
import { alertOf, state, T, timersOf, utc } from './intake-testing.js';

const CASE = 'case:C1';
type Settings = Parameters<GroupBuilder['evaluate']>[2];

const criminalCase = (kind: string | Array<[string, string]> = 'criminal') => new GroupBuilder(CASE)
  .object(CASE, { kind, category: '050200' }, { unit: 'unit:S1' })
  .object('person:S', { role: 'suspect' }, { case: CASE });

describe('CRIM_FILING_REVIEW_3_7_30D', () => {
  const accepted = (at: string, kind = 'criminal') => criminalCase(kind).event('acc', 'case.accepted', T(at), {}, { case: CASE, unit: 'unit:S1' });
  const filed = (g: GroupBuilder, at: string, type = 'case.filed') => g.event('fil', type, T(at), {}, { case: CASE, approver: 'officer:L' });
  const approve = (g: GroupBuilder, at: string, limit: string, level: string, reason?: string) =>
    g.event(`ap-${at}`, 'approval.granted', T(at), { for: 'filing_review', new_limit: limit, level, ...(reason ? { reason } : {}) }, { case: CASE, approver: 'officer:L' });
  const run = (g: GroupBuilder, asOf: string, settings?: Settings) => g.evaluate(CRIM_FILING_REVIEW_3_7_30D, T(asOf), settings);

  it('complies with filing the next day', () => {
    const r = run(filed(accepted('2025-05-06T10:00'), '2025-05-07T15:00'), '2025-06-30T00:00');
    assert.deepEqual(r.alerts, []);
    assert.deepEqual(r.timers, []);
  });

  it('moves the last day off National Day: accepted 09-28, day 3 = 10-01 → 10-09', () => {
    const g = accepted('2025-09-28T10:00');
    assert.deepEqual(timersOf(run(g, '2025-09-29T00:00')), ['warn 2025-10-09T00:00:00.000']);
    const lastMinute = run(filed(accepted('2025-09-28T10:00'), '2025-10-09T23:59'), '2025-10-12T00:00');
    assert.equal(state(alertOf(lastMinute)), 'warning resolved due 2025-10-10T00:00 raised 2025-10-09T00:00 resolved 2025-10-09T23:59');
    const late = alertOf(run(filed(accepted('2025-09-28T10:00'), '2025-10-10T00:00'), '2025-10-12T00:00'))!;
    assert.equal(state(late), 'overdue complied_late due 2025-10-10T00:00 raised 2025-10-09T00:00 resolved 2025-10-10T00:00');
    assert.equal(late.dueAt, utc('2025-10-10T00:00'));
    assert.equal(late.severity, 'S2');
    assert.equal((late.computation as { shiftedTo?: string }).shiftedTo, '2025-10-09');
    assert.equal(state(alertOf(run(g, '2025-10-12T00:00'))), 'overdue open due 2025-10-10T00:00 raised 2025-10-09T00:00 resolved -');
  });

  it('moves it off the Spring Festival too: accepted 01-27 → day 3 = 01-30 → 02-05', () => {
    assert.equal(alertOf(run(accepted('2025-01-27T10:00'), '2025-02-10T00:00'))?.dueAt, utc('2025-02-06T00:00'));
  });

  it('does not move it while a suspect is held on the last day (custodial, §9.1)', () => {
    const g = accepted('2025-09-28T10:00')
      .event('det', 'person.detained', T('2025-09-29T10:00'), {}, { subject: 'person:S', case: CASE, officer: 'officer:1' });
    assert.equal(state(alertOf(run(g, '2025-10-05T00:00'))), 'overdue open due 2025-10-02T00:00 raised 2025-10-01T00:00 resolved -');
    // Released before the last day: the period is not custodial and moves again.
    g.event('rel', 'person.released', T('2025-09-30T10:00'), {}, { subject: 'person:S', case: CASE });
    assert.equal(alertOf(run(g, '2025-10-12T00:00'))?.dueAt, utc('2025-10-10T00:00'));
  });

  it('counts a decision not to file', () => {
    assert.deepEqual(run(filed(accepted('2025-05-06T10:00'), '2025-05-08T10:00', 'case.not_filed'), '2025-06-30T00:00').alerts, []);
  });

  it('extends to 7 days to check a lead, approved before day 3 ends', () => {
    const g = filed(approve(accepted('2025-05-06T10:00'), '2025-05-09T23:59', 'P7D', 'department', 'lead_check'), '2025-05-13T15:00');
    const r = run(g, '2025-06-30T00:00');
    assert.equal(state(alertOf(r)), 'warning resolved due 2025-05-14T00:00 raised 2025-05-13T00:00 resolved 2025-05-13T15:00');
    assert.deepEqual(alertOf(r)!.evidenceEventIds, ['ap-2025-05-09T23:59', 'fil']);
    assert.match(alertOf(r)!.message['zh-CN'], /7日内/);
  });

  it('does not cure with an approval after the limit passed', () => {
    const g = filed(approve(accepted('2025-05-06T10:00'), '2025-05-10T00:00', 'P7D', 'county', 'lead_check'), '2025-05-13T15:00');
    assert.equal(state(alertOf(run(g, '2025-06-30T00:00'))), 'overdue complied_late due 2025-05-10T00:00 raised 2025-05-09T00:00 resolved 2025-05-13T15:00');
  });

  it('extends to 30 days only with county-level approval', () => {
    const county = approve(accepted('2025-05-06T10:00'), '2025-05-08T10:00', 'P30D', 'county', 'complex');
    assert.equal(alertOf(run(county, '2025-06-30T00:00'))?.dueAt, utc('2025-06-06T00:00'));
    const higher = approve(accepted('2025-05-06T10:00'), '2025-05-08T10:00', 'P30D', 'city', 'complex');
    assert.equal(alertOf(run(higher, '2025-06-30T00:00'))?.dueAt, utc('2025-06-06T00:00'), 'a higher level satisfies (§13)');
    const department = approve(accepted('2025-05-06T10:00'), '2025-05-08T10:00', 'P30D', 'department', 'complex');
    assert.equal(alertOf(run(department, '2025-06-30T00:00'))?.dueAt, utc('2025-05-10T00:00'));
    const departmentLead = approve(accepted('2025-05-06T10:00'), '2025-05-08T10:00', 'P30D', 'department', 'lead_check');
    assert.equal(alertOf(run(departmentLead, '2025-06-30T00:00'))?.dueAt, utc('2025-05-14T00:00'), 'capped at the lead-check tier');
    const chained = approve(approve(accepted('2025-05-06T10:00'), '2025-05-08T10:00', 'P7D', 'department', 'lead_check'), '2025-05-12T10:00', 'P30D', 'county');
    assert.equal(alertOf(run(chained, '2025-06-30T00:00'))?.dueAt, utc('2025-06-06T00:00'));
  });

  it('reads limits by case category from the override table [D]', () => {
    const settings = { params: { CRIM_FILING_REVIEW_3_7_30D: { overrideTable: '05=10, 0502=20, 03=60' } } };
    assert.equal(alertOf(run(accepted('2025-05-06T10:00'), '2025-06-30T00:00', settings))?.dueAt, utc('2025-05-27T00:00'), 'the longest prefix wins');
    const bad = { params: { CRIM_FILING_REVIEW_3_7_30D: { overrideTable: '0502=x, =5' } } };
    assert.equal(alertOf(run(accepted('2025-05-06T10:00'), '2025-06-30T00:00', bad))?.dueAt, utc('2025-05-10T00:00'));
  });

  it('is not triggered in an administrative case', () => {
    assert.deepEqual(run(accepted('2025-05-06T10:00', 'administrative'), '2025-06-30T00:00').alerts, []);
  });

  describe('a 治安 case converted to criminal later', () => {
    // Accepted as administrative 05-06; criminal from Tuesday 06-10 10:00: 3 days end 06-13 (Friday).
    const converted = () => criminalCase([['1970-01-01T00:00:00Z', 'administrative'], [T('2025-06-10T10:00'), 'criminal']])
      .event('acc', 'case.accepted', T('2025-05-06T10:00'), {}, { case: CASE, unit: 'unit:S1' });

    it('counts from the conversion, not the administrative acceptance: in time on the last day at 23:59', () => {
      const r = run(filed(converted(), '2025-06-13T23:59'), '2025-06-20T00:00');
      assert.equal(state(alertOf(r)), 'warning resolved due 2025-06-14T00:00 raised 2025-06-13T00:00 resolved 2025-06-13T23:59');
      assert.match(alertOf(r)!.message['zh-CN'], /转为刑事案件后3日内/);
      assert.match(alertOf(r)!.message.en, /within 3 days of its conversion to a criminal case/);
      assert.deepEqual(run(filed(converted(), '2025-06-11T10:00'), '2025-06-20T00:00').alerts, []);
    });

    it('is late one minute after, and open while nothing is decided', () => {
      assert.equal(state(alertOf(run(filed(converted(), '2025-06-14T00:00'), '2025-06-20T00:00'))),
        'overdue complied_late due 2025-06-14T00:00 raised 2025-06-13T00:00 resolved 2025-06-14T00:00');
      assert.equal(state(alertOf(run(converted(), '2025-06-20T00:00'))), 'overdue open due 2025-06-14T00:00 raised 2025-06-13T00:00 resolved -');
    });

    it('raises nothing before the conversion, and extends with an approval granted after it', () => {
      assert.deepEqual(run(converted(), '2025-06-10T09:59').alerts, []);
      assert.deepEqual(run(converted(), '2025-06-10T09:59').timers, []);
      const g = approve(converted(), '2025-06-12T10:00', 'P7D', 'department', 'lead_check');
      assert.equal(alertOf(run(g, '2025-06-30T00:00'))?.dueAt, utc('2025-06-18T00:00'));
    });

    it('does not take an administrative 立案 before the conversion as the filing decision', () => {
      const g = filed(converted(), '2025-05-07T10:00');
      assert.equal(state(alertOf(run(g, '2025-06-20T00:00'))), 'overdue open due 2025-06-14T00:00 raised 2025-06-13T00:00 resolved -');
    });
  });

  describe('a criminal case turned administrative before a filing decision', () => {
    // Accepted as criminal 05-06 10:00: 3 days end 05-09.
    const turned = (at: string) => criminalCase([['1970-01-01T00:00:00Z', 'criminal'], [T(at), 'administrative']])
      .event('acc', 'case.accepted', T('2025-05-06T10:00'), {}, { case: CASE, unit: 'unit:S1' });

    it('ends the duty at the change: in time on the last day at 23:59, late at 00:00 (the overrun stays)', () => {
      const inTime = alertOf(run(turned('2025-05-09T23:59'), '2025-06-20T00:00'))!;
      assert.equal(state(inTime), 'warning resolved due 2025-05-10T00:00 raised 2025-05-09T00:00 resolved 2025-05-09T23:59');
      assert.match(inTime.message['zh-CN'], /转为行政案件时终止/);
      assert.equal(state(alertOf(run(turned('2025-05-10T00:00'), '2025-06-20T00:00'))), 'overdue complied_late due 2025-05-10T00:00 raised 2025-05-09T00:00 resolved 2025-05-10T00:00');
    });

    it('keeps a filing decision made before the change', () => {
      const a = alertOf(run(filed(turned('2025-05-20T10:00'), '2025-05-12T10:00', 'case.not_filed'), '2025-06-20T00:00'))!;
      assert.equal(state(a), 'overdue complied_late due 2025-05-10T00:00 raised 2025-05-09T00:00 resolved 2025-05-12T10:00');
      assert.doesNotMatch(a.message['zh-CN'], /转为行政案件/);
    });
  });
});

describe('CRIM_PREFILING_NO_COERCION', () => {
  const filedAt = (g: GroupBuilder, at = '2025-05-06T10:00') => g.event('fil', 'case.filed', T(at), {}, { case: CASE, approver: 'officer:L' });
  const detained = (g: GroupBuilder, at: string) => g.event('det', 'person.detained', T(at), {}, { subject: 'person:S', case: CASE, officer: 'officer:1' });
  const run = (g: GroupBuilder, asOf = '2025-05-07T00:00') => g.evaluate(CRIM_PREFILING_NO_COERCION, T(asOf));

  it('allows a measure at the very instant of filing (§13 compares instants)', () => {
    assert.deepEqual(run(detained(filedAt(criminalCase()), '2025-05-06T10:00')).alerts, []);
  });

  it('raises a violation for a measure one minute before filing, the same day', () => {
    const a = alertOf(run(detained(filedAt(criminalCase()), '2025-05-06T09:59')))!;
    assert.equal(state(a), 'violation open due - raised 2025-05-06T09:59 resolved -');
    assert.equal(a.severity, 'S1');
    assert.deepEqual(a.subject, { type: 'person', id: 'person:S' });
    assert.deepEqual(a.evidenceEventIds, ['fil']);
    assert.match(a.message['zh-CN'], /早于立案（2025-05-06 10:00）1分钟/);
  });

  it('raises it when nothing is filed yet', () => {
    const a = alertOf(run(detained(criminalCase(), '2025-05-06T09:00')))!;
    assert.equal(a.level, 'violation');
    assert.match(a.message['zh-CN'], /尚未立案/);
  });

  it('covers criminal and forced summons, bail, RSDL, seizure and freezing, not administrative summons or questioning', () => {
    const g = filedAt(criminalCase(), '2025-05-08T10:00')
      .event('s1', 'person.summoned', T('2025-05-06T09:00'), { measure: 'criminal_summons', form: 'warrant' }, { subject: 'person:S', case: CASE })
      .event('s2', 'person.summoned', T('2025-05-06T09:10'), { measure: 'forced_summons', form: 'warrant' }, { subject: 'person:S', case: CASE })
      .event('s3', 'person.summoned', T('2025-05-06T09:20'), { measure: 'admin_summons', form: 'oral' }, { subject: 'person:S', case: CASE })
      .event('s4', 'person.summoned', T('2025-05-06T09:30'), { measure: 'continued_questioning', form: 'oral' }, { subject: 'person:S' })
      .event('b', 'person.bail_started', T('2025-05-06T11:00'), {}, { subject: 'person:S', case: CASE })
      .event('r', 'person.rsdl_started', T('2025-05-06T12:00'), { designated: false }, { subject: 'person:S', case: CASE })
      .event('i1', 'item.seized', T('2025-05-06T13:00'), { mode: 'seizure' }, { item: ['item:A', 'item:B'], case: CASE, officer: 'officer:1' })
      .event('i2', 'item.frozen', T('2025-05-06T14:00'), { asset_kind: 'deposit', term: 'P6M' }, { item: 'item:C', case: CASE });
    const r = run(g, '2025-05-09T00:00');
    assert.deepEqual(r.alerts.map((a) => a.triggerEventId).sort(), ['b', 'i1', 'i2', 'r', 's1', 's2']);
    const seized = r.alerts.find((a) => a.triggerEventId === 'i1')!;
    assert.deepEqual(seized.subject, { type: 'item', id: 'item:A' });
    assert.match(seized.message['zh-CN'], /涉及2件财物/);
  });

  it('in an administrative case, forbids only seizure before acceptance', () => {
    const g = (acceptedAt: string) => criminalCase('administrative')
      .event('acc', 'case.accepted', T(acceptedAt), {}, { case: CASE })
      .event('i', 'item.seized', T('2025-05-06T10:00'), { mode: 'evidence_preservation' }, { item: 'item:A', case: CASE })
      .event('s', 'person.summoned', T('2025-05-06T09:00'), { measure: 'admin_summons', form: 'oral' }, { subject: 'person:S', case: CASE });
    assert.deepEqual(run(g('2025-05-06T10:00')).alerts, []);
    const a = alertOf(run(g('2025-05-06T10:01')))!;
    assert.equal(state(a), 'violation open due - raised 2025-05-06T10:00 resolved -');
    assert.match(a.message['zh-CN'], /早于受案/);
  });

  it('judges a measure by the kind the case had then (an administrative case turned criminal)', () => {
    const g = criminalCase([['1970-01-01T00:00:00Z', 'administrative'], [T('2025-05-08T09:00'), 'criminal']])
      .event('acc', 'case.accepted', T('2025-05-06T09:00'), {}, { case: CASE })
      .event('i', 'item.seized', T('2025-05-06T10:00'), { mode: 'evidence_preservation' }, { item: 'item:A', case: CASE });
    filedAt(g, '2025-05-08T10:00');
    assert.deepEqual(run(g, '2025-05-09T00:00').alerts, []);
    detained(g, '2025-05-08T09:30');
    assert.equal(alertOf(run(g, '2025-05-09T00:00'))?.triggerEventId, 'det');
  });
});

describe('CRIM_NOT_FILE_NOTICE_3D', () => {
  const notFiled = (at = '2025-09-28T10:00', complainant = true) => {
    const g = criminalCase().event('nf', 'case.not_filed', T(at), {}, { case: CASE, approver: 'officer:L' });
    return complainant ? g.object('person:K', { role: 'complainant' }, { case: CASE }) : g.object('person:V', { role: 'victim' }, { case: CASE });
  };
  const served = (g: GroupBuilder, at: string, to = 'person:K', extra: Record<string, string> = {}) =>
    g.event(`n-${at}`, 'notice.served', T(at), { notice_type: 'not_file_notice', ...extra }, { case: CASE, subject: to });
  const run = (g: GroupBuilder, asOf = '2025-10-12T00:00') => g.evaluate(CRIM_NOT_FILE_NOTICE_3D, T(asOf));

  it('complies with the notice the next day', () => {
    assert.deepEqual(run(served(notFiled(), '2025-09-29T10:00')).alerts, []);
  });

  it('moves day 3 (10-01) to 10-09; in time at 23:59, late at 00:00', () => {
    const a = alertOf(run(served(notFiled(), '2025-10-09T23:59')))!;
    assert.equal(state(a), 'warning resolved due 2025-10-10T00:00 raised 2025-10-09T00:00 resolved 2025-10-09T23:59');
    assert.deepEqual(a.subject, { type: 'person', id: 'person:K' });
    assert.equal(state(alertOf(run(served(notFiled(), '2025-10-10T00:00')))), 'overdue complied_late due 2025-10-10T00:00 raised 2025-10-09T00:00 resolved 2025-10-10T00:00');
  });

  it('counts only a notice to that complainant, with its reason if undeliverable', () => {
    assert.equal(alertOf(run(served(notFiled(), '2025-09-29T10:00', 'person:S')))?.status, 'open');
    assert.equal(alertOf(run(served(notFiled(), '2025-09-29T10:00', 'person:K', { exception: 'refused' })))?.status, 'open');
    assert.deepEqual(run(served(notFiled(), '2025-09-29T10:00', 'person:K', { exception: 'refused', reason: '当场拒收，已注明' })).alerts, []);
  });

  it('is not triggered without a complainant', () => {
    assert.deepEqual(run(notFiled('2025-09-28T10:00', false)).alerts, []);
  });
});

describe('CRIM_PROCURATORATE_FILING_SUPERVISION', () => {
  const PROC = 'unit:P';
  const order = (type: string, at = '2025-05-06T10:00', attrs: Record<string, string> = {}) =>
    criminalCase().event('o', type, T(at), attrs, { case: CASE, unit: PROC });
  const run = (g: GroupBuilder, asOf = '2025-06-30T00:00', settings?: Settings) => g.evaluate(CRIM_PROCURATORATE_FILING_SUPERVISION, T(asOf), settings);

  it('wants a written explanation within 7 days of an inquiry', () => {
    const g = order('procuratorate.inquired', undefined, { about: 'non_filing' });
    const lastMinute = g.event('ex', 'case.explanation_sent', T('2025-05-13T23:59'), {}, { case: CASE, target_unit: PROC });
    assert.equal(state(alertOf(run(lastMinute), 'explanation')), 'warning resolved due 2025-05-14T00:00 raised 2025-05-13T00:00 resolved 2025-05-13T23:59');
    const late = order('procuratorate.inquired', undefined, { about: 'non_filing' })
      .event('ex', 'case.explanation_sent', T('2025-05-14T00:00'), {}, { case: CASE, target_unit: PROC });
    assert.equal(state(alertOf(run(late), 'explanation')), 'overdue complied_late due 2025-05-14T00:00 raised 2025-05-13T00:00 resolved 2025-05-14T00:00');
    const early = order('procuratorate.inquired', undefined, { about: 'filing' })
      .event('ex', 'case.explanation_sent', T('2025-05-08T10:00'), {}, { case: CASE, target_unit: PROC });
    assert.deepEqual(run(early).alerts, []);
  });

  it('wants filing and a copy to that procuratorate within 15 days of an order to file', () => {
    const g = order('procuratorate.ordered_filing')
      .event('fil', 'case.filed', T('2025-05-10T10:00'), {}, { case: CASE })
      .event('cp', 'notice.served', T('2025-05-11T10:00'), { notice_type: 'filing_decision_copy' }, { case: CASE, target_unit: PROC });
    assert.deepEqual(run(g).alerts, []);
    const wrongRecipient = order('procuratorate.ordered_filing')
      .event('fil', 'case.filed', T('2025-05-10T10:00'), {}, { case: CASE })
      .event('cp', 'notice.served', T('2025-05-11T10:00'), { notice_type: 'filing_decision_copy' }, { case: CASE, target_unit: 'unit:Q' });
    const r = run(wrongRecipient);
    assert.equal(state(alertOf(r, 'copy')), 'overdue open due 2025-05-22T00:00 raised 2025-05-21T00:00 resolved -');
    assert.equal(alertOf(r, 'filing'), undefined);
    assert.equal(alertOf(run(order('procuratorate.ordered_filing'), '2025-06-30T00:00', { params: { CRIM_PROCURATORATE_FILING_SUPERVISION: { filingDays: 20 } } }), 'filing')?.dueAt, utc('2025-05-27T00:00'));
  });

  it('wants withdrawal, or an objection, within the platform\'s 3 days of an order to withdraw [D]', () => {
    const revoked = order('procuratorate.ordered_revocation').event('rv', 'case.revoked', T('2025-05-08T10:00'), { scope: 'case' }, { case: CASE });
    assert.deepEqual(run(revoked).alerts, []);
    const objected = order('procuratorate.ordered_revocation').event('ex', 'case.explanation_sent', T('2025-05-09T23:59'), {}, { case: CASE, target_unit: PROC });
    assert.equal(state(alertOf(run(objected), 'revocation')), 'warning resolved due 2025-05-10T00:00 raised 2025-05-09T00:00 resolved 2025-05-09T23:59');
    // Ordered on 09-28: day 3 is 10-01, moved to 10-09.
    assert.equal(state(alertOf(run(order('procuratorate.ordered_revocation', '2025-09-28T10:00'), '2025-10-12T00:00'), 'revocation')),
      'overdue open due 2025-10-10T00:00 raised 2025-10-09T00:00 resolved -');
  });

  it('does not count compliance that came before the order', () => {
    const g = criminalCase().event('ex', 'case.explanation_sent', T('2025-05-05T10:00'), {}, { case: CASE, target_unit: PROC })
      .event('o', 'procuratorate.inquired', T('2025-05-06T10:00'), { about: 'filing' }, { case: CASE, unit: PROC });
    assert.equal(alertOf(run(g), 'explanation')?.status, 'open');
  });
});
