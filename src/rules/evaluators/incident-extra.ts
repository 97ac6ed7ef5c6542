import { deadlineFinding, L, P, violation, type RuleContext, type RuleEvaluator } from '../engine/context.js';
import { localTime } from '../engine/explain.js';
import type { Finding } from '../engine/finding.js';
import { type Ev, type Snapshot, target, truthy } from '../engine/snapshot.js';
import { windowDeadline } from './area-basis.js';
import { aboutIncident, codePrefixes, concernsIncident, defined, earliest, firstAtOrAfter, firstPerIncident, noticesOfType, reportingPersons, servedOn } from './intake-common.js';

/**
 * The non-core incident rules of catalogue §5 (接处警 / 警情分流), decided from the records the
 * interchange contract carries (§8.1): the 110 log, dispatch times (local KPIs), the notice to a
 * reporter whose matter is no police matter, and duplicate reports. Like the core incident rules
 * they read only the incident's own events, so they work before and after a case accepts it.
 */
const incidentSubject = (id: string) => ({ type: 'incident' as const, id });

/**
 * INC_110_LOG_COMPLETE (110R art.7). Trigger: an incident's first incident.received. Within
 * `completeHours` [D] the log holds (part 'feedback') the handling result: incident.closed (处警
 * 反馈), or the incident's acceptance as a case or its diversion (case.accepted, incident.referred),
 * which record the result as well; and (part 'dispatch') for a 110 incident that officers reached (an incident.arrived),
 * the dispatch instruction, incident.dispatched (its target_unit is required by the contract).
 * Calls answered by phone need no dispatch. Not checked here: reporter, location and content are
 * optional attributes — never sent means unknown (§5.2), shown on the completeness views, not
 * raised; the receipt time is the event's own time and always present.
 */
export const INC_110_LOG_COMPLETE: RuleEvaluator = {
  ruleId: 'INC_110_LOG_COMPLETE',
  evaluate: (s, ctx) =>
    firstPerIncident(s.ofType('incident.received')).flatMap(([incident, received]) => {
      const hours = ctx.num('completeHours', received.time);
      const base = { subject: incidentSubject(incident), trigger: received, period: P(hours, 'h'), custodial: false };
      const out = [deadlineFinding(ctx, {
        ...base, part: 'feedback', duty: L(`警情受理后${hours}小时内登记处警结果反馈`, `Log the handling result within ${hours} h of receiving the incident`),
        compliedBy: aboutIncident(s, incident, 'incident.closed', 'case.accepted', 'incident.referred')[0],
      })];
      const arrived = aboutIncident(s, incident, 'incident.arrived')[0];
      if (arrived && s.attr(incident, 'channel') === '110') {
        out.push(deadlineFinding(ctx, {
          ...base, part: 'dispatch', evidence: [arrived],
          duty: L(`民警到达现场的110警情应在${hours}小时内登记派警指令和处警单位`, `Log the dispatch instruction and unit of a 110 incident officers attended within ${hours} h`),
          compliedBy: aboutIncident(s, incident, 'incident.dispatched')[0],
        }));
      }
      return out.filter(defined);
    }),
};

/** The configured unit lists a dispatch's target unit (or a unit above it) belongs to. */
function inUnitList(s: Snapshot, ctx: RuleContext, name: string, unit: string | undefined, at: Date): boolean {
  const listed = new Set(codePrefixes(ctx, name, at).map((u) => (u.startsWith('unit:') ? u : `unit:${u}`)));
  for (let u = unit, depth = 0; u && depth < 8; u = s.linked(u, 'parent')[0], depth++) if (listed.has(u)) return true;
  return false;
}

/** The arrival limit of a dispatch: urban or suburban by configuration; other units ("农村尽快") have none. */
function arrivalMinutes(s: Snapshot, ctx: RuleContext, dispatched: Ev): { minutes: number; area: string } | undefined {
  const unit = target(dispatched, 'target_unit');
  if (inUnitList(s, ctx, 'urbanUnits', unit, dispatched.time)) return { minutes: ctx.num('urbanArrivalMinutes', dispatched.time), area: '城区' };
  if (inUnitList(s, ctx, 'suburbanUnits', unit, dispatched.time)) return { minutes: ctx.num('suburbanArrivalMinutes', dispatched.time), area: '城郊' };
  return undefined;
}

/**
 * INC_DISPATCH_TIMELINESS (110R dispatch articles; local KPIs, catalogue §14.6). Trigger: an
 * incident's first incident.dispatched. Part 'arrival': incident.arrived within the arrival KPI of
 * the target unit's area — `urbanUnits` get `urbanArrivalMinutes`, `suburbanUnits`
 * `suburbanArrivalMinutes`; units in neither list (rural: "尽快", or not yet classified) have no
 * number and are not judged, since the contract does not carry the area class. A close without
 * any arrival ends the duty (the response was called off). Part 'feedback': incident.closed (反馈)
 * within `feedbackMinutes` of the dispatch; the default is the loosest tier of the local norm (4 h)
 * because the contract carries no feedback tier per incident. S2 for urgent incidents, else S3.
 * Not checkable: sign-off (签收) and departure (出警) times — the contract has no such events.
 */
