import type { FastifyRequest } from 'fastify';
import { DomainError, ErrorCode } from '@tiergate/common';

/**
 * Text the api refuses wherever a client can put it (JSON bodies, path and query parameters): the
 * NUL character, which PostgreSQL cannot store in a text column, and unpaired UTF-16 surrogates,
 * which are not Unicode text at all (UTF-8 cannot encode them, and validators such as `isEmail`
 * throw on them). Both only arrive escaped (`\u0000`, `\ud800`, `%00`), so the checks below run only
 * when the raw request holds such an escape.
 */
const UNPAIRED_SURROGATE = /\p{Surrogate}/u;

function stringProblem(text: string): string | undefined {
  if (text.includes('\0')) return 'contains a NUL character (\\u0000), which is not accepted';
  if (UNPAIRED_SURROGATE.test(text)) {
    return 'contains an unpaired UTF-16 surrogate (such as \\ud800), which is not valid Unicode text';
  }
  return undefined;
}

function childPath(parent: string, key: string | number): string {
  if (typeof key === 'number') return `${parent}[${key}]`;
  return parent ? `${parent}.${key}` : key;
}

/** The first string, or object key, in a parsed JSON value that is not acceptable text. */
export function textProblem(value: unknown, path = ''): DomainError | undefined {
  if (typeof value === 'string') {
    const problem = stringProblem(value);
    return problem ? invalidText(path || 'body', problem) : undefined;
  }
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = textProblem(value[i], childPath(path, i));
      if (found) return found;
    }
  } else if (typeof value === 'object' && value !== null) {
    for (const [key, item] of Object.entries(value)) {
      const keyProblem = stringProblem(key);
      if (keyProblem) return invalidText(path || 'body', `has a key that ${keyProblem}`);
      const found = textProblem(item, childPath(path, key));
      if (found) return found;
    }
  }
  return undefined;
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
