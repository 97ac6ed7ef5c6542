import { readdirSync } from 'node:fs';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { migrationsDir } from '../db/migrate.js';

const Health = z.object({ status: z.literal('ok') });
const Ready = z.object({
  status: z.enum(['ready', 'not_ready']),
  database: z.enum(['ok', 'unreachable']),
  pendingMigrations: z.array(z.string()),
});

/** Liveness and readiness probes, reachable without a session (outside /api/v1). */
export const healthRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/api/health', { schema: { tags: ['ops'], response: { 200: Health } } }, async () => ({ status: 'ok' as const }));

  app.get(
    '/api/ready',
    { schema: { tags: ['ops'], response: { 200: Ready, 503: Ready } } },
    async (req, reply) => {
      const expected = readdirSync(migrationsDir()).filter((f) => f.endsWith('.sql'));
      try {
        await app.db.query('SELECT 1');
        const { rows } = await app.db.query<{ name: string }>('SELECT name FROM schema_migrations');
        const applied = new Set(rows.map((r) => r.name));
        const pending = expected.filter((f) => !applied.has(f)).sort();
        return reply.code(pending.length ? 503 : 200).send({
          status: pending.length ? 'not_ready' : 'ready',
          database: 'ok',
          pendingMigrations: pending,
        });
      } catch (err) {
        req.log.warn({ err }, 'readiness check: database unreachable');
        return reply.code(503).send({ status: 'not_ready', database: 'unreachable', pendingMigrations: [] });
      }
    },
  );
};
