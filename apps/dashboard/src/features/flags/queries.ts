import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '@/api/client';
import type { components } from '@/api/schema';

export type FeatureFlagName = components['schemas']['FeatureFlag'];
export type FeatureFlags = components['schemas']['FeatureFlagsDto'];
export type FeatureFlag = components['schemas']['FeatureFlagDto'];

export const flagKeys = {
  all: ['admin', 'flags'] as const,
};

export const flagsQuery = queryOptions({
  queryKey: flagKeys.all,
  queryFn: () => unwrap(api.GET('/api/v1/admin/flags')),
});

export function useFlags() {
  return useQuery(flagsQuery);
}

/** `PUT /api/v1/admin/flags/:name {enabled}`; the answer is every flag, so the cache takes it as is. */
export function useSetFlag() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ name, enabled }: { name: FeatureFlagName; enabled: boolean }) =>
      unwrap(api.PUT('/api/v1/admin/flags/{name}', { params: { path: { name } }, body: { enabled } })),
    onSuccess: (flags) => queryClient.setQueryData(flagKeys.all, flags),
    onSettled: () => queryClient.invalidateQueries({ queryKey: flagKeys.all }),
  });
}
