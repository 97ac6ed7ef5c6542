import type { Period, PeriodUnit } from '../../legal-time/deadline.js';
import type { Localized, RuleDefinition } from '../definition.js';
import { L, P } from '../definition.js';

const adm = { version: 1, effective: {}, domain: 'measures', caseKind: 'administrative' } as const;
/** PSAPL 2012 governs acts before 2026-01-01; the 2025 revision from then on (catalogue §14.1). */
const PSAPL2012 = { version: 1, effective: { to: '2026-01-01' } } as const;
const PSAPL2025 = { version: 2, effective: { from: '2026-01-01' } } as const;
const U2025 = 'PSAPL-2025 article text unverified [U] (§14.1); constants carried over from 2012 until the official text is loaded.';

const summonsDuration = {
  ...adm, id: 'ADMIN_SUMMONS_DURATION', kind: 'deadline', core: true,
  name: L('治安传唤询问查证时限', 'Administrative summons duration'),
  description: L('传唤后询问查证不得超过8小时，情况复杂可能适用行政拘留的不超过24小时，不得连续传唤。', 'Questioning after an administrative summons lasts at most 8 hours, or 24 if complex and detention may apply; no back-to-back summonses.'),
  trigger: { events: ['person.summoned'], condition: "measure 'admin_summons'" },
  compliance: { events: ['person.summons_ended'], documents: ['传唤证', '询问笔录'], checks: ['interval end <= limit', 'no new summons within repeat window', 'arrival and leaving times written on 传唤证 or noted in 询问笔录'] },
  limit: { ...P(8, 'h'), custodial: 'always' },
  extensions: [{ approvalFor: 'summons', newLimit: P(24, 'h'), note: 'complex, administrative detention possible (the reason is not required, §10.1)' }],
  exceptions: ['alcohol-restraint time not counted (MPS-A art.58)', 'clock restarts on transfer of jurisdiction (MPS-A art.62)'],
  warn: { fraction: 0.75 },
  severity: { overdue: 'S1', violation: 'S1' }, grade: 'V-text',
  parameters: {
    repeatWindowHours: { default: 24, description: L('禁止再次传唤的间隔（小时）', 'Hours after a summons in which a new one is flagged') },
    extendedWarnBeforeHours: { default: 4, description: L('延长后的询问查证时限届满前多少小时预警', 'Hours before an extended limit to warn (20 of 24 h)') },
  },
} satisfies Partial<RuleDefinition>;

const detentionExempt = {
  ...adm, id: 'ADMIN_DETENTION_EXEMPT_PERSON', kind: 'prohibition', core: true,
  name: L('不执行行政拘留的人员', 'Persons exempt from administrative detention'),
  description: L('已满14周岁不满16周岁、16至18周岁初次违法、70周岁以上、怀孕或哺乳不满1周岁婴儿的妇女，不执行行政拘留。', 'Administrative detention is not executed on persons aged 14–16, first-time offenders aged 16–18, persons aged 70 or over, or pregnant or nursing women.'),
  trigger: { events: ['person.admin_detention_decided', 'person.jailed'], condition: "decided with execute, or jailed at an 'admin_detention_facility'" },
  compliance: { checks: ['subject not aged 14–<16, 16–<18 with first_violation, >= 70, pregnant or nursing (age at case.occurred_at, else decision time)'] },
  severity: { violation: 'S1' },
} satisfies Partial<RuleDefinition>;

