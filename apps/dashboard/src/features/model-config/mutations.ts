import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '@/api/client';
import { modelConfigKeys } from './queries';
import type { ModelConfigUpdate } from './schema';

/** A partial PUT; the answer (the whole document with its warnings) replaces the cached one. */
export function useUpdateModelConfig() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (update: ModelConfigUpdate) =>
      unwrap(
        api.PUT('/api/v1/admin/model-config', {
          body: update,
        }),
      ),
    onSuccess: (document) => queryClient.setQueryData(modelConfigKeys.document(), document),
  });
}
