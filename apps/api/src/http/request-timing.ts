import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { RequestTimings } from '@tiergate/common';
import type { GatewayOutcome, Metrics } from '@tiergate/metrics';
import { SPAN, type RequestTrace, type Tracing } from '@tiergate/tracing';

declare module 'fastify' {
  interface FastifyRequest {
    /** Where this request's time goes (see RequestTimings): started when it arrives. */
    timings: RequestTimings;
    /** Its trace, when tracing is on and it is sampled. */
    trace?: RequestTrace;
  }
}

/** API requests are traced; health probes, /metrics, the docs and the dashboard's files are not. */
const TRACED_ROUTE = /^\/(v1|api)\//;

/**
 * The request's timings from its first hook, and on every gateway answer (errors included) the
 * `Server-Timing` header and the overhead histogram, written when the headers go out: the whole
 * answer for a JSON body, up to the upstream's first byte for a stream. A traced request gets its
 * span here too, ended when the connection is done with the answer.
 */
export function registerRequestTiming(fastify: FastifyInstance, metrics: Metrics, tracing: Tracing): void {
  fastify.decorateRequest('timings', null as unknown as RequestTimings);
  fastify.decorateRequest('trace', undefined);
  fastify.addHook('onRequest', (request, reply, done) => {
    request.timings = new RequestTimings();
    const route = request.routeOptions.url;
    if (tracing.enabled && route && TRACED_ROUTE.test(route)) {
      const trace = tracing.startRequest(request.method, route, request.headers, request.id);
      if (trace) {
        request.trace = trace;
        reply.raw.once('close', () => trace.finish(reply.statusCode));
      }
    }
    done();
  });
  fastify.addHook('onSend', (request, reply, payload, done) => {
    const timings = request.timings;
    if (timings?.gateway && !reply.raw.headersSent) {
      const now = performance.now();
      void reply.header('server-timing', timings.serverTiming(now));
      metrics.gatewayOverhead.observe(
        { route: request.routeOptions.url ?? 'unmatched', outcome: outcomeOf(reply, timings) },
        timings.overheadMs(now) / 1000,
      );
    }
    if (request.trace && timings && timings.authStartedAt >= 0)
      request.trace.record(SPAN.auth, timings.authStartedAt, timings.authStartedAt + timings.auth);
    done(null, payload);
  });
}

function outcomeOf(reply: FastifyReply, timings: RequestTimings): GatewayOutcome {
  if (reply.statusCode >= 500) return 'failed';
  if (reply.statusCode >= 400) return 'rejected';
  return timings.cacheServed ? 'cached' : 'ok';
}

/** Marks a request as a gateway call (its answer carries Server-Timing) and hands on its timings and trace. */
export function gatewayTimings(request: FastifyRequest): Pick<FastifyRequest, 'timings' | 'trace'> {
  request.timings.gateway = true;
  return { timings: request.timings, trace: request.trace };
}
