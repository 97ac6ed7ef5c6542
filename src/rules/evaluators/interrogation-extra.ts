import type { Localized } from '../definition.js';
import { L, violation, type RuleEvaluator } from '../engine/context.js';
import { duration, localTime } from '../engine/explain.js';
import type { Finding } from '../engine/finding.js';
import { type Ev, type Snapshot, target, targets } from '../engine/snapshot.js';
import { sameHuman } from './custody-common.js';

/**
 * The non-core interrogation rules of catalogue §9, decided from the records of interchange
 * §8.3: separate sessions and the identity fields of the first record. The sessions helper is
 * shared with the transcript–AV consistency rule (interrogation-extra-consistency.ts).
 */
const HOUR = 3_600_000;
/** CPL art.119: no summons, hence no session, lasts beyond 24 h; a session without a recorded end is not stretched further. */
const LONGEST_SESSION = 24 * HOUR;
const present = <T>(x: T | undefined): x is T => x !== undefined;

export interface Session {
  started: Ev;
  /** interrogation.ended of the same 笔录 (§8.3), undefined while none is recorded. */
  ended?: Ev;
  subject: string;
  venue?: string;
  doc?: string;
  from: number;
  /** The end; without one, T, but at most LONGEST_SESSION after the start. */
  to: number;
  /** Interrogators named at the start or the end. */
  interrogators: string[];
}

/** Every session of the group in time order, paired start → end by their 笔录. */
export function sessionsOf(s: Snapshot): Session[] {
  return s.ofType('interrogation.started').map((started) => {
    const subject = target(started, 'subject');
    if (!subject) return undefined;
    const doc = target(started, 'document');
    const from = started.time.getTime();
    const ended = doc ? s.relating(doc, 'document', 'interrogation.ended').find((e) => e.time.getTime() >= from) : undefined;
    const to = ended ? ended.time.getTime() : Math.min(s.asOf.getTime(), from + LONGEST_SESSION);
    const interrogators = [...new Set([...targets(started, 'interrogator'), ...(ended ? targets(ended, 'interrogator') : [])])];
    return { started, ended, subject, venue: target(started, 'venue'), doc, from, to, interrogators };
  }).filter(present);
}

/** How long two spans overlap (ms; ≤ 0 when they do not). */
export const overlapMs = (a: { from: number; to: number }, b: { from: number; to: number }): number =>
  Math.min(a.to, b.to) - Math.max(a.from, b.from);

const ROLE_ZH: Record<string, string> = {
  suspect: '嫌疑人', victim: '被害人', complainant: '控告人', reporter: '报案人', witness: '证人',
  attesting_witness: '见证人', guardian: '监护人', interpreter: '翻译人员',
};
export const roleZh = (s: Snapshot, person: string, at: Date): string => {
  const role = s.attrThen(person, 'role', at) ?? '';
  return ROLE_ZH[role] ?? '当事人';
};

/**
 * INTV_SEPARATE_SESSIONS (MPS-C art.202(2), 210(2); MPS-A art.72). Trigger: interrogation.started.
 * Breach: another person of the group is questioned in the same room at the same time — two
 * sessions of different persons (not the same human, §3.1) with the same `venue` overlapping by
 * more than `toleranceSeconds` [D] (clock lag between systems). Judged once per pair, on the
 * later session, at its start. Sites (room_type `other`: a scene, a home) are not rooms and are
 * not judged; a session without a recorded end counts as running until T, at most 24 h.
 */
