import { L, type RuleContext, violation, type RuleEvaluator } from '../engine/context.js';
import { duration, localTime } from '../engine/explain.js';
import type { Finding } from '../engine/finding.js';
import { type Ev, type Snapshot, target } from '../engine/snapshot.js';
import { type AreaStay, allStays, isSuspect, subjectOfStay } from './area-stays.js';
import { officerIntervals } from './officer-positions.js';
import { merged, type Span, uncovered } from '../engine/spans.js';

/**
 * AREA_NEVER_UNATTENDED (catalogue §8, interchange §9.2 "watched"): an instant of a suspect's
 * room interval is watched when an officer is positioned in the same room, or when an occupancy
 * snapshot of the room (officers ≥ 1, subjects ≥ 1) is valid — until the next snapshot of the
 * same room and source, at most `snapshotValidityMinutes`. A snapshot with officers = 0 and
 * subjects ≥ 1 proves nobody watched; instants without data are unverified.
 */
const MINUTE = 60_000;

interface VenueWatch {
  watched: Map<string, Span[]>;
  unwatched: Map<string, Span[]>;
}

function push(m: Map<string, Span[]>, k: string, span: Span): void {
  if (span[1] <= span[0]) return;
  const list = m.get(k);
  if (list) list.push(span);
  else m.set(k, [span]);
}

/**
 * Venue feeds of the stays' rooms as of T: the group's own events and the venues' events (officer
 * positions, snapshots) up to the last stay's end — an officer still positioned then covers it.
 */
function venueWatch(s: Snapshot, stays: AreaStay[], validityMs: number): VenueWatch {
  const rooms = new Set(stays.flatMap((st) => st.rooms.map((r) => r.venue)));
  const t = Math.min(s.asOf.getTime(), Math.max(...stays.map((st) => (st.end?.time ?? s.asOf).getTime())));
  const seen = new Set<string>();
  const events = [...s.events, ...s.venueEvents].filter((e) => {
    if (e.time.getTime() > t || seen.has(e.id) || !rooms.has(target(e, 'venue'))) return false;
    seen.add(e.id);
    return true;
  });
  const out: VenueWatch = { watched: new Map(), unwatched: new Map() };
  // Officer room intervals; one still open runs to the cut-off.
  for (const iv of officerIntervals(events, t)) push(out.watched, iv.venue, [iv.from, iv.to]);
  // Occupancy snapshots, each valid until the next of the same room and source.
  const snaps = events.filter((e) => e.type === 'venue.occupancy_observed').sort((a, b) => a.time.getTime() - b.time.getTime());
  snaps.forEach((e, i) => {
    const venue = target(e, 'venue');
    const officers = Number(e.attrs.officers);
    const subjects = Number(e.attrs.subjects);
    if (!venue || !(subjects >= 1) || !Number.isFinite(officers)) return;
    const next = snaps.slice(i + 1).find((x) => target(x, 'venue') === venue && x.attrs.source === e.attrs.source);
    const from = e.time.getTime();
    const to = Math.min(from + validityMs, next?.time.getTime() ?? Infinity, t);
    push(officers >= 1 ? out.watched : out.unwatched, venue, [from, to]);
  });
  return out;
}


/** The parts of [a, b] covered by the spans. */
const covered = (spans: Span[], [a, b]: Span): Span[] => uncovered(uncovered(spans, a, b), a, b);

interface Gaps {
  proven: Span[];
  unverified: Span[];
}

/**
 * Gaps longer than `maxMs` in a stay's room intervals: proven ones, and unverified ones without
 * a long proven part. Gaps (and proven parts) that meet at a room change are one gap.
 */
function stayGaps(stay: AreaStay, feed: VenueWatch, asOf: number, maxMs: number): Gaps {
  const gaps: Span[] = [];
  const provenParts: Span[] = [];
  for (const room of stay.rooms) {
    if (!room.venue) continue;
    const a = room.entered.time.getTime();
    const b = room.to?.getTime() ?? Math.min(asOf, stay.end?.time.getTime() ?? asOf);
    for (const gap of uncovered(feed.watched.get(room.venue) ?? [], a, b)) {
      gaps.push(gap);
      provenParts.push(...covered(feed.unwatched.get(room.venue) ?? [], gap));
    }
  }
  const out: Gaps = { proven: [], unverified: [] };
  const provenJoined = merged(provenParts);
  for (const gap of merged(gaps)) {
    const proven = provenJoined.filter(([x, y]) => x >= gap[0] && y <= gap[1] && y - x > maxMs);
    if (proven.length) out.proven.push(...proven);
    else if (gap[1] - gap[0] > maxMs) out.unverified.push(gap);
  }
  return out;
}

const describe = (gaps: Span[]) => {
  const longest = gaps.reduce((m, g) => (g[1] - g[0] > m[1] - m[0] ? g : m));
  const len = duration(longest[1] - longest[0]);
  const from = localTime(new Date(longest[0]));
  return { n: gaps.length, len, from };
};

function gapFinding(ctx: RuleContext, stay: AreaStay, gaps: Span[], maxMs: number, proven: boolean): Finding | undefined {
  if (!gaps.length) return undefined;
  const { n, len, from } = describe(gaps);
  const max = duration(maxMs);
  return violation(ctx, {
    subject: subjectOfStay(stay), trigger: stay.entry, part: proven ? 'unwatched' : 'unverified', severity: proven ? undefined : 'S3',
    at: new Date(gaps[0][0] + maxMs), evidence: stay.end ? [stay.end] : [],
    duty: L('嫌疑人在办案区期间应始终有人看管', 'A suspect in the case-handling area is watched at all times'),
    reason: proven
      ? L(`${n}段无人看管超过${max['zh-CN']}，最长${len['zh-CN']}（${from}起）`, `${n} unwatched gap(s) over ${max.en}, longest ${len.en} from ${from}`)
      : L(`${n}段超过${max['zh-CN']}无看管记录（无定位或视频数据，无法核实），最长${len['zh-CN']}（${from}起）`, `${n} gap(s) over ${max.en} without positioning or video data (unverified), longest ${len.en} from ${from}`),
  });
}

export const AREA_NEVER_UNATTENDED: RuleEvaluator = {
  ruleId: 'AREA_NEVER_UNATTENDED',
  evaluate: (s, ctx) => {
    const stays = allStays(s).filter((st) => isSuspect(s, st.person, st.entry.time));
    if (!stays.length) return [];
    const feed = venueWatch(s, stays, ctx.num('snapshotValidityMinutes') * MINUTE);
    return stays.flatMap((stay) => {
      const maxMs = ctx.num('maxGapMinutes', stay.entry.time) * MINUTE;
      const gaps = stayGaps(stay, feed, s.asOf.getTime(), maxMs);
      return [gapFinding(ctx, stay, gaps.proven, maxMs, true), gapFinding(ctx, stay, gaps.unverified, maxMs, false)].filter((f): f is Finding => !!f);
    });
  },
};
