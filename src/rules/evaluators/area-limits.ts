import type { Localized } from '../definition.js';
import { L, type RuleContext, violation, type RuleEvaluator } from '../engine/context.js';
import { ageAt, personMeasures, type PersonEvent } from '../engine/facts.js';
import type { Finding } from '../engine/finding.js';
import type { MeasureInterval } from '../engine/measures.js';
import { type Ev, type Snapshot, target } from '../engine/snapshot.js';
import { summonsLimit, windowDeadline } from './area-basis.js';
import { type AreaStay, allStays, areaStays, subjectOfStay } from './area-stays.js';

/**
 * How long a person may stay in the case-handling area (AREA_MAX_STAY, derived) and the 4-hour
 * limit of continued questioning of pregnant or nursing women, children and the elderly
 * (AREA_SPECIAL_PERSONS_4H), catalogue §8.
 */
const HOUR = 3_600_000;
const present = (f: Finding | undefined): f is Finding => f !== undefined;

/** A legal basis for being in the area and the limit it sets: `hours` from `at`. */
interface Basis {
  at: Date;
  hours: number;
  label: Localized;
  evidence: Ev[];
}
const dueOf = (b: Basis) => b.at.getTime() + b.hours * HOUR;

const SUMMONS_LABEL: Record<string, [string, string]> = {
  criminal_summons: ['传唤、拘传', 'summons'],
  admin_summons: ['治安传唤询问查证', 'administrative summons'],
  continued_questioning: ['继续盘问', 'continued questioning'],
};

function summonsBasis(s: Snapshot, person: string, iv: MeasureInterval<PersonEvent>): Basis | undefined {
  const limit = summonsLimit(s, iv, person);
  const label = SUMMONS_LABEL[iv.kind];
  if (!limit || !label) return undefined;
  // The clock restarts at a transfer of jurisdiction (移送管辖) of an administrative summons.
  const restarted = limit.restartedBy ? [limit.restartedBy] : [];
  return { at: limit.start, hours: limit.hours, label: L(`${label[0]}${limit.hours}小时`, `${label[1]} ${limit.hours} h`), evidence: [iv.start, ...restarted, ...limit.used] };
}

/** CPL art.85: a detained person is in the detention house within 24 hours. */
const detentionBasis = (e: Ev): Basis => ({ at: e.time, hours: 24, label: L('刑事拘留后24小时内送看守所', 'to the detention house within 24 h of detention'), evidence: [e] });

const releases = (e: Ev): boolean =>
  e.type === 'person.released' || e.type === 'person.bail_started' || e.type === 'person.rsdl_started'
  || (e.type === 'person.summons_ended' && (e.attrs.outcome === 'released' || e.attrs.outcome === 'transferred'));

/** The basis an event brings while the person is in the area, if it brings one. */
function basisFrom(s: Snapshot, ctx: RuleContext, person: string, e: Ev, stayStart: Date): Basis | undefined {
  if (e.type === 'person.summoned') {
    const iv = personMeasures(s, person).intervals.find((i) => i.start.id === e.id);
    return iv && summonsBasis(s, person, iv);
  }
  if (e.type === 'person.detained') return detentionBasis(e);
  if (e.type === 'person.admin_detention_decided' && e.attrs.execute === 'true') {
    const hours = ctx.num('adminDetentionTransferHours', stayStart);
    return { at: e.time, hours, label: L(`行政拘留决定后${hours}小时内送拘留所`, `to the detention centre within ${hours} h of the decision`), evidence: [e] };
  }
  if (releases(e)) {
    const hours = ctx.num('releaseExitHours', stayStart);
    return { at: e.time, hours, label: L(`释放后${hours}小时内离开`, `out within ${hours} h of release`), evidence: [e] };
  }
  return undefined;
}

/** The basis in force when the stay began: an open summons, or a detention not yet taken to the detention house. */
function basisAtEntry(s: Snapshot, person: string, start: Date): Basis | undefined {
  const t = start.getTime();
  const open = personMeasures(s, person).intervals.filter((iv) => iv.held && iv.start.time.getTime() <= t && (!iv.end || iv.end.time.getTime() > t));
  const bases = open.flatMap((iv) => {
    if (iv.kind === 'criminal_detention') {
      const jailed = s.relating(person, 'subject', 'person.jailed').some((j) => j.time >= iv.start.time && j.time.getTime() <= t);
      return jailed ? [] : [detentionBasis(iv.start)];
    }
    return summonsBasis(s, person, iv) ?? [];
  });
  return bases.sort((a, b) => dueOf(a) - dueOf(b))[0];
}

/**
 * The earliest applicable limit of a stay (§10.1): the basis in force at entry (else the
 * ceiling, which applies only while there is no other basis), replaced by each later basis that
 * arrives while the current one has not run out (a summons in place of the ceiling, detention, a
 * detention decision, release); a new summons otherwise only ever shortens it (no back-to-back
 * summonses).
 */
