import type { Period, PeriodUnit } from '../../legal-time/deadline.js';
import type { Localized, RuleDefinition } from '../definition.js';
import { L, P } from '../definition.js';

const base = { version: 1, effective: {}, domain: 'incident' } as const;

/** Catalogue §5: incident reception and diversion (接处警 / 警情分流). */
export const INCIDENT_RULES: RuleDefinition[] = [
  {
    ...base, id: 'INC_110_LOG_COMPLETE', caseKind: 'both', kind: 'document', core: false,
    name: L('110警情登记要素完整', '110 incident log complete'),
    description: L('每起报警、求助、投诉均应登记时间、报警人、地点、内容、指令、处警单位和反馈。', 'Every report, request for help and complaint is logged with time, reporter, location, content, dispatch instruction, unit and feedback.'),
    trigger: { events: ['incident.received'] },
    compliance: {
      events: ['incident.closed', 'case.accepted', 'incident.referred', 'incident.dispatched'],
      checks: ['handling result (incident.closed, or case.accepted / incident.referred) within completeHours', '110 incident with an incident.arrived: incident.dispatched within completeHours'],
    },
    limit: { ...P(24, 'h'), custodial: 'never' },
    severity: { overdue: 'S4', violation: 'S4' }, basis: [{ law: '110R', article: 'art.7' }], grade: 'V-secondary',
    parameters: { completeHours: { default: 24, description: L('警情受理后登记反馈、派警记录的时限（小时）', 'Hours after receipt to log the result and the dispatch') } },
    statusNote: 'Partial: the records the contract carries (result, dispatch of attended 110 incidents); reporter, location and content are optional attributes — unknown, shown on the completeness views (§5.2).',
  },
  {
    ...base, id: 'INC_DISPATCH_TIMELINESS', caseKind: 'both', kind: 'deadline', core: false,
    name: L('接处警时效', 'Dispatch timeliness'),
    description: L('接到指令后应立即签收、出警并按时反馈，紧急警情立即出警（时限为地方考核指标）。', 'A dispatch instruction is signed off, answered and fed back without delay; urgent incidents get an immediate turn-out (times are local KPIs).'),
    trigger: { events: ['incident.dispatched'] },
    compliance: { events: ['incident.arrived', 'incident.closed'], checks: ['arrival within the urban/suburban KPI of the target unit (configured units only)', 'feedback (incident.closed) within feedbackMinutes of dispatch'] },
    severity: { overdue: 'S3', violation: 'S3' }, basis: [{ law: '110R', article: 'dispatch articles' }], grade: 'V-secondary',
    parameters: {
      urbanUnits: { default: '', description: L('适用城区到场时限的处警单位（单位编号，逗号分隔，含下级单位）', 'Dispatch units under the urban arrival limit (unit ids, comma-separated; covers units below them)') },
      urbanArrivalMinutes: { default: 5, description: L('城区到场时限（分钟，地方指标）', 'Urban arrival limit in minutes (local KPI)') },
      suburbanUnits: { default: '', description: L('适用城郊到场时限的处警单位（单位编号，逗号分隔，含下级单位）', 'Dispatch units under the suburban arrival limit (unit ids, comma-separated; covers units below them)') },
      suburbanArrivalMinutes: { default: 10, description: L('城郊到场时限（分钟，地方指标）', 'Suburban arrival limit in minutes (local KPI)') },
      feedbackMinutes: { default: 240, description: L('派警后反馈时限（分钟；默认取最宽一档4小时）', 'Feedback limit after dispatch in minutes (default: the loosest tier, 4 h)') },
    },
    statusNote: 'Local KPIs only (§14.6); S2 for urgent incidents, S3 otherwise. Arrival is judged only for units listed as urban or suburban (the contract carries no area class; rural is "as soon as possible"); sign-off and departure times are not in the contract.',
  },
  {
    ...base, id: 'INC_BODYCAM_REQUIRED', caseKind: 'both', kind: 'document', core: true,
    name: L('现场执法全程记录', 'Body-worn camera required'),
    description: L('处警及现场执法应全程使用执法记录仪，视频关联警情或案件并至少保存六个月。', 'Responses and on-site enforcement are recorded throughout on body-worn camera, linked to the incident or case and kept at least six months.'),
    trigger: { events: ['incident.arrived'] },
    compliance: { checks: ['bodycam media covers first arrival to incident.closed (or first area.entered), gaps within tolerance', 'retention_until >= start + 6 months'] },
    severity: { violation: 'S2' }, basis: [{ law: 'BWC2016', article: 'arts. on recording scope and retention' }], grade: 'V-report',
    parameters: {
      gapToleranceMinutes: { default: 1, description: L('允许的视频间隙（分钟）', 'Allowed footage gap in minutes') },
      checkAfterHours: { default: 24, description: L('警情结束后检查时点（小时）', 'Hours after closure at which the check runs') },
      retentionMonths: { default: 6, description: L('最短保存期（月）', 'Minimum retention in months') },
    },
    statusNote: 'Partial (§10.3): covers incident responses; other on-site acts only where the source sends `media`. S1 if the incident becomes a case.',
  },
  {
    ...base, id: 'INC_URGENT_THEN_REGISTER_24H', caseKind: 'both', kind: 'deadline', core: true,
    name: L('紧急处置后24小时内补登记', 'Register within 24 h after urgent handling'),
    description: L('先行处置的紧急警情，应在处置结束后24小时内网上接报案登记并出具回执。', 'A report handled urgently first is registered online with a receipt within 24 hours after handling ends.'),
    trigger: { events: ['incident.closed'], condition: 'urgent = true' },
    compliance: { events: ['incident.registered', 'notice.served'], checks: ['notice.served notice_type report_receipt'] },
    limit: { ...P(24, 'h'), custodial: 'never' },
    severity: { violation: 'S3' }, basis: [{ law: 'OP2015', article: '接报案 registration' }], grade: 'V-secondary',
  },
  {
    ...base, id: 'INC_WALKIN_THREE_ON_THE_SPOT', caseKind: 'both', kind: 'deadline', core: true,
    name: L('群众报案"三个当场"', 'Walk-in report: three things on the spot'),
    description: L('群众上门报案应当场网上登记、当场接受证据、当场出具回执并告知查询方式。', 'A walk-in report is registered online, its evidence accepted and a receipt with how to check progress handed over, all on the spot.'),
    trigger: { events: ['incident.received'], condition: "channel = 'walk_in'" },
    compliance: { events: ['incident.registered', 'notice.served'], documents: ['接受证据材料清单'], checks: ['notice.served notice_type report_receipt', 'evidence list (接受证据材料清单, administrative: 接受证据清单) present if evidence_submitted'] },
    limit: { ...P(2, 'h'), custodial: 'never' },
    severity: { violation: 'S3' }, basis: [{ law: 'OP2015', article: '三个当场' }, { law: 'RL2024', article: 'cl.4' }], grade: 'V-secondary',
    parameters: { onTheSpotHours: { default: 2, description: L('"当场"的容许时长（小时）', 'Hours that still count as "on the spot"') } },
  },
  {
    ...base, id: 'INC_CASE_TYPE_NOT_CONVERTED', caseKind: 'both', kind: 'deadline', core: true,
    name: L('案件类警情未转案（有警不接、有案不受）', 'Case-type incident not converted'),
    description: L('定性为刑事或治安的警情应受案登记，或有移送、分流、告知的书面记录。', 'An incident closed as criminal or public-order is accepted as a case, or has a documented transfer, diversion or notice.'),
    trigger: { events: ['incident.closed'], condition: "nature in ('criminal','public_order') or category mapped to a case type" },
    compliance: { events: ['case.accepted', 'incident.referred', 'notice.served'], documents: ['受案登记表', '移送案件通知书'], checks: ['case.accepted with incident = it, or notice_type not_police_matter'] },
    limit: { ...P(24, 'h'), custodial: 'never' },
    severity: { violation: 'S2' },
    basis: [{ law: 'MPS-C', article: 'art.169, 171' }, { law: 'MPS-A', article: 'art.60–61' }, { law: 'OP2015', article: '必须接受，不得推诿' }], grade: 'V-text',
    parameters: {
      graceHours: { default: 24, description: L('警情结束后转案宽限（小时）', 'Hours after closure to convert the incident') },
      caseTypeCategoryPrefixes: { default: '', description: L('视为案件类的警情类别代码前缀（逗号分隔，空为不按类别判断）', 'Incident category code prefixes treated as case types (comma-separated; empty = none)') },
    },
  },
  {
    ...base, id: 'INC_NOT_POLICE_MATTER_INFORMED', caseKind: 'both', kind: 'deadline', core: false,
    name: L('非警务事项告知', 'Reporter told when not a police matter'),
    description: L('不属于公安职责的报案应立即告知报案人向主管机关反映，行政案件有异议时应书面告知。', 'A reporter whose matter is outside police duties is told at once where to go; in administrative cases in writing if they object.'),
    trigger: { events: ['incident.referred'], condition: "route = 'not_police_matter'" },
    compliance: { events: ['notice.served'], checks: ["notice_type 'not_police_matter' to a reporter, victim or complainant, or exception + reason"] },
    limit: { ...P(2, 'h'), custodial: 'never' },
    severity: { overdue: 'S4', violation: 'S4' }, basis: [{ law: 'MPS-C', article: 'art.175(2)' }, { law: 'MPS-A', article: 'art.61(1)(3)' }], grade: 'V-text',
    parameters: { informHours: { default: 2, description: L('"立即告知"的容许时长（小时）', 'Hours that still count as "at once"') } },
    statusNote: 'Partial: whether an administrative reporter objected (then the notice is due in writing) is not in the contract.',
  },
  {
    ...base, id: 'INC_DUPLICATE_REPORT', caseKind: 'both', kind: 'state', core: false,
    name: L('重复报案处理', 'Duplicate report'),
    description: L('对正在办理或已办结事项的重复报案应作解释，无新事实、新证据不重复登记。', 'A repeat report on a matter already handled is explained and not re-registered unless there are new facts or evidence.'),
    trigger: { events: ['incident.referred'], condition: "route = 'duplicate'" },
    compliance: { checks: ['the referral names the original case (case)'] },
    severity: { violation: 'S4' }, basis: [{ law: 'MPS-C', article: 'art.175(3)' }, { law: 'MPS-A', article: 'art.60' }], grade: 'V-text',
    statusNote: 'Partial: checks the link to the original case; the explanation to the reporter (no notice type) and new facts or evidence are not in the contract.',
  },
];
