import type { Localized, RuleDefinition } from '../definition.js';
import { L } from '../definition.js';

const base = { version: 1, effective: {}, domain: 'dossier' } as const;

/** Catalogue §12: dossier quality (卷宗). */
export const DOSSIER_RULES: RuleDefinition[] = [
  {
    ...base, id: 'DOSSIER_ONLINE_RECORD', caseKind: 'both', kind: 'document', core: false,
    name: L('执法办案全程网上记载', 'Online record of case handling'),
    description: L('受理、调查取证、强制措施、决定和文书应录入执法办案信息系统并网上审核审批。', 'Acceptance, evidence, measures, decisions and documents are entered and approved in the case-handling system.'),
    trigger: { events: ['case.filed', 'case.not_filed', 'case.decided', 'case.revoked', 'case.transferred', 'case.sent_for_prosecution', 'case.closed'], condition: 'acceptance: the first stage event; outcome: the first case.closed of a criminal case' },
    compliance: { events: ['case.accepted', 'case.not_filed', 'case.revoked', 'case.transferred', 'case.sent_for_prosecution'], checks: ['acceptance: a case.accepted on record (simple-procedure decision exempt)', "outcome (criminal): not filed, revoked (scope 'case'), transferred or sent for prosecution before the closure"] },
    severity: { violation: 'S4' }, basis: [{ law: 'MPS-A', article: 'art.263' }, { law: 'OP2015', article: '全要素网上记载、全流程网上运转' }], grade: 'V-text',
    statusNote: 'Partial: what the contract can show is missing acts — a case without its acceptance, a criminal closure without its outcome (the administrative one is ADMIN_CLOSURE_OR_TERMINATION\'s). Online review and approval of each act are not judged: an act without an approver is unknown (§5.2, as in the §12.1 example).',
  },
  {
    ...base, id: 'DOSSIER_ONE_CASE_ONE_FILE', caseKind: 'administrative', kind: 'document', core: false,
    name: L('行政案件一案一卷', 'One case, one file'),
    description: L('行政案件结案后应一案一卷，受案登记表、证据、决定等文书齐全，不得毁损、伪造，并及时归档。', 'A closed administrative case has one complete file with acceptance form, evidence and decisions, handed to the archive.'),
    trigger: { events: ['case.closed'], condition: 'the first closure of an administrative case decided by ordinary procedure (a case.decided without 当场处罚决定书 before it)' },
    compliance: { documents: ['询问笔录', '现场笔录', '检查笔录', '证据保全清单', '鉴定意见书'], checks: ['a document of evidenceDocTypes present by the closure, or a recording (media) of the case begun by then; no documents at all: unverified'] },
    severity: { violation: 'S3' }, basis: [{ law: 'MPS-A', article: 'art.260–262' }], grade: 'V-text',
    parameters: {
      evidenceDocTypes: {
        default: '询问笔录,讯问笔录,现场笔录,检查笔录,勘验笔录,辨认笔录,证据保全清单,扣押清单,鉴定意见书,鉴定意见,调取证据清单,接受证据材料清单,接受证据清单',
        description: L('卷内可作为认定事实证据的文书名称（逗号分隔）', 'Document names that count as evidence in the file (comma-separated)'),
      },
    },
    statusNote: 'Partial: evidence in the file at closure. The 受案登记表 and decision documents are DOSSIER_STAGE_REQUIRED_DOCS\'s, a closure without decision ADMIN_CLOSURE_OR_TERMINATION\'s. Not in the contract: destruction or forgery, the binding order, the hand-over to the archive (no archive event); one file per case holds by construction (a document belongs to one case).',
  },
  {
    ...base, id: 'DOSSIER_CRIM_BINDING', caseKind: 'criminal', kind: 'document', core: false,
    name: L('刑事案卷装订', 'Criminal dossier binding'),
    description: L('侦查终结后材料应装订成卷，诉讼卷随案移送，侦查卷留存，每册不超过200页。', 'After investigation the materials are bound: the litigation volume goes to the procuratorate, the investigation volume is kept, at most 200 pages each.'),
    trigger: { events: ['case.sent_for_prosecution'] },
    compliance: { checks: ['volumes paginated from 1', '≤ max pages per volume'] },
    severity: { violation: 'S4' }, basis: [{ law: 'MPS-C', article: 'art.287' }, { law: 'DOSS', article: 'binding standard (local)' }], grade: 'V-secondary',
    parameters: { maxPagesPerVolume: { default: 200, description: L('每册最多页数（地方标准）', 'Maximum pages per volume (local standard)') } },
    statusNote: 'Not evaluable: documents carry page counts but no volume (诉讼卷 / 侦查卷 / 副卷) or page numbering, and binding is not an event; the 随案移送清单 at the transfer is DOSSIER_STAGE_REQUIRED_DOCS\'s.',
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
    trigger: { events: ['case.filed', 'case.not_filed', 'document.filed'], condition: 'the first filing decision; each document from the event it is present from (§9.2)' },
    compliance: { checks: ['acceptance_order: first case.accepted ≤ first case.filed / not_filed', 'dated_after_use: the local date of issued_at (else started_at) ≤ the local date of the event the document is present from', 'transcript_times: ended_at ≥ started_at'] },
    severity: { violation: 'S2' }, basis: [], grade: 'D',
    statusNote: 'Partial, the order checks no other rule reports: 立案 before measures is CRIM_PREFILING_NO_COERCION\'s; the 24-hour limits (看守所, family notice, first interrogation) and the arrest-request limits have their own rules; overlapping 笔录 are INTV_AV_TRANSCRIPT_CONSISTENCY\'s; an emergency warrant CRIM_DETENTION_WARRANT_SHOWN\'s. Not in the contract: the arrival and end times written on a 传唤证 (only times_recorded), to match against the area ledger.',
  },
];
