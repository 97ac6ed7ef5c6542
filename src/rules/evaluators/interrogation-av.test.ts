import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { RuleSettings } from '../engine/context.js';
import type { Alert } from '../engine/finding.js';
import { GroupBuilder } from '../engine/group-builder.js';
import { INTV_AV_MANDATORY } from './interrogation.js';

/**
 * INTV_AV_MANDATORY (catalogue §9; interchange §10.1, §13): `interrogation_av` media cover the
 * session start → end with gaps ≤ 30 s, checked 24 h after the session (WARN at 75 %, 18 h).
 */
const START = '2025-03-11T00:30:00+08:00';
const END = '2025-03-11T02:10:00+08:00';
const WARN = '2025-03-11T20:10:00+08:00';
const DUE = '2025-03-12T02:10:00+08:00';
const AFTER = '2025-03-13T00:00:00+08:00';
const z = (local: string) => new Date(local).toISOString();
const shift = (local: string, seconds: number) => new Date(Date.parse(local) + seconds * 1000).toISOString();
const brief = (a: Alert) => `${a.level} ${a.status} ${a.severity} raised ${a.raisedAt} due ${a.dueAt}${a.resolvedAt ? ` resolved ${a.resolvedAt}` : ''}`;

interface CaseOpts {
  category?: string;
  avRequired?: boolean;
  person?: Record<string, string | boolean>;
  sessionAttrs?: Record<string, string | boolean>;
  kind?: 'interrogation' | 'questioning';
  ended?: boolean;
}

/** A homicide (040101, in the AV table) interrogation of an adult from 00:30 to 02:10. */
function avCase(o: CaseOpts = {}): GroupBuilder {
  const g = new GroupBuilder('case:C1')
    .object('case:C1', { kind: 'criminal', category: o.category ?? '040101', av_required: o.avRequired ?? false }, { unit: 'unit:U1' })
    .object('person:P1', { role: 'suspect', birth_date: '1990-05-01', language: 'zh', ...o.person }, { case: 'case:C1' })
    .object('document:W1', { doc_type: '讯问笔录' }, { case: 'case:C1', subject: 'person:P1' })
    .object('venue:V1', { room_type: 'interrogation_room' })
    .event('s1', 'interrogation.started', START, { kind: o.kind ?? 'interrogation', av_recorded: true, ...o.sessionAttrs }, {
      subject: 'person:P1', case: 'case:C1', interrogator: ['officer:1', 'officer:2'], venue: 'venue:V1', document: 'document:W1',
    });
  if (o.ended !== false) g.event('s1-end', 'interrogation.ended', END, {}, { subject: 'person:P1', case: 'case:C1', document: 'document:W1', media: ['media:M1', 'media:M2'] });
  return g;
}

/** A recording [from, to] known to the platform at `known`; linked by the session's end (M1/M2) or by venue only. */
function media(g: GroupBuilder, id: string, from: string, to: string, known = END, extra: { kind?: string; venue?: string } = {}): GroupBuilder {
  return g.object(id, {
    kind: [[known, extra.kind ?? 'interrogation_av']], started_at: [[known, from]], ended_at: [[known, to]],
  }, { case: 'case:C1', ...(extra.venue ? { venue: extra.venue } : {}) });
}

/** The whole session recorded, 30 s either side (as the demo records it). */
const recorded = (g: GroupBuilder, known = END) => media(g, 'media:M1', shift(START, -30), shift(END, 30), known);

const run = (g: GroupBuilder, asOf = AFTER, settings?: RuleSettings) => g.evaluate(INTV_AV_MANDATORY, asOf, settings);

