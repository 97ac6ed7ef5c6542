/**
 * The type registry of the interchange contract (shared/spec/interchange.md §6–§8): every object
 * type, event type, attribute and relationship qualifier a source system may send. Validation,
 * export and the rule engine all read this one table.
 */

export type AttrType = 'string' | 'integer' | 'float' | 'boolean' | 'time';
/** Extra syntactic checks on top of the OCEL type (§5.1). */
export type AttrFormat = 'date' | 'duration';

export interface AttrDef {
  type: AttrType;
  required?: boolean;
  enum?: readonly string[];
  format?: AttrFormat;
  /** [S] fields (§5.3): masked in exports and error reports, reads audited. */
  sensitive?: boolean;
}

/** `1` exactly one, `?` at most one, `+` one or more, `*` any (§8). */
export type Cardinality = '1' | '?' | '+' | '*';

export interface RelDef {
  card: Cardinality;
}

export interface TypeDef {
  name: string;
  attributes: Record<string, AttrDef>;
  /** Qualifiers with a stated cardinality; other qualifiers of §7 are allowed as `*`. */
  relationships: Record<string, RelDef>;
}

const s = (extra: Partial<AttrDef> = {}): AttrDef => ({ type: 'string', ...extra });
const req = (extra: Partial<AttrDef> = {}): AttrDef => ({ type: 'string', required: true, ...extra });
const e = (values: readonly string[], required = false): AttrDef => ({ type: 'string', enum: values, required });
const b = (required = false): AttrDef => ({ type: 'boolean', required });
const i = (required = false): AttrDef => ({ type: 'integer', required });
const f = (required = false): AttrDef => ({ type: 'float', required });
const t = (required = false): AttrDef => ({ type: 'time', required });
const rel = (card: Cardinality): RelDef => ({ card });

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

const FAMILY_MEASURES = [
  'criminal_detention', 'arrest', 'rsdl_designated', 'admin_summons', 'continued_questioning', 'admin_detention',
] as const;
const NOTICE_TYPES = [
  'report_receipt', 'acceptance_receipt', 'not_police_matter', 'transfer_notice', 'not_file_notice',
  'filing_decision_copy', 'rights_notice', 'decision', 'decision_copy_victim', 'revocation_notice',
  'execution_receipt', 'unfreeze_notice',
] as const;
const APPROVAL_FOR = [
  'accept_review', 'filing_review', 'summons', 'continued_questioning', 'arrest_request', 'arrest_review', 'custody',
  'admin_case', 'property_handover', 'freeze', 'seizure',
] as const;
const APPROVAL_LEVELS = [
  'department', 'county', 'city', 'upper', 'provincial', 'procuratorate', 'upper_procuratorate',
  'provincial_procuratorate',
] as const;
const APPROVAL_REASONS = [
  'lead_check', 'complex', 'serial', 'repeat', 'gang', 'identity_unknown', 'remote', 'urgent_appraisal', 'ten_years',
  'other',
] as const;

type EventSpec = [relationships: Record<string, Cardinality>, attributes?: Record<string, AttrDef>];

