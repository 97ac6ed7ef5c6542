/**
 * 讯问 / 询问 sessions: a free room and free interrogators, the transcript (笔录) created at the
 * start and completed at the end, the rights notice before the first session ends, and the
 * synchronous recording. Compliant by default (INTV_TWO_OFFICERS, INTV_FIRST_RIGHTS_NOTICE,
 * INTV_TRANSCRIPT_SIGNATURES, INTV_AV_MANDATORY); single-interrogator sessions and unsigned
 * transcripts are planted here.
 */
import type { CaseFile } from './context.js';
import { DAY, HOUR, MIN, SEC, compactStamp, iso } from './time.js';
import { type Officer, type Venue, staffOf } from './units.js';

export interface SessionSpec {
  subject: string;
  /** Preferred interrogators (the case officers); free colleagues from `pool` stand in for busy ones. */
  interrogators: Officer[];
  pool?: Officer[];
  kind: 'interrogation' | 'questioning';
  first: boolean;
  earliest: number;
  minutes: [min: number, max: number];
  rooms: Venue[];
  /** Oral summons: the transcript records how the person came and the times (CRIM_SUMMONS_PAPERWORK). */
  timesRecorded?: boolean;
  /** The transcript was opened before the questioning (e.g. to record the family notice). */
  transcript?: string;
}

export interface Session {
  start: number;
  end: number;
  venue: Venue;
  interrogators: Officer[];
  startedId: string;
  endedId: string;
  transcript: string;
}

/** Longest wait for a room and officers; beyond it the generator has a bug (counted in `overlaps`). */
const MAX_WAIT = 24 * HOUR;

/**
 * The earliest start, in 10-minute steps, at which one of the rooms, the subject and two of the
 * officers are all free for the session (with two minutes either side). A busy area means a wait
 * in the holding room, never a shared room or an officer in two places.
 */
function findSlot(cf: CaseFile, spec: SessionSpec, duration: number): { start: number; venue: Venue; officers: Officer[] } {
  const { schedule } = cf.world;
  const candidates = [...new Set([...spec.interrogators, ...(spec.pool ?? [])])];
  for (let start = spec.earliest; start <= spec.earliest + MAX_WAIT; start += 10 * MIN) {
    const a = start - 2 * MIN;
    const b = start + duration + 2 * MIN;
    if (!schedule.free(spec.subject, a, b)) continue;
    const free = candidates.filter((o) => schedule.free(o.id, a, b));
    if (free.length < 2) continue;
    const venue = schedule.firstFree(spec.rooms, a, b);
    if (venue) return { start, venue, officers: free.slice(0, 2) };
  }
  cf.world.overlaps++;
  return { start: spec.earliest, venue: spec.rooms[0], officers: spec.interrogators };
}

