import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Principal } from '@tiergate/auth';

/** Who is calling, the request id, and a signal that fires when the client goes away. */
export interface CallContext {
  caller: Principal;
  requestId: string;
  signal: AbortSignal;
}

export function clientSignal(reply: FastifyReply): AbortSignal {
  const controller = new AbortController();
  reply.raw.once('close', () => {
    if (!reply.raw.writableFinished) controller.abort();
  });
  return controller.signal;
}

/** The start of every gateway request, as controllers pass it on. */
export const Call = createParamDecorator((_: unknown, context: ExecutionContext): CallContext => {
  const http = context.switchToHttp();
  const request = http.getRequest<FastifyRequest & { user: Principal }>();
  return {
    caller: request.user,
    requestId: request.id,
    signal: clientSignal(http.getResponse<FastifyReply>()),
  };
});
