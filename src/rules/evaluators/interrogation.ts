import { deadlineFinding, L, P, violation, type RuleContext, type RuleEvaluator } from '../engine/context.js';
import { ageAt, caseIdOf } from '../engine/facts.js';
import { duration, localTime } from '../engine/explain.js';
import type { Finding } from '../engine/finding.js';
import { type Ev, type Snapshot, target, targets, truthy } from '../engine/snapshot.js';
import { INTV_FIRST_IDENTITY_FIELDS, INTV_SEPARATE_SESSIONS } from './interrogation-extra.js';
import { INTV_AV_TRANSCRIPT_CONSISTENCY } from './interrogation-extra-consistency.js';

/**
 * Interrogation safeguards (讯问 / 询问), catalogue §9 and interchange §10.1: the rights notice
 * at the first session, mandatory AV recording, a guardian for minors and an interpreter.
 * (Two officers and the transcript's signatures are in transcripts.ts.)
 */
const personOf = (e: Ev) => ({ type: 'person' as const, id: target(e, 'subject')! });
const present = <T>(x: T | undefined): x is T => x !== undefined;
const list = (text: string): string[] => text.split(',').map((x) => x.trim()).filter(Boolean);

/** A session's interrogation.ended: the same 笔录, at or after the start (§8.3: sessions pair by their 笔录). */
export function sessionEnd(s: Snapshot, started: Ev): Ev | undefined {
  const doc = target(started, 'document');
  if (!doc) return undefined;
  return s.relating(doc, 'document', 'interrogation.ended').find((e) => e.time.getTime() >= started.time.getTime());
}

/** Whether a person's language (BCP 47) is not the local one; unknown language counts as local (§5.2). */
function foreignLanguage(s: Snapshot, person: string, at: Date, local: string): boolean {
  const lang = s.attr(person, 'language', at)?.trim().toLowerCase();
  return !!lang && lang.split('-')[0] !== local.trim().toLowerCase();
}

/** §10.1: the subject's first session; the notice is due by that session's end. */
export const INTV_FIRST_RIGHTS_NOTICE: RuleEvaluator = {
  ruleId: 'INTV_FIRST_RIGHTS_NOTICE',
  evaluate: (s, ctx) => {
    const out: Array<Finding | undefined> = [];
    const seen = new Set<string>();
    for (const started of s.ofType('interrogation.started')) {
      const person = target(started, 'subject');
      if (!person || seen.has(person)) continue;
      seen.add(person);
      // The records begin after the person's real first session: nothing to judge.
      if (started.attrs.first_time === 'false') continue;
      const end = sessionEnd(s, started);
      if (!end) continue; // still running: the notice may yet come before the end
      const notices = s.relating(person, 'subject', 'notice.served').filter((n) => n.attrs.notice_type === 'rights_notice');
      if (notices.some((n) => n.time.getTime() <= end.time.getTime())) continue;
      const late = notices[0];
      out.push(violation(ctx, {
        subject: personOf(started), trigger: started, at: end.time, evidence: [end, ...(late ? [late] : [])],
        duty: L('第一次讯问、询问结束前告知被讯问（询问）人诉讼权利义务', 'Tell the person their rights and duties before the first interrogation or questioning ends'),
        reason: late
          ? L(`权利义务告知于${localTime(late.time)}送达，晚于首次讯问结束时间${localTime(end.time)}（晚${duration(late.time.getTime() - end.time.getTime())['zh-CN']}）`,
            `the rights notice was served at ${localTime(late.time)}, ${duration(late.time.getTime() - end.time.getTime()).en} after the first session ended (${localTime(end.time)})`)
          : L(`首次讯问已于${localTime(end.time)}结束，未告知诉讼权利义务`, `the first session ended at ${localTime(end.time)} without a rights notice`),
      }));
    }
    return out.filter(present);
  },
};

/**
 * Whether a session must be recorded on AV (§10.1): the case is marked av_required, its category
 * is in the AV table [D], or (AV2014, configurable) the subject is deaf or mute, mentally
 * impaired, under 18 or does not speak the local language.
 */
