import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '@/api/client';
import type { components } from '@/api/schema';

export type ProviderKey = components['schemas']['ProviderKeyDto'];
export type ProviderKeyStatus = components['schemas']['ProviderKeyStatus'];
export type NewSystemKey = components['schemas']['CreateProviderKeyDto'];
export type KeyRotation = components['schemas']['RotateProviderKeyDto'];

export const systemKeyKeys = {
  all: ['admin', 'system-keys'] as const,
  list: () => [...systemKeyKeys.all, 'list'] as const,
};

export const systemKeysQuery = queryOptions({
  queryKey: systemKeyKeys.list(),
  queryFn: () => unwrap(api.GET('/api/v1/admin/provider-keys')),
});

export function useSystemKeys() {
  return useQuery(systemKeysQuery);
}

/** Adds a system key; the server verifies it with the provider first (a rejected key: 400 provider_key_rejected on `key`). */
export function useAddSystemKey() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: NewSystemKey) => unwrap(api.POST('/api/v1/admin/provider-keys', { body })),
    onSettled: () => queryClient.invalidateQueries({ queryKey: systemKeyKeys.all }),
  });
}

export function useRotateSystemKey() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: KeyRotation & { id: string }) =>
      unwrap(api.POST('/api/v1/admin/provider-keys/{id}/rotate', { params: { path: { id } }, body })),
    onSettled: () => queryClient.invalidateQueries({ queryKey: systemKeyKeys.all }),
  });
}

export function useRevokeSystemKey() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) =>
      unwrap(api.DELETE('/api/v1/admin/provider-keys/{id}', { params: { path: { id } } })),
    onSettled: () => queryClient.invalidateQueries({ queryKey: systemKeyKeys.all }),
  });
}
