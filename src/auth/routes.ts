import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { audit } from '../audit/audit.js';
import { ROLES, canReadPersonalData, type Actor } from '../org/actor.js';
import { HttpError, actorOf } from '../server/context.js';
import { namesOf } from '../server/objects.js';
import { SESSION_COOKIE, SESSION_TTL_MS, createSession, deleteSession } from './sessions.js';
import { LoginThrottle } from './throttle.js';
import { actorForUser, findUser, verifyLogin } from './users.js';

export const Me = z
  .object({
    username: z.string(),
    displayName: z.string(),
    role: z.enum(ROLES),
    kind: z.enum(['user', 'token', 'cli']),
    unitId: z.string().nullable(),
    unitName: z.string().nullable(),
    officerId: z.string().nullable(),
    locale: z.string(),
    source: z.string().nullable(),
    canReadPersonalData: z.boolean(),
  })
  .meta({ id: 'Me' });

const Login = z.object({ username: z.string().min(1).max(64), password: z.string().min(1).max(256) });

async function describe(req: FastifyRequest, actor: Actor): Promise<z.infer<typeof Me>> {
  const db = req.server.db;
  const user = actor.userId !== undefined ? await findUser(db, { id: actor.userId }) : null;
  const units = await namesOf(db, [actor.unitId]);
  return {
    username: actor.username,
    displayName: user?.displayName ?? actor.username,
    role: actor.role,
    kind: actor.kind,
    unitId: actor.unitId,
    unitName: (actor.unitId && units.get(actor.unitId)) ?? null,
    officerId: user?.officerId ?? null,
    locale: user?.locale ?? 'zh-CN',
    source: actor.source ?? null,
    canReadPersonalData: canReadPersonalData(actor),
  };
}

const setSessionCookie = (req: FastifyRequest, reply: FastifyReply, token: string) =>
  reply.setCookie(SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'strict',
    path: '/',
    // Secure whenever the client reached us over TLS (directly or through a trusted proxy).
    secure: req.protocol === 'https',
    maxAge: SESSION_TTL_MS / 1000,
  });

/** Login, logout and "who am I". */
export const authRoutes: FastifyPluginAsyncZod = async (app) => {
  const throttle = new LoginThrottle(); // one per app: tests and servers do not share counts

  app.post(
    '/auth/login',
    {
      config: { public: true },
      schema: { tags: ['auth'], body: Login, response: { 200: z.object({ user: Me }) } },
    },
    async (req, reply) => {
      const { username, password } = req.body;
      const key = `${username}\u0000${req.ip}`;
      const wait = throttle.retryAfter(key);
      if (wait > 0) {
        reply.header('retry-after', Math.ceil(wait / 1000));
        throw new HttpError(429, 'too_many_attempts', 'too many failed logins; try again later');
      }
      const user = await verifyLogin(app.db, username, password);
      if (!user) {
        throttle.fail(key);
        req.log.warn('login failed');
        throw new HttpError(401, 'invalid_credentials', 'wrong username or password');
      }
      throttle.succeed(key);
      const from = { ip: req.ip, userAgent: req.headers['user-agent'] };
      const { token } = await createSession(app.db, user.id, from);
      const actor = actorForUser(user, 'user', from);
      await audit(app.db, actor, { action: 'auth.login', resourceType: 'user', resourceId: String(user.id) });
      setSessionCookie(req, reply, token);
      return { user: await describe(req, actor) };
    },
  );

  // Public so that a browser with an expired session can still clear its cookie.
  app.post(
    '/auth/logout',
    { config: { public: true }, schema: { tags: ['auth'], response: { 204: z.undefined() } } },
    async (req, reply) => {
      const token = req.cookies[SESSION_COOKIE];
      if (token) await deleteSession(app.db, token);
      if (req.actor?.kind === 'user') await audit(app.db, req.actor, { action: 'auth.logout' });
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.code(204).send();
    },
  );

  app.get(
    '/me',
    { config: { roles: ROLES }, schema: { tags: ['auth'], response: { 200: Me } } },
    async (req) => describe(req, actorOf(req)),
  );
};
