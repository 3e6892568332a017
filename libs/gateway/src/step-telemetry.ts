import { SPAN } from '@tiergate/tracing';
import type { AnswerCachePolicy, Answered } from './chain-runner';
import type { GatewayRequestBase } from './gateway.types';
import type { ModelCall } from './model-caller';

/**
 * The pipeline's steps as the request's timings and trace see them. Each wrapper is the identity
 * when the request carries neither (a batch job), and adds no await: one clock read before, one
 * after, and spans only when the request is traced.
 */

/** Each upstream attempt timed (their sum is the `upstream` of Server-Timing) and traced. */
export function timedAttempts<T>(
  request: GatewayRequestBase,
  invoke: (call: ModelCall) => Promise<T>,
): (call: ModelCall) => Promise<T> {
  const { timings, trace } = request;
  if (!timings && !trace) return invoke;
  return (call) => {
    const started = performance.now();
    const span = trace?.attempt(call.provider.id, call.model);
    return invoke(call).then(
      (result) => {
        timings?.add('upstream', started);
        if (span) trace!.endAttempt(span);
        return result;
      },
      (error: unknown) => {
        timings?.add('upstream', started);
        if (span) trace!.endAttempt(span, error);
        throw error;
      },
    );
  };
}

/** Reads of the answer cache timed (the `cache` of Server-Timing when it served) and traced. */
export function timedCache<T>(
  request: GatewayRequestBase,
  cache: AnswerCachePolicy<T> | undefined,
): AnswerCachePolicy<T> | undefined {
  const { timings, trace } = request;
  if (!cache || (!timings && !trace)) return cache;
  return {
    ...cache,
    read: () => {
      const started = performance.now();
      trace?.begin(SPAN.cache, { 'tiergate.cache.preferred': cache.preferred });
      return cache.read().then((answer) => {
        timings?.add('cache', started);
        trace?.end(SPAN.cache, { 'tiergate.cache.hit': answer !== undefined });
        return answer;
      });
    },
  };
}

/** When a fallback answered: which models were passed over and why, drawn from the first failure. */
export function traceFallback(
  request: GatewayRequestBase,
  outcome: Answered<unknown>,
  primary: string,
): void {
  const trace = request.trace;
  if (!trace || outcome.strategy === null || outcome.optIn) return;
  const first = outcome.failures[0];
  const now = Date.now();
  const since = first?.startedAt !== undefined ? first.startedAt + (first.durationMs ?? 0) : now;
  trace.record(SPAN.fallback, since, Math.max(since, now), {
    'tiergate.fallback.strategy': outcome.strategy,
    'tiergate.fallback.reason': outcome.fallbackReason ?? 'unknown',
    'tiergate.fallback.from_model': primary,
    'tiergate.fallback.to_model': outcome.candidate.model,
    'tiergate.fallback.passed_over': outcome.failures.map((f) => `${f.candidate.model} (${f.reason})`),
  });
}
