import { ErrorCode } from './error-code';

export interface DomainErrorOptions {
  /** The request field the error is about, when there is one. */
  param?: string | null;
  /** Seconds the client should wait before retrying (becomes `Retry-After`). */
  retryAfterSeconds?: number;
  cause?: unknown;
}

/**
 * The base of every error our libraries throw. Libraries never throw HttpException: the worker
 * runs the same code, and the HTTP status is decided once, in apps/api.
 */
export class DomainError extends Error {
  readonly param: string | null;
  readonly retryAfterSeconds?: number;
  /** Extra response headers (X-RateLimit-* on a quota error). */
  headers?: Record<string, string>;

  constructor(
    readonly code: ErrorCode,
    message: string,
    options: DomainErrorOptions = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    this.param = options.param ?? null;
    this.retryAfterSeconds = options.retryAfterSeconds;
  }
}

export class NotFoundError extends DomainError {
  constructor(what: string, param: string | null = null) {
    super(ErrorCode.NotFound, `${what} not found`, { param });
  }
}
