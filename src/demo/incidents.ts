/**
 * One year of 110 incidents (警情) with a daily and weekly rhythm: the call, dispatch, arrival
 * and close-out, the responding officer's body-worn camera recording, and for walk-in, online
 * and urgent reports the registration and receipt. Incidents of a criminal or 治安 type are handed
 * on to become cases.
 */
import { type AlarmType, alarmTypes } from './catalog.js';
import { address, callText } from './call-texts.js';
import type { World } from './context.js';
import type { PlantedDefect } from './defects.js';
import { type LonLat, gcj02ToWgs84, samplePoint } from './geo.js';
import { personFacts } from './names.js';
import type { Attrs, Rels } from './records.js';
import { type Rng, WeightedTable } from './rng.js';
import { DAY, HOUR, MIN, SEC, compactStamp, iso, localMonth, localWeekday } from './time.js';
import { type Branch, type Officer, type Unit, staffOf } from './units.js';

export interface Incident {
  id: string;
  no: string;
  alarm: AlarmType;
  caseKey?: string;
  branch: Branch;
  station: Unit;
  channel: '110' | 'walk_in' | 'online';
  receivedAt: number;
  /** Responding or receiving officers; the first wears the camera. */
  officers: Officer[];
  arrivedAt?: number;
  closedAt: number;
  registeredAt?: number;
  /** Reporter or victim, for reports that name one. */
  reporter?: string;
  evidenceSubmitted: boolean;
  bodycam: string[];
  /** A planted bodycam gap, completed with the case id once the case exists. */
  bodycamDefect?: PlantedDefect;
}

/** Calls per hour of day, relative. */
const HOURS = [2.2, 1.6, 1.1, 0.8, 0.7, 0.8, 1.4, 2.8, 4.2, 4.8, 5, 5, 4.8, 4.6, 4.8, 5, 5.3, 5.8, 6.3, 6.5, 6.2, 5.2, 4.1, 3];
/** Sunday first. */
const WEEKDAYS = [1.04, 0.97, 0.96, 0.97, 0.98, 1.04, 1.08];
const MONTHS = [0.9, 1, 0.92, 0.97, 1.02, 1.06, 1.12, 1.12, 1.02, 1, 0.93, 0.92];
/** Share of the city's incidents by district (东营, 河口, 垦利, 利津, 广饶). */
const DISTRICT_SHARE: Record<string, number> = { '370502': 0.42, '370503': 0.12, '370505': 0.14, '370522': 0.12, '370523': 0.2 };

export const DEFAULT_INCIDENTS = 30_000;

/** Emits the incident's n-th 110 event (`jcj110:<警情编号>-<n>`). */
type Emit = (n: number, type: string, at: number, attrs: Attrs, rels: Rels) => string;

export function generateIncidents(world: World, rng: Rng, scale: number, onCase: (i: Incident) => void): number {
  const types = alarmTypes()
    .map((t) => ({ ...t, cases: t.cases?.filter(([k]) => world.profiles.has(k)) }))
    .filter((t) => !t.cases || t.cases.length > 0);
  const byType = new WeightedTable(types, types.map((t) => t.weight));
  const branches = world.city.branches;
  const byBranch = new WeightedTable(branches, branches.map((b) => DISTRICT_SHARE[b.district.adcode] ?? 0.1));
  const hours = new WeightedTable(HOURS.map((_, h) => h), HOURS);
  const first = world.anchor - 365 * DAY;
  const dayWeight = (t: number) => WEEKDAYS[localWeekday(t)] * MONTHS[localMonth(t) - 1];
  let total = 0;
  for (let t = first; t < world.anchor; t += DAY) total += dayWeight(t);
  let count = 0;
  for (let day = first; day < world.anchor; day += DAY) {
    const n = rng.poisson((DEFAULT_INCIDENTS * scale * dayWeight(day)) / total);
    const times = Array.from({ length: n }, () => day + hours.draw(rng) * HOUR + rng.int(0, 3599) * SEC).sort((a, b) => a - b);
    times.forEach((t, i) => {
      const no = `J370500${compactStamp(day).slice(0, 6)}${String(i + 1).padStart(4, '0')}`;
      const incident = generateIncident(world, rng, no, t, byType.draw(rng), byBranch.draw(rng));
      count++;
      if (incident.caseKey) onCase(incident);
    });
  }
  return count;
}

