import type { Period, PeriodUnit } from '../../legal-time/deadline.js';
import type { Localized, RuleDefinition } from '../definition.js';

const L = (zh: string, en: string): Localized => ({ 'zh-CN': zh, en });
const P = (amount: number, unit: PeriodUnit): Period => ({ amount, unit });
const base = { version: 1, effective: {}, domain: 'closure', status: 'planned' } as const;
const U2025 = 'PSAPL-2025 article text unverified [U] (§14.1); constants carried over from 2012 until the official text is loaded.';

const adminCaseLimit = {
  ...base, id: 'ADMIN_CASE_TIME_LIMIT', caseKind: 'administrative', kind: 'deadline', core: true,
  name: L('行政案件办案期限', 'Administrative case time limit'),
  description: L('治安案件应自受理之日起30日内作出决定，重大复杂的经上一级公安机关批准延长30日，鉴定时间不计入。', 'A public-order case is decided within 30 days of acceptance, 30 more with next-higher approval; appraisal time is excluded.'),
  trigger: { events: ['case.accepted'], condition: "case.kind 'administrative'" },
  compliance: { events: ['case.decided'], checks: ['decision ≤ limit', 'extension approval if used', 'appraisal time excluded', "admin_type 'other': 90 days from 立案 (APL)"] },
  limit: { ...P(30, 'd'), custodial: 'never' },
  extensions: [{ approvalFor: 'admin_case', newLimit: P(60, 'd'), level: 'upper', reasons: ['major_complex'] }],
  exceptions: ['offender unknown or fled: keep investigating and explain to the victim'],
  warn: { before: P(5, 'd') },
  severity: { violation: 'S2' },
  parameters: { otherAdminDays: { default: 90, description: L('其他行政案件期限（日，行政处罚法默认）', 'Limit for other administrative cases in days (APL default)') } },
} satisfies Partial<RuleDefinition>;

