/**
 * About 300 officers (警): every police unit gets its leaders, legal officers, case officers,
 * custodians and auxiliaries, each with a synthetic name and a unique six-digit badge number.
 */
import { chineseName } from './names.js';
import type { Recorder } from './records.js';
import type { Rng } from './rng.js';
import type { City, Officer, Unit, UnitLevel } from './units.js';

/** Staffing of each unit level: [role, count]. */
const STAFFING: Partial<Record<UnitLevel, [Officer['role'], number][]>> = {
  city: [['leader', 2], ['legal_officer', 2]],
  branch: [['leader', 2], ['legal_officer', 1]],
  station: [['leader', 1], ['legal_officer', 1], ['lead', 3], ['assistant', 1], ['custodian', 2], ['auxiliary', 1]],
  brigade: [['leader', 1], ['lead', 2]],
  center: [['leader', 1], ['legal_officer', 1], ['custodian', 6]],
  detention_center: [['leader', 1], ['custodian', 1]],
  admin_detention_facility: [['leader', 1], ['custodian', 1]],
};

export function buildOfficers(rec: Recorder, rng: Rng, city: City): Officer[] {
  const used = new Set<string>();
  const officers: Officer[] = [];
  // The first digit of the badge number tells the branch (0 = city level), as local schemes do.
  const prefix = (u: Unit) => String(Math.max(0, city.branches.findIndex((b) => u.code.startsWith(b.district.adcode)) + 1));
  for (const unit of city.units) {
    if (unit.kind !== 'public_security' || !unit.level) continue;
    for (const [role, count] of STAFFING[unit.level] ?? []) {
      for (let i = 0; i < count; i++) {
        let badge: string;
        do badge = prefix(unit) + String(rng.int(0, 99_999)).padStart(5, '0');
        while (used.has(badge));
        used.add(badge);
        const name = chineseName(rng, rng.chance(role === 'custodian' || role === 'legal_officer' ? 0.6 : 0.85) ? 'male' : 'female');
        const id = rec.object('officer', badge, null, { name, badge_no: badge, role }, [['member_of', unit.id]]);
        const officer: Officer = { id, name, role, unit };
        unit.officers.push(officer);
        officers.push(officer);
      }
    }
  }
  return officers;
}
