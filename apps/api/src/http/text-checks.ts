import type { FastifyRequest } from 'fastify';
import { DomainError, ErrorCode, findUnacceptableText } from '@tiergate/common';

/**
 * Text the api refuses wherever a client can put it (JSON bodies, path and query parameters,
 * form fields): a NUL or an unpaired surrogate (see libs/common's unacceptable-text.ts), as a 400
 * naming where it was.
 */
export function textProblem(value: unknown, path = ''): DomainError | undefined {
  const found = findUnacceptableText(value, 'body', path);
  return found && invalidText(found.field, found.problem);
}

function invalidText(field: string, problem: string): DomainError {
  return new DomainError(ErrorCode.ValidationFailed, `${field} ${problem}`, { param: field });
}

/**
 * A path or query parameter holding a NUL (`%00`). Fastify has decoded both by the first hook. A
 * percent-escape that is not UTF-8 (an encoded surrogate among them) never decodes: in the path it
 * is refused (see `frameworkErrors`), in the query it stays as sent.
 */
export function urlTextProblem(request: FastifyRequest): DomainError | undefined {
  if (!request.url.includes('%00')) return undefined;
  for (const source of [request.params, request.query]) {
    if (typeof source !== 'object' || source === null) continue;
    for (const [name, value] of Object.entries(source as Record<string, unknown>)) {
      const found = textProblem(value, name === '*' ? 'path' : name);
      if (found) return found;
    }
  }
  return undefined;
}

/** Fastify's refusal of a URL it cannot route, as the one error. */
export function badUrl(error: { code?: string }): DomainError {
  const message =
    error.code === 'FST_ERR_MAX_PARAM_LENGTH'
      ? 'A path parameter of the URL is too long'
      : 'The URL is not valid: a percent-escape in its path does not encode UTF-8 text';
  return new DomainError(ErrorCode.ValidationFailed, message, { param: 'url' });
}
