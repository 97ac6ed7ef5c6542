import type { Command } from 'commander';
import { withStore } from '../cli/context.js';
import { migrate } from './migrate.js';

export function registerMigrateCommand(program: Command): void {
  program
    .command('migrate')
    .description('apply pending schema migrations (also done at every start)')
    .action(async (_opts, cmd: Command) => {
      await withStore(cmd, async (db) => {
        const applied = await migrate(db);
        console.log(applied.length ? `applied ${applied.join(', ')}` : 'schema up to date');
      });
    });
}
