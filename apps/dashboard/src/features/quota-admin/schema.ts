import { z } from 'zod';
import type { components } from '@/api/schema';
import { FEATURES, type Feature } from '@/lib/domain';

export type LimitName = components['schemas']['LimitName'];
export type QuotaRequest = components['schemas']['QuotaRequestDto'];
export type QuotaRequestStatus = components['schemas']['QuotaRequestStatus'];
export type RateLimits = components['schemas']['RateLimitsDto'];

export const LIMIT_NAMES: readonly LimitName[] = [
  'requests_per_day',
  'tokens_per_day',
  'tokens_per_request',
  'minutes_per_day',
];
export type RateLimitName = keyof RateLimits;
export const RATE_LIMIT_NAMES: readonly RateLimitName[] = [
  'requests_per_second',
  'requests_per_minute',
  'tokens_per_minute',
  'concurrent_streams',
];

export const LIMIT_LABELS: Record<LimitName, string> = {
  requests_per_day: 'Requests per day',
  tokens_per_day: 'Tokens per day',
  tokens_per_request: 'Tokens per request',
  minutes_per_day: 'Minutes per day',
};
export const RATE_LIMIT_LABELS: Record<RateLimitName, string> = {
  requests_per_second: 'Requests per second',
  requests_per_minute: 'Requests per minute',
  tokens_per_minute: 'Tokens per minute',
  concurrent_streams: 'Concurrent streams',
};

/** A feature's daily limits; null or absent: unlimited. */
export type FeatureLimits = components['schemas']['FeatureLimitsDto'];
/** `GET /api/v1/admin/quotas/tiers/:tier`. */
export type TierPolicy = components['schemas']['TierQuotaPolicyDto'];
/** `PUT /api/v1/admin/quotas/tiers/:tier`: fields given are replaced, null means unlimited. */
export type TierPolicyUpdate = components['schemas']['UpdateTierPolicyDto'];

export const MAX_QUOTA_LIMIT = 1_000_000_000;

/**
 * A limit in a form: a whole number, or null when "Unlimited" is ticked. An empty input ('') is
 * neither, and is refused: the admin must type a number or tick Unlimited, never leave it ambiguous.
 */
export type LimitValue = number | string | null;

export const limitValueSchema = z.custom<number | null>(
  (value) =>
    value === null ||
    (typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= MAX_QUOTA_LIMIT),
  { message: 'Enter a whole number from 0, or tick Unlimited' },
);

export type TierPolicyValues = {
  features: Record<Feature, Record<LimitName, LimitValue>>;
  rate_limits: Record<RateLimitName, LimitValue>;
  on_redis_failure: 'open' | 'closed';
};

export const tierPolicySchema = z.object({
  features: z.object(
    Object.fromEntries(
      FEATURES.map((feature) => [
        feature,
        z.object(Object.fromEntries(LIMIT_NAMES.map((name) => [name, limitValueSchema]))),
      ]),
    ),
  ),
  rate_limits: z.object(Object.fromEntries(RATE_LIMIT_NAMES.map((name) => [name, limitValueSchema]))),
  on_redis_failure: z.enum(['open', 'closed']),
});

/** The form's values for a policy: every feature and limit present, absent meaning unlimited (null). */
export function policyToValues(policy: TierPolicy): TierPolicyValues {
  const features = Object.fromEntries(
    FEATURES.map((feature) => [
      feature,
      Object.fromEntries(LIMIT_NAMES.map((name) => [name, policy.features[feature]?.[name] ?? null])),
    ]),
  ) as TierPolicyValues['features'];
  const rate_limits = Object.fromEntries(
    RATE_LIMIT_NAMES.map((name) => [name, policy.rate_limits[name] ?? null]),
  ) as TierPolicyValues['rate_limits'];
  return { features, rate_limits, on_redis_failure: policy.on_redis_failure };
}

/** The PUT body for validated values: every limit sent, so the saved policy is exactly what is shown. */
export function valuesToUpdate(values: TierPolicyValues): TierPolicyUpdate {
  const limit = (value: LimitValue): number | null => (value === null || value === '' ? null : Number(value));
  return {
    features: Object.fromEntries(
      FEATURES.map((feature) => [
        feature,
        Object.fromEntries(LIMIT_NAMES.map((name) => [name, limit(values.features[feature][name])])),
      ]),
    ),
    rate_limits: Object.fromEntries(RATE_LIMIT_NAMES.map((name) => [name, limit(values.rate_limits[name])])),
    on_redis_failure: values.on_redis_failure,
  };
}

export const approveSchema = z.object({
  limit: z
    .number({ error: 'Enter the limit to grant' })
    .int('A whole number')
    .min(1, 'At least 1')
    .max(MAX_QUOTA_LIMIT, 'Too large'),
  reason: z
    .string()
    .trim()
    .max(1000, 'At most 1000 characters')
    .refine((value) => value === '' || value.length >= 3, 'At least 3 characters, or leave it empty'),
});
export type ApproveValues = z.infer<typeof approveSchema>;

export const denySchema = z.object({
  reason: z
    .string()
    .trim()
    .min(3, 'Say why (at least 3 characters); the user sees it')
    .max(1000, 'At most 1000 characters'),
});
export type DenyValues = z.infer<typeof denySchema>;