function avRequired(s: Snapshot, ctx: RuleContext, started: Ev): boolean {
  const at = started.time;
  const caseId = target(started, 'case') ?? caseIdOf(s);
  if (truthy(s.attr(caseId, 'av_required', at))) return true;
  const category = s.attr(caseId, 'category', at) ?? '';
  if (category && list(String(ctx.param('avCategoryPrefixes', at))).some((p) => category.startsWith(p))) return true;
  const extended = ctx.param('extendedCategories', at);
  if (extended !== true && extended !== 'true') return false;
  const person = target(started, 'subject');
  if (!person) return false;
  const age = ageAt(s, person, at);
  return truthy(s.attr(person, 'deaf_mute', at)) || truthy(s.attr(person, 'mentally_impaired', at))
    || (age !== undefined && age < 18) || foreignLanguage(s, person, at, String(ctx.param('localLanguage', at)));
}

interface Segment {
  from: number;
  to: number;
  /** When the platform knew the recording (its attributes' latest time). */
  known: number;
}

/** `interrogation_av` recordings of a session: linked by its interrogation.ended, or of its venue. */
function avSegments(s: Snapshot, started: Ev, end: Ev): Segment[] {
  const venue = target(started, 'venue');
  const linked = new Set(targets(end, 'media'));
  return s.objectsOfType('media')
    .filter((m) => s.attr(m.id, 'kind') === 'interrogation_av' && (linked.has(m.id) || (!!venue && s.linked(m.id, 'venue').includes(venue))))
    .map((m) => ({
      from: Date.parse(s.attr(m.id, 'started_at') ?? ''),
      to: Date.parse(s.attr(m.id, 'ended_at') ?? ''),
      known: Math.max(...['kind', 'started_at', 'ended_at'].map((n) => s.attrTime(m.id, n)?.getTime() ?? 0)),
    }))
    .filter((g) => Number.isFinite(g.from) && Number.isFinite(g.to) && g.to > g.from);
}

/** Whether the segments cover [a, b] leaving no gap (at the ends either) longer than `gap` ms. */
function covers(segments: Segment[], a: number, b: number, gap: number): boolean {
  let reached = a;
  for (const g of [...segments].sort((x, y) => x.from - y.from)) {
    if (g.from > reached + gap) break;
    reached = Math.max(reached, g.to);
  }
  return reached >= b - gap;
}

/** The instant the recordings first covered the session: the arrival of the segment that closed the last gap. */
function coveredSince(segments: Segment[], a: number, b: number, gap: number): Date | undefined {
  const byArrival = [...segments].sort((x, y) => x.known - y.known);
  for (let i = 1; i <= byArrival.length; i++) {
    if (covers(byArrival.slice(0, i), a, b, gap)) return new Date(byArrival[i - 1].known);
  }
  return undefined;
}

export const INTV_AV_MANDATORY: RuleEvaluator = {
  ruleId: 'INTV_AV_MANDATORY',
  evaluate: (s, ctx) => {
    // §13: a case without any AV recording is "unverified" for this rule, not in breach — unless
    // the case system itself records a session as not recorded (av_recorded false).
    const feed = s.objectsOfType('media').some((m) => s.attr(m.id, 'kind') === 'interrogation_av');
    return s.ofType('interrogation.started').flatMap((started) => {
      if (started.attrs.kind !== 'interrogation' || !target(started, 'subject')) return [];
      if (!feed && started.attrs.av_recorded !== 'false') return [];
      if (!avRequired(s, ctx, started)) return [];
      const end = sessionEnd(s, started);
      if (!end) return [];
      const gap = ctx.num('gapToleranceSeconds', started.time) * 1000;
      const hours = ctx.num('checkAfterHours', started.time);
      const f = deadlineFinding(ctx, {
        subject: personOf(started), trigger: started, start: end.time, period: P(hours, 'h'), custodial: false, evidence: [end],
        duty: L(`讯问全程同步录音录像，录像应覆盖讯问起止且无超过${gap / 1000}秒的中断（讯问结束后${hours}小时核查）`,
          `Record the whole interrogation on AV, start to end, with no break over ${gap / 1000} s (checked ${hours} h after the session)`),
        compliedAt: coveredSince(avSegments(s, started, end), started.time.getTime(), end.time.getTime(), gap),
      });
      return f ? [f] : [];
    });
  },
};

