import { L, violation, type RuleEvaluator } from '../engine/context.js';
import { approverLevel, caseOfficers, levelAtLeast } from '../engine/facts.js';
import type { Finding } from '../engine/finding.js';
import { type Ev, type Snapshot, target, targets } from '../engine/snapshot.js';
import { windowDeadline } from './area-basis.js';
import { type AreaStay, allStays, areaStays, hasAreaFeed, inStay, isSuspect, subjectOfStay } from './area-stays.js';

/**
 * Into the case-handling area (catalogue §8): a suspect goes in straight after arriving and is
 * taken out only with approval for the lawful purposes; the safety check comes first.
 */
const present = (f: Finding | undefined): f is Finding => f !== undefined;

/** What ends an arrival episode: the person leaves (final exit) or is let go. */
const departs = (e: Ev): boolean =>
  e.type === 'person.released'
  || (e.type === 'person.summons_ended' && e.attrs.outcome === 'released')
  || (e.type === 'area.exited' && e.attrs.exit_kind === 'final');

/**
 * 到案 instants of a person (§9.2: person.brought_in, else the person.summoned time): one per
 * arrival episode, so an oral summons on the scene and the bringing in that follows it are
 * one arrival, as is a summons issued after the person was brought in.
 */
export function arrivals(s: Snapshot, person: string): Ev[] {
  const out: Ev[] = [];
  let episode: Ev[] = [];
  const close = () => {
    if (episode.length) out.push(episode.find((e) => e.type === 'person.brought_in') ?? episode[0]);
    episode = [];
  };
  for (const e of s.relating(person, 'subject')) {
    if (e.type === 'person.brought_in' || e.type === 'person.summoned') episode.push(e);
    else if (departs(e)) close();
  }
  close();
  return out;
}

/** The stay that received an arrival: one already open then, else the first entered before the next arrival. */
function stayAfter(stays: AreaStay[], arrival: Ev, next: Ev | undefined, asOf: Date): AreaStay | undefined {
  const t = arrival.time.getTime();
  return stays.find((st) => st.entry.time.getTime() <= t && inStay(st, arrival.time, asOf))
    ?? stays.find((st) => st.entry.time.getTime() >= t && (!next || st.entry.time.getTime() < next.time.getTime()));
}

const LAWFUL_EXIT = new Set(['recover_loot', 'identify_scene', 'identify_body', 'medical']);
const PURPOSE_ZH: Record<string, string> = {
  recover_loot: '起赃', identify_scene: '辨认现场', identify_body: '辨认尸体', medical: '就医', release: '释放', to_jail: '送押', other: '其他',
};

/**
 * What is wrong with a temporary exit (§10.1: approved_exit, an approver, a lawful purpose); the
 * approver a department head or higher (catalogue §8, §13).
 */
function exitDefects(s: Snapshot, e: Ev): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  if (e.attrs.approved_exit !== 'true') out.push(['未经批准', 'not approved']);
  if (targets(e, 'approver').length === 0) out.push(['未记录批准人', 'no approver recorded']);
  else if (!levelAtLeast(approverLevel(s, e), 'department')) out.push(['批准人不是办案部门负责人或更高级别', 'the approver is not a department head or higher']);
  const purpose = e.attrs.purpose;
  if (!purpose) out.push(['未注明带出事由', 'no purpose recorded']);
  else if (!LAWFUL_EXIT.has(purpose)) out.push([`带出事由为“${PURPOSE_ZH[purpose] ?? purpose}”`, `purpose "${purpose}"`]);
  return out;
}

export const AREA_IMMEDIATE_ENTRY_NO_EXIT: RuleEvaluator = {
  ruleId: 'AREA_IMMEDIATE_ENTRY_NO_EXIT',
  evaluate: (s, ctx) => {
    if (!hasAreaFeed(s)) return [];
    const out: Array<Finding | undefined> = [];
    for (const p of s.objectsOfType('person')) {
      const stays = areaStays(s, p.id);
      const list = arrivals(s, p.id);
      list.forEach((arrival, i) => {
        if (!isSuspect(s, p.id, arrival.time)) return;
        const minutes = ctx.num('entryWindowMinutes', arrival.time);
        const stay = stayAfter(stays, arrival, list[i + 1], s.asOf);
        out.push(windowDeadline(ctx, {
          subject: { type: 'person', id: p.id }, trigger: arrival, minutes, compliedBy: stay?.entry,
          duty: L(`嫌疑人到案后${minutes}分钟内直接带入办案区`, `Take the suspect straight into the case-handling area within ${minutes} min of arrival`),
        }));
      });
      for (const stay of stays) {
        for (const exit of stay.temporaryExits) {
          const defects = exitDefects(s, exit);
          if (!defects.length || !isSuspect(s, p.id, exit.time)) continue;
          out.push(violation(ctx, {
            subject: subjectOfStay(stay), trigger: exit, part: 'exit', evidence: [stay.entry],
            duty: L('嫌疑人非经办案部门负责人批准不得带出办案区（仅限起赃、辨认现场或尸体、就医）', 'A suspect leaves the area only with the department head’s approval, to recover loot, identify a scene or body, or for medical care'),
            reason: L(`临时带出办案区：${defects.map((d) => d[0]).join('；')}`, `taken out of the area: ${defects.map((d) => d[1]).join('; ')}`),
          }));
        }
      }
    }
    return out.filter(present);
  },
};

