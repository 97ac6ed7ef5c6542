import { localTime } from '../engine/explain.js';
import { deadlineFinding, L, P, violation, type RuleEvaluator } from '../engine/context.js';
import { caseKind, documentPresentAt } from '../engine/facts.js';
import type { Finding } from '../engine/finding.js';
import { type Ev, type Snapshot, target } from '../engine/snapshot.js';
import { personSubject } from './custody-common.js';
import { actWindow, approvedAtCounty, documentsOf, firstCompleteAt, namedDocuments, SIGNED } from './measures-extra-common.js';

/**
 * Non-core criminal coercive-measure rules, catalogue §7a: the detention warrant, the form of
 * bail and the right to counsel. Each doc comment gives the decision procedure derived from the
 * catalogue and the contract (there is no §10.1 row) and what the contract cannot show.
 */
const present = (xs: Array<Finding | undefined>): Finding[] => xs.filter((x): x is Finding => !!x);

/**
 * CRIM_DETENTION_WARRANT_SHOWN (CPL art.85(1); MPS-C art.125). Trigger: person.detained.
 * - `warrant`: a 拘留证 (related by the detention, else naming the person) present and signed
 *   by the person or the refusal noted within graceHours [D] of the detention — an emergency
 *   detention completes the formalities at once; signature values never sent are not held
 *   against it (§5.2).
 * - `approval`: the detention's approver is a county-level head or higher (immediate); a
 *   detention naming no approver, or none whose level can be told, is not judged (§5.2).
 * Not checkable: that the warrant was actually shown, and the police ID shown in an emergency.
 */
export const CRIM_DETENTION_WARRANT_SHOWN: RuleEvaluator = {
  ruleId: 'CRIM_DETENTION_WARRANT_SHOWN',
  evaluate: (s, ctx) =>
    s.ofType('person.detained').flatMap((detention) => {
      const person = target(detention, 'subject');
      if (!person) return [];
      const subject = personSubject(person);
      const warrants = documentsOf(s, detention, person, ['拘留证'], actWindow(s, detention, person));
      const out: Array<Finding | undefined> = [deadlineFinding(ctx, {
        subject, trigger: detention, part: 'warrant', period: P(ctx.num('graceHours', detention.time), 'h'), custodial: true,
        compliedAt: firstCompleteAt(s, warrants, SIGNED),
        duty: L('执行拘留应出示拘留证，由被拘留人签名、捺印（拒绝的注明），紧急情况下事后立即补办', 'The detention warrant is shown and signed or fingerprinted by the person (a refusal noted); in an emergency the formalities follow at once'),
      })];
      if (approvedAtCounty(s, detention) === false) {
        out.push(violation(ctx, {
          subject, trigger: detention, part: 'approval',
          duty: L('拘留应经县级以上公安机关负责人批准', 'A detention is approved by a county-level head of public security or higher'),
          reason: L('批准拘留的不是县级以上公安机关负责人', 'the detention was not approved at county level or higher'),
        }));
      }
      return present(out);
    }),
};

const GUARANTOR = ['保证书'];
const DEPOSIT = ['收取保证金通知书'];

/** When the first of some documents became present. */
const firstPresent = (s: Snapshot, docs: string[]): Date | undefined => {
  const times = docs.map((d) => documentPresentAt(s, d)?.getTime()).filter((t): t is number => t !== undefined);
  return times.length ? new Date(Math.min(...times)) : undefined;
};

/**
 * CRIM_BAIL_FORM (MPS-C art.83–89). Trigger: person.bail_started. The bail's documents are those
 * its event relates plus those naming the person between the person's previous and next bail.
 * - `form`: a guarantor's 保证书 or a 收取保证金通知书 present within graceHours [D] of the start
 *   (a guarantor or a deposit is required);
 * - `both`: a guarantor and a deposit for one bail (never both) — immediate, when the second
 *   document appears.
 * Not checkable: the deposit amount (≥ ¥1,000; juveniles ≥ ¥500), the designated bank account,
 * the preference for a guarantor for juveniles and the obligations read out — the contract
 * carries no amount, account or obligations notice.
 */
