import { periodText } from '../engine/explain.js';
import { computeDeadline, type Period } from '../../legal-time/deadline.js';
import { deadlineFinding, L, P, violation, type RuleContext, type RuleEvaluator } from '../engine/context.js';
import { approvals, caseOfficers, levelAtLeast, parseIsoPeriod } from '../engine/facts.js';
import { type Ev, type Snapshot, target, targets, truthy } from '../engine/snapshot.js';
import { PROP_SEIZURE_DOCS } from './property-seizure.js';
import { PROP_ADMIN_SEIZURE_TERM, PROP_DISPOSAL_AT_CLOSURE, PROP_VICTIM_EARLY_RETURN, PROP_WITNESS_QUALIFIED } from './property-extra.js';
import { EVID_APPRAISAL_NOTICE, EVID_LINEUP_RULES, EVID_SCENE_AND_SEARCH } from './property-extra-evidence.js';

/**
 * Case property (涉案财物), catalogue §10 and interchange §10.1: handover to the custodian,
 * no self-custody, release of unrelated property and the freeze term. Seizure paperwork is in
 * property-seizure.ts. Duties about one item name that item; an act on several items (one
 * storage) is judged once, naming its first item.
 */
const itemSubject = (id: string) => ({ type: 'item' as const, id });
const present = <T>(x: T | undefined): x is T => x !== undefined;
const atOrAfter = (e: Ev, t: Date) => e.time.getTime() >= t.getTime();
/** Events of an item (as `item`) of some types at or after an instant, in time order. */
const itemEvents = (s: Snapshot, item: string, from: Date, ...types: string[]) => s.relating(item, 'item', ...types).filter((e) => atOrAfter(e, from));
const limitText = periodText;

/** The later of two limits from the same start (an approval never shortens the statutory one). */
function longer(ctx: RuleContext, start: Date, a: Period, b: Period): Period {
  const due = (p: Period) => {
    const r = computeDeadline({ trigger: start, period: p, custodial: false }, ctx.calendar);
    return r.status === 'ok' ? r.deadline.getTime() : -Infinity;
  };
  return due(b) > due(a) ? b : a;
}

/**
 * The handover limit of an item (§10.1): 24 h; a `property_handover` approval for a remote
 * operation or urgent appraisal, granted before the 24 h passed (§8.4), sets its `new_limit`
 * from the seizure, or without one (urgent appraisal) 24 h from the item's appraisal end.
 * `pending`: an approved appraisal still running, so no deadline is known yet.
 */
function handoverLimit(s: Snapshot, ctx: RuleContext, trigger: Ev, item: string): { start: Date; period: Period; approval?: Ev } | 'pending' {
  const base = { start: trigger.time, period: P(24, 'h') };
  const due = trigger.time.getTime() + 24 * 3_600_000;
  for (const a of approvals(s, 'property_handover', { about: item })) {
    const t = a.event.time.getTime();
    if (t < trigger.time.getTime() || t > due || !['remote', 'urgent_appraisal'].includes(a.reason ?? '') || !levelAtLeast(a.level, 'department')) continue;
    if (a.newLimit) {
      const period = longer(ctx, trigger.time, base.period, a.newLimit);
      if (period === base.period) continue;
      return { start: trigger.time, period, approval: a.event };
    }
    if (a.reason !== 'urgent_appraisal') continue;
    const ended = itemEvents(s, item, trigger.time, 'appraisal.ended')[0];
    return ended ? { start: ended.time, period: P(24, 'h'), approval: a.event } : 'pending';
  }
  return base;
}

