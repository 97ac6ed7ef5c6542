import type { Localized } from '../definition.js';
import { deadlineFinding, L, violation, type RuleContext, type RuleEvaluator } from '../engine/context.js';
import type { Finding } from '../engine/finding.js';
import { type Ev, type Snapshot, target, truthy } from '../engine/snapshot.js';
import { intervalStartedBy, personSubject } from './custody-common.js';
import { bailLimit, rsdlLimit, type MeasureLimit } from './custody-limits.js';
import { familyNotice } from './detention.js';

/**
 * Bail (取保候审) and residential surveillance (监视居住), catalogue §7a: their maximum terms,
 * the designated residence, and the family notice of a designated residence.
 */
/** A non-custodial measure ends by its limit (the §9.1 interval's end event complies). */
function termFinding(s: Snapshot, ctx: RuleContext, start: Ev, limit: MeasureLimit, duty: Localized): Finding[] {
  const person = target(start, 'subject');
  if (!person) return [];
  const f = deadlineFinding(ctx, {
    subject: personSubject(person), trigger: start, period: limit.period, custodial: limit.custodial,
    compliedBy: intervalStartedBy(s, start)?.end, duty,
  });
  return f ? [f] : [];
}

export const CRIM_BAIL_MAX_12M: RuleEvaluator = {
  ruleId: 'CRIM_BAIL_MAX_12M',
  evaluate: (s, ctx) =>
    s.ofType('person.bail_started').flatMap((e) => termFinding(s, ctx, e, bailLimit(e), L('取保候审最长不得超过12个月，届满前应解除或变更', 'Bail lasts at most 12 months and is lifted or changed before then'))),
};

/** Units whose premises may never hold a designated residence (MPS-C art.112: custody sites, case-handling sites). */
const FORBIDDEN_UNIT_LEVELS = new Set(['detention_center', 'admin_detention_facility', 'center']);

/** What is wrong with the designated residence, if anything; undefined also when the venue is unknown (§5.2). Read as at the start (§13). */
function residenceDefect(s: Snapshot, start: Ev): Localized | undefined {
  const venue = target(start, 'venue');
  if (!venue) return L('指定居所监视居住未登记执行场所', 'no venue is recorded for a designated residence');
  const roomType = s.attr(venue, 'room_type', start.time);
  if (roomType === undefined) return undefined;
  if (roomType !== 'residence') return L(`指定居所为“${roomType}”类场所，不是居住场所`, `the designated place is a "${roomType}", not a residence`);
  const level = s.attr(s.linked(venue, 'unit')[0], 'level', start.time);
  if (level && FORBIDDEN_UNIT_LEVELS.has(level)) return L('指定居所设在羁押场所或专门办案场所内', 'the designated residence lies in a custody or case-handling facility');
  return undefined;
}

export const CRIM_RSDL_MAX_6M: RuleEvaluator = {
  ruleId: 'CRIM_RSDL_MAX_6M',
  evaluate: (s, ctx) =>
    s.ofType('person.rsdl_started').flatMap((e) => {
      const out = termFinding(s, ctx, e, rsdlLimit(e), L('监视居住最长不得超过6个月，届满前应解除或变更', 'Residential surveillance lasts at most 6 months and is lifted or changed before then'));
      const defect = truthy(e.attrs.designated) && out.length ? residenceDefect(s, e) : undefined;
      const v = defect && violation(ctx, {
        subject: personSubject(target(e, 'subject')!), trigger: e, part: 'venue', reason: defect,
        duty: L('指定居所不得设在羁押场所、专门的办案场所或办公场所', 'A designated residence is never a custody facility, a case-handling site or an office'),
      });
      return v ? [...out, v] : out;
    }),
};

export const CRIM_RSDL_DESIGNATED_NOTIFY_24H: RuleEvaluator = {
  ruleId: 'CRIM_RSDL_DESIGNATED_NOTIFY_24H',
  evaluate: (s, ctx) =>
    s.ofType('person.rsdl_started').filter((e) => truthy(e.attrs.designated) && target(e, 'subject')).flatMap((e) => {
      const allowed = ctx.definition(e.time)?.exceptions ?? [];
      return familyNotice(ctx, s, e, 'rsdl_designated', L('指定居所监视居住后24小时内通知家属', 'Notify the family within 24 h of designated-residence surveillance'), (x) => allowed.includes(x));
    }),
};
