import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { GroupBuilder } from '../engine/group-builder.js';
import { CASE, criminalCase, P1, PROCURATORATE, summary, t, timerLines, z } from './custody-testing.js';
import { CRIM_ARREST_EXECUTION } from './measures-extra-arrest.js';

/**
 * CRIM_ARREST_EXECUTION (catalogue §7a): executed at once, the execution receipt within 3 days,
 * the warrant signed, two officers, straight to the 看守所. A suspect detained 03-01, admitted
 * to the 看守所 the same day, arrest approved 03-06 10:00.
 */
const rule = CRIM_ARREST_EXECUTION;
const F = 'CRIM_ARREST_EXECUTION';
const on = (g: GroupBuilder, id: string, type: string, at: string, attrs: Record<string, string | boolean> = {}, rels: Record<string, string | string[]> = {}) =>
  g.event(id, type, t(at), attrs, { subject: P1, case: CASE, ...rels });
const withOfficers = () => criminalCase()
  .object('officer:O2', { name: '乙', badge_no: '2', role: 'assistant' }, { member_of: 'unit:STATION' })
  .object('officer:AUX', { name: '丙', badge_no: '3', role: 'auxiliary' }, { member_of: 'unit:STATION' })
  .object('document:AW', { doc_type: '逮捕证', subject_signed: true }, { case: CASE, subject: P1 });
const inJail = (g = withOfficers(), at = '2025-03-01T10:00', jailedAt = '2025-03-01T14:00') =>
  on(on(g, 'd1', 'person.detained', at, {}, { officer: 'officer:O1' }), 'j1', 'person.jailed', jailedAt, {}, { unit: 'unit:JAIL' });
const approved = (g: GroupBuilder, at = '2025-03-06T10:00') => on(g, 'ap', 'person.arrest_approved', at, {}, { unit: PROCURATORATE });
const arrested = (g: GroupBuilder, at = '2025-03-06T12:00', rels: Record<string, string | string[]> = {}) =>
  on(g, 'ar', 'person.arrested', at, {}, { officer: ['officer:O1', 'officer:O2'], document: 'document:AW', ...rels });
const receipt = (g: GroupBuilder, at = '2025-03-07T10:00', to = PROCURATORATE) =>
  g.event('rc', 'notice.served', t(at), { notice_type: 'execution_receipt' }, { target_unit: to, case: CASE, subject: P1 });
const complete = () => receipt(arrested(approved(inJail())));
const asOf = t('2025-04-01T00:00');

