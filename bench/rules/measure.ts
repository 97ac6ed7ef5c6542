/** Small helpers shared by the parts of bench/rules: timing, percentiles, the result table. */
import { spawnSync } from 'node:child_process';

export const seconds = (fromMs: number): number => (performance.now() - fromMs) / 1000;

/** The p-th percentile (0–100) of the values, nearest rank; NaN when there are none. */
export function percentile(values: number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank];
}

export const int = (n: number): string => Math.round(n).toLocaleString('en-US');

export interface ResultRow {
  measure: string;
  figure: string;
  goal?: string;
  met?: boolean;
}

/** Prints the rows as a Markdown table (pasted into docs/benchmarks.md as it is). */
export function printTable(rows: ResultRow[]): void {
  console.log('\n| measure | figure | goal | met |\n|---|---|---|---|');
  for (const r of rows) console.log(`| ${r.measure} | ${r.figure} | ${r.goal ?? ''} | ${r.met === undefined ? '' : r.met ? 'yes' : '**no**'} |`);
}

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** The calibration loop of docs/benchmarks.md, run as the command line the earlier rounds used. */
export const CALIBRATION_SCRIPT = 'let s=0; for (let i=0;i<1e9;i++) s+=i%7';

/**
 * Seconds this machine takes for `node -e CALIBRATION_SCRIPT`, so that figures from machines of
 * different speed (benchmark machines have differed by more than two times between sessions)
 * can be compared. A fresh process, as on the command line: the same loop inside a function is
 * optimised differently and runs three times as fast.
 */
export function calibrate(): number {
  const t = performance.now();
  const run = spawnSync(process.execPath, ['-e', CALIBRATION_SCRIPT], { stdio: 'ignore' });
  if (run.status !== 0) throw new Error(`calibration loop failed (status ${run.status})`);
  return seconds(t);
}
