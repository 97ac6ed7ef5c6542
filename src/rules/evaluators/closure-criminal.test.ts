import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { GroupBuilder } from '../engine/group-builder.js';
import { CRIM_SUPPLEMENTARY_INVESTIGATION, CRIM_WITHDRAWAL_NOTICE_3D } from './closure-criminal.js';
import { expected, judged, timerAt, utc } from './closure-test-kit.js';

const CASE = 'case:A1';
const criminalCase = () => new GroupBuilder(CASE).object(CASE, { kind: 'criminal', category: '050200' }, { unit: 'unit:S1' });

describe('CRIM_SUPPLEMENTARY_INVESTIGATION', () => {
  const RETURNED = '2025-03-10T10:00:00+08:00'; // one month ends Thursday 04-10
  const DUE = '2025-04-11T00:00:00+08:00';
  const WARN = '2025-04-06T00:00:00+08:00'; // day 25: deadline − 5 days
  const returned = (g: GroupBuilder, id = 'ret', at = RETURNED, attrs: Record<string, string | number> = { round: 1 }) =>
    g.event(id, 'case.returned_for_investigation', at, attrs, { case: CASE, unit: 'unit:PROC' });
  const resent = (g: GroupBuilder, at: string, id = 'sent', type = 'case.sent_for_prosecution') => g.event(id, type, at, {}, { case: CASE, target_unit: 'unit:PROC' });
  const supp = (g: GroupBuilder, asOf: string) => g.evaluate(CRIM_SUPPLEMENTARY_INVESTIGATION, asOf);

  it('raises nothing when the case goes back well within the month', () => {
    const r = supp(resent(returned(criminalCase()), '2025-04-01T10:00:00+08:00'), '2025-05-01T00:00:00+08:00');
    assert.deepEqual([r.alerts, r.timers], [[], []]);
  });

  it('resolves the warning on the last day at 23:59, is late at 00:00, and a withdrawal also complies', () => {
    const last = supp(resent(returned(criminalCase()), '2025-04-10T23:59:00+08:00'), '2025-05-01T00:00:00+08:00');
    assert.deepEqual(last.alerts.map(judged), [expected('warning', 'resolved', 'S2', CASE, WARN, DUE, '2025-04-10T23:59:00+08:00')]);
    const late = supp(resent(returned(criminalCase()), DUE), '2025-05-01T00:00:00+08:00');
    assert.deepEqual(late.alerts.map(judged), [expected('overdue', 'complied_late', 'S2', CASE, WARN, DUE, DUE)]);
    const revoked = supp(resent(returned(criminalCase()), '2025-04-08T10:00:00+08:00', 'rev', 'case.revoked'), '2025-05-01T00:00:00+08:00');
    assert.deepEqual(revoked.alerts.map(judged), [expected('warning', 'resolved', 'S2', CASE, WARN, DUE, '2025-04-08T10:00:00+08:00')]);
  });

  it('warns with a due timer, then is overdue', () => {
    const warned = supp(returned(criminalCase()), '2025-04-07T00:00:00+08:00');
    assert.deepEqual(warned.alerts.map(judged), [expected('warning', 'open', 'S2', CASE, WARN, DUE)]);
    assert.deepEqual(warned.timers.map(timerAt), [{ kind: 'due', fireAt: utc(DUE), dueAt: utc(DUE), subject: CASE }]);
    assert.deepEqual(supp(returned(criminalCase()), '2025-04-12T00:00:00+08:00').alerts.map(judged), [expected('overdue', 'open', 'S2', CASE, WARN, DUE)]);
  });

  describe('holidays: moved when nobody is held, not when a suspect is held on the last day (§9.1)', () => {
    const SEPT = '2025-09-01T10:00:00+08:00'; // one month ends 10-01, National Day
    const arrested = (g: GroupBuilder) => g.object('person:S1', { role: 'suspect' }, { case: CASE })
      .event('arr', 'person.arrested', '2025-08-20T10:00:00+08:00', {}, { subject: 'person:S1', case: CASE, officer: 'officer:O1' });

    it('moves 10-01 to Thursday 10-09 for a case without a held suspect', () => {
      const r = supp(returned(criminalCase(), 'ret', SEPT), '2025-10-06T00:00:00+08:00');
      assert.deepEqual(r.alerts.map(judged), [expected('warning', 'open', 'S2', CASE, '2025-10-05T00:00:00+08:00', '2025-10-10T00:00:00+08:00')]);
    });

    it('keeps 10-01 while a suspect is held', () => {
      const r = supp(returned(arrested(criminalCase()), 'ret', SEPT), '2025-10-06T00:00:00+08:00');
      assert.deepEqual(r.alerts.map(judged), [expected('overdue', 'open', 'S2', CASE, '2025-09-27T00:00:00+08:00', '2025-10-02T00:00:00+08:00')]);
    });

    it('moves it again when the suspect was released before the last day', () => {
      const g = returned(arrested(criminalCase()), 'ret', SEPT).event('rel', 'person.released', '2025-09-15T10:00:00+08:00', {}, { subject: 'person:S1', case: CASE });
      assert.equal(supp(g, '2025-10-06T00:00:00+08:00').alerts[0].dueAt, utc('2025-10-10T00:00:00+08:00'));
    });

    // §9.1 ends arrest custody at the transfer for prosecution, but a suspect never released is still held after the return.
    describe('a suspect arrested, sent for prosecution and returned, never released', () => {
      const sentBack = () => resent(arrested(criminalCase()), '2025-08-25T10:00:00+08:00', 'sent0');
      const RAISED = '2025-09-27T00:00:00+08:00';
      const HELD_DUE = '2025-10-02T00:00:00+08:00';

      it('keeps 10-01: in time at 23:59, late at 10-02 00:00 and at 10-09 (the moved day)', () => {
        const g = (at: string) => supp(resent(returned(sentBack(), 'ret', SEPT), at), '2025-10-20T00:00:00+08:00');
        assert.deepEqual(g('2025-10-01T23:59:00+08:00').alerts.map(judged), [expected('warning', 'resolved', 'S2', CASE, RAISED, HELD_DUE, '2025-10-01T23:59:00+08:00')]);
        assert.deepEqual(g(HELD_DUE).alerts.map(judged), [expected('overdue', 'complied_late', 'S2', CASE, RAISED, HELD_DUE, HELD_DUE)]);
        assert.deepEqual(g('2025-10-09T10:00:00+08:00').alerts.map(judged), [expected('overdue', 'complied_late', 'S2', CASE, RAISED, HELD_DUE, '2025-10-09T10:00:00+08:00')]);
        assert.deepEqual(supp(returned(sentBack(), 'ret', SEPT), '2025-10-06T00:00:00+08:00').alerts.map(judged), [expected('overdue', 'open', 'S2', CASE, RAISED, HELD_DUE)]);
      });

      it('moves it again when the suspect was released or bailed after the transfer, before the last day', () => {
        const released = returned(sentBack(), 'ret', SEPT).event('rel', 'person.released', '2025-09-15T10:00:00+08:00', {}, { subject: 'person:S1', case: CASE });
        assert.equal(supp(released, '2025-10-06T00:00:00+08:00').alerts[0].dueAt, utc('2025-10-10T00:00:00+08:00'));
        const bailed = returned(sentBack(), 'ret', SEPT).event('bail', 'person.bail_started', '2025-09-05T10:00:00+08:00', {}, { subject: 'person:S1', case: CASE });
        assert.equal(supp(bailed, '2025-10-06T00:00:00+08:00').alerts[0].dueAt, utc('2025-10-10T00:00:00+08:00'));
      });
    });
  });

  describe('at most two returns', () => {
    const three = (rounds: Array<number | undefined>) => {
      let g = criminalCase();
      const at = ['2025-03-10', '2025-04-01', '2025-05-06'];
      rounds.forEach((round, i) => {
        g = returned(g, `ret${i + 1}`, `${at[i]}T10:00:00+08:00`, round === undefined ? {} : { round });
        g = resent(g, `${at[i].slice(0, 8)}20T10:00:00+08:00`, `sent${i + 1}`);
      });
      return supp(g, '2025-06-01T00:00:00+08:00');
    };

    it('raises a violation at the third return, whatever `round` says', () => {
      for (const rounds of [[1, 2, 3], [undefined, undefined, undefined], [1, 1, 1]]) {
        const r = three(rounds);
        assert.deepEqual(r.alerts.map(judged), [expected('violation', 'open', 'S2', CASE, '2025-05-06T10:00:00+08:00')], JSON.stringify(rounds));
        assert.equal(r.alerts[0].triggerEventId, 'ret3');
        assert.match(r.alerts[0].message['zh-CN'], /第3次退回补充侦查/);
      }
    });

    it('believes a declared round above two on a first return', () => {
      const r = supp(resent(returned(criminalCase(), 'ret', RETURNED, { round: 3 }), '2025-03-20T10:00:00+08:00'), '2025-05-01T00:00:00+08:00');
      assert.deepEqual(r.alerts.map((a) => a.level), ['violation']);
    });
  });

  describe('stopping the investigation of suspects (case.revoked `suspect`) complies only once it covers every suspect', () => {
    const two = () => criminalCase().object('person:S1', { role: 'suspect' }, { case: CASE }).object('person:S2', { role: 'suspect' }, { case: CASE });
    const stop = (g: GroupBuilder, id: string, at: string, ...subject: string[]) =>
      g.event(id, 'case.revoked', at, { scope: 'suspect' }, { case: CASE, subject, approver: 'officer:L1' });
    const AFTER = '2025-05-01T00:00:00+08:00';

    it('stays open when one of two suspects is stopped', () => {
      const g = stop(returned(two()), 'rev2', '2025-03-20T10:00:00+08:00', 'person:S2');
      assert.deepEqual(supp(g, AFTER).alerts.map(judged), [expected('overdue', 'open', 'S2', CASE, WARN, DUE)]);
    });

    it('is complied by the stop that covers the last suspect: 04-10 23:59 in time, 04-11 00:00 late', () => {
      const g = (at: string) => stop(stop(returned(two()), 'rev2', '2025-03-20T10:00:00+08:00', 'person:S2'), 'rev1', at, 'person:S1');
      assert.deepEqual(supp(g('2025-04-10T23:59:00+08:00'), AFTER).alerts.map(judged), [expected('warning', 'resolved', 'S2', CASE, WARN, DUE, '2025-04-10T23:59:00+08:00')]);
      assert.deepEqual(supp(g(DUE), AFTER).alerts.map(judged), [expected('overdue', 'complied_late', 'S2', CASE, WARN, DUE, DUE)]);
    });

    it('counts a suspect stopped before the return, and one stop naming both', () => {
      const early = supp(stop(stop(returned(two()), 'rev2', '2025-03-01T10:00:00+08:00', 'person:S2'), 'rev1', '2025-03-20T10:00:00+08:00', 'person:S1'), AFTER);
      assert.deepEqual([early.alerts, early.timers], [[], []]);
      const both = stop(returned(two()), 'rev', '2025-03-20T10:00:00+08:00', 'person:S1', 'person:S2');
      assert.deepEqual(supp(both, AFTER).alerts, []);
    });

    it('a whole-case withdrawal still complies with two suspects', () => {
      const g = returned(two()).event('rev', 'case.revoked', '2025-03-20T10:00:00+08:00', { scope: 'case' }, { case: CASE, approver: 'officer:L1' });
      assert.deepEqual(supp(g, AFTER).alerts, []);
    });
  });

  it('is not triggered in an administrative case', () => {
    const admin = new GroupBuilder(CASE).object(CASE, { kind: 'administrative' });
    assert.deepEqual(supp(returned(admin), '2025-05-01T00:00:00+08:00').alerts, []);
  });
});

