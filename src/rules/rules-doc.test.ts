import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { sourceDir } from '../shared/source-dir.js';
import { renderRulesDoc } from './rules-doc.js';

test('docs/rules.md is generated from the current definitions and evaluators (npm run docs:rules)', () => {
  const committed = readFileSync(sourceDir(import.meta.url, '..', '..', 'docs', 'rules.md'), 'utf8');
  assert.equal(committed, renderRulesDoc(), 'docs/rules.md is stale: run npm run docs:rules');
});
