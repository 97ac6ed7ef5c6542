import { L, violation, type RuleEvaluator } from '../engine/context.js';
import { caseKind, documentPresentAt } from '../engine/facts.js';
import type { Finding } from '../engine/finding.js';
import { type Ev, type Snapshot, target, targets, truthy } from '../engine/snapshot.js';
import { type Span, uncovered } from '../engine/spans.js';
import { sessionEnd } from './interrogation.js';
import { officerIntervals } from './officer-positions.js';

/*
 * Interrogation sessions and their transcripts (讯问 / 询问 / 笔录), catalogue §9:
 * two officers, and a complete, signed transcript.
 */

/**
 * INTV_TWO_OFFICERS (§10.1): at least two sworn interrogators (auxiliaries do not count); and,
 * where officers' positions in the session's room are delivered (their own area events, in the
 * group or the venue feed) and show positioning in that room during the session, each sworn
 * interrogator positioned there for the whole session (§10.1 "each in the venue"; a 笔录 naming
 * an officer who was elsewhere misstates who conducted it), allowing gaps up to
 * `presenceToleranceMinutes` [D] — judged when the session ends. Without positions in the room it
 * is "unverified" (§13).
 */
export const INTV_TWO_OFFICERS: RuleEvaluator = {
  ruleId: 'INTV_TWO_OFFICERS',
  evaluate: (s, ctx) =>
    s.ofType('interrogation.started').flatMap((e) => {
      const applies = e.attrs.kind === 'interrogation' || (e.attrs.kind === 'questioning' && caseKind(s) === 'administrative');
      if (!applies) return [];
      const subject = { type: 'person' as const, id: target(e, 'subject')! };
      const duty = L('讯问、询问应由两名以上民警进行', 'An interrogation or questioning is conducted by at least two police officers');
      // The role at the session (§3.2).
      const sworn = [...new Set(targets(e, 'interrogator').filter((o) => s.attrThen(o, 'role', e.time) !== 'auxiliary'))];
      if (sworn.length < 2) {
        const f = violation(ctx, {
          subject, trigger: e, duty,
          reason: L(`仅有${sworn.length}名民警（辅警不计）`, `only ${sworn.length} sworn officer(s) (auxiliaries do not count)`),
        });
        return f ? [f] : [];
      }
      const end = sessionEnd(s, e);
      const room = target(e, 'venue');
      if (!end || !room) return [];
      const toleranceMs = ctx.num('presenceToleranceMinutes', e.time) * 60_000;
      const absent = absentFromRoom(s, room, [e.time.getTime(), end.time.getTime()], sworn, toleranceMs);
      if (!absent || absent.length === 0) return [];
      const names = absent.map((o) => s.attr(o, 'name') ?? o).join('、');
      const f = violation(ctx, {
        subject, trigger: e, part: 'presence', at: end.time, evidence: [end], duty,
        reason: L(`定位记录显示民警${names}未全程在讯问（询问）场所`, `positioning shows ${absent.join(', ')} not in the room for the whole session`),
      });
      return f ? [f] : [];
    }),
};

/**
 * The sworn officers not positioned in the room for the whole session (gaps up to the tolerance
 * allowed), or undefined when the room shows no positioning during the session (unverified).
 */
function absentFromRoom(s: Snapshot, room: string, [from, to]: Span, officers: string[], toleranceMs: number): string[] | undefined {
  // The group's own events and the venue feed may hold the same position: each once.
  const inRoom = new Map<string, Ev>();
  for (const x of [...s.events, ...s.venueEvents]) if (target(x, 'venue') === room) inRoom.set(x.id, x);
  const intervals = officerIntervals([...inRoom.values()], to);
  if (!intervals.some((iv) => iv.from < to && iv.to > from)) return undefined;
  const spansOf = (officer: string): Span[] => intervals.filter((iv) => iv.officer === officer).map((iv) => [iv.from, iv.to]);
  return officers.filter((o) => uncovered(spansOf(o), from, to).some(([a, b]) => b - a > toleranceMs));
}

const TRANSCRIPTS = ['讯问笔录', '询问笔录'];

