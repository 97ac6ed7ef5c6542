import pino, { type DestinationStream, type Logger } from 'pino';

/**
 * Paths pino replaces before a line is written. The first line of defence is not to log such
 * data at all (no bodies, no query strings); this list catches what slips through.
 */
export const REDACT_PATHS = [
  'req.headers.cookie',
  'req.headers.authorization',
  'req.headers["x-api-key"]',
  'res.headers["set-cookie"]',
  'headers.cookie',
  'headers.authorization',
  'body',
  'query',
  'password',
  'id_number',
  'phone',
  'text',
  '*.body',
  '*.query',
  '*.password',
  '*.id_number',
  '*.phone',
  '*.text',
  'person.name',
  '*.person.name',
  'attributes',
  '*.attributes',
];

interface LoggedRequest {
  method: string;
  url: string;
  ip?: string;
  routeOptions?: { url?: string };
}

const serializers = {
  // Path only: query strings may carry names or id numbers (?q=…).
  req: (req: LoggedRequest) => ({
    method: req.method,
    url: req.url.split('?')[0],
    route: req.routeOptions?.url,
    remoteAddress: req.ip,
  }),
  res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
  err: safeError,
};

/** Quoted fragments of driver messages can be input values (an id number in a COPY row). */
const scrub = (text: string): string => text.replace(/"[^"]*"|'[^']*'/g, '"…"');

/**
 * Errors keep their type, code, message and stack with quoted values removed — never the
 * driver's own fields (`params`, `where`, `detail`), which carry the rows being written.
 */
export function safeError(err: unknown): Record<string, unknown> {
  if (!(err instanceof Error)) return { message: scrub(String(err)) };
  const code = (err as { code?: unknown }).code;
  return {
    type: err.name,
    ...(typeof code === 'string' ? { code } : {}),
    message: scrub(err.message),
    stack: err.stack ? scrub(err.stack) : undefined,
  };
}

export function createLogger(opts: { level?: string; destination?: DestinationStream } = {}): Logger {
  return pino(
    {
      level: opts.level ?? process.env.LOG_LEVEL ?? 'info',
      redact: { paths: REDACT_PATHS, censor: '[redacted]' },
      serializers,
    },
    opts.destination,
  );
}
