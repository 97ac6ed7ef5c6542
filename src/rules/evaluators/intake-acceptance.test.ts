import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { GroupBuilder } from '../engine/group-builder.js';
import { ADMIN_ACCEPT_REVIEW_24H, INTAKE_FORM_AND_RECEIPT, INTAKE_TRANSFER_24H } from './intake-acceptance.js';
import { alertOf, state, T, timersOf } from './intake-testing.js';

const CASE = 'case:C1';
const INC = 'incident:J1';
type Settings = Parameters<GroupBuilder['evaluate']>[2];

/** A case accepted 2025-05-06 10:00 with its form, and a victim who reported it. */
function acceptedCase(kind = 'criminal', opts: { form?: boolean; victim?: boolean } = {}): GroupBuilder {
  const g = new GroupBuilder(CASE)
    .object(CASE, { kind, category: '050200' }, { unit: 'unit:S1' })
    .object('person:S', { role: 'suspect' }, { case: CASE });
  if (opts.victim !== false) g.object('person:V', { role: 'victim' }, { case: CASE });
  if (opts.form !== false) g.object('document:F', { doc_type: '受案登记表' }, { case: CASE });
  return g.event('acc', 'case.accepted', T('2025-05-06T10:00'), {}, { case: CASE, incident: INC, unit: 'unit:S1', ...(opts.form !== false ? { document: 'document:F' } : {}) });
}

const receipt = (g: GroupBuilder, at: string, to = 'person:V', extra: Record<string, string> = {}) =>
  g.event(`r-${at}`, 'notice.served', T(at), { notice_type: 'acceptance_receipt', ...extra }, { case: CASE, ...(to ? { subject: to } : {}) });

describe('INTAKE_FORM_AND_RECEIPT', () => {
  const run = (g: GroupBuilder, asOf = '2025-05-09T00:00', settings?: Settings) => g.evaluate(INTAKE_FORM_AND_RECEIPT, T(asOf), settings);

  it('complies with the form made at acceptance and the receipt served minutes later', () => {
    const r = run(receipt(acceptedCase(), '2025-05-06T10:05'));
    assert.deepEqual(r.alerts, []);
    assert.deepEqual(r.timers, []);
  });

  it('complies with a receipt at exactly 24 h (after the warning) and is late one minute after', () => {
    assert.equal(state(alertOf(run(receipt(acceptedCase(), '2025-05-07T10:00')), 'receipt')),
      'warning resolved due 2025-05-07T10:00 raised 2025-05-07T04:00 resolved 2025-05-07T10:00');
    const late = alertOf(run(receipt(acceptedCase(), '2025-05-07T10:01')), 'receipt')!;
    assert.equal(state(late), 'overdue complied_late due 2025-05-07T10:00 raised 2025-05-07T04:00 resolved 2025-05-07T10:01');
    assert.equal(late.severity, 'S3');
    assert.deepEqual(late.subject, { type: 'case', id: CASE });
  });

  it('raises the missing form on its own, and accepts a form filed later in time', () => {
    const noForm = acceptedCase('criminal', { form: false });
    const r = run(receipt(noForm, '2025-05-06T10:05'));
    assert.equal(state(alertOf(r, 'form')), 'overdue open due 2025-05-07T10:00 raised 2025-05-07T04:00 resolved -');
    assert.equal(alertOf(r, 'receipt'), undefined);
    const filed = receipt(acceptedCase('criminal', { form: false }), '2025-05-06T10:05')
      .object('document:F', { doc_type: '受案登记表' }, { case: CASE })
      .event('df', 'document.filed', T('2025-05-06T20:00'), {}, { document: 'document:F', case: CASE });
    assert.deepEqual(run(filed).alerts, []);
  });

  it('does not count a receipt served on the suspect', () => {
    const r = run(receipt(acceptedCase(), '2025-05-06T10:05', 'person:S'));
    const a = alertOf(r, 'receipt')!;
    assert.equal(state(a), 'overdue open due 2025-05-07T10:00 raised 2025-05-07T04:00 resolved -');
    assert.deepEqual(a.evidenceEventIds, ['r-2025-05-06T10:05'], 'the receipt that did not count is shown');
  });

  it('accepts an undeliverable receipt with its reason, not without one', () => {
    const noted = receipt(acceptedCase(), '2025-05-06T12:00', '', { exception: 'recipient_unreachable', reason: '报案人电话关机，上门未遇' });
    assert.deepEqual(run(noted).alerts, []);
    const bare = receipt(acceptedCase(), '2025-05-06T12:00', 'person:V', { exception: 'refused' });
    assert.equal(alertOf(run(bare), 'receipt')?.status, 'open');
  });

  it('needs no receipt in a case nobody reported', () => {
    assert.deepEqual(run(acceptedCase('criminal', { victim: false })).alerts, []);
  });

  it('applies to administrative cases and reads the grace period from its parameter [D]', () => {
    const g = acceptedCase('administrative');
    assert.equal(alertOf(run(g, '2025-05-07T09:00'), 'receipt')?.level, 'warning');
    const r = run(g, '2025-05-07T09:00', { params: { INTAKE_FORM_AND_RECEIPT: { graceHours: 48 } } });
    assert.deepEqual(r.alerts, []);
    assert.deepEqual(timersOf(r), ['warn 2025-05-07T22:00:00.000']);
  });

  it('is not triggered before the acceptance or outside a case', () => {
    assert.deepEqual(run(acceptedCase(), '2025-05-06T09:00').alerts, []);
    const incidentOnly = new GroupBuilder(INC).event('acc', 'case.accepted', T('2025-05-06T10:00'), {}, { case: CASE, incident: INC });
    assert.deepEqual(run(incidentOnly).alerts, []);
  });
});

