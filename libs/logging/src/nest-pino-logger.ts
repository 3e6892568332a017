import type { LoggerService } from '@nestjs/common';
import pino, { type Level, type Logger } from 'pino';

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

/** Lines are held until this many bytes are waiting (one write for ~20 access lines)... */
const BUFFER_BYTES = 4096;
/** ...or until this much time has passed, whichever comes first. */
const FLUSH_EVERY_MS = 1000;

/**
 * A process's one logger: JSON lines, secrets redacted, written to stdout asynchronously and in
 * batches, so a request's access line costs no write of its own. What is waiting is written at
 * least every second, at once for lines logged through Nest's Logger (startup, warnings: see
 * NestPinoLogger), and synchronously when the process exits (pino flushes its destination then).
 */
export function createLogger(
  level: string,
  destination: pino.DestinationStream = batchedDestination(),
): Logger {
  const logger = pino({ level, redact: { paths: REDACTED_PATHS, censor: '[redacted]' } }, destination);
  setInterval(() => writeOut(logger), FLUSH_EVERY_MS).unref();
  return logger;
}

/**
 * Starts writing what the logger's destination holds, without waiting for it. (pino's `flush()`
 * hands the destination a callback, which leaves a listener on it per call until the write
 * drains: with stdout blocked by a slow reader, one more every second.)
 */
function writeOut(logger: Logger): void {
  const stream = (logger as unknown as Record<symbol, unknown>)[pino.symbols.streamSym] as
    { flush?: () => void; destroyed?: boolean } | undefined;
  if (stream && !stream.destroyed) stream.flush?.();
}

/** A file descriptor or path (stdout by default) written asynchronously, in batches. */
export function batchedDestination(dest: number | string = 1): pino.DestinationStream {
  return pino.destination({ dest, sync: false, minLength: BUFFER_BYTES });
}

/**
 * Nest's logger calls (`new Logger(context).warn(details, message)`) as pino lines: an object
 * argument becomes the line's fields (an Error its `err`), the context its `context` field.
 * These are the rare lines (startup, warnings, errors), so each is written out at once.
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
    this.line(level, message, params);
    this.flushSoon();
  }

  private flushPending = false;

  /** Once per turn of the event loop, however many lines (start-up logs hundreds at once). */
  private flushSoon(): void {
    if (this.flushPending) return;
    this.flushPending = true;
    setImmediate(() => {
      this.flushPending = false;
      writeOut(this.logger);
    });
  }

  private line(level: Level, message: unknown, params: unknown[]): void {
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
