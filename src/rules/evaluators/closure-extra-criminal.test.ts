import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { GroupBuilder } from '../engine/group-builder.js';
import { CRIM_CLOSURE_CONDITIONS, CRIM_INVESTIGATION_CONTINUITY, CRIM_TRANSFER_FOR_PROSECUTION_NOTICE } from './closure-extra-criminal.js';
import { expected, judged, timerAt, utc } from './closure-test-kit.js';
import { alertOf, alertsOf } from './intake-testing.js';

const CASE = 'case:C1';
const S1 = 'person:S1';
const S2 = 'person:S2';
type Settings = Parameters<GroupBuilder['evaluate']>[2];

function criminalCase(filed = '2025-03-03T10:00:00+08:00', attrs: Record<string, string> = {}, kind = 'criminal'): GroupBuilder {
  return new GroupBuilder(CASE)
    .object(CASE, { kind, category: '050200', ...attrs }, { unit: 'unit:S1' })
    .object(S1, { role: 'suspect', birth_date: '1990-01-01' }, { case: CASE })
    .object(S2, { role: 'suspect', birth_date: '1991-01-01' }, { case: CASE })
    .event('fil', 'case.filed', filed, {}, { case: CASE });
}
const session = (g: GroupBuilder, id: string, at: string, subject = S1) =>
  g.event(id, 'interrogation.started', at, { kind: 'interrogation', av_recorded: true }, { subject, case: CASE, interrogator: ['officer:A', 'officer:B'], venue: 'venue:R', document: `document:${id}` });
const entered = (g: GroupBuilder, id: string, at: string) =>
  g.object(`document:${id}`, { doc_type: '调取证据通知书' }, { case: CASE }).event(id, 'document.filed', at, {}, { document: `document:${id}`, case: CASE });
const sent = (g: GroupBuilder, at: string, docs: string[] = [], id = 'snt') => g.event(id, 'case.sent_for_prosecution', at, {}, { case: CASE, target_unit: 'unit:P', document: docs });