export const PROP_HANDOVER_24H: RuleEvaluator = {
  ruleId: 'PROP_HANDOVER_24H',
  evaluate: (s, ctx) =>
    s.ofType('item.seized', 'item.frozen').flatMap((trigger) => {
      if (trigger.type === 'item.frozen' && truthy(trigger.attrs.renewal)) return []; // already registered at the first freeze
      return targets(trigger, 'item').map((item) => {
        const limit = handoverLimit(s, ctx, trigger, item);
        if (limit === 'pending') return undefined;
        // Handed to a custodian (registration for what is not held). Property disposed of (returned,
        // unfrozen) before any handover ends the duty too (catalogue §10), unless a handover is recorded after all.
        const stored = itemEvents(s, item, trigger.time, 'item.stored').find((e) => !!target(e, 'custodian'));
        const done = stored ?? itemEvents(s, item, trigger.time, 'item.returned', 'item.unfrozen')[0];
        const what = trigger.type === 'item.frozen' ? L('冻结', 'freezing') : L('扣押', 'seizure');
        const within = limitText(limit.period);
        return deadlineFinding(ctx, {
          subject: itemSubject(item), trigger, start: limit.start, period: limit.period, custodial: false, compliedBy: done,
          evidence: limit.approval ? [limit.approval] : [],
          duty: L(`${what['zh-CN']}后${within['zh-CN']}内将涉案财物移交涉案财物管理人员`, `Hand the property to the property custodian within ${within.en} of ${what.en}`),
        });
      }).filter(present);
    }),
};

const ROLE_ZH: Record<string, string> = { lead: '主办民警', assistant: '协办民警', legal_officer: '法制员', leader: '负责人', auxiliary: '辅警' };

export const PROP_NO_SELF_CUSTODY: RuleEvaluator = {
  ruleId: 'PROP_NO_SELF_CUSTODY',
  evaluate: (s, ctx) => {
    const officers = caseOfficers(s);
    return s.ofType('item.stored').flatMap((stored) => {
      const custodian = target(stored, 'custodian');
      const item = targets(stored, 'item')[0];
      if (!custodian || !item) return [];
      const problems: Array<[string, string]> = [];
      const role = s.attr(custodian, 'role', stored.time);
      if (officers.has(custodian)) problems.push(['保管人为本案办案民警', 'the custodian is an officer of the case']);
      else if (role && role !== 'custodian') problems.push([`保管人为${ROLE_ZH[role] ?? role}，不是涉案财物管理人员`, `the custodian's role is ${role}, not property custodian`]);
      // Registration (frozen or sealed in place) has no store; anything else is kept in a property store.
      const roomType = s.attr(target(stored, 'venue'), 'room_type', stored.time);
      if (stored.attrs.storage !== 'registration' && roomType && roomType !== 'property_store') {
        problems.push([`存放于非涉案财物保管室（${roomType}）`, `kept in a ${roomType}, not a property store`]);
      }
      if (problems.length === 0) return [];
      const n = targets(stored, 'item').length;
      const f = violation(ctx, {
        subject: itemSubject(item), trigger: stored,
        duty: L('涉案财物由涉案财物管理人员在保管室集中保管，办案人员不得自行保管', 'Property is kept by the property custodian in a property store; case officers never keep it themselves'),
        reason: L(`${problems.map((p) => p[0]).join('；')}${n > 1 ? `（共${n}件财物）` : ''}`, `${problems.map((p) => p[1]).join('; ')}${n > 1 ? ` (${n} items)` : ''}`),
      });
      return f ? [f] : [];
    });
  },
};

const later = (a: Ev, b: Ev) => (b.time.getTime() > a.time.getTime() ? b : a);

/**
 * The event that completed the release of unrelated property (§10.1), the earliest of the routes:
 * returned; or, if it is frozen, unfrozen and the owner told (unfreeze_notice); an owner who is
 * unknown is reached by public notice.
 */
function released(s: Snapshot, trigger: Ev, item: string): Ev | undefined {
  const from = trigger.time;
  const owners = s.linked(item, 'subject');
  const notices = s.ofType('notice.served').filter((n) => atOrAfter(n, from));
  const publicNotice = owners.length === 0 ? notices.find((n) => n.attrs.method === 'public_notice') : undefined;
  const toOwner = notices.find((n) => n.attrs.notice_type === 'unfreeze_notice' && (owners.length === 0 || targets(n, 'subject').some((p) => owners.includes(p))));
  const told = toOwner ?? publicNotice;
  const frozen = s.relating(item, 'item', 'item.frozen', 'item.unfrozen').filter((e) => e.time.getTime() < from.getTime()).at(-1)?.type === 'item.frozen';
  const unfrozen = itemEvents(s, item, from, 'item.unfrozen')[0];
  const routes = [itemEvents(s, item, from, 'item.returned')[0], frozen ? (unfrozen && told ? later(unfrozen, told) : undefined) : publicNotice];
  return routes.filter(present).sort((a, b) => a.time.getTime() - b.time.getTime())[0];
}

