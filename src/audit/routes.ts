import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AUDITORS, actorOf } from '../server/context.js';
import { Instant, PageQuery, pageOf } from '../server/schemas.js';
import { listAudit } from './query.js';

const AuditEntry = z
  .object({
    id: z.number().int(),
    at: z.string(),
    userId: z.number().int().nullable(),
    username: z.string().nullable(),
    role: z.string().nullable(),
    action: z.string(),
    resourceType: z.string().nullable(),
    resourceId: z.string().nullable(),
    detail: z.record(z.string(), z.unknown()),
    ip: z.string().nullable(),
    userAgent: z.string().nullable(),
  })
  .meta({ id: 'AuditEntry' });

const AuditQuery = PageQuery.extend({
  from: Instant.optional(),
  to: Instant.optional(),
  username: z.string().max(64).optional(),
  action: z.string().max(100).optional(),
  resourceId: z.string().max(200).optional(),
});

/** The audit log, for admins and legal officers. */
export const auditRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/audit',
    { config: { roles: AUDITORS }, schema: { tags: ['audit'], querystring: AuditQuery, response: { 200: pageOf(AuditEntry) } } },
    async (req) => {
      const { items, total } = await listAudit(app.db, actorOf(req), req.query);
      return { items, total, page: req.query.page, pageSize: req.query.pageSize };
    },
  );
};
