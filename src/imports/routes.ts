import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { MAX_FILE_BYTES, importText } from '../interchange/import.js';
import type { ImportFormat, ImportReport } from '../interchange/types.js';
import type { Role } from '../org/actor.js';
import { AUDITORS, HttpError, actorOf, notFound } from '../server/context.js';
import { PageQuery, pageOf } from '../server/schemas.js';
import { getImport, listImports } from './query.js';

/** §2.3 limits [D] of one HTTP stream delivery. */
export const MAX_INGEST_LINES = 10_000;
export const MAX_INGEST_BYTES = 16 * 1024 * 1024;

const INGESTERS: readonly Role[] = ['ingest_client', 'admin'];

const ImportErrorOut = z.object({
  line: z.number().int().optional(),
  record: z.string().optional(),
  kind: z.enum(['object', 'event', 'file']).optional(),
  id: z.string().optional(),
  field: z.string().optional(),
  code: z.string(),
  reason: z.string(),
});

// interchange/types.ts ImportCounts
const Counts = z.object({
  objects: z.number().int(),
  events: z.number().int(),
  objects_new: z.number().int().optional(),
  objects_updated: z.number().int().optional(),
  events_new: z.number().int().optional(),
  events_unchanged: z.number().int().optional(),
  events_superseded: z.number().int().optional(),
});

const Report = z
  .object({
    import: z.string(),
    importId: z.number().int().optional(),
    status: z.enum(['accepted', 'rejected']),
    counts: Counts,
    errors: z.array(ImportErrorOut),
    errorsTruncated: z.number().int().optional(),
  })
  .meta({ id: 'ImportReport' });

const ImportSummary = z
  .object({
    id: z.number().int(),
    name: z.string(),
    source: z.string().nullable(),
    format: z.string(),
    status: z.string(),
    counts: z.record(z.string(), z.number()),
    errorCount: z.number().int(),
    actor: z.string().nullable(),
    receivedAt: z.string(),
    finishedAt: z.string().nullable(),
  })
  .meta({ id: 'ImportSummary' });

/** Lines of a `.jsonl` body; empty lines count (§2.2), a final newline does not open one. */
export function countLines(text: string): number {
  if (text === '') return 0;
  let n = 1;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) n++;
  return text.endsWith('\n') ? n - 1 : n;
}

let seq = 0;
/** `<source>_<yyyyMMddTHHmmss>_<seq>.<ext>`, the file-name form of §2.1, for the import record. */
function importName(source: string | undefined, format: ImportFormat, at = new Date()): string {
  const stamp = at.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, '');
  seq = (seq + 1) % 1_000_000;
  return `${source ?? 'http'}_${stamp}_${seq}.${format}`;
}

/** A source system's own token names its source; an admin delivering by hand names it in X-Source. */
function sourceOf(req: FastifyRequest): string | undefined {
  const actor = actorOf(req);
  if (actor.source) return actor.source;
  const header = req.headers['x-source'];
  return typeof header === 'string' && header ? header : undefined;
}

/** HTTP ingest (interchange §2.3): one request is one import, all or nothing. */
const ingestRoutes: FastifyPluginAsyncZod = async (app) => {
  // Bodies reach the importer as raw text: it reports errors by line and pointer itself.
  const asText = { parseAs: 'string' as const };
  app.addContentTypeParser('application/x-ndjson', asText, (_req, body, done) => done(null, body));
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', asText, (_req, body, done) => done(null, body));

  const ingest = async (req: FastifyRequest, format: ImportFormat) => {
    const expected = format === 'jsonl' ? 'application/x-ndjson' : 'application/json';
    if ((req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase() !== expected) {
      throw new HttpError(415, 'unsupported_media_type', `expected Content-Type ${expected}`);
    }
    const text = req.body as string;
    if (format === 'jsonl' && countLines(text) > MAX_INGEST_LINES) {
      throw new HttpError(413, 'payload_too_large', `at most ${MAX_INGEST_LINES} lines per request`);
    }
    const source = sourceOf(req);
    const actor = actorOf(req);
    // A source delivers for the units of its account and nothing else (a station feed cannot
    // move another station's case into its own scope).
    // Accounts at the top of the unit tree (the city bureau) deliver for everyone, reference
    // units without a parent included.
    const scoped = actor.unitId !== null
      && (await app.db.query("SELECT 1 FROM object_relationships WHERE source_id = $1 AND qualifier = 'parent'", [actor.unitId])).rows.length > 0;
    const scopeUnitIds = scoped ? new Set(
      (await app.db.query<{ id: string }>('SELECT descendant_id AS id FROM unit_closure WHERE ancestor_id = $1', [actor.unitId])).rows.map((r) => r.id),
    ) : undefined;
    const report = await importText(
      app.db,
      { name: importName(source, format), format, text },
      { source, actor: actor.username, scopeUnitIds },
    );
    if (report.status === 'accepted') app.rulesNudge(); // evaluate the rules now (时时办), not at the next tick
    return report;
  };
  /** 200 accepted, 403 when the import touched other units' data, else 422 (§2.3). */
  const statusOf = (report: ImportReport) =>
    report.status === 'accepted' ? 200 : report.errors.some((e) => e.code === 'out_of_scope') ? 403 : 422;
  // 403 carries either a report (other units' data) or an error body.
  const responses = { 200: Report, 403: z.unknown(), 422: Report };

  app.post(
    '/ingest',
    {
      config: { roles: INGESTERS },
      bodyLimit: MAX_INGEST_BYTES,
      schema: { tags: ['ingest'], consumes: ['application/x-ndjson'], body: z.string(), response: responses },
    },
    async (req, reply) => {
      const report = await ingest(req, 'jsonl');
      return reply.code(statusOf(report)).send(report);
    },
  );

  app.post(
    '/ingest/batch',
    {
      config: { roles: INGESTERS },
      bodyLimit: MAX_FILE_BYTES,
      schema: { tags: ['ingest'], consumes: ['application/json'], body: z.string(), response: responses },
    },
    async (req, reply) => {
      const report = await ingest(req, 'jsonocel');
      return reply.code(statusOf(report)).send(report);
    },
  );
};

/** Ingest plus the list of imports (admins and legal officers). */
export const importRoutes: FastifyPluginAsyncZod = async (app) => {
  await app.register(ingestRoutes);

  app.get(
    '/imports',
    {
      config: { roles: AUDITORS },
      schema: {
        tags: ['ingest'],
        querystring: PageQuery.extend({
          status: z.enum(['accepted', 'rejected']).optional(),
          source: z.string().max(32).optional(),
        }),
        response: { 200: pageOf(ImportSummary) },
      },
    },
    async (req) => {
      const { items, total } = await listImports(app.db, actorOf(req), req.query);
      return { items, total, page: req.query.page, pageSize: req.query.pageSize };
    },
  );

  app.get(
    '/imports/:id',
    {
      config: { roles: AUDITORS },
      schema: {
        tags: ['ingest'],
        params: z.object({ id: z.coerce.number().int().positive() }),
        response: { 200: ImportSummary.extend({ errors: z.array(ImportErrorOut) }) },
      },
    },
    async (req) => {
      const found = await getImport(app.db, actorOf(req), req.params.id);
      if (!found) throw notFound('import');
      return found;
    },
  );
};
