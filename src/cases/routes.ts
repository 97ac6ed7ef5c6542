import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { audit } from '../audit/audit.js';
import { ANY_USER, actorOf, notFound } from '../server/context.js';
import { PageQuery, pageOf } from '../server/schemas.js';
import { getCase, listCases } from './repository.js';
import { caseTimeline } from './timeline.js';

/**
 * Case routes (案). The repository and the timeline scope every query, answer null for a case
 * that is absent or out of scope (404, never 403, so ids do not leak) and audit their reads;
 * the list is audited here.
 */

const Attributes = z.record(z.string(), z.string());
const Instant = z.string().nullable().describe('RFC 3339 at +08:00');

const CaseSummary = z
  .object({
    id: z.string(),
    kind: z.string().nullable(),
    category: z.string().nullable(),
    title: z.string().nullable(),
    unitId: z.string().nullable(),
    unitName: z.string().nullable(),
    acceptedAt: Instant,
    filedAt: Instant,
    closedAt: Instant,
    stage: z.string().nullable(),
    stageLabel: z.string().nullable(),
    status: z.enum(['open', 'closed']),
  })
  .meta({ id: 'CaseSummary' });

const CaseObject = z.object({ id: z.string(), type: z.string(), attributes: Attributes });

const CaseDetail = CaseSummary.extend({
  attributes: Attributes,
  incidents: z.array(CaseObject),
  persons: z.array(CaseObject),
  documents: z.array(CaseObject),
  items: z.array(CaseObject),
  media: z.array(CaseObject),
}).meta({ id: 'CaseDetail' });

const TimelineEvent = z
  .object({
    id: z.string(),
    type: z.string(),
    time: z.string(),
    label: z.string(),
    labelEn: z.string(),
    attributes: z.array(z.object({ name: z.string(), value: z.string() })),
    objects: z.array(z.object({ id: z.string(), type: z.string(), qualifier: z.string(), name: z.string().nullable() })),
    officers: z.array(z.object({ id: z.string(), name: z.string().nullable() })),
    source: z.object({
      source: z.string().nullable(),
      importId: z.number().int(),
      importName: z.string().nullable(),
      receivedAt: z.string(),
      revision: z.number().int(),
    }),
  })
  .meta({ id: 'TimelineEvent' });

const CaseTimeline = z
  .object({
    case: z.object({ id: z.string(), unitId: z.string().nullable(), unitName: z.string().nullable(), attributes: Attributes }),
    events: z.array(TimelineEvent),
  })
  .meta({ id: 'CaseTimeline' });

const ListQuery = PageQuery.extend({
  unitId: z.string().max(200).optional().describe('only this unit and its descendants'),
  kind: z.enum(['criminal', 'administrative']).optional(),
  status: z.enum(['open', 'closed']).optional(),
  q: z.string().max(100).optional().describe('part of the case id, title or charge'),
});

const CaseParams = z.object({ id: z.string().max(200) });

export const caseRoutes: FastifyPluginAsyncZod = async (app) => {
  const config = { roles: ANY_USER };

  app.get(
    '/cases',
    { config, schema: { tags: ['cases'], querystring: ListQuery, response: { 200: pageOf(CaseSummary) } } },
    async (req) => {
      const actor = actorOf(req);
      const { items, total } = await listCases(app.db, actor, req.query);
      // Case titles often name the victim (张三被盗案): the list is a personal-data read too.
      // The search text is not recorded: it may itself be a name.
      await audit(app.db, actor, { action: 'case.list', resourceType: 'case', detail: { cases: items.map((c) => c.id), total } });
      return { items, total, page: req.query.page, pageSize: req.query.pageSize };
    },
  );

  app.get(
    '/cases/:id',
    { config, schema: { tags: ['cases'], params: CaseParams, response: { 200: CaseDetail } } },
    async (req) => {
      const found = await getCase(app.db, actorOf(req), req.params.id);
      if (!found) throw notFound('case');
      return found;
    },
  );

  app.get(
    '/cases/:id/timeline',
    { config, schema: { tags: ['cases'], params: CaseParams, response: { 200: CaseTimeline } } },
    async (req) => {
      const found = await caseTimeline(app.db, actorOf(req), req.params.id);
      if (!found) throw notFound('case');
      return found;
    },
  );
};
