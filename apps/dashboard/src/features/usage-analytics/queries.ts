import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '@/api/client';
import type { SeriesSplit } from '@/lib/charts/usage-series';
import { filterQuery, type Grouping, type UsageFilters } from './schema';

export const usageAnalyticsKeys = {
  all: ['usage-analytics'] as const,
  report: (filters: UsageFilters, groupBy: Grouping) =>
    [...usageAnalyticsKeys.all, 'report', filters, groupBy] as const,
  series: (filters: UsageFilters, split: SeriesSplit) =>
    [...usageAnalyticsKeys.all, 'series', filters, split] as const,
  userSearch: (search: string) => [...usageAnalyticsKeys.all, 'user-search', search] as const,
};

/** Totals (requests, tokens, cost, rates, latency percentiles) and the groups of one grouping. */
export function useUsageReport(filters: UsageFilters, groupBy: Grouping, enabled = true) {
  return useQuery({
    queryKey: usageAnalyticsKeys.report(filters, groupBy),
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/admin/usage', { params: { query: { ...filterQuery(filters), group_by: groupBy } } }),
      ),
    placeholderData: keepPreviousData,
    enabled,
  });
}

/** The daily series for the charts (the api zero-fills days and folds keys past the top 8 into "other"). */
export function useUsageSeries(filters: UsageFilters, split: SeriesSplit, enabled = true) {
  return useQuery({
    queryKey: usageAnalyticsKeys.series(filters, split),
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/admin/usage/series', {
          params: { query: { ...filterQuery(filters), split_by: split } },
        }),
      ),
    placeholderData: keepPreviousData,
    enabled,
  });
}

/** Accounts matching part of an email or a user id, for the user filter (10 at most). */
export function useUserSearch(search: string, enabled: boolean) {
  return useQuery({
    queryKey: usageAnalyticsKeys.userSearch(search),
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/admin/users', { params: { query: { search: search || undefined, page_size: 10 } } }),
      ),
    placeholderData: keepPreviousData,
    enabled,
    staleTime: 60_000,
  });
}
