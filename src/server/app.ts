import { alertRoutes } from '../alerts/routes.js';
import { ruleRoutes } from '../rules/routes.js';
import fastifyCookie from '@fastify/cookie';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import {
  jsonSchemaTransform,
  jsonSchemaTransformObject,
  serializerCompiler,
  validatorCompiler,
} from 'fastify-type-provider-zod';
import { auditRoutes } from '../audit/routes.js';
import { userAdminRoutes } from '../auth/admin-routes.js';
import { authRoutes } from '../auth/routes.js';
import { caseRoutes } from '../cases/routes.js';
import type { Database } from '../db/database.js';
import { importRoutes } from '../imports/routes.js';
import { incidentRoutes } from '../incidents/routes.js';
import { personRoutes } from '../persons/routes.js';
import { unitRoutes } from '../units/routes.js';
import { installAuth } from './auth-hook.js';
import type { RouteEntry } from './context.js';
import { errorHandler, notFoundHandler } from './errors.js';
import { healthRoutes } from './health.js';
import { createLogger } from './logger.js';

export interface AppOptions {
  db: Database;
  /** A pino logger; default: createLogger() to stdout with the redaction list. */
  logger?: FastifyBaseLogger;
  /** Trust X-Forwarded-* from a reverse proxy (TLS terminated there: cookies become Secure). */
  trustProxy?: boolean | string;
}

/** The HTTP API: health, docs, and every domain's routes under /api/v1. */
export async function buildApp(opts: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    loggerInstance: opts.logger ?? createLogger(),
    trustProxy: opts.trustProxy ?? false,
    exposeHeadRoutes: false,
    bodyLimit: 1024 * 1024,
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(errorHandler);
  app.setNotFoundHandler(notFoundHandler);
  app.decorate('db', opts.db);
  app.decorate('rulesNudge', () => {});

  const routeTable: RouteEntry[] = [];
  app.decorate('routeTable', routeTable);
  app.addHook('onRoute', (route) => {
    for (const method of [route.method].flat()) {
      routeTable.push({ method, url: route.url, roles: route.config?.roles, public: !!route.config?.public });
    }
  });

  await app.register(fastifyCookie);
  installAuth(app);
  await app.register(fastifySwagger, {
    openapi: {
      info: { title: 'Shuju (数炬) API', version: '1' },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'shuju_session' },
          token: { type: 'http', scheme: 'bearer' },
        },
      },
      security: [{ session: [] }, { token: [] }],
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs' });

  await app.register(healthRoutes);
  for (const routes of [authRoutes, userAdminRoutes, unitRoutes, incidentRoutes, personRoutes, caseRoutes, importRoutes, auditRoutes, alertRoutes, ruleRoutes]) {
    await app.register(routes, { prefix: '/api/v1' });
  }
  return app;
}
