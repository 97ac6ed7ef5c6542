import type { Database } from '../db/database.js';
import type { RuleSettings } from './engine/context.js';
import type { GroupResult } from './engine/evaluate.js';
import type { Snapshot } from './engine/snapshot.js';
import { EvaluationPool } from './parallel/evaluation-pool.js';
import type { SnapshotLoader } from './store/load.js';

/**
 * Full re-evaluation as of T (RuleEngine.evaluateAll): every group, page by page, as a stream of
 * results per page. The server prepares the next pages while the rules run on this one; with
 * `workers`, the rules of several pages run at once in worker threads (parallel/), else in this
 * thread, pausing between slices so that the next page's queries go out meanwhile.
 */
export interface FullEvaluation {
  db: Database;
  loader: SnapshotLoader;
  pageSize: number;
  /** Worker threads to use (0: this thread), given that the evaluators can be rebuilt in one. */
  workers: number;
  ruleIds: string[];
  evaluate(snapshots: Snapshot[], settings: RuleSettings): Map<string, GroupResult>;
}

/** Groups evaluated in this thread between two turns of the event loop. */
const EVALUATION_SLICE = 50;

export async function* evaluatePages(run: FullEvaluation, asOf: Date, settings: RuleSettings): AsyncGenerator<Map<string, GroupResult>> {
  const first = await groupPage(run.db, '', run.pageSize);
  if (first.length === 0) return;
  // Workers pay off only beyond one page (they take a moment to start).
  if (run.workers > 0 && first.length === run.pageSize) yield* inWorkers(run, first, asOf, settings);
  else yield* inThisThread(run, first, asOf, settings);
}

async function* inWorkers(run: FullEvaluation, first: string[], asOf: Date, settings: RuleSettings): AsyncGenerator<Map<string, GroupResult>> {
  const { db, loader } = run;
  // One transaction per statement group, so the loader's session settings (no JIT) apply.
  const reference = await db.transaction((tx) => loader.on(tx).referenceDoc());
  const pool = new EvaluationPool(run.workers, { reference, ruleIds: run.ruleIds, settings, asOf: asOf.toISOString() },
    (windows) => db.transaction((tx) => loader.on(tx).venueDoc(windows)));
  try {
    const queue: Array<Promise<Map<string, GroupResult>>> = [];
    let page = first;
    for (;;) {
      // Keep every worker busy and one page more in preparation.
      while (page.length > 0 && queue.length <= run.workers) {
        const groups = page;
        const result = db.transaction((tx) => loader.on(tx).pageDocs(groups, asOf)).then((docs) => pool.evaluate(groups, docs));
        result.catch(() => {}); // awaited in turn below
        queue.push(result);
        page = groups.length < run.pageSize ? [] : await groupPage(db, groups[groups.length - 1], run.pageSize);
      }
      const next = queue.shift();
      if (!next) return;
      yield await next;
    }
  } finally {
    await pool.close();
  }
}

async function* inThisThread(run: FullEvaluation, first: string[], asOf: Date, settings: RuleSettings): AsyncGenerator<Map<string, GroupResult>> {
  type Loaded = { groups: string[]; snapshots: Snapshot[] } | undefined;
  const load = async (groups: string[]): Promise<Loaded> =>
    ({ groups, snapshots: await run.db.transaction((tx) => run.loader.on(tx).load(groups, asOf)) });
  let next = load(first);
  for (;;) {
    const loaded = await next;
    if (!loaded) return;
    const { groups, snapshots } = loaded;
    next = groups.length < run.pageSize
      ? Promise.resolve(undefined)
      : groupPage(run.db, groups[groups.length - 1], run.pageSize).then((more) => (more.length ? load(more) : undefined));
    next.catch(() => {}); // awaited on the next turn
    const results = new Map<string, GroupResult>();
    for (let i = 0; i < snapshots.length; i += EVALUATION_SLICE) {
      for (const [group, result] of run.evaluate(snapshots.slice(i, i + EVALUATION_SLICE), settings)) results.set(group, result);
      await new Promise((resolve) => setImmediate(resolve));
    }
    yield results;
  }
}

async function groupPage(db: Database, after: string, limit: number): Promise<string[]> {
  const { rows } = await db.query<{ group_id: string }>(
    `SELECT DISTINCT group_id FROM event_groups WHERE group_id > $1 AND group_id <> 'none' AND group_id NOT LIKE 'venue:%' ORDER BY group_id LIMIT $2`,
    [after, limit]);
  return rows.map((r) => r.group_id);
}
