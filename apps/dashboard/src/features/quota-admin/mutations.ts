import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '@/api/client';
import { userQuotaKeys } from '@/features/user-quotas/queries';
import { quotaAdminKeys } from './queries';
import type { QuotaRequest, TierPolicyUpdate } from './schema';
import type { Tier } from '@/lib/domain';

export function useUpdateTierPolicy(tier: Tier) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (update: TierPolicyUpdate) =>
      unwrap(api.PUT('/api/v1/admin/quotas/tiers/{tier}', { params: { path: { tier } }, body: update })),
    onSuccess: (policy) => {
      queryClient.setQueryData(quotaAdminKeys.tier(tier), policy);
      // The Users screen shows tier limits beside a user's overrides.
      void queryClient.invalidateQueries({ queryKey: userQuotaKeys.tier(tier) });
    },
  });
}

export interface ApproveInput {
  request: QuotaRequest;
  /** The limit to grant; when it differs from the request's, it is written as the user's override. */
  limit: number;
  reason?: string;
}

/** Approves a request with the limit asked for or another one, in one step (the api writes the override). */
export function useApproveQuotaRequest() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ request, limit, reason }: ApproveInput) =>
      unwrap(
        api.POST('/api/v1/admin/quota-requests/{id}/approve', {
          params: { path: { id: request.id } },
          body: {
            ...(reason && { reason }),
            ...(limit !== request.requested_limit && { granted_limit: limit }),
          },
        }),
      ),
    onSettled: (_data, _error, { request }) =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: quotaAdminKeys.all }),
        // The user's overrides changed (Users > Custom Quotas).
        queryClient.invalidateQueries({ queryKey: userQuotaKeys.user(request.user_id) }),
      ]),
  });
}

export function useDenyQuotaRequest() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ request, reason }: { request: QuotaRequest; reason: string }) =>
      unwrap(
        api.POST('/api/v1/admin/quota-requests/{id}/deny', {
          params: { path: { id: request.id } },
          body: { reason },
        }),
      ),
    onSettled: () => queryClient.invalidateQueries({ queryKey: quotaAdminKeys.requests() }),
  });
}
