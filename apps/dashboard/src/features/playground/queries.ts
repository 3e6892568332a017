import { keepPreviousData, queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '@/api/client';
import type { components } from '@/api/schema';
import { myQuotaKeys } from '@/features/my-quota/queries';
import { myUsageKeys } from '@/features/my-usage/queries';
import type { ImageRequest, SpeechRequest } from './schema';

export type Modality = components['schemas']['Modality'];

/** The catalog my tier may use, per modality (shared by the playground's picker and the Models page). */
export const catalogKeys = {
  all: ['my-catalog'] as const,
  list: (modality?: Modality) => [...catalogKeys.all, modality ?? 'all'] as const,
};

export const catalogQuery = (modality?: Modality) =>
  queryOptions({
    queryKey: catalogKeys.list(modality),
    queryFn: () =>
      unwrap(api.GET('/api/v1/together/models', { params: { query: modality ? { modality } : {} } })),
    staleTime: 5 * 60_000,
    placeholderData: keepPreviousData,
  });

export const useCatalog = (modality?: Modality) => useQuery(catalogQuery(modality));

/** After an answer (or a refusal), my quota and usage changed. */
export function useRefreshAfterAnswer() {
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: myQuotaKeys.all });
    void queryClient.invalidateQueries({ queryKey: myUsageKeys.all });
  };
}

export function useGenerateImage() {
  const refresh = useRefreshAfterAnswer();
  return useMutation({
    mutationFn: (body: ImageRequest) => unwrap(api.POST('/api/v1/together/images/generations', { body })),
    onSettled: refresh,
  });
}

export function useSpeech() {
  const refresh = useRefreshAfterAnswer();
  return useMutation({
    mutationFn: (body: SpeechRequest) => unwrap(api.POST('/api/v1/together/audio/speech', { body })),
    onSettled: refresh,
  });
}
