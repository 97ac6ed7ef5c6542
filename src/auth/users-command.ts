import { Option, type Command } from 'commander';
import { audit } from '../audit/audit.js';
import { cliActor, withStore } from '../cli/context.js';
import type { Database } from '../db/database.js';
import { ROLES, cliOperator, type Role } from '../org/actor.js';
import { createApiToken } from './tokens.js';
import { UserInputError, createUser, findUser, listUsers } from './users.js';

export interface UserCommandDeps {
  withStore?: <T>(cmd: Command, fn: (db: Database) => Promise<T>) => Promise<T>;
  out?: (line: string) => void;
}

/** `shuju users add|list` and `shuju tokens create`: account administration without a browser. */
export function registerUserCommands(program: Command, deps: UserCommandDeps = {}): void {
  const open = deps.withStore ?? withStore;
  const out = deps.out ?? ((line: string) => process.stdout.write(line + '\n'));
  const operator = () => cliOperator(cliActor());
  // Input the operator can correct is reported as a one-line command error, not a stack trace.
  const run = (cmd: Command, fn: (db: Database) => Promise<void>) =>
    open(cmd, fn).catch((err: unknown) => {
      if (err instanceof UserInputError) cmd.error(`error: ${err.message}`);
      throw err;
    });

  const users = program.command('users').description('platform accounts');
  users
    .command('add')
    .description('create an account (no prompts: pass every value as a flag)')
    .requiredOption('--username <name>', 'login name')
    .addOption(new Option('--role <role>', 'what the account may do').choices(ROLES).makeOptionMandatory())
    .requiredOption('--unit <unitId>', 'unit the account belongs to, e.g. unit:370500000000')
    .requiredOption('--password <password>', 'initial password')
    .option('--display-name <name>', 'name shown in the interface (default: the username)')
    .option('--officer <officerId>', 'officer object of the account holder, e.g. officer:999101')
    .option('--locale <locale>', 'zh-CN or en', 'zh-CN')
    .action(async (o: Record<string, string>, cmd: Command) => {
      await run(cmd, async (db) => {
        const user = await createUser(db, {
          username: o.username,
          displayName: o.displayName ?? o.username,
          password: o.password,
          role: o.role as Role,
          unitId: o.unit,
          officerId: o.officer,
          locale: o.locale,
        });
        await audit(db, operator(), {
          action: 'user.create',
          resourceType: 'user',
          resourceId: String(user.id),
          detail: { role: user.role, unitId: user.unitId },
        });
        out(`created user ${user.username} (id ${user.id}, ${user.role}, ${user.unitId})`);
        const { rows } = await db.query("SELECT 1 FROM objects WHERE id = $1 AND type = 'unit'", [user.unitId]);
        if (rows.length === 0) out(`warning: unit ${user.unitId} is not in the store yet; the account sees nothing until it is imported`);
      });
    });

  users
    .command('list')
    .description('list accounts')
    .action(async (_o: unknown, cmd: Command) => {
      await run(cmd, async (db) => {
        const all = await listUsers(db);
        out(['id', 'username', 'role', 'unit', 'active', 'display name'].join('\t'));
        for (const u of all) out([u.id, u.username, u.role, u.unitId, u.active ? 'yes' : 'no', u.displayName].join('\t'));
      });
    });

  program
    .command('tokens')
    .description('API tokens of source systems')
    .command('create')
    .description('issue a token for an ingest_client account; the token is printed once')
    .requiredOption('--user <username>', 'the ingest_client account')
    .requiredOption('--name <name>', 'what the token is for, e.g. "110 dispatch feed"')
    .requiredOption('--source <source>', 'the source it delivers for (X-Source), e.g. jcj110')
    .action(async (o: { user: string; name: string; source: string }, cmd: Command) => {
      await run(cmd, async (db) => {
        const user = await findUser(db, { username: o.user });
        if (!user) throw new UserInputError('unknown_user', `no user ${o.user}`);
        const t = await createApiToken(db, { userId: user.id, name: o.name, source: o.source });
        await audit(db, operator(), {
          action: 'token.create',
          resourceType: 'api_token',
          resourceId: String(t.id),
          detail: { userId: user.id, source: t.source },
        });
        out(`token ${t.id} for ${user.username}, source ${t.source} (shown once, store it now):`);
        out(t.token);
      });
    });
}
