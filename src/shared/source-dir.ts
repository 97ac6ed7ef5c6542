import { dirname, join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * A folder of non-TypeScript files (SQL) that lives beside a module in src/. From a compiled
 * module in dist/src/… it points back into src/, since tsc copies no .sql files.
 */
export function sourceDir(moduleUrl: string, ...segments: string[]): string {
  const here = dirname(fileURLToPath(moduleUrl));
  const compiled = `${sep}dist${sep}src${sep}`;
  const i = here.lastIndexOf(compiled);
  const source = i < 0 ? here : here.slice(0, i) + `${sep}src${sep}` + here.slice(i + compiled.length);
  return join(source, ...segments);
}
