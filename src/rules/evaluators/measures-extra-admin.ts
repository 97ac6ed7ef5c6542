import type { Localized } from '../definition.js';
import { deadlineFinding, L, P, violation, type RuleContext, type RuleEvaluator } from '../engine/context.js';
import { ageAt, approvals, caseKind, documentPresentAt, documentsOfType, personsWithRole } from '../engine/facts.js';
import type { Finding } from '../engine/finding.js';
import { type Ev, type Snapshot, target, targets, truthy } from '../engine/snapshot.js';
import { arrivals } from './area-entry.js';
import { personSubject } from './custody-common.js';
import { approvedAtCounty } from './measures-extra-common.js';

/**
 * Non-core administrative / 治安 coercive-measure rules, catalogue §7b. Each doc comment gives
 * the decision procedure derived from the catalogue and the contract (there is no §10.1 row)
 * and what the contract cannot show.
 */
const present = (xs: Array<Finding | undefined>): Finding[] => xs.filter((x): x is Finding => !!x);
const administrative = (s: Snapshot): boolean => caseKind(s) === 'administrative';

/**
 * ADMIN_COERCIVE_MEASURE_AFTER_THE_FACT (MPS-A art.55–56). Trigger: item.seized in an
 * administrative case (扣押, 查封, 证据保全 are compulsory measures) with no `approver` on the
 * act. Compliance: approval `seizure` of its items (or of the case) within 24 h of the act;
 * one granted before the act discharges it at once (nothing is raised).
 * Not checkable: liberty-restricting measures taken on the spot (the contract does not tell a
 * compelled summons or a restraint from a voluntary arrival), a refusal of the approval (no
 * such event) and the 现场笔录 or its AV alternative with a written index.
 */
export const ADMIN_COERCIVE_MEASURE_AFTER_THE_FACT: RuleEvaluator = {
  ruleId: 'ADMIN_COERCIVE_MEASURE_AFTER_THE_FACT',
  evaluate: (s, ctx) => {
    if (!administrative(s)) return [];
    return s.ofType('item.seized').flatMap((seized) => {
      const items = targets(seized, 'item');
      const def = ctx.definition(seized.time);
      if (!items.length || !def?.limit || targets(seized, 'approver').length) return [];
      const granted = items.flatMap((item) => approvals(s, 'seizure', { about: item }).map((a) => a.event))
        .sort((a, b) => a.time.getTime() - b.time.getTime());
      return present([deadlineFinding(ctx, {
        subject: { type: 'item', id: items[0] }, trigger: seized, period: P(def.limit.amount, def.limit.unit), custodial: false,
        compliedBy: granted[0],
        duty: L(`当场采取强制措施的，应在${def.limit.amount}小时内报告公安机关负责人并补办批准手续`, `A measure taken on the spot is reported and approved within ${def.limit.amount} h`),
      })]);
    });
  },
};

/** Why fast-track handling was not open to the person (MPS-A art.41), with when that was on record. */
function fastTrackBar(s: Snapshot, person: string, arrival: Ev): { reason: Localized; at: Date } | undefined {
  const at = arrival.time;
  if (truthy(s.attr(person, 'deaf_mute', at))) return { reason: L('违法嫌疑人系聋哑人', 'the suspect is deaf or mute'), at };
  if (truthy(s.attr(person, 'mentally_impaired', at))) return { reason: L('违法嫌疑人疑似精神病人', 'the suspect may be mentally ill'), at };
  const age = ageAt(s, person, at);
  if (age !== undefined && age < 18) return { reason: L(`违法嫌疑人系未成年人（${age}周岁）`, `the suspect is a juvenile (${age})`), at };
  const hearing = documentsOfType(s, '举行听证通知书', '听证笔录', '听证报告书').map((d) => documentPresentAt(s, d)).filter((t): t is Date => !!t);
  if (hearing.length) return { reason: L('案件适用听证程序', 'the case went to a hearing'), at: new Date(Math.min(...hearing.map((t) => t.getTime()))) };
  const long = s.relating(person, 'subject', 'person.admin_detention_decided').find((d) => Number(d.attrs.days) >= 10);
  if (long) return { reason: L(`决定行政拘留${long.attrs.days}日（十日以上）`, `${long.attrs.days} days of administrative detention (ten or more)`), at: long.time };
  return undefined;
}

/**
 * ADMIN_QUICK_PROCESS_48H (MPS-A art.40–48). Fast-track handling shows in the dossier as its
 * notice and written consent (§13b "快速办理告知 + consent"; names in consentDocTypes [D]).
 * - Trigger: the 到案 (§9.2) of each person the consent names (none named: each suspect), the
 *   last arrival no later than the consent, else the first.
 * - `decision`: case.decided naming the person (or nobody) within 48 h of the arrival.
 * - `excluded`: fast track used for a deaf or mute person, a suspected mentally ill person, a
 *   juvenile, a case with a hearing, or a decision of ten days' detention or more (immediate).
 * Not checkable: blind persons (no attribute), a return to the ordinary procedure (no event).
 */
export const ADMIN_QUICK_PROCESS_48H: RuleEvaluator = {
  ruleId: 'ADMIN_QUICK_PROCESS_48H',
  evaluate: (s, ctx) => {
    if (!administrative(s)) return [];
    const seen = new Set<string>();
    return documentsOfType(s, ...consentTypes(ctx)).flatMap((consent) => {
      const consentAt = documentPresentAt(s, consent);
      if (!consentAt) return [];
      const named = s.linked(consent, 'subject');
      return (named.length ? named : personsWithRole(s, 'suspect')).flatMap((person) => {
        if (seen.has(person)) return [];
        seen.add(person);
        return fastTrack(s, ctx, person, consentAt);
      });
    });
  },
};

