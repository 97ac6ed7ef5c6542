import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Command } from 'commander';
import type { Database } from '../db/database.js';
import { openTestDatabase } from '../testing/db.js';
import { tokenUser } from './tokens.js';
import { registerUserCommands } from './users-command.js';
import { verifyLogin } from './users.js';

describe('shuju users / tokens', () => {
  let db: Database;
  const out: string[] = [];
  const run = async (...args: string[]) => {
    const program = new Command('shuju').exitOverride().configureOutput({ writeErr: () => {} });
    registerUserCommands(program, { withStore: (_cmd, fn) => fn(db), out: (l) => void out.push(l) });
    out.length = 0;
    await program.parseAsync(['node', 'shuju', ...args]);
    return out.join('\n');
  };

  before(async () => {
    db = await openTestDatabase();
  });
  after(async () => db.close());

  it('adds a user without prompts, audited as the CLI operator', async () => {
    const text = await run('users', 'add', '--username', 'admin', '--role', 'admin', '--unit', 'unit:370500000000', '--password', 'Admin-pass-1', '--display-name', '系统管理员');
    assert.match(text, /created user admin/);
    assert.match(text, /warning: unit unit:370500000000 is not in the store yet/);
    const user = await verifyLogin(db, 'admin', 'Admin-pass-1');
    assert.equal(user?.displayName, '系统管理员');
    const { rows } = await db.query<{ username: string; action: string }>("SELECT username, action FROM audit_log WHERE action = 'user.create'");
    assert.match(rows[0].username, /^cli:/);
  });

  it('refuses an unknown role before touching the store', async () => {
    await assert.rejects(run('users', 'add', '--username', 'x1', '--role', 'root', '--unit', 'unit:1', '--password', 'Admin-pass-1'), /argument 'root' is invalid/);
  });

  it('lists users', async () => {
    const text = await run('users', 'list');
    assert.match(text, /^id\tusername/);
    assert.match(text, /\tadmin\tadmin\tunit:370500000000\tyes\t系统管理员/);
  });

  it('creates a token for an ingest client and prints it once', async () => {
    await run('users', 'add', '--username', 'feed', '--role', 'ingest_client', '--unit', 'unit:370500000000', '--password', 'Feed-pass-12');
    const text = await run('tokens', 'create', '--user', 'feed', '--name', '110 feed', '--source', 'jcj110');
    const token = text.split('\n').at(-1)!;
    assert.match(token, /^shj_/);
    assert.equal((await tokenUser(db, token))?.source, 'jcj110');
    await assert.rejects(run('tokens', 'create', '--user', 'admin', '--name', 'x', '--source', 'jcj110'), /ingest_client/);
    await assert.rejects(run('tokens', 'create', '--user', 'ghost', '--name', 'x', '--source', 'jcj110'), /no user ghost/);
  });
});
