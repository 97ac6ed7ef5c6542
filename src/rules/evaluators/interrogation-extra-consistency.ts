import type { Localized } from '../definition.js';
import { L, violation, type RuleEvaluator } from '../engine/context.js';
import { localTime } from '../engine/explain.js';
import type { Finding } from '../engine/finding.js';
import { type Ev, type Snapshot, target, targets } from '../engine/snapshot.js';
import { areaStays } from './area-stays.js';
import { officerIntervals } from './officer-positions.js';
import { sameHuman } from './custody-common.js';
import { overlapMs, type Session, sessionsOf } from './interrogation-extra.js';

/**
 * INTV_AV_TRANSCRIPT_CONSISTENCY ([D], from MPS-C art.202, 208). Trigger: a session's
 * interrogation.ended; judged at the end (the AV times again when they change). Each check needs
 * its own records and is silent without them (§13):
 * - 'av_times': the 笔录's written started_at / ended_at lie inside the span of the session's
 *   recordings (`interrogation_av` media linked by the end's `media`, else of the session's venue
 *   and time), ± `toleranceSeconds` [D];
 * - 'officer': no interrogator is at the same time an interrogator of another session in another
 *   room, or positioned (area events of officers) in another room;
 * - 'subject': the person is not at the same time in another session (another 笔录), or in another
 *   room by the case-handling-area records;
 * - 'transport': no session overlaps the person's transport to the 看守所 (the area's final exit
 *   `to_jail` → person.jailed).
 * Overlaps count beyond `toleranceSeconds`. A conflict between two sessions is raised once, on the
 * later one. Not checked: whether the named officers appear in the video (no video analysis);
 * officers positioned in rooms the group's persons never used are not delivered with the group.
 */
interface Span {
  from: number;
  to: number;
  venue?: string;
  evidence: Ev;
}

const person = (id: string) => ({ type: 'person' as const, id });
const present = <T>(x: T | undefined): x is T => x !== undefined;
const spanText = (a: number, b: number) => `${localTime(new Date(a))}至${localTime(new Date(b))}`;
/** The stretch two spans share, in words. */
const sharedText = (x: Session, sp: Span) => spanText(Math.max(x.from, sp.from), Math.min(x.to, sp.to));

/** The session's recordings: those its end links (`media`), else the venue's `interrogation_av` overlapping it. */
function recordings(s: Snapshot, x: Session): Array<{ from: number; to: number; known: number }> {
  const linked = new Set(x.ended ? targets(x.ended, 'media') : []);
  const av = s.objectsOfType('media').filter((m) => s.attr(m.id, 'kind') === 'interrogation_av').map((m) => ({
    id: m.id, venue: s.linked(m.id, 'venue')[0],
    from: Date.parse(s.attr(m.id, 'started_at') ?? ''), to: Date.parse(s.attr(m.id, 'ended_at') ?? ''),
    known: Math.max(...['started_at', 'ended_at'].map((n) => s.attrTime(m.id, n)?.getTime() ?? 0)),
  })).filter((m) => Number.isFinite(m.from) && Number.isFinite(m.to));
  const own = av.filter((m) => linked.has(m.id));
  return own.length > 0 ? own : av.filter((m) => m.venue !== undefined && m.venue === x.venue && overlapMs(m, x) > 0);
}

function avTimes(s: Snapshot, x: Session, tolerance: number): { at: number; reason: Localized } | undefined {
  const doc = x.doc;
  const written = [Date.parse(s.attr(doc, 'started_at') ?? ''), Date.parse(s.attr(doc, 'ended_at') ?? '')];
  const recs = recordings(s, x);
  if (recs.length === 0 || !written.some(Number.isFinite)) return undefined;
  const from = Math.min(...recs.map((r) => r.from));
  const to = Math.max(...recs.map((r) => r.to));
  const [ws, we] = [Number.isFinite(written[0]) ? written[0] : from, Number.isFinite(written[1]) ? written[1] : to];
  if (ws >= from - tolerance && we <= to + tolerance) return undefined;
  const at = Math.max(x.to, ...recs.map((r) => r.known), ...['started_at', 'ended_at'].map((n) => s.attrTime(doc, n)?.getTime() ?? 0));
  return {
    at,
    reason: L(`笔录记载时间${spanText(ws, we)}超出同步录像时间${spanText(from, to)}`, `the transcript's written times ${spanText(ws, we)} fall outside the recording ${spanText(from, to)}`),
  };
}