describe('INTAKE_TRANSFER_24H', () => {
  const withReporter = (g: GroupBuilder) => g.object('person:R', { role: 'reporter' }, { case: CASE, incident: INC });
  /** An administrative case accepted 05-06 10:00, transferred at `at`, with the transfer notice document. */
  const transferred = (at: string, doc = true) => {
    const g = withReporter(new GroupBuilder(CASE).object(CASE, { kind: 'administrative' }, { unit: 'unit:S1' }))
      .event('acc', 'case.accepted', T('2025-05-06T10:00'), {}, { case: CASE, unit: 'unit:S1' });
    if (doc) g.object('document:T', { doc_type: '移送案件通知书' }, { case: CASE });
    return g.event('tr', 'case.transferred', T(at), {}, { case: CASE, target_unit: 'unit:X', ...(doc ? { document: 'document:T' } : {}) });
  };
  const told = (g: GroupBuilder, at: string, to = 'person:R') =>
    g.event(`n-${at}`, 'notice.served', T(at), { notice_type: 'transfer_notice' }, { case: CASE, subject: to });
  const run = (g: GroupBuilder, asOf = '2025-05-10T00:00', settings?: Settings) => g.evaluate(INTAKE_TRANSFER_24H, T(asOf), settings);

  it('complies with a transfer and its notice within hours of acceptance', () => {
    assert.deepEqual(run(told(transferred('2025-05-06T20:00'), '2025-05-06T21:00')).alerts, []);
  });

  it('complies at exactly 24 h after acceptance and is late one minute after', () => {
    assert.equal(state(alertOf(run(told(transferred('2025-05-07T10:00'), '2025-05-07T11:00')), 'transfer')),
      'warning resolved due 2025-05-07T10:00 raised 2025-05-07T04:00 resolved 2025-05-07T10:00');
    const late = alertOf(run(told(transferred('2025-05-07T10:01'), '2025-05-07T11:00')), 'transfer')!;
    assert.equal(state(late), 'overdue complied_late due 2025-05-07T10:00 raised 2025-05-07T04:00 resolved 2025-05-07T10:01');
    assert.deepEqual(late.evidenceEventIds, ['acc', 'tr']);
  });

  it('keeps the transfer open while its 移送案件通知书 is missing', () => {
    const r = run(told(transferred('2025-05-06T20:00', false), '2025-05-06T21:00'));
    assert.equal(state(alertOf(r, 'transfer')), 'overdue open due 2025-05-07T10:00 raised 2025-05-07T04:00 resolved -');
  });

  it('runs the reporter notice from the transfer, its hours a parameter [D]', () => {
    const g = transferred('2025-05-06T20:00');
    assert.equal(state(alertOf(run(g), 'notice')), 'overdue open due 2025-05-07T20:00 raised 2025-05-07T14:00 resolved -');
    assert.equal(state(alertOf(run(told(transferred('2025-05-06T20:00'), '2025-05-07T20:01')), 'notice')),
      'overdue complied_late due 2025-05-07T20:00 raised 2025-05-07T14:00 resolved 2025-05-07T20:01');
    const r = run(told(transferred('2025-05-06T20:00'), '2025-05-07T20:01'), undefined, { params: { INTAKE_TRANSFER_24H: { reporterNoticeHours: 48 } } });
    assert.equal(alertOf(r, 'notice'), undefined);
    assert.equal(alertOf(run(told(transferred('2025-05-06T20:00'), '2025-05-06T21:00', 'person:X')), 'notice')?.status, 'open');
  });

  it('leaves a transfer after filing to the after-filing rule', () => {
    const g = new GroupBuilder(CASE).object(CASE, { kind: 'criminal' }, { unit: 'unit:S1' })
      .event('acc', 'case.accepted', T('2025-05-06T10:00'), {}, { case: CASE })
      .event('fil', 'case.filed', T('2025-05-06T12:00'), {}, { case: CASE })
      .event('tr', 'case.transferred', T('2025-05-09T10:00'), {}, { case: CASE, target_unit: 'unit:X' });
    assert.deepEqual(run(g, '2025-05-12T00:00').alerts, []);
  });

  it('judges a referral of an incident to another authority from its registration', () => {
    const g = new GroupBuilder(INC).object(INC, { channel: 'walk_in', category: '600300', urgent: false })
      .object('person:R', { role: 'reporter' }, { incident: INC })
      .event('rcv', 'incident.received', T('2025-05-06T08:00'), {}, { incident: INC })
      .event('reg', 'incident.registered', T('2025-05-06T09:00'), {}, { incident: INC })
      .event('ref', 'incident.referred', T('2025-05-07T09:30'), { route: 'other_authority' }, { incident: INC, target_unit: 'unit:X' });
    const r = run(g);
    const a = alertOf(r, 'transfer')!;
    assert.equal(state(a), 'overdue open due 2025-05-07T09:00 raised 2025-05-07T03:00 resolved -', 'no 移送案件通知书 yet');
    assert.deepEqual(a.subject, { type: 'incident', id: INC });
    assert.equal(alertOf(r, 'notice')?.level, 'overdue');
    // Without a registration the report's receipt is the anchor; other routes are not transfers.
    g.without('reg');
    assert.equal(alertOf(run(g), 'transfer')?.dueAt, new Date(T('2025-05-07T08:00')).toISOString());
    const dup = new GroupBuilder(INC).event('ref', 'incident.referred', T('2025-05-07T09:30'), { route: 'duplicate' }, { incident: INC });
    assert.deepEqual(run(dup).alerts, []);
  });
});

