import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Alert } from '../engine/finding.js';
import { GroupBuilder } from '../engine/group-builder.js';
import { INTV_TRANSCRIPT_SIGNATURES, INTV_TWO_OFFICERS } from './transcripts.js';

/** INTV_TWO_OFFICERS and INTV_TRANSCRIPT_SIGNATURES (catalogue §9; interchange §10.1, §13). */
const START = '2025-03-11T00:30:00+08:00';
const END = '2025-03-11T02:10:00+08:00';
const LATER = '2025-03-12T09:00:00+08:00';
const z = (local: string) => new Date(local).toISOString();
const brief = (a: Alert) => `${a.ruleId} ${a.level} ${a.status} ${a.severity} raised ${a.raisedAt}`;

type AttrInput = NonNullable<Parameters<GroupBuilder['object']>[1]>[string];
type DocAttrs = Record<string, AttrInput | undefined>;

interface Spec {
  caseKind?: 'criminal' | 'administrative';
  kind?: 'interrogation' | 'questioning';
  interrogators?: string[];
  docType?: string;
  doc?: DocAttrs;
  ended?: boolean;
  interpreter?: boolean;
}

/** A complete, compliant criminal interrogation by two sworn officers; `doc` overrides the 笔录's attributes (set at the end). */
function session(spec: Spec = {}): GroupBuilder {
  const atEnd = (v: string | number | boolean): AttrInput => [[END, v]];
  const merged: DocAttrs = {
    doc_type: spec.docType ?? (spec.kind === 'questioning' ? '询问笔录' : '讯问笔录'),
    pages: atEnd(6), signed_pages: atEnd(6), has_confirmation_phrase: atEnd(true), officer_signatures: atEnd(2),
    ...spec.doc,
  };
  const doc = Object.fromEntries(Object.entries(merged).filter((e): e is [string, AttrInput] => e[1] !== undefined));
  const g = new GroupBuilder('case:C1')
    .object('case:C1', { kind: spec.caseKind ?? 'criminal', category: '050200' }, { unit: 'unit:U1' })
    .object('officer:1', { role: 'lead' })
    .object('officer:2', { role: 'assistant' })
    .object('officer:3', { role: 'auxiliary' })
    .object('person:P1', { role: 'suspect' }, { case: 'case:C1' })
    .object('person:I1', { role: 'interpreter' }, { case: 'case:C1' })
    .object('document:W1', doc, { case: 'case:C1', subject: 'person:P1' })
    .event('s1', 'interrogation.started', START, { kind: spec.kind ?? 'interrogation', av_recorded: true }, {
      subject: 'person:P1', case: 'case:C1', interrogator: spec.interrogators ?? ['officer:1', 'officer:2'], venue: 'venue:V1', document: 'document:W1',
      ...(spec.interpreter ? { interpreter: 'person:I1' } : {}),
    });
  if (spec.ended !== false) g.event('e1', 'interrogation.ended', END, {}, { subject: 'person:P1', case: 'case:C1', document: 'document:W1' });
  return g;
}

