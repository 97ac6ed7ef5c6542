import { L, P, violation, type RuleEvaluator } from '../engine/context.js';
import { duration, localTime } from '../engine/explain.js';
import type { Finding } from '../engine/finding.js';
import { type Ev, type Obj, type Snapshot } from '../engine/snapshot.js';
import { windowDeadline } from './area-basis.js';
import { type AreaStay, allStays, exitsFirst, isSuspect, subjectOfStay } from './area-stays.js';
import { type Span, uncovered } from '../engine/spans.js';

/**
 * The records of the case-handling area (catalogue §8, non-core): the entry/exit ledger and the
 * video recording of a suspect's stay. No §10.1 row: each decision procedure is derived from the
 * catalogue and the contract (§6–§8) and written on its evaluator.
 */
const present = (f: Finding | undefined): f is Finding => f !== undefined;
/** No warning before these checks: they judge records, and the stay limit already warns (AREA_MAX_STAY). */
const NO_WARNING = { before: P(0, 'h') };

/** A person's area.exited records that no open stay explains (§9.2: an exit needs an entry since the last final exit). */
function exitsWithoutEntry(s: Snapshot, person: string): Ev[] {
  const out: Ev[] = [];
  let open = false;
  for (const e of [...s.relating(person, 'subject', 'area.entered', 'area.exited')].sort(exitsFirst)) {
    if (e.type === 'area.entered') open = true;
    else if (!open) out.push(e);
    else if (e.attrs.exit_kind === 'final') open = false;
  }
  return out;
}

/**
 * AREA_LEDGER (AREA ledger requirement [V-secondary]). Every person — suspect, witness, victim —
 * entering or leaving the area is logged with person, case and times, and every entry has a
 * matching exit.
 * - Part 'exit' — trigger: a person's stay (§9.2, first area.entered); complied by its final
 *   area.exited within `openEntryHours` [D] (default 48 h, the longest lawful stay: continued
 *   questioning approved to 48 h, CQ art.11). No warning: AREA_MAX_STAY warns about the stay.
 * - Part 'entry' — an area.exited of a person with no open stay (no matching entry, or a second
 *   final exit): a violation at the exit.
 * Not checked: the case on each line — persons are case-scoped (§3.1), so the case is always known.
 */
export const AREA_LEDGER: RuleEvaluator = {
  ruleId: 'AREA_LEDGER',
  evaluate: (s, ctx) => {
    const open = allStays(s).map((stay) => {
      const hours = ctx.num('openEntryHours', stay.entry.time);
      return windowDeadline(ctx, {
        subject: subjectOfStay(stay), trigger: stay.entry, part: 'exit', minutes: hours * 60, warn: NO_WARNING, compliedBy: stay.end,
        duty: L(`进入办案区的人员应登记离开记录，入区登记超过${hours}小时不得无对应出区记录`, `Log every person leaving the area: no entry may stay without a matching exit beyond ${hours} h`),
      });
    });
    const orphans = s.objectsOfType('person').flatMap((p) => exitsWithoutEntry(s, p.id).map((exit) => violation(ctx, {
      subject: { type: 'person', id: p.id }, trigger: exit, part: 'entry',
      duty: L('办案区出入登记应一一对应', 'Every exit from the area matches a logged entry'),
      reason: L(`${localTime(exit.time)}的出区记录无对应的入区登记`, `the exit at ${localTime(exit.time)} has no matching entry`),
    })));
    return [...open, ...orphans].filter(present);
  },
};


interface Recording {
  span: Span;
  /** When the segment's times became known (its attribute times), for late uploads. */
  knownAt: number;
}

const timeOf = (v: string | undefined): number | undefined => {
  const t = v === undefined ? NaN : Date.parse(v);
  return Number.isFinite(t) ? t : undefined;
};

/**
 * The area surveillance (media kind `area_cctv`) the group sees: its own media, and the segments
 * of its rooms that are linked to the room only (the venue feed, store/venue-events.ts).
 */
function areaSurveillance(s: Snapshot): Obj[] {
  const own = s.objectsOfType('media');
  const ownIds = new Set(own.map((m) => m.id));
  const fromRooms = s.venueMedia.filter((m) => !ownIds.has(m.id));
  return [...own, ...fromRooms].filter((m) => s.attr(m.id, 'kind') === 'area_cctv');
}

