import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '@/api/client';
import { priceKeys } from './queries';
import type { PricesUpdate } from './schema';

export function useUpdatePrices() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (update: PricesUpdate) =>
      unwrap(
        api.PUT('/api/v1/admin/prices', {
          body: update,
        }),
      ),
    onSuccess: (table) => queryClient.setQueryData(priceKeys.table(), table),
  });
}
