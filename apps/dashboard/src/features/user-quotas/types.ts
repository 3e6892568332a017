import type { components } from '@/api/schema';
import type { Feature } from '@/lib/domain';

/**
 * Local types for the quota overrides: the generated schema types `FeatureLimitsByFeatureDto`'s
 * features as `components["schemas"]` (the api's NestedField thunk produces `$ref:
 * "#/components/schemas/"`), so the limits per feature are written out here.
 */
export const LIMIT_FIELDS = [
  'requests_per_day',
  'tokens_per_day',
  'tokens_per_request',
  'minutes_per_day',
] as const;
export type LimitField = (typeof LIMIT_FIELDS)[number];

/** The largest limit the api accepts. */
export const MAX_QUOTA_LIMIT = 1_000_000_000;

/** A feature's limits: a number, null for unlimited; a field left out is inherited from the tier. */
export type FeatureLimits = Partial<Record<LimitField, number | null>>;
export type Overrides = Partial<Record<Feature, FeatureLimits>>;

/** `GET /api/v1/admin/quotas/users/:id`: today's usage and limits per feature, and the overrides. */
export type UserQuota = Omit<components['schemas']['UserQuotaDto'], 'overrides'> & { overrides: Overrides };
export type FeatureQuota = components['schemas']['FeatureQuotaDto'];

/** `GET /api/v1/admin/quotas/tiers/:tier`. */
export type TierPolicy = Omit<components['schemas']['TierQuotaPolicyDto'], 'features'> & {
  features: Overrides;
};

export const LIMIT_LABELS: Record<LimitField, string> = {
  requests_per_day: 'Requests per day',
  tokens_per_day: 'Tokens per day',
  tokens_per_request: 'Tokens per request',
  minutes_per_day: 'Audio minutes per day',
};

/** The limits that apply to each feature (others are shown only when an override already sets them). */
export const FEATURE_FIELDS: Record<Feature, LimitField[]> = {
  text_generation: ['requests_per_day', 'tokens_per_day', 'tokens_per_request'],
  code_generation: ['requests_per_day', 'tokens_per_day', 'tokens_per_request'],
  image_generation: ['requests_per_day'],
  vision_analysis: ['requests_per_day'],
  audio_tts: ['requests_per_day', 'minutes_per_day'],
  audio_stt: ['requests_per_day', 'minutes_per_day'],
};