function generateIncident(world: World, rng: Rng, no: string, t: number, alarm: AlarmType, branch: Branch): Incident {
  const rec = world.rec;
  const station = rng.weighted(branch.stations, branch.stations.map((_, i) => (i === 0 ? 3 : 1)));
  const caseKey = alarm.cases ? rng.weighted(alarm.cases.map(([k]) => k), alarm.cases.map(([, w]) => w)) : undefined;
  const channel = rng.chance(alarm.walkIn ?? 0) ? 'walk_in' : rng.chance(alarm.online ?? 0) ? 'online' : '110';
  const urgent = channel === '110' && rng.chance(alarm.urgent ?? 0);
  // Sampled inside the (GCJ-02) district map, sent as WGS-84 as the contract asks.
  const point: LonLat = gcj02ToWgs84(samplePoint(rng, branch.district, station.location ?? branch.district.center, station === branch.stations[0] ? 3 : 5));
  const addr = address(rng, branch.district.adcode, branch.district.name);
  const id = rec.object('incident', no, t, {
    channel,
    category: alarm.code,
    text: callText(rng, alarm.code, addr),
    address: addr,
    lat: point[1].toFixed(6),
    lon: point[0].toFixed(6),
    urgent,
    x_synthetic: 'true',
  }, [['unit', station.id]]);
  const patrol = staffOf(station, 'lead', 'assistant');
  const officers = [rng.pick(patrol), rng.pick(staffOf(station, 'auxiliary', 'lead', 'assistant'))].filter((o, i, a) => a.indexOf(o) === i);
  const incident: Incident = {
    id, no, alarm, caseKey, branch, station, channel, receivedAt: t, officers, closedAt: t,
    evidenceSubmitted: channel === 'walk_in' && alarm.code === '100600', bodycam: [],
  };
  const ev: Emit = (n, type, at, attrs, rels) => rec.event(`jcj110:${no}-${n}`, type, at, attrs, [['incident', id], ...rels]);
  const profile = caseKey ? world.profiles.get(caseKey) : undefined;
  const victim = profile?.victim ?? false;
  if (channel !== '110' || urgent || caseKey) {
    const facts = personFacts(rng, t, { male: 0.55, minAge: 18, maxAge: 75 });
    incident.reporter = rec.object('person', `${no}-R1`, t, {
      ...facts, role: victim ? 'victim' : 'reporter', nationality: 'CHN', language: 'zh',
    }, [['incident', id]]);
  }
  const nature = profile
    ? profile.kind === 'criminal' ? 'criminal' : 'public_order'
    : alarm.nature === 'invalid' && rng.chance(0.5) ? 'other' : alarm.nature;
  if (channel === '110') {
    ev(1, 'incident.received', t, {}, [['unit', world.city.root.id]]);
    const answeredByPhone = nature === 'invalid' || (nature === 'help' && rng.chance(0.25));
    if (answeredByPhone) {
      incident.closedAt = t + rng.int(1, 6) * MIN;
    } else {
      const dispatched = t + rng.int(40, 180) * SEC;
      ev(2, 'incident.dispatched', dispatched, {}, [['target_unit', station.id], ...officers.map((o) => ['officer', o.id] as const)]);
      incident.arrivedAt = dispatched + rng.int(station === branch.stations[0] ? 4 : 7, 25) * MIN + rng.int(0, 59) * SEC;
      ev(3, 'incident.arrived', incident.arrivedAt, {}, officers.map((o) => ['officer', o.id] as const));
      incident.closedAt = incident.arrivedAt + rng.int(caseKey ? 25 : 12, caseKey ? 120 : 80) * MIN;
    }
    ev(4, 'incident.closed', incident.closedAt, { nature }, officers.map((o) => ['officer', o.id] as const));
    if (urgent) register(rng, incident, incident.closedAt + rng.int(5, 20) * MIN, ev);
    if (incident.arrivedAt !== undefined) recordBodycam(world, rng, incident);
  } else {
    const receiver = rng.pick(patrol);
    incident.officers = [receiver];
    ev(1, 'incident.received', t, { evidence_submitted: incident.evidenceSubmitted || undefined }, channel === 'walk_in'
      ? [['unit', station.id], ['officer', receiver.id]]
      : []);
    const registeredAt = t + (channel === 'walk_in' ? rng.int(5, 15) * MIN : rng.int(20, 240) * MIN);
    register(rng, incident, registeredAt, ev);
    incident.closedAt = registeredAt + rng.int(10, 25) * MIN;
    ev(4, 'incident.closed', incident.closedAt, { nature }, [['officer', receiver.id]]);
  }
  return incident;
}