function stayBasis(s: Snapshot, ctx: RuleContext, stay: AreaStay): Basis {
  const start = stay.entry.time;
  const end = (stay.end?.time ?? s.asOf).getTime();
  const ceiling = ctx.num('ceilingHours', start);
  const atEntry = basisAtEntry(s, stay.person, start);
  let basis = atEntry
    ?? { at: start, hours: ceiling, label: L(`无其他依据，不超过${ceiling}小时`, `no other basis: at most ${ceiling} h`), evidence: [] };
  let isCeiling = !atEntry;
  for (const e of s.relating(stay.person, 'subject')) {
    const t = e.time.getTime();
    if (t <= start.getTime() || t > end) continue;
    const next = basisFrom(s, ctx, stay.person, e, start);
    if (!next) continue;
    const replaces = e.type === 'person.summoned' && !isCeiling ? dueOf(next) < dueOf(basis) : t <= dueOf(basis);
    if (replaces) {
      basis = next;
      isCeiling = false;
    }
  }
  return basis;
}

export const AREA_MAX_STAY: RuleEvaluator = {
  ruleId: 'AREA_MAX_STAY',
  evaluate: (s, ctx) =>
    allStays(s).map((stay) => {
      const basis = stayBasis(s, ctx, stay);
      return windowDeadline(ctx, {
        subject: subjectOfStay(stay), trigger: stay.entry, start: basis.at, minutes: basis.hours * 60,
        compliedBy: stay.end, evidence: basis.evidence,
        duty: L(`办案区停留不得超过到案依据的时限（${basis.label['zh-CN']}）`, `Leave the case-handling area within the limit of the legal basis (${basis.label.en})`),
      });
    }).filter(present),
};

/** CQ art.10: pregnant or nursing (infant < 1 year), under 16, or 70 and over, at the summons. */
function specialPerson(s: Snapshot, person: string, at: Date): Localized | undefined {
  if (s.attr(person, 'pregnant', at) === 'true') return L('怀孕妇女', 'a pregnant woman');
  if (s.attr(person, 'nursing', at) === 'true') return L('哺乳未满1周岁婴儿的妇女', 'a woman nursing an infant under one');
  const age = ageAt(s, person, at);
  if (age !== undefined && age < 16) return L('未满16周岁的人', 'a child under 16');
  if (age !== undefined && age >= 70) return L('70周岁以上的人', 'a person aged 70 or over');
  return undefined;
}

const NIGHT_HANDOVER = new Set(['family', 'guardian', 'escorted_home']);
const localHour = (t: Date): number => new Date(t.getTime() + 8 * HOUR).getUTCHours();
const isNight = (t: Date): boolean => localHour(t) >= 21 || localHour(t) < 7;

export const AREA_SPECIAL_PERSONS_4H: RuleEvaluator = {
  ruleId: 'AREA_SPECIAL_PERSONS_4H',
  evaluate: (s, ctx) =>
    s.ofType('person.summoned').filter((e) => e.attrs.measure === 'continued_questioning').flatMap((trigger) => {
      const person = target(trigger, 'subject');
      const definition = ctx.definition(trigger.time);
      const who = person ? specialPerson(s, person, trigger.time) : undefined;
      if (!person || !who || definition?.limit?.unit !== 'h') return [];
      const hours = definition.limit.amount;
      const end = personMeasures(s, person).intervals.find((iv) => iv.start.id === trigger.id)?.end;
      const subject = { type: 'person' as const, id: person };
      const duty = L(`对${who['zh-CN']}继续盘问应在${hours}小时内结束，不得关入候问室，夜间释放应通知家属领回`, `Continued questioning of ${who.en} ends within ${hours} h, never in a holding room; a night release is handed to family`);
      const out: Array<Finding | undefined> = [windowDeadline(ctx, { subject, trigger, duty, minutes: hours * 60, compliedBy: end })];
      const from = trigger.time.getTime();
      const until = (end?.time ?? s.asOf).getTime();
      const holding = areaStays(s, person).flatMap((st) => st.rooms).find((r) =>
        s.attr(r.venue, 'room_type') === 'holding_room' && r.entered.time.getTime() <= until && (r.to?.getTime() ?? Infinity) > from);
      if (holding) {
        out.push(violation(ctx, {
          subject, trigger, part: 'holding_room', duty, at: new Date(Math.max(from, holding.entered.time.getTime())), evidence: [holding.entered],
          reason: L('继续盘问期间被关入候问室', 'put in a holding room during continued questioning'),
        }));
      }
      const released = end && (end.type === 'person.released' || (end.type === 'person.summons_ended' && end.attrs.outcome === 'released'));
      // handed_over is on person.summons_ended (§8.2), which may share the instant with a person.released.
      const endings = end ? [end, ...s.relating(person, 'subject', 'person.summons_ended').filter((x) => x.id !== end.id && x.time.getTime() === end.time.getTime())] : [];
      const handedOver = endings.some((x) => NIGHT_HANDOVER.has(x.attrs.handed_over ?? ''));
      if (end && released && isNight(end.time) && !handedOver) {
        out.push(violation(ctx, {
          subject, trigger, part: 'night_release', duty, at: end.time, evidence: endings,
          reason: L('21时至次日7时之间释放，未通知家属或监护人领回，也未护送回家', 'released between 21:00 and 07:00 without handing over to family or guardian or escorting home'),
        }));
      }
      return out.filter(present);
    }),
};
