import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Alert } from '../engine/finding.js';
import { GroupBuilder } from '../engine/group-builder.js';
import { INTV_FIRST_RIGHTS_NOTICE, INTV_INTERPRETER, INTV_JUVENILE_GUARDIAN } from './interrogation.js';

/** INTV_FIRST_RIGHTS_NOTICE, INTV_JUVENILE_GUARDIAN, INTV_INTERPRETER (catalogue §9; interchange §10.1). */
const START = '2025-03-11T00:30:00+08:00';
const END = '2025-03-11T02:10:00+08:00';
const LATER = '2025-03-12T09:00:00+08:00';
const z = (local: string) => new Date(local).toISOString();
const brief = (a: Alert) => `${a.ruleId} ${a.level} ${a.status} ${a.severity} raised ${a.raisedAt}`;
type PersonAttrs = Parameters<GroupBuilder['object']>[1];

/** A criminal case with person P1 (adult, speaks zh) and the room's officers. */
function base(person: PersonAttrs = {}, kind: 'criminal' | 'administrative' = 'criminal'): GroupBuilder {
  return new GroupBuilder('case:C1')
    .object('case:C1', { kind, category: '050200' }, { unit: 'unit:U1' })
    .object('person:P1', { role: 'suspect', birth_date: '1990-05-01', language: 'zh', ...person }, { case: 'case:C1' })
    .object('person:P2', { role: 'suspect', birth_date: '1991-01-01', language: 'zh' }, { case: 'case:C1' })
    .object('person:G1', { role: 'guardian' }, { case: 'case:C1' })
    .object('person:I1', { role: 'interpreter' }, { case: 'case:C1' })
    .object('document:W1', { doc_type: '讯问笔录' }, { case: 'case:C1', subject: 'person:P1' })
    .object('document:W2', { doc_type: '讯问笔录' }, { case: 'case:C1', subject: 'person:P1' });
}

interface SessionOpts {
  id?: string;
  person?: string;
  doc?: string;
  start?: string;
  end?: string | null;
  kind?: 'interrogation' | 'questioning';
  attrs?: Record<string, string | boolean>;
  rels?: Record<string, string | string[]>;
}

function session(g: GroupBuilder, o: SessionOpts = {}): GroupBuilder {
  const id = o.id ?? 's1';
  const person = o.person ?? 'person:P1';
  const doc = o.doc ?? 'document:W1';
  g.event(id, 'interrogation.started', o.start ?? START, { kind: o.kind ?? 'interrogation', av_recorded: true, ...o.attrs }, {
    subject: person, case: 'case:C1', interrogator: ['officer:1', 'officer:2'], venue: 'venue:V1', document: doc, ...o.rels,
  });
  if (o.end !== null) g.event(`${id}-end`, 'interrogation.ended', o.end ?? END, {}, { subject: person, case: 'case:C1', document: doc });
  return g;
}

const notice = (g: GroupBuilder, id: string, at: string, person = 'person:P1', type = 'rights_notice') =>
  g.event(id, 'notice.served', at, { notice_type: type, method: 'in_person' }, { case: 'case:C1', subject: person });

