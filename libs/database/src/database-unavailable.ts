import { DomainError, ErrorCode } from '@tiergate/common';

/** How long a client is told to wait before trying again while PostgreSQL is unreachable. */
export const DATABASE_RETRY_AFTER_SECONDS = 5;

/** PostgreSQL cannot be reached: the request needs it, so it is refused with 503 and Retry-After. */
export class DatabaseUnavailableError extends DomainError {
  constructor(cause?: unknown) {
    super(
      ErrorCode.DatabaseUnavailable,
      'The database is unavailable right now, so this request cannot be completed; try again shortly',
      { retryAfterSeconds: DATABASE_RETRY_AFTER_SECONDS, cause },
    );
  }
}

/** Socket-level failures: the server refused, dropped or never answered the connection. */
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'EHOSTDOWN',
  'ENETUNREACH',
  'ENETDOWN',
  'ENOTFOUND',
  'EAI_AGAIN',
]);

/**
 * PostgreSQL's own SQLSTATEs for "not reachable now": class 08 (connection exception), 57P01-03
 * (administrator/crash shutdown, cannot connect now) and 53300 (too many connections).
 */
const UNAVAILABLE_SQLSTATE = /^(08[0-9A-Z]{3}|57P0[123]|53300)$/;

/** What node-postgres and pg-pool say when a connection is lost or cannot be had in time. */
const UNAVAILABLE_MESSAGE =
  /connection terminated|timeout exceeded when trying to connect|connection timeout|client has encountered a connection error|not queryable|cannot use a pool after calling end/i;

/**
 * Whether an error means "PostgreSQL cannot be reached" (as opposed to a bad query or a
 * constraint): the raw node-postgres error, TypeORM's QueryFailedError around it (`driverError`),
 * an `AggregateError` from a connect to several addresses, or an error's `cause`.
 */
export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== 'object' || depth > 4) return false;
  if (error instanceof DatabaseUnavailableError) return true;
  const candidate = error as {
    code?: unknown;
    message?: unknown;
    driverError?: unknown;
    errors?: unknown;
    cause?: unknown;
  };
  if (typeof candidate.code === 'string') {
    if (NETWORK_CODES.has(candidate.code) || UNAVAILABLE_SQLSTATE.test(candidate.code)) return true;
  }
  if (typeof candidate.message === 'string' && UNAVAILABLE_MESSAGE.test(candidate.message)) return true;
  const nested = [
    candidate.driverError,
    candidate.cause,
    ...(Array.isArray(candidate.errors) ? (candidate.errors as unknown[]) : []),
  ];
  return nested.some((inner) => isDatabaseUnavailable(inner, depth + 1));
}

/** The error to throw in place of `error`: a DatabaseUnavailableError when PostgreSQL is unreachable. */
export function asDatabaseError(error: unknown): unknown {
  return error instanceof DatabaseUnavailableError || !isDatabaseUnavailable(error)
    ? error
    : new DatabaseUnavailableError(error);
}
