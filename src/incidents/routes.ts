import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { audit } from '../audit/audit.js';
import { ANY_USER, actorOf, notFound } from '../server/context.js';
import { Instant, PageQuery, pageOf } from '../server/schemas.js';
import { getIncident, listIncidents } from './repository.js';

const IncidentSummary = z
  .object({
    id: z.string(),
    receivedAt: z.string().nullable(),
    channel: z.string().nullable(),
    category: z.string().nullable(),
    urgent: z.boolean().nullable(),
    address: z.string().nullable(),
    unitId: z.string().nullable(),
    unitName: z.string().nullable(),
  })
  .meta({ id: 'IncidentSummary' });

const IncidentDetail = IncidentSummary.extend({
  attributes: z.record(z.string(), z.string()).describe('Current values; [S] fields masked without the right'),
  persons: z.array(z.object({ id: z.string(), name: z.string().nullable(), role: z.string().nullable() })),
  caseIds: z.array(z.string()),
  events: z.array(z.object({ id: z.string(), type: z.string(), time: z.string() })),
}).meta({ id: 'IncidentDetail' });

const ListQuery = PageQuery.extend({
  from: Instant.optional().describe('received at or after (RFC 3339)'),
  to: Instant.optional().describe('received before (RFC 3339)'),
  category: z.string().max(20).optional(),
  unitId: z.string().max(200).optional().describe('only this unit and its descendants'),
});

/** Incidents (警情) in the caller's scope. */
export const incidentRoutes: FastifyPluginAsyncZod = async (app) => {
  const config = { roles: ANY_USER };

  app.get(
    '/incidents',
    { config, schema: { tags: ['incidents'], querystring: ListQuery, response: { 200: pageOf(IncidentSummary) } } },
    async (req) => {
      const q = req.query;
      const { items, total } = await listIncidents(app.db, actorOf(req), q);
      return { items, total, page: q.page, pageSize: q.pageSize };
    },
  );

  app.get(
    '/incidents/:id',
    {
      config,
      schema: { tags: ['incidents'], params: z.object({ id: z.string().max(200) }), response: { 200: IncidentDetail } },
    },
    async (req) => {
      const actor = actorOf(req);
      const incident = await getIncident(app.db, actor, req.params.id);
      if (!incident) throw notFound('incident');
      // The detail names persons and may carry the report text: always audited.
      await audit(app.db, actor, {
        action: 'incident.read',
        resourceType: 'incident',
        resourceId: incident.id,
        detail: { revealed: incident.revealed, persons: incident.persons.length },
      });
      const { revealed: _revealed, ...body } = incident;
      return body;
    },
  );
};
