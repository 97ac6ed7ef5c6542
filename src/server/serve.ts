import type { AddressInfo } from 'node:net';
import type { FastifyBaseLogger, FastifyInstance } from 'fastify';
import type { Database } from '../db/database.js';
import { openDatabase, type DbConfig } from '../db/open.js';
import { RuleEngine } from '../rules/engine-service.js';
import { buildApp } from './app.js';
import { safeError } from './logger.js';

export interface DemoLogin {
  username: string;
  password: string;
  role: string;
  unitName: string;
}

/** The demo city generator's entry point (seedDemoCity in src/demo/seed.ts), replaceable in tests. */
export type DemoSeeder = (
  db: Database,
  opts: { seed?: number; onProgress?: (msg: string) => void },
) => Promise<{ logins: DemoLogin[] }>;

export interface ServeOptions {
  store: DbConfig;
  host: string;
  port: number;
  /** Seed the demo city when the store holds no objects yet. */
  demo: boolean;
  seed?: number;
  logger?: FastifyBaseLogger;
  trustProxy?: boolean | string;
  /** Where start-up messages and demo logins go (default stdout; never the log). */
  print?: (line: string) => void;
  /** Default: the generator in src/demo/seed.ts. */
  seeder?: DemoSeeder;
  /** Install SIGINT/SIGTERM handlers (default true). */
  handleSignals?: boolean;
}

export interface RunningServer {
  app: FastifyInstance;
  db: Database;
  url: string;
  /** Stops accepting, lets in-flight requests finish, then closes the store (releasing its lock). */
  close(): Promise<void>;
}

/** Demo passwords are synthetic; they are kept so that later starts can show them again. */
export const DEMO_LOGINS_KEY = 'demo.logins';
const SHUTDOWN_GRACE_MS = 10_000;

// Loaded only when a store is seeded: the generator is large and most starts do not need it.
const loadSeeder = async (): Promise<DemoSeeder> => (await import('../demo/seed.js')).seedDemoCity;

export async function storedDemoLogins(db: Database): Promise<DemoLogin[] | null> {
  const { rows } = await db.query<{ value: DemoLogin[] }>('SELECT value FROM platform_settings WHERE key = $1', [DEMO_LOGINS_KEY]);
  return rows[0]?.value ?? null;
}

async function prepareDemo(db: Database, opts: ServeOptions, print: (line: string) => void): Promise<DemoLogin[] | null> {
  const { rows } = await db.query('SELECT 1 FROM objects LIMIT 1');
  if (rows.length > 0) return storedDemoLogins(db);
  print('Empty store: generating the demo city 东营市 — synthetic data (合成演示数据), not real records…');
  const seeder = opts.seeder ?? (await loadSeeder());
  const { logins } = await seeder(db, { seed: opts.seed, onProgress: (msg) => print(`  ${msg}`) });
  await db.query(
    `INSERT INTO platform_settings (key, value, updated_at) VALUES ($1, $2, now())
     ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value, updated_at = now()`,
    [DEMO_LOGINS_KEY, JSON.stringify(logins)],
  );
  return logins;
}

function printLogins(logins: DemoLogin[], print: (line: string) => void): void {
  print('Demo logins (synthetic accounts):');
  const width = Math.max(8, ...logins.map((l) => l.username.length));
  const pwWidth = Math.max(8, ...logins.map((l) => l.password.length));
  for (const l of logins) {
    print(`  ${l.username.padEnd(width)}  ${l.password.padEnd(pwWidth)}  ${l.role.padEnd(14)}  ${l.unitName}`);
  }
}

/** `shuju serve`: open the store, seed the demo city if asked and empty, listen, stop cleanly. */
export async function serve(opts: ServeOptions): Promise<RunningServer> {
  const print = opts.print ?? ((line: string) => process.stdout.write(line + '\n'));
  const db = await openDatabase(opts.store);
  let app: FastifyInstance | undefined;
  let engine: RuleEngine | undefined;
  let stopping = false;
  try {
    const logins = opts.demo ? await prepareDemo(db, opts, print) : await storedDemoLogins(db);
    app = await buildApp({ db, logger: opts.logger, trustProxy: opts.trustProxy });
    // Responses finished during shutdown close their connection, so that kept-alive sockets
    // do not hold the shutdown open until they time out.
    app.addHook('onSend', async (_req, reply) => {
      if (stopping) reply.header('connection', 'close');
    });
    // The live rule engine: evaluates what imports changed and fires deadlines as they fall due.
    engine = new RuleEngine(db);
    const log = app.log;
    engine.start(250, (err) => log.error({ err: safeError(err) }, 'rule engine batch failed; it will be retried'));
    const e = engine;
    app.rulesNudge = () => e.nudge();
    await app.listen({ host: opts.host, port: opts.port });
    if (logins?.length) printLogins(logins, print);
  } catch (err) {
    await engine?.stop();
    await app?.close().catch(() => {});
    await db.close();
    throw err;
  }
  const { port } = app.server.address() as AddressInfo;
  const url = `http://${opts.host.includes(':') ? `[${opts.host}]` : opts.host}:${port}`;
  print(`Shuju listening on ${url} (API docs ${url}/api/docs)`);

  let closing: Promise<void> | undefined;
  const running: RunningServer = {
    app,
    db,
    url,
    close: () =>
      (closing ??= (async () => {
        stopping = true;
        // A request still running after the grace period is cut off rather than waited for.
        const force = setTimeout(() => app.server.closeAllConnections(), SHUTDOWN_GRACE_MS);
        try {
          await app.close();
        } finally {
          clearTimeout(force);
        }
        await engine?.stop();
        await db.close();
      })()),
  };
  if (opts.handleSignals !== false) {
    const onSignal = (signal: NodeJS.Signals) => {
      if (closing) process.exit(1); // a second signal: stop waiting
      print(`${signal}: finishing in-flight requests and closing the store…`);
      running.close().then(
        () => print('stopped'),
        (err: Error) => {
          print(`shutdown failed: ${err.message}`);
          process.exitCode = 1;
        },
      );
    };
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
  }
  return running;
}
