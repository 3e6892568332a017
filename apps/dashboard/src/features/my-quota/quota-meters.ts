import type { FeatureQuota, LimitName, QuotaView, RateLimits } from './schema';
import { FEATURES, FEATURE_LABELS, type Feature } from '@/lib/domain';

export type Metric = 'requests' | 'tokens' | 'minutes';

/** One used / limit bar, with its words ("120 of 200 requests today"). */
export interface QuotaMeter {
  metric: Metric;
  used: number;
  /** null: unlimited. */
  limit: number | null;
  /** 0..100, capped; null when unlimited. */
  percent: number | null;
  label: string;
  color: 'blue' | 'orange' | 'red';
}

export interface FeatureMeters {
  feature: Feature;
  title: string;
  meters: QuotaMeter[];
  /** "Up to 2,000 tokens per request", when the tier caps one request. */
  note?: string;
}

const int = new Intl.NumberFormat('en-US');
const minutes = new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 });

function amount(metric: Metric, value: number): string {
  return metric === 'minutes' ? minutes.format(value) : int.format(value);
}

const UNITS: Record<Metric, [string, string]> = {
  requests: ['request', 'requests'],
  tokens: ['token', 'tokens'],
  minutes: ['minute', 'minutes'],
};

/** A limit of 0 is "none allowed": the bar is full. */
export function quotaMeter(metric: Metric, used: number, limit: number | null | undefined): QuotaMeter {
  const unit = (count: number) => UNITS[metric][count === 1 ? 0 : 1];
  if (limit === null || limit === undefined)
    return {
      metric,
      used,
      limit: null,
      percent: null,
      label: `${amount(metric, used)} ${unit(used)} today · Unlimited`,
      color: 'blue',
    };
  const percent = limit <= 0 ? 100 : Math.min(100, (used / limit) * 100);
  return {
    metric,
    used,
    limit,
    percent,
    label: `${amount(metric, used)} of ${amount(metric, limit)} ${unit(limit)} today`,
    color: percent >= 100 ? 'red' : percent >= 80 ? 'orange' : 'blue',
  };
}

function featureMeters(feature: Feature, quota: FeatureQuota): FeatureMeters {
  const meters = [quotaMeter('requests', quota.requests_used, quota.requests_limit)];
  if (quota.tokens_used !== undefined || quota.tokens_limit !== undefined)
    meters.push(quotaMeter('tokens', quota.tokens_used ?? 0, quota.tokens_limit));
  if (quota.minutes_used !== undefined || quota.minutes_limit !== undefined)
    meters.push(quotaMeter('minutes', quota.minutes_used ?? 0, quota.minutes_limit));
  const perRequest = quota.tokens_per_request_limit;
  return {
    feature,
    title: FEATURE_LABELS[feature],
    meters,
    ...(typeof perRequest === 'number' && { note: `Up to ${int.format(perRequest)} tokens per request` }),
  };
}

/**
 * Today's quota as bars, feature by feature in the specification's order (features the API left out
 * are skipped).
 */
export function prepareQuotaMeters(view: QuotaView): FeatureMeters[] {
  return FEATURES.filter((feature) => view[feature]).map((feature) => featureMeters(feature, view[feature]));
}

/** The tier's rate limits in words; null is Unlimited. */
export function rateLimitRows(limits: RateLimits): { label: string; value: string }[] {
  const show = (value: number | null | undefined) =>
    value === null || value === undefined ? 'Unlimited' : int.format(value);
  return [
    { label: 'Requests per second', value: show(limits.requests_per_second) },
    { label: 'Requests per minute', value: show(limits.requests_per_minute) },
    { label: 'Tokens per minute', value: show(limits.tokens_per_minute) },
    { label: 'Streams at once', value: show(limits.concurrent_streams) },
  ];
}

/** The current limit a request would raise (for the Request Increase form), null when unlimited. */
export function currentLimit(view: QuotaView, feature: Feature, limit: LimitName): number | null | undefined {
  const quota = view[feature];
  switch (limit) {
    case 'requests_per_day':
      return quota.requests_limit;
    case 'tokens_per_day':
      return quota.tokens_limit;
    case 'tokens_per_request':
      return quota.tokens_per_request_limit;
    case 'minutes_per_day':
      return quota.minutes_limit;
  }
}
