import type { HolidayCalendar } from '../../legal-time/calendar.js';
import { platformCalendar } from '../calendar.js';
import type { RuleEvaluator, RuleSettings } from './context.js';
import { evaluateGroup, type GroupResult } from './evaluate.js';
import { type Ev, type Obj, type Rel, Snapshot } from './snapshot.js';

/**
 * Builds a group's snapshot by hand, for evaluator tests that need no database:
 *
 *   const g = new GroupBuilder('case:C1')
 *     .object('case:C1', { kind: 'criminal' }, { unit: 'unit:U1' })
 *     .event('e1', 'person.detained', '2025-03-10T23:40:00+08:00', {}, { subject: 'person:P1', case: 'case:C1' });
 *   const { alerts, timers } = g.evaluate(evaluator, '2025-03-13T16:00:00+08:00');
 *
 * Object attributes given as a plain value are valid from the epoch; `[[time, value], …]` gives
 * a history. Relationships map a qualifier to one id or a list.
 */
type AttrInput = string | number | boolean | Array<[string, string | number | boolean]>;
type RelInput = Record<string, string | string[]>;

const rels = (r: RelInput = {}): Rel[] => Object.entries(r).flatMap(([q, ids]) => (Array.isArray(ids) ? ids : [ids]).map((id) => ({ q, id })));

export class GroupBuilder {
  private readonly objects = new Map<string, Obj>();
  private readonly events: Ev[] = [];
  private readonly venueEvents: Ev[] = [];
  private readonly venueMedia = new Map<string, Obj>();

  constructor(readonly groupId: string) {}

  object(id: string, attrs: Record<string, AttrInput> = {}, relationships: RelInput = {}, unitId?: string): this {
    this.objects.set(id, makeObject(id, attrs, relationships, unitId));
    return this;
  }

  /** An object of a room the group used, linked to the room only (area surveillance). */
  venueObject(id: string, attrs: Record<string, AttrInput> = {}, relationships: RelInput = {}): this {
    this.venueMedia.set(id, makeObject(id, attrs, relationships));
    return this;
  }

  event(id: string, type: string, time: string, attrs: Record<string, string | number | boolean> = {}, relationships: RelInput = {}): this {
    this.events.push(this.makeEvent(id, type, time, attrs, relationships));
    return this;
  }

  /** An event of a venue the group's persons used (occupancy snapshots, officers' positions). */
  venueEvent(id: string, type: string, time: string, attrs: Record<string, string | number | boolean> = {}, relationships: RelInput = {}): this {
    this.venueEvents.push(this.makeEvent(id, type, time, attrs, relationships));
    return this;
  }

  /** Leaves an event out (a `void` revision retracts it, §3.3). */
  without(id: string): this {
    const i = this.events.findIndex((e) => e.id === id);
    if (i >= 0) this.events.splice(i, 1);
    return this;
  }

  snapshot(asOf: string | Date): Snapshot {
    return new Snapshot(this.groupId, new Date(asOf), this.events, this.objects, new Map(), this.venueEvents, [...this.venueMedia.values()]);
  }

  evaluate(evaluators: RuleEvaluator | RuleEvaluator[], asOf: string | Date, settings?: RuleSettings): GroupResult {
    return evaluateGroup(this.snapshot(asOf), { calendar: testCalendar(), evaluators: Array.isArray(evaluators) ? evaluators : [evaluators], settings });
  }

  private makeEvent(id: string, type: string, time: string, attrs: Record<string, string | number | boolean>, relationships: RelInput): Ev {
    return { id, type, time: new Date(time), attrs: Object.fromEntries(Object.entries(attrs).map(([k, v]) => [k, String(v)])), rels: rels(relationships) };
  }
}

function makeObject(id: string, attrs: Record<string, AttrInput>, relationships: RelInput, unitId?: string): Obj {
  const o: Obj = { id, type: id.slice(0, id.indexOf(':')), attrs: new Map(), rels: rels(relationships), unitId: unitId ?? null };
  for (const [name, v] of Object.entries(attrs)) {
    const history = Array.isArray(v) ? v.map(([t, x]) => ({ time: Date.parse(t), value: String(x) })) : [{ time: 0, value: String(v) }];
    o.attrs.set(name, history.sort((a, b) => a.time - b.time));
  }
  if (!unitId && o.type === 'case') o.unitId = o.rels.find((r) => r.q === 'unit')?.id ?? null;
  return o;
}

/** The platform's calendar (config/calendar, 2023–2026). */
export const testCalendar = (): HolidayCalendar => platformCalendar();
