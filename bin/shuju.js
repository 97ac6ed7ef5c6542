#!/usr/bin/env node
// The `shuju` command. Runs the compiled build when present (npm start builds it), else the
// TypeScript sources through tsx (development checkouts).
import { existsSync } from 'node:fs';

const compiled = new URL('../dist/src/cli/main.js', import.meta.url);
if (existsSync(compiled)) {
  await import(compiled.href);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import(new URL('../src/cli/main.ts', import.meta.url).href);
}
