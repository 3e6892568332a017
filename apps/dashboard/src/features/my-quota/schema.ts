import type { components } from '@/api/schema';

export type QuotaView = components['schemas']['QuotaViewDto'];
export type FeatureQuota = components['schemas']['FeatureQuotaDto'];
export type RateLimits = components['schemas']['RateLimitsDto'];
export type Feature = components['schemas']['Feature'];
export type LimitName = components['schemas']['LimitName'];
export type QuotaRequest = components['schemas']['QuotaRequestDto'];
export type QuotaRequestPage = components['schemas']['QuotaRequestPageDto'];
export type NewQuotaRequest = components['schemas']['CreateQuotaRequestDto'];

/** The features in the seed's order, with the names the User Guide uses. */
export const FEATURE_LABELS: Record<Feature, string> = {
  text_generation: 'Text generation',
  code_generation: 'Code generation',
  image_generation: 'Image generation',
  vision_analysis: 'Vision analysis',
  audio_tts: 'Text to speech',
  audio_stt: 'Speech to text',
};
export const FEATURES = Object.keys(FEATURE_LABELS) as Feature[];

export const LIMIT_LABELS: Record<LimitName, string> = {
  requests_per_day: 'Requests per day',
  tokens_per_day: 'Tokens per day',
  tokens_per_request: 'Tokens per request',
  minutes_per_day: 'Audio minutes per day',
};
