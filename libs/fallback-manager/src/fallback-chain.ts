import { Injectable, Logger } from '@nestjs/common';
import { DomainError, ErrorCode, type ModelCandidate } from '@tiergate/common';
import { Metrics } from '@tiergate/metrics';
import { CircuitBreakerStore } from './circuit-breaker';
import {
  countsAgainstModel,
  failureReason,
  isFallbackTrigger,
  type FallbackStrategy,
} from './fallback.policy';

export interface FailedAttempt {
  candidate: ModelCandidate;
  reason: string;
  /** Set when the model was called and failed (not for a skipped one: circuit open, time limit). */
  error?: DomainError;
  /** When the call started (ms since the epoch) and how long it took, when the model was called. */
  startedAt?: number;
  durationMs?: number;
}

/** What the chain tells the caller of one model, for the call it is about to make. */
export interface AttemptContext {
  /** The call probes a half-open breaker: one attempt, never retried. */
  probe: boolean;
  /**
   * Whether a failed call may be retried on the same model. Not when another model can still take
   * the request (moving on is faster than backing off, and the breaker learns either way), nor
   * once the model's breaker has opened, nor for a probe: retries are for the last resort.
   */
  mayRetry: () => Promise<boolean>;
}

export interface ChainOptions<T> {
  /** The models to try, in order; the first is the primary. */
  chain: ModelCandidate[];
  /** When the whole chain must be over (ms since the epoch): no new model is started after it. */
  deadline: number;
  signal?: AbortSignal;
  /**
   * A model's context window (null when unknown), so that after a context-length failure only
   * models whose window is larger, or unknown, are tried.
   */
  contextLength?: (candidate: ModelCandidate) => Promise<number | null>;
  /** The last good answer for the same request, tried when every model failed. */
  cached?: () => Promise<T | undefined>;
}

export interface ChainResult<T> {
  result: T;
  candidate: ModelCandidate;
  /** Null when the primary answered. */
  strategy: FallbackStrategy | null;
  /** Why the earlier models were passed over (the first failure), when a fallback answered. */
  fallbackReason: string | null;
  failures: FailedAttempt[];
}

/** Every model failed: a 502/503/504 that lists what was tried. */
export class FallbackExhaustedError extends DomainError {
  constructor(readonly failures: FailedAttempt[]) {
    const errors = failures.flatMap((f) => (f.error ? [f.error] : []));
    const last = errors.at(-1);
    // The same failure everywhere keeps its code (all rate limited stays 429 with its Retry-After).
    const code = !last
      ? ErrorCode.NotReady
      : errors.every((e) => e.code === last.code)
        ? last.code
        : last.code === ErrorCode.UpstreamTimeout
          ? ErrorCode.UpstreamTimeout
          : ErrorCode.UpstreamUnavailable;
    const tried = failures.map((f) => `${f.candidate.model} (${f.reason})`).join(', ');
    super(code, `Every model that could serve this request failed: ${tried}`, {
      retryAfterSeconds: last?.retryAfterSeconds,
      cause: last,
    });
  }
}

/**
 * The fallback chain: the primary, then each fallback (the same provider's next model, or another
 * provider's), skipping models whose breaker is open, then the cached answer. A failure that is
 * the caller's (a bad request, a content policy) ends the chain at once with that error.
 */
@Injectable()
export class FallbackChain {
  private readonly logger = new Logger(FallbackChain.name);

  constructor(
    private readonly breakers: CircuitBreakerStore,
    private readonly metrics: Metrics,
  ) {}

