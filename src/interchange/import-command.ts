import type { Command } from 'commander';
import cliProgress from 'cli-progress';
import { cliActor, withStore } from '../cli/context.js';
import { importFile } from './import.js';
import { processInbox } from './inbox.js';
import { RuleEngine } from '../rules/engine-service.js';
import type { ImportProfile } from './types.js';
import type { Database } from '../db/database.js';

/**
 * `shuju import FILE…`: each file is one all-or-nothing import. Prints one report per file as
 * JSON; exits 1 when any file was rejected. Shows a progress bar on a terminal.
 */
export function registerImportCommands(program: Command): void {
  program
    .command('import')
    .description('import .jsonocel / .jsonl files (each file all or nothing)')
    .argument('<files...>', 'files to import')
    .option('--source <name>', 'registered source (default: from the file name <source>_<time>_<seq>)')
    .option('--profile <profile>', 'shuju (contract registry, default) or ocel (any declared OCEL 2.0 log)', 'shuju')
    .option('--no-evaluate', 'leave rule evaluation to the running server instead of evaluating now')
    .action(async (files: string[], opts: { source?: string; profile: ImportProfile; evaluate: boolean }, cmd: Command) => {
      if (opts.profile !== 'shuju' && opts.profile !== 'ocel') throw new Error(`--profile must be shuju or ocel, not ${opts.profile}`);
      let rejected = 0;
      await withStore(cmd, async (db) => {
        for (const file of files) {
          const bar = process.stderr.isTTY
            ? new cliProgress.SingleBar({ format: `${file} [{bar}] {percentage}% {value}/{total}`, stream: process.stderr }, cliProgress.Presets.shades_classic)
            : undefined;
          let started = false;
          const report = await importFile(db, file, {
            source: opts.source,
            profile: opts.profile,
            actor: cliActor(),
            onProgress: bar
              ? (done, total) => {
                  if (!started) {
                    bar.start(total, 0);
                    started = true;
                  }
                  bar.update(done);
                }
              : undefined,
          });
          if (bar && started) {
            bar.update(bar.getTotal());
            bar.stop();
          }
          if (report.status === 'rejected') rejected++;
          console.log(JSON.stringify(report, null, 2));
        }
        if (opts.evaluate) await evaluateNow(db);
      });
      if (rejected) process.exitCode = 1;
    });

  program
    .command('inbox')
    .description('import every new file of an inbox folder, writing <file>.report.json beside each')
    .argument('<dir>', 'the inbox folder')
    .option('--source <name>', 'the source that owns this inbox')
    .option('--watch <seconds>', 'keep watching, polling every N seconds')
    .action(async (dir: string, opts: { source?: string; watch?: string }, cmd: Command) => {
      await withStore(cmd, async (db) => {
        const once = async () => {
          for (const { file, report } of await processInbox(db, dir, { source: opts.source, actor: cliActor() })) {
            console.log(`${file}: ${report.status} (${report.counts.events} events, ${report.errors.length} errors)`);
          }
          await evaluateNow(db);
        };
        await once();
        if (!opts.watch) return;
        const ms = Math.max(1, Number(opts.watch)) * 1000;
        let stop = false;
        const halt = () => (stop = true);
        process.once('SIGINT', halt);
        process.once('SIGTERM', halt);
        while (!stop) {
          await new Promise((r) => setTimeout(r, ms));
          if (!stop) await once();
        }
      });
    });
}

/** Evaluates the rules over what the imports changed (the server's worker would do it too). */
async function evaluateNow(db: Database): Promise<void> {
  const groups = await new RuleEngine(db).processDirty();
  if (groups) process.stderr.write(`rules: ${groups} cases/incidents evaluated\n`);
}
