import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { GroupBuilder } from '../engine/group-builder.js';
import { AREA_NOT_INTO_DETENTION_FACILITY, JAIL_INTAKE_CHECKS } from './area-extra-facility.js';
import { t, z, line, lines } from './area-testing.js';

/** Detention facilities: no summoned person in one, and the 看守所's admission (catalogue §8). Local times are Asia/Shanghai. */

const CASE = 'case:C1';
const P1 = 'person:P1';
const d = (hhmm: string, day = 6) => `2025-05-0${day}T${hhmm}`;
const LATER = t('2025-05-20T00:00');

function caseWith(kind = 'criminal'): GroupBuilder {
  return new GroupBuilder(CASE)
    .object(CASE, { kind }, { unit: 'unit:STATION' })
    .object('unit:STATION', { name: '某派出所', kind: 'public_security', level: 'station' })
    .object('unit:JAIL', { name: '某看守所', kind: 'public_security', level: 'detention_center' })
    .object('unit:ADMIN_JAIL', { name: '某拘留所', kind: 'public_security', level: 'admin_detention_facility' })
    .object(P1, { name: '某甲', role: 'suspect', gender: 'male', birth_date: '1990-01-01' }, { case: CASE });
}
const ev = (g: GroupBuilder, type: string, at: string, attrs: Record<string, string | boolean | number> = {}, rels: Record<string, string> = {}) =>
  g.event(`${type}-${at}`, type, t(at), attrs, { subject: P1, ...rels });
const summon = (g: GroupBuilder, at: string, measure = 'continued_questioning') => ev(g, 'person.summoned', at, { measure, form: 'oral' }, { unit: 'unit:STATION' });
const jail = (g: GroupBuilder, at: string, unit = 'unit:JAIL', doc?: string) => ev(g, 'person.jailed', at, {}, { unit, ...(doc ? { document: doc } : {}) });

describe('AREA_NOT_INTO_DETENTION_FACILITY', () => {
  const rule = AREA_NOT_INTO_DETENTION_FACILITY;

  it('flags a person under continued questioning put into a detention house', () => {
    const r = jail(summon(caseWith('administrative'), d('10:00')), d('14:00')).evaluate(rule, LATER);
    assert.deepEqual(lines(r), [`violation open S2 raised ${z(d('14:00'))}`]);
    assert.equal(r.alerts[0].triggerEventId, `person.summoned-${d('10:00')}`);
    assert.deepEqual(r.alerts[0].evidenceEventIds, [`person.jailed-${d('14:00')}`]);
    assert.match(r.alerts[0].message['zh-CN'], /继续盘问期间未作出拘留决定的，不得送入看守所、拘留所等羁押场所：2025-05-06 14:00在未作出拘留决定的情况下被送入羁押场所/);
  });

  it('raises nothing when a detention decision came first, or the jailing came after the measure ended', () => {
    const detained = ev(summon(caseWith(), d('10:00')), 'person.detained', d('13:00'), {}, { case: CASE });
    assert.deepEqual(jail(detained, d('14:00')).evaluate(rule, LATER), { alerts: [], timers: [] });
    const ended = ev(summon(caseWith(), d('10:00')), 'person.summons_ended', d('12:00'), { outcome: 'released' });
    assert.deepEqual(jail(ended, d('14:00')).evaluate(rule, LATER).alerts, []);
  });

  it('applies by analogy to administrative summonses: the jailing needs an executed 行政拘留 decision', () => {
    const decided = (execute: boolean) => ev(summon(caseWith('administrative'), d('10:00'), 'admin_summons'), 'person.admin_detention_decided', d('15:00'), { days: 5, execute }, { case: CASE });
    assert.deepEqual(jail(decided(true), d('16:00'), 'unit:ADMIN_JAIL').evaluate(rule, LATER).alerts, []);
    assert.deepEqual(lines(jail(decided(false), d('16:00'), 'unit:ADMIN_JAIL').evaluate(rule, LATER)), [`violation open S2 raised ${z(d('16:00'))}`]);
    assert.deepEqual(lines(jail(summon(caseWith('administrative'), d('10:00'), 'admin_summons'), d('16:00'), 'unit:ADMIN_JAIL').evaluate(rule, LATER)), [`violation open S2 raised ${z(d('16:00'))}`]);
  });

  it('applies to criminal summonses and 拘传; an arrest is a decision', () => {
    const r = jail(summon(caseWith(), d('10:00'), 'forced_summons'), d('12:00')).evaluate(rule, LATER);
    assert.match(r.alerts[0].message['zh-CN'], /^拘传期间/);
    const arrested = ev(summon(caseWith(), d('10:00'), 'criminal_summons'), 'person.arrested', d('11:00'), {}, { case: CASE });
    assert.deepEqual(jail(arrested, d('12:00')).evaluate(rule, LATER).alerts, []);
  });

  it('does not carry an old decision over a release into a new summons', () => {
    let g = ev(caseWith(), 'person.detained', d('08:00', 1), {}, { case: CASE });
    g = ev(g, 'person.released', d('08:00', 2), { reason: 'other' }, { case: CASE });
    assert.equal(jail(summon(g, d('10:00')), d('12:00')).evaluate(rule, LATER).alerts.length, 1);
  });

  it('does not carry a detention changed to bail or RSDL into a new summons (§9.1: they end the detention)', () => {
    for (const change of ['person.bail_started', 'person.rsdl_started']) {
      let g = ev(caseWith(), 'person.detained', d('08:00', 1), {}, { case: CASE });
      g = ev(g, change, d('08:00', 2), change === 'person.rsdl_started' ? { designated: false } : {}, { case: CASE });
      const r = jail(summon(g, d('10:00'), 'criminal_summons'), d('12:00')).evaluate(rule, LATER);
      assert.deepEqual(lines(r), [`violation open S2 raised ${z(d('12:00'))}`], change);
    }
    // An arrest after the bail is a new decision.
    let g = ev(ev(caseWith(), 'person.detained', d('08:00', 1), {}, { case: CASE }), 'person.bail_started', d('08:00', 2), {}, { case: CASE });
    g = ev(summon(g, d('10:00'), 'criminal_summons'), 'person.arrested', d('11:00'), {}, { case: CASE });
    assert.deepEqual(jail(g, d('12:00')).evaluate(rule, LATER).alerts, []);
  });

  it('judges an open measure up to T and ignores summonses without a subject', () => {
    assert.deepEqual(summon(caseWith(), d('10:00')).evaluate(rule, LATER), { alerts: [], timers: [] });
    const g = caseWith().event('s0', 'person.summoned', t(d('10:00')), { measure: 'continued_questioning', form: 'oral' }, { unit: 'unit:STATION' });
    assert.deepEqual(jail(g, d('12:00')).evaluate(rule, LATER).alerts, []);
  });
});

