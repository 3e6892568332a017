import type { components } from '@/api/schema';

export type QuotaView = components['schemas']['QuotaViewDto'];
export type FeatureQuota = components['schemas']['FeatureQuotaDto'];
export type RateLimits = components['schemas']['RateLimitsDto'];
export type LimitName = components['schemas']['LimitName'];
export type QuotaRequest = components['schemas']['QuotaRequestDto'];
export type QuotaRequestPage = components['schemas']['QuotaRequestPageDto'];
export type NewQuotaRequest = components['schemas']['CreateQuotaRequestDto'];

export const LIMIT_LABELS: Record<LimitName, string> = {
  requests_per_day: 'Requests per day',
  tokens_per_day: 'Tokens per day',
  tokens_per_request: 'Tokens per request',
  minutes_per_day: 'Audio minutes per day',
};
