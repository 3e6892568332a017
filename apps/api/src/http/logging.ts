import type { LoggerService } from '@nestjs/common';
import type { FastifyInstance } from 'fastify';
import pino, { type Level, type Logger } from 'pino';
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
 * The api's one logger: JSON lines, secrets redacted, written to stdout asynchronously (no
 * blocking write on the request path); what is pending is flushed when the process exits.
 */
export function createApiLogger(config: ApiConfig, destination?: NodeJS.WritableStream): Logger {
  return pino(
    { level: config.logLevel, redact: { paths: REDACTED_PATHS, censor: '[redacted]' } },
    destination ?? pino.destination({ dest: 1, sync: false }),
  );
}

/**
 * One access line per answered request (probes aside), written when the answer is done: the
 * request id, method, path and status, and the time taken. Errors answer at `warn` (4xx) or
 * `error` (5xx). One logger call, no per-request child logger or context storage: library log
 * lines name their request themselves (`requestId`).
 */
export function registerAccessLog(fastify: FastifyInstance, logger: Logger): void {
  fastify.addHook('onResponse', (request, reply, done) => {
    const status = reply.statusCode;
    const level: Level = status >= 500 ? 'error' : status >= 400 ? 'warn' : 'info';
    if (logger.isLevelEnabled(level) && !request.url.startsWith('/health'))
      logger[level](
        {
          req: { id: request.id, method: request.method, url: request.url.split('?')[0] },
          res: { statusCode: status },
          responseTime: Math.round(reply.elapsedTime),
        },
        'request completed',
      );
    done();
  });
}

/**
 * Nest's logger calls (`new Logger(context).warn(details, message)`) as pino lines: an object
 * argument becomes the line's fields (an Error its `err`), the context its `context` field.
 */
export class NestPinoLogger implements LoggerService {
  constructor(private readonly logger: Logger) {}

  log(message: unknown, ...params: unknown[]): void {
    this.write('info', message, params);
  }
  error(message: unknown, ...params: unknown[]): void {
    this.write('error', message, params);
  }
  warn(message: unknown, ...params: unknown[]): void {
    this.write('warn', message, params);
  }
  debug(message: unknown, ...params: unknown[]): void {
    this.write('debug', message, params);
  }
  verbose(message: unknown, ...params: unknown[]): void {
    this.write('trace', message, params);
  }
  fatal(message: unknown, ...params: unknown[]): void {
    this.write('fatal', message, params);
  }

  private write(level: Level, message: unknown, params: unknown[]): void {
    if (!this.logger.isLevelEnabled(level)) return;
    const fields: Record<string, unknown> = {};
    // Nest appends the logger's context as the last parameter.
    if (params.length) fields.context = params.at(-1);
    const rest: unknown[] = params.slice(0, -1).filter((param) => param !== undefined);
    if (message instanceof Error) fields.err = message;
    else if (typeof message === 'object' && message !== null) Object.assign(fields, message);
    else if (level === 'error' && isStack(rest[0])) {
      // Nest's own exception handler: (message, stack, context).
      const err = new Error(String(message));
      err.stack = rest[0];
      this.logger.error({ ...fields, err });
      return;
    } else rest.unshift(message);
    const [text, ...args] = rest;
    if (text === undefined) this.logger[level](fields);
    else
      this.logger[level](
        fields,
        typeof text === 'string' ? text : JSON.stringify(text),
        ...(args as never[]),
      );
  }
}

function isStack(value: unknown): value is string {
  return typeof value === 'string' && /\n\s*at /.test(value);
}
