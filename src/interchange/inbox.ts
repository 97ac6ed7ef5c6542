import { existsSync } from 'node:fs';
import { readdir, rename, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Database } from '../db/database.js';
import { importFile } from './import.js';
import type { ImportOptions, ImportReport } from './types.js';

/**
 * Inbox folders for sources without HTTP (§2.3): a source drops `.jsonocel` / `.jsonl` files
 * into its folder; each file is imported once, and its report is written beside it as
 * `<file>.report.json`. A file whose report exists has been handled (accepted or rejected).
 */
export const reportPathOf = (file: string): string => `${file}.report.json`;

/** Files still being written are left for the next pass: only files untouched for `settleMs`. */
export async function processInbox(db: Database, dir: string, opts: ImportOptions & { settleMs?: number } = {}): Promise<{ file: string; report: ImportReport }[]> {
  const settle = opts.settleMs ?? 2000;
  const names = (await readdir(dir)).filter((n) => n.endsWith('.jsonocel') || n.endsWith('.jsonl')).sort();
  const done: { file: string; report: ImportReport }[] = [];
  for (const name of names) {
    const file = join(dir, name);
    if (existsSync(reportPathOf(file))) continue;
    const st = await stat(file);
    if (Date.now() - st.mtimeMs < settle) continue;
    const report = await importFile(db, file, opts);
    const tmp = `${reportPathOf(file)}.tmp`;
    await writeFile(tmp, JSON.stringify(report, null, 2) + '\n');
    await rename(tmp, reportPathOf(file)); // the report appears whole or not at all
    done.push({ file, report });
  }
  return done;
}
