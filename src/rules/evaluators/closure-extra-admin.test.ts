import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ruleById } from '../definitions/index.js';
import { GroupBuilder } from '../engine/group-builder.js';
import { ADMIN_LEGAL_REVIEW, ADMIN_PRE_DECISION_NOTICE_AND_HEARING } from './closure-extra-admin.js';
import { expected, judged, timerAt, utc } from './closure-test-kit.js';
import { alertOf } from './intake-testing.js';

const CASE = 'case:X1';
const P1 = 'person:P1';
const P2 = 'person:P2';
const DECIDED = '2025-03-10T10:00:00+08:00';
type Settings = Parameters<GroupBuilder['evaluate']>[2];

/** An administrative case with two suspects, decided (penalty on P1 unless told otherwise) at 03-10 10:00. */
function decided(opts: { outcome?: string; subjects?: string[]; docs?: string[]; kind?: string | Array<[string, string]>; approvers?: string[] } = {}): GroupBuilder {
  return new GroupBuilder(CASE)
    .object(CASE, { kind: opts.kind ?? 'administrative', category: 'Z4901' }, { unit: 'unit:S1' })
    .object(P1, { role: 'suspect' }, { case: CASE })
    .object(P2, { role: 'suspect' }, { case: CASE })
    .object('officer:LO', { role: 'legal_officer' }, { member_of: 'unit:S1' })
    .object('officer:HD', { role: 'leader' }, { member_of: 'unit:S1' })
    .object('officer:LD', { role: 'lead' }, { member_of: 'unit:S1' })
    .object('officer:AX', { role: 'auxiliary' }, { member_of: 'unit:S1' })
    .object('officer:NR', {}, { member_of: 'unit:S1' })
    .object('unit:B1', { kind: 'public_security', level: 'branch' })
    .object('unit:PR', { kind: 'procuratorate' })
    .event('dec', 'case.decided', DECIDED, { outcome: opts.outcome ?? 'penalty' }, {
      case: CASE, subject: opts.subjects ?? [P1], approver: opts.approvers ?? ['officer:HD'], document: opts.docs ?? [],
    });
}

/** A document with its attributes, present from a document.filed at `filed`. */
function doc(g: GroupBuilder, id: string, docType: string, filed: string, attrs: Record<string, string> = {}, subjects: string[] = [P1]): GroupBuilder {
  return g.object(id, { doc_type: docType, ...attrs }, { case: CASE, subject: subjects })
    .event(`f-${id}`, 'document.filed', filed, {}, { document: id, case: CASE });
}

const noticeRecord = (g: GroupBuilder, filed: string, written = '2025-03-10T09:00:00+08:00', subjects: string[] = [P1], docType = '行政处罚告知笔录') =>
  doc(g, 'document:N1', docType, filed, { started_at: written }, subjects);

