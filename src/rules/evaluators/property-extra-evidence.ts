import type { Localized } from '../definition.js';
import { deadlineFinding, L, P, violation, type RuleContext, type RuleEvaluator } from '../engine/context.js';
import { caseKind, documentPresentAt, documentsOfType } from '../engine/facts.js';
import type { Finding } from '../engine/finding.js';
import { type Ev, type Snapshot, targets, truthy } from '../engine/snapshot.js';
import { custodialOnLastDay } from './custody-common.js';

/**
 * The non-core evidence rules of catalogue §10 (证据): the appraisal opinion told to the parties,
 * and the records of scene inspections, searches, examinations and lineups, judged from the
 * document attributes of interchange §6.
 */
const present = <T>(x: T | undefined): x is T => x !== undefined;
const named = (s: Snapshot, doc: string) => s.linked(doc, 'subject');
/** A document naming nobody is taken to concern everybody (§5.2: unknown is not held against it). */
const concerns = (s: Snapshot, doc: string, persons: string[]) => named(s, doc).length === 0 || named(s, doc).some((p) => persons.includes(p));

const ADMIN_NOTICE_DAYS = 5; // MPS-A art.97: copy served within 5 days of receipt

/** When a person was told of the opinion: a notice.served relating a 鉴定意见通知书, or that document naming them becoming present. */
function toldAt(s: Snapshot, person: string, from: Date): { by?: Ev; at?: Date } {
  const notices = documentsOfType(s, '鉴定意见通知书');
  const served = s.relating(person, 'subject', 'notice.served')
    .find((n) => n.time.getTime() >= from.getTime() && targets(n, 'document').some((d) => notices.includes(d)));
  const documented = notices.filter((d) => concerns(s, d, [person]))
    .map((d) => documentPresentAt(s, d)?.getTime()).filter((t): t is number => t !== undefined && t >= from.getTime());
  const docAt = documented.length ? Math.min(...documented) : undefined;
  if (served && (docAt === undefined || served.time.getTime() <= docAt)) return { by: served };
  return docAt === undefined ? {} : { at: new Date(docAt) };
}

/**
 * EVID_APPRAISAL_NOTICE (CPL art.148; MPS-C art.250, 252–255; MPS-A art.88, 97). Trigger:
 * appraisal.ended (the opinion is received; every opinion is taken as used in evidence). Each
 * suspect and victim of the case (role as of the end) is told: a notice.served to them relating a
 * 鉴定意见通知书, or that document naming them (or nobody) present — administrative within 5 days
 * of receipt (MPS-A art.97), criminal "promptly", `criminalNoticeDays` [D]. Custodial while the
 * person is held on the last day (§4). Not in the contract: the re-appraisal request and the
 * 3-day notice of its refusal, and the chain of custody of samples.
 */
export const EVID_APPRAISAL_NOTICE: RuleEvaluator = {
  ruleId: 'EVID_APPRAISAL_NOTICE',
  evaluate: (s, ctx) => {
    const kind = caseKind(s);
    if (!kind) return [];
    return s.ofType('appraisal.ended').flatMap((ended) => {
      const days = kind === 'administrative' ? ADMIN_NOTICE_DAYS : ctx.num('criminalNoticeDays', ended.time);
      const period = P(days, 'd');
      const parties = s.objectsOfType('person').map((p) => p.id).filter((p) => ['suspect', 'victim'].includes(s.attr(p, 'role', ended.time) ?? ''));
      return parties.map((person) => {
        const told = toldAt(s, person, ended.time);
        return deadlineFinding(ctx, {
          subject: { type: 'person', id: person }, trigger: ended, period, custodial: custodialOnLastDay(s, ctx, person, ended.time, period),
          compliedBy: told.by, compliedAt: told.at,
          duty: L(`收到鉴定意见后${days}日内将鉴定意见告知犯罪嫌疑人（违法嫌疑人）和被害人`, `Tell the suspect and the victim of the appraisal opinion within ${days} days of receiving it`),
        });
      }).filter(present);
    });
  },
};

interface Defect {
  part: string;
  duty: Localized;
  reason: Localized;
}

const JUDGED_ATTRIBUTES = ['officer_signatures', 'subject_signed', 'witness_signed', 'refusal_noted', 'started_at', 'issued_at'];

/**
 * Judges evidence records of some types: each once it is filed (its first document.filed), on its
 * values as of T — raised when the last judged value arrived (again on change).
 */
function judgeRecords(s: Snapshot, ctx: RuleContext, docTypes: string[], defects: (doc: string, docType: string, filed: Ev) => Defect[]): Finding[] {
  return documentsOfType(s, ...docTypes).flatMap((doc) => {
    const filed = s.relating(doc, 'document', 'document.filed')[0];
    if (!filed) return [];
    const at = new Date(Math.max(filed.time.getTime(), ...JUDGED_ATTRIBUTES.map((n) => s.attrTime(doc, n)?.getTime() ?? 0)));
    return defects(doc, s.attr(doc, 'doc_type')!, filed)
      .map((d) => violation(ctx, { subject: { type: 'document', id: doc }, trigger: filed, at, ...d }))
      .filter(present);
  });
}

/** Fewer than two officers signed (an unknown count is not judged, §5.2). */
function fewOfficers(s: Snapshot, doc: string, duty: Localized): Defect[] {
  const n = s.attr(doc, 'officer_signatures');
  if (n === undefined || Number(n) >= 2) return [];
  return [{ part: 'officers', duty, reason: L(`笔录仅有${n}名民警签名`, `only ${n} officer(s) signed the record`) }];
}

