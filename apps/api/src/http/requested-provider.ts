import type { FastifyRequest } from 'fastify';
import { DomainError, ErrorCode } from '@tiergate/common';
import type { RequestedProvider } from '@tiergate/gateway';

/**
 * The provider the caller asked for: the body's `provider` field (declared and validated by the
 * DTOs that take it) or the `x-provider` header (requirements document 000: `x-provider:
 * together`). The gateway checks that it exists and that the caller's tier may use it. Both given,
 * naming different providers: a 400.
 */
export function requestedProvider(
  request: FastifyRequest,
  /** The field as sent: a JSON body's by default; a multipart form's is passed by its reader. */
  field: unknown = (request.body as { provider?: unknown } | null | undefined)?.provider,
): RequestedProvider | undefined {
  const raw = request.headers['x-provider'];
  const header = (Array.isArray(raw) ? raw[0] : raw)?.trim() || undefined;
  const body = typeof field === 'string' && field ? field : undefined;
  if (header && body && header.toLowerCase() !== body.toLowerCase())
    throw new DomainError(
      ErrorCode.ValidationFailed,
      'provider and the x-provider header name different providers; send one of them',
      { param: 'provider' },
    );
  if (body) return { name: body, param: 'provider' };
  if (header) return { name: header.slice(0, 64), param: 'x-provider' };
  return undefined;
}
