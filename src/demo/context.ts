/**
 * Shared state of one generation run: the recorder, the city, the defect planner, a booking
 * schedule for rooms and officers, and the case file that numbers a case's events, documents,
 * persons and items the way the source systems would.
 */
import type { CaseProfile } from './catalog.js';
import type { DefectPlanner } from './defects.js';
import type { PersonFacts } from './names.js';
import type { Attrs, Recorder, Rels } from './records.js';
import type { Rng } from './rng.js';
import { iso } from './time.js';
import type { Branch, City, Officer, Unit, Venue } from './units.js';

/**
 * Bookings of rooms, officers and persons, so that nobody is in two places and no room holds two
 * sessions. A booking may carry a tag: holding rooms take several persons when their tags agree
 * (see `compatible`).
 */
export class Schedule {
  private readonly busy = new Map<string, [from: number, to: number, tag?: string][]>();

  free(id: string, from: number, to: number): boolean {
    const list = this.busy.get(id);
    return !list || list.every(([a, b]) => b <= from || a >= to);
  }

  /** Whether every booking of `id` overlapping [from, to] has a tag that `ok` accepts. */
  compatible(id: string, from: number, to: number, ok: (tag: string | undefined) => boolean): boolean {
    const list = this.busy.get(id);
    return !list || list.every(([a, b, tag]) => b <= from || a >= to || ok(tag));
  }

  /** How many bookings of `id` overlap [from, to]. */
  load(id: string, from: number, to: number): number {
    return (this.busy.get(id) ?? []).filter(([a, b]) => b > from && a < to).length;
  }

  /** The end of the free stretch of `id` that starts at `from` (`from` itself when busy then), at most `limit`. */
  freeUntil(id: string, from: number, limit: number): number {
    let until = limit;
    for (const [a, b] of this.busy.get(id) ?? []) {
      if (a <= from && b > from) return from;
      if (a > from) until = Math.min(until, a);
    }
    return until;
  }

  book(id: string, from: number, to: number, tag?: string): void {
    const list = this.busy.get(id);
    if (list) list.push([from, to, tag]);
    else this.busy.set(id, [[from, to, tag]]);
  }

  firstFree<T extends { id: string }>(items: readonly T[], from: number, to: number): T | undefined {
    return items.find((x) => this.free(x.id, from, to));
  }
}

export interface World {
  rec: Recorder;
  city: City;
  planner: DefectPlanner;
  schedule: Schedule;
  anchor: number;
  profiles: Map<string, CaseProfile>;
  /** Per-unit counters of the area system's officer positioning records. */
  positioningSeq: Map<string, number>;
  /** Per unit and month counters of case numbers. */
  caseSeq: Map<string, number>;
  /** Holding-room time to be watched, per room (see area.ts). */
  watches: Map<Venue, [number, number][]>;
  /** Sessions, rooms or watches that found no free room or officer and went ahead anyway (a generator bug: stays 0). */
  overlaps: number;
}

export type Source = 'ajgl' | 'baq' | 'sacw' | 'jzgl';

/** Events that show investigative work on a case (as CRIM_INVESTIGATION_CONTINUITY reads them). */
const INVESTIGATIVE = new Set([
  'interrogation.started', 'item.seized', 'item.frozen', 'appraisal.started', 'appraisal.ended', 'person.brought_in', 'person.summoned',
  'person.detained', 'person.arrested', 'person.arrest_requested', 'person.custody_extension_requested', 'person.bail_started',
  'person.rsdl_started', 'document.filed', 'case.recovery_recorded',
]);

/** One case as the case system numbers it: `A…` criminal, `X…` administrative. */
export class CaseFile {
  readonly id: string;
  /** Stage transitions (§10.1 DOSSIER_STAGE_REQUIRED_DOCS), to keep late paperwork off them. */
  readonly stages: number[] = [];
  readonly officers: Officer[] = [];
  /** The unit whose case-handling area and property store the case uses. */
  area!: Unit;
  loss = 0;
  acceptedEventId = '';
  /** The attesting witness (见证人) of the case's seizures. */
  witness?: string;
  /** Suspects on bail, released from it when the case goes to the procuratorate. */
  readonly bailed: string[] = [];
  /** When investigative events happened, so that no long silence is left before the transfer. */
  readonly activity: number[] = [];
  /** 追赃挽损 recorded so far: when and how much. */
  readonly recoveries: Array<[at: number, amount: number]> = [];
  private readonly seq: Record<Source, number> = { ajgl: 0, baq: 0, sacw: 0, jzgl: 0 };
  private docs = 0;
  private persons = 0;
  private items = 0;

  constructor(
    readonly world: World,
    readonly no: string,
    readonly profile: CaseProfile,
    readonly branch: Branch,
    readonly unit: Unit,
    readonly rng: Rng,
  ) {
    this.id = `case:${no}`;
  }

  get rec(): Recorder {
    return this.world.rec;
  }

  get criminal(): boolean {
    return this.profile.kind === 'criminal';
  }

  /** Assigns officers to the case (O2O `officer`; the case object takes those assigned before it exists). */
  assign(...officers: Officer[]): void {
    for (const o of officers) {
      if (this.officers.includes(o)) continue;
      this.officers.push(o);
      if (this.rec.has(this.id)) this.rec.relate(this.id, [['officer', o.id]]);
    }
  }

  /** An event of this case; the `case` relationship is added first. */
  event(source: Source, type: string, t: number, attrs: Attrs, rels: Rels): string {
    const n = ++this.seq[source];
    if (INVESTIGATIVE.has(type)) this.activity.push(t);
    return this.rec.event(`${source}:${this.no}-${String(n).padStart(3, '0')}`, type, t, attrs, [['case', this.id], ...rels]);
  }

  /** A document of this case, issued (dated) at `t`. */
  doc(docType: string, t: number, subjects: string[] = [], attrs: Attrs = {}): string {
    return this.document(docType, t, subjects, { issued_at: iso(t), ...attrs });
  }

  /** A 笔录 opened at `t`; it is dated by its `started_at` once the session begins. */
  transcript(docType: string, t: number, subject: string): string {
    return this.document(docType, t, [subject], {});
  }

  private document(docType: string, t: number, subjects: string[], attrs: Attrs): string {
    const key = `${this.no}-W${String(++this.docs).padStart(2, '0')}`;
    return this.rec.object('document', key, t, { doc_type: docType, ...attrs }, [
      ['case', this.id],
      ...subjects.map((s) => ['subject', s] as const),
    ]);
  }

  person(role: string, t: number, facts: PersonFacts, extra: Attrs = {}, incident?: string): string {
    const key = `${this.no}-R${++this.persons}`;
    return this.rec.object('person', key, t, { ...facts, role, nationality: 'CHN', language: 'zh', ...extra }, [
      ['case', this.id],
      ['incident', incident],
    ]);
  }

  item(t: number, attrs: Attrs, holders: string[]): string {
    const key = `${this.no}-C${String(++this.items).padStart(2, '0')}`;
    return this.rec.object('item', key, t, attrs, [['case', this.id], ...holders.map((h) => ['subject', h] as const)]);
  }
}