describe('ADMIN_ACCEPT_REVIEW_24H', () => {
  /** A report registered on Sunday 2025-09-28 (a working day) and closed as 治安. */
  const registered = (nature = 'public_order', category = '200100') => new GroupBuilder(INC)
    .object(INC, { channel: 'online', category, urgent: false })
    .event('reg', 'incident.registered', T('2025-09-28T10:00'), {}, { incident: INC })
    .event('cl', 'incident.closed', T('2025-09-28T10:30'), { nature }, { incident: INC });
  const accept = (g: GroupBuilder, at: string) => g.event('acc', 'case.accepted', T(at), {}, { case: CASE, incident: INC });
  const approve = (g: GroupBuilder, at: string, limit = 'P3D') =>
    g.event('ap', 'approval.granted', T(at), { for: 'accept_review', new_limit: limit, level: 'department', reason: 'complex' }, { approver: 'officer:L' });
  const run = (g: GroupBuilder, asOf = '2025-10-12T00:00', settings?: Settings) => g.evaluate(ADMIN_ACCEPT_REVIEW_24H, T(asOf), settings);

  it('complies with an acceptance within hours', () => {
    assert.deepEqual(run(accept(registered(), '2025-09-28T12:00')).alerts, []);
  });

  it('complies at 24 h, is late one minute after, and overdue while undecided', () => {
    assert.equal(state(alertOf(run(accept(registered(), '2025-09-29T10:00')))), 'warning resolved due 2025-09-29T10:00 raised 2025-09-29T04:00 resolved 2025-09-29T10:00');
    assert.equal(state(alertOf(run(accept(registered(), '2025-09-29T10:01')))), 'overdue complied_late due 2025-09-29T10:00 raised 2025-09-29T04:00 resolved 2025-09-29T10:01');
    assert.equal(state(alertOf(run(registered()))), 'overdue open due 2025-09-29T10:00 raised 2025-09-29T04:00 resolved -');
  });

  it('counts a referral as the decision', () => {
    const g = registered().event('ref', 'incident.referred', T('2025-09-28T15:00'), { route: 'not_police_matter' }, { incident: INC });
    assert.deepEqual(run(g).alerts, []);
  });

  it('extends to 3 days with an approval in time; National Day moves the last day to 10-09', () => {
    const g = approve(registered(), '2025-09-29T09:00');
    const waiting = run(g, '2025-10-05T00:00');
    assert.deepEqual(waiting.alerts, []);
    assert.deepEqual(timersOf(waiting), ['warn 2025-10-09T00:00:00.000']);
    const r = run(accept(approve(registered(), '2025-09-29T09:00'), '2025-10-09T23:59'));
    assert.equal(state(alertOf(r)), 'warning resolved due 2025-10-10T00:00 raised 2025-10-09T00:00 resolved 2025-10-09T23:59');
    assert.match(alertOf(r)!.message['zh-CN'], /经批准3日内/);
    assert.equal(state(alertOf(run(accept(approve(registered(), '2025-09-29T09:00'), '2025-10-10T00:00')))),
      'overdue complied_late due 2025-10-10T00:00 raised 2025-10-09T00:00 resolved 2025-10-10T00:00');
  });

  it('accepts an approval at the last instant of 24 h, not one after; caps longer grants at 3 days', () => {
    assert.equal(alertOf(run(approve(registered(), '2025-09-29T10:00'), '2025-10-05T00:00')), undefined);
    assert.equal(state(alertOf(run(approve(registered(), '2025-09-29T10:01'), '2025-10-05T00:00'))), 'overdue open due 2025-09-29T10:00 raised 2025-09-29T04:00 resolved -');
    assert.equal(alertOf(run(approve(registered(), '2025-09-29T09:00', 'P7D')))?.dueAt, new Date(T('2025-10-10T00:00')).toISOString());
    assert.equal(alertOf(run(approve(registered(), '2025-09-29T09:00', 'PT72H')))?.dueAt, new Date(T('2025-09-29T10:00')).toISOString(), 'hour grants are not this tier');
  });

  it('takes the incident as 治安 from its category [D] or from an administrative case', () => {
    const dispute = registered('dispute', '200200');
    assert.deepEqual(run(dispute).alerts, []);
    assert.equal(alertOf(run(dispute, undefined, { params: { ADMIN_ACCEPT_REVIEW_24H: { publicOrderCategoryPrefixes: '2002' } } }))?.level, 'overdue');
    const adminCase = new GroupBuilder(CASE).object(CASE, { kind: 'administrative' }, { unit: 'unit:S1' })
      .event('reg', 'incident.registered', T('2025-09-28T10:00'), {}, { incident: INC })
      .event('acc', 'case.accepted', T('2025-09-29T11:00'), {}, { case: CASE, incident: INC });
    assert.equal(state(alertOf(run(adminCase))), 'overdue complied_late due 2025-09-29T10:00 raised 2025-09-29T04:00 resolved 2025-09-29T11:00');
    adminCase.object(CASE, { kind: 'criminal' }, { unit: 'unit:S1' });
    assert.deepEqual(run(adminCase).alerts, [], 'a criminal case of an incident of unknown nature');
  });

  it('is not triggered by criminal incidents or without a registration', () => {
    assert.deepEqual(run(registered('criminal', '100100')).alerts, []);
    assert.deepEqual(run(registered().without('reg')).alerts, []);
  });
});
