import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { GroupBuilder } from '../engine/group-builder.js';
import {
  ADMIN_CONTINUED_QUESTIONING, ADMIN_DETENTION_EXEMPT_PERSON, ADMIN_DETENTION_NOTIFY_FAMILY, ADMIN_SUMMONS_DURATION, ADMIN_SUMMONS_NOTIFY_FAMILY,
} from './admin-measures.js';
import { z, line, lines, timers } from './area-testing.js';

/** Administrative measures (catalogue §7b, interchange §10.1). Local times are Asia/Shanghai. */
const t = (local: string) => `${local}:00+08:00`;

const CASE = 'case:A1';
const P1 = 'person:P1';
const START = '2025-05-06T08:00'; // a Tuesday

function adminCase(person: Record<string, string | boolean | Array<[string, boolean]>> = {}, caseAttrs: Record<string, string> = {}): GroupBuilder {
  return new GroupBuilder(CASE)
    .object(CASE, { kind: 'administrative', category: '0101', ...caseAttrs }, { unit: 'unit:STATION' })
    .object('unit:STATION', { name: '某派出所', kind: 'public_security', level: 'station' })
    .object('unit:BRANCH', { name: '某分局', kind: 'public_security', level: 'branch' })
    .object('unit:JAIL', { name: '拘留所', kind: 'public_security', level: 'admin_detention_facility' })
    .object('unit:KSS', { name: '看守所', kind: 'public_security', level: 'detention_center' })
    .object(P1, { name: '某甲', role: 'suspect', birth_date: '1990-01-01', ...person }, { case: CASE })
    .object('document:XW1', { doc_type: '询问笔录' }, { case: CASE })
    .object('document:OTHER', { doc_type: '传唤证' }, { case: CASE });
}
const summon = (g: GroupBuilder, at = START, measure = 'admin_summons', id = 's1', unit = 'unit:STATION') =>
  g.event(id, 'person.summoned', t(at), { measure, form: 'oral' }, { subject: P1, case: CASE, unit, officer: 'officer:O1' });
const end = (g: GroupBuilder, at: string, id = 'e1') => g.event(id, 'person.summons_ended', t(at), { outcome: 'released', handed_over: 'self' }, { subject: P1, case: CASE });
const approve = (g: GroupBuilder, at: string, purpose: string, newLimit: string, level: string, reason?: string, id = `a-${at}-${newLimit}`) =>
  g.event(id, 'approval.granted', t(at), { for: purpose, new_limit: newLimit, level, ...(reason ? { reason } : {}) }, { approver: 'officer:L1', case: CASE, subject: P1 });
const notify = (g: GroupBuilder, at: string, measure: string, attrs: Record<string, string> = {}, doc = 'document:XW1', id = `n-${at}`) =>
  g.event(id, 'person.family_notified', t(at), { measure, method: 'phone', ...attrs }, { subject: P1, case: CASE, officer: 'officer:O1', ...(doc ? { document: doc } : {}) });

