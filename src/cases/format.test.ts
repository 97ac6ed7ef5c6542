import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { displayWidth } from '../cli/table.js';
import { formatMicros, formatTimeValue, maskName } from './format.js';

describe('presentation', () => {
  it('writes instants at +08:00, seconds always, fraction digits only when non-zero', () => {
    assert.equal(formatMicros(0n), '1970-01-01T08:00:00+08:00');
    assert.equal(formatMicros('1741610530000000'), '2025-03-10T20:42:10+08:00');
    assert.equal(formatMicros(1741610530250000n), '2025-03-10T20:42:10.25+08:00');
    assert.equal(formatMicros(1741610530000001n), '2025-03-10T20:42:10.000001+08:00');
    assert.equal(formatMicros(-1n), '1970-01-01T07:59:59.999999+08:00');
    assert.equal(formatMicros(-86_400_000_000n * 365n), '1969-01-01T08:00:00+08:00');
  });

  it('rewrites time values of any offset, and leaves other text alone', () => {
    assert.equal(formatTimeValue('2025-03-12T00:50:00Z'), '2025-03-12T08:50:00+08:00');
    assert.equal(formatTimeValue('2024-06-01T00:00:00.5-05:00'), '2024-06-01T13:00:00.5+08:00');
    assert.equal(formatTimeValue('not a time'), 'not a time');
  });

  it('masks a name down to its surname and measures wide characters', () => {
    assert.equal(maskName('王某'), '王*');
    assert.equal(maskName('欧阳娜娜'), '欧***');
    assert.equal(maskName('王'), '*');
    assert.equal(displayWidth('刑事拘留 ab'), 11);
  });
});
