import { computeDeadline, type Period } from '../../legal-time/deadline.js';
import { deadlineFinding, L, P, violation, type RuleContext, type RuleEvaluator } from '../engine/context.js';
import { localTime } from '../engine/explain.js';
import { heldAt } from '../engine/facts.js';
import type { Finding } from '../engine/finding.js';
import { type Ev, type Snapshot, target, targets } from '../engine/snapshot.js';
import { custodialOnLastDay, doneOrLeftCustody, firstAtOrAfter, heldIntervalAt, intervalStartedBy, LEAVES_CUSTODY, personSubject } from './custody-common.js';
import { approvedLimit, custodyLimit } from './custody-limits.js';
import { arrestRequestLimit, familyNotice } from './detention.js';

/**
 * Arrest (逮捕), catalogue §7a, interchange §10.1: the procuratorate's review clock, release on
 * denial, family notice and interrogation after arrest, and the investigative custody limit.
 */
const withSubject = (events: Ev[]): Array<[Ev, string]> => events.flatMap((e) => {
  const person = target(e, 'subject');
  return person ? [[e, person] as [Ev, string]] : [];
});
const present = (xs: Array<Finding | undefined>): Finding[] => xs.filter((x): x is Finding => !!x);
const earliest = (...events: Array<Ev | undefined>): Ev | undefined =>
  events.filter((e): e is Ev => !!e).sort((a, b) => a.time.getTime() - b.time.getTime())[0];
const DAY_MS = 86_400_000;

/**
 * The review limit of a held suspect: 7 days from the request (custodial), but never past the
 * detention's request limit used + 7 days (CPL art.91: at most 14 or 37 days of detention).
 */
function heldReviewLimit(s: Snapshot, ctx: RuleContext, request: Ev, custodyStart: Ev | undefined): { start: Date; period: Period; evidence: Ev[] } {
  const own = { start: request.time, period: P(7, 'd'), evidence: [] as Ev[] };
  if (!custodyStart) return own;
  const { period, approval } = arrestRequestLimit(s, ctx, custodyStart);
  const cap = { start: custodyStart.time, period: P(period.amount + 7, 'd'), evidence: approval ? [approval] : [] };
  const due = (x: typeof own) => computeDeadline({ trigger: x.start, period: x.period, custodial: true }, ctx.calendar);
  const a = due(own);
  const b = due(cap);
  return a.status === 'ok' && b.status === 'ok' && b.deadline.getTime() < a.deadline.getTime() ? cap : own;
}

export const CRIM_ARREST_DECISION_AWAIT_7D: RuleEvaluator = {
  ruleId: 'CRIM_ARREST_DECISION_AWAIT_7D',
  evaluate: (s, ctx) =>
    withSubject(s.ofType('person.arrest_requested')).flatMap(([request, person]) => {
      const decision = firstAtOrAfter(s.relating(person, 'subject', 'person.arrest_approved', 'person.arrest_denied'), request.time);
      const custody = heldIntervalAt(s, person, request.time);
      const subject = personSubject(person);
      if (custody) {
        const limit = heldReviewLimit(s, ctx, request, custody.kind === 'criminal_detention' ? custody.start : undefined);
        return present([deadlineFinding(ctx, {
          subject, trigger: request, start: limit.start, period: limit.period, custodial: true, evidence: limit.evidence,
          duty: L('在押嫌疑人提请批准逮捕后7日内应作出批捕决定，否则释放或变更强制措施', 'A held suspect gets the arrest decision within 7 days of the request, or is released or the measure changed'),
          compliedBy: earliest(decision, custody.end),
        })]);
      }
      // Not held: 15 days, 20 with an `arrest_review` approval (SPP art.282); no liberty at stake, so S3.
      const limit = approvedLimit(s, ctx, {
        purpose: 'arrest_review', person, start: request.time, base: P(ctx.num('notHeldDays', request.time), 'd'), custodial: false, tiers: [{ max: 20 }],
      });
      const f = deadlineFinding(ctx, {
        subject, trigger: request, period: limit.period, custodial: false, evidence: limit.evidence, compliedBy: decision,
        duty: L(`未羁押嫌疑人提请批准逮捕后${limit.period.amount}日内应作出批捕决定`, `The arrest decision on a suspect not held is made within ${limit.period.amount} days of the request`),
      });
      return f ? [{ ...f, severity: 'S3' as const }] : [];
    }),
};

/** Whether a notice names the person (its recipients or its documents' subjects), or names nobody. */
function concernsPerson(s: Snapshot, notice: Ev, person: string): boolean {
  const named = [...targets(notice, 'subject'), ...targets(notice, 'document').flatMap((d) => s.linked(d, 'subject'))];
  return named.length === 0 || named.includes(person);
}