export const INTV_SEPARATE_SESSIONS: RuleEvaluator = {
  ruleId: 'INTV_SEPARATE_SESSIONS',
  evaluate: (s, ctx) => {
    // The room type as of the session (§3.2).
    const rooms = sessionsOf(s).filter((x) => x.venue && s.attr(x.venue, 'room_type', x.started.time) !== 'other');
    return rooms.map((b, j) => {
      const tolerance = ctx.num('toleranceSeconds', b.started.time) * 1000;
      const humans = sameHuman(s, b.subject);
      const together = rooms.slice(0, j).filter((a) => a.venue === b.venue && !humans.includes(a.subject) && overlapMs(a, b) > tolerance);
      if (together.length === 0) return undefined;
      const longest = Math.max(...together.map((a) => overlapMs(a, b)));
      const roles = [...new Set(together.map((a) => roleZh(s, a.subject, b.started.time)))].join('、');
      return violation(ctx, {
        subject: { type: 'person', id: b.subject }, trigger: b.started, evidence: together.map((a) => a.started),
        duty: L('同案嫌疑人应分别讯问，证人、被害人应分别询问', 'Co-suspects are interrogated, and witnesses and victims questioned, separately'),
        reason: L(`与另外${together.length}人（${roles}）在同一房间同时被讯问（询问），重叠${duration(longest)['zh-CN']}`,
          `questioned in the same room at the same time as ${together.length} other person(s), overlapping ${duration(longest).en}`),
      });
    }).filter(present);
  },
};

/**
 * The identity items of the first record the contract carries (MPS-C art.203; MPS-A art.73) and a
 * source must send for a suspect. npc_deputy is a flag: never sent reads "not a deputy" (§5.2;
 * the §12.3 example's suspect has none and raises nothing).
 */
const IDENTITY_FIELDS: Array<[string, Localized]> = [
  ['birth_date', L('出生日期', 'birth date')],
  ['id_number', L('身份证件号码', 'ID number')],
];

/** Whether the records say the person's identity could not be established (then it cannot be asked). */
function identityUnknown(s: Snapshot, person: string): boolean {
  return s.relating(person, 'subject', 'person.family_notified', 'approval.granted')
    .some((e) => e.attrs.exception === 'identity_unknown' || e.attrs.reason === 'identity_unknown');
}

/**
 * INTV_FIRST_IDENTITY_FIELDS (MPS-C art.203(3); MPS-A art.73), S4 data quality. Trigger: a
 * person's first session as a suspect (not marked first_time false). Judged at that session's
 * end on the values known as of T (again on change): the person's birth_date and id_number must be
 * known. A person whose identity is recorded as unknown (family notice exception or approval
 * reason `identity_unknown`) is not judged. npc_deputy is read as a flag (unknown = not a deputy,
 * §5.2). Not in the contract: aliases, addresses,
 * native place, ethnicity, occupation, education, employer, family, CPPCC membership, past
 * record, and foreigners' passport, visa and entry details.
 */
export const INTV_FIRST_IDENTITY_FIELDS: RuleEvaluator = {
  ruleId: 'INTV_FIRST_IDENTITY_FIELDS',
  evaluate: (s, ctx) => {
    const seen = new Set<string>();
    const out: Array<Finding | undefined> = [];
    for (const session of sessionsOf(s)) {
      const { started, ended, subject } = session;
      if (s.attrThen(subject, 'role', started.time) !== 'suspect' || seen.has(subject)) continue;
      seen.add(subject);
      if (started.attrs.first_time === 'false' || !ended || identityUnknown(s, subject)) continue;
      const missing = IDENTITY_FIELDS.filter(([name]) => !s.attr(subject, name)?.trim()).map(([, label]) => label);
      if (missing.length === 0) continue;
      out.push(violation(ctx, {
        subject: { type: 'person', id: subject }, trigger: started, at: ended.time, evidence: [ended],
        duty: L('第一次讯问（询问）应问明并记录嫌疑人的出生日期、身份证件号码等身份情况', 'The first interrogation records the suspect’s birth date and ID number'),
        reason: L(`首次讯问（询问）于${localTime(ended.time)}结束，缺少${missing.map((m) => m['zh-CN']).join('、')}`,
          `the first session ended at ${localTime(ended.time)}; missing ${missing.map((m) => m.en).join(', ')}`),
      }));
    }
    return out.filter(present);
  },
};
