import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { withStore } from '../cli/context.js';
import { DEFAULT_SEED } from './city.js';
import type { DemoRecord } from './records.js';
import { generateDemoCity, seedDemoCity } from './seed.js';
import { demoRecall } from './recall.js';

/**
 * `shuju demo [--seed N] [--scale F] [--out FILE.jsonl]`: generates the synthetic demo city
 * 东营市 and either writes its records as a `.jsonl` stream (with the defect manifest beside it)
 * or imports them into the configured store and creates the demo accounts.
 */
export function registerDemoCommands(program: Command): void {
  program
    .command('demo')
    .description('generate the synthetic demo city 东营市 (one year of incidents and cases) and seed the store')
    .option('--seed <n>', 'seed of the generator (same seed, same city)', String(DEFAULT_SEED))
    .option('--scale <f>', 'share of the default volume of 30,000 incidents', '1')
    .option('--out <file>', 'write the records to this .jsonl file instead of seeding the store')
    .action(async (opts: { seed: string; scale: string; out?: string }, cmd: Command) => {
      const seed = Number(opts.seed);
      const scale = Number(opts.scale);
      if (!Number.isInteger(seed) || seed < 0) throw new Error(`--seed must be a non-negative integer, not ${opts.seed}`);
      if (!(scale > 0 && scale <= 10)) throw new Error(`--scale must be a number in (0, 10], not ${opts.scale}`);
      const say = (msg: string) => console.error(msg);
      if (opts.out) {
        const { records, manifest } = generateDemoCity({ seed, scale });
        await writeJsonl(opts.out, records);
        const manifestFile = opts.out.replace(/\.jsonl$/, '') + '.manifest.json';
        await writeFile(manifestFile, JSON.stringify(manifest, null, 2) + '\n');
        say(`wrote ${records.length} records to ${opts.out} and ${manifest.defects.length} planted defects to ${manifestFile}`);
        return;
      }
      await withStore(cmd, async (db) => {
        const { logins } = await seedDemoCity(db, { seed, scale, onProgress: say });
        console.log('Demo accounts (synthetic data; change these passwords before any shared use):');
        for (const l of logins) console.log(`  ${l.username.padEnd(16)} ${l.password.padEnd(12)} ${l.role.padEnd(14)} ${l.unitName}`);
      });
    });
}

/** `shuju demo-check`: the rule engine's recall of the planted defects, and what else it raised. */
export function registerDemoCheckCommand(program: Command): void {
  program
    .command('demo-check')
    .description('evaluate the rules on the demo city as of its anchor: recall per planted defect kind, and any other problem alert')
    .option('--json', 'print the whole report as JSON')
    .action(async (opts: { json?: boolean }, cmd: Command) => {
      await withStore(cmd, async (db) => {
        const r = await demoRecall(db);
        if (opts.json) return void console.log(JSON.stringify(r, null, 2));
        console.log(`as of ${r.asOf}: ${r.alerts} alerts`);
        for (const k of r.kinds) console.log(`  ${k.ruleId.padEnd(34)} planted ${String(k.planted).padStart(4)}  found ${String(k.found).padStart(4)}  recall ${k.recall.toFixed(3)}`);
        const byRule = new Map<string, number>();
        for (const a of r.unexpected) byRule.set(a.ruleId, (byRule.get(a.ruleId) ?? 0) + 1);
        console.log(`problem alerts no planted defect explains: ${r.unexpected.length}`);
        for (const [rule, n] of [...byRule].sort((a, b) => b[1] - a[1])) console.log(`  ${rule.padEnd(34)} ${n}`);
        if (r.missed.length || r.unexpected.length) process.exitCode = 1;
      });
    });
}

async function writeJsonl(path: string, records: DemoRecord[]): Promise<void> {
  const out = createWriteStream(path, { encoding: 'utf8' });
  const batch = 5_000;
  for (let i = 0; i < records.length; i += batch) {
    const text = records.slice(i, i + batch).map((r) => JSON.stringify(r)).join('\n') + '\n';
    if (!out.write(text)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
}
