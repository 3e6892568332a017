import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '@/api/client';
import { ApiError, isApiError } from '@/api/errors';
import { formatInt } from '@/lib/format';
import { userQuotaKeys } from '@/features/user-quotas/queries';
import { quotaAdminKeys } from './queries';
import { LIMIT_LABELS, type QuotaRequest, type Tier, type TierPolicyUpdate } from './schema';

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

/**
 * Approves a request, optionally with a different limit. The api's approve writes the requested
 * limit (it takes no other); a different one is then set on the user's override for the same
 * feature and limit, which replaces it. If that second step fails, the error says the request
 * was approved with the requested limit.
 */
export function useApproveQuotaRequest() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ request, limit, reason }: ApproveInput) => {
      const approved = await unwrap(
        api.POST('/api/v1/admin/quota-requests/{id}/approve', {
          params: { path: { id: request.id } },
          body: reason ? { reason } : {},
        }),
      );
      if (limit === request.requested_limit) return approved;
      try {
        await unwrap(
          api.PUT('/api/v1/admin/quotas/users/{id}', {
            params: { path: { id: request.user_id } },
            body: {
              features: { [request.feature]: { [request.limit]: limit } },
            },
          }),
        );
      } catch (error) {
        const detail = isApiError(error) ? error.message : String(error);
        throw new ApiError(
          isApiError(error) ? error.status : 0,
          isApiError(error) ? error.type : 'api_error',
          isApiError(error) ? error.code : 'partial_approval',
          null,
          `The request was approved with the requested ${formatInt(request.requested_limit)} ` +
            `${LIMIT_LABELS[request.limit].toLowerCase()}, but setting ${formatInt(limit)} failed: ${detail}`,
          isApiError(error) ? error.requestId : undefined,
        );
      }
      return approved;
    },
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
