import type { Command } from 'commander';
import { cliActor, withStore } from '../cli/context.js';
import { formatTable } from '../cli/table.js';
import { cliOperator } from '../org/actor.js';
import { caseTimeline, type CaseTimeline, type TimelineEvent } from './timeline.js';

/** `shuju case ID [--json]`: the case timeline as a table (time at +08:00) or as JSON. */
export function registerCaseCommands(program: Command): void {
  program
    .command('case')
    .description('show the timeline of a case (串点成线): every event of the case, its incidents, parties, property and documents')
    .argument('<id>', 'case id, e.g. case:A2503001')
    .option('--json', 'print the timeline as JSON')
    .action(async (id: string, opts: { json?: boolean }, cmd: Command) => {
      await withStore(cmd, async (db) => {
        const timeline = await caseTimeline(db, cliOperator(cliActor()), id);
        if (!timeline) {
          process.stderr.write(`case ${id} not found\n`);
          process.exitCode = 1;
          return;
        }
        process.stdout.write(opts.json ? `${JSON.stringify(timeline, null, 2)}\n` : formatTimeline(timeline));
      });
    });
}

const HEADINGS = ['时间 time', '事件 event', '人员 who', '地点 where', '来源 source'];

/** The timeline as an aligned text table, one event a row. */
export function formatTimeline(t: CaseTimeline): string {
  const a = t.case.attributes;
  const title = [t.case.id, a.title ?? a.charge, t.case.unitName, a.kind, a.category].filter(Boolean).join('  ');
  const rows = t.events.map((e) => [e.time, e.label, who(e), where(e), source(e)]);
  return [title, '', ...formatTable(HEADINGS, rows), '', `${t.events.length} events`, ''].join('\n');
}

const nameOf = (o: { id: string; name: string | null }) => o.name ?? o.id;

/** Officers taking part, then the persons acted on. */
function who(e: TimelineEvent): string {
  const officers = e.officers.map(nameOf).join('、');
  const subjects = e.objects.filter((o) => o.qualifier === 'subject').map(nameOf).join('、');
  return subjects ? `${officers}${officers ? ' → ' : ''}${subjects}` : officers;
}

/** The room, else the unit acting or addressed. */
function where(e: TimelineEvent): string {
  for (const q of ['venue', 'unit', 'target_unit']) {
    const o = e.objects.find((x) => x.qualifier === q);
    if (o) return nameOf(o);
  }
  return '';
}

/** The sending system (event id prefix, §3.1), the registered source of its import if another, the import. */
function source(e: TimelineEvent): string {
  const s = e.source;
  const system = s.source ?? '';
  const via = s.deliveredBy && s.deliveredBy !== system ? ` via ${s.deliveredBy}` : '';
  return `${system}${via} #${s.importId}${s.revision > 0 ? ` rev ${s.revision}` : ''}`.trim();
}
