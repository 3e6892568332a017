import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '@/api/client';
import type { NewQuotaRequest } from './schema';

export const myQuotaKeys = {
  all: ['my-quota'] as const,
  view: () => [...myQuotaKeys.all, 'view'] as const,
  requests: (page: number, pageSize: number) => [...myQuotaKeys.all, 'requests', { page, pageSize }] as const,
};

/** Today's used and limit per feature, the reset time and the rate limits. */
export const useMyQuota = () =>
  useQuery({
    queryKey: myQuotaKeys.view(),
    queryFn: () => unwrap(api.GET('/api/v1/together/quota')),
  });

/** My quota requests, newest first, one page. */
export const useMyQuotaRequests = (page: number, pageSize: number) =>
  useQuery({
    queryKey: myQuotaKeys.requests(page, pageSize),
    queryFn: () =>
      unwrap(api.GET('/api/v1/me/quota-requests', { params: { query: { page, page_size: pageSize } } })),
    placeholderData: keepPreviousData,
  });

export function useRequestIncrease() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: NewQuotaRequest) => unwrap(api.POST('/api/v1/me/quota-requests', { body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: [...myQuotaKeys.all, 'requests'] }),
  });
}
