import type { Command } from 'commander';
import { cliActor, withStore } from '../cli/context.js';
import { formatTable } from '../cli/table.js';
import { cliOperator } from '../org/actor.js';
import { alertsAsOf, pendingAsOf } from '../rules/alerts-as-of.js';
import { RuleEngine } from '../rules/engine-service.js';
import type { Alert } from '../rules/engine/finding.js';
import { listAlerts } from './repository.js';
import { alertView, at0800, timerView, type AlertView } from './view.js';

/**
 * `shuju alerts`: the live alerts (after evaluating whatever is dirty or due), or with
 * `--as-of T` the alerts as they stood at T by full re-evaluation of the stored log (§13).
 */
interface AlertsOptions {
  asOf?: string;
  format: string;
  rule?: string;
  case?: string;
  status?: string;
  pending?: boolean;
  limit: string;
}

export function registerAlertsCommand(program: Command): void {
  program
    .command('alerts')
    .description('list supervision alerts (预警/超期/违规): live, or as they stood at an instant')
    .option('--as-of <time>', 'evaluate the stored log as of this RFC 3339 instant, e.g. 2025-03-13T16:00:00+08:00')
    .option('--format <format>', 'table or json', 'table')
    .option('--rule <id>', 'only this rule')
    .option('--case <id>', 'only this case')
    .option('--status <status>', 'only this status: open, resolved, complied_late, retracted')
    .option('--pending', 'list the pending deadlines (timers) instead of alerts')
    .option('--limit <n>', 'live list: at most this many alerts', '1000')
    .action(async (opts: AlertsOptions, cmd: Command) => {
      if (!['table', 'json'].includes(opts.format)) throw new Error(`--format must be table or json, got "${opts.format}"`);
      const asOf = opts.asOf === undefined ? undefined : parseInstant(opts.asOf, '--as-of');
      await withStore(cmd, async (db) => {
        const ruleIds = opts.rule ? [opts.rule] : undefined;
        if (opts.pending) {
          const timers = (await pendingAsOf(db, asOf ?? new Date(), { ruleIds })).map(timerView);
          process.stdout.write(opts.format === 'json' ? `${JSON.stringify(timers, null, 2)}\n`
            : `${formatTable(['到期 due', '类型 kind', '规则 rule', '对象 subject'], timers.map((t) => [t.dueAt, t.kind, t.ruleId, t.subject.id])).join('\n')}\n${timers.length} pending\n`);
          return;
        }
        let alerts: Alert[];
        if (asOf) {
          alerts = await alertsAsOf(db, asOf, { ruleIds });
        } else {
          const engine = new RuleEngine(db);
          await engine.processDirty();
          await engine.fireDue();
          alerts = (await listAlerts(db, cliOperator(cliActor()), { ruleId: opts.rule, pageSize: Number(opts.limit) })).items;
        }
        const views = alerts.map(alertView)
          .filter((a) => !opts.case || a.caseId === opts.case)
          .filter((a) => !opts.status || a.status === opts.status);
        process.stdout.write(opts.format === 'json' ? `${JSON.stringify(views, null, 2)}\n` : formatAlerts(views, asOf));
      });
    });
}

export function parseInstant(text: string, flag: string): Date {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(text) || Number.isNaN(Date.parse(text))) {
    throw new Error(`${flag} must be an RFC 3339 instant with offset, e.g. 2025-03-13T16:00:00+08:00; got "${text}"`);
  }
  return new Date(text);
}

const LEVEL = { warning: '预警', overdue: '超期', violation: '违规' } as const;
const STATUS = { open: '未处理', resolved: '已按期履行', complied_late: '逾期履行', retracted: '已撤销' } as const;

function formatAlerts(views: AlertView[], asOf: Date | undefined): string {
  const rows = views.map((a) => [a.raisedAt.slice(0, 16).replace('T', ' '), `${LEVEL[a.level]} ${a.severity}`, STATUS[a.status], a.ruleId, a.caseId ?? a.subject.id, a.message]);
  const title = asOf ? `截至 as of ${at0800(asOf.toISOString())}` : '实时 live';
  return [title, '', ...formatTable(['发出 raised', '级别 level', '状态 status', '规则 rule', '案件 case', '说明 explanation'], rows), '', `${views.length} alerts`, ''].join('\n');
}