describe('ADMIN_PRE_DECISION_NOTICE_AND_HEARING', () => {
  const run = (g: GroupBuilder, asOf: string, settings?: Settings) => g.evaluate(ADMIN_PRE_DECISION_NOTICE_AND_HEARING, asOf, settings);
  const DUE = '2025-03-11T10:00:00+08:00';
  const WARN = '2025-03-11T04:00:00+08:00'; // 75 % of the 24-hour grace

  describe('notice before the decision', () => {
    it('raises nothing for a notice record written and entered before the decision', () => {
      const r = run(noticeRecord(decided(), '2025-03-10T09:30:00+08:00'), '2025-03-20T00:00:00+08:00');
      assert.deepEqual(r.alerts, []);
      assert.deepEqual(r.timers, []);
    });

    it('resolves the warning for a record written before the decision but entered at the last minute of the grace (24 h inclusive)', () => {
      const r = run(noticeRecord(decided(), DUE), '2025-03-20T00:00:00+08:00');
      assert.deepEqual(r.alerts.map(judged), [expected('warning', 'resolved', 'S2', P1, WARN, DUE, DUE)]);
    });

    it('is complied late for a record entered one minute after the grace', () => {
      const r = run(noticeRecord(decided(), '2025-03-11T10:01:00+08:00'), '2025-03-20T00:00:00+08:00');
      assert.deepEqual(r.alerts.map(judged), [expected('overdue', 'complied_late', 'S2', P1, WARN, DUE, '2025-03-11T10:01:00+08:00')]);
      assert.match(r.alerts[0].message['zh-CN'], /作出行政处罚决定前，应告知/);
    });

    it('sets a warning timer, then warns, then is overdue while no record comes', () => {
      assert.deepEqual(run(decided(), '2025-03-10T12:00:00+08:00').timers.map(timerAt), [{ kind: 'warn', fireAt: utc(WARN), dueAt: utc(DUE), subject: P1 }]);
      assert.deepEqual(run(decided(), '2025-03-11T05:00:00+08:00').alerts.map(judged), [expected('warning', 'open', 'S2', P1, WARN, DUE)]);
      assert.deepEqual(run(decided(), '2025-03-12T00:00:00+08:00').alerts.map(judged), [expected('overdue', 'open', 'S2', P1, WARN, DUE)]);
    });

    it('is a violation when the only record is written after the decision', () => {
      const g = noticeRecord(decided(), '2025-03-10T11:30:00+08:00', '2025-03-10T11:00:00+08:00');
      const r = run(g, '2025-03-20T00:00:00+08:00');
      assert.deepEqual(r.alerts.map(judged), [expected('violation', 'open', 'S2', P1, '2025-03-10T11:30:00+08:00')]);
      assert.match(r.alerts[0].message['zh-CN'], /告知笔录记载于2025-03-10 11:00，晚于2025-03-10 10:00作出的处罚决定/);
    });

    it('dates an undated record by its presence', () => {
      const g = decided().object('document:N1', { doc_type: '行政处罚告知笔录' }, { case: CASE, subject: P1 })
        .event('f-N1', 'document.filed', '2025-03-10T09:59:00+08:00', {}, { document: 'document:N1', case: CASE });
      assert.deepEqual(run(g, '2025-03-20T00:00:00+08:00').alerts, []);
    });

    it('counts a written notice naming nobody, not one naming another person', () => {
      assert.deepEqual(run(noticeRecord(decided(), '2025-03-10T09:30:00+08:00', undefined, []), '2025-03-20T00:00:00+08:00').alerts, []);
      const other = run(noticeRecord(decided(), '2025-03-10T09:30:00+08:00', undefined, [P2]), '2025-03-20T00:00:00+08:00');
      assert.deepEqual(other.alerts.map(judged), [expected('overdue', 'open', 'S2', P1, WARN, DUE)]);
    });

    it('judges each person the decision names, else each suspect', () => {
      const named = run(noticeRecord(decided({ subjects: [P1, P2] }), '2025-03-10T09:30:00+08:00'), '2025-03-20T00:00:00+08:00');
      assert.deepEqual(named.alerts.map((a) => a.subject.id), [P2]);
      const nobody = run(decided({ subjects: [] }), '2025-03-20T00:00:00+08:00');
      assert.deepEqual(nobody.alerts.map((a) => a.subject.id).sort(), [P1, P2]);
    });

    it('reads the record names and the grace from the parameters [D]', () => {
      const g = noticeRecord(decided(), '2025-03-11T20:00:00+08:00', undefined, [P1], '处罚告知书');
      assert.equal(run(g, '2025-03-20T00:00:00+08:00').alerts[0].status, 'open', 'an unlisted name does not count');
      const r = run(g, '2025-03-20T00:00:00+08:00', { params: { ADMIN_PRE_DECISION_NOTICE_AND_HEARING: { noticeDocTypes: '处罚告知书', graceHours: 48 } } });
      assert.deepEqual(r.alerts, []);
    });

    it('does not judge a simple-procedure decision or a fast-track case', () => {
      const onTheSpot = decided({ docs: ['document:D1'] }).object('document:D1', { doc_type: '当场处罚决定书' }, { case: CASE, subject: P1 });
      assert.deepEqual(run(onTheSpot, '2025-03-20T00:00:00+08:00').alerts, []);
      const fastTrack = doc(decided(), 'document:K1', '快速办理告知书', '2025-03-09T10:00:00+08:00');
      assert.deepEqual(run(fastTrack, '2025-03-20T00:00:00+08:00').alerts, []);
      const consentLater = doc(decided(), 'document:K1', '快速办理告知书', '2025-03-10T10:01:00+08:00');
      assert.equal(run(consentLater, '2025-03-20T00:00:00+08:00').alerts.length, 1, 'a consent after the decision does not make it fast-track');
    });

    it('is not triggered by other outcomes, criminal cases or a case never decided', () => {
      for (const outcome of ['no_penalty', 'mediated', 'terminated']) assert.deepEqual(run(decided({ outcome }), '2025-03-20T00:00:00+08:00').alerts, [], outcome);
      assert.deepEqual(run(decided({ kind: 'criminal' }), '2025-03-20T00:00:00+08:00').alerts, []);
      assert.deepEqual(run(decided().without('dec'), '2025-03-20T00:00:00+08:00').alerts, []);
    });

    it('reads the case kind at the decision: judged after a later conversion to criminal, not before one to administrative', () => {
      assert.equal(run(decided({ kind: [['2025-03-01T00:00:00+08:00', 'administrative'], ['2025-03-10T10:01:00+08:00', 'criminal']] }), '2025-03-20T00:00:00+08:00').alerts.length, 1, 'administrative until one minute after the decision');
      assert.deepEqual(run(decided({ kind: [['2025-03-01T00:00:00+08:00', 'criminal'], ['2025-03-10T10:01:00+08:00', 'administrative']] }), '2025-03-20T00:00:00+08:00').alerts, [], 'administrative only one minute after');
    });
  });

  describe('hearing', () => {
    /** A hearing on 03-09 10:00 (the 听证笔录), its notice written `written` and served `served`. */
    const hearing = (g: GroupBuilder, written: string, served?: string, held = '2025-03-09T10:00:00+08:00') => {
      let out = noticeRecord(g, '2025-03-05T09:30:00+08:00', '2025-03-05T09:00:00+08:00');
      out = doc(out, 'document:H1', '举行听证通知书', written, { issued_at: written });
      if (served) out = out.event('srv', 'notice.served', served, { notice_type: 'decision' }, { case: CASE, subject: P1, document: 'document:H1' });
      return doc(out, 'document:H2', '听证笔录', `${held.slice(0, 11)}12:00:00+08:00`, { started_at: held });
    };

    it('raises nothing for a notice served seven days before the hearing', () => {
      assert.deepEqual(run(hearing(decided(), '2025-03-01T09:00:00+08:00', '2025-03-02T23:59:00+08:00'), '2025-03-20T00:00:00+08:00').alerts, []);
    });

    it('is a violation for a notice served six days before (subject: the hearing record)', () => {
      const r = run(hearing(decided(), '2025-03-01T09:00:00+08:00', '2025-03-03T00:00:00+08:00'), '2025-03-20T00:00:00+08:00');
      assert.deepEqual(r.alerts.map(judged), [expected('violation', 'open', 'S2', 'document:H2', '2025-03-09T12:00:00+08:00')]);
      assert.match(r.alerts[0].message['zh-CN'], /举行听证通知书于2025-03-03送达，听证于2025-03-09举行，不足7日/);
    });

    it('takes the written date of a notice with no service on record', () => {
      assert.deepEqual(run(hearing(decided(), '2025-03-02T09:00:00+08:00'), '2025-03-20T00:00:00+08:00').alerts, []);
      assert.equal(run(hearing(decided(), '2025-03-03T09:00:00+08:00'), '2025-03-20T00:00:00+08:00').alerts.length, 1);
    });

    it('does not judge a hearing without any notice on record', () => {
      const g = doc(noticeRecord(decided(), '2025-03-05T09:30:00+08:00'), 'document:H2', '听证笔录', '2025-03-09T12:00:00+08:00', { started_at: '2025-03-09T10:00:00+08:00' });
      assert.deepEqual(run(g, '2025-03-20T00:00:00+08:00').alerts, []);
    });

    it('is a violation when the penalty was decided before the hearing', () => {
      const g = hearing(decided(), '2025-03-02T09:00:00+08:00', undefined, '2025-03-12T10:00:00+08:00');
      const r = run(g, '2025-03-20T00:00:00+08:00');
      const a = alertOf(r, 'before_hearing');
      assert.deepEqual(a && judged(a), expected('violation', 'open', 'S2', P1, '2025-03-12T12:00:00+08:00'));
      assert.match(a!.message['zh-CN'], /处罚决定于2025-03-10 10:00作出，听证于2025-03-12 10:00才举行/);
    });
  });

  it('keeps the hearing-application window a parameter (MPS-A 3 d vs APL 5 d, §14), explained in the status note', () => {
    const def = ruleById('ADMIN_PRE_DECISION_NOTICE_AND_HEARING', new Date(DECIDED))!;
    assert.equal(def.parameters?.hearingApplicationDays?.default, 3);
    assert.match(def.statusNote ?? '', /MPS-A 3 d vs APL 5 d/);
  });
});