describe('INTV_AV_MANDATORY', () => {
  it('a recording covering the session complies', () => {
    assert.deepEqual(run(recorded(avCase())), { alerts: [], timers: [] });
  });

  it('no recording of the session while the case has others: WARN at 18 h, OVERDUE S1 at 24 h', () => {
    // Another session's recording proves the AV feed exists for this case.
    const g = media(avCase(), 'media:M9', '2025-03-05T10:00:00+08:00', '2025-03-05T11:00:00+08:00', '2025-03-05T11:00:00+08:00', { venue: 'venue:V1' });
    const before = run(g, '2025-03-11T20:09:00+08:00');
    assert.deepEqual(before.alerts, []);
    assert.deepEqual(before.timers.map((t) => `${t.kind} ${t.fireAt} ${t.dueAt}`), [`warn ${z(WARN)} ${z(DUE)}`]);
    const warned = run(g, WARN);
    assert.deepEqual(warned.alerts.map(brief), [`warning open S1 raised ${z(WARN)} due ${z(DUE)}`]);
    assert.deepEqual(warned.timers.map((t) => `${t.kind} ${t.fireAt}`), [`due ${shift(DUE, 0.001)}`]);
    assert.deepEqual(run(g, DUE).alerts.map(brief), [`warning open S1 raised ${z(WARN)} due ${z(DUE)}`]);
    const overdue = run(g, shift(DUE, 60)).alerts;
    assert.deepEqual(overdue.map(brief), [`overdue open S1 raised ${z(WARN)} due ${z(DUE)}`]);
    assert.equal(overdue[0].subject.id, 'person:P1');
    assert.equal(overdue[0].triggerEventId, 's1');
    assert.deepEqual(overdue[0].evidenceEventIds, ['s1-end']);
  });

  it('a recording that arrives at the last minute resolves the warning; one minute late is complied late', () => {
    assert.deepEqual(run(recorded(avCase(), '2025-03-12T02:09:00+08:00')).alerts.map(brief),
      [`warning resolved S1 raised ${z(WARN)} due ${z(DUE)} resolved ${z('2025-03-12T02:09:00+08:00')}`]);
    assert.deepEqual(run(recorded(avCase(), DUE)).alerts.map(brief),
      [`warning resolved S1 raised ${z(WARN)} due ${z(DUE)} resolved ${z(DUE)}`]);
    assert.deepEqual(run(recorded(avCase(), '2025-03-12T02:11:00+08:00')).alerts.map(brief),
      [`overdue complied_late S1 raised ${z(WARN)} due ${z(DUE)} resolved ${z('2025-03-12T02:11:00+08:00')}`]);
  });

  it('gaps of up to 30 s are tolerated, 31 s are not (between segments and at either end)', () => {
    const split = (gap: number) => media(media(avCase(), 'media:M1', START, '2025-03-11T01:00:00+08:00'), 'media:M2', shift('2025-03-11T01:00:00+08:00', gap), END);
    assert.deepEqual(run(split(30)).alerts, []);
    assert.deepEqual(run(split(31)).alerts.map((a) => `${a.level} ${a.status}`), ['overdue open']);
    assert.deepEqual(run(media(avCase(), 'media:M1', shift(START, 30), END)).alerts, []);
    assert.equal(run(media(avCase(), 'media:M1', shift(START, 31), END)).alerts.length, 1);
    assert.deepEqual(run(media(avCase(), 'media:M1', START, shift(END, -30))).alerts, []);
    assert.equal(run(media(avCase(), 'media:M1', START, shift(END, -31))).alerts.length, 1);
  });

  it('overlapping segments out of order cover the session; complied when the segment closing the gap arrived', () => {
    const g = media(media(avCase(), 'media:M2', '2025-03-11T01:00:00+08:00', END, END),
      'media:M1', START, '2025-03-11T01:20:00+08:00', '2025-03-11T22:00:00+08:00');
    assert.deepEqual(run(g).alerts.map(brief), [`warning resolved S1 raised ${z(WARN)} due ${z(DUE)} resolved ${z('2025-03-11T22:00:00+08:00')}`]);
  });

  it('the gap tolerance and the check time are parameters', () => {
    const g = media(media(avCase(), 'media:M1', START, '2025-03-11T01:00:00+08:00'), 'media:M2', shift('2025-03-11T01:00:00+08:00', 45), END);
    assert.deepEqual(run(g, AFTER, { params: { INTV_AV_MANDATORY: { gapToleranceSeconds: 60 } } }).alerts, []);
    const late = run(avCase({ sessionAttrs: { av_recorded: false } }), AFTER, { params: { INTV_AV_MANDATORY: { checkAfterHours: 48 } } });
    assert.deepEqual(late.alerts.map(brief), [`warning open S1 raised ${z('2025-03-12T14:10:00+08:00')} due ${z('2025-03-13T02:10:00+08:00')}`]);
  });

  it('a recording of the session venue counts without a link; other venues and kinds do not', () => {
    assert.deepEqual(run(media(avCase(), 'media:V1', shift(START, -5), shift(END, 5), END, { venue: 'venue:V1' })).alerts, []);
    assert.equal(run(media(avCase(), 'media:V2', START, END, END, { venue: 'venue:V2' })).alerts.length, 1);
    const bodycam = media(media(avCase(), 'media:M1', START, END, END, { kind: 'bodycam' }), 'media:M9', START, START, END);
    assert.equal(run(media(bodycam, 'media:M8', '2025-03-01T10:00:00+08:00', '2025-03-01T11:00:00+08:00', END, { venue: 'venue:V9' })).alerts.length, 1);
  });

  it('not triggered by the §12.3 case: 050200, av_required false', () => {
    assert.deepEqual(run(avCase({ category: '050200', sessionAttrs: { av_recorded: false } })), { alerts: [], timers: [] });
  });

  it('triggered by av_required, by the AV table, or by a changed table', () => {
    assert.equal(run(avCase({ category: '050200', avRequired: true, sessionAttrs: { av_recorded: false } })).alerts.length, 1);
    for (const category of ['060702', '050100', '010110', '060139']) {
      assert.equal(run(avCase({ category, sessionAttrs: { av_recorded: false } })).alerts.length, 1, category);
    }
    const settings = { params: { INTV_AV_MANDATORY: { avCategoryPrefixes: '0502' } } };
    assert.equal(run(avCase({ category: '050200', sessionAttrs: { av_recorded: false } }), AFTER, settings).alerts.length, 1);
    assert.equal(run(avCase({ category: '040101', sessionAttrs: { av_recorded: false } }), AFTER, settings).alerts.length, 0);
  });

  it('AV2014 extended categories: minor, deaf or mute, mentally impaired, non-local language; switchable', () => {
    const plain = { category: '050200', sessionAttrs: { av_recorded: false } };
    const persons: Array<Record<string, string | boolean>> = [{ birth_date: '2009-01-01' }, { deaf_mute: true }, { mentally_impaired: true }, { language: 'bo' }];
    for (const person of persons) {
      assert.equal(run(avCase({ ...plain, person })).alerts.length, 1, JSON.stringify(person));
      assert.equal(run(avCase({ ...plain, person }), AFTER, { params: { INTV_AV_MANDATORY: { extendedCategories: false } } }).alerts.length, 0);
    }
    assert.equal(run(avCase({ ...plain, person: { language: 'zh-CN', birth_date: '2007-03-10' } })).alerts.length, 0);
  });

  it('does not apply to questioning', () => {
    assert.deepEqual(run(avCase({ kind: 'questioning', sessionAttrs: { av_recorded: false } })).alerts, []);
  });

  it('no AV feed for the case at all: unverified, not a breach (§13) — unless the session says it was not recorded', () => {
    assert.deepEqual(run(avCase()), { alerts: [], timers: [] });
    assert.deepEqual(run(avCase({ sessionAttrs: { av_recorded: false } })).alerts.map(brief), [`overdue open S1 raised ${z(WARN)} due ${z(DUE)}`]);
    // A recording known only after T does not make the feed exist as of T.
    assert.deepEqual(run(recorded(avCase(), '2025-03-14T00:00:00+08:00')), { alerts: [], timers: [] });
  });

  it('a session not yet ended is not judged', () => {
    assert.deepEqual(run(media(avCase({ ended: false }), 'media:M9', START, START, END)), { alerts: [], timers: [] });
  });

  it('malformed recording times are ignored', () => {
    const g = media(media(avCase(), 'media:M1', 'yesterday', END), 'media:M2', END, START);
    assert.equal(run(g).alerts.length, 1);
  });
});
