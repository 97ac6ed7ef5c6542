import assert from 'node:assert/strict';
import { it } from 'node:test';
import { attrAt } from '../engine/snapshot.js';
import { openTestDatabase } from '../../testing/db.js';
import { epochMs, objectOf } from './doc-rows.js';

it('an object\'s attribute history is ordered by time whatever order the server sent it in', () => {
  const t = (iso: string) => Date.parse(iso);
  const o = objectOf(['person:P1', 'person', 'unit:1', [
    ['status', t('2025-03-12T00:00:00Z'), 'released'],
    ['name', t('2025-03-10T00:00:00Z'), '王某'],
    ['status', t('2025-03-10T00:00:00Z'), 'detained'],
    ['status', t('2025-03-11T00:00:00Z'), 'arrested'],
  ], [['case', 'case:A1']], null]);
  assert.deepEqual(o.attrs.get('status')?.map((a) => a.value), ['detained', 'arrested', 'released']);
  assert.equal(attrAt(o, 'status', new Date('2025-03-11T12:00:00Z')), 'arrested');
  assert.equal(attrAt(o, 'status', new Date('2025-03-09T00:00:00Z')), undefined);
  assert.deepEqual(o.rels, [{ q: 'case', id: 'case:A1' }]);
});

it('epoch milliseconds from the server are exact: the float8 shortcut equals the numeric form and JavaScript', async () => {
  const db = await openTestDatabase();
  try {
    const edges = ['2026-01-01T00:00:00.001Z', '2026-05-05T10:10:10.9995Z', '2026-05-05T10:10:10.999999Z', '2037-12-31T23:59:59.999999Z',
      '2038-01-01T00:00:00Z', '2045-06-30T15:59:59.999Z', '1969-12-31T23:59:59.999Z', '1969-12-31T23:59:59.9999Z',
      '1902-01-01T00:00:00.000001Z', '1901-12-31T23:59:59.999999Z', '1900-01-01T00:00:00.000001Z', '2299-12-31T23:59:59.999999Z'];
    // Random instants to the microsecond from 1890 to 2110, and every millisecond of a second near 2037.
    const { rows } = await db.query<{ t: string; fast: number; exact: string }>(`
      WITH v(t) AS (SELECT unnest($1::timestamptz[])
                    UNION ALL SELECT timestamptz '1890-01-01Z' + random() * interval '220 years' FROM generate_series(1, 20000)
                    UNION ALL SELECT timestamptz '2037-06-01T12:00:00Z' + g * interval '1 millisecond' FROM generate_series(0, 999) g)
      SELECT t::text, ${epochMs('t')} AS fast, floor(extract(epoch FROM t) * 1000)::text AS exact FROM v`, [edges]);
    assert.equal(rows.length, edges.length + 21_000);
    const wrong = rows.filter((r) => Number(r.fast) !== Number(r.exact));
    assert.deepEqual(wrong.slice(0, 5), []);
    for (const [i, iso] of edges.entries()) assert.equal(Number(rows[i].fast), Math.floor(Date.parse(iso)), iso);
  } finally {
    await db.close();
  }
});
