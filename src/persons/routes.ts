import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { audit } from '../audit/audit.js';
import { ANY_USER, actorOf, notFound } from '../server/context.js';
import { getPerson } from './repository.js';

const Person = z
  .object({
    id: z.string(),
    caseId: z.string().nullable(),
    incidentId: z.string().nullable(),
    unitId: z.string().nullable(),
    attributes: z.record(z.string(), z.string()).describe('Current values; id_number and phone masked without the right'),
    events: z.array(z.object({ id: z.string(), type: z.string(), time: z.string(), qualifier: z.string() })),
  })
  .meta({ id: 'Person' });

/** Person records (人): every read is audited, masked or not. */
export const personRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/persons/:id',
    {
      config: { roles: ANY_USER },
      schema: { tags: ['persons'], params: z.object({ id: z.string().max(200) }), response: { 200: Person } },
    },
    async (req) => {
      const actor = actorOf(req);
      const person = await getPerson(app.db, actor, req.params.id);
      if (!person) throw notFound('person');
      await audit(app.db, actor, {
        action: 'person.read',
        resourceType: 'person',
        resourceId: person.id,
        detail: { revealed: person.revealed, caseId: person.caseId },
      });
      const { revealed: _revealed, ...body } = person;
      return body;
    },
  );
};