const isFalse = (s: Snapshot, doc: string, name: string) => s.attr(doc, name) === 'false';

/**
 * A criminal search needs a 搜查证 issued by the search (its written started_at, else issued_at,
 * else filing); a warrant naming none of the record's persons does not count; an undated one is
 * not held against it. Exempt: a search within `warrantlessSearchHours` [D] of a detention or
 * arrest of a person the record names (MPS-C art.224, searches while executing them).
 */
function missingWarrant(s: Snapshot, ctx: RuleContext, doc: string, filed: Ev): Defect[] {
  const searchAt = [s.attr(doc, 'started_at'), s.attr(doc, 'issued_at')].map((v) => Date.parse(v ?? '')).find(Number.isFinite) ?? filed.time.getTime();
  const persons = named(s, doc);
  const warrants = documentsOfType(s, '搜查证').filter((w) => persons.length === 0 || concerns(s, w, persons));
  const issued = warrants.map((w) => Date.parse(s.attr(w, 'issued_at') ?? ''));
  if (issued.some((t) => !Number.isFinite(t) || t <= searchAt)) return [];
  const hours = ctx.num('warrantlessSearchHours', filed.time) * 3_600_000;
  const executing = s.ofType('person.detained', 'person.arrested')
    .some((e) => Math.abs(e.time.getTime() - searchAt) <= hours && (persons.length === 0 || targets(e, 'subject').some((p) => persons.includes(p))));
  if (executing) return [];
  return [{
    part: 'warrant',
    duty: L('搜查应持经县级以上公安机关负责人批准的搜查证（执行拘留、逮捕时的紧急情形除外）', 'A search needs a search warrant approved at county level (except in emergencies while detaining or arresting)'),
    reason: warrants.length ? L('搜查证签发时间晚于搜查', 'the search warrant was issued after the search') : L('无搜查证，且不属于执行拘留、逮捕时的搜查', 'no search warrant, and the search was not made while detaining or arresting'),
  }];
}

/**
 * EVID_SCENE_AND_SEARCH (MPS-C art.215–216, 222–226; MPS-A art.82, 86; PSAPL art.87–88; CPL
 * art.133, 138–140), partial. Trigger: a 勘验笔录, 搜查笔录 or 检查笔录 filed. Breaches: fewer
 * than two officers signed ('officers'); 勘验笔录 without the witness's signature, 搜查笔录 /
 * 检查笔录 signed by neither the person searched nor a witness, with no refusal noted
 * ('witness'); a criminal search without a warrant in time ('warrant'). Not in the contract:
 * photos, sketches, AV of major cases, the warrant's approval level, 检查证 for administrative
 * examinations of a residence.
 */
export const EVID_SCENE_AND_SEARCH: RuleEvaluator = {
  ruleId: 'EVID_SCENE_AND_SEARCH',
  evaluate: (s, ctx) =>
    judgeRecords(s, ctx, ['勘验笔录', '搜查笔录', '检查笔录'], (doc, docType, filed) => {
      const out = fewOfficers(s, doc, L('勘验、检查、搜查应由两名以上民警进行', 'Inspections, examinations and searches are made by at least two officers'));
      const scene = docType === '勘验笔录';
      const unwitnessed = scene
        ? isFalse(s, doc, 'witness_signed')
        : isFalse(s, doc, 'subject_signed') && isFalse(s, doc, 'witness_signed') && !truthy(s.attr(doc, 'refusal_noted'));
      if (unwitnessed) {
        out.push({
          part: 'witness',
          duty: L('勘验笔录应由见证人签名；搜查、检查应有被搜查（检查）人或见证人在场并签名', 'A scene record is signed by a witness; a search or examination record by the person or a witness'),
          reason: scene ? L('勘验笔录无见证人签名', 'no witness signed the scene record') : L(`${docType}既无被搜查（检查）人签名，也无见证人签名，且未注明拒签`, 'neither the person nor a witness signed, and no refusal was noted'),
        });
      }
      if (docType === '搜查笔录' && caseKind(s) === 'criminal') out.push(...missingWarrant(s, ctx, doc, filed));
      return out;
    }),
};

/**
 * EVID_LINEUP_RULES (MPS-C art.259–262), partial. Trigger: a 辨认笔录 filed. Breaches: fewer than
 * two officers signed ('officers'); the identifier did not sign with no refusal noted, or the
 * witness did not sign ('signatures'). Not in the contract: the lineup's size (7 persons / 10
 * photos; 5 items / 10 photos), separate identification and the absence of hints.
 */
export const EVID_LINEUP_RULES: RuleEvaluator = {
  ruleId: 'EVID_LINEUP_RULES',
  evaluate: (s, ctx) =>
    caseKind(s) !== 'criminal' ? [] : judgeRecords(s, ctx, ['辨认笔录'], (doc) => {
      const out = fewOfficers(s, doc, L('辨认应由两名以上侦查人员主持', 'A lineup is run by at least two investigators'));
      const missing: Array<[string, string]> = [];
      if (isFalse(s, doc, 'subject_signed') && !truthy(s.attr(doc, 'refusal_noted'))) missing.push(['辨认人', 'the identifier']);
      if (isFalse(s, doc, 'witness_signed')) missing.push(['见证人', 'the witness']);
      if (missing.length) {
        out.push({
          part: 'signatures',
          duty: L('辨认笔录应由侦查人员、辨认人和见证人签名', 'The lineup record is signed by the investigators, the identifier and the witness'),
          reason: L(`辨认笔录缺少${missing.map((m) => m[0]).join('、')}签名`, `not signed by ${missing.map((m) => m[1]).join(' or ')}`),
        });
      }
      return out;
    }),
};
