import assert from 'node:assert/strict';
import { it } from 'node:test';
import { attrAt } from '../engine/snapshot.js';
import { objectOf } from './doc-rows.js';

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
