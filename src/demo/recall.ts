import type { Database } from '../db/database.js';
import { alertsAsOf } from '../rules/alerts-as-of.js';
import type { Alert } from '../rules/engine/finding.js';
import type { DemoManifest } from './city.js';
import { DEFECT_KIND_NAMES, type DefectKind, type PlantedDefect } from './defects.js';

/**
 * How well the rule engine finds the demo city's planted defects (issue 3 acceptance): the
 * alerts as of the manifest's instant, matched to the planted defects by rule and by the case
 * or incident and events each defect names. Recall per kind; and every problem alert (overdue or
 * violation) that matches no planted defect, so a person can read the data behind it.
 */
export interface RecallReport {
  asOf: string;
  kinds: Array<{ kind: DefectKind; ruleId: string; planted: number; found: number; recall: number }>;
  missed: PlantedDefect[];
  /** Problem alerts of any rule that no planted defect explains. */
  unexpected: Alert[];
  alerts: number;
}

export async function storedManifest(db: Database): Promise<DemoManifest | null> {
  const { rows } = await db.query<{ value: unknown }>(`SELECT value FROM platform_settings WHERE key = 'demo.manifest'`);
  const v = rows[0]?.value;
  return (typeof v === 'string' ? JSON.parse(v) : v ?? null) as DemoManifest | null;
}

/** A planted defect is found by an alert of its rule on its case (or incident) whose trigger or evidence is one of its events. */
function explains(d: PlantedDefect, a: Alert): boolean {
  if (a.ruleId !== d.ruleId) return false;
  if (d.caseId ? a.caseId !== d.caseId : a.incidentId !== d.incidentId) return false;
  const events = new Set(d.eventIds);
  const objects = new Set([...(d.objectIds ?? []), ...(d.subjectId ? [d.subjectId] : [])]);
  return events.has(a.triggerEventId) || a.evidenceEventIds.some((e) => events.has(e)) || objects.has(a.subject.id);
}

export function matchDefects(manifest: DemoManifest, alerts: Alert[]): Omit<RecallReport, 'asOf'> {
  const problems = alerts.filter((a) => a.level !== 'warning');
  const byRule = new Map<string, Alert[]>();
  for (const a of alerts) byRule.set(a.ruleId, [...(byRule.get(a.ruleId) ?? []), a]);
  const explained = new Set<string>();
  const missed: PlantedDefect[] = [];
  const found = new Map<DefectKind, number>();
  for (const d of manifest.defects) {
    const hits = (byRule.get(d.ruleId) ?? []).filter((a) => a.level !== 'warning' && explains(d, a));
    if (hits.length === 0) missed.push(d);
    else found.set(d.kind, (found.get(d.kind) ?? 0) + 1);
    for (const h of hits) explained.add(h.id);
  }
  const kinds = DEFECT_KIND_NAMES.map((kind) => {
    const planted = manifest.defects.filter((d) => d.kind === kind).length;
    const f = found.get(kind) ?? 0;
    return { kind, ruleId: manifest.summary[kind].ruleId, planted, found: f, recall: planted ? f / planted : 1 };
  });
  return { kinds, missed, unexpected: problems.filter((a) => !explained.has(a.id)), alerts: alerts.length };
}

export async function demoRecall(db: Database): Promise<RecallReport> {
  const manifest = await storedManifest(db);
  if (!manifest) throw new Error('this store holds no demo city (no demo.manifest): seed it with `shuju demo`');
  const alerts = await alertsAsOf(db, new Date(manifest.evaluateAsOf));
  return { asOf: manifest.evaluateAsOf, ...matchDefects(manifest, alerts) };
}