/** The stay's safety check content: health asked, belongings listed, kept by a non-case officer. */
function checkDefects(check: Ev, isCaseOfficer: (id: string) => boolean): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  if (check.attrs.health_recorded === 'false') out.push(['未询问记录身体状况', 'health not recorded']);
  if (check.attrs.belongings_listed === 'false') out.push(['随身财物未登记', 'belongings not listed']);
  const custodian = target(check, 'custodian');
  if (custodian && isCaseOfficer(custodian)) out.push(['随身财物由本案办案民警保管', 'belongings kept by a case officer']);
  return out;
}

/**
 * Whether a check at an instant may serve a stay, if not after its end (§10.1 sets no lower bound
 * at the entry): from the arrival of the stay (到案 at or before the entry), else after the
 * previous stay's end — never a previous stay's check.
 */
function checkFrom(s: Snapshot, stay: AreaStay): (t: number) => boolean {
  const entry = stay.entry.time.getTime();
  const previous = areaStays(s, stay.person).filter((st) => st.end && st.end.time.getTime() <= entry).at(-1)?.end?.time.getTime();
  const arrival = arrivals(s, stay.person).filter((a) => a.time.getTime() <= entry && (previous === undefined || a.time.getTime() > previous)).at(-1)?.time.getTime();
  if (arrival !== undefined) return (t) => t >= arrival;
  if (previous !== undefined) return (t) => t > previous;
  return () => true;
}

export const AREA_ENTRY_SECURITY_CHECK: RuleEvaluator = {
  ruleId: 'AREA_ENTRY_SECURITY_CHECK',
  evaluate: (s, ctx) => {
    let officers: Set<string> | undefined;
    const isCaseOfficer = (id: string) => (officers ??= caseOfficers(s)).has(id);
    return allStays(s).filter((st) => isSuspect(s, st.person, st.entry.time)).flatMap((stay) => {
      const { person, entry } = stay;
      const within = (e: Ev) => inStay(stay, e.time, s.asOf);
      const from = checkFrom(s, stay);
      const check = s.relating(person, 'subject', 'area.security_checked')
        .find((e) => e.time.getTime() <= (stay.end?.time ?? s.asOf).getTime() && from(e.time.getTime()));
      const session = s.relating(person, 'subject', 'interrogation.started').find(within);
      const minutes = ctx.num('checkWindowMinutes', entry.time);
      const subject = subjectOfStay(stay);
      const duty = L(`进入办案区后${minutes}分钟内、首次讯问（询问）前进行人身安全检查`, `Carry out the safety check within ${minutes} min of entering the area and before any questioning`);
      const out: Array<Finding | undefined> = [windowDeadline(ctx, { subject, trigger: entry, duty, minutes, compliedBy: check })];
      if (session && (!check || check.time.getTime() > session.time.getTime())) {
        out.push(violation(ctx, {
          subject, trigger: entry, part: 'order', duty, at: session.time, evidence: [session, ...(check ? [check] : [])],
          reason: check
            ? L('人身安全检查晚于首次讯问（询问）开始时间', 'the safety check came after questioning had started')
            : L('首次讯问（询问）开始前未进行人身安全检查', 'questioning started before any safety check'),
        }));
      }
      const defects = check ? checkDefects(check, isCaseOfficer) : [];
      if (check && defects.length) {
        out.push(violation(ctx, {
          subject, trigger: entry, part: 'content', duty, at: check.time, evidence: [check],
          reason: L(defects.map((d) => d[0]).join('；'), defects.map((d) => d[1]).join('; ')),
        }));
      }
      return out.filter(present);
    });
  },
};
