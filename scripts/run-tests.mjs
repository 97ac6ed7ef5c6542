#!/usr/bin/env node
// Runs every *.test.ts once on embedded PGlite and once on the PostgreSQL server, with Node's
// own test runner. Usage: npm test [-- --backend pglite|postgres] [-- path-filter…]
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const args = process.argv.slice(2);
let backends = ['pglite', 'postgres'];
const filters = [];
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--backend') backends = [args[++i]];
  else filters.push(args[i]);
}

function find(dir) {
  const out = [];
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name.startsWith('.')) continue;
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...find(p));
    else if (name.endsWith('.test.ts')) out.push(p);
  }
  return out;
}
const files = ['src', 'test', 'bench']
  .flatMap((d) => { try { return find(d); } catch { return []; } })
  .filter((f) => filters.length === 0 || filters.some((x) => f.includes(x)))
  .sort();
if (files.length === 0) {
  console.error('no test files found');
  process.exit(1);
}
let failed = false;
for (const backend of backends) {
  console.log(`\n=== ${files.length} test files on ${backend} ===`);
  const r = spawnSync(
    process.execPath,
    ['--import', 'tsx', '--test', '--test-concurrency=2', '--test-reporter=spec', ...files],
    { stdio: 'inherit', env: { ...process.env, SHUJU_TEST_BACKEND: backend, TZ: process.env.TZ ?? 'UTC' } },
  );
  if (r.status !== 0) failed = true;
}
process.exit(failed ? 1 : 0);
