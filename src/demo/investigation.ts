/**
 * Statements (询问笔录 of reporters and witnesses) and the investigative work that keeps a case
 * going. The investigation of a criminal case never stalls between the first suspect and the transfer
 * for prosecution (CRIM_INVESTIGATION_CONTINUITY; MPS-C art.107, 122, 191: not even while the
 * suspects are on bail): where the case would otherwise go quiet for weeks, the officers take a
 * witness statement, have the victim identify the suspect, or obtain evidence from a bank or
 * operator, each entered in the dossier.
 */
import type { CaseFile } from './context.js';
import { personFacts } from './names.js';
import { DAY, MIN, atLocal, iso } from './time.js';

/** Longest silence left between investigative events (the rule warns after 25 days). */
const MAX_GAP = 20 * DAY;

export function keepInvestigating(cf: CaseFile, from: number, until: number, suspects: string[], victim?: string): void {
  const times = cf.activity.filter((t) => t > from && t < until).sort((a, b) => a - b);
  let last = from;
  for (const next of [...times, until]) {
    while (next - last > MAX_GAP) {
      // At most 18 days and a working day's hours after the last: always inside the gap.
      last = atLocal(last, cf.rng.int(8, 18), cf.rng.int(9, 16), cf.rng.int(0, 59));
      investigativeAct(cf, last, suspects, victim);
    }
    last = Math.max(last, next);
  }
}

function investigativeAct(cf: CaseFile, at: number, suspects: string[], victim?: string): void {
  const { rng } = cf;
  const act = rng.weighted(['witness', 'identification', 'evidence'] as const, [victim ? 0.3 : 0.5, victim ? 0.3 : 0, 0.4]);
  if (act === 'witness') {
    const witness = cf.person('witness', at - 30 * MIN, personFacts(rng, at, { male: 0.55, minAge: 18, maxAge: 70 }));
    statement(cf, witness, at);
    return;
  }
  const subject = rng.pick(suspects);
  const [docType, persons] = act === 'identification' ? ['辨认笔录', [victim as string, subject]] : ['调取证据清单', [subject]];
  const doc = cf.doc(docType, at, persons, act === 'identification' ? { subject_signed: true, witness_signed: true } : { copies: 2 });
  cf.event('jzgl', 'document.filed', at + rng.int(20, 120) * MIN, {}, [['document', doc], ...persons.map((p) => ['subject', p] as const)]);
}

/** A 询问笔录 taken at the station and filed in the dossier, signed on every page. */
export function statement(cf: CaseFile, person: string, from: number): void {
  const { rng, rec } = cf;
  const to = from + rng.int(25, 60) * MIN;
  const doc = cf.transcript('询问笔录', from, person);
  const pages = rng.int(2, 6);
  rec.update(doc, from, { started_at: iso(from), location: `${cf.unit.name}询问室` });
  rec.update(doc, to, {
    ended_at: iso(to), pages, signed_pages: pages, has_confirmation_phrase: true, officer_signatures: 2, subject_signed: true,
  });
  cf.event('jzgl', 'document.filed', to + rng.int(5, 60) * MIN, {}, [['document', doc], ['subject', person]]);
}
