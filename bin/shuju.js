#!/usr/bin/env -S node --max-semi-space-size=64
// A young generation of 64 MB, as `npm start` and the benchmarks use: the rule engine's pages
// live for a few batches, and with the default 16 MB they are copied and promoted over and over
// (5–10 % of the live engine's CPU, docs/benchmarks.md).
// The `shuju` command. Runs the compiled build when it is at least as new as the sources
// (`npm start` and `npm run build` make it), else the TypeScript sources through tsx, so a
// development checkout never runs stale code.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const compiled = new URL('../dist/src/cli/main.js', import.meta.url);
const sources = fileURLToPath(new URL('../src', import.meta.url));

function newestSource(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = `${dir}/${entry.name}`;
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(path));
    else if (entry.name.endsWith('.ts') || entry.name.endsWith('.sql')) newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

const fresh = existsSync(compiled) && (!existsSync(sources) || statSync(compiled).mtimeMs >= newestSource(sources));
if (fresh) {
  await import(compiled.href);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import(new URL('../src/cli/main.ts', import.meta.url).href);
}
