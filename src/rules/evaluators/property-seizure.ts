import type { Localized } from '../definition.js';
import { deadlineFinding, L, P, violation, type RuleContext, type RuleEvaluator } from '../engine/context.js';
import { approvals, approverLevel, caseKind, documentPresentAt, levelAtLeast } from '../engine/facts.js';
import type { Finding } from '../engine/finding.js';
import { type Ev, type Snapshot, target, targets, truthy } from '../engine/snapshot.js';

/**
 * PROP_SEIZURE_DOCS (catalogue §10, interchange §10.1): the paperwork of a seizure, complete
 * within graceHours [D]. Criminal 扣押 / 查封: decision, approval of the right level, a list in
 * triplicate signed by holder (or refusal noted) and witness — each a deadline of its own;
 * two officers and a witness present — facts of the act itself, judged at once.
 * Evidence preservation (and administrative seizures, §10.2): 证据保全决定书 + 证据保全清单.
 */
const present = <T>(x: T | undefined): x is T => x !== undefined;
const latest = (times: Array<number | undefined>): number => Math.max(...times.map((t) => t ?? 0));

interface Paperwork {
  decision: string[];
  list: string[];
  /** Criminal seizures: approval level, list copies and signatures, officers and witness. */
  full: boolean;
}

function paperworkOf(s: Snapshot, seized: Ev): Paperwork | undefined {
  const mode = seized.attrs.mode ?? 'seizure';
  const kind = caseKind(s);
  const preservation = { decision: ['证据保全决定书'], list: ['证据保全清单'], full: false };
  if (mode === 'evidence_preservation') return preservation;
  if (kind === 'criminal') return { decision: [mode === 'sealing' ? '查封决定书' : '扣押决定书'], list: ['扣押清单'], full: true };
  // Administrative: §10.2 names the 证据保全 documents; an administrative 扣押 / 查封 may use its own.
  if (kind === 'administrative') return { decision: [...preservation.decision, '扣押决定书', '查封决定书'], list: [...preservation.list, '扣押清单'], full: false };
  return undefined;
}

/**
 * A seizure's documents of some types: those its event relates, and those of the group that
 * no other seizure claims (made later and filed with the case). Each with the instant it was
 * present and, through `ok`, the instant its contents complied (undefined: they do not).
 */
function complyingDocument(s: Snapshot, seized: Ev, types: string[], ok: (doc: string) => number | undefined): number | undefined {
  const claimed = new Set(s.ofType('item.seized').filter((e) => e.id !== seized.id).flatMap((e) => targets(e, 'document')));
  const own = targets(seized, 'document');
  const candidates = s.objectsOfType('document').map((d) => d.id)
    .filter((d) => types.includes(s.attr(d, 'doc_type') ?? '') && (own.includes(d) || !claimed.has(d)));
  const times = candidates.map((d) => {
    const since = documentPresentAt(s, d)?.getTime();
    const contents = ok(d);
    return since === undefined || contents === undefined ? undefined : Math.max(since, contents);
  }).filter(present);
  return times.length ? Math.min(...times) : undefined;
}

/** The list's contents (§10.1): copies ≥ 3, holder signed or refusal noted, witness signed. Unknown values are not held against it (§5.2). */
function listContents(s: Snapshot, doc: string): number | undefined {
  const copies = s.attr(doc, 'copies');
  if (copies !== undefined && Number(copies) < 3) return undefined;
  const signed = s.attr(doc, 'subject_signed');
  if (signed === 'false' && !truthy(s.attr(doc, 'refusal_noted'))) return undefined;
  if (s.attr(doc, 'witness_signed') === 'false') return undefined;
  return latest(['copies', 'subject_signed', 'refusal_noted', 'witness_signed'].map((n) => s.attrTime(doc, n)?.getTime()));
}

/** When the seizure was approved at the required level: the act's own approver, else an approval `seizure` of its items. */
function approvedAt(s: Snapshot, seized: Ev, required: 'department' | 'county'): number | undefined {
  if (targets(seized, 'approver').length > 0 && levelAtLeast(approverLevel(s, seized), required)) return seized.time.getTime();
  const times = targets(seized, 'item')
    .flatMap((item) => approvals(s, 'seizure', { about: item }))
    .filter((a) => levelAtLeast(a.level, required))
    .map((a) => Math.max(a.event.time.getTime(), seized.time.getTime()));
  return times.length ? Math.min(...times) : undefined;
}