describe('INTV_TWO_OFFICERS', () => {
  const run = (spec: Spec) => session(spec).evaluate(INTV_TWO_OFFICERS, LATER).alerts;

  it('two sworn interrogators comply', () => {
    assert.deepEqual(run({}), []);
  });

  it('one officer: S1 violation raised at the start of the session', () => {
    const alerts = run({ interrogators: ['officer:1'] });
    assert.deepEqual(alerts.map(brief), [`INTV_TWO_OFFICERS violation open S1 raised ${z(START)}`]);
    assert.equal(alerts[0].subject.id, 'person:P1');
    assert.equal(alerts[0].triggerEventId, 's1');
    assert.equal(alerts[0].dueAt, null);
    assert.match(alerts[0].message['zh-CN'], /仅有1名民警/);
  });

  it('an auxiliary does not count (§13)', () => {
    const alerts = run({ interrogators: ['officer:1', 'officer:3'] });
    assert.deepEqual(alerts.map(brief), [`INTV_TWO_OFFICERS violation open S1 raised ${z(START)}`]);
    assert.match(alerts[0].message['zh-CN'], /仅有1名民警（辅警不计）/);
    assert.match(run({ interrogators: ['officer:3'] })[0].message['zh-CN'], /仅有0名民警/);
  });

  it('reads the role as of the session: an auxiliary sworn in later still does not count, nor one sworn in a minute after the start', () => {
    const withOfficer5 = (role: AttrInput) => session({ interrogators: ['officer:1', 'officer:5'] }).object('officer:5', { role });
    const sworn = (at: string): AttrInput => [['2020-01-01T00:00:00+08:00', 'auxiliary'], [at, 'assistant']];
    const late = withOfficer5(sworn('2025-03-11T00:31:00+08:00'));
    for (const asOf of [END, LATER, '2025-07-01T00:00:00+08:00']) {
      const alerts = late.evaluate(INTV_TWO_OFFICERS, asOf).alerts;
      assert.deepEqual(alerts.map(brief), [`INTV_TWO_OFFICERS violation open S1 raised ${z(START)}`], asOf);
      assert.match(alerts[0].message['zh-CN'], /仅有1名民警（辅警不计）/);
    }
    assert.deepEqual(withOfficer5(sworn('2025-03-11T00:29:00+08:00')).evaluate(INTV_TWO_OFFICERS, LATER).alerts, []);
    // Sworn at the session and an auxiliary only later: counts.
    const demoted = withOfficer5([['2020-01-01T00:00:00+08:00', 'assistant'], ['2025-03-11T12:00:00+08:00', 'auxiliary']]);
    assert.deepEqual(demoted.evaluate(INTV_TWO_OFFICERS, LATER).alerts, []);
  });

  it('the same officer named twice counts once', () => {
    assert.equal(run({ interrogators: ['officer:1', 'officer:1'] }).length, 1);
  });

  it('applies to questioning in an administrative case', () => {
    assert.deepEqual(run({ caseKind: 'administrative', kind: 'questioning', interrogators: ['officer:2'] }).map(brief),
      [`INTV_TWO_OFFICERS violation open S1 raised ${z(START)}`]);
    assert.deepEqual(run({ caseKind: 'administrative', kind: 'questioning' }), []);
  });

  it('does not apply to questioning a witness in a criminal case', () => {
    assert.deepEqual(run({ caseKind: 'criminal', kind: 'questioning', interrogators: ['officer:1'] }), []);
  });

  it('is judged at the start, before the session ends', () => {
    const alerts = session({ interrogators: ['officer:1'], ended: false }).evaluate(INTV_TWO_OFFICERS, START).alerts;
    assert.deepEqual(alerts.map(brief), [`INTV_TWO_OFFICERS violation open S1 raised ${z(START)}`]);
    assert.deepEqual(session({ interrogators: ['officer:1'] }).evaluate(INTV_TWO_OFFICERS, '2025-03-11T00:29:59+08:00').alerts, []);
  });
});