describe('CRIM_INVESTIGATION_CONTINUITY', () => {
  const run = (g: GroupBuilder, asOf: string, settings?: Settings) => g.evaluate(CRIM_INVESTIGATION_CONTINUITY, asOf, settings);
  // From the session of 03-03 12:00: 30 days end 04-02 (Wednesday); warning 5 days before.
  const DUE = '2025-04-03T00:00:00+08:00';
  const WARN = '2025-03-29T00:00:00+08:00';
  const started = () => session(criminalCase(), 'q1', '2025-03-03T12:00:00+08:00');

  it('raises nothing while investigative acts follow each other within the window, up to the transfer', () => {
    const g = sent(entered(entered(started(), 'e1', '2025-03-20T10:00:00+08:00'), 'e2', '2025-04-15T10:00:00+08:00'), '2025-05-10T10:00:00+08:00');
    const r = run(g, '2025-09-01T00:00:00+08:00');
    assert.deepEqual(r.alerts, []);
    assert.deepEqual(r.timers, []);
  });

  it('resolves the warning for an act on the last day at 23:59', () => {
    const r = run(entered(started(), 'e1', '2025-04-02T23:59:00+08:00'), '2025-04-10T00:00:00+08:00');
    assert.deepEqual(r.alerts.map(judged), [expected('warning', 'resolved', 'S4', CASE, WARN, DUE, '2025-04-02T23:59:00+08:00')]);
    assert.equal(r.alerts[0].triggerEventId, 'q1');
  });

  it('is complied late for the next act at 00:00 after the last day', () => {
    const r = run(entered(started(), 'e1', DUE), '2025-04-10T00:00:00+08:00');
    assert.deepEqual(r.alerts.map(judged), [expected('overdue', 'complied_late', 'S3', CASE, WARN, DUE, DUE)]);
    assert.match(r.alerts[0].message['zh-CN'], /已立案侦查的案件不得中断侦查，30日内应有侦查活动/);
  });

  it('sets a warning timer, then warns, then is overdue while nothing happens', () => {
    assert.deepEqual(run(started(), '2025-03-20T00:00:00+08:00').timers.map(timerAt), [{ kind: 'warn', fireAt: utc(WARN), dueAt: utc(DUE), subject: CASE }]);
    assert.deepEqual(run(started(), '2025-03-30T00:00:00+08:00').alerts.map(judged), [expected('warning', 'open', 'S4', CASE, WARN, DUE)]);
    assert.deepEqual(run(started(), DUE).alerts.map(judged), [expected('overdue', 'open', 'S3', CASE, WARN, DUE)]);
  });

  it('moves the end off the National Day holidays, unless a suspect is held on the last day (§9.1)', () => {
    // From 09-01: 30 days end 10-01 (holiday to 10-08) → 10-09; held: stays 10-01.
    const free = session(criminalCase('2025-09-01T09:00:00+08:00'), 'q1', '2025-09-01T10:00:00+08:00');
    assert.equal(run(free, '2025-10-20T00:00:00+08:00').alerts[0].dueAt, utc('2025-10-10T00:00:00+08:00'));
    const held = free.event('det', 'person.detained', '2025-08-31T10:00:00+08:00', {}, { subject: S2, case: CASE, officer: 'officer:A' })
      .event('arr', 'person.arrested', '2025-08-31T20:00:00+08:00', {}, { subject: S2, case: CASE, officer: 'officer:A' });
    // S2, arrested before the filing, is still in arrest custody on 10-01: the period is custodial.
    const r = run(held, '2025-10-20T00:00:00+08:00');
    assert.deepEqual(r.alerts.map(judged), [expected('overdue', 'open', 'S3', CASE, '2025-09-27T00:00:00+08:00', '2025-10-02T00:00:00+08:00')]);
  });

  it('names bail in the duty when a suspect is on it, with the bail as evidence', () => {
    const g = started().event('bail', 'person.bail_started', '2025-03-03T15:00:00+08:00', {}, { subject: S1, case: CASE });
    const r = run(g, '2025-04-10T00:00:00+08:00');
    // The bail start is itself an investigative act: the window runs from it.
    assert.deepEqual(r.alerts.map(judged), [expected('overdue', 'open', 'S3', CASE, WARN, DUE)]);
    assert.equal(r.alerts[0].triggerEventId, 'bail');
    assert.deepEqual(r.alerts[0].evidenceEventIds, ['bail']);
    assert.match(r.alerts[0].message['zh-CN'], /犯罪嫌疑人取保候审、监视居住期间不得中断侦查/);
  });

  it('counts only once a suspect is on record (an unsolved case is the backlog rule’s)', () => {
    const unsolved = new GroupBuilder(CASE).object(CASE, { kind: 'criminal' }).event('fil', 'case.filed', '2025-03-03T10:00:00+08:00', {}, { case: CASE });
    assert.deepEqual(run(unsolved, '2025-12-01T00:00:00+08:00').alerts, []);
    const later = session(criminalCase(), 'q1', '2025-06-01T10:00:00+08:00');
    const r = run(later, '2025-08-01T00:00:00+08:00');
    assert.deepEqual(r.alerts.map((a) => [a.triggerEventId, a.dueAt]), [['q1', utc('2025-07-02T00:00:00+08:00')]]);
  });

  it('stops at the end of the investigation, and leaves a supplementary investigation to its own rule', () => {
    const g = sent(started(), '2025-03-20T10:00:00+08:00')
      .event('ret', 'case.returned_for_investigation', '2025-05-06T10:00:00+08:00', { round: 1 }, { case: CASE, unit: 'unit:P' });
    assert.deepEqual(run(g, '2025-08-10T00:00:00+08:00').alerts, []);
    const closedEarly = started().event('cls', 'case.closed', '2025-03-20T10:00:00+08:00', {}, { case: CASE });
    assert.deepEqual(run(entered(closedEarly, 'e1', '2025-06-01T10:00:00+08:00'), '2025-08-10T00:00:00+08:00').alerts, [], 'nothing after the end counts');
    const revoked = started().event('rev', 'case.revoked', '2025-03-20T10:00:00+08:00', { scope: 'case' }, { case: CASE });
    assert.deepEqual(run(revoked, '2025-06-10T00:00:00+08:00').alerts, []);
    const oneSuspect = started().event('rev', 'case.revoked', '2025-03-20T10:00:00+08:00', { scope: 'suspect' }, { case: CASE, subject: S2 });
    assert.equal(run(oneSuspect, '2025-06-10T00:00:00+08:00').alerts.length, 1, 'stopping one suspect does not end the case');
  });

  it('reads the window and the warning from the parameters [D]', () => {
    const r = run(started(), '2025-03-20T00:00:00+08:00', { params: { CRIM_INVESTIGATION_CONTINUITY: { inactivityDays: 10, warnDays: 2 } } });
    // 03-03 + 10 = 03-13 → due 03-14.
    assert.deepEqual(r.alerts.map(judged), [expected('overdue', 'open', 'S3', CASE, '2025-03-12T00:00:00+08:00', '2025-03-14T00:00:00+08:00')]);
  });

  it('is not triggered without a filing or in an administrative case', () => {
    assert.deepEqual(run(session(criminalCase().without('fil'), 'q1', '2025-03-03T12:00:00+08:00'), '2025-12-01T00:00:00+08:00').alerts, []);
    assert.deepEqual(run(session(criminalCase(undefined, {}, 'administrative'), 'q1', '2025-03-03T12:00:00+08:00'), '2025-12-01T00:00:00+08:00').alerts, []);
  });
});

