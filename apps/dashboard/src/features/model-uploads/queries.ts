import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '@/api/client';
import { pollWhileUploading } from './schema';
import type { NewModelUpload } from './types';

export const uploadKeys = {
  all: ['admin', 'model-uploads'] as const,
  list: () => [...uploadKeys.all, 'list'] as const,
};

/** Every model upload job; read again every few seconds while one is queued or running. */
export function useModelUploads() {
  return useQuery({
    queryKey: uploadKeys.list(),
    queryFn: () => unwrap(api.GET('/api/v1/admin/model-uploads')),
    refetchInterval: (query) => pollWhileUploading(query.state.data?.data),
  });
}

export function useUploadModel() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: NewModelUpload) => unwrap(api.POST('/api/v1/admin/model-uploads', { body })),
    onSettled: () => queryClient.invalidateQueries({ queryKey: uploadKeys.all }),
  });
}
