import { audit } from '../audit/audit.js';
import type { Queryable } from '../db/database.js';
import { attributeDef } from '../interchange/registry.js';
import { canReadPersonalData, type Actor } from '../org/actor.js';
import { scopeCondition } from '../org/scope.js';
import { currentAttributes, namesOf } from '../server/objects.js';
import { eventLabel } from './event-labels.js';
import { formatMicros, formatTimeValue, maskName, presentAttributes } from './format.js';
import { caseSql } from './sql.js';

/**
 * The case timeline (串点成线): every event of the case and of its incidents, persons, items,
 * documents and media — and of the rooms while its persons were in them — in time order, each
 * with its related objects by name and where it came from. Void (retracted) events are left out.
 */

type Db = Pick<Queryable, 'query'>;

export interface RelatedObject {
  id: string;
  type: string;
  qualifier: string;
  /** Officer, unit, person or venue name; document type; media kind; item description. */
  name: string | null;
}

export interface TimelineSource {
  /** The system that recorded the event: its id's prefix (`ajgl:E0310-14` → ajgl, §3.1). */
  source: string | null;
  /** The source the import was delivered by (X-Source, file name), when known. */
  deliveredBy: string | null;
  importId: number;
  importName: string | null;
  receivedAt: string;
  revision: number;
}

export interface TimelineEvent {
  id: string;
  type: string;
  /** RFC 3339 at +08:00. */
  time: string;
  /** zh-CN label of the type, and its English form. */
  label: string;
  labelEn: string;
  attributes: { name: string; value: string }[];
  objects: RelatedObject[];
  /** Officers taking part in any role (officer, interrogator, custodian, approver), once each. */
  officers: { id: string; name: string | null }[];
  source: TimelineSource;
}

export interface CaseHeader {
  id: string;
  unitId: string | null;
  unitName: string | null;
  /** Current value of every attribute (as of now). */
  attributes: Record<string, string>;
}

export interface CaseTimeline {
  case: CaseHeader;
  events: TimelineEvent[];
}

/** The case if it exists and lies in the actor's scope, with its current attributes. */
export async function visibleCase(db: Db, actor: Actor, caseId: string): Promise<CaseHeader | null> {
  const scope = scopeCondition(actor, 'o.unit_id', 2);
  const { rows } = await db.query<{ id: string; unit_id: string | null }>(
    `SELECT o.id, o.unit_id FROM objects o WHERE o.id = $1 AND o.type = 'case' AND ${scope.sql}`,
    [caseId, ...scope.params],
  );
  if (!rows[0]) return null;
  const unitId = rows[0].unit_id;
  const [attrs, names] = await Promise.all([currentAttributes(db, [caseId]), namesOf(db, [unitId])]);
  return { id: caseId, unitId, unitName: unitId ? names.get(unitId) ?? null : null, attributes: presentAttributes('case', attrs.get(caseId) ?? {}) };
}

interface EventRow {
  id: string;
  type: string;
  time_us: string;
  attributes: { name: string; value: unknown }[];
  revision: number;
  source: string | null;
  import_id: number | string;
  import_name: string | null;
  received_us: string;
  objects: [id: string, type: string, qualifier: string, name: string | null][];
}

// revision is reported with the source; void events never reach the timeline
const HIDDEN_EVENT_ATTRIBUTES = new Set(['revision', 'void']);

export async function caseTimeline(db: Db, actor: Actor, caseId: string): Promise<CaseTimeline | null> {
  const header = await visibleCase(db, actor, caseId);
  if (!header) return null;
  const { rows } = await db.query<EventRow>(caseSql('timeline-events.sql'), [[caseId], []]);
  const personal = canReadPersonalData(actor);
  const events = rows.map((r) => toTimelineEvent(r, personal));
  await audit(db, actor, {
    action: 'case.timeline.read',
    resourceType: 'case',
    resourceId: caseId,
    detail: { events: events.length, personalData: personal },
  });
  return { case: header, events };
}

function toTimelineEvent(r: EventRow, personal: boolean): TimelineEvent {
  const objects: RelatedObject[] = r.objects.map(([id, type, qualifier, name]) => ({
    id,
    type,
    qualifier,
    name: name !== null && type === 'person' && !personal ? maskName(name) : name,
  }));
  const officers = new Map<string, string | null>();
  for (const o of objects) if (o.type === 'officer' && !officers.has(o.id)) officers.set(o.id, o.name);
  const label = eventLabel(r.type);
  return {
    id: r.id,
    type: r.type,
    time: formatMicros(r.time_us),
    label: label.zh,
    labelEn: label.en,
    attributes: r.attributes
      .filter((a) => !HIDDEN_EVENT_ATTRIBUTES.has(a.name))
      .map((a) => {
        const value = String(a.value);
        return { name: a.name, value: attributeDef('event', r.type, a.name)?.type === 'time' ? formatTimeValue(value) : value };
      }),
    objects,
    officers: [...officers].map(([id, name]) => ({ id, name })),
    source: {
      source: r.id.includes(':') ? r.id.slice(0, r.id.indexOf(':')) : null,
      deliveredBy: r.source,
      importId: Number(r.import_id),
      importName: r.import_name,
      receivedAt: formatMicros(r.received_us),
      revision: r.revision,
    },
  };
}