describe('ADMIN_SUMMONS_DURATION', () => {
  const rule = ADMIN_SUMMONS_DURATION;
  const due = z('2025-05-06T16:00');
  const warn = z('2025-05-06T14:00'); // 6 h of 8
  const LATER = t('2025-05-09T00:00');

  it('raises nothing for questioning ended within 6 h', () => {
    assert.deepEqual(end(summon(adminCase()), '2025-05-06T13:59').evaluate(rule, LATER), { alerts: [], timers: [] });
  });

  it('warns for an end at 7 h 59 min and at exactly 8 h; overdue one minute later', () => {
    for (const at of ['2025-05-06T15:59', '2025-05-06T16:00']) {
      assert.deepEqual(lines(end(summon(adminCase()), at).evaluate(rule, LATER)), [`warning resolved S1 raised ${warn} due ${due} resolved ${z(at)}`]);
    }
    assert.deepEqual(lines(end(summon(adminCase()), '2025-05-06T16:01').evaluate(rule, LATER)), [`overdue complied_late S1 raised ${warn} due ${due} resolved ${z('2025-05-06T16:01')}`]);
  });

  it('sets timers while the questioning goes on and is overdue after 8 h', () => {
    assert.deepEqual(timers(summon(adminCase()).evaluate(rule, t('2025-05-06T10:00'))), [`warn ${warn}`]);
    const warning = summon(adminCase()).evaluate(rule, t('2025-05-06T15:00'));
    assert.deepEqual(lines(warning), [`warning open S1 raised ${warn} due ${due}`]);
    assert.deepEqual(timers(warning), [`due ${new Date(Date.parse(due) + 1).toISOString()}`]);
    assert.deepEqual(lines(summon(adminCase()).evaluate(rule, t('2025-05-06T16:01'))), [`overdue open S1 raised ${warn} due ${due}`]);
  });

  it('is ended by admission to the detention centre', () => {
    const g = summon(adminCase()).event('j1', 'person.jailed', t('2025-05-06T12:00'), {}, { subject: P1, unit: 'unit:JAIL' });
    assert.deepEqual(g.evaluate(rule, LATER).alerts, []);
  });

  it('extends to 24 h with a summons approval granted within the 8 h, warning at 20 h', () => {
    const due24 = z('2025-05-07T08:00');
    for (const grantedAt of ['2025-05-06T12:00', '2025-05-06T16:00']) {
      const r = end(approve(summon(adminCase()), grantedAt, 'summons', 'PT24H', 'department', undefined, 'a1'), '2025-05-07T07:00').evaluate(rule, LATER);
      assert.deepEqual(lines(r), [`warning resolved S1 raised ${z('2025-05-07T04:00')} due ${due24} resolved ${z('2025-05-07T07:00')}`], grantedAt);
      assert.deepEqual(r.alerts[0].evidenceEventIds, ['a1', 'e1']);
    }
    assert.deepEqual(end(approve(summon(adminCase()), '2025-05-06T12:00', 'summons', 'PT24H', 'department'), '2025-05-07T03:59').evaluate(rule, LATER).alerts, []);
  });

  it('does not cure with an approval after 8 h, beyond the 24 h tier, or before the summons', () => {
    const overdue = [`overdue complied_late S1 raised ${warn} due ${due} resolved ${z('2025-05-06T20:00')}`];
    assert.deepEqual(lines(end(approve(summon(adminCase()), '2025-05-06T16:01', 'summons', 'PT24H', 'department'), '2025-05-06T20:00').evaluate(rule, LATER)), overdue);
    assert.deepEqual(lines(end(approve(summon(adminCase()), '2025-05-06T10:00', 'summons', 'PT48H', 'county'), '2025-05-06T20:00').evaluate(rule, LATER)), overdue);
    assert.deepEqual(lines(end(summon(approve(adminCase(), '2025-05-06T07:00', 'summons', 'PT24H', 'department')), '2025-05-06T20:00').evaluate(rule, LATER)), overdue);
  });

  it('restarts the clock at a transfer of jurisdiction during the questioning (移送管辖, MPS-A art.62)', () => {
    const transfer = (g: GroupBuilder, at: string) => g.object('unit:OTHER', { name: '另一派出所', kind: 'public_security', level: 'station' })
      .event('tr', 'case.transferred', t(at), {}, { case: CASE, target_unit: 'unit:OTHER' });
    const due2 = z('2025-05-06T22:00');
    const warn2 = z('2025-05-06T20:00'); // 6 h of 8 after the transfer
    const r = end(transfer(summon(adminCase()), '2025-05-06T14:00'), '2025-05-06T21:00').evaluate(rule, LATER);
    assert.deepEqual(lines(r), [`warning resolved S1 raised ${warn2} due ${due2} resolved ${z('2025-05-06T21:00')}`]);
    assert.deepEqual(r.alerts[0].evidenceEventIds, ['tr', 'e1']);
    assert.match(r.alerts[0].message['zh-CN'], /移送管辖后重新计算/);
    assert.deepEqual(lines(end(transfer(summon(adminCase()), '2025-05-06T14:00'), '2025-05-06T22:00').evaluate(rule, LATER)), [`warning resolved S1 raised ${warn2} due ${due2} resolved ${due2}`]);
    assert.deepEqual(lines(end(transfer(summon(adminCase()), '2025-05-06T14:00'), '2025-05-06T22:01').evaluate(rule, LATER)), [`overdue complied_late S1 raised ${warn2} due ${due2} resolved ${z('2025-05-06T22:01')}`]);
    assert.deepEqual(timers(transfer(summon(adminCase()), '2025-05-06T14:00').evaluate(rule, t('2025-05-06T15:00'))), [`warn ${warn2}`]);
    // A transfer at the 8th hour still restarts; one minute later it cures nothing; one before the summons or after its end does nothing.
    assert.equal(end(transfer(summon(adminCase()), '2025-05-06T16:00'), '2025-05-06T23:00').evaluate(rule, LATER).alerts[0].dueAt, z('2025-05-07T00:00'));
    const overdue = [`overdue complied_late S1 raised ${warn} due ${due} resolved ${z('2025-05-06T23:00')}`];
    assert.deepEqual(lines(end(transfer(summon(adminCase()), '2025-05-06T16:01'), '2025-05-06T23:00').evaluate(rule, LATER)), overdue);
    assert.deepEqual(lines(end(summon(transfer(adminCase(), '2025-05-06T07:00')), '2025-05-06T23:00').evaluate(rule, LATER)), overdue);
    assert.deepEqual(lines(transfer(end(summon(adminCase()), '2025-05-06T15:00'), '2025-05-06T15:30').evaluate(rule, LATER)), [`warning resolved S1 raised ${warn} due ${due} resolved ${z('2025-05-06T15:00')}`]);
    // An approval counts on the restarted clock only when granted after the transfer.
    const approved = approve(transfer(summon(adminCase()), '2025-05-06T14:00'), '2025-05-06T21:00', 'summons', 'PT24H', 'department', undefined, 'a1');
    assert.equal(approved.evaluate(rule, t('2025-05-06T21:30')).timers[0]?.fireAt, z('2025-05-07T10:00'));
  });

  it('flags a new summons within 24 h of the last one’s end, and a back-to-back one', () => {
    const again = (at: string) => end(summon(end(summon(adminCase()), '2025-05-06T12:00'), at, 'admin_summons', 's2'), '2025-05-07T12:30', 'e2');
    const r = again('2025-05-07T11:00').evaluate(rule, LATER);
    assert.deepEqual(lines(r), [`violation open S1 raised ${z('2025-05-07T11:00')}`]);
    assert.equal(r.alerts[0].triggerEventId, 's2');
    assert.match(r.alerts[0].message['zh-CN'], /上次传唤结束后1380分钟即再次传唤/);
    assert.deepEqual(again('2025-05-07T12:01').evaluate(rule, LATER).alerts, []);
    const backToBack = summon(summon(adminCase()), '2025-05-06T15:00', 'admin_summons', 's2').evaluate(rule, t('2025-05-06T16:00'));
    assert.deepEqual(lines(backToBack), [`violation open S1 raised ${z('2025-05-06T15:00')}`, `warning resolved S1 raised ${warn} due ${due} resolved ${z('2025-05-06T15:00')}`]);
  });

  it('reads the repeat window from the parameters', () => {
    const g = end(summon(end(summon(adminCase()), '2025-05-06T12:00'), '2025-05-06T20:00', 'admin_summons', 's2'), '2025-05-06T21:00', 'e2');
    assert.equal(g.evaluate(rule, LATER).alerts.length, 1);
    assert.deepEqual(g.evaluate(rule, LATER, { params: { ADMIN_SUMMONS_DURATION: { repeatWindowHours: 6 } } }).alerts, []);
  });

  it('applies the 2025 law version from 2026-01-01 with the same 8 h, never moved by holidays', () => {
    const r = end(summon(adminCase(), '2026-01-01T10:00'), '2026-01-01T19:00').evaluate(rule, t('2026-01-05T00:00'));
    assert.deepEqual(lines(r), [`overdue complied_late S1 raised ${z('2026-01-01T16:00')} due ${z('2026-01-01T18:00')} resolved ${z('2026-01-01T19:00')}`]);
    assert.equal(r.alerts[0].ruleVersion, 2);
    assert.match(r.alerts[0].message['zh-CN'], /2025年修订/);
    const old = end(summon(adminCase(), '2025-10-01T10:00'), '2025-10-01T19:00').evaluate(rule, t('2025-10-05T00:00'));
    assert.equal(old.alerts[0].ruleVersion, 1);
    assert.equal(old.alerts[0].dueAt, z('2025-10-01T18:00'));
  });

  it('ignores criminal summonses and continued questioning', () => {
    assert.deepEqual(summon(adminCase(), START, 'criminal_summons').evaluate(rule, LATER).alerts, []);
    assert.deepEqual(summon(adminCase(), START, 'continued_questioning').evaluate(rule, LATER).alerts, []);
  });
});