export const CRIM_BAIL_FORM: RuleEvaluator = {
  ruleId: 'CRIM_BAIL_FORM',
  evaluate: (s, ctx) =>
    s.ofType('person.bail_started').flatMap((bail) => {
      const person = target(bail, 'subject');
      if (!person) return [];
      const subject = personSubject(person);
      const window = actWindow(s, bail, person);
      const docsOf = (types: string[]) => [...new Set([...documentsOf(s, bail, person, types, window), ...namedDocuments(s, person, types, window)])];
      const guarantorAt = firstPresent(s, docsOf(GUARANTOR));
      const depositAt = firstPresent(s, docsOf(DEPOSIT));
      const formAt = [guarantorAt, depositAt].filter((t): t is Date => !!t).sort((a, b) => a.getTime() - b.getTime())[0];
      const out: Array<Finding | undefined> = [deadlineFinding(ctx, {
        subject, trigger: bail, part: 'form', period: P(ctx.num('graceHours', bail.time), 'h'), custodial: false, compliedAt: formAt,
        duty: L('取保候审应责令提出保证人（保证书）或者交纳保证金（收取保证金通知书）', 'Bail requires a guarantor (guarantee letter) or a deposit (deposit notice)'),
      })];
      if (guarantorAt && depositAt) {
        const at = guarantorAt.getTime() > depositAt.getTime() ? guarantorAt : depositAt;
        out.push(violation(ctx, {
          subject, trigger: bail, part: 'both', at,
          duty: L('取保候审不得同时使用保证人和保证金', 'Bail never uses both a guarantor and a deposit'),
          reason: L(`同一次取保候审既有保证书又有收取保证金通知书（${localTime(at)}）`, `one bail has both a guarantee letter and a deposit notice (${localTime(at)})`),
        }));
      }
      return present(out);
    }),
};

/** Coercive measures of the criminal procedure (传唤 is none; 拘传 is). */
const MEASURE_TYPES = ['person.summoned', 'person.detained', 'person.bail_started', 'person.rsdl_started', 'person.arrested'];
const isCoercive = (e: Ev): boolean => e.type !== 'person.summoned' || e.attrs.measure === 'forced_summons';

/**
 * CRIM_COUNSEL_RIGHTS (CPL art.34; MPS-C art.43). The suspect is told of the right to a lawyer
 * and to legal aid at the first interrogation or the first coercive measure, whichever comes
 * first. The first interrogation is INTV_FIRST_RIGHTS_NOTICE's (no double alert); this rule:
 * - Trigger: the person's first coercive measure in a criminal case (拘传, 拘留, 取保候审,
 *   监视居住, 逮捕) when no interrogation or questioning of the person came before it.
 * - Compliance: notice.served `rights_notice` to the person (the 犯罪嫌疑人诉讼权利义务告知书
 *   states the right to counsel), at any time up to noticeHours [D] after the measure.
 * Not checkable: the legal-aid notice within 3 days for a suspect with no lawyer who is blind,
 * deaf or mute, mentally impaired or facing life imprisonment or death (whether a lawyer was
 * retained, blindness and the possible sentence are not in the contract; no legal-aid notice
 * type), a detainee's legal-aid application forwarded within 24 h and the lawyer's meeting
 * within 48 h (no application or meeting events).
 */
export const CRIM_COUNSEL_RIGHTS: RuleEvaluator = {
  ruleId: 'CRIM_COUNSEL_RIGHTS',
  evaluate: (s, ctx) => {
    if (caseKind(s) !== 'criminal') return [];
    return s.objectsOfType('person').flatMap((p) => {
      const measure = s.relating(p.id, 'subject', ...MEASURE_TYPES).find(isCoercive);
      if (!measure) return [];
      const session = s.relating(p.id, 'subject', 'interrogation.started')[0];
      if (session && session.time.getTime() <= measure.time.getTime()) return [];
      const notice = s.relating(p.id, 'subject', 'notice.served').find((n) => n.attrs.notice_type === 'rights_notice');
      const hours = ctx.num('noticeHours', measure.time);
      return present([deadlineFinding(ctx, {
        subject: personSubject(p.id), trigger: measure, period: P(hours, 'h'), custodial: true, compliedBy: notice,
        duty: L('第一次采取强制措施时应告知犯罪嫌疑人有权委托辩护人、申请法律援助', 'At the first coercive measure the suspect is told of the right to a lawyer and to legal aid'),
      })]);
    });
  },
};