/** Officers' closed room intervals from their own area events (positioning), group and venue feeds. */
function officerPositions(s: Snapshot): Map<string, Span[]> {
  const byId = new Map<string, Ev>();
  for (const e of [...s.events, ...s.venueEvents]) byId.set(e.id, e);
  const out = new Map<string, Span[]>();
  for (const iv of officerIntervals([...byId.values()], Infinity)) {
    if (!iv.closed) continue;
    const span = { from: iv.from, to: iv.to, venue: iv.venue, evidence: iv.entered };
    const list = out.get(iv.officer);
    if (list) list.push(span);
    else out.set(iv.officer, [span]);
  }
  return out;
}

/** A person's closed room intervals in the case-handling area (an open one has no known end). */
function roomSpans(s: Snapshot, subject: string): Span[] {
  return areaStays(s, subject).flatMap((stay) => stay.rooms)
    .filter((r) => r.to !== undefined)
    .map((r) => ({ from: r.entered.time.getTime(), to: r.to!.getTime(), venue: r.venue, evidence: r.entered }));
}

/** The person's transports to the 看守所: the area's final exit `to_jail` until the next person.jailed. */
function transports(s: Snapshot, subject: string): Span[] {
  const jailed = s.relating(subject, 'subject', 'person.jailed');
  return s.relating(subject, 'subject', 'area.exited')
    .filter((e) => e.attrs.exit_kind === 'final' && e.attrs.purpose === 'to_jail')
    .map((exit) => {
      const arrival = jailed.find((j) => j.time.getTime() > exit.time.getTime());
      return arrival ? { from: exit.time.getTime(), to: arrival.time.getTime(), evidence: exit } : undefined;
    })
    .filter(present);
}

const clash = (x: Session, spans: Span[], tolerance: number, elsewhere = true): Span | undefined =>
  spans.find((sp) => (!elsewhere || sp.venue !== x.venue) && overlapMs(sp, x) > tolerance);

const sessionSpan = (y: Session): Span => ({ from: y.from, to: y.to, venue: y.venue, evidence: y.started });

export const INTV_AV_TRANSCRIPT_CONSISTENCY: RuleEvaluator = {
  ruleId: 'INTV_AV_TRANSCRIPT_CONSISTENCY',
  evaluate: (s, ctx) => {
    const all = sessionsOf(s);
    const positions = officerPositions(s);
    const duty = L('笔录时间应在同步录像时间内，民警和被讯问人不得同时出现在两处', 'Transcript times lie inside the recording; no officer or person is in two places at once');
    const out: Array<Finding | undefined> = [];
    all.forEach((x, i) => {
      const end = x.ended;
      if (!end) return;
      const tolerance = ctx.num('toleranceSeconds', end.time) * 1000;
      const earlier = all.slice(0, i);
      const raise = (part: string, reason: Localized, evidence: Ev[], at = end.time.getTime()) => out.push(violation(ctx, {
        subject: person(x.subject), trigger: end, part, duty, at: new Date(at), evidence: [x.started, ...evidence], reason,
      }));
      const av = avTimes(s, x, tolerance);
      if (av) raise('av_times', av.reason, [], av.at);
      for (const officer of x.interrogators) {
        const other = clash(x, earlier.filter((y) => y.interrogators.includes(officer)).map(sessionSpan), tolerance)
          ?? clash(x, positions.get(officer) ?? [], tolerance);
        if (!other) continue;
        raise('officer', L(`讯问（询问）民警于${sharedText(x, other)}同时出现在另一房间`, `an interrogator was in another room at the same time (${sharedText(x, other)})`), [other.evidence]);
        break;
      }
      const humans = sameHuman(s, x.subject);
      const twin = clash(x, earlier.filter((y) => humans.includes(y.subject) && y.doc !== x.doc).map(sessionSpan), tolerance, false)
        ?? clash(x, roomSpans(s, x.subject), tolerance);
      if (twin) {
        raise('subject', L(`被讯问（询问）人于${sharedText(x, twin)}同时在另一场所（另一份笔录或办案区其他房间）`,
          `the person was elsewhere at the same time (${sharedText(x, twin)}: another transcript or another room)`), [twin.evidence]);
      }
      const ride = clash(x, transports(s, x.subject), tolerance, false);
      if (ride) {
        raise('transport', L(`讯问（询问）时间与押送看守所途中（${spanText(ride.from, ride.to)}）重叠`,
          `the session overlaps the transport to the detention house (${spanText(ride.from, ride.to)})`), [ride.evidence]);
      }
    });
    return out.filter(present);
  },
};
