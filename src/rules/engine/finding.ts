import type { Deadline } from '../../legal-time/deadline.js';
import type { Localized, RuleDefinition, Severity } from '../definition.js';
import type { Ev } from './snapshot.js';

/**
 * What a rule evaluator says about one duty of one subject (a person, a document, an item…):
 * either a deadline (due at an instant, perhaps met) or an immediate finding (a prohibition
 * broken, a document incomplete). `outcome.ts` turns findings into alerts and pending timers;
 * evaluators never decide levels or statuses themselves, so every rule behaves alike.
 */
export type SubjectType = 'case' | 'incident' | 'person' | 'item' | 'document' | 'venue' | 'officer';

export interface Subject {
  type: SubjectType;
  id: string;
}

interface FindingBase {
  ruleId: string;
  /** The rule version in force at the trigger (law versions, §1.6). */
  definition: RuleDefinition;
  subject: Subject;
  trigger: Ev;
  /** Distinguishes several duties of one subject and trigger (e.g. "receipt" vs "form"). */
  part?: string;
  /** The duty, as one clause a case officer understands, e.g. 拘留后24小时内通知家属. */
  duty: Localized;
  evidence?: Ev[];
  severity?: Severity;
}

export interface DeadlineFinding extends FindingBase {
  kind: 'deadline';
  deadline: Deadline;
  /** Hour limits include their last instant (≤ 24 h); day limits end at 00:00, exclusive. */
  inclusive: boolean;
  /** The event (≤ T) that discharged the duty, if any. */
  compliedBy?: Ev;
  /** An instant that discharged it without an event of its own (e.g. the person was released). */
  compliedAt?: Date;
}

export interface ViolationFinding extends FindingBase {
  kind: 'violation';
  /** When the breach became a fact (the offending event, or the moment the document was complete). */
  at: Date;
  /** The reason, e.g. 仅有1名讯问人员. */
  reason: Localized;
}

/** A deadline that cannot be computed: the holiday calendar does not cover a needed date. */
export interface CalendarUnknownFinding extends FindingBase {
  kind: 'calendar_unknown';
  date: string;
}

export type Finding = DeadlineFinding | ViolationFinding | CalendarUnknownFinding;

export type AlertLevel = 'warning' | 'overdue' | 'violation';
export type AlertStatus = 'open' | 'resolved' | 'complied_late' | 'retracted';

export interface Alert {
  id: string;
  ruleId: string;
  ruleVersion: number;
  level: AlertLevel;
  status: AlertStatus;
  severity: Severity;
  subject: Subject;
  caseId: string | null;
  incidentId: string | null;
  unitId: string | null;
  triggerEventId: string;
  evidenceEventIds: string[];
  dueAt: string | null;
  raisedAt: string;
  resolvedAt: string | null;
  computation: Record<string, unknown> | null;
  basis: { law: string; article: string }[];
  message: Localized;
}

/** A duty not yet due whose state will change by time alone: at a warning point or a deadline. */
export interface Timer {
  alertId: string;
  ruleId: string;
  subject: Subject;
  kind: 'warn' | 'due';
  fireAt: string;
  dueAt: string;
}