describe('JAIL_INTAKE_CHECKS', () => {
  const rule = JAIL_INTAKE_CHECKS;
  const W = 'document:W1';
  const warrant = (g: GroupBuilder, docType = '拘留证', attrs: Record<string, string | boolean> = {}, subject = P1) =>
    g.object(W, { doc_type: docType, ...attrs }, { case: CASE, subject });
  const detained = (g: GroupBuilder, doc?: string) => ev(g, 'person.detained', d('08:00'), {}, { case: CASE, officer: 'officer:O1', ...(doc ? { document: doc } : {}) });

  it('raises nothing for an admission on the 拘留证 of the detention', () => {
    assert.deepEqual(jail(detained(warrant(caseWith()), W), d('12:00'), 'unit:JAIL', W).evaluate(rule, LATER), { alerts: [], timers: [] });
    // Named only by the detention, not by the admission.
    assert.deepEqual(jail(detained(warrant(caseWith()), W), d('12:00')).evaluate(rule, LATER).alerts, []);
    // Dated before the admission, recorded later.
    const dated = warrant(caseWith(), '拘留证', { issued_at: t(d('07:40')) });
    assert.deepEqual(jail(detained(dated), d('12:00')).evaluate(rule, LATER).alerts, []);
  });

  it('flags an admission without a warrant, with one of another person, or one present only later', () => {
    const none = jail(detained(caseWith()), d('12:00')).evaluate(rule, LATER);
    assert.deepEqual(lines(none), [`violation open S2 raised ${z(d('12:00'))}`]);
    assert.match(none.alerts[0].message['zh-CN'], /看守所应凭拘留证、逮捕证收押：收押时没有拘留证/);
    const other = warrant(caseWith().object('person:P2', { role: 'suspect' }, { case: CASE }), '拘留证', {}, 'person:P2');
    assert.equal(jail(detained(other), d('12:00')).evaluate(rule, LATER).alerts.length, 1);
    const later = warrant(caseWith()).event('filed', 'document.filed', t(d('13:00')), {}, { document: W, case: CASE });
    assert.equal(jail(detained(later), d('12:00')).evaluate(rule, LATER).alerts.length, 1);
  });

  it('requires the 逮捕证 under arrest custody, and accepts either without custody', () => {
    const arrested = (docType: string) => jail(ev(warrant(caseWith(), docType), 'person.arrested', d('08:00'), {}, { case: CASE, document: W }), d('12:00'));
    assert.deepEqual(arrested('逮捕证').evaluate(rule, LATER).alerts, []);
    const wrong = arrested('拘留证').evaluate(rule, LATER);
    assert.match(wrong.alerts[0].message['zh-CN'], /收押时没有逮捕证/);
    assert.deepEqual(jail(warrant(caseWith(), '逮捕证'), d('12:00'), 'unit:JAIL', W).evaluate(rule, LATER).alerts, []);
  });

  it('flags a warrant without the arrival time written on it; unknown is no finding', () => {
    const r = jail(detained(warrant(caseWith(), '拘留证', { times_recorded: false }), W), d('12:00')).evaluate(rule, LATER);
    assert.deepEqual(lines(r), [`violation open S2 raised ${z(d('12:00'))}`]);
    assert.match(r.alerts[0].message['zh-CN'], /应在拘留证、逮捕证上注明到达看守所的时间：拘留证上未注明到达看守所的时间/);
    assert.deepEqual(jail(detained(warrant(caseWith(), '拘留证', { times_recorded: true }), W), d('12:00')).evaluate(rule, LATER).alerts, []);
  });

  it('does not apply to a 拘留所 admission or without a subject', () => {
    assert.deepEqual(jail(caseWith('administrative'), d('12:00'), 'unit:ADMIN_JAIL').evaluate(rule, LATER), { alerts: [], timers: [] });
    assert.deepEqual(caseWith().event('j', 'person.jailed', t(d('12:00')), {}, { unit: 'unit:JAIL' }).evaluate(rule, LATER).alerts, []);
  });
});
