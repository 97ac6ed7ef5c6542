/**
 * The organisation of the demo city: 东营市公安局, a branch (分局/县局) for each of the five
 * districts with its police stations, brigades and case-handling centre, the detention houses,
 * and a procuratorate per district; the rooms of every case-handling area (办案区).
 */
import { type District, type LonLat, samplePoint } from './geo.js';
import type { Recorder } from './records.js';
import type { Rng } from './rng.js';

export type UnitLevel = 'city' | 'branch' | 'station' | 'brigade' | 'center' | 'detention_center' | 'admin_detention_facility';
export type RoomType =
  | 'interrogation_room' | 'inquiry_room' | 'waiting_room' | 'holding_room' | 'security_check' | 'property_store'
  | 'detention_center_interrogation';

export interface Venue {
  id: string;
  roomType: RoomType;
  unit: Unit;
}

export interface Officer {
  id: string;
  name: string;
  role: 'lead' | 'assistant' | 'legal_officer' | 'leader' | 'custodian' | 'auxiliary';
  unit: Unit;
}

export interface Unit {
  id: string;
  code: string;
  name: string;
  kind: 'public_security' | 'procuratorate';
  level?: UnitLevel;
  location?: LonLat;
  rooms: Partial<Record<RoomType, Venue[]>>;
  officers: Officer[];
}

export interface Branch {
  unit: Unit;
  district: District;
  stations: Unit[];
  brigades: Unit[];
  center: Unit;
  procuratorate: Unit;
  /** 看守所 receiving this branch's criminal detainees. */
  jail: Unit;
}

export interface City {
  root: Unit;
  branches: Branch[];
  adminJail: Unit;
  units: Unit[];
}

const BRANCHES: Record<string, { name: string; procuratorate: string; stations: string[]; ownJail?: string }> = {
  '370502': { name: '东营市公安局东营分局', procuratorate: '东营市东营区人民检察院', stations: ['文汇', '黄河路', '辛店', '胜利', '史口', '牛庄'] },
  '370503': { name: '东营市公安局河口分局', procuratorate: '东营市河口区人民检察院', stations: ['河口', '孤岛', '仙河', '义和'] },
  '370505': { name: '东营市公安局垦利分局', procuratorate: '东营市垦利区人民检察院', stations: ['垦利', '胜坨', '郝家', '永安'] },
  '370522': { name: '利津县公安局', procuratorate: '利津县人民检察院', stations: ['利津', '陈庄', '汀罗', '盐窝'], ownJail: '利津县看守所' },
  '370523': { name: '广饶县公安局', procuratorate: '广饶县人民检察院', stations: ['广饶', '大王', '稻庄', '李鹊', '丁庄'], ownJail: '广饶县看守所' },
};
const BRIGADES = ['刑事侦查大队', '治安管理大队', '禁毒大队', '经济犯罪侦查大队'];

const ROOMS: Record<string, [code: string, type: RoomType, name: string, count: number][]> = {
  station: [
    ['AJ', 'security_check', '安检室', 2], ['HW', 'holding_room', '候问室', 3], ['XW', 'interrogation_room', '讯问室', 2],
    ['XX', 'inquiry_room', '询问室', 1], ['CW', 'property_store', '涉案财物保管室', 1],
  ],
  center: [
    ['AJ', 'security_check', '安检室', 3], ['HW', 'holding_room', '候问室', 8], ['XW', 'interrogation_room', '讯问室', 6],
    ['XX', 'inquiry_room', '询问室', 3], ['DH', 'waiting_room', '等候室', 1], ['CW', 'property_store', '涉案财物保管室', 1],
  ],
  detention_center: [['XW', 'detention_center_interrogation', '讯问室', 4]],
};
const ORDINAL = '一二三四五六七八九十';

function createUnit(
  rec: Recorder, code: string, name: string, kind: Unit['kind'], level: UnitLevel | undefined, parent?: Unit,
  location?: LonLat,
): Unit {
  const unit: Unit = { id: `unit:${code}`, code, name, kind, level, location, rooms: {}, officers: [] };
  rec.object('unit', code, null, { name, kind, level, x_synthetic: 'true' }, [['parent', parent?.id]]);
  for (const [roomCode, type, roomName, count] of ROOMS[level ?? ''] ?? []) {
    unit.rooms[type] = Array.from({ length: count }, (_, i) => {
      const key = `${code}-${roomCode}${String(i + 1).padStart(2, '0')}`;
      const id = rec.object('venue', key, null, {
        name: count > 1 ? `第${ORDINAL[i]}${roomName}` : roomName,
        room_type: type,
        approved_for_interrogation:
          type === 'interrogation_room' || type === 'inquiry_room' || type === 'detention_center_interrogation' ? true : undefined,
      }, [['unit', unit.id]]);
      return { id, roomType: type, unit };
    });
  }
  return unit;
}

export function buildUnits(rec: Recorder, rng: Rng, districts: District[]): City {
  const units: Unit[] = [];
  const add = (u: Unit) => (units.push(u), u);
  const root = add(createUnit(rec, '370500000000', '东营市公安局', 'public_security', 'city'));
  const cityJail = add(createUnit(rec, '370500770000', '东营市看守所', 'public_security', 'detention_center', root));
  const adminJail = add(createUnit(rec, '370500780000', '东营市拘留所', 'public_security', 'admin_detention_facility', root));
  add(createUnit(rec, '370500900000', '东营市人民检察院', 'procuratorate', undefined));
  const branches = districts.map((district) => {
    const a = district.adcode;
    const spec = BRANCHES[a];
    const short = spec.name.replace('东营市公安局', '');
    const unit = add(createUnit(rec, `${a}000000`, spec.name, 'public_security', 'branch', root, district.center));
    const stations = spec.stations.map((s, i) => {
      const location = i === 0 ? district.center : samplePoint(rng, district, district.center, 14);
      return add(createUnit(rec, `${a}5${i + 1}0000`, `${s}派出所`, 'public_security', 'station', unit, location));
    });
    const brigades = BRIGADES.map((b, i) =>
      add(createUnit(rec, `${a}2${i + 1}0000`, `${short}${b}`, 'public_security', 'brigade', unit, district.center)));
    const center = add(createUnit(rec, `${a}610000`, `${short}执法办案管理中心`, 'public_security', 'center', unit, district.center));
    const jail = spec.ownJail
      ? add(createUnit(rec, `${a}770000`, spec.ownJail, 'public_security', 'detention_center', unit))
      : cityJail;
    const procuratorate = add(createUnit(rec, `${a}900000`, spec.procuratorate, 'procuratorate', undefined));
    return { unit, district, stations, brigades, center, procuratorate, jail };
  });
  return { root, branches, adminJail, units };
}

/** Rooms of one type in a unit (throws if the unit has none: a generator bug). */
export function roomsOf(unit: Unit, type: RoomType): Venue[] {
  const rooms = unit.rooms[type];
  if (!rooms || rooms.length === 0) throw new Error(`demo: ${unit.name} has no ${type}`);
  return rooms;
}

export const staffOf = (unit: Unit, ...roles: Officer['role'][]): Officer[] =>
  unit.officers.filter((o) => roles.includes(o.role));

/** The unit's first leader (负责人). */
export function leaderOf(unit: Unit): Officer {
  const l = staffOf(unit, 'leader')[0];
  if (!l) throw new Error(`demo: ${unit.name} has no leader`);
  return l;
}