describe('ADMIN_SUMMONS_NOTIFY_FAMILY', () => {
  const rule = ADMIN_SUMMONS_NOTIFY_FAMILY;
  const due = z('2025-05-06T09:00');
  const warn = z('2025-05-06T08:45');
  const LATER = t('2025-05-07T00:00');

  it('raises nothing for a notice in the 询问笔录 within 45 min', () => {
    assert.deepEqual(notify(summon(adminCase()), '2025-05-06T08:30', 'admin_summons').evaluate(rule, LATER), { alerts: [], timers: [] });
  });

  it('warns for a notice at 59 and 60 min; overdue at 61 min', () => {
    for (const at of ['2025-05-06T08:59', '2025-05-06T09:00']) {
      assert.deepEqual(lines(notify(summon(adminCase()), at, 'admin_summons').evaluate(rule, LATER)), [`warning resolved S3 raised ${warn} due ${due} resolved ${z(at)}`]);
    }
    assert.deepEqual(lines(notify(summon(adminCase()), '2025-05-06T09:01', 'admin_summons').evaluate(rule, LATER)), [`overdue complied_late S3 raised ${warn} due ${due} resolved ${z('2025-05-06T09:01')}`]);
  });

  it('is overdue without a notice, and a notice of another measure does not count', () => {
    assert.deepEqual(lines(notify(summon(adminCase()), '2025-05-06T08:10', 'admin_detention').evaluate(rule, LATER)), [`overdue open S3 raised ${warn} due ${due}`]);
  });

  it('flags a notice not recorded in the 询问笔录', () => {
    for (const doc of ['', 'document:OTHER']) {
      const r = notify(summon(adminCase()), '2025-05-06T08:10', 'admin_summons', {}, doc).evaluate(rule, LATER);
      assert.deepEqual(lines(r), [`violation open S3 raised ${z('2025-05-06T08:10')}`], doc);
      assert.match(r.alerts[0].message['zh-CN'], /未记入询问笔录/);
    }
  });

  it('accepts identity_unknown, refused_contact and force_majeure with a reason', () => {
    for (const exception of ['identity_unknown', 'refused_contact', 'force_majeure']) {
      assert.deepEqual(notify(summon(adminCase()), '2025-05-06T08:10', 'admin_summons', { exception, reason: '拒不提供家属联系方式' }).evaluate(rule, LATER).alerts, [], exception);
    }
  });

  it('rejects an exception without a reason, or one the summons does not allow', () => {
    const noReason = notify(summon(adminCase()), '2025-05-06T08:10', 'admin_summons', { exception: 'refused_contact' }).evaluate(rule, LATER);
    assert.deepEqual(lines(noReason), [`overdue open S3 raised ${warn} due ${due}`, `violation open S3 raised ${z('2025-05-06T08:10')}`]);
    assert.ok(noReason.alerts.some((a) => /未写明原因/.test(a.message['zh-CN'])));
    const unreachable = notify(summon(adminCase()), '2025-05-06T08:10', 'admin_summons', { exception: 'unreachable', reason: '电话无人接听' }).evaluate(rule, LATER);
    assert.ok(unreachable.alerts.some((a) => /不是本措施可不通知家属的情形/.test(a.message['zh-CN'])));
    assert.ok(unreachable.alerts.some((a) => a.level === 'overdue'));
    // A proper notice after the bad exception still complies (late here).
    const cured = notify(notify(summon(adminCase()), '2025-05-06T08:10', 'admin_summons', { exception: 'refused_contact' }), '2025-05-06T08:20', 'admin_summons').evaluate(rule, LATER);
    assert.deepEqual(lines(cured), [`violation open S3 raised ${z('2025-05-06T08:10')}`]);
  });

  it('does not let a later summons’ notice discharge an earlier one', () => {
    const g = notify(summon(end(summon(adminCase()), '2025-05-06T12:00'), '2025-05-08T08:00', 'admin_summons', 's2'), '2025-05-08T08:10', 'admin_summons');
    const r = g.evaluate(rule, t('2025-05-09T00:00'));
    assert.deepEqual(lines(r), [`overdue open S3 raised ${warn} due ${due}`]);
    assert.equal(r.alerts[0].triggerEventId, 's1');
  });

  it('reads the notice window from the parameters, also in minutes', () => {
    const g = notify(summon(adminCase()), '2025-05-06T08:40', 'admin_summons');
    assert.deepEqual(lines(g.evaluate(rule, LATER, { params: { ADMIN_SUMMONS_NOTIFY_FAMILY: { noticeHours: 0.5 } } })),
      [`overdue complied_late S3 raised ${new Date('2025-05-06T08:22:30+08:00').toISOString()} due ${z('2025-05-06T08:30')} resolved ${z('2025-05-06T08:40')}`]);
  });
});