  async run<T>(
    options: ChainOptions<T>,
    attempt: (candidate: ModelCandidate, context: AttemptContext) => Promise<T>,
  ): Promise<ChainResult<T>> {
    const failures: FailedAttempt[] = [];
    /** The largest context window known to be too small for this request. */
    let tooSmall: number | undefined;
    const primary = options.chain[0];
    for (const [index, candidate] of options.chain.entries()) {
      if (options.signal?.aborted) break;
      if (index > 0 && Date.now() >= options.deadline) {
        failures.push({ candidate, reason: 'chain_time_limit' });
        break;
      }
      if (tooSmall !== undefined) {
        const window = await windowOf(options, candidate);
        if (window !== null && window <= tooSmall) continue;
      }
      const key = breakerKey(candidate);
      const decision = await this.breakers.acquire(key).catch(() => 'closed' as const);
      if (decision === 'open') {
        this.metrics.breakerSkips.inc({ provider: candidate.providerId, model: candidate.model });
        failures.push({ candidate, reason: 'circuit_open' });
        continue;
      }
      const startedAt = Date.now();
      try {
        const result = await attempt(candidate, {
          probe: decision === 'probe',
          mayRetry: () => this.mayRetry(options, index, decision),
        });
        if (decision === 'probe' || failures.length)
          void this.breakers.recordSuccess(key).catch(() => undefined);
        return {
          result,
          candidate,
          strategy:
            index === 0
              ? null
              : candidate.providerId === primary.providerId
                ? 'SAME_PROVIDER_DIFFERENT_MODEL'
                : 'DIFFERENT_PROVIDER',
          fallbackReason: failures[0]?.reason ?? null,
          failures,
        };
      } catch (error) {
        await this.judge(key, candidate, decision, error);
        if (!isFallbackTrigger(error)) throw error;
        if (error.code === ErrorCode.ContextLengthExceeded) {
          if (!options.contextLength) throw error;
          tooSmall = Math.max(tooSmall ?? 0, (await windowOf(options, candidate)) ?? 0);
        }
        const reason = failureReason(error);
        failures.push({ candidate, reason, error, startedAt, durationMs: Date.now() - startedAt });
        this.logger.warn(`Falling back from ${candidate.model} (${reason}): ${error.message}`);
      }
    }
    const cached = await options.cached?.().catch(() => undefined);
    if (cached !== undefined)
      return {
        result: cached,
        candidate: primary,
        strategy: 'CACHED_RESPONSE',
        fallbackReason: failures[0]?.reason ?? null,
        failures,
      };
    // The caller left before any model was tried: nothing to report but that.
    if (!failures.length && options.signal?.aborted)
      throw new DomainError(ErrorCode.ClientClosedRequest, 'The client closed the request');
    // One model tried and failed, or no usable key anywhere: that error says the most.
    if (failures.length === 1 && failures[0].error) throw failures[0].error;
    if (failures.length && failures.every((f) => f.error?.code === ErrorCode.NoSystemKey))
      throw failures[0].error!;
    const contextError = failures.find((f) => f.error?.code === ErrorCode.ContextLengthExceeded)?.error;
    if (contextError && failures.every((f) => f.error?.code === ErrorCode.ContextLengthExceeded))
      throw new DomainError(
        ErrorCode.ContextLengthExceeded,
        `The request does not fit the context window of ${failures.map((f) => f.candidate.model).join(', ')}, and your tier has no model with a larger one; shorten the conversation or lower max_tokens`,
        { param: 'messages' },
      );
    throw new FallbackExhaustedError(failures);
  }

  /**
   * What a failed call tells the model's breaker: a failure of the model's own (5xx, timeout,
   * broken answer, model unavailable) counts against it; a probe that failed for another reason
   * (the caller's request, a rate limit, the caller leaving) says nothing either way, so the next
   * call may probe instead.
   */
  private async judge(
    key: string,
    candidate: ModelCandidate,
    decision: 'closed' | 'probe',
    error: unknown,
  ): Promise<void> {
    if (countsAgainstModel(error)) await this.recordFailure(key, candidate);
    else if (decision === 'probe') await this.breakers.releaseProbe(key).catch(() => undefined);
  }

  private async recordFailure(key: string, candidate: ModelCandidate): Promise<void> {
    const opened = await this.breakers.recordFailure(key).catch(() => false);
    if (!opened) return;
    this.metrics.breakerOpenings.inc({ provider: candidate.providerId, model: candidate.model });
    this.logger.warn(`Circuit opened for ${key}`);
  }

  /** See {@link AttemptContext.mayRetry}. */
  private async mayRetry<T>(
    options: ChainOptions<T>,
    index: number,
    decision: 'closed' | 'probe',
  ): Promise<boolean> {
    if (decision === 'probe') return false;
    if ((await this.peek(options.chain[index])) === 'open') return false;
    return !(await this.fallbackRemains(options, index));
  }

  /** Another model after this one may still be tried: its breaker is not open, and there is time. */
  private async fallbackRemains<T>(options: ChainOptions<T>, index: number): Promise<boolean> {
    if (Date.now() >= options.deadline) return false;
    for (const later of options.chain.slice(index + 1)) if ((await this.peek(later)) !== 'open') return true;
    return false;
  }

  private peek(candidate: ModelCandidate) {
    return this.breakers.peek(breakerKey(candidate)).catch(() => 'closed' as const);
  }
}

/** A model's context window, null when unknown (or when the catalog cannot be read). */
async function windowOf<T>(options: ChainOptions<T>, candidate: ModelCandidate): Promise<number | null> {
  return (await options.contextLength?.(candidate).catch(() => null)) ?? null;
}

export function breakerKey(candidate: ModelCandidate): string {
  return `${candidate.providerId}:${candidate.model}`;
}

/** The provider and model a breaker key names (provider ids have no colon; model ids may). */
export function breakerCandidate(key: string): ModelCandidate {
  const colon = key.indexOf(':');
  return { providerId: key.slice(0, colon), model: key.slice(colon + 1) };
}
