import type { Period, PeriodUnit } from '../../legal-time/deadline.js';
import type { Localized, RuleDefinition } from '../definition.js';

const L = (zh: string, en: string): Localized => ({ 'zh-CN': zh, en });
const P = (amount: number, unit: PeriodUnit): Period => ({ amount, unit });
const base = { version: 1, effective: {}, domain: 'area', status: 'planned', caseKind: 'both' } as const;

/** Catalogue §8: case-handling area (办案区 / 执法办案管理中心). */
export const AREA_RULES: RuleDefinition[] = [
  {
    ...base, id: 'AREA_IMMEDIATE_ENTRY_NO_EXIT', kind: 'deadline', core: true,
    name: L('到案即入办案区、非经批准不得带出', 'Straight into the area, no unapproved exit'),
    description: L('嫌疑人到案后应直接带入办案区，除经办案部门负责人批准起赃、辨认现场或尸体外不得带出。', 'A suspect brought in goes straight into the case-handling area and leaves only with approval to recover loot or identify a scene or body.'),
    trigger: { events: ['person.brought_in', 'person.summoned'], condition: "到案 of a 'suspect': person.brought_in, else person.summoned (one per arrival)" },
    compliance: { events: ['area.entered', 'area.exited', 'approval.granted'], checks: ['first area.entered <= 到案 + entry window', "every 'temporary' exit has approved_exit, an approver and purpose recover_loot/identify_scene/identify_body/medical"] },
    limit: { amount: 15 / 60, unit: 'h', custodial: 'always' },
    exceptions: ['mediation, hearings and simple-procedure cases may use the reception area'],
    severity: { violation: 'S2' }, basis: [{ law: 'AREA', article: 'art.4' }, { law: '4YL', article: '一律带入办案区' }], grade: 'V-secondary',
    parameters: { entryWindowMinutes: { default: 15, description: L('到案至进入办案区的容许时长（分钟）', 'Minutes allowed from arrival to area entry') } },
  },
  {
    ...base, id: 'AREA_ENTRY_SECURITY_CHECK', kind: 'deadline', core: true,
    name: L('入区先安检', 'Security check on entry'),
    description: L('进入办案区应首先进行人身安全检查，询问身体状况，随身财物登记并由非办案民警保管。', 'On entry a safety check comes first, health is asked and recorded, and belongings are listed and kept by someone other than the case officer.'),
    trigger: { events: ['area.entered'], condition: "first entry of a suspect's stay" },
    compliance: { events: ['area.security_checked'], documents: ['暂存物品清单'], checks: ['before the first interrogation.started of the stay', 'health_recorded, belongings_listed', 'custodian not a case officer'] },
    limit: { amount: 15 / 60, unit: 'h', custodial: 'always' },
    severity: { violation: 'S2' }, basis: [{ law: '4YL', article: '一律先安检' }, { law: 'MPS-A', article: 'art.53' }, { law: 'CQ', article: 'art.31–32' }, { law: 'BELONG2012', article: 'art.4–6' }], grade: 'V-report',
    parameters: { checkWindowMinutes: { default: 15, description: L('入区至安检完成的容许时长（分钟）', 'Minutes allowed from entry to security check') } },
  },
  {
    ...base, id: 'AREA_LEDGER', kind: 'document', core: false,
    name: L('办案区出入登记', 'Area ledger'),
    description: L('所有进出办案区的人员均应登记人员、案件和进出时间，进出记录应一一对应。', 'Everyone entering or leaving the area is logged with person, case and times, and every entry has a matching exit.'),
    trigger: { events: ['area.entered'] },
    compliance: { events: ['area.exited'], checks: ['open entry older than the legal window → alert'] },
    severity: { violation: 'S3' }, basis: [{ law: 'AREA', article: 'ledger requirement' }], grade: 'V-secondary',
  },
  {
    ...base, id: 'AREA_NEVER_UNATTENDED', kind: 'state', core: true,
    name: L('办案区人员全程有人看管', 'Never unattended'),
    description: L('嫌疑人在办案区期间应始终有专人看管，候问室有人值守、巡查。', 'A suspect in the area is watched by someone at all times, and occupied holding rooms are staffed and patrolled.'),
    trigger: { events: ['area.entered'], condition: "a suspect's stay" },
    compliance: { events: ['area.entered', 'area.exited', 'venue.occupancy_observed'], checks: ['officer positioned in the room, or a snapshot with officers >= 1 and subjects >= 1', 'proven unwatched gap > max gap → violation; unverified gap → S3 "unverified"'] },
    severity: { violation: 'S1' }, basis: [{ law: '4YL', article: '一律有人看管' }, { law: 'CQ', article: 'art.29(2)' }], grade: 'V-report',
    parameters: {
      maxGapMinutes: { default: 5, description: L('允许的看管间隙（分钟）', 'Allowed custody-watch gap in minutes') },
      snapshotValidityMinutes: { default: 2, description: L('在场快照的最长有效时间（分钟）', 'Minutes an occupancy snapshot stays valid at most') },
    },
    statusNote: 'Partial (§10.3): needs positioning or video (venue.occupancy_observed); without them gaps are "unverified".',
  },
  {
    ...base, id: 'AREA_VIDEO_COVERAGE', kind: 'state', core: false,
    name: L('办案区全程视频监控', 'Area video coverage'),
    description: L('嫌疑人在办案区期间应全程视频监控并录像，录像缺口应预警。', 'Video monitoring and recording cover the whole stay in the area; gaps are flagged.'),
    trigger: { events: ['area.entered'] },
    compliance: { checks: ['a recording segment covers each room interval'] },
    severity: { violation: 'S2' }, basis: [{ law: '4YL', article: '一律全程视频监控' }], grade: 'V-report',
    statusNote: 'Needs area surveillance recordings as `media` with venue links.',
  },
  {
    ...base, id: 'AREA_MAX_STAY', kind: 'deadline', core: true,
    name: L('办案区滞留时限', 'Maximum stay in the area'),
    description: L('在办案区停留时间不得超过其到案法律依据的时限，一般不超过24小时。', 'A stay in the area never exceeds the limit of the person\'s legal basis for being there, in practice 24 hours.'),
    trigger: { events: ['area.entered'], condition: 'stay start (any person)' },
    compliance: { events: ['area.exited'], checks: ['final exit <= earliest applicable: summons 12/24 h, admin summons 8/24 h, continued questioning as approved; detained: detention + 24 h; admin detention decided: + transfer hours; after release: + release hours; else ceiling'] },
    limit: { ...P(24, 'h'), custodial: 'always' }, warn: { fraction: 0.75 },
    severity: { violation: 'S1' }, basis: [{ law: 'AREA', article: 'art.5 (partial)' }, { law: 'CPL', article: 'art.85, 119' }, { law: 'PSAPL', article: 'art.83' }, { law: 'CQ', article: 'art.11' }], grade: 'D',
    parameters: {
      ceilingHours: { default: 24, description: L('办案区停留上限（小时，推导值）', 'Derived practical ceiling in hours') },
      adminDetentionTransferHours: { default: 6, description: L('行政拘留决定后送拘留所时限（小时）', 'Hours after a detention decision to reach the detention centre') },
      releaseExitHours: { default: 1, description: L('释放后离开办案区时限（小时）', 'Hours after release to leave the area') },
    },
  },
  {
    ...base, id: 'AREA_SPECIAL_PERSONS_4H', kind: 'deadline', core: true,
    name: L('特殊人员继续盘问4小时', 'Special persons: 4 h'),
    description: L('对怀孕或哺乳期妇女、未满16周岁或70周岁以上人员继续盘问的，应在到案后4小时内结束，不得关入候问室，夜间释放应通知家属领回。', 'Continued questioning of pregnant or nursing women, under-16s or over-70s ends within 4 hours, never in a holding room, and night releases are handed to family.'),
    trigger: { events: ['person.summoned'], condition: "form 'continued_questioning', subject pregnant, nursing, < 16 or >= 70" },
    compliance: { events: ['person.summons_ended', 'person.released'], checks: ["no area.entered into a 'holding_room' meanwhile", 'release 21:00–07:00 local with handed_over family/guardian/escorted_home'] },
    limit: { ...P(4, 'h'), custodial: 'always' },
    severity: { violation: 'S1' }, basis: [{ law: 'CQ', article: 'art.10' }], grade: 'V-text',
  },
  {
    ...base, id: 'AREA_SEPARATION_AND_SEARCH_BY_SEX', kind: 'prohibition', core: false,
    name: L('分性别看管与检查', 'Separation and search by sex'),
    description: L('不同性别人员不得同处一个候问室，女性由女工作人员检查，未成年人与成年人分开看管。', 'Different sexes never share a holding room, women are searched only by female staff and juveniles are kept apart from adults.'),
    trigger: { events: ['area.entered', 'area.security_checked'], condition: 'holding-room allocation or body search' },
    compliance: { checks: ['no mixed-sex occupancy of a holding_room', 'female searched by female staff', 'juveniles apart from adults'] },
    severity: { violation: 'S2' }, basis: [{ law: 'CQ', article: 'art.30' }, { law: 'MPS-C', article: 'art.217, 225, 328' }, { law: 'MPS-A', article: 'art.84' }, { law: 'PSAPL', article: 'art.87' }], grade: 'V-text',
  },
  {
    ...base, id: 'AREA_QUESTIONING_LOCATION', kind: 'prohibition', core: false,
    name: L('讯问、询问地点', 'Questioning location'),
    description: L('讯问应在执法办案场所讯问室进行，在押的在看守所讯问室，法定例外情形除外。', 'Interrogation takes place in the interrogation room of the case-handling premises, or the detention house\'s room for those held, save for lawful exceptions.'),
    trigger: { events: ['interrogation.started'] },
    compliance: { checks: ['venue room_type is an allowed type (interrogation_room, inquiry_room, detention_center_interrogation, or an exception)'] },
    exceptions: ['urgent on-site questioning', 'seriously ill, disabled or pregnant suspect', 'serving detention or sentence', 'non-detained suspect summoned with approval'],
    severity: { violation: 'S2' }, basis: [{ law: 'MPS-C', article: 'art.198' }, { law: 'MPS-A', article: 'art.71' }], grade: 'V-text',
  },
  {
    ...base, id: 'AREA_NOT_INTO_DETENTION_FACILITY', kind: 'prohibition', core: false,
    name: L('盘问、传唤人员不得送羁押场所', 'No detention facility for questioning'),
    description: L('继续盘问或传唤的人员未作出拘留决定前不得关入看守所、拘留所等羁押场所。', 'A person under continued questioning or summons, with no detention decision, is never put into a detention house or other holding facility.'),
    trigger: { events: ['person.summoned'], condition: 'continued_questioning (or summons by analogy)' },
    compliance: { checks: ['no person.jailed during the interval'] },
    severity: { violation: 'S2' }, basis: [{ law: 'CQ', article: 'art.30' }], grade: 'V-text',
    statusNote: 'CQ art.30 addresses 继续盘问; applying it to 传唤 is by analogy (catalogue consistency note).',
  },
  {
    ...base, id: 'JAIL_INTAKE_CHECKS', caseKind: 'criminal', kind: 'document', core: false,
    name: L('看守所收押检查', 'Detention-house intake checks'),
    description: L('看守所凭拘留证或逮捕证收押并填写到所时间，进行健康和体表检查及人身物品安全检查并记录。', 'The detention house admits on a warrant with the arrival time written on it, and records health, body-surface and safety checks.'),
    trigger: { events: ['person.jailed'] },
    compliance: { documents: ['拘留证', '逮捕证'], checks: ['arrival time on the warrant', 'health and body check recorded'] },
    severity: { violation: 'S2' }, basis: [{ law: 'MPS-C', article: 'art.153–155' }], grade: 'V-text',
    statusNote: 'Needs the detention-house intake record.',
  },
];
