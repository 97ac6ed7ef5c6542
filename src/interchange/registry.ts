/**
 * The type registry of the interchange contract (shared/spec/interchange.md §6–§8): every object
 * type, event type, attribute and relationship qualifier a source system may send. Validation,
 * export and the rule engine all read this one table.
 */


import { b, e, f, i, rel, req, s, t, type AttrDef, type TypeDef } from './registry-types.js';
import { EVENT_TYPES } from './event-types.js';

export type { AttrDef, AttrFormat, AttrType, Cardinality, RelDef, TypeDef } from './registry-types.js';
export { COMMON_EVENT_ATTRIBUTES, EVENT_TYPES } from './event-types.js';

export const UNIT_LEVELS = [
  'city', 'branch', 'station', 'brigade', 'center', 'detention_center', 'admin_detention_facility',
] as const;
export const OFFICER_ROLES = ['lead', 'assistant', 'legal_officer', 'leader', 'custodian', 'auxiliary'] as const;
export const PERSON_ROLES = [
  'suspect', 'victim', 'complainant', 'reporter', 'witness', 'attesting_witness', 'guardian', 'interpreter',
] as const;
export const ROOM_TYPES = [
  'interrogation_room', 'inquiry_room', 'waiting_room', 'holding_room', 'security_check', 'property_store',
  'detention_center_interrogation', 'residence', 'other',
] as const;

export const OBJECT_TYPES: Record<string, TypeDef> = {
  unit: {
    name: 'unit',
    attributes: {
      name: req(),
      kind: e(['public_security', 'procuratorate', 'court', 'administrative_agency', 'other'], true),
      level: e(UNIT_LEVELS),
    },
    relationships: { parent: rel('?') },
  },
  officer: {
    name: 'officer',
    attributes: { name: req(), badge_no: req(), role: e(OFFICER_ROLES, true) },
    relationships: { member_of: rel('1') },
  },
  incident: {
    name: 'incident',
    attributes: {
      channel: e(['110', 'walk_in', 'online', 'transfer'], true),
      category: req(),
      text: s({ sensitive: true }),
      address: s(),
      lat: f(),
      lon: f(),
      urgent: b(true),
    },
    relationships: { unit: rel('?') },
  },
  case: {
    name: 'case',
    attributes: {
      kind: e(['criminal', 'administrative'], true),
      admin_type: e(['public_order', 'other']),
      category: req(),
      charge: s(),
      title: s(),
      amount_involved: f(),
      loss_amount: f(),
      occurred_at: t(),
      av_required: b(),
    },
    relationships: { unit: rel('1'), officer: rel('*') },
  },
  person: {
    name: 'person',
    attributes: {
      name: req(),
      role: e(PERSON_ROLES, true),
      gender: e(['male', 'female', 'unknown']),
      birth_date: s({ format: 'date' }),
      id_number: s({ sensitive: true }),
      phone: s({ sensitive: true }),
      nationality: s(),
      language: s(),
      pregnant: b(),
      nursing: b(),
      deaf_mute: b(),
      mentally_impaired: b(),
      npc_deputy: b(),
    },
    relationships: { case: rel('?'), incident: rel('?'), subject: rel('*') },
  },
  item: {
    name: 'item',
    attributes: { description: req(), category: s(), value: f() },
    relationships: { case: rel('1'), subject: rel('*') },
  },
  venue: {
    name: 'venue',
    attributes: { name: req(), room_type: e(ROOM_TYPES, true), approved_for_interrogation: b() },
    relationships: { unit: rel('1') },
  },
  document: {
    name: 'document',
    attributes: {
      doc_type: req(),
      doc_no: s(),
      issued_at: t(),
      started_at: t(),
      ended_at: t(),
      location: s(),
      pages: i(),
      signed_pages: i(),
      has_confirmation_phrase: b(),
      officer_signatures: i(),
      subject_signed: b(),
      witness_signed: b(),
      interpreter_signed: b(),
      refusal_noted: b(),
      times_recorded: b(),
      sealed: b(),
      copies: i(),
      file: s(),
    },
    relationships: { case: rel('1'), subject: rel('*') },
  },
  media: {
    name: 'media',
    attributes: {
      kind: e(['bodycam', 'interrogation_av', 'area_cctv'], true),
      started_at: t(true),
      ended_at: t(true),
      file: s(),
      retention_until: t(),
    },
    relationships: { incident: rel('?'), case: rel('?'), venue: rel('?'), officer: rel('*') },
  },
};

/** Closed vocabulary of qualifiers and the object types each may point at (§7). */
export const QUALIFIER_TARGETS: Record<string, readonly string[]> = {
  case: ['case'],
  incident: ['incident'],
  subject: ['person'],
  officer: ['officer'],
  interrogator: ['officer'],
  custodian: ['officer'],
  guardian: ['person'],
  interpreter: ['person'],
  witness: ['person'],
  unit: ['unit'],
  target_unit: ['unit'],
  venue: ['venue'],
  document: ['document'],
  item: ['item'],
  approver: ['officer', 'unit'],
  parent: ['unit'],
  member_of: ['unit'],
  media: ['media'],
};

/** O2O qualifiers where the latest import replaces the earlier target (§3.2). */
export const SINGLE_VALUED_O2O: Record<string, readonly string[]> = {
  unit: ['parent'],
  officer: ['member_of'],
  incident: ['unit'],
  case: ['unit'],
  venue: ['unit'],
};

/** Source-extension attributes (`x_*`) are stored and exported, never evaluated (§3.3). */
export const isExtensionAttribute = (name: string): boolean => name.startsWith('x_');

export function attributeDef(kind: 'object' | 'event', type: string, name: string): AttrDef | undefined {
  const def = kind === 'object' ? OBJECT_TYPES[type] : EVENT_TYPES[type];
  return def?.attributes[name];
}

/** The [S] attribute names of an object type (§5.3). */
export function sensitiveAttributes(type: string): string[] {
  const def = OBJECT_TYPES[type];
  if (!def) return [];
  return Object.entries(def.attributes).filter(([, a]) => a.sensitive).map(([n]) => n);
}
