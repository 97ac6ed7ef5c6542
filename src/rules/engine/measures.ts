/**
 * Measure intervals and custody of one person (interchange §9.1), derived from the person's
 * events in time order. Pure: the caller gathers the events (void ones left out) and tells,
 * for `person.jailed`, the level of the receiving facility.
 */
export type MeasureKind =
  | 'criminal_summons' | 'admin_summons' | 'continued_questioning' | 'criminal_detention' | 'arrest_custody'
  | 'bail' | 'rsdl' | 'admin_detention';

export interface MeasureEvent {
  id: string;
  type: string;
  time: Date;
  attrs?: Record<string, string>;
  /** For person.jailed: the level of the facility unit (`detention_center`, `admin_detention_facility`). */
  facilityLevel?: string;
}

export interface MeasureInterval<E extends MeasureEvent = MeasureEvent> {
  kind: MeasureKind;
  held: boolean;
  start: E;
  /** Undefined while the measure is still open. */
  end?: E;
}

export interface MeasureTimeline<E extends MeasureEvent = MeasureEvent> {
  intervals: MeasureInterval<E>[];
  /** End events with no open interval of theirs (§9.1: stored, reported as S4). */
  orphanEnds: E[];
}

const HELD: Record<MeasureKind, boolean> = {
  criminal_summons: true, admin_summons: true, continued_questioning: true, criminal_detention: true,
  arrest_custody: true, bail: false, rsdl: false, admin_detention: true,
};

/** What ends each measure (§9.1, "ends at the first of"). */
const ENDS: Record<MeasureKind, (e: MeasureEvent) => boolean> = {
  criminal_summons: (e) => ['person.summons_ended', 'person.detained', 'person.released', 'person.summoned'].includes(e.type),
  admin_summons: (e) => ['person.summons_ended', 'person.released', 'person.jailed', 'person.summoned'].includes(e.type),
  continued_questioning: (e) => ['person.summons_ended', 'person.detained', 'person.released', 'person.summoned'].includes(e.type),
  criminal_detention: (e) => ['person.arrested', 'person.released', 'person.bail_started', 'person.rsdl_started'].includes(e.type),
  arrest_custody: (e) => ['person.released', 'person.bail_started', 'person.rsdl_started', 'case.sent_for_prosecution'].includes(e.type),
  bail: (e) => ['person.bail_ended', 'person.detained', 'person.arrested', 'person.rsdl_started'].includes(e.type),
  rsdl: (e) => ['person.rsdl_ended', 'person.detained', 'person.arrested', 'person.bail_started'].includes(e.type),
  admin_detention: (e) => e.type === 'person.released',
};

/** The measure an event starts, if any. */
function starts(e: MeasureEvent): MeasureKind | undefined {
  switch (e.type) {
    case 'person.summoned': {
      const m = e.attrs?.measure;
      if (m === 'criminal_summons' || m === 'forced_summons') return 'criminal_summons';
      if (m === 'admin_summons') return 'admin_summons';
      if (m === 'continued_questioning') return 'continued_questioning';
      return undefined;
    }
    case 'person.detained': return 'criminal_detention';
    case 'person.arrested': return 'arrest_custody';
    case 'person.bail_started': return 'bail';
    case 'person.rsdl_started': return 'rsdl';
    case 'person.jailed': return e.facilityLevel === 'admin_detention_facility' ? 'admin_detention' : undefined;
    default: return undefined;
  }
}

/** Events whose only role is to end a measure: without an open one they are orphans. */
const PURE_ENDS = new Set(['person.summons_ended', 'person.released', 'person.bail_ended', 'person.rsdl_ended']);

export function measureTimeline<E extends MeasureEvent>(events: E[]): MeasureTimeline<E> {
  const sorted = [...events].sort((a, b) => a.time.getTime() - b.time.getTime() || a.id.localeCompare(b.id));
  const intervals: MeasureInterval<E>[] = [];
  const open: MeasureInterval<E>[] = [];
  const orphanEnds: E[] = [];
  for (const e of sorted) {
    // An event first ends what it ends, then starts what it starts (a detention at T ends the
    // summons at T and begins custody at T).
    let ended = 0;
    for (let i = open.length - 1; i >= 0; i--) {
      if (ENDS[open[i].kind](e)) {
        open[i].end = e;
        open.splice(i, 1);
        ended++;
      }
    }
    const kind = starts(e);
    if (kind) {
      const iv: MeasureInterval<E> = { kind, held: HELD[kind], start: e };
      intervals.push(iv);
      open.push(iv);
    } else if (ended === 0 && PURE_ENDS.has(e.type)) {
      orphanEnds.push(e);
    }
  }
  return { intervals, orphanEnds };
}

/** Whether the person is held at `at` (a "held" interval open then; end instant exclusive). */
export function isHeld(timeline: MeasureTimeline, at: Date): boolean {
  const t = at.getTime();
  return timeline.intervals.some((iv) => iv.held && iv.start.time.getTime() <= t && (!iv.end || iv.end.time.getTime() > t));
}
