import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import { from as copyFrom } from 'pg-copy-streams';
import type { Database } from '../../src/db/database.js';
import { schemaClient } from '../shared/postgres.js';

/**
 * Pending rows of `rule_deadlines` for the firing benchmark. The background — millions of
 * deadlines spread over the coming year, four alerts of two timers each per group — is loaded
 * with one COPY in fire_at order with ascending ids, so every index grows at its end (how they
 * were loaded does not matter to the firing loop; a random order takes many times longer with
 * the default 128 MB of shared buffers).
 */
const YEAR_MS = 365 * 86_400_000;
const pad = (n: number) => String(n).padStart(9, '0');

function* backgroundText(count: number, from: number, ruleIds: string[]): Generator<string> {
  const step = YEAR_MS / count;
  let lines: string[] = [];
  for (let i = 0; i < count; i++) {
    const alert = `bg${pad(i >> 1)}`;
    const kind = i & 1 ? 'due' : 'warn';
    const fireAt = from + Math.floor(i * step);
    const dueAt = kind === 'due' ? fireAt : fireAt + 6 * 3_600_000;
    lines.push(`${alert}:${kind}\tcase:BG${pad(i >> 3)}\t${alert}\t${ruleIds[(i >> 1) % ruleIds.length]}\t${kind}\t${new Date(fireAt).toISOString()}\t${new Date(dueAt).toISOString()}\n`);
    if (lines.length === 10_000) {
      yield lines.join('');
      lines = [];
    }
  }
  if (lines.length) yield lines.join('');
}

/** COPYs `count` background deadlines firing from `from` (epoch ms) over the following year. */
export async function loadBackgroundDeadlines(schema: string, count: number, from: number, ruleIds: string[]): Promise<void> {
  const client = await schemaClient(schema);
  try {
    const copy = client.query(copyFrom('COPY rule_deadlines (id, group_id, alert_id, rule_id, kind, fire_at, due_at) FROM STDIN'));
    await pipeline(Readable.from(backgroundText(count, from, ruleIds)), copy);
    await client.query('ANALYZE rule_deadlines');
  } finally {
    await client.end();
  }
}

/** One due timer per group at the given instants (each group once, so re-evaluating one never removes another). */
export async function addDueTimers(db: Database, tag: string, groups: string[], fireAt: number[], ruleId: string): Promise<void> {
  if (groups.length < fireAt.length) throw new Error(`${fireAt.length} timers need as many groups; the slice has ${groups.length}: use a larger --slice-scale`);
  const rows = fireAt.map((t, j) => {
    const alert = `${tag}${pad(j)}`;
    return [`${alert}:due`, groups[j], alert, ruleId, 'due', new Date(t), new Date(t)];
  });
  await db.copyRows('rule_deadlines', ['id', 'group_id', 'alert_id', 'rule_id', 'kind', 'fire_at', 'due_at'], rows);
}
