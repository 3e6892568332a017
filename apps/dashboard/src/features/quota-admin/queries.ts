import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '@/api/client';
import type { QuotaRequestStatus } from './schema';
import type { Tier } from '@/lib/domain';

export interface QuotaRequestParams {
  status?: QuotaRequestStatus;
  page: number;
  page_size: number;
}

export const quotaAdminKeys = {
  all: ['quota-admin'] as const,
  tiers: () => [...quotaAdminKeys.all, 'tier'] as const,
  tier: (tier: Tier) => [...quotaAdminKeys.tiers(), tier] as const,
  requests: () => [...quotaAdminKeys.all, 'requests'] as const,
  requestPage: (params: QuotaRequestParams) => [...quotaAdminKeys.requests(), params] as const,
};

export function useTierPolicy(tier: Tier) {
  return useQuery({
    queryKey: quotaAdminKeys.tier(tier),
    queryFn: () => unwrap(api.GET('/api/v1/admin/quotas/tiers/{tier}', { params: { path: { tier } } })),
  });
}

export function useQuotaRequests(params: QuotaRequestParams) {
  return useQuery({
    queryKey: quotaAdminKeys.requestPage(params),
    queryFn: () => unwrap(api.GET('/api/v1/admin/quota-requests', { params: { query: params } })),
    placeholderData: keepPreviousData,
  });
}