describe('ADMIN_CONTINUED_QUESTIONING', () => {
  const rule = ADMIN_CONTINUED_QUESTIONING;
  const LATER = t('2025-05-09T00:00');
  const cq = (g = adminCase(), unit = 'unit:STATION') => notify(approve(summon(g, START, 'continued_questioning', 's1', unit), '2025-05-06T08:05', 'continued_questioning', 'PT12H', 'department'), '2025-05-06T08:20', 'continued_questioning');
  const due12 = z('2025-05-06T20:00');
  const warn12 = z('2025-05-06T17:00');

  it('raises nothing for approved, notified questioning ended within 9 h', () => {
    assert.deepEqual(end(cq(), '2025-05-06T16:00').evaluate(rule, LATER), { alerts: [], timers: [] });
  });

  it('warns at 9 h, and is overdue one minute after 12 h', () => {
    assert.deepEqual(lines(end(cq(), '2025-05-06T20:00').evaluate(rule, LATER)), [`warning resolved S1 raised ${warn12} due ${due12} resolved ${due12}`]);
    assert.deepEqual(lines(end(cq(), '2025-05-06T20:01').evaluate(rule, LATER)), [`overdue complied_late S1 raised ${warn12} due ${due12} resolved ${z('2025-05-06T20:01')}`]);
  });

  it('extends to 24 h with a county approval in time, then to 48 h for an unknown identity', () => {
    const g24 = () => approve(cq(), '2025-05-06T19:00', 'continued_questioning', 'PT24H', 'county');
    assert.deepEqual(lines(end(g24(), '2025-05-07T07:59').evaluate(rule, LATER)), [`warning resolved S1 raised ${z('2025-05-07T02:00')} due ${z('2025-05-07T08:00')} resolved ${z('2025-05-07T07:59')}`]);
    const g48 = approve(g24(), '2025-05-07T07:00', 'continued_questioning', 'PT48H', 'county', 'identity_unknown');
    assert.deepEqual(lines(end(g48, '2025-05-08T07:00').evaluate(rule, LATER)), [`warning resolved S1 raised ${z('2025-05-07T20:00')} due ${z('2025-05-08T08:00')} resolved ${z('2025-05-08T07:00')}`]);
    // The city level is above the county: it satisfies the requirement (§13).
    assert.equal(end(approve(cq(), '2025-05-06T19:00', 'continued_questioning', 'PT24H', 'city'), '2025-05-07T07:00').evaluate(rule, LATER).alerts[0].dueAt, z('2025-05-07T08:00'));
  });

  it('does not extend with a station-level 24 h approval, a late one, a jump to 48 h, or 48 h without identity_unknown', () => {
    const overdue = (g: GroupBuilder) => end(g, '2025-05-07T07:00').evaluate(rule, LATER).alerts.map((a) => a.dueAt);
    assert.deepEqual(overdue(approve(cq(), '2025-05-06T19:00', 'continued_questioning', 'PT24H', 'department')), [due12]);
    assert.deepEqual(overdue(approve(cq(), '2025-05-06T20:01', 'continued_questioning', 'PT24H', 'county')), [due12]);
    assert.deepEqual(overdue(approve(cq(), '2025-05-06T19:00', 'continued_questioning', 'PT48H', 'county', 'identity_unknown')), [due12]);
    const noReason = approve(approve(cq(), '2025-05-06T19:00', 'continued_questioning', 'PT24H', 'county'), '2025-05-07T07:00', 'continued_questioning', 'PT48H', 'county', 'complex');
    assert.deepEqual(end(noReason, '2025-05-07T09:00').evaluate(rule, LATER).alerts.map((a) => a.dueAt), [z('2025-05-07T08:00')]);
  });

  it('flags questioning without any approval when it ends, or at 12 h while it goes on', () => {
    const bare = () => notify(summon(adminCase(), START, 'continued_questioning'), '2025-05-06T08:20', 'continued_questioning');
    const r = end(bare(), '2025-05-06T11:00').evaluate(rule, LATER);
    assert.deepEqual(lines(r), [`violation open S1 raised ${z('2025-05-06T11:00')}`]);
    assert.match(r.alerts[0].message['zh-CN'], /无继续盘问审批记录/);
    assert.deepEqual(summon(adminCase(), START, 'continued_questioning').evaluate(rule, t('2025-05-06T10:00')).alerts.filter((a) => a.level === 'violation'), []);
    assert.deepEqual(lines(bare().evaluate(rule, t('2025-05-06T21:00'))), [`overdue open S1 raised ${warn12} due ${due12}`, `violation open S1 raised ${due12}`]);
    // An approval granted after the questioning ended is too late.
    assert.equal(end(approve(bare(), '2025-05-06T12:00', 'continued_questioning', 'PT12H', 'department'), '2025-05-06T11:00').evaluate(rule, LATER).alerts.length, 1);
  });

  it('flags continued questioning by a unit that is not a police station', () => {
    const r = end(cq(adminCase(), 'unit:BRANCH'), '2025-05-06T10:00').evaluate(rule, LATER);
    assert.deepEqual(lines(r), [`violation open S1 raised ${z(START)}`]);
    assert.match(r.alerts[0].message['zh-CN'], /不是派出所/);
  });

  it('needs the family told within 1 h, or an impossibility with its reason', () => {
    const silent = () => approve(summon(adminCase(), START, 'continued_questioning'), '2025-05-06T08:05', 'continued_questioning', 'PT12H', 'department');
    assert.deepEqual(lines(end(silent(), '2025-05-06T10:00').evaluate(rule, LATER)), [`overdue open S1 raised ${z('2025-05-06T08:45')} due ${z('2025-05-06T09:00')}`]);
    assert.deepEqual(end(notify(silent(), '2025-05-06T08:30', 'continued_questioning', { exception: 'identity_unknown', reason: '拒报姓名住址' }), '2025-05-06T10:00').evaluate(rule, LATER).alerts, []);
    const hinder = end(notify(silent(), '2025-05-06T08:30', 'continued_questioning', { exception: 'hinder_investigation', reason: '有碍调查' }), '2025-05-06T10:00').evaluate(rule, LATER);
    assert.deepEqual(lines(hinder), [`overdue open S1 raised ${z('2025-05-06T08:45')} due ${z('2025-05-06T09:00')}`, `violation open S1 raised ${z('2025-05-06T08:30')}`]);
  });

  it('ignores administrative summonses', () => {
    assert.deepEqual(summon(adminCase()).evaluate(rule, LATER).alerts, []);
  });
});

