import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '@/api/client';
import { pollWhileTransitional } from './state';
import type { EndpointChanges, NewEndpoint } from './types';

export const endpointKeys = {
  all: ['admin', 'endpoints'] as const,
  list: () => [...endpointKeys.all, 'list'] as const,
  stats: (id: string, from: string, to: string) => [...endpointKeys.all, 'stats', id, from, to] as const,
  hardware: (model: string) => ['admin', 'hardware', model] as const,
};

/** Every dedicated endpoint; read again every few seconds while one is starting or stopping. */
export function useEndpoints() {
  return useQuery({
    queryKey: endpointKeys.list(),
    queryFn: () => unwrap(api.GET('/api/v1/admin/endpoints')),
    refetchInterval: (query) => pollWhileTransitional(query.state.data?.data),
  });
}

/** The hardware a model can run on, with its hourly price (loaded once a model is chosen). */
export function useHardware(model: string) {
  return useQuery({
    queryKey: endpointKeys.hardware(model),
    queryFn: () => unwrap(api.GET('/api/v1/admin/hardware', { params: { query: { model } } })),
    enabled: model !== '',
    staleTime: 60_000,
  });
}

/** Requests, tokens, latency and cost of one endpoint over a date range. */
export function useEndpointStats(id: string, from: string, to: string, enabled = true) {
  return useQuery({
    queryKey: endpointKeys.stats(id, from, to),
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/admin/endpoints/{id}/stats', { params: { path: { id }, query: { from, to } } }),
      ),
    enabled,
    placeholderData: keepPreviousData,
  });
}

function useEndpointMutation<V, R>(mutationFn: (variables: V) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSettled: () => queryClient.invalidateQueries({ queryKey: endpointKeys.list() }),
  });
}

export const useCreateEndpoint = () =>
  useEndpointMutation((body: NewEndpoint) => unwrap(api.POST('/api/v1/admin/endpoints', { body })));

export const useUpdateEndpoint = () =>
  useEndpointMutation(({ id, ...body }: EndpointChanges & { id: string }) =>
    unwrap(api.PATCH('/api/v1/admin/endpoints/{id}', { params: { path: { id } }, body })),
  );

export const useDeleteEndpoint = () =>
  useEndpointMutation((id: string) =>
    unwrap(api.DELETE('/api/v1/admin/endpoints/{id}', { params: { path: { id } } })),
  );
