import type { Database, Queryable } from '../db/database.js';
import type { HolidayCalendar } from '../legal-time/calendar.js';
import { platformCalendar } from './calendar.js';
import type { RuleEvaluator, RuleSettings } from './engine/context.js';
import { evaluateGroup, type GroupResult } from './engine/evaluate.js';
import { EVALUATORS } from './evaluators/index.js';
import { evaluatePages } from './full-evaluation.js';
import { defaultWorkers } from './parallel/evaluation-pool.js';
import { saveGroupResults } from './store/alerts-repository.js';
import { ownGroups, SnapshotLoader } from './store/load.js';

/**
 * The live rule engine (时时办): re-evaluates groups an import marked dirty, and fires pending
 * deadlines when their instant comes — both claimed with FOR UPDATE SKIP LOCKED, so several
 * workers (processes) share the work and a crash only rolls a batch back to be claimed again.
 * Also full re-evaluation as of any T, the same function over every group.
 */
export const SETTINGS_KEY = 'rules.settings';

export async function loadRuleSettings(db: Queryable): Promise<RuleSettings> {
  const { rows } = await db.query<{ value: unknown }>(`SELECT value FROM platform_settings WHERE key = $1`, [SETTINGS_KEY]);
  const v = rows[0]?.value;
  return (typeof v === 'string' ? JSON.parse(v) : v ?? {}) as RuleSettings;
}

/** Batches of dirty groups in flight at once (see processDirty). */
const DIRTY_LANES = 2;

export interface EngineOptions {
  calendar?: HolidayCalendar;
  evaluators?: RuleEvaluator[];
  /** Groups per transaction. */
  batch?: number;
  /** Worker threads of a full re-evaluation (default: one per core but one, at least one; 0: none). */
  workers?: number;
}

export class RuleEngine {
  readonly calendar: HolidayCalendar;
  readonly evaluators: RuleEvaluator[];
  private readonly batch: number;
  /** Keeps the reference data (units, officers, venues) from one batch to the next. */
  private readonly loader: SnapshotLoader;
  private readonly workers: number;
  private readonly ownCalendar: boolean;
  private timer?: NodeJS.Timeout;
  private running?: Promise<unknown>;
  private active = false;
  private tick?: () => Promise<void>;

  constructor(private readonly db: Database, opts: EngineOptions = {}) {
    this.calendar = opts.calendar ?? platformCalendar();
    this.evaluators = opts.evaluators ?? EVALUATORS;
    this.batch = opts.batch ?? 500;
    this.loader = new SnapshotLoader(db);
    this.workers = opts.workers ?? defaultWorkers();
    this.ownCalendar = opts.calendar === undefined;
  }

  evaluate(snapshots: Awaited<ReturnType<SnapshotLoader['load']>>, settings: RuleSettings): Map<string, GroupResult> {
    const opts = { calendar: this.calendar, evaluators: this.evaluators, settings };
    return new Map(snapshots.map((s) => [s.groupId, evaluateGroup(s, opts)]));
  }

  /**
   * Re-evaluates dirty groups as of `now` until none are left; returns how many groups. Two
   * batches are in flight, each in its own transaction with the same claim several processes use:
   * while this thread evaluates one, the server loads the next (on PGlite they take turns).
   * (Worker threads, as in evaluateAll, were tried twice: they start cold on every call, and
   * handing documents and results across threads costs more than they save — docs/benchmarks.md.)
   */
  async processDirty(now: Date = new Date()): Promise<number> {
    const lane = async (): Promise<number> => {
      let total = 0;
      for (;;) {
        const n = await this.db.transaction(async (tx) => {
          const { rows } = await tx.query<{ group_id: string }>(
            `DELETE FROM rule_dirty_groups WHERE group_id IN (
               SELECT group_id FROM rule_dirty_groups ORDER BY group_id LIMIT $1 FOR UPDATE SKIP LOCKED) RETURNING group_id`, [this.batch]);
          if (rows.length) await this.reevaluate(tx, rows.map((r) => r.group_id), now);
          return rows.length;
        });
        total += n;
        if (n < this.batch) return total;
      }
    };
    const counts = await Promise.all(Array.from({ length: DIRTY_LANES }, lane));
    return counts.reduce((a, b) => a + b, 0);
  }