export const INTV_JUVENILE_GUARDIAN: RuleEvaluator = {
  ruleId: 'INTV_JUVENILE_GUARDIAN',
  evaluate: (s, ctx) =>
    s.ofType('interrogation.started').flatMap((started) => {
      const person = target(started, 'subject');
      const age = person ? ageAt(s, person, started.time) : undefined;
      if (age === undefined || age >= 18 || targets(started, 'guardian').length > 0) return [];
      const excuse = started.attrs.guardian_absent_reason?.trim();
      const f = violation(ctx, {
        subject: personOf(started), trigger: started,
        duty: L('讯问、询问未成年人应通知监护人或其他合适成年人到场', 'A guardian or other appropriate adult is present when a minor is questioned'),
        reason: excuse
          ? L(`被讯问（询问）人未满18周岁（${age}岁），无监护人或合适成年人到场，仅注明未到场原因`, `the person is ${age} (under 18) and no guardian or appropriate adult was present; only a reason for the absence was recorded`)
          : L(`被讯问（询问）人未满18周岁（${age}岁），无监护人或合适成年人到场`, `the person is ${age} (under 18) and no guardian or appropriate adult was present`),
      });
      return f ? [f] : [];
    }),
};

export const INTV_INTERPRETER: RuleEvaluator = {
  ruleId: 'INTV_INTERPRETER',
  evaluate: (s, ctx) =>
    s.ofType('interrogation.started').flatMap((started) => {
      const person = target(started, 'subject');
      if (!person) return [];
      const deaf = truthy(s.attr(person, 'deaf_mute', started.time));
      if (!deaf && !foreignLanguage(s, person, started.time, String(ctx.param('localLanguage', started.time)))) return [];
      const why = deaf ? L('聋哑人', 'deaf or mute') : L('不通晓当地语言文字', 'does not speak the local language');
      const base = { subject: personOf(started), trigger: started };
      if (targets(started, 'interpreter').length === 0) {
        return [violation(ctx, {
          ...base, part: 'presence',
          duty: L('讯问、询问聋哑人或不通晓当地语言文字的人应有翻译人员参加', 'An interpreter takes part when the person is deaf or mute or does not speak the local language'),
          reason: L(`被讯问（询问）人为${why['zh-CN']}，无翻译人员参加`, `the person is ${why.en} and no interpreter took part`),
        })].filter(present);
      }
      // The interpreter signs the 笔录 once the session is over; an unknown value raises nothing (§5.2).
      const end = sessionEnd(s, started);
      const doc = target(started, 'document');
      if (!end || s.attr(doc, 'interpreter_signed') !== 'false') return [];
      return [violation(ctx, {
        ...base, part: 'signature', at: new Date(Math.max(end.time.getTime(), s.attrTime(doc, 'interpreter_signed')?.getTime() ?? 0)), evidence: [end],
        duty: L('翻译人员应在笔录上签名', 'The interpreter signs the transcript'),
        reason: L('有翻译人员参加，但笔录无翻译人员签名', 'an interpreter took part but did not sign the transcript'),
      })].filter(present);
    }),
};

export const INTERROGATION_EVALUATORS: RuleEvaluator[] = [INTV_FIRST_RIGHTS_NOTICE, INTV_AV_MANDATORY, INTV_JUVENILE_GUARDIAN, INTV_INTERPRETER,
  INTV_SEPARATE_SESSIONS, INTV_FIRST_IDENTITY_FIELDS, INTV_AV_TRANSCRIPT_CONSISTENCY];
