import type { Localized } from '../definition.js';
import { deadlineFinding, L, P, type RuleEvaluator } from '../engine/context.js';
import { personMeasures } from '../engine/facts.js';
import type { MeasureKind } from '../engine/measures.js';
import { CRIM_ARREST_DECISION_AWAIT_7D, CRIM_ARREST_DENIED_RELEASE, CRIM_ARREST_INTERROGATE_24H, CRIM_ARREST_NOTIFY_FAMILY_24H, CRIM_INVESTIGATIVE_CUSTODY_LIMIT } from './custody-arrest.js';
import { CRIM_BAIL_MAX_12M, CRIM_RSDL_DESIGNATED_NOTIFY_24H, CRIM_RSDL_MAX_6M } from './custody-bail-rsdl.js';
import { personSubject } from './custody-common.js';
import { measureLimit } from './custody-limits.js';
import { CRIM_SUMMONS_DURATION, CRIM_SUMMONS_PAPERWORK } from './custody-summons.js';
import { CRIM_ARREST_EXECUTION } from './measures-extra-arrest.js';
import { CRIM_BAIL_FORM, CRIM_COUNSEL_RIGHTS, CRIM_DETENTION_WARRANT_SHOWN } from './measures-extra-criminal.js';

/**
 * Criminal coercive measures, catalogue §7a (the detention rules live in detention.ts), and the
 * catch-all CRIM_MEASURE_EXPIRED_NOT_LIFTED over every §9.1 interval.
 */
const MEASURE_NAMES: Record<MeasureKind, [string, string]> = {
  criminal_summons: ['传唤、拘传', 'summons'],
  admin_summons: ['治安传唤', 'administrative summons'],
  continued_questioning: ['继续盘问', 'continued questioning'],
  criminal_detention: ['刑事拘留', 'criminal detention'],
  arrest_custody: ['逮捕后羁押', 'custody after arrest'],
  bail: ['取保候审', 'bail'],
  rsdl: ['监视居住', 'residential surveillance'],
  admin_detention: ['行政拘留', 'administrative detention'],
};
const expiredDuty = (kind: MeasureKind): Localized =>
  L(`${MEASURE_NAMES[kind][0]}期限届满应立即释放、解除或依法变更`, `When the ${MEASURE_NAMES[kind][1]} reaches its limit, release, lift or lawfully change it at once`);

/**
 * One finding per measure interval: S1 at its limit, no earlier warning (the rules of each
 * measure warn); still open then, or ended after it (held over), is overdue; ended by the limit,
 * nothing (MPS-C art.161, 196).
 */
export const CRIM_MEASURE_EXPIRED_NOT_LIFTED: RuleEvaluator = {
  ruleId: 'CRIM_MEASURE_EXPIRED_NOT_LIFTED',
  evaluate: (s, ctx) =>
    s.objectsOfType('person').flatMap((person) =>
      personMeasures(s, person.id).intervals.flatMap((iv) => {
        const limit = measureLimit(s, ctx, iv);
        if (!limit) return [];
        const f = deadlineFinding(ctx, {
          subject: personSubject(person.id), trigger: iv.start, duty: expiredDuty(iv.kind),
          start: limit.start, period: limit.period, custodial: limit.custodial, excluded: limit.excluded,
          // No early warning (each measure's own rule warns): the alert is raised at the limit.
          warn: { before: P(0, 'h') }, compliedBy: iv.end, evidence: limit.evidence,
        });
        return f ? [f] : [];
      })),
};

export const CUSTODY_EVALUATORS: RuleEvaluator[] = [
  CRIM_SUMMONS_DURATION, CRIM_SUMMONS_PAPERWORK,
  CRIM_ARREST_DECISION_AWAIT_7D, CRIM_ARREST_DENIED_RELEASE, CRIM_ARREST_NOTIFY_FAMILY_24H, CRIM_ARREST_INTERROGATE_24H,
  CRIM_INVESTIGATIVE_CUSTODY_LIMIT, CRIM_BAIL_MAX_12M, CRIM_RSDL_MAX_6M, CRIM_RSDL_DESIGNATED_NOTIFY_24H,
  CRIM_MEASURE_EXPIRED_NOT_LIFTED,
  CRIM_DETENTION_WARRANT_SHOWN, CRIM_ARREST_EXECUTION, CRIM_BAIL_FORM, CRIM_COUNSEL_RIGHTS,
];