describe('INTV_FIRST_RIGHTS_NOTICE', () => {
  const run = (g: GroupBuilder, asOf = LATER) => g.evaluate(INTV_FIRST_RIGHTS_NOTICE, asOf).alerts;
  const S2_AT_END = `INTV_FIRST_RIGHTS_NOTICE violation open S2 raised ${z(END)}`;

  it('a notice during the first session complies (§12.3: 00:32 before the end at 02:10)', () => {
    assert.deepEqual(run(notice(session(base()), 'n1', '2025-03-11T00:32:00+08:00')), []);
  });

  it('a notice served before the session (on arrival) complies', () => {
    assert.deepEqual(run(notice(session(base()), 'n1', '2025-03-10T23:50:00+08:00')), []);
  });

  it('a notice at the very end of the session complies', () => {
    assert.deepEqual(run(notice(session(base()), 'n1', END)), []);
  });

  it('one minute after the end: S2 violation raised at the end, saying how late', () => {
    const alerts = run(notice(session(base()), 'n1', '2025-03-11T02:11:00+08:00'));
    assert.deepEqual(alerts.map(brief), [S2_AT_END]);
    assert.equal(alerts[0].subject.id, 'person:P1');
    assert.equal(alerts[0].triggerEventId, 's1');
    assert.deepEqual(alerts[0].evidenceEventIds, ['s1-end', 'n1']);
    assert.match(alerts[0].message['zh-CN'], /晚1分钟/);
  });

  it('no notice at all: S2 violation at the end', () => {
    const alerts = run(session(base()));
    assert.deepEqual(alerts.map(brief), [S2_AT_END]);
    assert.match(alerts[0].message['zh-CN'], /未告知诉讼权利义务/);
  });

  it('nothing while the first session is still running', () => {
    assert.deepEqual(run(session(base(), { end: null })), []);
    assert.deepEqual(run(session(base()), '2025-03-11T02:09:59+08:00'), []);
    assert.deepEqual(run(session(base()), END).map(brief), [S2_AT_END]);
  });

  it('only the first session counts', () => {
    // Told in the first session; none in the second.
    const told = notice(session(session(base()), { id: 's2', doc: 'document:W2', start: '2025-03-12T10:00:00+08:00', end: '2025-03-12T11:00:00+08:00' }), 'n1', '2025-03-11T00:40:00+08:00');
    assert.deepEqual(run(told, '2025-03-13T00:00:00+08:00'), []);
    // Told only in the second session: the first one is the breach.
    const late = notice(session(session(base()), { id: 's2', doc: 'document:W2', start: '2025-03-12T10:00:00+08:00', end: '2025-03-12T11:00:00+08:00' }), 'n1', '2025-03-12T10:05:00+08:00');
    const alerts = run(late, '2025-03-13T00:00:00+08:00');
    assert.deepEqual(alerts.map(brief), [S2_AT_END]);
    assert.equal(alerts[0].triggerEventId, 's1');
  });

  it('records that begin after the real first session (first_time false) are not judged', () => {
    assert.deepEqual(run(session(base(), { attrs: { first_time: false } })), []);
    assert.equal(run(session(base(), { attrs: { first_time: true } })).length, 1);
  });

  it('a notice to someone else or of another type does not count', () => {
    assert.equal(run(notice(session(base()), 'n1', '2025-03-11T00:40:00+08:00', 'person:P2')).length, 1);
    assert.equal(run(notice(session(base()), 'n1', '2025-03-11T00:40:00+08:00', 'person:P1', 'decision')).length, 1);
  });

  it('applies to administrative questioning and to each person once', () => {
    const g = session(session(base({}, 'administrative'), { kind: 'questioning' }), { id: 's2', person: 'person:P2', doc: 'document:W2', kind: 'questioning' });
    notice(g, 'n2', '2025-03-11T00:35:00+08:00', 'person:P2');
    const alerts = run(g);
    assert.deepEqual(alerts.map((a) => `${a.subject.id} ${a.severity}`), ['person:P1 S2']);
  });
});

describe('INTV_JUVENILE_GUARDIAN', () => {
  const run = (g: GroupBuilder, asOf = LATER) => g.evaluate(INTV_JUVENILE_GUARDIAN, asOf).alerts;
  const S1_AT_START = `INTV_JUVENILE_GUARDIAN violation open S1 raised ${z(START)}`;

  it('a minor questioned without a guardian: S1 at the start', () => {
    const alerts = run(session(base({ birth_date: '2008-06-01' })));
    assert.deepEqual(alerts.map(brief), [S1_AT_START]);
    assert.equal(alerts[0].subject.id, 'person:P1');
    assert.match(alerts[0].message['zh-CN'], /未满18周岁（16岁）/);
  });

  it('a guardian present complies', () => {
    assert.deepEqual(run(session(base({ birth_date: '2008-06-01' }), { rels: { guardian: 'person:G1' } })), []);
  });

  it('a reason for the absence alone does not comply', () => {
    const alerts = run(session(base({ birth_date: '2008-06-01' }), { attrs: { guardian_absent_reason: '监护人在外地' } }));
    assert.deepEqual(alerts.map(brief), [S1_AT_START]);
    assert.match(alerts[0].message['zh-CN'], /仅注明未到场原因/);
  });

  it('age is counted to the local date of the session (§9.2)', () => {
    // 18th birthday on 03-11: an adult at 00:30 local on 03-11 …
    assert.deepEqual(run(session(base({ birth_date: '2007-03-11' }))), []);
    // … but still 17 at 23:30 local on 03-10 (15:30 UTC).
    assert.deepEqual(run(session(base({ birth_date: '2007-03-11' }), { start: '2025-03-10T23:30:00+08:00' })).map(brief),
      [`INTV_JUVENILE_GUARDIAN violation open S1 raised ${z('2025-03-10T23:30:00+08:00')}`]);
    assert.equal(run(session(base({ birth_date: '2007-03-12' }))).length, 1);
  });

  it('applies to minor victims and witnesses too, and to every session', () => {
    const g = session(session(base({ birth_date: '2010-01-01', role: 'victim' }), { kind: 'questioning' }), { id: 's2', doc: 'document:W2', kind: 'questioning', start: '2025-03-12T10:00:00+08:00', end: '2025-03-12T11:00:00+08:00' });
    assert.equal(run(g, '2025-03-13T00:00:00+08:00').length, 2);
  });

  it('unknown or malformed birth date: nothing (§5.2)', () => {
    assert.deepEqual(run(session(base({ birth_date: '' }))), []);
    assert.deepEqual(run(session(base({ birth_date: 'unknown' }))), []);
  });
});

