/**
 * Demo accounts: one per role the platform knows, attached to units (and officers) of the demo
 * city, with passwords derived from the seed so that a given seed always has the same logins.
 */
import type { Role } from '../org/actor.js';
import type { Rng } from './rng.js';
import { type City, type Officer, type Unit, staffOf } from './units.js';

export interface DemoLogin {
  username: string;
  password: string;
  role: Role;
  displayName: string;
  unitId: string;
  unitName: string;
  officerId?: string;
}

const ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';

export function demoLogins(rng: Rng, city: City): DemoLogin[] {
  const branch = city.branches[0];
  const station = branch.stations[0];
  const first = (unit: Unit, role: Officer['role']): Officer => staffOf(unit, role)[0];
  const accounts: [string, Role, Unit, Officer | string][] = [
    ['admin', 'admin', city.root, '系统管理员'],
    ['juzhang', 'bureau_leader', city.root, first(city.root, 'leader')],
    ['fazhi', 'legal_officer', city.root, first(city.root, 'legal_officer')],
    ['fazhi.dongying', 'legal_officer', branch.unit, first(branch.unit, 'legal_officer')],
    ['suozhang.wenhui', 'unit_head', station, first(station, 'leader')],
    ['minjing.wenhui', 'case_officer', station, first(station, 'lead')],
    ['ingest', 'ingest_client', city.root, '数据接入客户端'],
  ];
  return accounts.map(([username, role, unit, who]) => {
    const r = rng.fork(`login:${username}`);
    const password = 'Demo-' + Array.from({ length: 6 }, () => r.pick([...ALPHABET])).join('');
    const officer = typeof who === 'string' ? undefined : who;
    return {
      username,
      password,
      role,
      displayName: officer?.name ?? (who as string),
      unitId: unit.id,
      unitName: unit.name,
      officerId: officer?.id,
    };
  });
}
