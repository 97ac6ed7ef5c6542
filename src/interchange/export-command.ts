import { createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { finished } from 'node:stream/promises';
import type { Command } from 'commander';
import { cliActor, withStore } from '../cli/context.js';
import type { Database } from '../db/database.js';
import { cliOperator } from '../org/actor.js';
import { ExportError, writeExport, type ExportOptions } from './export.js';

interface Flags {
  case?: string;
  out?: string;
  unmasked?: boolean;
}

/** `shuju export [--case ID] [--out FILE] [--unmasked]`: the log (or a case) as `.jsonocel`. */
export function registerExportCommands(program: Command): void {
  program
    .command('export')
    .description('export the event log, or one case, as OCEL 2.0 JSON ([S] fields masked unless --unmasked)')
    .option('--case <id>', 'only this case: the case, its incidents, parties, property, documents and their events')
    .option('--out <file>', 'write to this file instead of standard output')
    .option('--unmasked', 'id numbers, phones and incident texts in clear (the export is audited)')
    .action(async (flags: Flags, cmd: Command) => {
      const opts: ExportOptions = { caseId: flags.case, unmasked: flags.unmasked === true };
      await withStore(cmd, (db) => (flags.out ? exportToFile(db, opts, flags.out) : exportToStdout(db, opts))).catch(
        (err: unknown) => {
          if (!(err instanceof ExportError)) throw err;
          process.stderr.write(`${err.message}\n`);
          process.exitCode = 1;
        },
      );
    });
}

const operator = () => cliOperator(cliActor());

async function exportToStdout(db: Database, opts: ExportOptions): Promise<void> {
  await writeExport(db, operator(), opts, process.stdout);
}

/** Written beside the target and renamed at the end: a failed export leaves no half file. */
async function exportToFile(db: Database, opts: ExportOptions, path: string): Promise<void> {
  const partial = `${path}.partial`;
  const file = createWriteStream(partial);
  try {
    const summary = await writeExport(db, operator(), opts, file);
    file.end();
    await finished(file);
    await rename(partial, path);
    process.stderr.write(`exported ${summary.objects} objects and ${summary.events} events to ${path}\n`);
  } catch (err) {
    file.destroy();
    await rm(partial, { force: true });
    throw err;
  }
}
