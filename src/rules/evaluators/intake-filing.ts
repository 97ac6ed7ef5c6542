import type { Period } from '../../legal-time/deadline.js';
import { deadlineFinding, L, P, violation, type RuleContext, type RuleEvaluator } from '../engine/context.js';
import { duration, localTime } from '../engine/explain.js';
import { approvals, caseIdOf, caseKind, heldOnLastDay, kindChangedAt, levelAtLeast, personsWithRole } from '../engine/facts.js';
import type { Finding } from '../engine/finding.js';
import { type Ev, type Snapshot, target, targets } from '../engine/snapshot.js';
import { beforeLimitPassed, defined, earliest, firstAtOrAfter, noticesOfType, periodEnd } from './intake-common.js';

/**
 * Criminal filing (立案), catalogue §6 and interchange §10.1: the 3/7/30-day filing review, no
 * coercion before filing, the non-filing notice and the procuratorate's filing supervision.
 */
const caseSubject = (id: string) => ({ type: 'case' as const, id });

/** §9.1: a case-level period is custodial if a suspect is held on its (unshifted) last day. */
const custodialPeriod = (s: Snapshot, ctx: RuleContext, start: Date, period: Period): boolean => heldOnLastDay(s, ctx.calendar, start, period);

/**
 * The base review limit by case category: "prefix=days" pairs [D] for limits set by other rules
 * (e.g. economic crimes); the longest matching prefix wins; 3 days otherwise.
 */
function baseFilingDays(s: Snapshot, ctx: RuleContext, at: Date): number {
  const category = s.attr(caseIdOf(s), 'category') ?? '';
  let best = { prefix: '', days: 3 };
  for (const pair of String(ctx.param('overrideTable', at)).split(',')) {
    const [prefix, days] = pair.split('=').map((x) => x.trim());
    const n = Number(days);
    if (prefix && Number.isInteger(n) && n > 0 && category.startsWith(prefix) && prefix.length > best.prefix.length) best = { prefix, days: n };
  }
  return best.days;
}

/**
 * The filing-review limit: the base limit, extended by `filing_review` approvals granted before
 * the running limit passed — up to 7 days to check a lead (reason `lead_check`, or unknown), up
 * to 30 days with county-level approval (which also covers the 7-day tier).
 */
function filingReviewLimit(s: Snapshot, ctx: RuleContext, start: Date): { period: Period; approval?: Ev } {
  let period = P(baseFilingDays(s, ctx, start), 'd');
  let approval: Ev | undefined;
  for (const a of approvals(s, 'filing_review')) {
    if (a.event.time < start || a.newLimit?.unit !== 'd') continue;
    const county = levelAtLeast(a.level, 'county');
    const leadCheck = a.reason === undefined || a.reason === 'lead_check';
    const days = Math.min(a.newLimit.amount, county ? 30 : leadCheck ? 7 : 0);
    if (days <= period.amount) continue;
    const running = periodEnd(ctx, start, period, custodialPeriod(s, ctx, start, period));
    if (!beforeLimitPassed(a.event.time, running, period)) continue; // too late to cure (§8.4)
    period = P(days, 'd');
    approval = a.event;
  }
  return { period, approval };
}

