import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '@/api/client';

export const priceKeys = {
  all: ['prices'] as const,
  table: () => [...priceKeys.all, 'table'] as const,
};

export function usePriceTable() {
  return useQuery({
    queryKey: priceKeys.table(),
    queryFn: () => unwrap(api.GET('/api/v1/admin/prices')),
  });
}
