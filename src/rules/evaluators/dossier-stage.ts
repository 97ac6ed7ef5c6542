import { L, violation, type RuleEvaluator } from '../engine/context.js';
import { localTime } from '../engine/explain.js';
import { caseIdOf, caseKind, documentPresentAt, personMeasures } from '../engine/facts.js';
import type { Finding } from '../engine/finding.js';
import { type Ev, type Snapshot, target, truthy } from '../engine/snapshot.js';
import { defined } from './closure-helpers.js';
import { type DocRequirement, type StageCondition, type StageEntry, stageTable } from './dossier-stage-table.js';

/**
 * DOSSIER_STAGE_REQUIRED_DOCS (interchange §10.1, §10.2): at each stage transition, every stage
 * event older than the grace period — every stage event at a closing transition — has its
 * documents present and dated, not marked unsealed or unsigned. Each missing document is
 * reported once, at the first transition that finds it missing.
 */
const TRANSITIONS = ['case.filed', 'case.not_filed', 'person.arrest_requested', 'case.transferred', 'case.sent_for_prosecution', 'case.revoked', 'case.decided', 'case.closed'];
const CLOSING = new Set(['case.transferred', 'case.sent_for_prosecution', 'case.revoked', 'case.decided', 'case.closed']);
const HOUR_MS = 3_600_000;

const TRANSITION_NAMES: Record<string, [string, string]> = {
  'case.filed': ['立案', 'filing'], 'case.not_filed': ['不予立案', 'not filing'], 'person.arrest_requested': ['提请批准逮捕', 'the arrest request'],
  'case.transferred': ['移送', 'the transfer'], 'case.sent_for_prosecution': ['移送审查起诉', 'the transfer for prosecution'],
  'case.revoked': ['撤销案件', 'the withdrawal'], 'case.decided': ['作出决定', 'the decision'], 'case.closed': ['结案', 'closure'],
};

interface Stage {
  event: Ev;
  entry: StageEntry;
  subject?: string;
}

interface DocInfo {
  id: string;
  type: string;
  presentAt: Date;
}

/** Named conditions of the stage table. */
function conditions(s: Snapshot): Record<StageCondition, (e: Ev) => boolean> {
  const firstSessions = new Set<string>();
  const seen = new Set<string>();
  for (const e of s.ofType('interrogation.started')) {
    const p = target(e, 'subject');
    if (!p || seen.has(p)) continue;
    seen.add(p);
    // The suspect's first session (讯问; or an administrative 询问 of a suspect), not a witness's statement.
    if (e.attrs.kind === 'interrogation' || s.attr(p, 'role', e.time) === 'suspect') firstSessions.add(e.id);
  }
  return {
    summons_warrant: (e) => e.attrs.form === 'warrant' && e.attrs.measure !== 'continued_questioning',
    continued_questioning: (e) => e.attrs.measure === 'continued_questioning',
    first_session: (e) => firstSessions.has(e.id),
    designated: (e) => truthy(e.attrs.designated),
    ends_custody: (e) => {
      const p = target(e, 'subject');
      return !!p && personMeasures(s, p).intervals.some((iv) => iv.end?.id === e.id && (iv.kind === 'criminal_detention' || iv.kind === 'arrest_custody'));
    },
    seizure: (e) => e.attrs.mode !== 'evidence_preservation',
    evidence_preservation: (e) => e.attrs.mode === 'evidence_preservation',
    with_seized_items: (e) => s.ofType('item.seized').some((x) => x.time <= e.time),
    scope_case: (e) => e.attrs.scope !== 'suspect',
    scope_suspect: (e) => e.attrs.scope === 'suspect',
    decision: (e) => e.attrs.outcome !== 'mediated',
    mediated: (e) => e.attrs.outcome === 'mediated',
  };
}

function stagesOf(s: Snapshot, kind: 'criminal' | 'administrative', table: StageEntry[]): Stage[] {
  const when = conditions(s);
  const types = [...new Set(table.map((t) => t.event))];
  return s.ofType(...types).flatMap((event) => table
    .filter((t) => t.event === event.type && (t.kind === 'both' || t.kind === kind) && (!t.when || when[t.when](event)))
    .map((entry) => ({ event, entry, subject: entry.personal ? target(event, 'subject') : undefined })));
}

/** A requirement's problem: its text (zh, en), and whether no document is there at all. */
interface Problem {
  text: [string, string];
  missing: boolean;
}

