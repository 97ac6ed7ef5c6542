import { deadlineFinding, L, P, violation, type RuleContext, type RuleEvaluator } from '../engine/context.js';
import type { Finding } from '../engine/finding.js';
import { type Ev, type Snapshot, target } from '../engine/snapshot.js';
import { custodialOnLastDay, doneOrLeftCustody, firstAtOrAfter, heldIntervalAt, personSubject } from './custody-common.js';
import { actWindow, documentsOf, executionReceipt, firstCompleteAt, SIGNED, swornOfficers } from './measures-extra-common.js';

/**
 * CRIM_ARREST_EXECUTION (CPL art.90, 93; MPS-C art.142–143), catalogue §7a. Non-core: there is
 * no §10.1 row; the decision procedure derived from the catalogue and the contract is:
 * - Trigger: person.arrest_approved (the 批准逮捕决定书 received), per subject.
 * - `execute`: person.arrested of the subject within executeHours [D] ("立即执行"); an
 *   `execution_receipt` to the procuratorate before any arrest reports a failed execution and
 *   also discharges it.
 * - `receipt`: notice.served `execution_receipt` to the approving procuratorate about the person
 *   within 3 days of the approval (custodial if the person is held on the last day); paperwork, S3.
 * - On the arrest that followed: `warrant` — a 逮捕证 (related by the arrest, else naming the
 *   person) present and signed by the person or the refusal noted within graceHours [D] of the
 *   arrest (signature values never sent are not held against it, §5.2); `officers` — at least
 *   two sworn officers execute it (immediate); `jail` — the person is taken to a 看守所
 *   (person.jailed at a `detention_center`) within jailHours [D], unless already admitted there
 *   during the custody the arrest continues, or released first.
 * Not checkable: that the 逮捕证 was signed at county level (the document carries no approver)
 * and the reason written on a failed-execution receipt.
 */
const present = (xs: Array<Finding | undefined>): Finding[] => xs.filter((x): x is Finding => !!x);
const earliest = (...events: Array<Ev | undefined>): Ev | undefined =>
  events.filter((e): e is Ev => !!e).sort((a, b) => a.time.getTime() - b.time.getTime())[0];
const inJail = (s: Snapshot, jailed: Ev): boolean => s.attr(target(jailed, 'unit'), 'level') === 'detention_center';

/** Already admitted to a 看守所 during the custody the arrest continues (detained, jailed, then arrested). */
function alreadyInJail(s: Snapshot, person: string, arrest: Ev): boolean {
  const before = heldIntervalAt(s, person, new Date(arrest.time.getTime() - 1));
  if (!before) return false;
  return s.relating(person, 'subject', 'person.jailed')
    .some((j) => inJail(s, j) && j.time.getTime() >= before.start.time.getTime() && j.time.getTime() <= arrest.time.getTime());
}

function onTheArrest(s: Snapshot, ctx: RuleContext, approval: Ev, arrest: Ev, person: string): Array<Finding | undefined> {
  const subject = personSubject(person);
  const out: Array<Finding | undefined> = [];
  const graceHours = ctx.num('graceHours', approval.time);
  const warrants = documentsOf(s, arrest, person, ['逮捕证'], actWindow(s, arrest, person));
  out.push(deadlineFinding(ctx, {
    subject, trigger: approval, part: 'warrant', start: arrest.time, period: P(graceHours, 'h'), custodial: true,
    compliedAt: firstCompleteAt(s, warrants, SIGNED), evidence: [arrest],
    duty: L('执行逮捕应出示逮捕证，由被逮捕人签名、捺印（拒绝的注明）', 'The arrest warrant is shown and signed or fingerprinted by the person (a refusal noted)'),
  }));
  const officers = swornOfficers(s, arrest);
  if (officers.length < 2) {
    out.push(violation(ctx, {
      subject, trigger: approval, part: 'officers', at: arrest.time, evidence: [arrest],
      duty: L('执行逮捕的侦查人员不得少于二人', 'At least two officers execute an arrest'),
      reason: L(`执行逮捕的民警仅${officers.length}名（辅警不计）`, `only ${officers.length} sworn officer(s) executed the arrest (auxiliaries do not count)`),
    }));
  }
  if (!alreadyInJail(s, person, arrest)) {
    const jailed = firstAtOrAfter(s.relating(person, 'subject', 'person.jailed'), arrest.time, (j) => inJail(s, j));
    const hours = ctx.num('jailHours', approval.time);
    out.push(deadlineFinding(ctx, {
      subject, trigger: approval, part: 'jail', start: arrest.time, period: P(hours, 'h'), custodial: true,
      compliedBy: doneOrLeftCustody(s, arrest, jailed), evidence: [arrest],
      duty: L('逮捕后应立即将被逮捕人送看守所羁押', 'The arrested person is taken to the detention house at once'),
    }));
  }
  return out;
}

export const CRIM_ARREST_EXECUTION: RuleEvaluator = {
  ruleId: 'CRIM_ARREST_EXECUTION',
  evaluate: (s, ctx) =>
    s.ofType('person.arrest_approved').flatMap((approval) => {
      const person = target(approval, 'subject');
      const def = ctx.definition(approval.time);
      if (!person || !def?.limit) return [];
      const subject = personSubject(person);
      const arrest = firstAtOrAfter(s.relating(person, 'subject', 'person.arrested'), approval.time);
      const receipt = executionReceipt(s, approval.time, target(approval, 'unit'), person);
      const failedReported = receipt && (!arrest || receipt.time.getTime() < arrest.time.getTime()) ? receipt : undefined;
      const receiptPeriod = P(def.limit.amount, def.limit.unit);
      const receiptDue = deadlineFinding(ctx, {
        subject, trigger: approval, part: 'receipt', period: receiptPeriod, compliedBy: receipt,
        custodial: custodialOnLastDay(s, ctx, person, approval.time, receiptPeriod),
        duty: L(`收到批准逮捕决定后${receiptPeriod.amount}日内将执行回执送达检察院（未能执行的写明原因）`,
          `The execution receipt (or why the arrest failed) reaches the procuratorate within ${receiptPeriod.amount} days of the approval`),
      });
      return present([
        deadlineFinding(ctx, {
          subject, trigger: approval, part: 'execute', period: P(ctx.num('executeHours', approval.time), 'h'), custodial: true,
          compliedBy: earliest(arrest, failedReported),
          duty: L('收到批准逮捕决定后应立即执行逮捕', 'An approved arrest is executed at once'),
        }),
        // A late receipt is paperwork, not a deprivation of liberty (as for a denial, CRIM_ARREST_DENIED_RELEASE).
        receiptDue && { ...receiptDue, severity: 'S3' },
        ...(arrest ? onTheArrest(s, ctx, approval, arrest, person) : []),
      ]);
    }),
};