/** Online registration and the report receipt (INC_WALKIN_THREE_ON_THE_SPOT, INC_URGENT_THEN_REGISTER_24H). */
function register(rng: Rng, incident: Incident, at: number, ev: Emit): void {
  const officer = incident.officers[0];
  incident.registeredAt = at;
  ev(5, 'incident.registered', at, {}, [['unit', incident.station.id], ['officer', officer.id]]);
  ev(6, 'notice.served', at + rng.int(2, 8) * MIN, {
    notice_type: 'report_receipt',
    method: incident.channel === 'online' ? 'electronic' : 'in_person',
  }, [['subject', incident.reporter]]);
}

/**
 * The wearer's recording from before arrival to after close-out (INC_BODYCAM_REQUIRED). Some are
 * split in two with a short pause (≤ 1 min, allowed); a planted gap is a pause of minutes.
 */
function recordBodycam(world: World, rng: Rng, incident: Incident): void {
  const arrived = incident.arrivedAt as number;
  const start = arrived - rng.int(30, 180) * SEC;
  const end = incident.closedAt + rng.int(0, 120) * SEC;
  const planner = world.planner;
  const gap = planner.consider('bodycam_gap', incident.closedAt + 25 * HOUR);
  const cuts: [number, number][] = [];
  if (gap) {
    const pause = planner.rng.int(3, 12) * MIN;
    const at = arrived + Math.floor((incident.closedAt - arrived - pause) / 2);
    cuts.push([start, at], [at + pause, end]);
  } else if (rng.chance(0.1)) {
    const at = arrived + Math.floor((incident.closedAt - arrived) / 3);
    cuts.push([start, at], [at + rng.int(5, 40) * SEC, end]);
  } else cuts.push([start, end]);
  const wearer = incident.officers[0];
  const badge = wearer.id.slice('officer:'.length);
  incident.bodycam = cuts.map(([a, b], i) =>
    world.rec.object('media', `BWC${badge}-${incident.no}-${i + 1}`, b, {
      kind: 'bodycam',
      started_at: iso(a),
      ended_at: iso(b),
      file: `bwc/${badge}/${compactStamp(a)}.mp4`,
      // Kept at least six months (INC_BODYCAM_REQUIRED).
      retention_until: iso(a + 190 * DAY),
    }, [['incident', incident.id], ['officer', wearer.id]]),
  );
  if (gap) {
    incident.bodycamDefect = planner.record({
      kind: 'bodycam_gap',
      incidentId: incident.id,
      eventIds: [`jcj110:${incident.no}-3`, `jcj110:${incident.no}-4`],
      objectIds: incident.bodycam,
      detail: `recording paused ${Math.round((cuts[1][0] - cuts[0][1]) / MIN)} min between arrival and close-out`,
    });
  }
}