describe('ADMIN_DETENTION_NOTIFY_FAMILY', () => {
  const rule = ADMIN_DETENTION_NOTIFY_FAMILY;
  const decide = (g: GroupBuilder, at = START, execute = true) =>
    g.event('d1', 'person.admin_detention_decided', t(at), { days: 5, execute }, { subject: P1, case: CASE, approver: 'officer:L1' });
  const LATER = t('2025-05-09T00:00');

  it('raises nothing for a notice within 18 h; warns at 23 h 59 min and 24 h; overdue after', () => {
    assert.deepEqual(notify(decide(adminCase()), '2025-05-06T10:00', 'admin_detention', {}, '').evaluate(rule, LATER), { alerts: [], timers: [] });
    for (const at of ['2025-05-07T07:59', '2025-05-07T08:00']) {
      assert.deepEqual(lines(notify(decide(adminCase()), at, 'admin_detention', {}, '').evaluate(rule, LATER)), [`warning resolved S3 raised ${z('2025-05-07T02:00')} due ${z('2025-05-07T08:00')} resolved ${z(at)}`]);
    }
    assert.deepEqual(lines(notify(decide(adminCase()), '2025-05-07T08:01', 'admin_detention', {}, '').evaluate(rule, LATER)), [`overdue complied_late S3 raised ${z('2025-05-07T02:00')} due ${z('2025-05-07T08:00')} resolved ${z('2025-05-07T08:01')}`]);
  });

  it('accepts a notice impossible with its reason, never "hinders the investigation"', () => {
    assert.deepEqual(notify(decide(adminCase()), '2025-05-06T10:00', 'admin_detention', { exception: 'unreachable', reason: '家属电话停机' }, '').evaluate(rule, LATER).alerts, []);
    const r = notify(decide(adminCase()), '2025-05-06T10:00', 'admin_detention', { exception: 'hinder_investigation', reason: '同案未到案' }, '').evaluate(rule, LATER);
    assert.deepEqual(lines(r), [`overdue open S3 raised ${z('2025-05-07T02:00')} due ${z('2025-05-07T08:00')}`, `violation open S3 raised ${z('2025-05-06T10:00')}`]);
  });

  it('is not moved by a holiday (hour limit)', () => {
    const r = decide(adminCase(), '2025-10-01T10:00').evaluate(rule, t('2025-10-03T00:00'));
    assert.deepEqual(lines(r), [`overdue open S3 raised ${z('2025-10-02T04:00')} due ${z('2025-10-02T10:00')}`]);
  });

  it('reads the notice window from the parameters', () => {
    const g = notify(decide(adminCase()), '2025-05-06T20:01', 'admin_detention', {}, '');
    assert.equal(g.evaluate(rule, LATER, { params: { ADMIN_DETENTION_NOTIFY_FAMILY: { noticeHours: 12 } } }).alerts[0].level, 'overdue');
  });

  it('does not apply when detention is not executed (依法不执行)', () => {
    assert.deepEqual(decide(adminCase(), START, false).evaluate(rule, LATER).alerts, []);
  });
});

