import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '@/api/client';
import type { components } from '@/api/schema';
import { systemKeyKeys } from '@/features/system-keys/queries';

export type Provider = components['schemas']['ProviderDto'];
export type NewProvider = components['schemas']['CreateProviderDto'];

export const providerKeys = {
  all: ['admin', 'providers'] as const,
  list: () => [...providerKeys.all, 'list'] as const,
};

export const providersQuery = queryOptions({
  queryKey: providerKeys.list(),
  queryFn: () => unwrap(api.GET('/api/v1/admin/providers')),
});

export function useProviders() {
  return useQuery(providersQuery);
}

/** Adds a provider for DIFFERENT_PROVIDER fallbacks; its key is verified and kept as a system key. */
export function useAddProvider() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: NewProvider) => unwrap(api.POST('/api/v1/admin/providers', { body })),
    onSettled: async () => {
      await queryClient.invalidateQueries({ queryKey: providerKeys.all });
      await queryClient.invalidateQueries({ queryKey: systemKeyKeys.all });
    },
  });
}

export function useDeleteProvider() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) =>
      unwrap(api.DELETE('/api/v1/admin/providers/{id}', { params: { path: { id } } })),
    onSettled: async () => {
      await queryClient.invalidateQueries({ queryKey: providerKeys.all });
      await queryClient.invalidateQueries({ queryKey: systemKeyKeys.all });
    },
  });
}