  /** Fires the deadlines due by `now` (warnings, overdue): re-evaluates their groups as of now. */
  async fireDue(now: Date = new Date()): Promise<{ groups: number; lateness: number[] }> {
    let groups = 0;
    const lateness: number[] = [];
    for (;;) {
      const n = await this.db.transaction(async (tx) => {
        const { rows } = await tx.query<{ group_id: string; fire_at: Date }>(
          `SELECT group_id, fire_at FROM rule_deadlines WHERE fire_at <= $1 ORDER BY fire_at LIMIT $2 FOR UPDATE SKIP LOCKED`,
          [now.toISOString(), this.batch]);
        if (rows.length === 0) return 0;
        const ids = [...new Set(rows.map((r) => r.group_id))];
        await this.reevaluate(tx, ids, now);
        const firedAt = Date.now();
        for (const r of rows) lateness.push(firedAt - new Date(r.fire_at).getTime());
        return rows.length;
      });
      if (n === 0) return { groups, lateness };
      groups += n;
    }
  }

  private async reevaluate(tx: Queryable, groupIds: string[], now: Date): Promise<void> {
    const settings = await loadRuleSettings(tx);
    const ids = ownGroups(groupIds);
    const results = this.evaluate(await this.loader.on(tx).load(ids, now), settings);
    // Groups with nothing left (a void removed their last event) still clear their old alerts.
    for (const g of ids) if (!results.has(g)) results.set(g, { alerts: [], timers: [] });
    await saveGroupResults(tx, results);
  }

  /**
   * Full re-evaluation as of T: every group, in pages, as a stream of results (nothing is
   * written). `settings` lets a backtest try other parameter values. See full-evaluation.ts.
   */
  async *evaluateAll(asOf: Date, settings?: RuleSettings): AsyncGenerator<Map<string, GroupResult>> {
    const effective = settings ?? (await loadRuleSettings(this.db));
    yield* evaluatePages({
      db: this.db, loader: this.loader, pageSize: this.batch * 4, workers: this.portable() ? this.workers : 0,
      ruleIds: this.ruleIds(), evaluate: (snapshots, s) => this.evaluate(snapshots, s),
    }, asOf, effective);
  }

  /** Whether worker threads can rebuild this engine's evaluators and calendar (they do so by name). */
  private portable(): boolean {
    return this.ownCalendar && this.evaluators.every((e) => EVALUATORS.includes(e));
  }

  private ruleIds(): string[] {
    return this.evaluators.map((e) => e.ruleId);
  }

  /** Runs the worker loop: dirty groups and due deadlines, every `intervalMs`, until stop(). */
  start(intervalMs = 1000, onError: (err: unknown) => void = () => {}): void {
    this.active = true;
    this.tick = async () => {
      this.timer = undefined;
      try {
        this.running = (async () => {
          await this.processDirty();
          await this.fireDue();
        })();
        await this.running;
      } catch (err) {
        onError(err);
      } finally {
        this.running = undefined;
        if (this.active) this.timer = setTimeout(this.tick!, intervalMs);
      }
    };
    this.timer = setTimeout(this.tick, 0);
  }

  /** Asks the loop to run now (after an import) instead of at its next tick. */
  nudge(): void {
    if (this.active && this.timer && !this.running) {
      clearTimeout(this.timer);
      this.timer = setTimeout(this.tick!, 0);
    }
  }

  async stop(): Promise<void> {
    this.active = false;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    await this.running?.catch(() => {});
  }
}
