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

const fetchProviderKeys = () => unwrap(api.GET('/api/v1/me/provider-keys'));
type ProviderKeyList = Awaited<ReturnType<typeof fetchProviderKeys>>;

/**
 * My own provider keys (their last four characters, never the keys), and whether admins allow them
 * (`user_keys_allowed`, the allow_user_keys flag).
 */
export const useProviderKeys = () => useQuery({ queryKey: providerKeyKeys.all, queryFn: fetchProviderKeys });

/** An add was refused (`user_keys_disabled`: switched off since the list was read): say so at once. */
export function useMarkUserKeysOff() {
  const queryClient = useQueryClient();
  return () =>
    queryClient.setQueryData<ProviderKeyList>(providerKeyKeys.all, (list) =>
      list ? { ...list, user_keys_allowed: false } : { data: [], user_keys_allowed: false },
    );
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
