import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';

/**
 * The absolute base URL links are built on: PUBLIC_BASE_URL when set, else the request's own
 * scheme and host (honouring X-Forwarded-* from a trusted proxy).
 */
export function publicBaseUrl(request: FastifyRequest, configured?: string): string {
  return configured ?? `${request.protocol}://${request.host}`;
}

/** The request's base URL (see publicBaseUrl without configuration); controllers prefer the config. */
export const RequestBaseUrl = createParamDecorator((_: unknown, context: ExecutionContext): string =>
  publicBaseUrl(context.switchToHttp().getRequest<FastifyRequest>()),
);