/** Area surveillance segments of the snapshot by their O2O `venue`. */
function recordingsByVenue(s: Snapshot): Map<string, Recording[]> {
  const out = new Map<string, Recording[]>();
  for (const m of areaSurveillance(s)) {
    const from = timeOf(s.attr(m.id, 'started_at'));
    const to = timeOf(s.attr(m.id, 'ended_at'));
    if (from === undefined || to === undefined || to < from) continue; // bad data proves no coverage
    const knownAt = Math.max(s.attrTime(m.id, 'started_at')?.getTime() ?? 0, s.attrTime(m.id, 'ended_at')?.getTime() ?? 0);
    for (const venue of s.linked(m.id, 'venue')) out.set(venue, [...(out.get(venue) ?? []), { span: [from, to], knownAt }]);
  }
  return out;
}


interface Coverage {
  /** Gaps longer than the tolerance, over all room intervals. */
  gaps: Span[];
  /** The recordings that cover the stay's rooms. */
  used: Recording[];
}

function stayCoverage(stay: AreaStay, byVenue: Map<string, Recording[]>, toleranceMs: number): Coverage {
  const out: Coverage = { gaps: [], used: [] };
  for (const room of stay.rooms) {
    if (!room.venue || !room.to) continue;
    const a = room.entered.time.getTime();
    const b = room.to.getTime();
    const recordings = (byVenue.get(room.venue) ?? []).filter(({ span: [x, y] }) => y >= a && x <= b);
    out.used.push(...recordings);
    out.gaps.push(...uncovered(recordings.map((r) => r.span), a, b).filter(([x, y]) => y - x > toleranceMs));
  }
  return out;
}

function gapText(gaps: Span[]): { zh: string; en: string } {
  if (!gaps.length) return { zh: '', en: '' };
  const longest = gaps.reduce((m, g) => (g[1] - g[0] > m[1] - m[0] ? g : m));
  const len = duration(longest[1] - longest[0]);
  const from = localTime(new Date(longest[0]));
  return { zh: `；现有录像${gaps.length}段缺口，最长${len['zh-CN']}（${from}起）`, en: `; the recordings leave ${gaps.length} gap(s), longest ${len.en} from ${from}` };
}

/**
 * AREA_VIDEO_COVERAGE (4YL "一律全程视频监控" [V-report]). Trigger: a suspect's stay (§9.2, first
 * area.entered), judged once it has ended: by the final exit + `checkAfterHours` [D] (footage is
 * uploaded after the stay), every room interval of the stay is covered by `area_cctv` media whose
 * O2O `venue` is that room, with no gap over `gapToleranceSeconds` [D]. Footage that becomes
 * known later resolves the alert as late. Time outside the area (temporary exits) is no room
 * interval. §13: a group without any `area_cctv` media lacks the feed — silent.
 * The segments come linked to the case, its incidents or the room (O2O `venue`): the venue feed
 * brings those of the group's rooms (store/venue-events.ts).
 */
export const AREA_VIDEO_COVERAGE: RuleEvaluator = {
  ruleId: 'AREA_VIDEO_COVERAGE',
  evaluate: (s, ctx) => {
    if (areaSurveillance(s).length === 0) return [];
    const byVenue = recordingsByVenue(s);
    return allStays(s).filter((st) => st.end && isSuspect(s, st.person, st.entry.time)).map((stay) => {
      const end = stay.end!;
      const seconds = ctx.num('gapToleranceSeconds', stay.entry.time);
      const { gaps, used } = stayCoverage(stay, byVenue, seconds * 1000);
      const gap = gapText(gaps);
      const window = `${localTime(stay.entry.time)}–${localTime(end.time)}`;
      return windowDeadline(ctx, {
        subject: subjectOfStay(stay), trigger: stay.entry, start: end.time, minutes: ctx.num('checkAfterHours', stay.entry.time) * 60,
        warn: NO_WARNING, evidence: [end],
        compliedAt: gaps.length ? undefined : new Date(Math.max(0, ...used.map((r) => r.knownAt))),
        duty: L(`嫌疑人在办案区期间（${window}）应全程视频监控录像，中断不超过${seconds}秒${gap.zh}`, `Video records the suspect's whole stay in the area (${window}) with no gap over ${seconds} s${gap.en}`),
      });
    }).filter(present);
  },
};
