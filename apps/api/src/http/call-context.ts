import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Principal } from '@tiergate/auth';
import type { RequestTimings } from '@tiergate/common';
import type { AnswerSource, RequestedProvider } from '@tiergate/gateway';
import type { RequestTrace } from '@tiergate/tracing';
import { gatewayTimings } from './request-timing';
import { requestedProvider } from './requested-provider';

/** Who is calling, the request id, and a signal that fires when the client goes away. */
export interface CallContext {
  caller: Principal;
  requestId: string;
  signal: AbortSignal;
  /** `Cache-Control: max-stale`: an earlier answer to the same deterministic request will do. */
  preferCached: boolean;
  /** The provider the caller asked for (`x-provider` header or `provider` field), if any. */
  provider?: RequestedProvider;
  /** Fed by the pipeline's steps; read for Server-Timing when the answer goes out. */
  timings: RequestTimings;
  /** The request's trace, when tracing is on and it is sampled. */
  trace?: RequestTrace;
}

/**
 * The headers of a served answer, on every surface: where it came from (`x-tiergate-*`;
 * Together-surface bodies carry it too) and the caller's quota (`X-RateLimit-*`). Returns the answer, so a
 * controller reads `answered(reply, await this.gateway.chat(request))`.
 */
export function answered<T extends { source: AnswerSource; rateLimit: Record<string, string> }>(
  reply: FastifyReply,
  served: T,
): T {
  const { source, rateLimit } = served;
  void reply.headers({
    ...rateLimit,
    'x-tiergate-provider': source.providerId,
    'x-tiergate-model': source.servedModel,
    'x-tiergate-key-source': source.keySource,
    'x-tiergate-fallback': String(source.isFallback),
    'x-tiergate-cached': String(source.cached),
    ...(source.requestedModel && { 'x-tiergate-requested-model': source.requestedModel }),
    ...(source.fallbackReason && { 'x-tiergate-fallback-reason': source.fallbackReason }),
    ...(source.fallbackStrategy && { 'x-tiergate-fallback-strategy': source.fallbackStrategy }),
    ...(source.costUsd !== null && { 'x-tiergate-cost-usd': source.costUsd.toFixed(8) }),
  });
  return served;
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
  const reply = http.getResponse<FastifyReply>();
  return {
    caller: request.user,
    requestId: request.id,
    signal: clientSignal(reply),
    preferCached: /\bmax-stale\b/i.test(request.headers['cache-control'] ?? ''),
    provider: requestedProvider(request),
    ...gatewayTimings(request),
  };
});

/** The signed-in user as the author of a change (for the audit log), with the request id. */
export interface ActorContext {
  id: string;
  email: string;
  requestId: string;
}

export const Actor = createParamDecorator((_: unknown, context: ExecutionContext): ActorContext => {
  const request = context.switchToHttp().getRequest<FastifyRequest & { user: Principal }>();
  return { id: request.user.id, email: request.user.email, requestId: request.id };
});