export const CRIM_FILING_REVIEW_3_7_30D: RuleEvaluator = {
  ruleId: 'CRIM_FILING_REVIEW_3_7_30D',
  evaluate: (s, ctx) => {
    const caseId = caseIdOf(s);
    const accepted = s.ofType('case.accepted')[0];
    if (!caseId || !accepted) return [];
    // The kind at acceptance (§10.1), not as of T. A 治安 case converted to criminal is in effect
    // accepted as criminal then: the review runs from the conversion (the first moment a filing
    // decision is due). A criminal case turned administrative ends the duty at that instant.
    const kindThen = caseKind(s, accepted.time);
    const changed = kindChangedAt(s, caseId, accepted.time);
    const now = caseKind(s);
    const convertedAt = kindThen === 'administrative' && now === 'criminal' ? changed : undefined;
    if (kindThen !== 'criminal' && !convertedAt) return [];
    const endedAt = kindThen === 'criminal' && now === 'administrative' ? changed : undefined;
    const start = convertedAt ?? accepted.time;
    const { period, approval } = filingReviewLimit(s, ctx, start);
    // An administrative 立案 (APL art.60) before the conversion is no criminal filing decision.
    const decided = firstAtOrAfter(s.ofType('case.filed', 'case.not_filed'), convertedAt ?? new Date(0));
    const byConversion = endedAt && (!decided || decided.time > endedAt);
    const n = period.amount;
    const duty = convertedAt
      ? L(`治安案件转为刑事案件后${n}日内作出是否立案的决定`, `Decide on filing within ${n} days of its conversion to a criminal case`)
      : L(`刑事案件受案后${n}日内作出是否立案的决定`, `Decide on filing a criminal case within ${n} days of acceptance`);
    const f = deadlineFinding(ctx, {
      subject: caseSubject(caseId), trigger: accepted, start, period, custodial: custodialPeriod(s, ctx, start, period),
      duty: byConversion ? L(`${duty['zh-CN']}（转为行政案件时终止）`, `${duty.en} (ended when the case became administrative)`) : duty,
      compliedBy: byConversion ? undefined : decided, compliedAt: byConversion ? endedAt : undefined, evidence: approval ? [approval] : [],
    });
    return f ? [f] : [];
  },
};

/** Coercive measures, seizures and freezes that MPS-C art.174 and PROP2015 forbid before filing. */
const COERCIVE = ['person.summoned', 'person.detained', 'person.bail_started', 'person.rsdl_started', 'item.seized', 'item.frozen'];
const isCoercive = (e: Ev) => e.type !== 'person.summoned' || e.attrs.measure === 'criminal_summons' || e.attrs.measure === 'forced_summons';

export const CRIM_PREFILING_NO_COERCION: RuleEvaluator = {
  ruleId: 'CRIM_PREFILING_NO_COERCION',
  evaluate: (s, ctx) => {
    const caseId = caseIdOf(s);
    if (!caseId) return [];
    const filed = s.ofType('case.filed')[0];
    const accepted = s.ofType('case.accepted')[0];
    return s.ofType(...COERCIVE).filter(isCoercive).flatMap((e) => {
      // The kind the case had when the measure was taken (an administrative case may turn criminal later).
      const kind = caseKind(s, e.time);
      const criminal = kind === 'criminal';
      if (!criminal && !(kind === 'administrative' && e.type === 'item.seized')) return [];
      const basis = criminal ? filed : accepted;
      if (basis && basis.time.getTime() <= e.time.getTime()) return []; // instants, not dates (§13)
      const stage = criminal ? L('立案', 'filing') : L('受案', 'acceptance');
      const reason = basis
        ? L(`${localTime(e.time)}采取措施，早于${stage['zh-CN']}（${localTime(basis.time)}）${duration(basis.time.getTime() - e.time.getTime())['zh-CN']}`,
          `taken at ${localTime(e.time)}, ${duration(basis.time.getTime() - e.time.getTime()).en} before ${stage.en} (${localTime(basis.time)})`)
        : L(`${localTime(e.time)}采取措施时尚未${stage['zh-CN']}`, `taken at ${localTime(e.time)} with no ${stage.en} yet`);
      const item = target(e, 'item');
      const person = target(e, 'subject');
      const f = violation(ctx, {
        subject: item ? { type: 'item', id: item } : person ? { type: 'person', id: person } : caseSubject(caseId),
        trigger: e, evidence: basis ? [basis] : [],
        duty: criminal
          ? L('立案前不得采取强制措施，不得查封、扣押、冻结财物', 'No coercive measure, seizure or freeze before a criminal case is filed')
          : L('行政案件受案前不得扣押、查封财物', 'No seizure before an administrative case is accepted'),
        reason: targets(e, 'item').length > 1 ? L(`${reason['zh-CN']}（涉及${targets(e, 'item').length}件财物）`, `${reason.en} (${targets(e, 'item').length} items)`) : reason,
      });
      return f ? [f] : [];
    });
  },
};