export const INC_DISPATCH_TIMELINESS: RuleEvaluator = {
  ruleId: 'INC_DISPATCH_TIMELINESS',
  evaluate: (s, ctx) =>
    firstPerIncident(s.ofType('incident.dispatched')).flatMap(([incident, dispatched]) => {
      const severity = truthy(s.attr(incident, 'urgent')) ? 'S2' as const : undefined;
      const closed = firstAtOrAfter(aboutIncident(s, incident, 'incident.closed'), dispatched.time);
      const out: Array<Finding | undefined> = [];
      const arrival = arrivalMinutes(s, ctx, dispatched);
      if (arrival) {
        const arrived = aboutIncident(s, incident, 'incident.arrived')[0];
        out.push(windowDeadline(ctx, {
          subject: incidentSubject(incident), trigger: dispatched, part: 'arrival', minutes: arrival.minutes,
          duty: L(`${arrival.area}警情派警后${arrival.minutes}分钟内到达现场`, `Reach the scene within ${arrival.minutes} min of dispatch (${arrival.area === '城区' ? 'urban' : 'suburban'} area)`),
          compliedBy: arrived ?? closed,
        }));
      }
      const feedback = ctx.num('feedbackMinutes', dispatched.time);
      out.push(windowDeadline(ctx, {
        subject: incidentSubject(incident), trigger: dispatched, part: 'feedback', minutes: feedback,
        duty: L(`派警后${feedback}分钟内反馈处警结果`, `Report the handling result within ${feedback} min of dispatch`),
        compliedBy: closed,
      }));
      return out.filter(defined).map((f) => ({ ...f, severity }));
    }),
};

/**
 * INC_NOT_POLICE_MATTER_INFORMED (MPS-C art.175(2); MPS-A art.61(1)(3)). Trigger: an incident's
 * first incident.referred with route `not_police_matter`. Compliance: notice.served
 * `not_police_matter` concerning the incident, addressed to a person who reported it (or, when
 * none is on record, to anyone), or carrying an exception with its reason (unreachable) — within
 * `informHours` [D], the platform's value for "at once". Not checkable: whether an administrative
 * reporter objected, which requires the notice in writing — the contract has no objection record.
 */
export const INC_NOT_POLICE_MATTER_INFORMED: RuleEvaluator = {
  ruleId: 'INC_NOT_POLICE_MATTER_INFORMED',
  evaluate: (s, ctx) =>
    firstPerIncident(s.ofType('incident.referred'), (e) => e.attrs.route === 'not_police_matter').flatMap(([incident, referred]) => {
      const reporters = reportingPersons(s);
      const notices = noticesOfType(s, 'not_police_matter').filter((n) => concernsIncident(s, n, incident));
      const told = notices.find((n) => reporters.size === 0 ? !n.attrs.exception || Boolean(n.attrs.reason?.trim()) : servedOn(n, reporters));
      const hours = ctx.num('informHours', referred.time);
      const f = deadlineFinding(ctx, {
        subject: incidentSubject(incident), trigger: referred, period: P(hours, 'h'), custodial: false,
        duty: L(`不属于公安职责的，应立即（${hours}小时内）告知报案人向主管机关反映`, `Tell the reporter at once (within ${hours} h) to turn to the competent authority`),
        compliedBy: earliest(told), evidence: told ? [] : notices,
      });
      return f ? [f] : [];
    }),
};

/**
 * INC_DUPLICATE_REPORT (MPS-C art.175(3); MPS-A art.60). Trigger: incident.referred with route
 * `duplicate` (a repeat report diverted without 受案). Compliance: the referral names the original
 * case (`case`), so the repeat report is traceable to the matter it repeats; otherwise an immediate
 * S4 finding. Not checkable: the explanation to the reporter (the contract has no notice type for
 * it) and whether a re-registered report brought new facts or evidence.
 */
export const INC_DUPLICATE_REPORT: RuleEvaluator = {
  ruleId: 'INC_DUPLICATE_REPORT',
  evaluate: (s, ctx) =>
    firstPerIncident(s.ofType('incident.referred'), (e) => e.attrs.route === 'duplicate' && !target(e, 'case')).flatMap(([incident, referred]) => {
      const f = violation(ctx, {
        subject: incidentSubject(incident), trigger: referred,
        duty: L('重复报案应关联原案件并作解释，不重复登记', 'A repeat report is linked to the original case and explained, not registered again'),
        reason: L(`${localTime(referred.time)}按重复报案分流，但未关联原案件`, `diverted as a duplicate at ${localTime(referred.time)} without naming the original case`),
      });
      return f ? [f] : [];
    }),
};