describe('INTV_INTERPRETER', () => {
  const run = (g: GroupBuilder, asOf = LATER, settings?: Parameters<GroupBuilder['evaluate']>[2]) => g.evaluate(INTV_INTERPRETER, asOf, settings).alerts;
  const S2_AT_START = `INTV_INTERPRETER violation open S2 raised ${z(START)}`;

  it('a deaf or mute person without an interpreter: S2 at the start', () => {
    const alerts = run(session(base({ deaf_mute: true })));
    assert.deepEqual(alerts.map(brief), [S2_AT_START]);
    assert.match(alerts[0].message['zh-CN'], /聋哑人，无翻译人员参加/);
  });

  it('a person not speaking the local language without an interpreter: S2', () => {
    const alerts = run(session(base({ language: 'ug' })));
    assert.deepEqual(alerts.map(brief), [S2_AT_START]);
    assert.match(alerts[0].message['zh-CN'], /不通晓当地语言文字/);
  });

  it('regional variants of the local language and unknown languages need none', () => {
    assert.deepEqual(run(session(base({ language: 'zh-CN' }))), []);
    assert.deepEqual(run(session(base({ language: 'ZH-Hans' }))), []);
    assert.deepEqual(run(session(base({ language: '' }))), []);
  });

  it('the local language is a parameter', () => {
    const settings = { params: { INTV_INTERPRETER: { localLanguage: 'ug' } } };
    assert.deepEqual(run(session(base({ language: 'ug' })), LATER, settings), []);
    assert.equal(run(session(base({ language: 'zh' })), LATER, settings).length, 1);
  });

  it('an interpreter present who signs the transcript complies', () => {
    const g = session(base({ language: 'en', }), { rels: { interpreter: 'person:I1' } })
      .object('document:W1', { doc_type: '讯问笔录', interpreter_signed: [[END, 'true']] }, { case: 'case:C1', subject: 'person:P1' });
    assert.deepEqual(run(g), []);
  });

  it('the interpreter did not sign: S2 at the end (signature part)', () => {
    const g = session(base({ language: 'en' }), { rels: { interpreter: 'person:I1' } })
      .object('document:W1', { doc_type: '讯问笔录', interpreter_signed: [[END, 'false']] }, { case: 'case:C1', subject: 'person:P1' });
    const alerts = run(g);
    assert.deepEqual(alerts.map(brief), [`INTV_INTERPRETER violation open S2 raised ${z(END)}`]);
    assert.match(alerts[0].message['zh-CN'], /笔录无翻译人员签名/);
    // Not judged while the session runs; unknown signature raises nothing here (INTV_TRANSCRIPT_SIGNATURES reports the gap).
    assert.deepEqual(run(g, '2025-03-11T01:00:00+08:00'), []);
    const unknown = session(base({ language: 'en' }), { rels: { interpreter: 'person:I1' } });
    assert.deepEqual(run(unknown), []);
  });

  it('a person whose condition is known only after the session started is judged by what was known then', () => {
    const g = session(base({ deaf_mute: [['2025-03-12T08:00:00+08:00', 'true']] }));
    assert.deepEqual(run(g), []);
  });
});
