import { userInfo } from 'node:os';
import type { Command } from 'commander';
import { describeStore, storeConfig } from '../config.js';
import type { Database } from '../db/database.js';
import { openDatabase } from '../db/open.js';

/** Opens the store named by the global flags, runs `fn`, and always closes the store. */
export async function withStore<T>(cmd: Command, fn: (db: Database) => Promise<T>): Promise<T> {
  const cfg = storeConfig(cmd.optsWithGlobals());
  let db: Database;
  try {
    db = await openDatabase(cfg);
  } catch (err) {
    throw new Error(`cannot open ${describeStore(cfg)}: ${(err as Error).message}`);
  }
  try {
    return await fn(db);
  } finally {
    await db.close();
  }
}

/** The audit identity of the local operator. */
export const cliActor = (): string => `cli:${userInfo().username}`;
