import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '@/api/client';

export const modelConfigKeys = {
  all: ['model-config'] as const,
  document: () => [...modelConfigKeys.all, 'document'] as const,
  catalog: () => [...modelConfigKeys.all, 'catalog'] as const,
  providers: () => [...modelConfigKeys.all, 'providers'] as const,
};

/** The tier × modality routes, allow-lists, model settings, and the catalog's warnings. */
export function useModelConfig() {
  return useQuery({
    queryKey: modelConfigKeys.document(),
    queryFn: () => unwrap(api.GET('/api/v1/admin/model-config')),
  });
}

/**
 * The whole catalog (every tier's models), every modality in one request: it is bounded, and cached
 * 30 minutes by the api.
 */
export function useCatalog() {
  return useQuery({
    queryKey: modelConfigKeys.catalog(),
    queryFn: () => unwrap(api.GET('/api/v1/admin/models')),
    staleTime: 5 * 60_000,
  });
}

/** The providers admins added, for `DIFFERENT_PROVIDER` fallbacks. */
export function useProviders() {
  return useQuery({
    queryKey: modelConfigKeys.providers(),
    queryFn: () => unwrap(api.GET('/api/v1/admin/providers')),
    staleTime: 5 * 60_000,
  });
}