describe('ADMIN_LEGAL_REVIEW', () => {
  const run = (g: GroupBuilder) => g.evaluate(ADMIN_LEGAL_REVIEW, '2025-03-20T00:00:00+08:00');

  it('complies with a legal officer, a head, or the public-security organ among the approvers', () => {
    for (const a of [['officer:LO'], ['officer:HD'], ['unit:B1'], ['officer:LD', 'officer:LO']]) assert.deepEqual(run(decided({ approvers: a })).alerts, [], a.join());
  });

  it('is a violation at the decision when every approver is known and none may review', () => {
    const r = run(decided({ approvers: ['officer:LD', 'officer:AX'] }));
    assert.deepEqual(r.alerts.map(judged), [expected('violation', 'open', 'S3', CASE, DECIDED)]);
    assert.match(r.alerts[0].message['zh-CN'], /仅由主办民警、辅警审批，未见法制员或负责人审核/);
    const procuratorate = run(decided({ approvers: ['unit:PR'] }));
    assert.match(procuratorate.alerts[0].message['zh-CN'], /非公安机关/);
  });

  it('reads the approver’s role at the decision', () => {
    const g = decided({ approvers: ['officer:RC'] }).object('officer:RC', { role: [['2025-01-01T00:00:00+08:00', 'lead'], ['2025-03-15T00:00:00+08:00', 'legal_officer']] });
    assert.equal(run(g).alerts.length, 1);
  });

  it('does not judge a decision without approvers or with an approver of unknown role (§5.2)', () => {
    assert.deepEqual(run(decided({ approvers: [] })).alerts, []);
    assert.deepEqual(run(decided({ approvers: ['officer:LD', 'officer:NR'] })).alerts, []);
    assert.deepEqual(run(decided({ approvers: ['unit:UNKNOWN'] })).alerts, []);
  });

  it('is not triggered by simple procedure, other outcomes or criminal cases', () => {
    const onTheSpot = decided({ approvers: ['officer:LD'], docs: ['document:D1'] }).object('document:D1', { doc_type: '当场处罚决定书' }, { case: CASE });
    assert.deepEqual(run(onTheSpot).alerts, []);
    assert.deepEqual(run(decided({ approvers: ['officer:LD'], outcome: 'no_penalty' })).alerts, []);
    assert.deepEqual(run(decided({ approvers: ['officer:LD'], kind: 'criminal' })).alerts, []);
  });

  it('reads the case kind at the decision, not as of T', () => {
    assert.equal(run(decided({ approvers: ['officer:LD'], kind: [['2025-03-01T00:00:00+08:00', 'administrative'], ['2025-03-10T10:01:00+08:00', 'criminal']] })).alerts.length, 1, 'converted to criminal one minute after');
    assert.deepEqual(run(decided({ approvers: ['officer:LD'], kind: [['2025-03-01T00:00:00+08:00', 'criminal'], ['2025-03-10T10:01:00+08:00', 'administrative']] })).alerts, [], 'administrative only one minute after');
  });
});
