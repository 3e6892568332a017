import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '@/api/client';

export const myUsageKeys = {
  all: ['my-usage'] as const,
  usage: (from: string, to: string) => [...myUsageKeys.all, 'usage', { from, to }] as const,
  billing: () => [...myUsageKeys.all, 'billing'] as const,
};

/** My usage by day × feature × model over a date range (inclusive, UTC). */
export const useMyUsage = (from: string, to: string, enabled = true) =>
  useQuery({
    queryKey: myUsageKeys.usage(from, to),
    queryFn: () => unwrap(api.GET('/api/v1/me/usage', { params: { query: { from, to } } })),
    placeholderData: keepPreviousData,
    enabled,
  });

/** This month's credits, own-key usage and charge. */
export const useMyBilling = () =>
  useQuery({
    queryKey: myUsageKeys.billing(),
    queryFn: () => unwrap(api.GET('/api/v1/me/billing')),
  });
