/**
 * Collects the demo city's objects and events as a source system would send them, then emits
 * them as interchange records (§2.2) in dependency order: objects by type (units first, so every
 * O2O target precedes its source), then events by time. Every record earlier than the anchor is
 * kept; later ones are cut, and so is anything left pointing at a cut object.
 */
import type { OcelEvent, OcelObject, OcelRelationship } from '../interchange/types.js';
import { REFERENCE_TIME, iso } from './time.js';

export type Value = string | number | boolean;
/** Absent (undefined) attributes are simply not sent: "unknown" (§5.2). */
export type Attrs = Record<string, Value | undefined>;
/** `[qualifier, objectId]`; undefined targets are skipped. */
export type Rels = ReadonlyArray<readonly [string, string | undefined]>;

export type DemoRecord = { object: OcelObject } | { event: OcelEvent };

/** Object types in the order their references require. */
const TYPE_ORDER = ['unit', 'officer', 'venue', 'incident', 'case', 'person', 'item', 'document', 'media'];

interface ObjectDraft {
  id: string;
  type: string;
  /** Null for reference data valid from the start. */
  created: number | null;
  attributes: { name: string; time: number | null; value: string }[];
  relationships: OcelRelationship[];
}

interface EventDraft {
  time: number;
  event: OcelEvent;
}

const text = (v: Value): string => (typeof v === 'string' ? v : String(v));

function relationships(rels: Rels): OcelRelationship[] {
  const out: OcelRelationship[] = [];
  for (const [qualifier, objectId] of rels) if (objectId !== undefined) out.push({ objectId, qualifier });
  return out;
}

export class Recorder {
  private readonly objects = new Map<string, ObjectDraft>();
  private readonly events: EventDraft[] = [];
  private readonly eventIds = new Set<string>();

  /** Creates an object; `time` null marks reference data (`1970-01-01T00:00:00Z`). */
  object(type: string, key: string, time: number | null, attrs: Attrs, rels: Rels = []): string {
    const id = `${type}:${key}`;
    if (this.objects.has(id)) throw new Error(`demo: object ${id} created twice`);
    this.objects.set(id, { id, type, created: time, attributes: [], relationships: relationships(rels) });
    this.update(id, time, attrs);
    return id;
  }

  /** Adds attribute entries valid from `time` (history, §3.2). */
  update(id: string, time: number | null, attrs: Attrs): void {
    const draft = this.draft(id);
    for (const [name, value] of Object.entries(attrs)) {
      if (value !== undefined) draft.attributes.push({ name, time, value: text(value) });
    }
  }

  relate(id: string, rels: Rels): void {
    const draft = this.draft(id);
    for (const r of relationships(rels)) {
      if (!draft.relationships.some((x) => x.objectId === r.objectId && x.qualifier === r.qualifier)) {
        draft.relationships.push(r);
      }
    }
  }

  has(id: string): boolean {
    return this.objects.has(id);
  }

  /** The attribute value last set on a draft object (for the generator's own bookkeeping). */
  value(id: string, name: string): string | undefined {
    const attrs = this.draft(id).attributes;
    for (let i = attrs.length - 1; i >= 0; i--) if (attrs[i].name === name) return attrs[i].value;
    return undefined;
  }

  event(id: string, type: string, time: number, attrs: Attrs, rels: Rels): string {
    if (this.eventIds.has(id)) throw new Error(`demo: event ${id} emitted twice`);
    this.eventIds.add(id);
    const event: OcelEvent = { id, type, time: iso(time) };
    const attributes = Object.entries(attrs)
      .filter(([, v]) => v !== undefined)
      .map(([name, v]) => ({ name, value: text(v as Value) }));
    if (attributes.length > 0) event.attributes = attributes;
    const rel = relationships(rels);
    if (rel.length > 0) event.relationships = rel;
    this.events.push({ time, event });
    return id;
  }

  get objectCount(): number {
    return this.objects.size;
  }

  get eventCount(): number {
    return this.events.length;
  }

  /**
   * The records strictly before `anchor`, objects first. Returns the ids of the events kept, so
   * that the defect manifest can drop what was cut.
   */
  build(anchor: number): { records: DemoRecord[]; keptEvents: Set<string> } {
    const kept = new Set<string>();
    const objects: OcelObject[] = [];
    const drafts = [...this.objects.values()];
    const rank = (t: string) => TYPE_ORDER.indexOf(t);
    // Stable sort keeps creation order inside a type (units are created parent first).
    drafts.sort((a, b) => rank(a.type) - rank(b.type));
    for (const d of drafts) {
      if (d.created !== null && d.created >= anchor) continue;
      if (!d.relationships.every((r) => kept.has(r.objectId))) continue;
      kept.add(d.id);
      const o: OcelObject = {
        id: d.id,
        type: d.type,
        attributes: d.attributes
          .filter((a) => a.time === null || a.time < anchor)
          .map((a) => ({ name: a.name, time: a.time === null ? REFERENCE_TIME : iso(a.time), value: a.value })),
      };
      if (d.relationships.length > 0) o.relationships = d.relationships;
      objects.push(o);
    }
    const events = this.events
      .filter((e) => e.time < anchor && (e.event.relationships ?? []).every((r) => kept.has(r.objectId)))
      .sort((a, b) => a.time - b.time);
    const keptEvents = new Set(events.map((e) => e.event.id));
    const records: DemoRecord[] = objects.map((object) => ({ object }));
    for (const e of events) records.push({ event: e.event });
    return { records, keptEvents };
  }

  private draft(id: string): ObjectDraft {
    const d = this.objects.get(id);
    if (!d) throw new Error(`demo: unknown object ${id}`);
    return d;
  }
}