function consentTypes(ctx: RuleContext): string[] {
  return String(ctx.param('consentDocTypes')).split(',').map((x) => x.trim()).filter(Boolean);
}

function fastTrack(s: Snapshot, ctx: RuleContext, person: string, consentAt: Date): Finding[] {
  const all = arrivals(s, person);
  const arrival = all.filter((a) => a.time.getTime() <= consentAt.getTime()).at(-1) ?? all[0];
  const def = arrival && ctx.definition(arrival.time);
  if (!arrival || !def?.limit) return [];
  const subject = personSubject(person);
  const decision = s.ofType('case.decided').find((d) => d.time.getTime() >= arrival.time.getTime()
    && (targets(d, 'subject').length === 0 || targets(d, 'subject').includes(person)));
  const out: Array<Finding | undefined> = [deadlineFinding(ctx, {
    subject, trigger: arrival, part: 'decision', period: P(def.limit.amount, def.limit.unit), custodial: true, compliedBy: decision,
    duty: L(`快速办理的案件应自违法嫌疑人到案起${def.limit.amount}小时内作出处理决定`, `A fast-track case is decided within ${def.limit.amount} h of the suspect's arrival`),
  })];
  const bar = fastTrackBar(s, person, arrival);
  if (bar) {
    out.push(violation(ctx, {
      subject, trigger: arrival, part: 'excluded', at: new Date(Math.max(bar.at.getTime(), consentAt.getTime())),
      duty: L('盲聋哑人、未成年人、疑似精神病人、适用听证及可能十日以上行政拘留的案件不得快速办理', 'Fast track is not used for blind, deaf or mute persons, juveniles, suspected mentally ill persons, hearing cases or possible detention of ten days or more'),
      reason: L(`${bar.reason['zh-CN']}，不得适用快速办理`, `${bar.reason.en}: fast track is not allowed`),
    }));
  }
  return present(out);
}

const ONSITE_DECISION = '当场处罚决定书';

/**
 * ADMIN_ONSITE_PENALTY_FILED_24H (PSAPL art.101; MPS-A art.39). Trigger: a 当场处罚决定书 in an
 * administrative case, from its issued_at (else the case.decided relating it). Compliance: its
 * document.filed (entered in the unit's dossier) within 24 h. A case whose feed sends no
 * document.filed at all is unverified, not late (§13 missing feed).
 * Not checkable: the 2-day limit of traffic police (no unit attribute tells them apart).
 */
export const ADMIN_ONSITE_PENALTY_FILED_24H: RuleEvaluator = {
  ruleId: 'ADMIN_ONSITE_PENALTY_FILED_24H',
  evaluate: (s, ctx) => {
    if (!administrative(s) || s.ofType('document.filed').length === 0) return [];
    return documentsOfType(s, ONSITE_DECISION).flatMap((doc) => {
      const related = s.relating(doc);
      const decided = related.find((e) => e.type === 'case.decided' && e.rels.some((r) => r.q === 'document' && r.id === doc));
      const filed = related.find((e) => e.type === 'document.filed');
      const issued = s.attr(doc, 'issued_at');
      const start = issued && !Number.isNaN(Date.parse(issued)) ? new Date(issued) : decided?.time;
      const trigger = decided ?? related[0];
      const def = trigger && ctx.definition(trigger.time);
      if (!start || !trigger || !def?.limit) return [];
      return present([deadlineFinding(ctx, {
        subject: { type: 'document', id: doc }, trigger, start, period: P(def.limit.amount, def.limit.unit), custodial: false, compliedBy: filed,
        duty: L(`当场作出的处罚决定应在${def.limit.amount}小时内报所属公安机关备案`, `An on-the-spot penalty decision is filed with the unit within ${def.limit.amount} h`),
      })]);
    });
  },
};

/**
 * ADMIN_DETENTION_DECIDER_LEVEL (PSAPL art.91; MPS-A art.173). Trigger:
 * person.admin_detention_decided. Its approver (else that of the case.decided relating the same
 * decision document) must be a county-level head of public security or higher; a station or
 * department head is a violation (immediate). No approver whose level can be told: not judged
 * (§5.2).
 * Not checkable: that a station's own penalties stay within a warning or a fine of ¥500 (the
 * contract carries no fine amount).
 */
export const ADMIN_DETENTION_DECIDER_LEVEL: RuleEvaluator = {
  ruleId: 'ADMIN_DETENTION_DECIDER_LEVEL',
  evaluate: (s, ctx) =>
    s.ofType('person.admin_detention_decided').flatMap((decision) => {
      const person = target(decision, 'subject');
      if (!person) return [];
      const docs = targets(decision, 'document');
      const caseDecision = s.ofType('case.decided').find((d) => targets(d, 'document').some((x) => docs.includes(x)));
      const county = approvedAtCounty(s, decision) ?? (caseDecision && approvedAtCounty(s, caseDecision));
      if (county !== false) return [];
      return present([violation(ctx, {
        subject: personSubject(person), trigger: decision, evidence: caseDecision ? [caseDecision] : [],
        duty: L('行政拘留只能由县级以上公安机关决定', 'Only a county-level or higher public security organ decides administrative detention'),
        reason: L('批准行政拘留的不是县级以上公安机关负责人（派出所只能决定警告、500元以下罚款）', 'the detention was not approved at county level or higher (a station may only warn or fine up to ¥500)'),
      })]);
    }),
};