/** What is wrong with a requirement at `at`, or undefined when met. */
function unmet(s: Snapshot, docs: DocInfo[], stage: Stage, req: DocRequirement, at: Date): Problem | undefined {
  if (req.unlessFamilyException && stage.subject) {
    const excused = s.relating(stage.subject, 'subject', 'person.family_notified')
      .some((n) => n.attrs.measure === req.unlessFamilyException && !!n.attrs.exception && n.time >= stage.event.time && n.time <= at);
    if (excused) return undefined;
  }
  const attached = new Set(stage.event.rels.filter((r) => r.q === 'document').map((r) => r.id));
  const candidates = docs.filter((d) => req.anyOf.includes(d.type) && d.presentAt <= at
    && (!stage.subject || attached.has(d.id) || s.linked(d.id, 'subject').includes(stage.subject)));
  const name = req.anyOf.join('/');
  if (candidates.length === 0) return { text: [`缺少${name}`, `${name} missing`], missing: true };
  const defects = candidates.map((d) => {
    const v = (attr: string) => s.attr(d.id, attr, at);
    const out: Array<[string, string]> = [];
    if (v('issued_at') === undefined && v('started_at') === undefined) out.push(['未注明日期', 'undated']);
    if (v('sealed') === 'false') out.push(['未盖章', 'not sealed']);
    if (v('subject_signed') === 'false' && !truthy(v('refusal_noted'))) out.push(['当事人未签名', 'not signed by the person']);
    return out;
  });
  if (defects.some((x) => x.length === 0)) return undefined;
  const first = defects[0];
  return { text: [`${name}${first.map((x) => x[0]).join('、')}`, `${name} ${first.map((x) => x[1]).join(', ')}`], missing: false };
}

export const DOSSIER_STAGE_REQUIRED_DOCS: RuleEvaluator = {
  ruleId: 'DOSSIER_STAGE_REQUIRED_DOCS',
  evaluate: (s, ctx) => {
    const kind = caseKind(s);
    const caseId = caseIdOf(s);
    if (!kind || !caseId) return [];
    const all = s.objectsOfType('document');
    // §13: a case whose source sends no documents at all is "unverified" for this rule, not in breach.
    if (all.length === 0) return [];
    const docs: DocInfo[] = defined(all.map((o) => {
      const presentAt = documentPresentAt(s, o.id);
      return presentAt ? { id: o.id, type: s.attr(o.id, 'doc_type') ?? '', presentAt } : undefined;
    }));
    const stages = stagesOf(s, kind, stageTable(ctx));
    const reported = new Set<string>();
    const out: Array<Finding | undefined> = [];
    for (const tr of s.ofType(...TRANSITIONS)) {
      const closing = CLOSING.has(tr.type);
      const grace = ctx.num('graceHours', tr.time) * HOUR_MS;
      const byStage = new Map<Ev, { stage: Stage; problems: Array<[string, string]>; libertyMissing: boolean }>();
      for (const stage of stages) {
        const age = tr.time.getTime() - stage.event.time.getTime();
        if (age < 0 || (!closing && age < grace)) continue;
        stage.entry.docs.forEach((req, i) => {
          const key = `${stage.event.id}|${stage.entry.event}|${stage.entry.when ?? ''}|${i}`;
          if (reported.has(key)) return;
          const problem = unmet(s, docs, stage, req, tr.time);
          if (!problem) return;
          reported.add(key);
          const found = byStage.get(stage.event) ?? { stage, problems: [], libertyMissing: false };
          found.problems.push(problem.text);
          // Catalogue §12: S2 only for a missing † document; a present one undated, unsealed or unsigned is S3.
          found.libertyMissing ||= !!req.liberty && problem.missing;
          byStage.set(stage.event, found);
        });
      }
      for (const { stage, problems, libertyMissing } of byStage.values()) {
        const label = stage.entry.label ?? { 'zh-CN': stage.event.type, en: stage.event.type };
        const [trZh, trEn] = TRANSITION_NAMES[tr.type];
        out.push(violation(ctx, {
          subject: stage.subject ? { type: 'person', id: stage.subject } : { type: 'case', id: caseId },
          trigger: tr, part: stage.event.id, evidence: [stage.event], severity: libertyMissing ? 'S2' : undefined,
          duty: L(`${label['zh-CN']}阶段的法律文书应齐全、注明日期并签名盖章`, `The documents of the ${label.en} stage are complete, dated, signed and sealed`),
          reason: L(
            `${trZh}时，${localTime(stage.event.time)}的${label['zh-CN']}：${problems.map((p) => p[0]).join('；')}`,
            `at ${trEn}, the ${label.en} of ${localTime(stage.event.time)}: ${problems.map((p) => p[1]).join('; ')}`,
          ),
        }));
      }
    }
    return defined(out);
  },
};