/** Finds a slot, records the session and returns it. */
export function interrogate(cf: CaseFile, spec: SessionSpec): Session {
  const { rng, world } = cf;
  const { schedule, planner } = world;
  const duration = rng.int(spec.minutes[0], spec.minutes[1]) * MIN;
  const { start, venue, officers } = findSlot(cf, spec, duration);
  const end = start + duration;
  const single = planner.consider('single_interrogator', end + DAY);
  const interrogators = single ? officers.slice(0, 1) : officers;
  schedule.book(venue.id, start - 2 * MIN, end + 2 * MIN);
  schedule.book(spec.subject, start - 2 * MIN, end + 2 * MIN);
  for (const o of interrogators) schedule.book(o.id, start - 2 * MIN, end + 2 * MIN);
  cf.assign(...interrogators);

  const docType = spec.kind === 'interrogation' ? '讯问笔录' : '询问笔录';
  const location = `${venue.unit.name}${cf.rec.value(venue.id, 'name')}`;
  const transcript = spec.transcript ?? cf.transcript(docType, start, spec.subject);
  cf.rec.update(transcript, start, { started_at: iso(start), location });
  const startedId = cf.event('baq', 'interrogation.started', start, {
    kind: spec.kind, av_recorded: true, first_time: spec.first,
  }, [['subject', spec.subject], ...interrogators.map((o) => ['interrogator', o.id] as const), ['venue', venue.id], ['document', transcript]]);
  if (spec.first) {
    const at = start + rng.int(2, 5) * MIN;
    const notice = cf.doc(cf.criminal ? '犯罪嫌疑人诉讼权利义务告知书' : '行政案件权利义务告知书', at, [spec.subject], { subject_signed: true });
    cf.event('ajgl', 'notice.served', at, { notice_type: 'rights_notice', method: 'in_person' }, [
      ['subject', spec.subject], ['document', notice],
    ]);
  }
  const av = cf.rec.object('media', `AV-${transcript.slice('document:'.length)}`, end, {
    kind: 'interrogation_av',
    started_at: iso(start - 30 * SEC),
    ended_at: iso(end + 30 * SEC),
    file: `av/${venue.unit.code}/${compactStamp(start)}.mp4`,
    retention_until: iso(end + 730 * DAY),
  }, [['case', cf.id], ['venue', venue.id], ...interrogators.map((o) => ['officer', o.id] as const)]);
  const endedId = cf.event('baq', 'interrogation.ended', end, {}, [
    ['subject', spec.subject], ['document', transcript], ...interrogators.map((o) => ['interrogator', o.id] as const), ['media', av],
  ]);
  completeTranscript(cf, transcript, end, spec, { startedId, endedId });
  if (single) {
    planner.record({
      kind: 'single_interrogator', caseId: cf.id, subjectId: spec.subject, eventIds: [startedId],
      detail: `${docType} session conducted by one officer`,
    });
  }
  return { start, end, venue, interrogators, startedId, endedId, transcript };
}

function completeTranscript(
  cf: CaseFile, transcript: string, end: number, spec: SessionSpec, ids: { startedId: string; endedId: string },
): void {
  const { rng, world } = cf;
  const pages = rng.int(3, 12);
  const unsigned = world.planner.consider('unsigned_transcript', end + DAY);
  const variant = unsigned ? world.planner.rng.int(0, 1) : -1;
  const signedPages = variant === 1 ? pages - world.planner.rng.int(1, Math.min(2, pages - 1)) : pages;
  const signatures = variant === 0 ? 1 : 2;
  cf.rec.update(transcript, end, {
    ended_at: iso(end),
    pages,
    signed_pages: signedPages,
    has_confirmation_phrase: true,
    officer_signatures: signatures,
    subject_signed: true,
    times_recorded: spec.timesRecorded || undefined,
  });
  if (unsigned) {
    world.planner.record({
      kind: 'unsigned_transcript', caseId: cf.id, subjectId: spec.subject, eventIds: [ids.startedId, ids.endedId],
      objectIds: [transcript],
      detail: variant === 0 ? 'transcript signed by one officer' : `person signed ${signedPages} of ${pages} pages`,
    });
  }
}

/**
 * Officers who may stand in for busy case officers: the case unit's sworn case handlers first,
 * then those of the branch's other stations and brigades (a branch pools them for big cases).
 */
export function officerPool(cf: CaseFile): Officer[] {
  const units = [cf.unit, ...cf.branch.stations, ...cf.branch.brigades];
  return [...new Set(units.flatMap((u) => staffOf(u, 'lead', 'assistant')))];
}

/** Two officers free over [from, to]: the preferred ones if possible, else free colleagues. */
export function freePair(cf: CaseFile, preferred: Officer[], from: number, to: number): Officer[] {
  const { schedule } = cf.world;
  const free = [...new Set([...preferred, ...officerPool(cf)])].filter((o) => schedule.free(o.id, from, to));
  return free.length >= 2 ? free.slice(0, 2) : preferred;
}
