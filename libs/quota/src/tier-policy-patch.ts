import { DomainError, ErrorCode } from '@tiergate/common';
import type { Feature, TierPolicyPatch, TierQuotaPolicy } from './quota.types';

/**
 * A tier policy after a change (its shape validated by the admin API's DTO): features' limits and
 * rate limits merge field by field, `null` meaning unlimited. A change must change something.
 */
export function applyTierPolicyPatch(current: TierQuotaPolicy, patch: TierPolicyPatch): TierQuotaPolicy {
  if (!patch.features && !patch.rate_limits && !patch.on_redis_failure)
    throw new DomainError(
      ErrorCode.ValidationFailed,
      'body must change features, rate_limits or on_redis_failure',
      {
        param: 'body',
      },
    );
  const next: TierQuotaPolicy = structuredClone(current);
  for (const [feature, limits] of Object.entries(patch.features ?? {}) as Array<[Feature, object]>)
    next.features[feature] = { ...next.features[feature], ...limits };
  if (patch.rate_limits) next.rate_limits = { ...next.rate_limits, ...patch.rate_limits };
  if (patch.on_redis_failure) next.on_redis_failure = patch.on_redis_failure;
  return next;
}