describe('INTV_TWO_OFFICERS co-presence by positioning', () => {
  const at = (hhmm: string) => `2025-03-11T${hhmm}:00+08:00`;
  let seq = 0;
  /** An officer's own position in a room (no subject), in the case's events or the venue feed. */
  const position = (g: GroupBuilder, type: 'area.entered' | 'area.exited', officer: string, time: string, venue = 'venue:V1', feed = false) =>
    (feed ? g.venueEvent.bind(g) : g.event.bind(g))(`pos${++seq}`, type, time, { source: 'positioning' }, { officer, venue });
  const inRoom = (g: GroupBuilder, officer: string, from: string, to?: string, venue = 'venue:V1', feed = false) => {
    position(g, 'area.entered', officer, from, venue, feed);
    if (to) position(g, 'area.exited', officer, to, venue, feed);
    return g;
  };
  const presence = (g: GroupBuilder, asOf = LATER) => g.evaluate(INTV_TWO_OFFICERS, asOf).alerts;
  const ABSENT = `INTV_TWO_OFFICERS violation open S1 raised ${z(END)}`;

  it('both positioned in the room for the whole session comply, from the group or the venue feed', () => {
    assert.deepEqual(presence(inRoom(inRoom(session(), 'officer:1', at('00:20'), at('02:15')), 'officer:2', at('00:25'))), []);
    assert.deepEqual(presence(inRoom(inRoom(session(), 'officer:1', at('00:30'), at('02:10'), 'venue:V1', true), 'officer:2', at('00:25'), undefined, 'venue:V1', true)), []);
  });

  it('without positions in the room during the session, co-presence is unverified: nothing raised', () => {
    assert.deepEqual(presence(session()), []);
    // Positions elsewhere, or in the room only before the session, prove nothing about it.
    assert.deepEqual(presence(inRoom(session(), 'officer:1', at('00:20'), at('02:15'), 'venue:V2')), []);
    assert.deepEqual(presence(inRoom(session(), 'officer:1', at('00:00'), at('00:30'))), []);
  });

  it('a sworn interrogator positioned in the room while the other is not: S1 violation at the session end', () => {
    const alerts = presence(inRoom(session(), 'officer:1', at('00:20'), at('02:15')));
    assert.deepEqual(alerts.map(brief), [ABSENT]);
    assert.equal(alerts[0].triggerEventId, 's1');
    assert.match(alerts[0].message['zh-CN'], /定位记录显示民警officer:2未全程在讯问（询问）场所/);
  });

  it('leaving for a minute is tolerated; a minute and a second is not; leaving 10 minutes early is not', () => {
    const stepOut = (back: string) => inRoom(inRoom(inRoom(session(), 'officer:1', at('00:20'), at('02:15')), 'officer:2', at('00:20'), at('01:00')), 'officer:2', back, at('02:15'));
    assert.deepEqual(presence(stepOut(at('01:01'))), []);
    assert.deepEqual(presence(stepOut('2025-03-11T01:01:01+08:00')).map(brief), [ABSENT]);
    assert.deepEqual(presence(inRoom(inRoom(session(), 'officer:1', at('00:20'), at('02:15')), 'officer:2', at('00:20'), at('02:00'))).map(brief), [ABSENT]);
    // The tolerance is a parameter.
    const early = inRoom(inRoom(session(), 'officer:1', at('00:20'), at('02:15')), 'officer:2', at('00:20'), at('02:00'));
    assert.deepEqual(early.evaluate(INTV_TWO_OFFICERS, LATER, { params: { INTV_TWO_OFFICERS: { presenceToleranceMinutes: 10 } } }).alerts, []);
  });

  it('three sworn interrogators: each must be positioned in the room (§10.1 "each in the venue")', () => {
    const three = () => inRoom(inRoom(session({ interrogators: ['officer:1', 'officer:2', 'officer:4'] }).object('officer:4', { role: 'lead', name: '王五' }), 'officer:1', at('00:20'), at('02:15')), 'officer:2', at('00:20'), at('02:15'));
    const alerts = presence(three());
    assert.deepEqual(alerts.map(brief), [ABSENT]);
    assert.match(alerts[0].message['zh-CN'], /民警王五未全程/);
    assert.deepEqual(presence(inRoom(three(), 'officer:4', at('00:29'), at('02:11'))), []);
    // An auxiliary need not be positioned.
    const withAuxiliary = inRoom(inRoom(session({ interrogators: ['officer:1', 'officer:2', 'officer:3'] }), 'officer:1', at('00:20'), at('02:15')), 'officer:2', at('00:20'), at('02:15'));
    assert.deepEqual(presence(withAuxiliary), []);
  });

  it('is judged only once the session has ended', () => {
    const running = inRoom(session({ ended: false }), 'officer:1', at('00:20'));
    assert.deepEqual(presence(running, at('01:00')), []);
  });
});

