import { DomainError, ErrorCode } from '@tiergate/common';
import {
  FEATURES,
  LIMIT_FIELDS,
  RATE_FIELDS,
  type Feature,
  type FeatureLimits,
  type RateLimits,
  type TierQuotaPolicy,
} from './quota.types';

const MAX_LIMIT = 1_000_000_000;

function invalid(param: string, message: string): never {
  throw new DomainError(ErrorCode.ValidationFailed, `${param} ${message}`, { param });
}

function object(value: unknown, path: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) invalid(path, 'must be an object');
  return value as Record<string, unknown>;
}

/** Each field a whole number ≥ 0, or null for unlimited; unknown fields are refused. */
function limitsOf<T extends string>(
  value: unknown,
  path: string,
  fields: readonly T[],
): Partial<Record<T, number | null>> {
  const raw = object(value, path);
  const parsed: Partial<Record<T, number | null>> = {};
  for (const [name, limit] of Object.entries(raw)) {
    if (!(fields as readonly string[]).includes(name))
      invalid(`${path}.${name}`, `is not a limit (expected ${fields.join(', ')})`);
    if (
      limit !== null &&
      (!Number.isInteger(limit) || (limit as number) < 0 || (limit as number) > MAX_LIMIT)
    )
      invalid(`${path}.${name}`, 'must be a whole number from 0, or null for unlimited');
    parsed[name as T] = limit as number | null;
  }
  return parsed;
}

export function parseFeatureLimits(value: unknown, path: string): FeatureLimits {
  return limitsOf(value, path, LIMIT_FIELDS);
}

export function parseFeature(value: unknown, param = 'feature'): Feature {
  if (typeof value !== 'string' || !(FEATURES as readonly string[]).includes(value))
    invalid(param, `must be one of ${FEATURES.join(', ')}`);
  return value as Feature;
}

/** A (partial) tier policy from the admin API: features' limits and rate limits merge field by field. */
export function applyTierPolicyPatch(current: TierQuotaPolicy, body: unknown): TierQuotaPolicy {
  const raw = object(body, 'body');
  const extra = Object.keys(raw).find(
    (key) => !['features', 'rate_limits', 'on_redis_failure'].includes(key),
  );
  if (extra) invalid(extra, 'is not a recognised field (expected features, rate_limits, on_redis_failure)');
  if (!Object.keys(raw).length) invalid('body', 'must change features, rate_limits or on_redis_failure');
  const next: TierQuotaPolicy = structuredClone(current);
  if (raw.features !== undefined) {
    for (const [feature, limits] of Object.entries(object(raw.features, 'features'))) {
      parseFeature(feature, `features.${feature}`);
      next.features[feature as Feature] = {
        ...next.features[feature as Feature],
        ...parseFeatureLimits(limits, `features.${feature}`),
      };
    }
  }
  if (raw.rate_limits !== undefined)
    next.rate_limits = {
      ...next.rate_limits,
      ...(limitsOf(raw.rate_limits, 'rate_limits', RATE_FIELDS) as RateLimits),
    };
  if (raw.on_redis_failure !== undefined) {
    if (raw.on_redis_failure !== 'open' && raw.on_redis_failure !== 'closed')
      invalid('on_redis_failure', 'must be open or closed');
    next.on_redis_failure = raw.on_redis_failure;
  }
  return next;
}