const opinion = (g: GroupBuilder, subjects: string[], id = 'document:O1') => g.object(id, { doc_type: '起诉意见书', issued_at: '2025-05-09T10:00:00+08:00' }, { case: CASE, subject: subjects });

describe('CRIM_CLOSURE_CONDITIONS', () => {
  const run = (g: GroupBuilder) => g.evaluate(CRIM_CLOSURE_CONDITIONS, '2025-06-01T00:00:00+08:00');
  const SENT = '2025-05-10T10:00:00+08:00';

  it('raises nothing for a filed case whose named suspects are adults', () => {
    assert.deepEqual(run(sent(opinion(criminalCase(), [S1]), SENT, ['document:O1'])).alerts, []);
  });

  it('is a violation to send a case never filed, or filed after the transfer', () => {
    const never = run(sent(criminalCase().without('fil'), SENT));
    assert.deepEqual(never.alerts.map(judged), [expected('violation', 'open', 'S2', CASE, SENT)]);
    assert.match(never.alerts[0].message['zh-CN'], /此前未见立案记录/);
    assert.equal(alertsOf(run(sent(criminalCase('2025-05-10T10:01:00+08:00'), SENT)), 'filing').length, 1);
  });

  describe('criminal liability by age (14 at the offence)', () => {
    const minor = (birth: string, occurred = '2025-03-01T10:00:00+08:00') => sent(opinion(
      criminalCase(undefined, occurred ? { occurred_at: occurred } : {}).object(S1, { role: 'suspect', birth_date: birth }, { case: CASE }), [S1]), SENT, ['document:O1']);

    it('complies on the 14th birthday, is a violation the day before', () => {
      assert.deepEqual(run(minor('2011-03-01')).alerts, []);
      const r = run(minor('2011-03-02'));
      assert.deepEqual(r.alerts.map(judged), [expected('violation', 'open', 'S2', S1, SENT)]);
      assert.match(r.alerts[0].message['zh-CN'], /案发时13周岁，未满14周岁/);
    });

    it('counts from the filing when the offence time is unknown', () => {
      // Filed 2025-03-03: born 2011-03-03 is 14 that day.
      assert.deepEqual(run(minor('2011-03-03', '')).alerts, []);
      assert.equal(run(minor('2011-03-04', '')).alerts.length, 1);
    });

    it('judges only the persons the 起诉意见书 names (also when present but not related), not an unknown age', () => {
      const unnamed = sent(opinion(criminalCase().object(S1, { role: 'suspect', birth_date: '2015-01-01' }, { case: CASE }), []), SENT, ['document:O1']);
      assert.deepEqual(run(unnamed).alerts, []);
      const present = opinion(criminalCase().object(S1, { role: 'suspect', birth_date: '2015-01-01' }, { case: CASE }), [S1])
        .event('f-O1', 'document.filed', '2025-05-09T10:00:00+08:00', {}, { document: 'document:O1', case: CASE });
      assert.equal(run(sent(present, SENT)).alerts.length, 1);
      assert.deepEqual(run(sent(opinion(criminalCase().object(S1, { role: 'suspect' }, { case: CASE }), [S1]), SENT, ['document:O1'])).alerts, []);
    });
  });

  it('is not triggered in an administrative case', () => {
    assert.deepEqual(run(sent(criminalCase(undefined, {}, 'administrative').without('fil'), SENT)).alerts, []);
  });
});

