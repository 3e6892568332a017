import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { clientSignal } from './call-context';

/**
 * An AbortSignal that fires when the client goes away before its response is complete, so the
 * upstream call is aborted with it (also for streams).
 */
export const ClientSignal = createParamDecorator((_: unknown, context: ExecutionContext): AbortSignal =>
  clientSignal(context.switchToHttp().getResponse<FastifyReply>()),
);

/** The request id Fastify assigned (from a valid incoming `x-request-id`, else generated). */
export const RequestId = createParamDecorator(
  (_: unknown, context: ExecutionContext): string => context.switchToHttp().getRequest<{ id: string }>().id,
);
