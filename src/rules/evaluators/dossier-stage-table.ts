import type { RuleContext } from '../engine/context.js';

/**
 * The documents each case stage needs (interchange §10.2, catalogue §13), as data: the default
 * table below, which a bureau replaces through the rule parameter `stageDocuments` (the same
 * entries as JSON). Conditions are named; their meaning lives in dossier-stage.ts.
 */
export const STAGE_CONDITIONS = [
  'summons_warrant', 'continued_questioning', 'first_session', 'designated', 'ends_custody', 'seizure', 'evidence_preservation',
  'with_seized_items', 'scope_case', 'scope_suspect', 'decision', 'mediated',
] as const;
export type StageCondition = (typeof STAGE_CONDITIONS)[number];

export interface DocRequirement {
  /** Any of these doc_types satisfies the requirement. */
  anyOf: string[];
  /** † liberty document (拘留证, 通知书, 释放证明书…): missing → S2. */
  liberty?: boolean;
  /** Not needed when a family notice of this `measure` records an exception (notice impossible or withheld). */
  unlessFamilyException?: string;
}

export interface StageEntry {
  /** The stage event type. */
  event: string;
  kind: 'criminal' | 'administrative' | 'both';
  when?: StageCondition;
  /** The stage's name in messages. */
  label?: { 'zh-CN': string; en: string };
  /** The documents name the stage event's subject (or are attached to the event itself). */
  personal?: boolean;
  docs: DocRequirement[];
}

const d = (...anyOf: string[]): DocRequirement => ({ anyOf });
const dagger = (anyOf: string[], unlessFamilyException?: string): DocRequirement => ({ anyOf, liberty: true, unlessFamilyException });
const label = (zh: string, en: string) => ({ 'zh-CN': zh, en });

/** Interchange §10.2, default. */
export const STAGE_DOCUMENTS: StageEntry[] = [
  { event: 'case.accepted', kind: 'both', label: label('受案', 'acceptance'), docs: [d('受案登记表'), d('受案回执')] },
  { event: 'case.filed', kind: 'criminal', label: label('立案', 'filing'), docs: [d('立案决定书')] },
  { event: 'case.not_filed', kind: 'criminal', label: label('不予立案', 'not filing'), docs: [d('不予立案通知书')] },
  { event: 'person.summoned', kind: 'criminal', when: 'summons_warrant', personal: true, label: label('传唤/拘传', 'summons'), docs: [d('传唤证', '拘传证')] },
  { event: 'person.summoned', kind: 'administrative', when: 'summons_warrant', personal: true, label: label('传唤', 'summons'), docs: [d('传唤证')] },
  {
    event: 'person.summoned', kind: 'administrative', when: 'continued_questioning', personal: true, label: label('继续盘问', 'continued questioning'),
    docs: [d('继续盘问审批表'), d('继续盘问通知书')],
  },
  {
    event: 'person.detained', kind: 'criminal', personal: true, label: label('刑事拘留', 'criminal detention'),
    docs: [dagger(['拘留证']), dagger(['拘留通知书'], 'criminal_detention')],
  },
  {
    event: 'interrogation.started', kind: 'criminal', when: 'first_session', personal: true, label: label('首次讯问', 'first interrogation'),
    docs: [d('犯罪嫌疑人诉讼权利义务告知书'), d('讯问笔录')],
  },
  {
    event: 'interrogation.started', kind: 'administrative', when: 'first_session', personal: true, label: label('首次询问', 'first questioning'),
    docs: [d('行政案件权利义务告知书'), d('询问笔录')],
  },
  { event: 'person.arrest_requested', kind: 'criminal', personal: true, label: label('提请批准逮捕', 'arrest request'), docs: [d('提请批准逮捕书')] },
  { event: 'person.arrested', kind: 'criminal', personal: true, label: label('逮捕', 'arrest'), docs: [dagger(['逮捕证']), dagger(['逮捕通知书'], 'arrest')] },
  { event: 'person.bail_started', kind: 'criminal', personal: true, label: label('取保候审', 'bail'), docs: [d('取保候审决定书')] },
  { event: 'person.rsdl_started', kind: 'criminal', personal: true, label: label('监视居住', 'residential surveillance'), docs: [d('监视居住决定书')] },
  {
    event: 'person.rsdl_started', kind: 'criminal', when: 'designated', personal: true, label: label('指定居所监视居住', 'designated residence'),
    docs: [dagger(['监视居住通知书'], 'rsdl_designated')],
  },
  { event: 'person.released', kind: 'criminal', when: 'ends_custody', personal: true, label: label('释放', 'release'), docs: [dagger(['释放证明书'])] },
  {
    event: 'item.seized', kind: 'criminal', when: 'seizure', personal: true, label: label('扣押/查封', 'seizure'),
    docs: [d('扣押决定书', '查封决定书'), d('扣押清单')],
  },
  {
    event: 'item.seized', kind: 'both', when: 'evidence_preservation', personal: true, label: label('证据保全', 'evidence preservation'),
    docs: [d('证据保全决定书'), d('证据保全清单')],
  },
  {
    event: 'item.seized', kind: 'administrative', when: 'seizure', personal: true, label: label('证据保全', 'evidence preservation'),
    docs: [d('证据保全决定书'), d('证据保全清单')],
  },
  { event: 'item.frozen', kind: 'criminal', label: label('冻结', 'freezing'), docs: [d('协助冻结财产通知书')] },
  { event: 'case.sent_for_prosecution', kind: 'criminal', label: label('移送审查起诉', 'transfer for prosecution'), docs: [d('结案报告'), d('起诉意见书')] },
  { event: 'case.sent_for_prosecution', kind: 'criminal', when: 'with_seized_items', label: label('移送审查起诉', 'transfer for prosecution'), docs: [d('随案移送清单')] },
  { event: 'case.revoked', kind: 'criminal', when: 'scope_case', label: label('撤销案件', 'withdrawal'), docs: [d('撤销案件决定书')] },
  { event: 'case.revoked', kind: 'criminal', when: 'scope_suspect', label: label('终止侦查', 'stopped investigation'), docs: [d('终止侦查决定书')] },
  {
    event: 'case.decided', kind: 'administrative', when: 'decision', label: label('行政处理决定', 'administrative decision'),
    docs: [d('行政处罚决定书', '当场处罚决定书', '不予行政处罚决定书', '终止案件调查决定书')],
  },
  { event: 'case.decided', kind: 'administrative', when: 'mediated', label: label('治安调解', 'mediation'), docs: [d('治安调解协议书')] },
];

