import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The read-only reference folder beside the checkout (../shared), as CI lays it out. */
export const sharedDir = (): string =>
  process.env.SHUJU_SHARED_DIR ?? join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'shared');

export const readShared = (rel: string): string => readFileSync(join(sharedDir(), rel), 'utf8');

/**
 * The code block under a heading of the binding interchange spec (e.g. '12.1', '12.2'), read at
 * test time so the tests follow the spec rather than a copy of it.
 */
export function specExample(section: string): string {
  const md = readShared('spec/interchange.md');
  const start = md.indexOf(`### ${section} `);
  if (start < 0) throw new Error(`spec section ${section} not found`);
  const open = md.indexOf('```', start);
  const bodyStart = md.indexOf('\n', open) + 1;
  const close = md.indexOf('\n```', bodyStart);
  return md.slice(bodyStart, close + 1);
}