describe('CRIM_ARREST_EXECUTION', () => {
  it('raises nothing for an arrest executed at once by two officers, warrant signed, receipt sent, already in the 看守所', () => {
    assert.deepEqual(complete().evaluate(rule, asOf), { alerts: [], timers: [] });
  });

  describe('execute at once (executeHours [D])', () => {
    const due = z('2025-03-07T10:00');
    const warn = z('2025-03-07T04:00');
    it('accepts the arrest at 24 h with a warning; one minute later is late; none is overdue', () => {
      assert.deepEqual(summary(receipt(arrested(approved(inJail()), '2025-03-07T10:00')).evaluate(rule, asOf).alerts), [`${F} warning resolved S2 raised ${warn} due ${due} resolved ${due}`]);
      assert.deepEqual(summary(receipt(arrested(approved(inJail()), '2025-03-07T10:01'), '2025-03-07T11:00').evaluate(rule, asOf).alerts),
        [`${F} overdue complied_late S2 raised ${warn} due ${due} resolved ${z('2025-03-07T10:01')}`]);
      const none = approved(inJail());
      assert.deepEqual(summary(none.evaluate(rule, t('2025-03-07T10:00')).alerts), [`${F} warning open S2 raised ${warn} due ${due}`]);
      assert.deepEqual(timerLines(approved(inJail()).evaluate(rule, t('2025-03-06T11:00')).timers).filter((x) => x.includes(due)), [`${F} warn fire ${warn} due ${due}`]);
    });

    it('takes the bureau\'s executeHours', () => {
      const r = receipt(arrested(approved(inJail()), '2025-03-06T14:01')).evaluate(rule, asOf, { params: { [F]: { executeHours: 4 } } });
      assert.deepEqual(summary(r.alerts), [`${F} overdue complied_late S2 raised ${z('2025-03-06T13:00')} due ${z('2025-03-06T14:00')} resolved ${z('2025-03-06T14:01')}`]);
    });

    it('is discharged by a receipt reporting a failed execution (no arrest)', () => {
      assert.deepEqual(receipt(approved(inJail()), '2025-03-06T20:00').evaluate(rule, asOf).alerts, []);
    });
  });

  describe('execution receipt within 3 days', () => {
    const due = z('2025-03-10T00:00');
    const warn = z('2025-03-09T00:00');
    it('accepts the last day with a warning; 00:00 is late (S3); none is overdue', () => {
      assert.deepEqual(summary(receipt(arrested(approved(inJail())), '2025-03-09T23:59').evaluate(rule, asOf).alerts), [`${F} warning resolved S3 raised ${warn} due ${due} resolved ${z('2025-03-09T23:59')}`]);
      assert.deepEqual(summary(receipt(arrested(approved(inJail())), '2025-03-10T00:00').evaluate(rule, asOf).alerts), [`${F} overdue complied_late S3 raised ${warn} due ${due} resolved ${due}`]);
      assert.deepEqual(summary(arrested(approved(inJail())).evaluate(rule, asOf).alerts), [`${F} overdue open S3 raised ${warn} due ${due}`]);
    });

    it('counts only a receipt to the approving procuratorate', () => {
      const other = withOfficers().object('unit:PROC2', { name: '另一检察院', kind: 'procuratorate' });
      const g = receipt(arrested(approved(inJail(other))), '2025-03-07T10:00', 'unit:PROC2');
      assert.deepEqual(summary(g.evaluate(rule, asOf).alerts), [`${F} overdue open S3 raised ${warn} due ${due}`]);
    });

    it('does not move off National Day while the person is held; does when not held', () => {
      const held = arrested(approved(inJail(withOfficers(), '2025-09-24T10:00', '2025-09-24T14:00'), '2025-09-28T10:00'), '2025-09-28T12:00');
      assert.deepEqual(summary(held.evaluate(rule, t('2025-10-20T00:00')).alerts), [`${F} overdue open S3 raised ${z('2025-10-01T00:00')} due ${z('2025-10-02T00:00')}`]);
      // On bail, never arrested: 09-28 + 3 = 10-01, a holiday, moved to 10-09.
      const onBail = approved(on(withOfficers(), 'b1', 'person.bail_started', '2025-09-01T10:00'), '2025-09-28T10:00');
      assert.deepEqual(summary(onBail.evaluate(rule, t('2025-10-20T00:00')).alerts), [
        `${F} overdue open S2 raised ${z('2025-09-29T04:00')} due ${z('2025-09-29T10:00')}`,
        `${F} overdue open S3 raised ${z('2025-10-09T00:00')} due ${z('2025-10-10T00:00')}`,
      ]);
    });
  });

  describe('on the arrest', () => {
    it('wants the warrant signed (or the refusal noted) within graceHours of the arrest', () => {
      const unsigned = (attrs: Record<string, string | boolean>) => receipt(arrested(approved(inJail(withOfficers().object('document:AW', { doc_type: '逮捕证', ...attrs }, { case: CASE, subject: P1 })))));
      assert.deepEqual(summary(unsigned({ subject_signed: false }).evaluate(rule, asOf).alerts), [`${F} overdue open S2 raised ${z('2025-03-07T06:00')} due ${z('2025-03-07T12:00')}`]);
      assert.deepEqual(unsigned({ subject_signed: false, refusal_noted: true }).evaluate(rule, asOf).alerts, []);
      assert.deepEqual(unsigned({}).evaluate(rule, asOf).alerts, []); // never sent: not held against it (§5.2)
      const noWarrant = receipt(arrested(approved(inJail(criminalCase().object('officer:O2', { name: '乙', badge_no: '2', role: 'assistant' }))), '2025-03-06T12:00', { document: [] }));
      assert.deepEqual(summary(noWarrant.evaluate(rule, asOf).alerts), [`${F} overdue open S2 raised ${z('2025-03-07T06:00')} due ${z('2025-03-07T12:00')}`]);
    });

    it('flags an arrest by fewer than two sworn officers at the arrest', () => {
      const r = receipt(arrested(approved(inJail()), '2025-03-06T12:00', { officer: ['officer:O1', 'officer:AUX'] })).evaluate(rule, asOf);
      assert.deepEqual(summary(r.alerts), [`${F} violation open S2 raised ${z('2025-03-06T12:00')}`]);
      assert.match(r.alerts[0].message['zh-CN'], /仅1名/);
    });

    it('wants a person not yet in a 看守所 taken there within jailHours', () => {
      const fromBail = (jail?: [string, string]) => {
        let g = receipt(arrested(approved(on(withOfficers(), 'b1', 'person.bail_started', '2025-03-01T10:00'))));
        if (jail) g = on(g, 'j2', 'person.jailed', jail[0], {}, { unit: jail[1] });
        return g.evaluate(rule, asOf).alerts;
      };
      const due = z('2025-03-07T12:00');
      const warn = z('2025-03-07T06:00');
      assert.deepEqual(fromBail(['2025-03-06T18:00', 'unit:JAIL']), []);
      assert.deepEqual(summary(fromBail(['2025-03-07T12:00', 'unit:JAIL'])), [`${F} warning resolved S2 raised ${warn} due ${due} resolved ${due}`]);
      assert.deepEqual(summary(fromBail(['2025-03-07T12:01', 'unit:JAIL'])), [`${F} overdue complied_late S2 raised ${warn} due ${due} resolved ${z('2025-03-07T12:01')}`]);
      assert.deepEqual(summary(fromBail(['2025-03-06T18:00', 'unit:ADMIN_JAIL'])), [`${F} overdue open S2 raised ${warn} due ${due}`]);
      // Detained but never admitted to a 看守所 before the arrest: still due; released first: done.
      const notAdmitted = receipt(arrested(approved(on(withOfficers(), 'd1', 'person.detained', '2025-03-05T10:00', {}, { officer: 'officer:O1' }))));
      assert.deepEqual(summary(notAdmitted.evaluate(rule, asOf).alerts), [`${F} overdue open S2 raised ${warn} due ${due}`]);
      assert.deepEqual(on(notAdmitted, 'r1', 'person.released', '2025-03-06T20:00', { reason: 'other' }).evaluate(rule, asOf).alerts, []);
    });
  });

  it('is not triggered without an approval (a denial is another rule)', () => {
    assert.deepEqual(arrested(inJail()).evaluate(rule, asOf), { alerts: [], timers: [] });
    assert.deepEqual(on(inJail(), 'dn', 'person.arrest_denied', '2025-03-06T10:00', {}, { unit: PROCURATORATE }).evaluate(rule, asOf), { alerts: [], timers: [] });
  });
});