describe('CRIM_WITHDRAWAL_NOTICE_3D', () => {
  const REVOKED = '2025-05-12T10:00:00+08:00'; // Monday: notices due by Thursday 05-15
  const NOTICE_DUE = '2025-05-16T00:00:00+08:00';
  const withdrawn = (scope: 'case' | 'suspect' = 'case', revokedAt = REVOKED) => criminalCase()
    .object('person:S1', { role: 'suspect' }, { case: CASE })
    .object('person:V1', { role: 'victim' }, { case: CASE })
    .event('det', 'person.detained', '2025-05-06T10:00:00+08:00', {}, { subject: 'person:S1', case: CASE, officer: 'officer:O1' })
    .event('rev', 'case.revoked', revokedAt, { scope }, { case: CASE, approver: 'officer:L1', ...(scope === 'suspect' ? { subject: 'person:S1' } : {}) });
  const CERT = 'document:RC1';
  // Released with a 释放证明书 attached to the release (spec §10.1).
  const release = (g: GroupBuilder, at: string) => g.object(CERT, { doc_type: '释放证明书' }, { case: CASE, subject: 'person:S1' })
    .event('rel', 'person.released', at, { reason: 'case_revoked' }, { subject: 'person:S1', case: CASE, document: CERT });
  const notify = (g: GroupBuilder, id: string, to: { subject?: string; target_unit?: string }, at: string, extra: Record<string, string> = {}) =>
    g.event(id, 'notice.served', at, { notice_type: 'revocation_notice', ...extra }, { case: CASE, ...to });
  const compliant = (scope: 'case' | 'suspect' = 'case') => notify(notify(release(withdrawn(scope), '2025-05-12T11:00:00+08:00'),
    'n1', { subject: 'person:S1' }, '2025-05-13T10:00:00+08:00'), 'n2', { subject: 'person:V1' }, '2025-05-13T10:00:00+08:00');
  const withdrawal = (g: GroupBuilder, asOf: string, settings?: Parameters<GroupBuilder['evaluate']>[2]) => g.evaluate(CRIM_WITHDRAWAL_NOTICE_3D, asOf, settings);
  const LATER = '2025-05-25T00:00:00+08:00';

  it('raises nothing when the held suspect is released at once and everyone is told', () => {
    const r = withdrawal(compliant(), LATER);
    assert.deepEqual([r.alerts, r.timers], [[], []]);
  });

  describe('release of a held suspect: 4 h [D], custodial', () => {
    const at = (releasedAt: string) => withdrawal(compliant().without('rel').event('rel', 'person.released', releasedAt, {}, { subject: 'person:S1', case: CASE, document: CERT }), LATER);

    it('resolves the warning at exactly 4 h and is late one minute after', () => {
      assert.deepEqual(at('2025-05-12T14:00:00+08:00').alerts.map(judged),
        [expected('warning', 'resolved', 'S2', 'person:S1', '2025-05-12T13:00:00+08:00', '2025-05-12T14:00:00+08:00', '2025-05-12T14:00:00+08:00')]);
      assert.deepEqual(at('2025-05-12T14:01:00+08:00').alerts.map(judged),
        [expected('overdue', 'complied_late', 'S2', 'person:S1', '2025-05-12T13:00:00+08:00', '2025-05-12T14:00:00+08:00', '2025-05-12T14:01:00+08:00')]);
    });

    it('is overdue while the suspect stays held, and the bureau may set the hours', () => {
      const g = compliant().without('rel');
      assert.deepEqual(withdrawal(g, '2025-05-12T15:00:00+08:00').alerts.map(judged),
        [expected('overdue', 'open', 'S2', 'person:S1', '2025-05-12T13:00:00+08:00', '2025-05-12T14:00:00+08:00')]);
      const r = withdrawal(g, '2025-05-12T17:00:00+08:00', { params: { CRIM_WITHDRAWAL_NOTICE_3D: { releaseHours: 8 } } });
      assert.deepEqual(r.alerts.map(judged), [expected('warning', 'open', 'S2', 'person:S1', '2025-05-12T16:00:00+08:00', '2025-05-12T18:00:00+08:00')]);
    });

    describe('with a 释放证明书 (MPS-C art.186)', () => {
      const bare = () => compliant().without('rel').event('rel', 'person.released', '2025-05-12T11:00:00+08:00', {}, { subject: 'person:S1', case: CASE });
      const filed = (g: GroupBuilder, doc: string, at: string, person = 'person:S1') => g.object(doc, { doc_type: '释放证明书' }, { case: CASE, subject: person })
        .event(`f-${doc}`, 'document.filed', at, {}, { document: doc, case: CASE, subject: person });

      it('leaves the duty open after a release without one (the certificate object alone is not present, §9.2)', () => {
        const r = withdrawal(bare(), LATER);
        assert.deepEqual(r.alerts.map(judged), [expected('overdue', 'open', 'S2', 'person:S1', '2025-05-12T13:00:00+08:00', '2025-05-12T14:00:00+08:00')]);
        assert.match(r.alerts[0].message['zh-CN'], /释放证明书/);
        assert.match(r.alerts[0].message.en, /释放证明书/);
      });

      it('is complied when one naming the suspect becomes present: at exactly 4 h in time, one minute after late', () => {
        assert.deepEqual(withdrawal(filed(bare(), 'document:RC2', '2025-05-12T14:00:00+08:00'), LATER).alerts.map(judged),
          [expected('warning', 'resolved', 'S2', 'person:S1', '2025-05-12T13:00:00+08:00', '2025-05-12T14:00:00+08:00', '2025-05-12T14:00:00+08:00')]);
        assert.deepEqual(withdrawal(filed(bare(), 'document:RC2', '2025-05-12T14:01:00+08:00'), LATER).alerts.map(judged),
          [expected('overdue', 'complied_late', 'S2', 'person:S1', '2025-05-12T13:00:00+08:00', '2025-05-12T14:00:00+08:00', '2025-05-12T14:01:00+08:00')]);
        assert.deepEqual(withdrawal(filed(bare(), 'document:RC2', '2025-05-12T10:30:00+08:00'), LATER).alerts, [], 'issued before the release: complied at the release');
      });

      it('does not take one naming another person or one present before the withdrawal', () => {
        const open = [expected('overdue', 'open', 'S2', 'person:S1', '2025-05-12T13:00:00+08:00', '2025-05-12T14:00:00+08:00')];
        const other = filed(bare().object('person:S2', { role: 'suspect' }, { case: CASE }), 'document:RC2', '2025-05-12T11:00:00+08:00', 'person:S2');
        assert.deepEqual(withdrawal(other, LATER).alerts.filter((a) => a.subject.id === 'person:S1').map(judged), open);
        assert.deepEqual(withdrawal(filed(bare(), 'document:RC0', '2025-05-07T10:00:00+08:00'), LATER).alerts.map(judged), open);
      });
    });

    it('has no release duty for a suspect not held at the withdrawal', () => {
      const g = compliant().without('rel').event('rel0', 'person.released', '2025-05-08T10:00:00+08:00', {}, { subject: 'person:S1', case: CASE });
      assert.deepEqual(withdrawal(g, LATER).alerts, []);
    });
  });

  describe('notices within 3 days', () => {
    it('resolves the warning on the last day at 23:59 and is late at 00:00', () => {
      const last = withdrawal(compliant().without('n2').event('n2', 'notice.served', '2025-05-15T23:59:00+08:00', { notice_type: 'revocation_notice' }, { case: CASE, subject: 'person:V1' }), LATER);
      assert.deepEqual(last.alerts.map(judged), [expected('warning', 'resolved', 'S2', 'person:V1', '2025-05-15T00:00:00+08:00', NOTICE_DUE, '2025-05-15T23:59:00+08:00')]);
      const late = withdrawal(notify(compliant().without('n2'), 'n2', { subject: 'person:V1' }, NOTICE_DUE), LATER);
      assert.deepEqual(late.alerts.map(judged), [expected('overdue', 'complied_late', 'S2', 'person:V1', '2025-05-15T00:00:00+08:00', NOTICE_DUE, NOTICE_DUE)]);
    });

    it('moves a last day in the National Day holidays (non-custodial)', () => {
      const g = release(withdrawn('case', '2025-09-29T10:00:00+08:00'), '2025-09-29T11:00:00+08:00');
      const r = withdrawal(g, '2025-10-09T12:00:00+08:00');
      assert.deepEqual(r.alerts.map(judged), [
        expected('warning', 'open', 'S2', 'person:S1', '2025-10-09T00:00:00+08:00', '2025-10-10T00:00:00+08:00'),
        expected('warning', 'open', 'S2', 'person:V1', '2025-10-09T00:00:00+08:00', '2025-10-10T00:00:00+08:00'),
      ]);
    });

    it('raises a violation for an unexplained exception and keeps the notice open; a reason makes it valid', () => {
      const bare = withdrawal(notify(compliant().without('n2'), 'n2', { subject: 'person:V1' }, '2025-05-13T10:00:00+08:00', { exception: 'recipient_unreachable' }), LATER);
      assert.deepEqual(bare.alerts.map(judged), [
        expected('violation', 'open', 'S2', 'person:V1', '2025-05-13T10:00:00+08:00'),
        expected('overdue', 'open', 'S2', 'person:V1', '2025-05-15T00:00:00+08:00', NOTICE_DUE),
      ]);
      const reasoned = notify(compliant().without('n2'), 'n2', { subject: 'person:V1' }, '2025-05-13T10:00:00+08:00', { exception: 'recipient_unreachable', reason: '被害人已出国，书面通知寄往其住所' });
      assert.deepEqual(withdrawal(reasoned, LATER).alerts, []);
    });

    it('tells the approving procuratorate of an arrested suspect, not another one', () => {
      const arrested = (g: GroupBuilder) => g
        .object('unit:PROC1', { kind: 'procuratorate' }).object('unit:PROC2', { kind: 'procuratorate' })
        .event('app', 'person.arrest_approved', '2025-05-08T09:00:00+08:00', {}, { subject: 'person:S1', case: CASE, unit: 'unit:PROC1' })
        .event('arr', 'person.arrested', '2025-05-08T15:00:00+08:00', {}, { subject: 'person:S1', case: CASE, officer: 'officer:O1' });
      const wrong = withdrawal(notify(arrested(compliant()), 'n3', { target_unit: 'unit:PROC2' }, '2025-05-13T10:00:00+08:00'), LATER);
      assert.deepEqual(wrong.alerts.map(judged), [expected('overdue', 'open', 'S2', 'person:S1', '2025-05-15T00:00:00+08:00', NOTICE_DUE)]);
      assert.match(wrong.alerts[0].message['zh-CN'], /原批准逮捕的人民检察院/);
      assert.deepEqual(withdrawal(notify(arrested(compliant()), 'n3', { target_unit: 'unit:PROC1' }, '2025-05-13T10:00:00+08:00'), LATER).alerts, []);
    });

    it('tells the transferring agency of a case that came in by transfer', () => {
      const transferred = compliant().object('incident:J1', { channel: 'transfer' }, { case: CASE }).object('unit:AG', { kind: 'administrative_agency' });
      assert.deepEqual(withdrawal(transferred, LATER).alerts.map(judged), [expected('overdue', 'open', 'S2', CASE, '2025-05-15T00:00:00+08:00', NOTICE_DUE)]);
      assert.deepEqual(withdrawal(notify(transferred, 'n3', { target_unit: 'unit:AG' }, '2025-05-14T10:00:00+08:00'), LATER).alerts, []);
    });
  });

  it('lifts bail within 3 days [D]', () => {
    const bailed = (g: GroupBuilder) => g.object('person:S2', { role: 'suspect' }, { case: CASE })
      .event('bail', 'person.bail_started', '2025-05-07T10:00:00+08:00', {}, { subject: 'person:S2', case: CASE })
      .event('n4', 'notice.served', '2025-05-13T10:00:00+08:00', { notice_type: 'revocation_notice' }, { case: CASE, subject: 'person:S2' });
    const end = (at: string) => withdrawal(bailed(compliant()).event('be', 'person.bail_ended', at, {}, { subject: 'person:S2', case: CASE }), LATER);
    assert.deepEqual(end('2025-05-14T10:00:00+08:00').alerts, []);
    assert.deepEqual(end(NOTICE_DUE).alerts.map(judged), [expected('overdue', 'complied_late', 'S2', 'person:S2', '2025-05-15T00:00:00+08:00', NOTICE_DUE, NOTICE_DUE)]);
    assert.match(end(NOTICE_DUE).alerts[0].message['zh-CN'], /解除取保候审/);
  });

  describe('property returned or unfrozen within 3 days [D]', () => {
    const seized = (g: GroupBuilder, category = 'valuables', holder = 'person:S1') => g
      .object('item:I1', { description: '手机一部', category }, { case: CASE, subject: holder })
      .event('sz', 'item.seized', '2025-05-06T12:00:00+08:00', { mode: 'seizure' }, { item: 'item:I1', case: CASE, officer: 'officer:O1', subject: holder });

    it('is overdue for property still held, and complied by a return', () => {
      assert.deepEqual(withdrawal(seized(compliant()), LATER).alerts.map(judged), [expected('overdue', 'open', 'S2', 'item:I1', '2025-05-15T00:00:00+08:00', NOTICE_DUE)]);
      const back = seized(compliant()).event('ret', 'item.returned', '2025-05-14T10:00:00+08:00', {}, { item: 'item:I1', subject: 'person:S1' });
      assert.deepEqual(withdrawal(back, LATER).alerts, []);
    });

    it('skips contraband categories and property returned before the withdrawal', () => {
      assert.deepEqual(withdrawal(seized(compliant(), 'drugs'), LATER).alerts, []);
      const early = seized(compliant()).event('ret', 'item.returned', '2025-05-10T10:00:00+08:00', {}, { item: 'item:I1' });
      assert.deepEqual(withdrawal(early, LATER).alerts, []);
    });

    it('scope suspect: only that suspect, no victim notice, only that suspect’s property', () => {
      const g = seized(notify(release(withdrawn('suspect'), '2025-05-12T11:00:00+08:00'), 'n1', { subject: 'person:S1' }, '2025-05-13T10:00:00+08:00'), 'valuables', 'person:S2')
        .object('person:S2', { role: 'suspect' }, { case: CASE });
      const r = withdrawal(g, LATER);
      assert.deepEqual(r.alerts, []);
      assert.match(withdrawal(g.without('n1'), LATER).alerts[0].message['zh-CN'], /终止侦查后3日内告知原犯罪嫌疑人/);
    });
  });

  it('is not triggered in an administrative case', () => {
    const admin = new GroupBuilder(CASE).object(CASE, { kind: 'administrative' }).object('person:S1', { role: 'suspect' }, { case: CASE })
      .event('rev', 'case.revoked', REVOKED, { scope: 'case' }, { case: CASE });
    assert.deepEqual(withdrawal(admin, LATER).alerts, []);
  });
});
