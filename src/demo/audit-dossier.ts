/**
 * DOSSIER_STAGE_REQUIRED_DOCS recomputed from the records (interchange §10.1, §10.2): at each
 * stage transition, every stage event older than 24 h (every stage event at a closing
 * transition) has its documents present and dated.
 */
import type { OcelEvent } from '../interchange/types.js';
import type { Add } from './audit-compliance.js';
import type { RecordIndex } from './audit.js';
import { HOUR } from './time.js';

const TRANSITIONS = new Set([
  'case.filed', 'case.not_filed', 'person.arrest_requested', 'case.transferred', 'case.sent_for_prosecution', 'case.revoked',
  'case.decided', 'case.closed',
]);
const CLOSING = new Set(['case.transferred', 'case.sent_for_prosecution', 'case.revoked', 'case.decided', 'case.closed']);

/** Alternatives per required document; `personal` = the document names the stage's subject. */
type Requirement = { docs: string[][]; personal: boolean };

function requirement(ix: RecordIndex, e: OcelEvent, criminal: boolean, first: boolean): Requirement | undefined {
  const subject = ix.one(e, 'subject');
  switch (e.type) {
    case 'case.accepted': return { docs: [['受案登记表'], ['受案回执']], personal: false };
    case 'case.filed': return { docs: [['立案决定书']], personal: false };
    case 'case.not_filed': return { docs: [['不予立案通知书']], personal: false };
    case 'person.summoned':
      return ix.attr(e, 'form') === 'warrant' ? { docs: [criminal ? ['传唤证', '拘传证'] : ['传唤证']], personal: true } : undefined;
    case 'person.detained': {
      const excused = ix.about(subject as string, 'person.family_notified').some((n) => ix.attr(n, 'exception') !== undefined);
      return { docs: excused ? [['拘留证']] : [['拘留证'], ['拘留通知书']], personal: true };
    }
    case 'interrogation.started':
      if (!first) return undefined;
      return criminal
        ? { docs: [['犯罪嫌疑人诉讼权利义务告知书'], ['讯问笔录']], personal: true }
        : { docs: [['行政案件权利义务告知书'], ['询问笔录']], personal: true };
    case 'person.arrest_requested': return { docs: [['提请批准逮捕书']], personal: true };
    case 'person.arrested': return { docs: [['逮捕证'], ['逮捕通知书']], personal: true };
    case 'person.bail_started': return { docs: [['取保候审决定书']], personal: true };
    case 'person.released': return criminal ? { docs: [['释放证明书']], personal: true } : undefined;
    case 'item.seized':
      return { docs: criminal ? [['扣押决定书', '查封决定书'], ['扣押清单']] : [['证据保全决定书'], ['证据保全清单']], personal: false };
    case 'item.frozen': return { docs: [['协助冻结财产通知书']], personal: false };
    case 'case.sent_for_prosecution': {
      const items = ix.about(ix.one(e, 'case') as string, 'item.seized').length > 0;
      return { docs: items ? [['结案报告'], ['起诉意见书'], ['随案移送清单']] : [['结案报告'], ['起诉意见书']], personal: false };
    }
    case 'case.decided': return { docs: [['行政处罚决定书', '不予行政处罚决定书', '终止案件调查决定书']], personal: false };
    default: return undefined;
  }
}

export function dossier(ix: RecordIndex, add: Add): void {
  const byCase = new Map<string, OcelEvent[]>();
  for (const e of ix.events) {
    const c = ix.one(e, 'case');
    if (c) byCase.set(c, (byCase.get(c) ?? []).concat(e));
  }
  for (const [c, events] of byCase) {
    events.sort((a, b) => ix.t(a) - ix.t(b));
    const criminal = ix.value(c, 'kind') === 'criminal';
    // When each document of the case becomes present (§9.2).
    const present = new Map<string, number>();
    for (const e of events) {
      for (const d of ix.rel(e, 'document')) if (!present.has(d)) present.set(d, ix.t(e));
    }
    const firstSession = new Set<string>();
    const seen = new Set<string>();
    for (const e of events) {
      if (e.type !== 'interrogation.started') continue;
      const s = ix.one(e, 'subject') as string;
      if (!seen.has(s)) firstSession.add(e.id);
      seen.add(s);
    }
    for (const tr of events) {
      if (!TRANSITIONS.has(tr.type)) continue;
      const at = ix.t(tr);
      for (const e of events) {
        if (ix.t(e) > (CLOSING.has(tr.type) ? at : at - 24 * HOUR)) break;
        const req = requirement(ix, e, criminal, firstSession.has(e.id));
        if (!req) continue;
        const subject = ix.one(e, 'subject');
        const missing = req.docs.filter((alts) => ![...present].some(([d, t]) =>
          t <= at && alts.includes(ix.value(d, 'doc_type') ?? '')
          && (!req.personal || ix.objectRel(d, 'subject').includes(subject as string))
          && (ix.value(d, 'issued_at') !== undefined || ix.value(d, 'started_at') !== undefined)
          && ix.value(d, 'sealed') !== 'false' && ix.value(d, 'subject_signed') !== 'false'));
        if (missing.length > 0) add('DOSSIER_STAGE_REQUIRED_DOCS', tr, `${e.type} ${e.id} lacks ${missing.map((m) => m.join('/')).join(', ')}`);
      }
    }
  }
}
