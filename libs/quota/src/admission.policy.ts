import type { QuotaDemand } from './admission';
import type { LimitName, ReservationLimits } from './quota-store';
import { QuotaExceededError, RequestTooLargeError } from './quota.errors';
import type { FeatureLimits, RateLimits } from './quota.types';

/** Token reservation for a request that names no max_tokens and has no per-request cap. */
const DEFAULT_COMPLETION_ESTIMATE = 512;

/** The max_tokens to send upstream: the request's own, capped by the tier's tokens per request. */
export function cappedMaxTokens(demand: QuotaDemand, limits: FeatureLimits): number | undefined {
  const perRequest = limits.tokens_per_request;
  if (demand.promptTokens === undefined || perRequest == null) return demand.maxTokens;
  const choices = demand.choices ?? 1;
  const needed = demand.promptTokens + choices * (demand.maxTokens ?? 1);
  if (needed > perRequest) throw new RequestTooLargeError(demand.feature, needed, perRequest);
  return Math.min(demand.maxTokens ?? Infinity, Math.floor((perRequest - demand.promptTokens) / choices));
}

/**
 * The tokens a request reserves: its prompt and the most each of its answers may generate (0 for
 * untokenized features).
 */
export function reservedTokens(demand: QuotaDemand, maxTokens: number | undefined): number {
  return demand.promptTokens === undefined
    ? 0
    : demand.promptTokens + (demand.choices ?? 1) * (maxTokens ?? DEFAULT_COMPLETION_ESTIMATE);
}

/** The limits one reservation checks, by name (null: unlimited); streams only for a stream. */
export function reservationLimits(
  limits: FeatureLimits,
  rates: RateLimits,
  stream: boolean,
): ReservationLimits {
  return {
    requests_per_second: rates.requests_per_second,
    requests_per_minute: rates.requests_per_minute,
    tokens_per_minute: rates.tokens_per_minute,
    concurrent_streams: stream ? rates.concurrent_streams : null,
    requests_per_day: limits.requests_per_day,
    tokens_per_day: limits.tokens_per_day,
    minutes_per_day: limits.minutes_per_day == null ? null : limits.minutes_per_day * 60_000,
  };
}

/** X-RateLimit-* for the response: the daily request quota, when there is one. */
export function rateLimitHeaders(
  limits: FeatureLimits,
  used: number,
  resetsAt: Date,
): Record<string, string> {
  if (limits.requests_per_day == null) return {};
  return {
    'x-ratelimit-limit': String(limits.requests_per_day),
    'x-ratelimit-remaining': String(Math.max(0, limits.requests_per_day - used)),
    'x-ratelimit-reset': String(Math.ceil(resetsAt.getTime() / 1000)),
  };
}

/** The refusal for a limit reached: when that limit resets, in the unit the tier's policy uses. */
export function quotaExceededError(
  demand: QuotaDemand,
  limit: LimitName,
  value: number,
  dayReset: Date,
  now: number,
): QuotaExceededError {
  const resetsAt =
    limit === 'requests_per_second'
      ? new Date((Math.floor(now / 1000) + 1) * 1000)
      : limit === 'requests_per_minute' || limit === 'tokens_per_minute'
        ? new Date((Math.floor(now / 60_000) + 1) * 60_000)
        : limit === 'concurrent_streams'
          ? new Date(now + 1000)
          : dayReset;
  const shown = limit === 'minutes_per_day' ? value / 60_000 : value;
  const scope = limit.endsWith('_per_day')
    ? `${demand.feature} on the ${demand.caller.tier} tier`
    : `the ${demand.caller.tier} tier`;
  return new QuotaExceededError(
    `Limit reached: ${shown} ${limit.replace(/_/g, ' ')} for ${scope}; it resets at ${resetsAt.toISOString()}`,
    demand.feature,
    limit,
    shown,
    resetsAt,
    Math.max(1, Math.ceil((resetsAt.getTime() - now) / 1000)),
  );
}
