import assert from 'node:assert/strict';
import { test } from 'node:test';
import { merged, uncovered } from './spans.js';

test('uncovered: the open parts of a window, overlapping and out-of-order spans merged', () => {
  assert.deepEqual(uncovered([], 0, 10), [[0, 10]]);
  assert.deepEqual(uncovered([[5, 7], [0, 2], [1, 3]], 0, 10), [[3, 5], [7, 10]]);
  assert.deepEqual(uncovered([[-5, 20]], 0, 10), []);
  assert.deepEqual(uncovered([[10, 12]], 0, 10), [[0, 10]], 'a span starting at the end covers nothing');
});

test('merged: overlapping and meeting spans joined, in time order, the input left as it was', () => {
  const input: Array<[number, number]> = [[5, 7], [0, 2], [2, 3], [6, 9], [10, 11]];
  assert.deepEqual(merged(input), [[0, 3], [5, 9], [10, 11]]);
  assert.deepEqual(input[0], [5, 7]);
  assert.deepEqual(merged([]), []);
});
