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
  /** Sets the response headers that say where the answer came from. */
  onServed: (source: AnswerSource) => void;
  /** `Cache-Control: max-stale`: an earlier answer to the same deterministic request will do. */
  preferCached: boolean;
  /** Sets the X-RateLimit-* headers of an admitted request. */
  onQuota: (headers: Record<string, string>) => void;
  /** The provider the caller asked for (`x-provider` header or `provider` field), if any. */
  provider?: RequestedProvider;
  /** Fed by the pipeline's steps; read for Server-Timing when the answer goes out. */
  timings: RequestTimings;
  /** The request's trace, when tracing is on and it is sampled. */
  trace?: RequestTrace;
}

/** Where an answer came from, on every surface (the seed's bodies carry it too). */
export function servedHeaders(reply: FastifyReply, source: AnswerSource): void {
  if (reply.sent || reply.raw.headersSent) return;
  void reply.headers({
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
    onServed: (source) => servedHeaders(reply, source),
    preferCached: /\bmax-stale\b/i.test(request.headers['cache-control'] ?? ''),
    provider: requestedProvider(request),
    onQuota: (headers) => {
      if (!reply.sent && !reply.raw.headersSent) void reply.headers(headers);
    },
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
