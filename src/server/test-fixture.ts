/**
 * Test helpers for the HTTP layer (not a test file): a small two-branch city imported through
 * the real importer, an app with a silent logger, and logins.
 */
import assert from 'node:assert/strict';
import type { FastifyBaseLogger, FastifyInstance } from 'fastify';
import { createUser } from '../auth/users.js';
import type { Database } from '../db/database.js';
import { importText } from '../interchange/import.js';
import type { Role } from '../org/actor.js';
import { buildApp } from './app.js';
import { createLogger } from './logger.js';

export const CITY = 'unit:370500000000';
export const BRANCH_A = 'unit:370502000000';
export const BRANCH_B = 'unit:370503000000';
export const STATION_A = 'unit:370502510000';
export const STATION_B = 'unit:370503510000';

/** The records one station holds, with the personal values a leak test looks for. */
export interface StationData {
  unit: string;
  officer: string;
  incident: string;
  incidentText: string;
  caseId: string;
  person: string;
  personName: string;
  idNumber: string;
  phone: string;
}

function stationData(unit: string, tag: string, surname: string, idTail: string): StationData {
  const code = unit.slice('unit:'.length);
  return {
    unit,
    officer: `officer:${code.slice(0, 6)}${tag}1`,
    incident: `incident:J${code}${tag}`,
    incidentText: `${surname}报称其电动车在小区门口被盗`,
    caseId: `case:A${code}${tag}`,
    person: `person:A${code}${tag}-R1`,
    personName: `${surname}测试`,
    idNumber: `${code.slice(0, 6)}19900101${idTail}`,
    phone: `1390000${idTail}`,
  };
}

export const A = stationData(STATION_A, 'A', '欧阳', '0011');
export const B = stationData(STATION_B, 'B', '司马', '0022');

const REF = '1970-01-01T00:00:00Z';
const attrs = (time: string, values: Record<string, string>) =>
  Object.entries(values).map(([name, value]) => ({ name, time, value }));
const rel = (objectId: string, qualifier: string) => ({ objectId, qualifier });

function unit(id: string, name: string, level: string, parent?: string) {
  return {
    object: {
      id,
      type: 'unit',
      attributes: attrs(REF, { name, kind: 'public_security', level }),
      relationships: parent ? [rel(parent, 'parent')] : [],
    },
  };
}

function stationRecords(s: StationData, day: string) {
  const t = (hm: string) => `2025-03-${day}T${hm}:00+08:00`;
  const code = s.unit.slice('unit:'.length);
  return [
    { object: { id: s.officer, type: 'officer', attributes: attrs(REF, { name: `${s.personName.slice(0, 2)}警官`, badge_no: s.officer.slice(8), role: 'lead' }), relationships: [rel(s.unit, 'member_of')] } },
    { object: { id: s.incident, type: 'incident', attributes: attrs(t('20:00'), { channel: '110', category: '100100', urgent: 'false', text: s.incidentText, address: '测试路1号' }), relationships: [rel(s.unit, 'unit')] } },
    { object: { id: s.caseId, type: 'case', attributes: attrs(t('21:00'), { kind: 'criminal', category: '050200', charge: '盗窃罪' }), relationships: [rel(s.unit, 'unit'), rel(s.officer, 'officer')] } },
    { object: { id: s.person, type: 'person', attributes: attrs(t('21:00'), { name: s.personName, role: 'suspect', id_number: s.idNumber, phone: s.phone }), relationships: [rel(s.caseId, 'case'), rel(s.incident, 'incident')] } },
    { event: { id: `jcj110:${code}-1`, type: 'incident.received', time: t('20:00'), relationships: [rel(s.incident, 'incident'), rel(s.unit, 'unit')] } },
    { event: { id: `ajgl:${code}-1`, type: 'case.accepted', time: t('21:00'), relationships: [rel(s.caseId, 'case'), rel(s.incident, 'incident'), rel(s.unit, 'unit')] } },
    { event: { id: `ajgl:${code}-2`, type: 'case.filed', time: t('22:00'), relationships: [rel(s.caseId, 'case')] } },
    { event: { id: `ajgl:${code}-3`, type: 'person.detained', time: t('23:00'), relationships: [rel(s.person, 'subject'), rel(s.caseId, 'case'), rel(s.officer, 'officer')] } },
  ];
}

export const toJsonl = (records: unknown[]): string => records.map((r) => JSON.stringify(r)).join('\n') + '\n';

/** Imports the city: one city bureau, two branches, one station under each, with a case at each. */
export async function seedCity(db: Database): Promise<void> {
  const records = [
    unit(CITY, '东营市公安局', 'city'),
    unit(BRANCH_A, '东营分局', 'branch', CITY),
    unit(BRANCH_B, '河口分局', 'branch', CITY),
    unit(STATION_A, '文汇派出所', 'station', BRANCH_A),
    unit(STATION_B, '河口派出所', 'station', BRANCH_B),
    ...stationRecords(A, '10'),
    ...stationRecords(B, '11'),
  ];
  const report = await importText(db, { name: 'test_20250312T000000_1.jsonl', format: 'jsonl', text: toJsonl(records) }, { source: 'test' });
  assert.equal(report.status, 'accepted', JSON.stringify(report.errors));
}

export const silentLogger = (): FastifyBaseLogger => createLogger({ level: 'silent' });

export const testApp = (db: Database, logger: FastifyBaseLogger = silentLogger()): Promise<FastifyInstance> =>
  buildApp({ db, logger });

export const PASSWORD = 'correct horse battery';

/** Creates a user and logs in through the API; returns the Cookie header value. */
export async function loginAs(app: FastifyInstance, username: string, role: Role, unitId: string): Promise<string> {
  await createUser(app.db, { username, displayName: username, password: PASSWORD, role, unitId });
  const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password: PASSWORD } });
  assert.equal(res.statusCode, 200, res.body);
  const cookie = res.cookies.find((c) => c.name === 'shuju_session');
  assert.ok(cookie, 'login sets the session cookie');
  return `shuju_session=${cookie.value}`;
}
