import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ANY_USER, actorOf } from '../server/context.js';
import { unitsInScope } from './repository.js';

const Unit = z
  .object({
    id: z.string(),
    name: z.string().nullable(),
    kind: z.string().nullable(),
    level: z.string().nullable(),
    parentId: z.string().nullable(),
  })
  .meta({ id: 'Unit' });

/** The unit tree in the caller's scope, as a flat list with parent links. */
export const unitRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/units',
    { config: { roles: ANY_USER }, schema: { tags: ['units'], response: { 200: z.object({ items: z.array(Unit) }) } } },
    async (req) => ({ items: await unitsInScope(app.db, actorOf(req)) }),
  );
};