const parsed = new Map<string, StageEntry[]>();

/** The table in force: the bureau's `stageDocuments` JSON, else the §10.2 default. */
export function stageTable(ctx: RuleContext): StageEntry[] {
  const text = String(ctx.param('stageDocuments')).trim();
  if (text === '') return STAGE_DOCUMENTS;
  const cached = parsed.get(text);
  if (cached) return cached;
  const fail = (why: string): never => {
    throw new Error(`rule ${ctx.ruleId} parameter stageDocuments: ${why}`);
  };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    fail(`not valid JSON (${(err as Error).message})`);
  }
  if (!Array.isArray(value)) fail('expected a JSON array of stage entries');
  const entries = (value as unknown[]).map((x, i) => validEntry(x, (why) => fail(`entry ${i}: ${why}`)));
  parsed.set(text, entries);
  return entries;
}

const strings = (x: unknown): x is string[] => Array.isArray(x) && x.length > 0 && x.every((s) => typeof s === 'string' && s.trim() !== '');

function validEntry(x: unknown, fail: (why: string) => never): StageEntry {
  const e = x as Partial<StageEntry> | null;
  if (!e || typeof e !== 'object') fail('not an object');
  if (typeof e.event !== 'string' || !e.event) fail('"event" must be an event type');
  if (!['criminal', 'administrative', 'both'].includes(e.kind as string)) fail('"kind" must be criminal, administrative or both');
  if (e.when !== undefined && !(STAGE_CONDITIONS as readonly string[]).includes(e.when)) fail(`"when" must be one of ${STAGE_CONDITIONS.join(', ')}`);
  if (!Array.isArray(e.docs) || e.docs.length === 0 || !e.docs.every((r) => strings(r?.anyOf))) fail('"docs" must be a list of { "anyOf": [doc types] }');
  return e as StageEntry;
}