export const CRIM_ARREST_DENIED_RELEASE: RuleEvaluator = {
  ruleId: 'CRIM_ARREST_DENIED_RELEASE',
  evaluate: (s, ctx) =>
    withSubject(s.ofType('person.arrest_denied')).flatMap(([denial, person]) => {
      const subject = personSubject(person);
      const out: Array<Finding | undefined> = [];
      if (heldAt(s, person, denial.time)) {
        const release = firstAtOrAfter(s.relating(person, 'subject', ...LEAVES_CUSTODY), denial.time);
        out.push(deadlineFinding(ctx, {
          subject, trigger: denial, part: 'release', period: P(ctx.num('releaseHours', denial.time), 'h'), custodial: true, compliedBy: release,
          duty: L('收到不批准逮捕决定后应立即释放或依法变更强制措施', 'On a denial of arrest, the held suspect is released at once or the measure lawfully changed'),
        }));
      }
      const procuratorate = target(denial, 'unit');
      const toProcuratorate = (e: Ev) => targets(e, 'target_unit').some((u) => (procuratorate ? u === procuratorate : s.attr(u, 'kind') === 'procuratorate'));
      const receipt = firstAtOrAfter(s.ofType('notice.served'), denial.time, (e) => e.attrs.notice_type === 'execution_receipt' && toProcuratorate(e) && concernsPerson(s, e, person));
      const period = P(ctx.num('receiptDays', denial.time), 'd');
      const f = deadlineFinding(ctx, {
        subject, trigger: denial, part: 'receipt', period, custodial: custodialOnLastDay(s, ctx, person, denial.time, period), compliedBy: receipt,
        duty: L(`收到不批准逮捕决定后${period.amount}日内将执行回执送达检察院`, `The execution receipt reaches the procuratorate within ${period.amount} days of a denial of arrest`),
      });
      // A late receipt is paperwork (S3), not a deprivation of liberty.
      out.push(f && { ...f, severity: 'S3' });
      return present(out);
    }),
};

export const CRIM_ARREST_NOTIFY_FAMILY_24H: RuleEvaluator = {
  ruleId: 'CRIM_ARREST_NOTIFY_FAMILY_24H',
  evaluate: (s, ctx) =>
    withSubject(s.ofType('person.arrested')).flatMap(([arrest]) => {
      // Only "notice impossible" excuses it; hindering the investigation never does at arrest (§13).
      const allowed = ctx.definition(arrest.time)?.exceptions ?? [];
      return familyNotice(ctx, s, arrest, 'arrest', L('逮捕后24小时内通知被逮捕人家属', 'Notify the family within 24 h of arrest'), (x) => allowed.includes(x));
    }),
};

export const CRIM_ARREST_INTERROGATE_24H: RuleEvaluator = {
  ruleId: 'CRIM_ARREST_INTERROGATE_24H',
  evaluate: (s, ctx) =>
    withSubject(s.ofType('person.arrested')).flatMap(([arrest, person]) => {
      const session = firstAtOrAfter(s.relating(person, 'subject', 'interrogation.started'), arrest.time);
      return present([deadlineFinding(ctx, {
        subject: personSubject(person), trigger: arrest, period: P(24, 'h'), custodial: true, compliedBy: doneOrLeftCustody(s, arrest, session),
        duty: L('逮捕后24小时内进行讯问', 'Interrogate the arrested person within 24 h'),
      })]);
    }),
};

const REQUEST_DUTY = L('延长侦查羁押期限应在期限届满7日前提请检察院批准', 'A custody extension is requested from the procuratorate at least 7 days before expiry');

/** Extension requests less than 7 days before the expiry then in force, and extensions granted with no request (MPS-C art.148). */
function extensionRequestFindings(s: Snapshot, ctx: RuleContext, arrest: Ev, person: string, used: Ev[]): Array<Finding | undefined> {
  const end = intervalStartedBy(s, arrest)?.end;
  const during = (e: Ev) => e.time.getTime() >= arrest.time.getTime() && (!end || e.time.getTime() <= end.time.getTime());
  const requests = s.relating(person, 'subject', 'person.custody_extension_requested').filter(during);
  const out: Array<Finding | undefined> = [];
  for (const r of requests) {
    const inForce = custodyLimit(s, ctx, arrest, r.time);
    const expiry = computeDeadline({ trigger: arrest.time, period: inForce.period, custodial: true, excluded: inForce.excluded }, ctx.calendar);
    if (expiry.status !== 'ok' || r.time.getTime() < expiry.deadline.getTime() - 7 * DAY_MS) continue;
    out.push(violation(ctx, {
      subject: personSubject(person), trigger: r, part: 'request', duty: REQUEST_DUTY, severity: 'S2',
      reason: L(`羁押期限${localTime(expiry.deadline)}届满，提请延长距届满不足7日`, `the extension was requested less than 7 days before the custody expiry at ${localTime(expiry.deadline)}`),
    }));
  }
  let since = arrest.time.getTime();
  for (const approval of used) {
    if (!requests.some((r) => r.time.getTime() >= since && r.time.getTime() <= approval.time.getTime())) {
      out.push(violation(ctx, {
        subject: personSubject(person), trigger: approval, part: 'request', duty: REQUEST_DUTY, severity: 'S2',
        reason: L('批准延长侦查羁押期限前无提请延长记录', 'the extension was approved with no extension request on record'),
      }));
    }
    since = approval.time.getTime();
  }
  return out;
}

export const CRIM_INVESTIGATIVE_CUSTODY_LIMIT: RuleEvaluator = {
  ruleId: 'CRIM_INVESTIGATIVE_CUSTODY_LIMIT',
  evaluate: (s, ctx) =>
    withSubject(s.ofType('person.arrested')).flatMap(([arrest, person]) => {
      const limit = custodyLimit(s, ctx, arrest);
      const f = deadlineFinding(ctx, {
        subject: personSubject(person), trigger: arrest, period: limit.period, custodial: true, excluded: limit.excluded,
        compliedBy: intervalStartedBy(s, arrest)?.end, evidence: limit.evidence,
        duty: L(`逮捕后侦查羁押期限${limit.period.amount}个月届满前应释放、变更或移送审查起诉`, `Custody after arrest ends within ${limit.period.amount} months (release, change of measure or transfer for prosecution)`),
      });
      return present([f, ...extensionRequestFindings(s, ctx, arrest, person, limit.evidence)]);
    }),
};
