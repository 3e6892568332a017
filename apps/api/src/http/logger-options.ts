import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Params } from 'nestjs-pino';
import pino from 'pino';
import type { ApiConfig } from '@tiergate/config';

/** Header and field paths that never reach a log line. */
export const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-api-key"]',
  'req.headers["proxy-authorization"]',
  'res.headers["set-cookie"]',
  '*.password',
  '*.apiKey',
  '*.api_key',
  '*.key',
  '*.secret',
  '*.access_token',
];

/**
 * JSON logs with the request id on every line; probes are not logged. Written to stdout
 * asynchronously (no blocking write on the request path); pino flushes what is pending when the
 * process exits.
 */
export function loggerOptions(config: ApiConfig, destination?: NodeJS.WritableStream): Params {
  return {
    pinoHttp: {
      stream: destination ?? pino.destination({ dest: 1, sync: false }),
      level: config.logLevel,
      redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
      customLogLevel: (_req: IncomingMessage, res: ServerResponse, error?: Error) =>
        error || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info',
      autoLogging: { ignore: (req: IncomingMessage) => (req.url ?? '').startsWith('/health') },
      serializers: {
        req: (req: { id: string; method: string; url: string }) => ({
          id: req.id,
          method: req.method,
          url: req.url.split('?')[0],
        }),
        res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
      },
      quietReqLogger: true,
    },
  };
}
