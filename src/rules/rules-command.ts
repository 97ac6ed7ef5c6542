import type { Command } from 'commander';
import { parseInstant } from '../alerts/alerts-command.js';
import { withStore } from '../cli/context.js';
import { formatTable } from '../cli/table.js';
import { backtest } from './backtest.js';
import { ALL_RULES, isEffective } from './definitions/index.js';
import { RuleEngine, loadRuleSettings } from './engine-service.js';
import { IMPLEMENTED_RULE_IDS } from './evaluators/index.js';
import { setRuleEnabled, setRuleParams } from './settings.js';
import { regroupAll } from './store/groups.js';

/**
 * `shuju rules …`: the catalogue with its status and the bureau's settings, backtests, switching
 * rules and parameters, and rebuilding the live engine's state from the log.
 */
const collect = (value: string, previous: string[] = []) => [...previous, value];

function keyValues(pairs: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const p of pairs) {
    const i = p.indexOf('=');
    if (i <= 0) throw new Error(`expected name=value, got "${p}"`);
    out[p.slice(0, i)] = p.slice(i + 1);
  }
  return out;
}

export function registerRulesCommands(program: Command): void {
  const rules = program.command('rules').description('supervision rules: catalogue, settings, backtests');

  rules
    .command('list')
    .description('every catalogue rule with its status, and the bureau settings')
    .option('--format <format>', 'table or json', 'table')
    .action(async (opts: { format: string }, cmd: Command) => {
      await withStore(cmd, async (db) => {
        const settings = await loadRuleSettings(db);
        const now = new Date();
        const list = ALL_RULES.filter((r) => isEffective(r, now)).map((r) => ({
          id: r.id, core: r.core, name: r.name['zh-CN'], implemented: IMPLEMENTED_RULE_IDS.has(r.id),
          enabled: !(settings.disabled ?? []).includes(r.id),
          params: Object.fromEntries(Object.entries(r.parameters ?? {}).map(([k, p]) => [k, settings.params?.[r.id]?.[k] ?? p.default])),
        }));
        if (opts.format === 'json') return void process.stdout.write(`${JSON.stringify(list, null, 2)}\n`);
        const rows = list.map((r) => [r.id, r.core ? '★' : '', r.implemented ? (r.enabled ? 'on' : 'off') : 'not yet', r.name, Object.entries(r.params).map(([k, v]) => `${k}=${v}`).join(' ')]);
        process.stdout.write(`${formatTable(['rule', 'core', 'status', '名称', 'parameters'], rows).join('\n')}\n`);
      });
    });

  rules
    .command('backtest')
    .description('alerts per unit a rule (or changed parameters) would have raised over a past period')
    .argument('<rule>', 'rule id, e.g. CRIM_FILING_REVIEW_3_7_30D')
    .option('--param <name=value>', 'parameter value to try (repeatable)', collect, [])
    .requiredOption('--from <time>', 'period start, RFC 3339')
    .requiredOption('--to <time>', 'period end (exclusive), RFC 3339')
    .option('--format <format>', 'table or json', 'table')
    .action(async (ruleId: string, opts: { param: string[]; from: string; to: string; format: string }, cmd: Command) => {
      const from = parseInstant(opts.from, '--from');
      const to = parseInstant(opts.to, '--to');
      const params = keyValues(opts.param);
      await withStore(cmd, async (db) => {
        const r = await backtest(db, { ruleId, params, from, to });
        if (opts.format === 'json') return void process.stdout.write(`${JSON.stringify(r, null, 2)}\n`);
        const rows = r.units.map((u) => [u.unitId ?? '-', String(u.current), String(u.proposed), String(u.proposed - u.current)]);
        rows.push(['合计 total', String(r.total.current), String(r.total.proposed), String(r.total.proposed - r.total.current)]);
        const tried = Object.entries(r.params).map(([k, v]) => `${k}=${v}`).join(' ') || '(current parameters, rule on)';
        process.stdout.write(`${ruleId} ${opts.from} – ${opts.to}  ${tried}\n\n${formatTable(['单位 unit', '现行 current', '试行 proposed', '差 change'], rows).join('\n')}\n`);
      });
    });

  for (const [name, enabled] of [['enable', true], ['disable', false]] as const) {
    rules
      .command(name)
      .description(`switch a rule ${enabled ? 'on' : 'off'} for the bureau (every case is re-evaluated)`)
      .argument('<rule>')
      .action(async (ruleId: string, _opts: unknown, cmd: Command) => {
        await withStore(cmd, async (db) => {
          await setRuleEnabled(db, ruleId, enabled);
          process.stdout.write(`${ruleId} ${enabled ? 'enabled' : 'disabled'}\n`);
        });
      });
  }

  rules
    .command('set')
    .description('set bureau parameters of a rule, e.g. shuju rules set CASE_BACKLOG criminalDays=365')
    .argument('<rule>')
    .argument('<name=value...>')
    .action(async (ruleId: string, pairs: string[], _opts: unknown, cmd: Command) => {
      await withStore(cmd, async (db) => {
        const s = await setRuleParams(db, ruleId, keyValues(pairs));
        process.stdout.write(`${ruleId}: ${JSON.stringify(s.params?.[ruleId])}\n`);
      });
    });

  rules
    .command('reevaluate')
    .description('rebuild the live alerts from the log: regroup every event and re-evaluate every case now')
    .action(async (_opts: unknown, cmd: Command) => {
      await withStore(cmd, async (db) => {
        await db.transaction((tx) => regroupAll(tx));
        const groups = await new RuleEngine(db).processDirty();
        process.stdout.write(`${groups} groups re-evaluated\n`);
      });
    });
}
