import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '@/api/client';
import { filterQuery, type UsageFilters } from '@/features/usage-analytics/schema';

export interface EventPageParams {
  filters: UsageFilters;
  /** Where the page starts (a `next_cursor` the api gave); none for the newest page. */
  cursor?: string;
  limit: number;
}

export const requestLogKeys = {
  all: ['request-log'] as const,
  page: (params: EventPageParams) => [...requestLogKeys.all, 'page', params] as const,
};

/** One keyset page of usage events, newest first. */
export function useUsageEvents(params: EventPageParams, enabled = true) {
  return useQuery({
    queryKey: requestLogKeys.page(params),
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/admin/usage/events', {
          params: { query: { ...filterQuery(params.filters), cursor: params.cursor, limit: params.limit } },
        }),
      ),
    placeholderData: keepPreviousData,
    enabled,
  });
}
