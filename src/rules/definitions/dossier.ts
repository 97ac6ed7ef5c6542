import type { Localized, RuleDefinition } from '../definition.js';

const L = (zh: string, en: string): Localized => ({ 'zh-CN': zh, en });
const base = { version: 1, effective: {}, domain: 'dossier' } as const;

/** Catalogue §12: dossier quality (卷宗). */
export const DOSSIER_RULES: RuleDefinition[] = [
  {
    ...base, id: 'DOSSIER_ONLINE_RECORD', caseKind: 'both', kind: 'document', core: false,
    name: L('执法办案全程网上记载', 'Online record of case handling'),
    description: L('受理、调查取证、强制措施、决定和文书应录入执法办案信息系统并网上审核审批。', 'Acceptance, evidence, measures, decisions and documents are entered and approved in the case-handling system.'),
    trigger: { events: ['case.accepted', 'case.filed', 'case.decided', 'document.filed'] },
    compliance: { checks: ['each case event has its document and approval online'] },
    severity: { violation: 'S4' }, basis: [{ law: 'MPS-A', article: 'art.263' }, { law: 'OP2015', article: '全要素网上记载、全流程网上运转' }], grade: 'V-text',
  },
  {
    ...base, id: 'DOSSIER_ONE_CASE_ONE_FILE', caseKind: 'administrative', kind: 'document', core: false,
    name: L('行政案件一案一卷', 'One case, one file'),
    description: L('行政案件结案后应一案一卷，受案登记表、证据、决定等文书齐全，不得毁损、伪造，并及时归档。', 'A closed administrative case has one complete file with acceptance form, evidence and decisions, handed to the archive.'),
    trigger: { events: ['case.closed'] },
    compliance: { documents: ['受案登记表', '行政处罚决定书'], checks: ['file handed to archive'] },
    severity: { violation: 'S3' }, basis: [{ law: 'MPS-A', article: 'art.260–262' }], grade: 'V-text',
  },
  {
    ...base, id: 'DOSSIER_CRIM_BINDING', caseKind: 'criminal', kind: 'document', core: false,
    name: L('刑事案卷装订', 'Criminal dossier binding'),
    description: L('侦查终结后材料应装订成卷，诉讼卷随案移送，侦查卷留存，每册不超过200页。', 'After investigation the materials are bound: the litigation volume goes to the procuratorate, the investigation volume is kept, at most 200 pages each.'),
    trigger: { events: ['case.sent_for_prosecution'] },
    compliance: { checks: ['volumes paginated from 1', '≤ max pages per volume'] },
    severity: { violation: 'S4' }, basis: [{ law: 'MPS-C', article: 'art.287' }, { law: 'DOSS', article: 'binding standard (local)' }], grade: 'V-secondary',
    parameters: { maxPagesPerVolume: { default: 200, description: L('每册最多页数（地方标准）', 'Maximum pages per volume (local standard)') } },
    statusNote: 'Needs volume and pagination data (documents carry only page counts).',
  },
  {
    ...base, id: 'DOSSIER_STAGE_REQUIRED_DOCS', caseKind: 'both', kind: 'document', core: true,
    name: L('各阶段法律文书齐全', 'Stage documents complete'),
    description: L('案件进入每一阶段时，该阶段应有的法律文书应齐全、注明日期、签名盖章且内容一致。', 'At each stage reached every required legal document is present, dated, signed and sealed, and consistent.'),
    trigger: { events: ['case.filed', 'case.not_filed', 'person.arrest_requested', 'case.transferred', 'case.sent_for_prosecution', 'case.revoked', 'case.decided', 'case.closed'] },
    compliance: { documents: ['per interchange §10.2'], checks: ['for each §10.2 stage event older than the grace period: documents present and dated; sealed and subject_signed not false'] },
    severity: { violation: 'S3' }, basis: [{ law: 'MPS-C', article: 'stage documents (§13a)' }, { law: 'MPS-A', article: 'stage documents (§13b)' }], grade: 'V-secondary',
    parameters: {
      graceHours: { default: 24, description: L('阶段事件后补齐文书的宽限（小时）', 'Hours after a stage event before its documents are required') },
      stageDocuments: { default: '', description: L('各阶段应有文书表（JSON，留空使用交换规范§10.2默认表）', 'Stage document table (JSON; empty = the interchange §10.2 default)') },
    },
    statusNote: 'S2 if a liberty document (†: 拘留证, 通知书, 释放证明书) is missing. Partial (§10.3): name and ID consistency inside documents is not represented.',
  },
  {
    ...base, id: 'DOSSIER_DOC_TIME_CONSISTENCY', caseKind: 'both', kind: 'state', core: false,
    name: L('文书时间逻辑一致', 'Document time consistency'),
    description: L('受案、立案、强制措施、拘留证、通知书、讯问及提捕等文书时间应符合先后顺序和法定时限。', 'Acceptance, filing, measures, warrants, notices, interrogations and arrest requests follow each other in lawful order and within limits.'),
    trigger: { events: ['document.filed'] },
    compliance: { checks: ['受案 ≤ 立案 ≤ any measure or seizure', '拘留证 approval ≤ execution ≤ 看守所 arrival (≤ 24 h)', 'no overlapping 笔录 times for same officer or suspect', '传唤证 times match area ledger'] },
    severity: { violation: 'S2' }, basis: [], grade: 'D',
  },
];