const totalValue = (s: Snapshot, seized: Ev) =>
  targets(seized, 'item').reduce((sum, item) => sum + (Number(s.attr(item, 'value', seized.time)) || 0), 0);

export const PROP_SEIZURE_DOCS: RuleEvaluator = {
  ruleId: 'PROP_SEIZURE_DOCS',
  evaluate: (s, ctx) =>
    s.ofType('item.seized').flatMap((seized) => {
      const item = targets(seized, 'item')[0];
      const paper = paperworkOf(s, seized);
      if (!item || !paper) return [];
      const subject = { type: 'item' as const, id: item };
      const hours = ctx.num('graceHours', seized.time);
      const due = (part: string, duty: Localized, compliedAt: number | undefined) => deadlineFinding(ctx, {
        subject, trigger: seized, part, duty, period: P(hours, 'h'), custodial: false,
        compliedAt: compliedAt === undefined ? undefined : new Date(compliedAt),
      });
      const out: Array<Finding | undefined> = [
        due('decision', L(`扣押后${hours}小时内制作${paper.decision[0]}`, `Issue the ${paper.decision[0]} within ${hours} h of the seizure`),
          complyingDocument(s, seized, paper.decision, () => 0)),
        due('list', paper.full
          ? L(`扣押后${hours}小时内制作扣押清单一式三份，由持有人（或注明拒签）和见证人签名`, `Within ${hours} h make the seizure list in triplicate, signed by the holder (or refusal noted) and the witness`)
          : L(`扣押后${hours}小时内制作${paper.list[0]}`, `Make the ${paper.list[0]} within ${hours} h of the seizure`),
        complyingDocument(s, seized, paper.list, (d) => (paper.full ? listContents(s, d) : 0))),
      ];
      if (paper.full) out.push(...fullChecks(s, ctx, seized, subject, hours, due));
      return out.filter(present);
    }),
};

function fullChecks(
  s: Snapshot, ctx: RuleContext, seized: Ev, subject: { type: 'item'; id: string }, hours: number,
  due: (part: string, duty: Localized, at: number | undefined) => Finding | undefined,
): Array<Finding | undefined> {
  const value = totalValue(s, seized);
  // 查封 (real estate, vessels, large equipment) always needs county level (catalogue §10; MPS-C art.227).
  const sealing = seized.attrs.mode === 'sealing';
  const county = sealing || value >= ctx.num('countyApprovalValueThreshold', seized.time);
  const out = [due('approval', sealing
    ? L(`查封应经县级以上公安机关负责人批准（${hours}小时内补办）`, `A sealing needs county-level approval (within ${hours} h)`)
    : county
    ? L(`涉案财物价值${value}元，扣押应经县级以上公安机关负责人批准（${hours}小时内补办）`, `Property worth ¥${value}: the seizure needs county-level approval (within ${hours} h)`)
    : L(`扣押应经办案部门负责人批准（${hours}小时内补办）`, `The seizure needs the case unit head's approval (within ${hours} h)`),
  approvedAt(s, seized, county ? 'county' : 'department'))];
  const officers = new Set(targets(seized, 'officer').filter((o) => s.attr(o, 'role', seized.time) !== 'auxiliary'));
  if (officers.size < 2) {
    out.push(violation(ctx, {
      subject, trigger: seized, part: 'officers',
      duty: L('扣押应由两名以上民警进行', 'A seizure is carried out by at least two police officers'),
      reason: L(`仅有${officers.size}名民警（辅警不计）`, `only ${officers.size} sworn officer(s) (auxiliaries do not count)`),
    }));
  }
  if (!target(seized, 'witness')) {
    out.push(violation(ctx, {
      subject, trigger: seized, part: 'witness',
      duty: L('扣押应有见证人在场', 'An attesting witness is present at a seizure'),
      reason: L('扣押时无见证人在场', 'no attesting witness was present'),
    }));
  }
  return out;
}