describe('ADMIN_DETENTION_EXEMPT_PERSON', () => {
  const rule = ADMIN_DETENTION_EXEMPT_PERSON;
  const decide = (g: GroupBuilder, at = START, attrs: Record<string, string | boolean> = {}, id = 'd1') =>
    g.event(id, 'person.admin_detention_decided', t(at), { days: 5, execute: true, ...attrs }, { subject: P1, case: CASE, approver: 'officer:L1' });
  const jail = (g: GroupBuilder, at = '2025-05-06T12:00', unit = 'unit:JAIL') => g.event('j1', 'person.jailed', t(at), {}, { subject: P1, unit });
  const LATER = t('2025-05-09T00:00');
  const s1 = [`violation open S1 raised ${z(START)}`];
  const s3 = [`violation open S3 raised ${z(START)}`];
  const run = (g: GroupBuilder) => lines(g.evaluate(rule, LATER));

  it('raises nothing for an adult of 18 to 69', () => {
    assert.deepEqual(run(decide(adminCase({ birth_date: '2007-05-06' }))), []);
    assert.deepEqual(run(decide(adminCase({ birth_date: '1955-05-07' }))), []);
  });

  it('flags ages 14 to under 16, and under 14', () => {
    const r = decide(adminCase({ birth_date: '2010-01-01' })).evaluate(rule, LATER);
    assert.deepEqual(lines(r), s1);
    assert.match(r.alerts[0].message['zh-CN'], /已满14周岁不满16周岁（15周岁）/);
    assert.match(decide(adminCase({ birth_date: '2012-01-01' })).evaluate(rule, LATER).alerts[0].message['zh-CN'], /未满14周岁/);
  });

  it('takes the age at the case’s occurred_at, else at the decision', () => {
    // 16 at the decision, 15 when the act happened.
    assert.deepEqual(run(decide(adminCase({ birth_date: '2009-05-01' }, { occurred_at: t('2025-04-30T20:00') }))), s1);
    assert.deepEqual(run(decide(adminCase({ birth_date: '2009-05-01' }), START, { first_violation: false })), []);
    assert.deepEqual(run(decide(adminCase({ birth_date: '2009-05-06' }), START, { first_violation: false })), []);
    assert.deepEqual(run(decide(adminCase({ birth_date: '2009-05-07' }), START, { first_violation: false })), s1);
  });

  it('decides ages 16 to under 18 by first_violation; unknown is S3 "cannot decide"', () => {
    const born = { birth_date: '2008-06-01' };
    assert.deepEqual(run(decide(adminCase(born), START, { first_violation: true })), s1);
    assert.deepEqual(run(decide(adminCase(born), START, { first_violation: false })), []);
    const r = decide(adminCase(born)).evaluate(rule, LATER);
    assert.deepEqual(lines(r), s3);
    assert.match(r.alerts[0].message['zh-CN'], /无法判断/);
  });

  it('flags 70 and over, pregnancy and nursing', () => {
    assert.deepEqual(run(decide(adminCase({ birth_date: '1955-05-06' }))), s1);
    assert.deepEqual(run(decide(adminCase({ gender: 'female', pregnant: true }))), s1);
    assert.deepEqual(run(decide(adminCase({ gender: 'female', nursing: true }))), s1);
    // Pregnancy recorded only after the decision does not count at the decision.
    assert.deepEqual(run(decide(adminCase({ pregnant: [['2025-05-07T00:00:00+08:00', true]] }))), []);
  });

  it('triggers on admission to a 拘留所 without an executed decision, once with one', () => {
    const notExecuted = jail(decide(adminCase({ birth_date: '2010-01-01' }), START, { execute: false }));
    const r = notExecuted.evaluate(rule, LATER);
    assert.deepEqual(lines(r), [`violation open S1 raised ${z('2025-05-06T12:00')}`]);
    assert.equal(r.alerts[0].triggerEventId, 'j1');
    assert.deepEqual(jail(decide(adminCase({ birth_date: '2010-01-01' }))).evaluate(rule, LATER).alerts.map((a) => a.triggerEventId), ['d1']);
    assert.deepEqual(run(jail(adminCase({ birth_date: '2010-01-01' }), START, 'unit:KSS')), []);
    assert.deepEqual(run(decide(adminCase({ birth_date: '2010-01-01' }), START, { execute: false })), []);
  });

  it('judges the admission when the person became exempt after an executed decision, without repeating the decision’s finding', () => {
    const pregnantFrom = (at: string) => adminCase({ gender: 'female', pregnant: [['1970-01-01T00:00:00Z', false], [t(at), true]] });
    const r = jail(decide(pregnantFrom('2025-05-06T11:59'))).evaluate(rule, LATER);
    assert.deepEqual(lines(r), [`violation open S1 raised ${z('2025-05-06T12:00')}`]);
    assert.equal(r.alerts[0].triggerEventId, 'j1');
    assert.deepEqual(r.alerts[0].evidenceEventIds.includes('d1'), true);
    assert.match(r.alerts[0].message['zh-CN'], /怀孕/);
    assert.deepEqual(run(jail(decide(pregnantFrom('2025-05-06T12:01')))), []);
    // Pregnant at both: one alert, at the decision.
    assert.deepEqual(jail(decide(adminCase({ gender: 'female', pregnant: true }))).evaluate(rule, LATER).alerts.map((a) => a.triggerEventId), ['d1']);
    // 16 with no first_violation at the decision (S3), pregnant by admission (S1): both are raised.
    const both = jail(decide(adminCase({ birth_date: '2008-06-01', gender: 'female', pregnant: [['1970-01-01T00:00:00Z', false], [t('2025-05-06T10:00'), true]] })));
    assert.deepEqual(both.evaluate(rule, LATER).alerts.map((a) => `${a.triggerEventId} ${a.severity}`).sort(), ['d1 S3', 'j1 S1']);
  });

  it('under the 2025 law (from 2026) cannot decide juvenile cases, still flags the elderly and under-14s', () => {
    const at = '2026-02-03T10:00';
    const juvenile = decide(adminCase({ birth_date: '2011-01-01' }), at).evaluate(rule, t('2026-02-04T00:00'));
    assert.deepEqual(lines(juvenile), [`violation open S3 raised ${z(at)}`]);
    assert.equal(juvenile.alerts[0].ruleVersion, 2);
    assert.match(juvenile.alerts[0].message['zh-CN'], /新法规定情节严重或多次违法的可以执行/);
    assert.deepEqual(lines(decide(adminCase({ birth_date: '1950-01-01' }), at).evaluate(rule, t('2026-02-04T00:00'))), [`violation open S1 raised ${z(at)}`]);
    assert.deepEqual(lines(decide(adminCase({ birth_date: '2013-01-01' }), at).evaluate(rule, t('2026-02-04T00:00'))), [`violation open S1 raised ${z(at)}`]);
    // A bureau may set the 2012 reading back.
    const strict = decide(adminCase({ birth_date: '2011-01-01' }), at).evaluate(rule, t('2026-02-04T00:00'), { params: { ADMIN_DETENTION_EXEMPT_PERSON: { juvenileSeriousCaseExecutable: false } } });
    assert.deepEqual(lines(strict), [`violation open S1 raised ${z(at)}`]);
  });

  it('raises nothing without a birth date or flags', () => {
    const g = new GroupBuilder(CASE).object(CASE, { kind: 'administrative' }).object(P1, { role: 'suspect' }, { case: CASE });
    assert.deepEqual(run(decide(g)), []);
  });
});