describe('CRIM_TRANSFER_FOR_PROSECUTION_NOTICE', () => {
  const run = (g: GroupBuilder, asOf = '2025-11-01T00:00:00+08:00', settings?: Settings) => g.evaluate(CRIM_TRANSFER_FOR_PROSECUTION_NOTICE, asOf, settings);
  const SENT = '2025-09-26T10:00:00+08:00'; // Friday: 3 days end Monday 09-29
  const DUE = '2025-09-30T00:00:00+08:00';
  const WARN = '2025-09-29T00:00:00+08:00';
  const told = (g: GroupBuilder, at: string, to = S1, attrs: Record<string, string> = {}, id = `n-${to}`) =>
    g.event(id, 'notice.served', at, { notice_type: 'transfer_notice', ...attrs }, { case: CASE, subject: to });
  const named = (g: GroupBuilder, sentAt = SENT) => sent(opinion(g, [S1]), sentAt, ['document:O1']);

  it('raises nothing for a notice served the day of the transfer, even before its hour', () => {
    assert.deepEqual(run(told(named(criminalCase()), '2025-09-26T08:00:00+08:00')).alerts, []);
  });

  it('resolves the warning for a notice on the last day at 23:59, and is late at 00:00', () => {
    assert.deepEqual(run(told(named(criminalCase()), '2025-09-29T23:59:00+08:00')).alerts.map(judged),
      [expected('warning', 'resolved', 'S3', S1, WARN, DUE, '2025-09-29T23:59:00+08:00')]);
    const late = run(told(named(criminalCase()), DUE));
    assert.deepEqual(late.alerts.map(judged), [expected('overdue', 'complied_late', 'S3', S1, WARN, DUE, DUE)]);
    assert.match(late.alerts[0].message['zh-CN'], /移送审查起诉的，应同时（3日内）将案件移送情况告知犯罪嫌疑人/);
  });

  it('moves the end off the National Day holidays (not custodial)', () => {
    // From 09-28 (a working Sunday): 3 days end 10-01, holiday to 10-08 → 10-09.
    const r = run(named(criminalCase(), '2025-09-28T10:00:00+08:00'), '2025-10-09T12:00:00+08:00');
    assert.deepEqual(r.alerts.map(judged), [expected('warning', 'open', 'S3', S1, '2025-10-09T00:00:00+08:00', '2025-10-10T00:00:00+08:00')]);
  });

  it('counts a written notice concerning the person, per the parameter [D]', () => {
    const written = (g: GroupBuilder, docType: string) => g.object('document:T1', { doc_type: docType }, { case: CASE, subject: S1 })
      .event('f-T1', 'document.filed', '2025-09-27T10:00:00+08:00', {}, { document: 'document:T1', case: CASE });
    assert.deepEqual(run(written(named(criminalCase()), '移送审查起诉告知书')).alerts, []);
    const local = written(named(criminalCase()), '移送起诉告知单');
    assert.equal(run(local).alerts.length, 1);
    assert.deepEqual(run(local, undefined, { params: { CRIM_TRANSFER_FOR_PROSECUTION_NOTICE: { noticeDocTypes: '移送起诉告知单' } } }).alerts, []);
  });

  it('does not count a notice to another person, of another type, or before the day of the transfer', () => {
    assert.equal(run(told(named(criminalCase()), '2025-09-26T12:00:00+08:00', S2)).alerts.length, 1);
    assert.equal(run(named(criminalCase()).event('x', 'notice.served', '2025-09-26T12:00:00+08:00', { notice_type: 'rights_notice' }, { case: CASE, subject: S1 })).alerts.length, 1);
    assert.equal(run(told(named(criminalCase()), '2025-09-25T23:59:00+08:00')).alerts.length, 1);
  });

  it('accepts an exception with a reason; one without a reason is a violation and the duty stays open', () => {
    assert.deepEqual(run(told(named(criminalCase()), '2025-09-27T10:00:00+08:00', S1, { exception: 'refused', reason: '拒绝签收，已注明' })).alerts, []);
    const r = run(told(named(criminalCase()), '2025-09-27T10:00:00+08:00', S1, { exception: 'refused' }));
    assert.deepEqual(judged(alertOf(r, 'notice:exception')!), expected('violation', 'open', 'S3', S1, '2025-09-27T10:00:00+08:00'));
    assert.deepEqual(judged(alertOf(r, 'notice')!), expected('overdue', 'open', 'S3', S1, WARN, DUE));
  });

  it('without names in the 起诉意见书, tells every suspect whose investigation was not stopped', () => {
    const all = run(sent(criminalCase(), SENT));
    assert.deepEqual(all.alerts.map((a) => a.subject.id).sort(), [S1, S2]);
    const stopped = sent(criminalCase().event('rev', 'case.revoked', '2025-05-01T10:00:00+08:00', { scope: 'suspect' }, { case: CASE, subject: S2 }), SENT);
    assert.deepEqual(run(stopped).alerts.map((a) => a.subject.id), [S1]);
  });

  it('is not triggered in an administrative case or before any transfer', () => {
    assert.deepEqual(run(sent(criminalCase(undefined, {}, 'administrative'), SENT)).alerts, []);
    assert.deepEqual(run(criminalCase()).alerts, []);
  });
});
