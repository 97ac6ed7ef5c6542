import { JsonlWriter } from '../shared/jsonl.js';

/**
 * A synthetic `.jsonl` feed for the ingest benchmark: reference units and officers, then per case
 * its case, incident, two persons and two documents, and ten events of the usual shapes. Same
 * `events` argument, same file.
 */
export async function writeIngestFeed(path: string, events: number): Promise<{ objects: number; events: number }> {
  const out = new JsonlWriter(path);
  let objects = 0;
  let written = 0;
  const write = (rec: unknown) => out.write(rec);
  const attr = (name: string, value: string, time = '2025-01-01T00:00:00+08:00') => ({ name, time, value });
  const city = 'unit:370500000000';
  await write({ object: { id: city, type: 'unit', attributes: [attr('name', '东营市公安局'), attr('kind', 'public_security'), attr('level', 'city')] } });
  objects++;
  const stations = Array.from({ length: 20 }, (_, i) => `unit:3705${String(i + 1).padStart(2, '0')}510000`);
  for (const s of stations) {
    await write({ object: { id: s, type: 'unit', attributes: [attr('name', `派出所${s.slice(-8)}`), attr('kind', 'public_security'), attr('level', 'station')], relationships: [{ objectId: city, qualifier: 'parent' }] } });
    objects++;
  }
  const officers = Array.from({ length: 200 }, (_, i) => `officer:${String(100000 + i)}`);
  for (const [i, o] of officers.entries()) {
    await write({ object: { id: o, type: 'officer', attributes: [attr('name', `民警${i}`), attr('badge_no', o.slice(8)), attr('role', 'lead')], relationships: [{ objectId: stations[i % stations.length], qualifier: 'member_of' }] } });
    objects++;
  }
  const base = Date.parse('2025-01-02T00:00:00+08:00');
  const iso = (ms: number) => new Date(ms + 8 * 3600_000).toISOString().slice(0, 19) + '+08:00';
  for (let c = 0; written < events; c++) {
    const k = `B${String(c).padStart(7, '0')}`;
    const unit = stations[c % stations.length];
    const o1 = officers[c % officers.length];
    const o2 = officers[(c + 7) % officers.length];
    const t0 = base + (c % 300) * 86_400_000 + (c % 1440) * 60_000;
    const caseId = `case:${k}`, inc = `incident:J${k}`, sus = `person:${k}-R1`, vic = `person:${k}-R2`, rec = `document:${k}-W1`, bl = `document:${k}-W2`;
    const recs = [
      { object: { id: inc, type: 'incident', attributes: [attr('channel', '110', iso(t0)), attr('category', '100100', iso(t0)), attr('urgent', 'false', iso(t0)), attr('text', '报警称电动车被盗', iso(t0))], relationships: [{ objectId: unit, qualifier: 'unit' }] } },
      { object: { id: caseId, type: 'case', attributes: [attr('kind', 'criminal', iso(t0)), attr('category', '050230', iso(t0)), attr('title', `盗窃案${k}`, iso(t0))], relationships: [{ objectId: unit, qualifier: 'unit' }, { objectId: o1, qualifier: 'officer' }] } },
      { object: { id: sus, type: 'person', attributes: [attr('name', '张某', iso(t0)), attr('role', 'suspect', iso(t0)), attr('id_number', '999999199001010011', iso(t0))], relationships: [{ objectId: caseId, qualifier: 'case' }] } },
      { object: { id: vic, type: 'person', attributes: [attr('name', '李某', iso(t0)), attr('role', 'victim', iso(t0))], relationships: [{ objectId: caseId, qualifier: 'case' }] } },
      { object: { id: rec, type: 'document', attributes: [attr('doc_type', '受案登记表', iso(t0)), attr('issued_at', iso(t0 + 3600_000), iso(t0))], relationships: [{ objectId: caseId, qualifier: 'case' }] } },
      { object: { id: bl, type: 'document', attributes: [attr('doc_type', '讯问笔录', iso(t0)), attr('pages', '6', iso(t0)), attr('signed_pages', '6', iso(t0)), attr('officer_signatures', '2', iso(t0))], relationships: [{ objectId: caseId, qualifier: 'case' }, { objectId: sus, qualifier: 'subject' }] } },
    ];
    for (const r of recs) await write(r);
    objects += recs.length;
    const ev = (n: number, type: string, dt: number, rels: [string, string][], attrs: [string, string][] = []) => ({
      event: { id: `bench:${k}-${n}`, type, time: iso(t0 + dt * 60_000), attributes: attrs.map(([name, value]) => ({ name, value })), relationships: rels.map(([objectId, qualifier]) => ({ objectId, qualifier })) },
    });
    const evs = [
      ev(1, 'incident.received', 0, [[inc, 'incident'], [unit, 'unit']]),
      ev(2, 'incident.dispatched', 2, [[inc, 'incident'], [unit, 'target_unit'], [o1, 'officer']]),
      ev(3, 'incident.arrived', 15, [[inc, 'incident'], [o1, 'officer'], [o2, 'officer']]),
      ev(4, 'incident.closed', 60, [[inc, 'incident']], [['nature', 'criminal']]),
      ev(5, 'case.accepted', 90, [[caseId, 'case'], [inc, 'incident'], [unit, 'unit'], [rec, 'document']]),
      ev(6, 'notice.served', 95, [[caseId, 'case'], [vic, 'subject']], [['notice_type', 'acceptance_receipt']]),
      ev(7, 'case.filed', 600, [[caseId, 'case'], [o2, 'approver']]),
      ev(8, 'person.brought_in', 700, [[sus, 'subject'], [caseId, 'case'], [unit, 'unit'], [o1, 'officer']], [['basis', 'summons']]),
      ev(9, 'notice.served', 710, [[caseId, 'case'], [sus, 'subject']], [['notice_type', 'rights_notice']]),
      ev(10, 'case.closed', 20_000, [[caseId, 'case']]),
    ];
    for (const e of evs) {
      if (written >= events) break;
      await write(e);
      written++;
    }
  }
  await out.close();
  return { objects, events: written };
}
