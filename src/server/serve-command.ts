import type { Command } from 'commander';
import { storeConfig } from '../config.js';
import { serve } from './serve.js';

function parseInteger(what: string, v: string, max: number): number {
  const n = Number(v);
  if (!/^\d+$/.test(v) || n > max) throw new Error(`invalid ${what} ${v}`);
  return n;
}

export function registerServeCommand(program: Command): void {
  program
    .command('serve')
    .description('start the web server (seeds the demo city into an empty store unless --no-demo)')
    .option('--host <host>', 'address to listen on', '127.0.0.1')
    .option('--port <port>', 'port to listen on (default PORT or 3000)')
    .option('--no-demo', 'do not generate the demo city into an empty store')
    .option('--seed <n>', 'random seed of the demo city')
    .action(async (opts: { host: string; port?: string; demo: boolean; seed?: string }, cmd: Command) => {
      await serve({
        store: storeConfig(cmd.optsWithGlobals()),
        host: opts.host,
        port: parseInteger('port', opts.port ?? process.env.PORT ?? '3000', 65_535),
        demo: opts.demo,
        seed: opts.seed === undefined ? undefined : parseInteger('seed', opts.seed, 2 ** 32),
        trustProxy: process.env.SHUJU_TRUST_PROXY === 'true' ? true : process.env.SHUJU_TRUST_PROXY || undefined,
      });
    });
}
