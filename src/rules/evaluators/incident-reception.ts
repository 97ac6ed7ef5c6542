import type { Localized } from '../definition.js';
import { deadlineFinding, L, P, type RuleContext, type RuleEvaluator } from '../engine/context.js';
import type { Finding } from '../engine/finding.js';
import { type Ev, type Snapshot, truthy } from '../engine/snapshot.js';
import { aboutIncident, codePrefixes, concernsIncident, defined, documentPresence, earliest, EVIDENCE_LISTS, firstPerIncident, hasPrefix, noticesOfType } from './intake-common.js';

/**
 * Incident reception (接处警), catalogue §5 and interchange §10.1: case-type incidents become
 * cases (or are documented as diverted), walk-in reports get the "three on the spot", urgent
 * ones are registered afterwards. An incident is its own group until a case accepts it; these
 * rules read only the incident's own events, so they work in either.
 */
const incidentSubject = (id: string) => ({ type: 'incident' as const, id });

interface Duty {
  part: string;
  duty: Localized;
  done?: Ev;
}

/** Several duties of one incident that all run for the same period from the same trigger. */
function incidentDuties(ctx: RuleContext, incident: string, trigger: Ev, hours: number, duties: Duty[]): Finding[] {
  return duties
    .map((d) => deadlineFinding(ctx, {
      subject: incidentSubject(incident), trigger, part: d.part, duty: d.duty, period: P(hours, 'h'), custodial: false, compliedBy: d.done,
    }))
    .filter(defined);
}

/** The online registration and the report receipt of an incident (OP2015 接报案登记 and 回执). */
function registrationAndReceipt(s: Snapshot, incident: string, when: Localized): Duty[] {
  const receipt = noticesOfType(s, 'report_receipt').find((n) => concernsIncident(s, n, incident));
  return [
    { part: 'registration', duty: L(`${when['zh-CN']}网上登记接报案`, `Register the report online ${when.en}`), done: aboutIncident(s, incident, 'incident.registered')[0] },
    { part: 'receipt', duty: L(`${when['zh-CN']}出具接报案回执`, `Hand over the report receipt ${when.en}`), done: receipt },
  ];
}

const CASE_NATURES = new Set(['criminal', 'public_order']);

export const INC_CASE_TYPE_NOT_CONVERTED: RuleEvaluator = {
  ruleId: 'INC_CASE_TYPE_NOT_CONVERTED',
  evaluate: (s, ctx) =>
    firstPerIncident(s.ofType('incident.closed'), (e, incident) =>
      CASE_NATURES.has(e.attrs.nature ?? '') || hasPrefix(s.attr(incident, 'category'), codePrefixes(ctx, 'caseTypeCategoryPrefixes', e.time)))
      .flatMap(([incident, closed]) => {
        // Accepted as a case, diverted (移送/重复/非警务), or told it is no police matter — at any time,
        // since a walk-in case may be accepted before the incident is closed.
        const notPolice = noticesOfType(s, 'not_police_matter').find((n) => concernsIncident(s, n, incident));
        const done = earliest(aboutIncident(s, incident, 'case.accepted', 'incident.referred')[0], notPolice);
        const f = deadlineFinding(ctx, {
          subject: incidentSubject(incident), trigger: closed,
          duty: L('刑事、治安类警情处警结束后应受案登记，或有移送、分流、告知记录', 'A criminal or public-order incident is accepted as a case, or its transfer, diversion or notice is recorded'),
          period: P(ctx.num('graceHours', closed.time), 'h'), custodial: false, compliedBy: done,
        });
        return f ? [f] : [];
      }),
};

export const INC_WALKIN_THREE_ON_THE_SPOT: RuleEvaluator = {
  ruleId: 'INC_WALKIN_THREE_ON_THE_SPOT',
  evaluate: (s, ctx) =>
    firstPerIncident(s.ofType('incident.received'), (_, incident) => s.attr(incident, 'channel') === 'walk_in')
      .flatMap(([incident, received]) => {
        const onTheSpot = L('群众上门报案当场', 'on the spot of a walk-in report');
        const duties = registrationAndReceipt(s, incident, onTheSpot);
        if (truthy(received.attrs.evidence_submitted)) {
          duties.push({
            part: 'evidence', duty: L('群众上门报案当场接受证据并出具接受证据材料清单', 'Accept the evidence on the spot with a list of the materials received'),
            done: documentPresence(s, ...EVIDENCE_LISTS),
          });
        }
        return incidentDuties(ctx, incident, received, ctx.num('onTheSpotHours', received.time), duties);
      }),
};

export const INC_URGENT_THEN_REGISTER_24H: RuleEvaluator = {
  ruleId: 'INC_URGENT_THEN_REGISTER_24H',
  evaluate: (s, ctx) =>
    firstPerIncident(s.ofType('incident.closed'), (_, incident) => truthy(s.attr(incident, 'urgent')))
      .flatMap(([incident, closed]) =>
        incidentDuties(ctx, incident, closed, 24, registrationAndReceipt(s, incident, L('紧急警情处置结束后24小时内', 'within 24 h after urgent handling')))),
};
