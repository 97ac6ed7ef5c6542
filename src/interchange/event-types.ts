import { b, e, f, i, rel, req, s, type AttrDef, type Cardinality, type TypeDef } from './registry-types.js';

/** The event types of the contract (shared/spec/interchange.md §8), with their relationships and attributes. */

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