/** Catalogue §11: case closure and time limits (结案 / 办案期限). */
export const CLOSURE_RULES: RuleDefinition[] = [
  { ...adminCaseLimit, version: 1, effective: { to: '2026-01-01' }, basis: [{ law: 'PSAPL', article: 'art.99' }, { law: 'MPS-A', article: 'art.165' }, { law: 'APL', article: 'art.60' }], grade: 'V-text' },
  {
    ...adminCaseLimit, version: 2, effective: { from: '2026-01-01' }, grade: 'U',
    basis: [{ law: 'PSAPL-2025', article: 'case time-limit article (number unverified)' }, { law: 'MPS-A', article: 'art.165' }, { law: 'APL', article: 'art.60' }],
    statusNote: `${U2025} The revision reportedly changes the anchor and/or adds an extension.`,
  },
  {
    ...base, id: 'ADMIN_PRE_DECISION_NOTICE_AND_HEARING', caseKind: 'administrative', kind: 'deadline', core: false,
    name: L('处罚前告知与听证', 'Pre-decision notice and hearing'),
    description: L('作出处罚决定前应告知事实、理由、依据和权利，听取陈述申辩，符合条件的告知听证权利，不得因申辩加重处罚。', 'Before a penalty the suspect is told the facts, reasons, basis and rights, heard, told of a hearing where eligible, and never penalised more for defending.'),
    trigger: { events: ['case.decided'], condition: 'penalty decision imminent (checked against the decision)' },
    compliance: { events: ['notice.served'], documents: ['行政处罚告知笔录', '听证笔录'], checks: ['notice before decision', 'hearing-eligible: hearing right told; acceptance ≤ 2 days; hearing notice ≥ 7 days before'] },
    severity: { violation: 'S2' }, basis: [{ law: 'PSAPL', article: 'art.94, 98' }, { law: 'MPS-A', article: 'art.123, 132–136, 167–169' }], grade: 'V-text',
    parameters: {
      hearingApplicationDays: { default: 3, description: L('申请听证期限（日；MPS-A为3日，行政处罚法2021为5日，待法制审核）', 'Days to apply for a hearing (MPS-A 3, APL 2021 5; settle by legal review)') },
      hearingFineThreshold: { default: 2000, description: L('听证的罚款门槛（元，2012年治安法）', 'Fine (¥) that makes a hearing available (PSAPL 2012)') },
    },
    statusNote: 'Hearing window conflict MPS-A 3 d vs APL 5 d kept as a parameter (§14 consistency note).',
  },
  {
    ...base, id: 'ADMIN_LEGAL_REVIEW', caseKind: 'administrative', kind: 'state', core: false,
    name: L('行政处罚法制审核', 'Legal review of penalties'),
    description: L('行政处罚决定应由具备资格的法制员等人员审核，初次从事审核的应取得法律职业资格。', 'A penalty decision is reviewed by a qualified legal reviewer before it is made.'),
    trigger: { events: ['case.decided'] },
    compliance: { events: ['approval.granted'], checks: ["reviewer role 'legal_officer' or 'leader'"] },
    severity: { violation: 'S3' }, basis: [{ law: 'MPS-A', article: 'art.170–171' }, { law: 'APL', article: 'art.58' }], grade: 'V-text',
  },
  {
    ...base, id: 'ADMIN_DECISION_SERVICE', caseKind: 'administrative', kind: 'deadline', core: true,
    name: L('处罚决定书送达', 'Decision service'),
    description: L('处罚决定书应当场宣告送达，被处罚人不在场的治安案件2日内送达，有被侵害人的2日内送达副本。', 'A decision is read out and handed over on the spot, or within 2 days for public-order cases (7 otherwise), with a copy to the victim within 2 days.'),
    trigger: { events: ['case.decided'] },
    compliance: { events: ['notice.served'], documents: ['行政处罚决定书'], checks: ["notice_type 'decision' to each 'subject'", "'decision_copy_victim' to each victim, or exception + reason"] },
    limit: { ...P(2, 'd'), custodial: 'never' },
    extensions: [{ newLimit: P(7, 'd'), note: "admin_type 'other': 7 days" }],
    severity: { violation: 'S3' }, basis: [{ law: 'PSAPL', article: 'art.97' }, { law: 'MPS-A', article: 'art.36, 172' }, { law: 'APL', article: 'art.61' }], grade: 'V-text',
    parameters: { onTheSpotHours: { default: 1, description: L('"当场送达"的容许时长（小时）', 'Hours that still count as "on the spot"') } },
  },
  {
    ...base, id: 'ADMIN_MEDIATION_RULES', caseKind: 'administrative', kind: 'deadline', core: false,
    name: L('治安调解规则', 'Public-order mediation rules'),
    description: L('治安调解仅适用于民间纠纷引起的轻微违法，第二次调解应在第一次后7个工作日内进行，协议应书面签名。', 'Mediation is only for minor offences from private disputes; the second session is within 7 working days and the agreement is written and signed.'),
    trigger: { events: ['case.closed'], condition: 'mediated case (no dedicated mediation event yet)' },
    compliance: { documents: ['治安调解协议书'], checks: ['not hired violence, gang fights, 寻衅滋事 or repeat offences', "minor's guardian notified"] },
    limit: { ...P(7, 'wd'), custodial: 'never' },
    severity: { violation: 'S3' }, basis: [{ law: 'PSAPL', article: 'art.9' }, { law: 'MPS-A', article: 'art.178–184' }], grade: 'V-text',
    statusNote: 'Needs mediation-session events (not in the interchange §8).',
  },
  {
    ...base, id: 'ADMIN_CLOSURE_OR_TERMINATION', caseKind: 'administrative', kind: 'state', core: false,
    name: L('行政案件结案与终止调查', 'Administrative closure or termination'),
    description: L('行政案件只有在法定情形下方可结案，终止调查须经批准并立即解除强制措施。', 'An administrative case is closed only in the listed situations; terminating an investigation needs approval and lifts measures at once.'),
    trigger: { events: ['case.closed'], condition: 'administrative case' },
    compliance: { events: ['case.decided', 'approval.granted'], checks: ['decision executed, mediation carried out, converted to criminal, or execution impossible', 'time bar: 治安 6 months, general 2 years'] },
    severity: { violation: 'S3' }, basis: [{ law: 'MPS-A', article: 'art.258–259' }, { law: 'PSAPL', article: 'art.22' }, { law: 'APL', article: 'art.36' }], grade: 'V-text',
  },
  {
    ...base, id: 'CRIM_INVESTIGATION_CONTINUITY', caseKind: 'criminal', kind: 'state', core: false,
    name: L('侦查不得中断', 'Investigation continuity'),
    description: L('已立案案件及取保候审、监视居住期间不得中断侦查，长期无侦查活动应预警。', 'A filed case, including one with a suspect on bail or surveillance, must not stall; long inactivity is flagged.'),
    trigger: { events: ['case.filed', 'person.bail_started', 'person.rsdl_started'] },
    compliance: { checks: ['an investigative event within the inactivity window'] },
    severity: { violation: 'S3' }, basis: [{ law: 'MPS-C', article: 'art.107, 122, 191' }], grade: 'D',
    parameters: { inactivityDays: { default: 30, description: L('无侦查活动预警天数', 'Days without an investigative event before an alert') } },
  },
  {
    ...base, id: 'CRIM_CLOSURE_CONDITIONS', caseKind: 'criminal', kind: 'document', core: false,
    name: L('侦查终结条件', 'Conditions for ending investigation'),
    description: L('侦查终结应事实清楚、证据确实充分、法律手续完备，制作结案报告并经县级以上批准。', 'Ending an investigation needs clear facts, sufficient evidence, complete formalities and a closure report approved at county level.'),
    trigger: { events: ['case.sent_for_prosecution'] },
    compliance: { events: ['approval.granted'], documents: ['结案报告', '起诉意见书'] },
    severity: { violation: 'S2' }, basis: [{ law: 'MPS-C', article: 'art.283–287' }], grade: 'V-text',
  },
  {
    ...base, id: 'CRIM_TRANSFER_FOR_PROSECUTION_NOTICE', caseKind: 'criminal', kind: 'document', core: false,
    name: L('移送起诉告知', 'Notice of transfer for prosecution'),
    description: L('移送审查起诉时应告知犯罪嫌疑人及其辩护律师，并记录律师意见和认罪认罚情况。', 'The suspect and defence lawyer are told of the transfer for prosecution and the lawyer\'s views and any admission of guilt are noted.'),
    trigger: { events: ['case.sent_for_prosecution'] },
    compliance: { events: ['notice.served'] },
    severity: { violation: 'S3' }, basis: [{ law: 'CPL', article: 'art.162' }, { law: 'MPS-C', article: 'art.289, 292' }], grade: 'V-text',
  },
  {
    ...base, id: 'CRIM_SUPPLEMENTARY_INVESTIGATION', caseKind: 'criminal', kind: 'deadline', core: true,
    name: L('补充侦查期限', 'Supplementary investigation'),
    description: L('退回补充侦查的应在1个月内补充侦查完毕，补充侦查以两次为限。', 'A case returned for supplementary investigation is finished within one month, and at most twice.'),
    trigger: { events: ['case.returned_for_investigation'] },
    compliance: { events: ['case.sent_for_prosecution', 'case.revoked'], documents: ['补充侦查报告书'], checks: ['round ≤ 2'] },
    limit: { ...P(1, 'm'), custodial: 'if_held' }, warn: { before: P(5, 'd') },
    severity: { violation: 'S2' }, basis: [{ law: 'CPL', article: 'art.175' }, { law: 'MPS-C', article: 'art.295–296' }], grade: 'V-text',
  },
  {
    ...base, id: 'CRIM_WITHDRAWAL_NOTICE_3D', caseKind: 'criminal', kind: 'deadline', core: true,
    name: L('撤案后释放与3日内告知', 'Withdrawal: release and notice within 3 days'),
    description: L('撤销案件或终止侦查的，在押嫌疑人立即释放，解除强制措施和查封扣押冻结，3日内告知原嫌疑人、被害人及移送机关。', 'On withdrawal a held suspect is released at once, measures and seizures lifted, and the parties and transferring agency told within 3 days.'),
    trigger: { events: ['case.revoked'], condition: "scope 'case': all suspects; 'suspect': its subjects" },
    compliance: { events: ['person.released', 'person.bail_ended', 'person.rsdl_ended', 'notice.served', 'item.returned', 'item.unfrozen'], documents: ['释放证明书', '撤销案件决定书'], checks: ["notice_type 'revocation_notice' to suspect, victims/complainants, transferring agency; arrested: the approving procuratorate"] },
    limit: { ...P(3, 'd'), custodial: 'never' },
    severity: { violation: 'S2' }, basis: [{ law: 'MPS-C', article: 'art.186–189' }], grade: 'V-text',
    parameters: {
      releaseHours: { default: 4, description: L('"立即释放"的平台时限（小时）', 'Platform hours for "immediate" release') },
      itemReturnDays: { default: 3, description: L('财物解除返还时限（日）', 'Days to lift seizures and return property') },
    },
  },
  {
    ...base, id: 'CRIM_NON_PROSECUTION_FOLLOWUP', caseKind: 'criminal', kind: 'deadline', core: false,
    name: L('不起诉决定后续处理', 'Follow-up to non-prosecution'),
    description: L('收到不起诉决定后，在押的立即释放，按通知解除查封扣押冻结，要求复议的在7日内提出。', 'On non-prosecution a held suspect is released at once, seizures lifted per the notice, and any reconsideration filed within 7 days.'),
    trigger: { events: ['case.closed'], condition: 'non-prosecution decision received (no dedicated event yet)' },
    compliance: { events: ['person.released', 'item.returned', 'item.unfrozen'] },
    limit: { ...P(7, 'd'), custodial: 'never' },
    severity: { violation: 'S2' }, basis: [{ law: 'MPS-C', article: 'art.293–294' }], grade: 'V-text',
    statusNote: 'Needs a non-prosecution event from the procuratorate feed.',
  },
];