export const PROP_UNRELATED_RELEASE_3D: RuleEvaluator = {
  ruleId: 'PROP_UNRELATED_RELEASE_3D',
  evaluate: (s, ctx) =>
    s.ofType('item.found_unrelated').flatMap((trigger) =>
      targets(trigger, 'item').map((item) => deadlineFinding(ctx, {
        subject: itemSubject(item), trigger, period: P(3, 'd'), custodial: false, compliedBy: released(s, trigger, item),
        duty: L('查明与案件无关的财物应在3日内解除扣押、冻结并退还（所有人不明的予以公告）', 'Release and return property found unrelated within 3 days (public notice if the owner is unknown)'),
      })).filter(present)),
};

/** Statutory freeze terms by asset kind (MPS-C art.243–244); deposits 1 year with a city-level `freeze` approval. */
function freezeCap(s: Snapshot, trigger: Ev, item: string): Period | undefined {
  switch (trigger.attrs.asset_kind) {
    case 'deposit': {
      const approved = approvals(s, 'freeze', { about: item, before: trigger.time })
        .some((a) => levelAtLeast(a.level, 'city') && a.newLimit?.unit === 'm' && a.newLimit.amount >= 12);
      return P(approved ? 12 : 6, 'm');
    }
    case 'securities': return P(24, 'm');
    case 'equity': case 'insurance': return P(6, 'm');
    default: return undefined;
  }
}

/** The term of a freeze: its `term`, never beyond the statutory cap; without a valid term, the cap. */
function freezeTerm(s: Snapshot, ctx: RuleContext, trigger: Ev, item: string): Period | undefined {
  const parsed = trigger.attrs.term ? parseIsoPeriod(trigger.attrs.term) : undefined;
  const term = parsed && parsed.unit !== 'h' ? parsed : undefined;
  const cap = freezeCap(s, trigger, item);
  if (!cap || !term) return term ?? cap;
  return longer(ctx, trigger.time, term, cap) === cap ? term : cap;
}

export const PROP_FREEZE_TERM: RuleEvaluator = {
  ruleId: 'PROP_FREEZE_TERM',
  evaluate: (s, ctx) =>
    s.ofType('item.frozen').flatMap((trigger) =>
      targets(trigger, 'item').map((item) => {
        const period = freezeTerm(s, ctx, trigger, item);
        if (!period) return undefined;
        // Renewed (a later freeze with renewal), unfrozen, or the case closed.
        const done = [...itemEvents(s, item, trigger.time, 'item.frozen', 'item.unfrozen'), ...s.ofType('case.closed').filter((e) => atOrAfter(e, trigger.time))]
          .filter((e) => e.id !== trigger.id && (e.type !== 'item.frozen' || truthy(e.attrs.renewal)))
          .sort((a, b) => a.time.getTime() - b.time.getTime())[0];
        const term = limitText(period);
        return deadlineFinding(ctx, {
          subject: itemSubject(item), trigger, period, custodial: false, compliedBy: done,
          duty: L(`冻结期限${term['zh-CN']}届满前办理续冻或解除冻结`, `Renew or lift the freeze before its ${term.en} term ends`),
        });
      }).filter(present)),
};

export const PROPERTY_EVALUATORS: RuleEvaluator[] = [PROP_SEIZURE_DOCS, PROP_HANDOVER_24H, PROP_NO_SELF_CUSTODY, PROP_UNRELATED_RELEASE_3D, PROP_FREEZE_TERM,
  PROP_VICTIM_EARLY_RETURN, PROP_ADMIN_SEIZURE_TERM, PROP_WITNESS_QUALIFIED, PROP_DISPOSAL_AT_CLOSURE, EVID_APPRAISAL_NOTICE, EVID_SCENE_AND_SEARCH, EVID_LINEUP_RULES];
