import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { audit } from '../audit/audit.js';
import type { Queryable } from '../db/database.js';
import { ROLES, type Actor } from '../org/actor.js';
import { scopeCondition } from '../org/scope.js';
import { ADMIN_ONLY, HttpError, actorOf } from '../server/context.js';
import { createApiToken } from './tokens.js';
import { MIN_PASSWORD_LENGTH, createUser, findUser, listUsers } from './users.js';

const UserOut = z
  .object({
    id: z.number().int(),
    username: z.string(),
    displayName: z.string(),
    role: z.enum(ROLES),
    unitId: z.string(),
    officerId: z.string().nullable(),
    locale: z.string(),
    active: z.boolean(),
    createdAt: z.string(),
  })
  .meta({ id: 'User' });

const NewUserIn = z.object({
  username: z.string().min(2).max(64),
  displayName: z.string().min(1).max(100),
  password: z.string().min(MIN_PASSWORD_LENGTH).max(256),
  role: z.enum(ROLES),
  unitId: z.string().min(1).max(200),
  officerId: z.string().min(1).max(200).optional(),
  locale: z.enum(['zh-CN', 'en']).optional(),
});

const NewTokenIn = z.object({
  username: z.string().min(1).max(64),
  name: z.string().min(1).max(100),
  source: z.string().min(1).max(32),
});

const TokenOut = z.object({
  id: z.number().int(),
  username: z.string(),
  name: z.string(),
  source: z.string(),
  createdAt: z.string(),
  token: z.string().describe('Shown once; only its SHA-256 is stored'),
});

/** Whether `unitId` lies in the actor's scope (an admin manages accounts of its units only). */
async function unitInScope(db: Pick<Queryable, 'query'>, actor: Actor, unitId: string): Promise<boolean> {
  const scope = scopeCondition(actor, '$1::text', 2);
  const { rows } = await db.query(`SELECT 1 AS ok WHERE ${scope.sql}`, [unitId, ...scope.params]);
  return rows.length > 0;
}

/** Account administration: users and source-system tokens (admin only). */
export const userAdminRoutes: FastifyPluginAsyncZod = async (app) => {
  const config = { roles: ADMIN_ONLY };

  app.get('/users', { config, schema: { tags: ['admin'], response: { 200: z.object({ items: z.array(UserOut) }) } } }, async (req) => {
    return { items: await listUsers(app.db, scopeCondition(actorOf(req), 'unit_id', 1)) };
  });

  app.post('/users', { config, schema: { tags: ['admin'], body: NewUserIn, response: { 201: UserOut } } }, async (req, reply) => {
    const actor = actorOf(req);
    if (!(await unitInScope(app.db, actor, req.body.unitId))) {
      throw new HttpError(400, 'unit_out_of_scope', 'unitId: not a unit in your scope');
    }
    const user = await createUser(app.db, req.body);
    await audit(app.db, actor, {
      action: 'user.create',
      resourceType: 'user',
      resourceId: String(user.id),
      detail: { role: user.role, unitId: user.unitId },
    });
    return reply.code(201).send(user);
  });

  app.post('/tokens', { config, schema: { tags: ['admin'], body: NewTokenIn, response: { 201: TokenOut } } }, async (req, reply) => {
    const actor = actorOf(req);
    const user = await findUser(app.db, { username: req.body.username });
    if (!user || !(await unitInScope(app.db, actor, user.unitId))) {
      throw new HttpError(400, 'unknown_user', 'username: no such user in your scope');
    }
    const created = await createApiToken(app.db, { userId: user.id, name: req.body.name, source: req.body.source });
    await audit(app.db, actor, {
      action: 'token.create',
      resourceType: 'api_token',
      resourceId: String(created.id),
      detail: { userId: user.id, source: created.source },
    });
    return reply.code(201).send({ ...created, username: user.username });
  });
};
