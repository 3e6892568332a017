import type { Modality, Tier } from '@tiergate/common';

/** What quotas are counted per: the specification's features. */
export const FEATURES = [
  'text_generation',
  'code_generation',
  'image_generation',
  'vision_analysis',
  'audio_tts',
  'audio_stt',
] as const;
export type Feature = (typeof FEATURES)[number];

export function featureOf(modality: Modality): Feature {
  switch (modality) {
    case 'code':
      return 'code_generation';
    case 'image':
      return 'image_generation';
    case 'vision':
      return 'vision_analysis';
    case 'audio_tts':
      return 'audio_tts';
    case 'audio_stt':
      return 'audio_stt';
    default:
      return 'text_generation';
  }
}

/** A feature's daily limits; null (or absent) means unlimited. */
export interface FeatureLimits {
  requests_per_day?: number | null;
  tokens_per_day?: number | null;
  tokens_per_request?: number | null;
  minutes_per_day?: number | null;
}

/** A tier's request-rate limits (every feature together); null means unlimited. */
export interface RateLimits {
  requests_per_second?: number | null;
  requests_per_minute?: number | null;
  tokens_per_minute?: number | null;
  concurrent_streams?: number | null;
}

/** One feature's use today, as the quota endpoints show it; null limits are unlimited. */
export interface FeatureQuotaView {
  requests_used: number;
  requests_limit: number | null;
  /** Token fields: text and code, and any feature with a daily token limit. */
  tokens_used?: number;
  tokens_limit?: number | null;
  tokens_per_request_limit?: number | null;
  /** Minute fields: audio, and any feature with a daily minute limit. */
  minutes_used?: number;
  minutes_limit?: number | null;
}

export type RedisFailureMode = 'closed' | 'open';

export interface TierQuotaPolicy {
  features: Partial<Record<Feature, FeatureLimits>>;
  rate_limits: RateLimits;
  /** When Redis cannot be reached: refuse (503), or serve with per-instance limits. */
  on_redis_failure: RedisFailureMode;
}

export type QuotaConfigDocument = Record<Tier, TierQuotaPolicy>;

/** The largest limit an admin may set (a whole number from 0; null means unlimited). */
export const MAX_QUOTA_LIMIT = 1_000_000_000;

/** A change to a tier's policy: the features' limits and rate limits given replace field by field. */
export interface TierPolicyPatch {
  features?: Partial<Record<Feature, FeatureLimits>>;
  rate_limits?: RateLimits;
  on_redis_failure?: RedisFailureMode;
}

export const LIMIT_FIELDS = [
  'requests_per_day',
  'tokens_per_day',
  'tokens_per_request',
  'minutes_per_day',
] as const;
/** A daily limit a user may ask to raise. */
export type DailyLimitName = (typeof LIMIT_FIELDS)[number];
export const RATE_FIELDS = [
  'requests_per_second',
  'requests_per_minute',
  'tokens_per_minute',
  'concurrent_streams',
] as const;
