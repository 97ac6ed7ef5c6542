import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { RuleSettings } from '../engine/context.js';
import type { GroupResult } from '../engine/evaluate.js';
import type { PageDocs } from '../store/page.js';
import type { VenueDoc, VenueWindow } from '../store/venue-events.js';

/**
 * Worker threads for a full re-evaluation: the engine's thread runs the queries and hands each
 * page's documents (plain strings, cheap to pass) to a worker, which parses them and runs the
 * rules; so the rules of several pages run at once, on every core, while the server prepares the
 * next pages. Only the platform's own evaluators and calendar can be rebuilt in a worker (they
 * are code); the engine keeps anything else in its own thread.
 */
export interface WorkerInit {
  reference: unknown;
  ruleIds: string[];
  settings: RuleSettings;
  asOf: string;
}

export type ToWorker =
  | { kind: 'page'; page: number; groups: string[]; docs: PageDocs }
  | { kind: 'venues'; page: number; doc: VenueDoc };

export type FromWorker =
  | { kind: 'venues'; page: number; windows: Array<[string, VenueWindow]> }
  | { kind: 'done'; page: number; results: Array<[string, GroupResult]> }
  | { kind: 'failed'; page: number; message: string };

/**
 * Workers by default: one per core but one, at least one. The engine's thread mostly waits for
 * the server, which needs a core of its own. On the two-core benchmark machine workers saved
 * 14 % while it was otherwise idle and cost 30 % while other processes kept both cores busy
 * (docs/benchmarks.md, bench/rules).
 */
export const defaultWorkers = (): number => Math.max(1, availableParallelism() - 1);

// Built, the worker is the compiled file. Under tsx (tests, development) it is the TypeScript
// source, which a worker thread can only load after registering tsx itself (Node 20 does not
// pass --import hooks on to workers).
const fromSource = (): boolean => fileURLToPath(import.meta.url).endsWith('.ts');

function startWorker(init: WorkerInit): Worker {
  if (!fromSource()) return new Worker(new URL('./evaluation-worker.js', import.meta.url), { workerData: init });
  const source = new URL('./evaluation-worker.ts', import.meta.url).href;
  const bootstrap = `import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(source)}); })`;
  return new Worker(bootstrap, { eval: true, workerData: init });
}

interface Pending {
  resolve: (results: Map<string, GroupResult>) => void;
  reject: (err: Error) => void;
  worker: Worker;
}

export class EvaluationPool {
  private readonly workers: Worker[];
  private readonly pending = new Map<number, Pending>();
  private readonly load = new Map<Worker, number>();
  private nextPage = 0;

  /** `venues` answers a worker's request for the venue feed of a page's windows. */
  constructor(count: number, init: WorkerInit, private readonly venues: (windows: Map<string, VenueWindow>) => Promise<VenueDoc>) {
    this.workers = Array.from({ length: count }, () => {
      const w = startWorker(init);
      w.on('message', (m: FromWorker) => this.receive(w, m));
      w.on('error', (err) => this.failAll(w, err));
      this.load.set(w, 0);
      return w;
    });
  }

  /** Evaluates a page on the least busy worker. */
  evaluate(groups: string[], docs: PageDocs): Promise<Map<string, GroupResult>> {
    const page = this.nextPage++;
    const worker = this.workers.reduce((a, b) => (this.load.get(b)! < this.load.get(a)! ? b : a));
    this.load.set(worker, this.load.get(worker)! + 1);
    return new Promise((resolve, reject) => {
      this.pending.set(page, { resolve, reject, worker });
      worker.postMessage({ kind: 'page', page, groups, docs } satisfies ToWorker);
    });
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }

  private receive(worker: Worker, m: FromWorker): void {
    if (m.kind === 'venues') {
      this.venues(new Map(m.windows)).then(
        (doc) => worker.postMessage({ kind: 'venues', page: m.page, doc } satisfies ToWorker),
        (err: Error) => this.settle(m.page, err),
      );
      return;
    }
    this.settle(m.page, m.kind === 'done' ? new Map(m.results) : new Error(m.message));
  }

  private settle(page: number, outcome: Map<string, GroupResult> | Error): void {
    const p = this.pending.get(page);
    if (!p) return;
    this.pending.delete(page);
    this.load.set(p.worker, this.load.get(p.worker)! - 1);
    if (outcome instanceof Error) p.reject(outcome);
    else p.resolve(outcome);
  }

  private failAll(worker: Worker, err: Error): void {
    for (const [page, p] of this.pending) if (p.worker === worker) this.settle(page, err);
  }
}
