import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sourceDir } from '../shared/source-dir.js';
import type { Actor } from '../org/actor.js';
import { scopeCondition } from '../org/scope.js';

/**
 * The case queries live as plain .sql files in src/cases/sql, read once at startup so they can be
 * reviewed and run by hand. A line `-- @include <file>` pastes another file in its place (the
 * shared case closure). A `/*scope(<column>)*\/ TRUE` marker becomes the actor's unit scope.
 */
const sqlDir = (): string => sourceDir(import.meta.url, 'sql');

function load(): Map<string, string> {
  const raw = new Map<string, string>();
  for (const f of readdirSync(sqlDir())) if (f.endsWith('.sql')) raw.set(f, readFileSync(join(sqlDir(), f), 'utf8'));
  const resolve = (name: string, seen: string[]): string => {
    const text = raw.get(name);
    if (text === undefined) throw new Error(`SQL file ${name} not found in ${sqlDir()}`);
    if (seen.includes(name)) throw new Error(`SQL include cycle: ${[...seen, name].join(' → ')}`);
    return text.replace(/^-- @include (\S+)\s*$/gm, (_, inc: string) => resolve(inc, [...seen, name]).trimEnd());
  };
  return new Map([...raw.keys()].map((f) => [f, resolve(f, [])]));
}

const QUERIES = load();

export function caseSql(name: string): string {
  const q = QUERIES.get(name);
  if (q === undefined) throw new Error(`SQL file ${name} not found in ${sqlDir()}`);
  return q;
}

/**
 * Replaces every scope marker with the actor's condition on its column; the markers share the
 * scope's parameters, which start at `nextParam`.
 */
export function scoped(sql: string, actor: Actor, nextParam: number): { sql: string; params: unknown[] } {
  let params: unknown[] | undefined;
  const text = sql.replace(/\/\*scope\(([^)]+)\)\*\/ TRUE/g, (_, column: string) => {
    const cond = scopeCondition(actor, column, nextParam);
    params = cond.params;
    return `(${cond.sql})`;
  });
  if (!params) throw new Error('query has no scope marker');
  return { sql: text, params };
}
