import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '@/api/client';
import type { components } from '@/api/schema';

export type Overview = components['schemas']['OverviewDto'];
export type ServiceHealth = components['schemas']['ServiceHealthDto'];
export type OpenBreaker = components['schemas']['OpenBreakerDto'];
export type UsageQueue = components['schemas']['UsageQueueDto'];

/** The Overview page refreshes on this period, never faster (one request each time). */
export const OVERVIEW_REFRESH_MS = 30_000;

export const overviewKeys = { all: ['admin', 'overview'] as const };

export const overviewQuery = queryOptions({
  queryKey: overviewKeys.all,
  queryFn: () => unwrap(api.GET('/api/v1/admin/overview')),
  staleTime: OVERVIEW_REFRESH_MS,
});

export function useOverview() {
  return useQuery({
    ...overviewQuery,
    refetchInterval: OVERVIEW_REFRESH_MS,
    refetchIntervalInBackground: false,
  });
}
