import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { unitsInScope } from '../alerts/repository.js';
import { ADMIN_ONLY, ANY_USER, HttpError, actorOf, notFound } from '../server/context.js';
import { Instant } from '../server/schemas.js';
import { BacktestError, backtest } from './backtest.js';
import { ALL_RULES, isEffective } from './definitions/index.js';
import { loadRuleSettings } from './engine-service.js';
import { IMPLEMENTED_RULE_IDS } from './evaluators/index.js';
import { setRuleEnabled, setRuleParams } from './settings.js';

/**
 * Rule routes: the catalogue with status and the bureau's settings; backtests (per unit of the
 * caller's scope); changing settings (admin only).
 */
const Localized = z.object({ 'zh-CN': z.string(), en: z.string() });
const RuleSchema = z
  .object({
    id: z.string(), version: z.number().int(), core: z.boolean(), kind: z.string(), domain: z.string(), caseKind: z.string(),
    name: Localized, description: Localized, severity: z.record(z.string(), z.string()),
    basis: z.array(z.object({ law: z.string(), article: z.string() })), grade: z.string(),
    implemented: z.boolean(), enabled: z.boolean(), statusNote: z.string().nullable(),
    parameters: z.record(z.string(), z.object({ value: z.union([z.number(), z.string(), z.boolean()]), default: z.union([z.number(), z.string(), z.boolean()]), description: Localized })),
  })
  .meta({ id: 'Rule' });

const BacktestBody = z.object({
  from: Instant, to: Instant,
  params: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])).default({}),
});
const BacktestSchema = z.object({
  ruleId: z.string(), from: z.string(), to: z.string(), params: z.record(z.string(), z.union([z.number(), z.string(), z.boolean()])),
  units: z.array(z.object({ unitId: z.string().nullable(), current: z.number().int(), proposed: z.number().int() })),
  total: z.object({ current: z.number().int(), proposed: z.number().int() }),
}).meta({ id: 'Backtest' });

const SettingsBody = z.object({ enabled: z.boolean().optional(), params: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])).optional() });
const RuleParams = z.object({ id: z.string().max(100) });

const asStrings = (r: Record<string, string | number | boolean>) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, String(v)]));
const badRequest = (err: unknown): never => {
  if (err instanceof BacktestError) throw new HttpError(400, 'invalid_rule_request', err.message);
  throw err;
};

export const ruleRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/rules', { config: { roles: ANY_USER }, schema: { tags: ['rules'], response: { 200: z.array(RuleSchema) } } }, async () => {
    const settings = await loadRuleSettings(app.db);
    const now = new Date();
    return ALL_RULES.filter((r) => isEffective(r, now)).map((r) => ({
      id: r.id, version: r.version, core: r.core, kind: r.kind, domain: r.domain, caseKind: r.caseKind, name: r.name, description: r.description,
      severity: r.severity as Record<string, string>, basis: r.basis, grade: r.grade,
      implemented: IMPLEMENTED_RULE_IDS.has(r.id), enabled: IMPLEMENTED_RULE_IDS.has(r.id) && !(settings.disabled ?? []).includes(r.id),
      statusNote: r.statusNote ?? null,
      parameters: Object.fromEntries(Object.entries(r.parameters ?? {}).map(([k, p]) => [k, { value: settings.params?.[r.id]?.[k] ?? p.default, default: p.default, description: p.description }])),
    }));
  });

  app.post(
    '/rules/:id/backtest',
    { config: { roles: ['admin', 'bureau_leader', 'legal_officer'] }, schema: { tags: ['rules'], params: RuleParams, body: BacktestBody, response: { 200: BacktestSchema } } },
    async (req) => {
      if (!ALL_RULES.some((r) => r.id === req.params.id)) throw notFound('rule');
      const scope = await unitsInScope(app.db, actorOf(req));
      const r = await backtest(app.db, { ruleId: req.params.id, params: asStrings(req.body.params), from: req.body.from, to: req.body.to }).catch(badRequest);
      const units = r.units.filter((u) => scope === null || (u.unitId !== null && scope.has(u.unitId)));
      const sum = (k: 'current' | 'proposed') => units.reduce((n, u) => n + u[k], 0);
      return { ...r, units, total: { current: sum('current'), proposed: sum('proposed') } };
    },
  );

  app.put(
    '/rules/:id/settings',
    { config: { roles: ADMIN_ONLY }, schema: { tags: ['rules'], params: RuleParams, body: SettingsBody, response: { 204: z.null() } } },
    async (req, reply) => {
      if (!ALL_RULES.some((r) => r.id === req.params.id)) throw notFound('rule');
      try {
        if (req.body.params) await setRuleParams(app.db, req.params.id, asStrings(req.body.params));
        if (req.body.enabled !== undefined) await setRuleEnabled(app.db, req.params.id, req.body.enabled);
      } catch (err) {
        badRequest(err);
      }
      return reply.code(204).send(null);
    },
  );
};
