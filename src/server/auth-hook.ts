import type { FastifyInstance, FastifyRequest } from 'fastify';
import { SESSION_COOKIE, sessionUser } from '../auth/sessions.js';
import { tokenUser } from '../auth/tokens.js';
import { actorForUser } from '../auth/users.js';
import type { Actor } from '../org/actor.js';
import { HttpError } from './context.js';

export const API_PREFIX = '/api/v1/';

/**
 * Who is calling: a bearer token (source systems) or the session cookie (people). A token must
 * be used with the `X-Source` it was issued for (interchange §2.3).
 */
async function resolveActor(app: FastifyInstance, req: FastifyRequest): Promise<Actor | null> {
  const from = { ip: req.ip, userAgent: req.headers['user-agent'] };
  const auth = req.headers.authorization;
  if (auth !== undefined) {
    const m = /^Bearer\s+(\S+)$/i.exec(auth);
    const found = m ? await tokenUser(app.db, m[1]) : null;
    if (!found) throw new HttpError(401, 'invalid_token', 'invalid or revoked API token');
    if (req.headers['x-source'] !== found.source) {
      throw new HttpError(403, 'source_mismatch', 'X-Source does not match the source this token was issued for');
    }
    return actorForUser(found.user, 'token', { ...from, source: found.source });
  }
  const token = req.cookies[SESSION_COOKIE];
  if (!token) return null;
  const user = await sessionUser(app.db, token);
  return user ? actorForUser(user, 'user', from) : null;
}

/**
 * The global guard: every /api/v1 route is authenticated unless marked `public`, and every
 * guarded route must name its roles — registering one without them fails at start-up, so a
 * forgotten check cannot ship.
 */
export function installAuth(app: FastifyInstance): void {
  app.decorateRequest('actor', null);
  app.addHook('onRoute', (route) => {
    const config = (route.config ?? {}) as { roles?: unknown; public?: boolean };
    if (route.url.startsWith(API_PREFIX) && !config.public && !config.roles) {
      throw new Error(`route ${String(route.method)} ${route.url} declares neither roles nor public`);
    }
  });
  app.addHook('onRequest', async (req) => {
    // The matched route, not the raw URL: a percent-encoded path (/api/%761/…) routes the same.
    if (!(req.routeOptions.url ?? req.url).startsWith(API_PREFIX)) return;
    req.actor = await resolveActor(app, req);
    const config = req.routeOptions.config;
    if (config.public) return;
    if (!req.actor) throw new HttpError(401, 'unauthenticated', 'login required');
    if (config.roles && !config.roles.includes(req.actor.role)) {
      throw new HttpError(403, 'forbidden', `role ${req.actor.role} may not use this route`);
    }
  });
}