describe('INTV_TRANSCRIPT_SIGNATURES', () => {
  const run = (spec: Spec, asOf = LATER) => session(spec).evaluate(INTV_TRANSCRIPT_SIGNATURES, asOf).alerts;
  const S2_AT_END = `INTV_TRANSCRIPT_SIGNATURES violation open S2 raised ${z(END)}`;
  const S4_AT_END = `INTV_TRANSCRIPT_SIGNATURES violation open S4 raised ${z(END)}`;

  it('a complete transcript complies', () => {
    assert.deepEqual(run({}), []);
  });

  it('fewer signed pages than pages: S2 at the session end, with the counts', () => {
    const alerts = run({ doc: { signed_pages: [[END, 5]] } });
    assert.deepEqual(alerts.map(brief), [S2_AT_END]);
    assert.equal(alerts[0].subject.id, 'document:W1');
    assert.equal(alerts[0].triggerEventId, 'e1');
    assert.match(alerts[0].message['zh-CN'], /签名捺印5页，少于总页数6页/);
  });

  it('a noted refusal to sign excuses missing signatures and the phrase', () => {
    assert.deepEqual(run({ doc: { signed_pages: [[END, 0]], has_confirmation_phrase: [[END, false]], refusal_noted: [[END, true]] } }), []);
    assert.deepEqual(run({ doc: { signed_pages: [[END, 0]], refusal_noted: [[END, false]] } }).map(brief), [S2_AT_END]);
  });

  it('the confirmation phrase is required in criminal cases only', () => {
    const noPhrase = { has_confirmation_phrase: [[END, false]] } as DocAttrs;
    assert.match(run({ doc: noPhrase })[0].message['zh-CN'], /以上笔录我看过/);
    // A witness's 询问笔录 in a criminal case is criminal too.
    assert.deepEqual(run({ kind: 'questioning', doc: noPhrase }).map(brief), [S2_AT_END]);
    assert.deepEqual(run({ caseKind: 'administrative', kind: 'questioning', doc: noPhrase }), []);
    // Administrative: an unknown phrase is not even a data gap.
    assert.deepEqual(run({ caseKind: 'administrative', kind: 'questioning', doc: { has_confirmation_phrase: undefined } }), []);
  });

  it('fewer than two officer signatures: S2 (the §12.3 case)', () => {
    const alerts = run({ doc: { officer_signatures: [[END, 1]] } });
    assert.deepEqual(alerts.map(brief), [S2_AT_END]);
    assert.match(alerts[0].message['zh-CN'], /民警签名1人，少于2人/);
    assert.deepEqual(run({ doc: { officer_signatures: [[END, 3]] } }), []);
  });

  it('several defects make one alert naming each', () => {
    const alerts = run({ doc: { signed_pages: [[END, 4]], officer_signatures: [[END, 1]] } });
    assert.equal(alerts.length, 1);
    assert.match(alerts[0].message['zh-CN'], /签名捺印4页.*；民警签名1人/);
  });

  it('the interpreter signs when one took part', () => {
    assert.match(run({ interpreter: true, doc: { interpreter_signed: [[END, false]] } })[0].message['zh-CN'], /翻译人员未签名/);
    assert.deepEqual(run({ interpreter: true, doc: { interpreter_signed: [[END, true]] } }), []);
    assert.deepEqual(run({ interpreter: false, doc: { interpreter_signed: [[END, false]] } }), []);
    // Unknown with an interpreter present: a data gap (S4), not a breach.
    const unknown = run({ interpreter: true });
    assert.deepEqual(unknown.map(brief), [S4_AT_END]);
    assert.match(unknown[0].message['zh-CN'], /interpreter_signed/);
  });

  it('unknown counts are an S4 data gap, beside any real defect', () => {
    const alerts = run({ doc: { pages: undefined, officer_signatures: undefined } });
    assert.deepEqual(alerts.map(brief), [S4_AT_END]);
    assert.match(alerts[0].message['zh-CN'], /缺少pages\/signed_pages、officer_signatures数据/);
    const both = run({ doc: { signed_pages: undefined, officer_signatures: [[END, 1]] } });
    assert.deepEqual(both.map(brief).sort(), [S2_AT_END, S4_AT_END]);
    assert.notEqual(both[0].id, both[1].id);
  });

  it('a transcript whose session is still open is not judged', () => {
    assert.deepEqual(run({ ended: false, doc: { officer_signatures: [[END, 1]] } }), []);
    // As of a moment before the end, the session is running.
    assert.deepEqual(run({ doc: { officer_signatures: [[END, 1]] } }, '2025-03-11T02:09:59+08:00'), []);
    assert.deepEqual(run({ doc: { officer_signatures: [[END, 1]] } }, END).map(brief), [S2_AT_END]);
  });

  it('a filed transcript is judged when filed even though its session has no end record (§8.4)', () => {
    const FILED = '2025-03-11T03:00:00+08:00';
    const g = session({ ended: false, doc: { officer_signatures: [[END, 1]] } })
      .event('f1', 'document.filed', FILED, {}, { document: 'document:W1', case: 'case:C1', subject: 'person:P1' });
    assert.deepEqual(g.evaluate(INTV_TRANSCRIPT_SIGNATURES, '2025-03-11T02:59:00+08:00').alerts, []);
    const alerts = g.evaluate(INTV_TRANSCRIPT_SIGNATURES, FILED).alerts;
    assert.deepEqual(alerts.map(brief), [`INTV_TRANSCRIPT_SIGNATURES violation open S2 raised ${z(FILED)}`]);
    assert.equal(alerts[0].triggerEventId, 'f1');
    // With an end record, the end stays the trigger.
    const ended = session({ doc: { officer_signatures: [[END, 1]] } })
      .event('f1', 'document.filed', FILED, {}, { document: 'document:W1', case: 'case:C1', subject: 'person:P1' });
    assert.deepEqual(ended.evaluate(INTV_TRANSCRIPT_SIGNATURES, LATER).alerts.map((a) => `${a.triggerEventId} ${a.raisedAt}`), [`e1 ${z(END)}`]);
  });

  it('a transcript opened before its session (e.g. a family notice as its first entry) is not judged before the session ends', () => {
    const g = session({ doc: { officer_signatures: [[END, 1]] } })
      .event('n1', 'person.family_notified', '2025-03-11T00:20:00+08:00', { measure: 'admin_summons', method: 'phone' }, { subject: 'person:P1', document: 'document:W1' });
    assert.deepEqual(g.evaluate(INTV_TRANSCRIPT_SIGNATURES, '2025-03-11T00:25:00+08:00').alerts, []);
    assert.deepEqual(g.evaluate(INTV_TRANSCRIPT_SIGNATURES, LATER).alerts.map(brief), [S2_AT_END]);
  });

  it('a transcript filed without session records is judged when filed', () => {
    const g = new GroupBuilder('case:C1')
      .object('case:C1', { kind: 'criminal' }, { unit: 'unit:U1' })
      .object('document:W9', { doc_type: '询问笔录', pages: 3, signed_pages: 3, has_confirmation_phrase: true, officer_signatures: 1 }, { case: 'case:C1' })
      .event('f1', 'document.filed', '2025-03-15T10:00:00+08:00', {}, { document: 'document:W9', case: 'case:C1' });
    const alerts = g.evaluate(INTV_TRANSCRIPT_SIGNATURES, LATER.replace('03-12', '03-16')).alerts;
    assert.deepEqual(alerts.map(brief), [`INTV_TRANSCRIPT_SIGNATURES violation open S2 raised ${z('2025-03-15T10:00:00+08:00')}`]);
    assert.deepEqual(g.evaluate(INTV_TRANSCRIPT_SIGNATURES, '2025-03-15T09:59:00+08:00').alerts, []);
  });

  it('is judged again when the attributes change later', () => {
    const FIX = '2025-03-11T15:00:00+08:00';
    // Signed by one officer at the end, a second signature added in the afternoon.
    const fixed = session({ doc: { officer_signatures: [[END, 1], [FIX, 2]] } });
    assert.deepEqual(fixed.evaluate(INTV_TRANSCRIPT_SIGNATURES, '2025-03-11T14:59:00+08:00').alerts.map(brief), [S2_AT_END]);
    assert.deepEqual(fixed.evaluate(INTV_TRANSCRIPT_SIGNATURES, FIX).alerts, []);
    // Complete at the end; a later correction reveals an unsigned page: raised when it arrived.
    const broken = session({ doc: { signed_pages: [[END, 6], [FIX, 5]] } });
    assert.deepEqual(broken.evaluate(INTV_TRANSCRIPT_SIGNATURES, '2025-03-11T14:59:00+08:00').alerts, []);
    assert.deepEqual(broken.evaluate(INTV_TRANSCRIPT_SIGNATURES, LATER).alerts.map(brief), [`INTV_TRANSCRIPT_SIGNATURES violation open S2 raised ${z(FIX)}`]);
    // Counts that arrive only after the end: the gap (S4) until they come, then nothing.
    const late = session({ doc: { pages: [[FIX, 6]], signed_pages: [[FIX, 6]] } });
    assert.deepEqual(late.evaluate(INTV_TRANSCRIPT_SIGNATURES, '2025-03-11T14:59:00+08:00').alerts.map(brief), [S4_AT_END]);
    assert.deepEqual(late.evaluate(INTV_TRANSCRIPT_SIGNATURES, LATER).alerts, []);
  });

  it('keeps one alert id per transcript across re-evaluations', () => {
    const g = session({ doc: { officer_signatures: [[END, 1]] } });
    const a = g.evaluate(INTV_TRANSCRIPT_SIGNATURES, END).alerts[0];
    const b = g.evaluate(INTV_TRANSCRIPT_SIGNATURES, LATER).alerts[0];
    assert.equal(a.id, b.id);
  });
});
