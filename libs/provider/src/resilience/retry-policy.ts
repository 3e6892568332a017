import { setTimeout as sleep } from 'node:timers/promises';
import { ErrorCode } from '@tiergate/common';
import type { RetrySettings } from '@tiergate/config';
import { ProviderError } from '../provider.errors';

export type { RetrySettings };

export interface RetryObserver {
  (event: { attempt: number; delayMs: number; error: ProviderError }): void;
}

/**
 * Whether another attempt at the same upstream can help: rate limiting (429), server errors (5xx)
 * and failed connections. Timeouts are not retried here (the time is already spent; the fallback
 * chain moves on instead), nor is anything the request itself caused.
 */
export function isRetryable(error: unknown): error is ProviderError {
  return (
    error instanceof ProviderError &&
    (error.code === ErrorCode.UpstreamRateLimited || error.code === ErrorCode.UpstreamUnavailable)
  );
}

/**
 * Exponential backoff with full jitter (a random delay below `base·2^retry`, capped), except that
 * an upstream's own `retry-after-ms`, `retry-after` or `x-ratelimit-reset` is honoured exactly.
 */
export function retryDelayMs(
  settings: RetrySettings,
  retry: number,
  error: ProviderError,
  random = Math.random,
) {
  if (error.retryAfterSeconds !== undefined) return Math.ceil(error.retryAfterSeconds * 1000);
  const ceiling = Math.min(settings.maxDelayMs, settings.baseDelayMs * 2 ** retry);
  return Math.floor(random() * ceiling);
}

export interface RetryOptions {
  signal?: AbortSignal;
  onRetry?: RetryObserver;
  now?: () => number;
  /**
   * Asked before each retry of a retryable failure: false ends the retries with that failure.
   * The fallback chain says no while another model can take the request (see AttemptContext).
   */
  mayRetry?: (error: ProviderError) => boolean | Promise<boolean>;
}

/**
 * Runs `operation` until it succeeds, fails for good, or the budget would be exceeded. A wait the
 * budget cannot afford is not begun: the last error is thrown at once (its `retryAfterSeconds`
 * reaches the client). The caller's signal ends the waiting too, and `mayRetry` may decline.
 */
export async function withRetries<T>(
  settings: RetrySettings,
  operation: (attempt: number) => Promise<T>,
  options: RetryOptions = {},
): Promise<T> {
  const now = options.now ?? Date.now;
  const started = now();
  for (let attempt = 0; ; attempt++) {
    try {
      return await operation(attempt);
    } catch (error) {
      if (!isRetryable(error) || attempt >= settings.maxRetries || options.signal?.aborted) throw error;
      if (options.mayRetry && !(await options.mayRetry(error))) throw error;
      const delayMs = retryDelayMs(settings, attempt, error);
      if (now() + delayMs - started > settings.budgetMs) throw error;
      options.onRetry?.({ attempt: attempt + 1, delayMs, error });
      try {
        await sleep(delayMs, undefined, { signal: options.signal });
      } catch {
        throw error; // aborted while waiting: the client is gone, report what we had
      }
    }
  }
}
