import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';

/**
 * The model id of a `GET …/models/*` path: slashes sent as is or encoded (`%2F`, as the OpenAI SDK
 * sends them). Documented as the `path` parameter (Swagger's name for the wildcard).
 */
export const ModelIdPath = createParamDecorator((_: unknown, context: ExecutionContext): string => {
  const raw = context.switchToHttp().getRequest<FastifyRequest<{ Params: { '*': string } }>>().params['*'];
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
});
