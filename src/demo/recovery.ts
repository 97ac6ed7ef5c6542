/**
 * 追赃挽损 of a solved criminal case with a loss: the bureau's progress curve (platform rule
 * ASSET_RECOVERY_PROGRESS, defaults 30 % of the loss within 90 days of 破案, 50 % within 180)
 * is met by what came back anyway (stolen goods returned, frozen funds) and, where that falls
 * short, by the suspects' restitution (退赃退赔, usually paid to win the victim's forgiveness).
 * A point the case has already left for the procuratorate is not the police's to meet.
 */
import type { CaseFile } from './context.js';
import { DAY, atLocal, startOfLocalDay } from './time.js';

/** The bureau's default curve and warning lead of ASSET_RECOVERY_PROGRESS. */
const CURVE = [{ days: 90, share: 0.3 }, { days: 180, share: 0.5 }];
const WARN_DAYS = 15;

/** Records restitution wherever the recoveries so far would miss a point judged before `sentAt`. */
export function keepRecoveryOnSchedule(cf: CaseFile, solvedAt: number, sentAt: number): void {
  if (!(cf.loss > 0)) return;
  const { rng } = cf;
  let earliest = solvedAt + rng.int(5, 15) * DAY;
  for (const { days, share } of CURVE) {
    const due = startOfLocalDay(solvedAt) + (days + 1) * DAY;
    if (sentAt < due) continue;
    // Comfortably before the warning point, so that nothing is even warned.
    const safeBy = due - (WARN_DAYS + 3) * DAY;
    const before = (t: number) => cf.recoveries.filter(([at]) => at < t).reduce((sum, [, amount]) => sum + amount, 0);
    const required = share * cf.loss;
    if (before(safeBy) >= required) continue;
    const total = before(Infinity);
    const amount = Math.min(Math.ceil(required - before(safeBy) + rng.between(0.05, 0.2) * cf.loss), Math.floor(cf.loss - total));
    const latest = safeBy - DAY;
    const at = Math.min(latest, atLocal(earliest, rng.int(0, Math.max(0, Math.floor((latest - earliest) / DAY))), rng.int(9, 17), rng.int(0, 59)));
    recordRestitution(cf, at, amount);
    earliest = at + DAY;
  }
}

function recordRestitution(cf: CaseFile, at: number, amount: number): void {
  if (amount <= 0) return;
  cf.event('ajgl', 'case.recovery_recorded', at, { amount: amount.toFixed(2) }, []);
  cf.recoveries.push([at, amount]);
}
