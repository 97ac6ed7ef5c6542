import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ANY_USER, actorOf, notFound } from '../server/context.js';
import { Instant, PageQuery, pageOf } from '../server/schemas.js';
import { alertsAsOf } from '../rules/alerts-as-of.js';
import { listAlerts, unitsInScope } from './repository.js';
import { alertView } from './view.js';

/**
 * Alert routes (预警/超期/违规): the live alerts of the caller's units, one alert, and the alerts
 * as they stood at an instant (full re-evaluation, §13). Every answer is limited to the caller's
 * unit subtree; an alert outside it answers 404.
 */
const AlertSchema = z
  .object({
    id: z.string(),
    ruleId: z.string(),
    level: z.enum(['warning', 'overdue', 'violation']),
    status: z.enum(['open', 'resolved', 'complied_late', 'retracted']),
    subject: z.object({ type: z.string(), id: z.string() }),
    caseId: z.string().nullable(),
    unitId: z.string().nullable(),
    dueAt: z.string().nullable(),
    raisedAt: z.string(),
    basis: z.array(z.object({ law: z.string(), article: z.string(), title: z.string() })),
    severity: z.string(),
    ruleVersion: z.number().int(),
    ruleName: z.string().nullable(),
    incidentId: z.string().nullable(),
    triggerEventId: z.string(),
    evidenceEventIds: z.array(z.string()),
    resolvedAt: z.string().nullable(),
    computation: z.record(z.string(), z.unknown()).nullable(),
    message: z.string().describe('one sentence in zh-CN a case officer understands'),
    messageEn: z.string(),
  })
  .meta({ id: 'Alert' });

const csv = <T extends string>(values: readonly [T, ...T[]]) =>
  z.string().optional().transform((s, ctx) => {
    if (!s) return undefined;
    const list = s.split(',');
    const bad = list.filter((v) => !(values as readonly string[]).includes(v));
    if (bad.length) ctx.addIssue({ code: 'custom', message: `unknown value(s) ${bad.join(', ')}; expected ${values.join(', ')}` });
    return list as T[];
  });

const ListQuery = PageQuery.extend({
  status: csv(['open', 'resolved', 'complied_late', 'retracted']).describe('comma-separated; default every status but retracted'),
  level: csv(['warning', 'overdue', 'violation']),
  ruleId: z.string().max(100).optional(),
  caseId: z.string().max(200).optional(),
  unitId: z.string().max(200).optional().describe('only this unit and its descendants'),
  severity: z.enum(['S1', 'S2', 'S3', 'S4']).optional(),
});

const AsOfQuery = z.object({
  at: Instant.describe('RFC 3339 instant with offset'),
  ruleId: z.string().max(100).optional(),
  caseId: z.string().max(200).optional(),
});

export const alertRoutes: FastifyPluginAsyncZod = async (app) => {
  const config = { roles: ANY_USER };

  app.get('/alerts', { config, schema: { tags: ['alerts'], querystring: ListQuery, response: { 200: pageOf(AlertSchema) } } }, async (req) => {
    const q = req.query;
    const { items, total } = await listAlerts(app.db, actorOf(req), { ...q, status: q.status, level: q.level });
    return { items: items.map(alertView), total, page: q.page, pageSize: q.pageSize };
  });

  app.get(
    '/alerts/as-of',
    { config, schema: { tags: ['alerts'], querystring: AsOfQuery, response: { 200: z.object({ asOf: z.string(), items: z.array(AlertSchema) }) } } },
    async (req) => {
      const scope = await unitsInScope(app.db, actorOf(req));
      const alerts = await alertsAsOf(app.db, req.query.at, { ruleIds: req.query.ruleId ? [req.query.ruleId] : undefined });
      const items = alerts
        .filter((a) => scope === null || (a.unitId !== null && scope.has(a.unitId)))
        .filter((a) => !req.query.caseId || a.caseId === req.query.caseId)
        .map(alertView);
      return { asOf: req.query.at.toISOString(), items };
    },
  );

  app.get('/alerts/:id', { config, schema: { tags: ['alerts'], params: z.object({ id: z.string().max(100) }), response: { 200: AlertSchema } } }, async (req) => {
    const { items } = await listAlerts(app.db, actorOf(req), { includeRetracted: true, id: req.params.id });
    if (items.length === 0) throw notFound('alert');
    return alertView(items[0]);
  });
};
