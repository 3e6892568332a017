import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '@/api/client';
import type { components } from '@/api/schema';

export type Session = components['schemas']['SessionDto'];
export type SignedInUser = Session['user'];

export const sessionKeys = { current: ['session'] as const };

/** Who is signed in; a 401 means nobody (the query then holds null, not an error). */
export const sessionQuery = queryOptions({
  queryKey: sessionKeys.current,
  queryFn: async (): Promise<Session | null> => {
    const { data, response, error } = await api.GET('/api/v1/auth/session');
    if (response.status === 401) return null;
    if (!response.ok) return unwrap(Promise.resolve({ data, error, response }));
    return data ?? null;
  },
  staleTime: 5 * 60_000,
});

export function useSession(): Session | null {
  return useQuery(sessionQuery).data ?? null;
}

/** The signed-in user, inside pages that are only reachable when signed in. */
export function useCurrentUser(): SignedInUser {
  const session = useSession();
  if (!session) throw new Error('useCurrentUser outside a signed-in route');
  return session.user;
}
