import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { UserInputError } from '../auth/users.js';
import { HttpError } from './context.js';

/** The body of every error response. */
export interface ErrorBody {
  error: { code: string; message: string; fields?: { field: string; reason: string }[] };
}

// Fastify's own client errors, by code, with the code we answer with.
const FASTIFY_CODES: Record<string, string> = {
  FST_ERR_CTP_BODY_TOO_LARGE: 'payload_too_large',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'unsupported_media_type',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'bad_request',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'bad_request',
  FST_ERR_CTP_INVALID_JSON_BODY: 'malformed_json',
};

const send = (reply: FastifyReply, status: number, error: ErrorBody['error']) =>
  reply.code(status).type('application/json').send({ error });

/** The one error handler: every failure leaves as `{error: {code, message}}`. */
export function errorHandler(err: FastifyError, req: FastifyRequest, reply: FastifyReply) {
  if (hasZodFastifySchemaValidationErrors(err)) {
    const where = err.validationContext ?? 'request';
    const fields = err.validation.map((v) => ({
      field: `${where}${v.instancePath.replace(/\//g, '.').replace(/\.$/, '')}`,
      reason: v.message ?? 'invalid',
    }));
    return send(reply, 400, {
      code: 'validation_failed',
      message: fields.map((f) => `${f.field}: ${f.reason}`).join('; '),
      fields,
    });
  }
  if (err instanceof HttpError) return send(reply, err.statusCode, { code: err.code, message: err.message });
  if (err instanceof UserInputError) return send(reply, 400, { code: err.code, message: err.message });
  const known = err.code ? FASTIFY_CODES[err.code] : undefined;
  if (known || (err.statusCode && err.statusCode >= 400 && err.statusCode < 500)) {
    return send(reply, err.statusCode ?? 400, { code: known ?? 'bad_request', message: err.message });
  }
  // Unexpected: log the error (message and stack, never the request body) and say little.
  req.log.error({ err }, 'request failed');
  return send(reply, 500, { code: 'internal_error', message: 'internal error' });
}

export function notFoundHandler(req: FastifyRequest, reply: FastifyReply) {
  return send(reply, 404, { code: 'not_found', message: `no route ${req.method} ${req.url.split('?')[0]}` });
}
