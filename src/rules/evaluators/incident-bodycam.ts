import { addMonths, localDateOf, startOfLocalDay } from '../../legal-time/local-date.js';
import { deadlineFinding, L, P, type RuleEvaluator } from '../engine/context.js';
import { localTime } from '../engine/explain.js';
import { caseIdOf } from '../engine/facts.js';
import type { Finding } from '../engine/finding.js';
import type { Ev, Snapshot } from '../engine/snapshot.js';
import { aboutIncident, defined, firstAtOrAfter, firstPerIncident } from './intake-common.js';

/**
 * INC_BODYCAM_REQUIRED (catalogue §5, BWC2016; interchange §10.1): the body-worn camera records
 * the response from the first arrival until the incident is closed — or until a person of the
 * incident enters the case-handling area, if earlier — with no gap over the tolerance, and the
 * footage is kept six months. Judged at close + 24 h [D]: no warning before, since footage is
 * uploaded after the response; footage that arrives later resolves the alert as late.
 */
interface Segment {
  from: number;
  to: number;
  /** When the data of the segment became known (its attribute times). */
  knownAt: number;
  retention?: number;
  retentionKnownAt: number;
}

const time = (v: string | undefined): number | undefined => {
  const t = v === undefined ? NaN : Date.parse(v);
  return Number.isFinite(t) ? t : undefined;
};

/** Bodycam segments linked to the incident or to the case it became (O2O). */
function segments(s: Snapshot, incident: string): Segment[] {
  const caseId = caseIdOf(s);
  const out: Segment[] = [];
  for (const m of s.objectsOfType('media')) {
    if (s.attr(m.id, 'kind') !== 'bodycam') continue;
    if (!s.linked(m.id, 'incident').includes(incident) && !(caseId && s.linked(m.id, 'case').includes(caseId))) continue;
    const from = time(s.attr(m.id, 'started_at'));
    const to = time(s.attr(m.id, 'ended_at'));
    if (from === undefined || to === undefined || to < from) continue; // bad data: not evidence of coverage
    const at = (name: string) => s.attrTime(m.id, name)?.getTime() ?? 0;
    out.push({ from, to, knownAt: Math.max(at('started_at'), at('ended_at')), retention: time(s.attr(m.id, 'retention_until')), retentionKnownAt: at('retention_until') });
  }
  return out.sort((a, b) => a.from - b.from);
}

/** The longest stretch of [from, to] no segment covers (0 when covered). */
function longestGap(from: number, to: number, list: Segment[]): number {
  let cursor = from;
  let longest = 0;
  for (const seg of list) {
    if (seg.to <= cursor) continue;
    if (seg.from >= to) break;
    longest = Math.max(longest, seg.from - cursor);
    cursor = seg.to;
  }
  return Math.max(longest, to - cursor);
}

/** The same local wall-clock time `months` later (§4 month arithmetic). */
function monthsAfter(t: number, months: number): number {
  const day = localDateOf(new Date(t));
  return startOfLocalDay(addMonths(day, months)).getTime() + (t - startOfLocalDay(day).getTime());
}

/** The first area.entered, at or after `from`, of a person of the incident (O2O, or brought in from it). */
function firstAreaEntry(s: Snapshot, incident: string, from: Date): Ev | undefined {
  const persons = new Set(s.objectsOfType('person').filter((p) => s.linked(p.id, 'incident').includes(incident)).map((p) => p.id));
  for (const e of aboutIncident(s, incident, 'person.brought_in')) for (const r of e.rels) if (r.q === 'subject') persons.add(r.id);
  return firstAtOrAfter(s.ofType('area.entered'), from, (e) => e.rels.some((r) => r.q === 'subject' && persons.has(r.id)));
}

export const INC_BODYCAM_REQUIRED: RuleEvaluator = {
  ruleId: 'INC_BODYCAM_REQUIRED',
  evaluate: (s, ctx) => {
    // §13: a group without any bodycam footage lacks the feed — "unverified", not a violation.
    if (!s.objectsOfType('media').some((m) => s.attr(m.id, 'kind') === 'bodycam')) return [];
    const severity = caseIdOf(s) ? 'S1' as const : undefined; // the incident became a case (catalogue §5)
    return firstPerIncident(s.ofType('incident.arrived')).flatMap(([incident, arrived]) => {
      const closed = firstAtOrAfter(aboutIncident(s, incident, 'incident.closed'), arrived.time);
      if (!closed) return [];
      const entry = firstAreaEntry(s, incident, arrived.time);
      const end = entry && entry.time < closed.time ? entry : closed;
      const from = arrived.time.getTime();
      const to = end.time.getTime();
      const tolerance = ctx.num('gapToleranceMinutes', closed.time) * 60_000;
      const used = segments(s, incident).filter((seg) => seg.to >= from - tolerance && seg.from <= to + tolerance);
      const covered = longestGap(from, to, used) <= tolerance;
      const withRetention = used.filter((seg) => seg.retention !== undefined); // unknown retention: no finding (§5.2)
      const months = ctx.num('retentionMonths', closed.time);
      const kept = withRetention.every((seg) => seg.retention! >= monthsAfter(seg.from, months));
      const spec = {
        subject: { type: 'incident' as const, id: incident }, trigger: arrived, start: closed.time,
        period: P(ctx.num('checkAfterHours', closed.time), 'h'), custodial: false, warn: { before: P(0, 'h') }, evidence: [end],
      };
      const window = `${localTime(arrived.time)}–${localTime(end.time)}`;
      const out: Array<Finding | undefined> = [deadlineFinding(ctx, {
        ...spec, part: 'coverage',
        duty: L(`执法记录仪应全程记录到场至处警结束（${window}），中断不超过${tolerance / 60_000}分钟`, `The body-worn camera records from arrival to close (${window}) with no gap over ${tolerance / 60_000} min`),
        compliedAt: covered ? new Date(Math.max(0, ...used.map((seg) => seg.knownAt))) : undefined,
      })];
      if (withRetention.length > 0) {
        out.push(deadlineFinding(ctx, {
          ...spec, part: 'retention',
          duty: L(`执法记录仪视频应保存${months}个月以上`, `Body-worn camera footage is kept at least ${months} months`),
          compliedAt: kept ? new Date(Math.max(0, ...withRetention.map((seg) => seg.retentionKnownAt))) : undefined,
        }));
      }
      return out.filter(defined).map((f) => ({ ...f, severity }));
    });
  },
};
