import { audit } from '../audit/audit.js';
import type { Queryable } from '../db/database.js';
import { canReadPersonalData, type Actor } from '../org/actor.js';
import { maskAttributes } from '../org/mask.js';
import { currentAttributes } from '../server/objects.js';
import { eventLabel } from './event-labels.js';
import { formatMicros, presentAttributes } from './format.js';
import { caseSql, scoped } from './sql.js';

/** Case lists and the case view (案): what the case pages and `shuju case` read. */

type Db = Pick<Queryable, 'query'>;

export interface CaseSummary {
  id: string;
  kind: string | null;
  category: string | null;
  /** `title`, else the charge. */
  title: string | null;
  unitId: string | null;
  unitName: string | null;
  /** First case.accepted / case.filed, latest case.closed; RFC 3339 at +08:00. */
  acceptedAt: string | null;
  filedAt: string | null;
  closedAt: string | null;
  /** The latest case-stage event (case.accepted … case.closed) and its zh-CN label. */
  stage: string | null;
  stageLabel: string | null;
  /** Closed while the latest stage event is case.closed. */
  status: 'open' | 'closed';
}

export interface CaseFilter {
  /** 1-based. */
  page: number;
  /** At most 200. */
  pageSize: number;
  /** This unit and the units below it (within the actor's scope). */
  unitId?: string;
  kind?: 'criminal' | 'administrative';
  status?: 'open' | 'closed';
  /** Part of the case id, title or charge. */
  q?: string;
}

interface SummaryRow {
  id: string;
  unit_id: string | null;
  unit_name: string | null;
  kind: string | null;
  category: string | null;
  title: string | null;
  charge: string | null;
  stage: string | null;
  status: 'open' | 'closed';
  total: number | string;
  accepted_us: string | null;
  filed_us: string | null;
  closed_us: string | null;
}

const likePattern = (q: string): string => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
const instant = (us: string | null): string | null => (us === null ? null : formatMicros(us));

async function querySummaries(db: Db, actor: Actor, f: Partial<CaseFilter> & { caseId?: string }, limit: number, offset: number): Promise<SummaryRow[]> {
  const q = scoped(caseSql('list-cases.sql'), actor, 8);
  const search = f.q?.trim() ? likePattern(f.q.trim()) : null;
  const { rows } = await db.query<SummaryRow>(q.sql, [
    f.unitId ?? null, f.kind ?? null, f.status ?? null, search, f.caseId ?? null, limit, offset, ...q.params,
  ]);
  return rows;
}

function toSummary(r: SummaryRow): CaseSummary {
  return {
    id: r.id,
    kind: r.kind,
    category: r.category,
    title: r.title ?? r.charge,
    unitId: r.unit_id,
    unitName: r.unit_name,
    acceptedAt: instant(r.accepted_us),
    filedAt: instant(r.filed_us),
    closedAt: instant(r.closed_us),
    stage: r.stage,
    stageLabel: r.stage ? eventLabel(r.stage).zh : null,
    status: r.status,
  };
}

export async function listCases(db: Db, actor: Actor, filter: CaseFilter): Promise<{ items: CaseSummary[]; total: number }> {
  const pageSize = Math.min(Math.max(Math.trunc(filter.pageSize), 1), 200);
  const page = Math.max(Math.trunc(filter.page), 1);
  let rows = await querySummaries(db, actor, filter, pageSize, (page - 1) * pageSize);
  const items = rows.map(toSummary);
  if (rows.length === 0 && page > 1) rows = await querySummaries(db, actor, filter, 1, 0); // past the end: still count
  return { items, total: rows.length ? Number(rows[0].total) : 0 };
}

export interface CaseObject {
  id: string;
  type: string;
  /** Current values; [S] fields of persons masked unless the actor may read personal data. */
  attributes: Record<string, string>;
}

export interface CaseDetail extends CaseSummary {
  attributes: Record<string, string>;
  incidents: CaseObject[];
  persons: CaseObject[];
  documents: CaseObject[];
  items: CaseObject[];
  media: CaseObject[];
}

/** One case with its incidents, parties, documents, property and recordings; null when absent or out of scope. */
export async function getCase(db: Db, actor: Actor, caseId: string): Promise<CaseDetail | null> {
  const [row] = await querySummaries(db, actor, { caseId }, 1, 0);
  if (!row) return null;
  const { rows } = await db.query<{ id: string; type: string }>(caseSql('case-objects.sql'), [[caseId], []]);
  const attrs = await currentAttributes(db, [caseId, ...rows.map((r) => r.id)]);
  const revealed = new Set<string>();
  const objects = (type: string): CaseObject[] =>
    rows
      .filter((r) => r.type === type)
      .map((r) => {
        const masked = maskAttributes(actor, type, attrs.get(r.id) ?? {});
        for (const f of masked.revealed) revealed.add(f);
        return { id: r.id, type, attributes: presentAttributes(type, masked.attributes) };
      });
  const detail: CaseDetail = {
    ...toSummary(row),
    attributes: presentAttributes('case', attrs.get(caseId) ?? {}),
    incidents: objects('incident'),
    persons: objects('person'),
    documents: objects('document'),
    items: objects('item'),
    media: objects('media'),
  };
  await audit(db, actor, {
    action: 'case.read',
    resourceType: 'case',
    resourceId: caseId,
    detail: {
      persons: detail.persons.map((p) => p.id),
      personalData: canReadPersonalData(actor),
      revealed: [...revealed].sort(),
    },
  });
  return detail;
}
