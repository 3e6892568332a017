import { QueryClient } from '@tanstack/react-query';
import { isApiError } from '@/api/errors';

/**
 * One cache for the app. Client errors are not retried (they will not change); server errors and
 * network failures are retried twice. The previous page stays on screen while the next loads.
 */
export const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      refetchOnWindowFocus: false,
      retry: (failures, error) =>
        failures < 2 && !(isApiError(error) && error.status >= 400 && error.status < 500),
    },
    mutations: { retry: false },
  },
});