/** Catalogue §7b: administrative / 治安 coercive measures. */
export const ADMIN_MEASURES_RULES: RuleDefinition[] = [
  { ...summonsDuration, ...PSAPL2012, basis: [{ law: 'PSAPL', article: 'art.82–83' }, { law: 'MPS-A', article: 'art.67–69' }] },
  {
    ...summonsDuration, ...PSAPL2025, grade: 'U',
    basis: [{ law: 'PSAPL-2025', article: 'summons articles (number unverified)' }, { law: 'MPS-A', article: 'art.67–69' }],
    statusNote: `${U2025} The revision may add a 48 h tier for many suspects or unknown identity.`,
  },
  {
    ...adm, id: 'ADMIN_SUMMONS_NOTIFY_FAMILY', kind: 'deadline', core: true,
    name: L('传唤后通知家属', 'Family notified of administrative summons'),
    description: L('传唤、投案或扭送到案的，应当场或立即电话、短信通知家属传唤原因和处所，并记入询问笔录。', 'The family is told the reason and place of a summons at once by phone or SMS, recorded in the questioning record.'),
    trigger: { events: ['person.summoned'], condition: "measure 'admin_summons' (any form)" },
    compliance: { events: ['person.family_notified'], documents: ['询问笔录'], checks: ["measure 'admin_summons' relating the 询问笔录", 'or exception + reason'] },
    limit: { ...P(1, 'h'), custodial: 'always' },
    exceptions: ['identity_unknown', 'refused_contact', 'force_majeure'],
    severity: { violation: 'S3' }, basis: [{ law: 'PSAPL', article: 'art.83(2)' }, { law: 'MPS-A', article: 'art.55(1)(5), 67, 70' }], grade: 'V-text',
    parameters: { noticeHours: { default: 1, description: L('"立即通知"的平台时限（小时）', 'Platform hours for an "immediate" notice') } },
  },
  {
    ...adm, id: 'ADMIN_CONTINUED_QUESTIONING', caseKind: 'both', kind: 'deadline', core: true,
    name: L('继续盘问时限与审批', 'Continued questioning limits and approvals'),
    description: L('继续盘问由派出所实施，12小时由派出所负责人批准，延至24小时、48小时须逐级经县级公安机关批准，并立即通知家属。', 'Continued questioning is done only by police stations: 12 h with station approval, 24 h and then 48 h each with county approval, and the family told at once.'),
    trigger: { events: ['person.summoned'], condition: "measure 'continued_questioning'" },
    compliance: { events: ['person.summons_ended', 'approval.granted', 'person.family_notified'], documents: ['继续盘问审批表', '继续盘问通知书'], checks: ["unit level 'station'", 'end <= approved limit (no approval: 12 h and the missing approval is itself a finding)', 'no jump 12 → 48 h', "family_notified measure 'continued_questioning'"] },
    limit: { ...P(12, 'h'), custodial: 'always' },
    extensions: [
      { approvalFor: 'continued_questioning', newLimit: P(24, 'h'), level: 'county' },
      { approvalFor: 'continued_questioning', newLimit: P(48, 'h'), level: 'county', reasons: ['identity_unknown'], note: 'only after the 24 h approval' },
    ],
    severity: { violation: 'S1' }, basis: [{ law: 'PPL', article: 'art.9' }, { law: 'CQ', article: 'art.11, 13–14, 17' }, { law: 'MPS-A', article: 'art.57' }], grade: 'V-text',
    parameters: { familyNoticeHours: { default: 1, description: L('通知家属的平台时限（小时）', 'Platform hours to notify the family') } },
  },
  {
    ...adm, id: 'ADMIN_COERCIVE_MEASURE_AFTER_THE_FACT', kind: 'deadline', core: false,
    name: L('当场采取强制措施事后报批', 'Emergency measure approved after the fact'),
    description: L('紧急情况下当场采取强制措施的，应在24小时内报批，限制人身自由的回单位后立即报告，不批准的立即解除。', 'A measure taken on the spot in an emergency is approved within 24 hours (liberty-restricting ones on return), and lifted at once if refused.'),
    trigger: { events: ['item.seized'], condition: "administrative case; no `approver` on the act and no approval 'seizure' of its items by then (taken on the spot)" },
    compliance: { events: ['approval.granted'], checks: ["approval 'seizure' of its items (or of the case) within 24 h of the act"] },
    limit: { ...P(24, 'h'), custodial: 'never' },
    severity: { overdue: 'S2', violation: 'S2' }, basis: [{ law: 'MPS-A', article: 'art.55–56' }], grade: 'V-text',
    statusNote: 'Partial: measures on property. Not in the contract: liberty-restricting measures taken on the spot (a compelled summons or a restraint cannot be told from a voluntary arrival), a refusal of the approval, and the 现场笔录 or its AV alternative with a written index.',
  },
  {
    ...adm, id: 'ADMIN_DRUNK_RESTRAINT', kind: 'prohibition', core: false,
    name: L('醉酒人保护性约束', 'Protective restraint of drunk persons'),
    description: L('对醉酒人约束应专人看护，不得使用手铐、脚镣，酒醒后及时询问，约束时间不计入询问查证时间。', 'A restrained drunk person is watched throughout, never handcuffed or shackled, and questioned once sober; the time does not count towards questioning.'),
    trigger: { events: ['person.brought_in'], condition: 'protective restraint' },
    compliance: { checks: ['designated watcher throughout', 'no handcuffs or leg-irons'] },
    severity: { violation: 'S2' }, basis: [{ law: 'MPS-A', article: 'art.58' }], grade: 'V-text',
    statusNote: 'Not checkable: the contract has no protective-restraint event or flag, no restraint equipment and no sobriety time (§8); a watcher alone cannot be tied to a restraint.',
  },
  {
    ...adm, id: 'ADMIN_QUICK_PROCESS_48H', kind: 'deadline', core: false,
    name: L('快速办理48小时内作出决定', 'Fast-track decision within 48 h'),
    description: L('适用快速办理的案件应自违法嫌疑人到案起48小时内作出处理决定，不得对法定排除对象适用。', 'A fast-track case is decided within 48 hours of arrival and never used for excluded persons or cases.'),
    trigger: { events: ['person.brought_in', 'person.summoned'], condition: 'administrative case with a fast-track notice/consent document (consentDocTypes): the 到案 of each person it names (none: each suspect), the last no later than the consent' },
    compliance: { events: ['case.decided'], checks: ['case.decided naming the person (or nobody) within 48 h of the arrival', 'person not deaf_mute, mentally_impaired or < 18, no hearing documents, no administrative detention of >= 10 days (immediate)'] },
    limit: { ...P(48, 'h'), custodial: 'always' },
    severity: { overdue: 'S3', violation: 'S3' }, basis: [{ law: 'MPS-A', article: 'art.40–48' }], grade: 'V-text',
    parameters: { consentDocTypes: { default: '快速办理告知书', description: L('表明适用快速办理的文书名称（告知书/同意书，逗号分隔）', 'Document names that show fast-track handling (notice / consent, comma-separated)') } },
    statusNote: 'Partial: blind persons (no attribute) and a return to the ordinary procedure (no event) are not in the contract.',
  },
  {
    ...adm, id: 'ADMIN_ONSITE_PENALTY_FILED_24H', kind: 'deadline', core: false,
    name: L('当场处罚决定24小时内备案', 'On-the-spot penalty filed within 24 h'),
    description: L('当场作出的处罚决定应在24小时内报所属公安机关备案（交警为2日）。', 'An on-the-spot penalty decision is filed with the unit within 24 hours (traffic police: 2 days).'),
    trigger: { events: ['case.decided', 'document.filed'], condition: 'a 当场处罚决定书 in an administrative case, from its issued_at (else the case.decided relating it)' },
    compliance: { events: ['document.filed'], documents: ['当场处罚决定书'], checks: ['document.filed of the decision within 24 h', 'no document.filed in the case at all: unverified (§13 missing feed)'] },
    limit: { ...P(24, 'h'), custodial: 'never' },
    severity: { overdue: 'S4', violation: 'S4' }, basis: [{ law: 'PSAPL', article: 'art.101' }, { law: 'MPS-A', article: 'art.39' }], grade: 'V-text',
    statusNote: 'Partial: filing is read from document.filed; the 2-day limit of traffic police is not applied (no unit attribute tells them apart).',
  },
  {
    ...adm, id: 'ADMIN_DETENTION_NOTIFY_FAMILY', kind: 'deadline', core: true,
    name: L('行政拘留通知家属', 'Family notified of administrative detention'),
    description: L('作出行政拘留决定后应及时将处罚情况和执行场所通知家属，无法通知的在决定书中注明。', 'The family is told of the detention and where it is served promptly, or why that was impossible is noted on the decision.'),
    trigger: { events: ['person.admin_detention_decided'], condition: 'execute not false (依法不执行: nobody is detained)' },
    compliance: { events: ['person.family_notified'], checks: ["measure 'admin_detention'", 'or exception (identity_unknown, no_family, unreachable, refused_contact, force_majeure) + reason'] },
    limit: { ...P(24, 'h'), custodial: 'always' },
    severity: { violation: 'S3' }, basis: [{ law: 'PSAPL', article: 'art.97' }, { law: 'MPS-A', article: 'art.176' }], grade: 'V-text',
    parameters: { noticeHours: { default: 24, description: L('"及时"通知的平台时限（小时）', 'Platform hours for a "prompt" notice') } },
  },
  {
    ...detentionExempt, ...PSAPL2012, basis: [{ law: 'PSAPL', article: 'art.21' }], grade: 'V-text',
    statusNote: 'Partial (§10.3): ages 16–<18 need `first_violation`; unknown → S3 "cannot decide".',
    parameters: { juvenileSeriousCaseExecutable: { default: false, description: L('未成年人情节严重或多次违法的可以执行行政拘留（新法）', 'Juveniles may be detained in serious or repeat cases (revised law)') } },
  },
  {
    ...detentionExempt, ...PSAPL2025, grade: 'V-report',
    description: L('2026年起施行的新法收窄未成年人不执行行政拘留的范围（屡犯或情节严重的可以执行）。', 'From 2026 the revised law narrows the juvenile exemption: repeat or serious offenders may be detained.'),
    basis: [{ law: 'PSAPL-2025', article: 'exemption article (number unverified)' }],
    statusNote: `${U2025} Partial (§10.3): the records carry no seriousness or repeat-offence flag, so detention executed on a juvenile exempt under the 2012 text is S3 "cannot decide" (parameter juvenileSeriousCaseExecutable).`,
    parameters: { juvenileSeriousCaseExecutable: { default: true, description: L('未成年人情节严重或多次违法的可以执行行政拘留（新法）', 'Juveniles may be detained in serious or repeat cases (revised law)') } },
  },
  {
    ...adm, id: 'ADMIN_DETENTION_SUSPENSION_24H', kind: 'deadline', core: false,
    name: L('暂缓执行行政拘留24小时内决定', 'Suspension of detention decided within 24 h'),
    description: L('被拘留人申请暂缓执行行政拘留的，应在24小时内作出决定，保证人与保证金不得并用。', 'A request to suspend administrative detention is decided within 24 hours; a guarantor or a bond of ¥200 a day, never both.'),
    trigger: { events: ['person.admin_detention_decided'], condition: 'suspension requested pending review or litigation' },
    compliance: { events: ['approval.granted', 'notice.served'] },
    limit: { ...P(24, 'h'), custodial: 'always' },
    severity: { violation: 'S3' }, basis: [{ law: 'PSAPL', article: 'art.107' }, { law: 'MPS-A', article: 'art.222–224' }], grade: 'V-text',
    statusNote: 'Not checkable: the request to suspend detention pending review or litigation has no event type in the contract (§8), nor the bond or guarantor.',
  },
  {
    ...adm, id: 'ADMIN_DETENTION_DECIDER_LEVEL', kind: 'state', core: false,
    name: L('行政拘留决定机关层级', 'Administrative detention decided at county level'),
    description: L('行政拘留只能由县级以上公安机关决定，派出所只能决定警告或500元以下罚款。', 'Only a county-level or higher PSB decides administrative detention; a police station may only warn or fine up to ¥500.'),
    trigger: { events: ['person.admin_detention_decided'] },
    compliance: { checks: ["the decision's approver (else that of the case.decided relating the same document) at level >= 'county'", 'no approver or unknown level: not judged'] },
    severity: { violation: 'S2' }, basis: [{ law: 'PSAPL', article: 'art.91' }, { law: 'MPS-A', article: 'art.173' }], grade: 'V-text',
    statusNote: "Partial: a station's own penalties (warning or a fine up to ¥500) are not checked — the contract carries no fine amount.",
  },
];
