import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '@/api/client';
import type { OverridesPlan } from './overrides-form';
import type { Overrides, TierPolicy, UserQuota } from './types';
import type { Feature, Tier } from '@/lib/domain';

export const userQuotaKeys = {
  all: ['admin', 'user-quotas'] as const,
  user: (id: string) => [...userQuotaKeys.all, 'user', id] as const,
  tier: (tier: Tier) => [...userQuotaKeys.all, 'tier', tier] as const,
};

export const userQuotaQuery = (id: string) =>
  queryOptions({
    queryKey: userQuotaKeys.user(id),
    queryFn: async () =>
      (await unwrap(api.GET('/api/v1/admin/quotas/users/{id}', { params: { path: { id } } }))) as UserQuota,
  });

/** The user's quota today (used and limit per feature) and their overrides. */
export function useUserQuota(id: string) {
  return useQuery(userQuotaQuery(id));
}

/** The tier's own limits, shown as what an empty field inherits. */
export function useTierPolicy(tier: Tier | undefined) {
  return useQuery({
    queryKey: userQuotaKeys.tier(tier ?? 'free'),
    queryFn: async () =>
      (await unwrap(
        api.GET('/api/v1/admin/quotas/tiers/{tier}', { params: { path: { tier: tier ?? 'free' } } }),
      )) as TierPolicy,
    enabled: tier !== undefined,
  });
}

/**
 * Saves a plan from planOverrideChanges: the features to clear (`DELETE ?feature=`, one each,
 * only when a field goes back to the tier), then one `PUT` with the limits to write.
 */
export function useSaveUserOverrides(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (plan: OverridesPlan): Promise<void> => {
      for (const feature of plan.clear)
        await unwrap(
          api.DELETE('/api/v1/admin/quotas/users/{id}', {
            params: { path: { id }, query: { feature } },
          }),
        );
      if (Object.keys(plan.set).length)
        await unwrap(
          api.PUT('/api/v1/admin/quotas/users/{id}', {
            params: { path: { id } },
            // The generated body type is loose (see types.ts): `features` is typed as any schema.
            body: { features: plan.set },
          }),
        );
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: userQuotaKeys.user(id) }),
  });
}

/** Removes every override of the user (or one feature's). */
export function useClearUserOverrides(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (feature?: Feature) =>
      unwrap(
        api.DELETE('/api/v1/admin/quotas/users/{id}', {
          params: { path: { id }, query: feature ? { feature } : {} },
        }),
      ),
    onSettled: () => queryClient.invalidateQueries({ queryKey: userQuotaKeys.user(id) }),
  });
}

export type { Overrides };
