import { createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { finished } from 'node:stream/promises';
import type { Command } from 'commander';
import { cliActor, withStore } from '../cli/context.js';
import { cliOperator } from '../org/actor.js';
import { writeExport } from './export.js';

/** `shuju export [--case ID] [--out FILE] [--unmasked]`: the log (or a case) as `.jsonocel`. */
export function registerExportCommands(program: Command): void {
  program
    .command('export')
    .description('export the event log, or one case, as OCEL 2.0 JSON ([S] fields masked unless --unmasked)')
    .option('--case <id>', 'only this case: the case, its incidents, parties, property, documents and their events')
    .option('--out <file>', 'write to this file instead of standard output')
    .option('--unmasked', 'id numbers, phones and incident texts in clear (the export is audited)')
    .action(async (opts: { case?: string; out?: string; unmasked?: boolean }, cmd: Command) => {
      await withStore(cmd, async (db) => {
        const actor = cliOperator(cliActor());
        const exportOpts = { caseId: opts.case, unmasked: opts.unmasked === true };
        if (!opts.out) {
          await writeExport(db, actor, exportOpts, process.stdout);
          return;
        }
        // Written beside the target and renamed at the end: a failed export leaves no half file.
        const partial = `${opts.out}.partial`;
        const file = createWriteStream(partial);
        try {
          const summary = await writeExport(db, actor, exportOpts, file);
          file.end();
          await finished(file);
          await rename(partial, opts.out);
          console.error(`exported ${summary.objects} objects and ${summary.events} events to ${opts.out}`);
        } catch (err) {
          file.destroy();
          await rm(partial, { force: true });
          throw err;
        }
      });
    });
}