export const CRIM_NOT_FILE_NOTICE_3D: RuleEvaluator = {
  ruleId: 'CRIM_NOT_FILE_NOTICE_3D',
  evaluate: (s, ctx) => {
    if (caseKind(s) !== 'criminal') return [];
    return s.ofType('case.not_filed').flatMap((decision) =>
      personsWithRole(s, 'complainant').map((person) => deadlineFinding(ctx, {
        subject: { type: 'person', id: person }, trigger: decision, period: P(3, 'd'), custodial: false,
        duty: L('决定不予立案后3日内向控告人送达不予立案通知书', 'Serve the non-filing notice on the complainant within 3 days'),
        compliedBy: firstAtOrAfter(noticesOfType(s, 'not_file_notice'), decision.time, (n) =>
          targets(n, 'subject').includes(person) && (!n.attrs.exception || Boolean(n.attrs.reason?.trim()))),
      })).filter(defined));
  },
};

/** What each supervision step asks and by when (MPS-C art.182–183; CPL art.113). */
function supervisionDuties(s: Snapshot, ctx: RuleContext, e: Ev): Array<{ part: string; days: number; duty: ReturnType<typeof L>; done?: Ev }> {
  const after = (...types: string[]) => firstAtOrAfter(s.ofType(...types), e.time);
  switch (e.type) {
    case 'procuratorate.inquired':
      return [{ part: 'explanation', days: 7, duty: L('检察院要求说明立案或不立案理由的，7日内书面说明', 'Explain the (non-)filing to the procuratorate in writing within 7 days'), done: after('case.explanation_sent') }];
    case 'procuratorate.ordered_filing': {
      const days = ctx.num('filingDays', e.time);
      const procuratorate = target(e, 'unit');
      return [
        { part: 'filing', days, duty: L(`检察院通知立案的，${days}日内立案`, `File the case within ${days} days of the procuratorate’s order`), done: after('case.filed') },
        {
          part: 'copy', days, duty: L(`检察院通知立案的，${days}日内将立案决定书复印件送达该检察院`, `Send that procuratorate a copy of the filing decision within ${days} days`),
          done: firstAtOrAfter(noticesOfType(s, 'filing_decision_copy'), e.time, (n) => !!procuratorate && targets(n, 'target_unit').includes(procuratorate)),
        },
      ];
    }
    default: {
      const days = ctx.num('revocationDays', e.time);
      return [{
        part: 'revocation', days, duty: L(`检察院通知撤案的，${days}日内撤销案件或提出异议`, `Withdraw the case, or object, within ${days} days of the procuratorate’s order`),
        done: earliest(after('case.revoked'), after('case.explanation_sent')),
      }];
    }
  }
}

export const CRIM_PROCURATORATE_FILING_SUPERVISION: RuleEvaluator = {
  ruleId: 'CRIM_PROCURATORATE_FILING_SUPERVISION',
  evaluate: (s, ctx) => {
    const caseId = caseIdOf(s);
    if (!caseId || caseKind(s) !== 'criminal') return [];
    return s.ofType('procuratorate.inquired', 'procuratorate.ordered_filing', 'procuratorate.ordered_revocation').flatMap((e) =>
      supervisionDuties(s, ctx, e).map((d) => deadlineFinding(ctx, {
        subject: caseSubject(caseId), trigger: e, part: d.part, period: P(d.days, 'd'), custodial: false, duty: d.duty, compliedBy: d.done,
      })).filter(defined));
  },
};
