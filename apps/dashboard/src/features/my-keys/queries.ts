import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '@/api/client';
import type { NewProviderKey, ProviderKeyChanges } from './schema';

export const apiKeyKeys = { all: ['my-api-keys'] as const };
export const providerKeyKeys = { all: ['my-provider-keys'] as const };

/** My personal API keys (their prefixes, never the secrets). */
export const useApiKeys = () =>
  useQuery({ queryKey: apiKeyKeys.all, queryFn: () => unwrap(api.GET('/api/v1/me/api-keys')) });

export function useCreateApiKey() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (name: string) => unwrap(api.POST('/api/v1/me/api-keys', { body: { name } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: apiKeyKeys.all }),
  });
}

export function useRevokeApiKey() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => unwrap(api.DELETE('/api/v1/me/api-keys/{id}', { params: { path: { id } } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: apiKeyKeys.all }),
  });
}

/** My own provider keys (their last four characters, never the keys). */
export const useProviderKeys = () =>
  useQuery({ queryKey: providerKeyKeys.all, queryFn: () => unwrap(api.GET('/api/v1/me/provider-keys')) });

/**
 * Whether `allow_user_keys` is on, when the caller can know it: admins read the flag; users
 * cannot (no user endpoint says it), so for them it is undefined until an add is refused.
 */
export function useUserKeysFlag(isAdmin: boolean) {
  return useQuery({
    queryKey: ['admin-flags', 'allow_user_keys'],
    queryFn: async () => (await unwrap(api.GET('/api/v1/admin/flags'))).flags.allow_user_keys,
    enabled: isAdmin,
    staleTime: 0,
  });
}

function useProviderKeyMutation<V>(call: (variables: V) => Promise<unknown>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: call,
    onSettled: () => queryClient.invalidateQueries({ queryKey: providerKeyKeys.all }),
  });
}

export const useAddProviderKey = () =>
  useProviderKeyMutation((body: NewProviderKey) => unwrap(api.POST('/api/v1/me/provider-keys', { body })));

export const useVerifyProviderKey = () =>
  useProviderKeyMutation((id: string) =>
    unwrap(api.POST('/api/v1/me/provider-keys/{id}/verify', { params: { path: { id } } })),
  );

export const useUpdateProviderKey = () =>
  useProviderKeyMutation(({ id, ...body }: ProviderKeyChanges & { id: string }) =>
    unwrap(api.PATCH('/api/v1/me/provider-keys/{id}', { params: { path: { id } }, body })),
  );

export const useDeleteProviderKey = () =>
  useProviderKeyMutation((id: string) =>
    unwrap(api.DELETE('/api/v1/me/provider-keys/{id}', { params: { path: { id } } })),
  );
