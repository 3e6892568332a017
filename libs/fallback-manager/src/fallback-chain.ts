import { Injectable, Logger } from '@nestjs/common';
import { DomainError, ErrorCode } from '@tiergate/common';
import { Metrics } from '@tiergate/metrics';
import { CircuitBreakerStore } from './circuit-breaker';
import {
  countsAgainstModel,
  failureReason,
  isFallbackTrigger,
  type FallbackStrategy,
} from './fallback.policy';

export interface ChainCandidate {
  providerId: string;
  model: string;
}

export interface FailedAttempt {
  candidate: ChainCandidate;
  reason: string;
  error?: DomainError;
}

export interface ChainOptions<T> {
  /** The models to try, in order; the first is the primary. */
  chain: ChainCandidate[];
  /** When the whole chain must be over (ms since the epoch): no new model is started after it. */
  deadline: number;
  signal?: AbortSignal;
  /** A model's context window, to skip those no larger than one that was too small. */
  contextLength?: (candidate: ChainCandidate) => Promise<number | null>;
  /** The last good answer for the same request, tried when every model failed. */
  cached?: () => Promise<T | undefined>;
}

export interface ChainResult<T> {
  result: T;
  candidate: ChainCandidate;
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
    attempt: (candidate: ChainCandidate) => Promise<T>,
  ): Promise<ChainResult<T>> {
    const failures: FailedAttempt[] = [];
    let tooSmall: number | undefined;
    const primary = options.chain[0];
    for (const [index, candidate] of options.chain.entries()) {
      if (options.signal?.aborted) break;
      if (index > 0 && Date.now() >= options.deadline) {
        failures.push({ candidate, reason: 'chain_time_limit' });
        break;
      }
      if (tooSmall !== undefined) {
        const window = (await options.contextLength?.(candidate)) ?? null;
        if (window === null || window <= tooSmall) continue;
      }
      const key = breakerKey(candidate);
      const decision = await this.breakers.acquire(key).catch(() => 'closed' as const);
      if (decision === 'open') {
        this.metrics.breakerSkips.inc({ provider: candidate.providerId, model: candidate.model });
        failures.push({ candidate, reason: 'circuit_open' });
        continue;
      }
      try {
        const result = await attempt(candidate);
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
        if (countsAgainstModel(error) || decision === 'probe') await this.recordFailure(key, candidate);
        if (!isFallbackTrigger(error)) throw error;
        if (error.code === ErrorCode.ContextLengthExceeded) {
          tooSmall = (await options.contextLength?.(candidate)) ?? 0;
          if (!options.contextLength) throw error;
        }
        failures.push({ candidate, reason: failureReason(error), error });
        this.logger.warn(`Falling back from ${candidate.model} (${failureReason(error)}): ${error.message}`);
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
    // One model tried and failed, or no usable key anywhere: that error says the most.
    if (failures.length === 1 && failures[0].error) throw failures[0].error;
    if (failures.every((f) => f.error?.code === ErrorCode.NoSystemKey)) throw failures[0].error!;
    const contextError = failures.find((f) => f.error?.code === ErrorCode.ContextLengthExceeded)?.error;
    if (contextError && failures.every((f) => f.error?.code === ErrorCode.ContextLengthExceeded))
      throw new DomainError(
        ErrorCode.ContextLengthExceeded,
        `The request does not fit the context window of ${failures.map((f) => f.candidate.model).join(', ')}, and your tier has no model with a larger one; shorten the conversation or lower max_tokens`,
        { param: 'messages' },
      );
    throw new FallbackExhaustedError(failures);
  }

  private async recordFailure(key: string, candidate: ChainCandidate): Promise<void> {
    const opened = await this.breakers.recordFailure(key).catch(() => false);
    if (!opened) return;
    this.metrics.breakerOpenings.inc({ provider: candidate.providerId, model: candidate.model });
    this.logger.warn(`Circuit opened for ${key}`);
  }
}

export function breakerKey(candidate: ChainCandidate): string {
  return `${candidate.providerId}:${candidate.model}`;
}

/** The provider and model a breaker key names (provider ids have no colon; model ids may). */
export function breakerCandidate(key: string): ChainCandidate {
  const colon = key.indexOf(':');
  return { providerId: key.slice(0, colon), model: key.slice(colon + 1) };
}
