import { Command } from 'commander';
import { registerImportCommands } from '../interchange/import-command.js';
import { registerExportCommands } from '../interchange/export-command.js';
import { registerCaseCommands } from '../cases/case-command.js';
import { registerDemoCheckCommand, registerDemoCommands } from '../demo/demo-command.js';
import { registerServeCommand } from '../server/serve-command.js';
import { registerUserCommands } from '../auth/users-command.js';
import { registerMigrateCommand } from '../db/migrate-command.js';
import { registerAlertsCommand } from '../alerts/alerts-command.js';
import { registerRulesCommands } from '../rules/rules-command.js';

/**
 * The `shuju` command line: a thin shell over the same use cases the HTTP routes call. Each
 * domain registers its own sub-commands. The CLI acts as the local operator (city-wide scope);
 * reads of personal data it makes are audited as `cli:<os user>`.
 */
const program = new Command('shuju')
  .description('Shuju (数炬) law-enforcement supervision platform')
  .option('--data-dir <dir>', 'PGlite data directory (default ./data, or SHUJU_DATA_DIR)')
  .option('--database-url <url>', 'PostgreSQL server instead of PGlite (or DATABASE_URL)');

registerServeCommand(program);
registerImportCommands(program);
registerExportCommands(program);
registerCaseCommands(program);
registerDemoCommands(program);
registerDemoCheckCommand(program);
registerUserCommands(program);
registerMigrateCommand(program);
registerAlertsCommand(program);
registerRulesCommands(program);

await program.parseAsync(process.argv);