/** The instant a transcript is judged: when its session ended, else when it was filed (§10.1 "immediate; again on change"). */
function transcriptsToJudge(s: Snapshot): Array<{ doc: string; at: Date; trigger: ReturnType<Snapshot['relating']>[number] }> {
  const out = [];
  for (const o of s.objectsOfType('document')) {
    if (!TRANSCRIPTS.includes(s.attr(o.id, 'doc_type') ?? '')) continue;
    const present = documentPresentAt(s, o.id);
    if (!present) continue;
    const related = s.relating(o.id);
    // Final only at its session's end or when filed (§8.4), even without an end record: a
    // transcript opened early (e.g. the family notice of an administrative summons is its first
    // entry) or whose session is still running is present but not yet final.
    const ended = related.find((e) => e.type === 'interrogation.ended');
    const trigger = ended ?? related.find((e) => e.type === 'document.filed');
    if (!trigger) continue;
    out.push({ doc: o.id, at: trigger.time, trigger });
  }
  return out;
}

export const INTV_TRANSCRIPT_SIGNATURES: RuleEvaluator = {
  ruleId: 'INTV_TRANSCRIPT_SIGNATURES',
  evaluate: (s, ctx) =>
    transcriptsToJudge(s).flatMap(({ doc, at, trigger }) => {
      const criminal = s.attr(doc, 'doc_type') === '讯问笔录' || caseKind(s) === 'criminal';
      const v = (name: string) => s.attr(doc, name);
      const refusal = truthy(v('refusal_noted'));
      const defects: Array<[string, string]> = [];
      const unknown: string[] = [];
      const pages = v('pages');
      const signed = v('signed_pages');
      if (pages === undefined || signed === undefined) unknown.push('pages/signed_pages');
      else if (Number(signed) < Number(pages) && !refusal) defects.push([`签名捺印${signed}页，少于总页数${pages}页`, `${signed} of ${pages} pages signed`]);
      if (criminal && !refusal) {
        const phrase = v('has_confirmation_phrase');
        if (phrase === undefined) unknown.push('has_confirmation_phrase');
        else if (!truthy(phrase)) defects.push(['末页无“以上笔录我看过（或向我宣读过），和我说的相符”', 'the confirmation phrase is missing']);
      }
      const sigs = v('officer_signatures');
      if (sigs === undefined) unknown.push('officer_signatures');
      else if (Number(sigs) < 2) defects.push([`民警签名${sigs}人，少于2人`, `officer_signatures ${sigs} < 2`]);
      const interpreterPresent = s.relating(doc).some((e) => e.type === 'interrogation.started' && targets(e, 'interpreter').length > 0);
      if (interpreterPresent) {
        const interpreterSigned = v('interpreter_signed');
        if (interpreterSigned === undefined) unknown.push('interpreter_signed');
        else if (!truthy(interpreterSigned)) defects.push(['翻译人员未签名', 'the interpreter did not sign']);
      }
      const subject = { type: 'document' as const, id: doc };
      const duty = L('笔录应逐页签名捺印、注明确认语并由两名民警签名', 'A transcript is signed on every page, carries the confirmation phrase and two officers’ signatures');
      // Judged when the last of the relevant attribute values arrived (again on change).
      const valueTimes = ['pages', 'signed_pages', 'has_confirmation_phrase', 'officer_signatures', 'interpreter_signed', 'refusal_noted']
        .map((n) => s.attrTime(doc, n)?.getTime() ?? 0);
      const when = new Date(Math.max(at.getTime(), ...valueTimes));
      const out: Array<Finding | undefined> = [];
      if (defects.length) {
        out.push(violation(ctx, {
          subject, trigger, duty, at: when,
          reason: L(defects.map((d) => d[0]).join('；'), defects.map((d) => d[1]).join('; ')),
        }));
      }
      if (unknown.length) {
        out.push(violation(ctx, {
          subject, trigger, duty, at: when, part: 'unknown', severity: 'S4',
          reason: L(`笔录缺少${unknown.join('、')}数据，无法核查`, `the transcript lacks ${unknown.join(', ')}; cannot be checked`),
        }));
      }
      return out.filter((f): f is Finding => !!f);
    }),
};