const EVENT_SPECS: Record<string, EventSpec> = {
  // §8.1 incidents and cases
  'incident.received': [{ incident: '1', unit: '?', officer: '*' }, { evidence_submitted: b() }],
  'incident.dispatched': [{ incident: '1', target_unit: '1', officer: '*' }],
  'incident.arrived': [{ incident: '1', officer: '+' }],
  'incident.closed': [
    { incident: '1', officer: '*' },
    { nature: e(['criminal', 'public_order', 'dispute', 'help', 'traffic', 'invalid', 'other'], true) },
  ],
  'incident.registered': [{ incident: '1', unit: '?', officer: '*', document: '*' }],
  'incident.referred': [
    { incident: '1', target_unit: '?', case: '?', subject: '*', document: '*' },
    { route: e(['other_authority', 'not_police_matter', 'duplicate'], true) },
  ],
  'case.accepted': [{ case: '1', incident: '*', unit: '1', officer: '*', document: '*' }],
  'case.filed': [{ case: '1', approver: '*', document: '*' }],
  'case.not_filed': [{ case: '1', approver: '*', document: '*' }],
  'case.transferred': [{ case: '1', target_unit: '1', document: '*' }],
  'case.explanation_sent': [{ case: '1', target_unit: '1', document: '*' }],
  'case.decided': [
    { case: '1', subject: '*', approver: '*', document: '*' },
    { outcome: e(['penalty', 'no_penalty', 'mediated', 'terminated'], true) },
  ],
  'case.returned_for_investigation': [{ case: '1', unit: '1', document: '*' }, { round: i(true) }],
  'case.sent_for_prosecution': [{ case: '1', target_unit: '1', document: '*' }],
  'case.revoked': [{ case: '1', subject: '*', approver: '*', document: '*' }, { scope: e(['case', 'suspect'], true) }],
  'case.closed': [{ case: '1' }],
  'case.recovery_recorded': [{ case: '1', item: '*' }, { amount: f(true) }],
  'procuratorate.inquired': [
    { case: '1', unit: '1', document: '*' },
    { about: e(['non_filing', 'filing'], true) },
  ],
  'procuratorate.ordered_filing': [{ case: '1', unit: '1', document: '*' }],
  'procuratorate.ordered_revocation': [{ case: '1', unit: '1', document: '*' }],
  // §8.2 persons and measures
  'person.brought_in': [
    { subject: '1', case: '?', incident: '?', unit: '1', officer: '*' },
    { basis: e(['summons', 'detention', 'surrender', 'citizen_handover', 'on_scene', 'other']) },
  ],
  'person.summoned': [
    { subject: '1', case: '?', incident: '?', unit: '1', officer: '*', document: '*' },
    {
      measure: e(['criminal_summons', 'forced_summons', 'admin_summons', 'continued_questioning'], true),
      form: e(['warrant', 'oral', 'surrender', 'citizen_handover'], true),
    },
  ],
  'person.summons_ended': [
    { subject: '1', case: '?' },
    {
      outcome: e(['released', 'detained', 'other_measure', 'transferred'], true),
      handed_over: e(['self', 'family', 'guardian', 'escorted_home']),
    },
  ],
  'person.detained': [{ subject: '1', case: '1', officer: '+', unit: '?', approver: '*', document: '*' }],
  'person.jailed': [{ subject: '1', case: '?', unit: '1', document: '*' }],
  'person.family_notified': [
    { subject: '1', case: '?', officer: '*', document: '*' },
    {
      measure: e(FAMILY_MEASURES, true),
      method: e(['in_person', 'phone', 'sms', 'post', 'other']),
      exception: e(['identity_unknown', 'no_family', 'unreachable', 'refused_contact', 'force_majeure', 'hinder_investigation']),
      reason: s(),
    },
  ],
  'person.arrest_requested': [{ subject: '1', case: '1', target_unit: '1', document: '*' }],
  'person.arrest_approved': [{ subject: '1', case: '1', unit: '1', document: '*' }],
  'person.arrest_denied': [{ subject: '1', case: '1', unit: '1', document: '*' }],
  'person.arrested': [{ subject: '1', case: '1', officer: '+', document: '*' }],
  'person.custody_extension_requested': [
    { subject: '1', case: '1', target_unit: '1', document: '*' },
    { requested_limit: s({ format: 'duration' }) },
  ],
  'person.released': [
    { subject: '1', case: '?', approver: '*', document: '*' },
    {
      reason: e(['arrest_denied', 'wrongful_detention', 'case_revoked', 'term_expired', 'non_prosecution', 'other']),
    },
  ],
  'person.bail_started': [{ subject: '1', case: '1', document: '*' }],
  'person.bail_ended': [{ subject: '1', case: '1', document: '*' }],
  'person.rsdl_started': [{ subject: '1', case: '1', venue: '?', document: '*' }, { designated: b(true) }],
  'person.rsdl_ended': [{ subject: '1', case: '1', document: '*' }],
  'person.admin_detention_decided': [
    { subject: '1', case: '1', approver: '*', document: '*' },
    { days: i(true), execute: b(true), first_violation: b() },
  ],
  // §8.3 interrogation and case-handling area
  'interrogation.started': [
    {
      subject: '1', case: '?', interrogator: '+', venue: '1', document: '1', guardian: '*', interpreter: '*',
      officer: '*',
    },
    {
      kind: e(['interrogation', 'questioning'], true),
      av_recorded: b(true),
      first_time: b(),
      guardian_absent_reason: s(),
    },
  ],
  'interrogation.ended': [{ subject: '1', document: '1', case: '?', interrogator: '*', media: '*' }],
  'area.entered': [
    { subject: '?', officer: '?', venue: '1', case: '?' },
    { source: e(['positioning', 'manual', 'video']) },
  ],
  'area.exited': [
    { subject: '?', officer: '*', venue: '1', case: '?', approver: '*' },
    {
      exit_kind: e(['move', 'temporary', 'final'], true),
      approved_exit: b(),
      purpose: e(['recover_loot', 'identify_scene', 'identify_body', 'medical', 'release', 'to_jail', 'other']),
    },
  ],
  'area.security_checked': [
    { subject: '1', officer: '+', venue: '?', custodian: '?', document: '*' },
    { health_recorded: b(true), belongings_listed: b(true), injury_found: b() },
  ],
  'venue.occupancy_observed': [
    { venue: '1' },
    { officers: i(true), subjects: i(true), source: e(['video', 'positioning'], true) },
  ],
  // §8.4 property, appraisal, documents, approvals
  'item.seized': [
    { item: '+', case: '1', officer: '+', witness: '*', subject: '*', approver: '*', document: '*' },
    { mode: e(['seizure', 'sealing', 'evidence_preservation']) },
  ],
  'item.stored': [
    { item: '+', custodian: '1', venue: '1', case: '?' },
    { storage: e(['physical', 'registration']) },
  ],
  'item.returned': [{ item: '+', subject: '*', document: '*' }],
  'item.frozen': [
    { item: '+', case: '1', approver: '*', document: '*' },
    {
      asset_kind: e(['deposit', 'securities', 'equity', 'insurance', 'other'], true),
      term: req({ format: 'duration' }),
      renewal: b(),
    },
  ],
  'item.unfrozen': [{ item: '+', case: '1', document: '*' }],
  'item.found_unrelated': [{ item: '+', case: '1', document: '*' }],
  'appraisal.started': [{ case: '1', subject: '*', item: '*', document: '1' }, { psychiatric: b(true) }],
  'appraisal.ended': [{ case: '1', subject: '*', item: '*', document: '1' }],
  'document.filed': [{ document: '1', case: '1', subject: '*' }],
  'notice.served': [
    { case: '?', incident: '?', subject: '*', target_unit: '*', document: '*' },
    {
      notice_type: e(NOTICE_TYPES, true),
      method: e(['in_person', 'post', 'electronic', 'phone', 'sms', 'public_notice']),
      exception: e(['recipient_unreachable', 'refused', 'other']),
      reason: s(),
    },
  ],
  'approval.granted': [
    { approver: '+', case: '?', subject: '*', item: '*', document: '*' },
    {
      for: e(APPROVAL_FOR, true),
      new_limit: s({ format: 'duration' }),
      level: e(APPROVAL_LEVELS, true),
      reason: e(APPROVAL_REASONS),
    },
  ],
};

/** Attributes every event type accepts (§3.3). */
export const COMMON_EVENT_ATTRIBUTES: Record<string, AttrDef> = { revision: i(), void: b() };

export const EVENT_TYPES: Record<string, TypeDef> = Object.fromEntries(
  Object.entries(EVENT_SPECS).map(([name, [rels, attrs]]) => [
    name,
    {
      name,
      attributes: { ...(attrs ?? {}), ...COMMON_EVENT_ATTRIBUTES },
      relationships: Object.fromEntries(Object.entries(rels).map(([q, card]) => [q, rel(card)])),
    },
  ]),
);

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
