import { DomainError, ErrorCode } from '@tiergate/common';
import { FEATURES, type Feature, type TierPolicyPatch, type TierQuotaPolicy } from './quota.types';

function invalid(param: string, message: string): never {
  throw new DomainError(ErrorCode.ValidationFailed, `${param} ${message}`, { param });
}

export function parseFeature(value: unknown, param = 'feature'): Feature {
  if (typeof value !== 'string' || !(FEATURES as readonly string[]).includes(value))
    invalid(param, `must be one of ${FEATURES.join(', ')}`);
  return value as Feature;
}

/**
 * A tier policy after a change (its shape validated by the admin API's DTO): features' limits and
 * rate limits merge field by field, `null` meaning unlimited.
 */
export function applyTierPolicyPatch(current: TierQuotaPolicy, patch: TierPolicyPatch): TierQuotaPolicy {
  if (!patch.features && !patch.rate_limits && !patch.on_redis_failure)
    invalid('body', 'must change features, rate_limits or on_redis_failure');
  const next: TierQuotaPolicy = structuredClone(current);
  for (const [feature, limits] of Object.entries(patch.features ?? {}) as Array<[Feature, object]>)
    next.features[feature] = { ...next.features[feature], ...limits };
  if (patch.rate_limits) next.rate_limits = { ...next.rate_limits, ...patch.rate_limits };
  if (patch.on_redis_failure) next.on_redis_failure = patch.on_redis_failure;
  return next;
}
