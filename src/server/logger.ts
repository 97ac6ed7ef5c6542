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
  err: pino.stdSerializers.err,
};

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
