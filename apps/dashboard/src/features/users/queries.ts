import { keepPreviousData, queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '@/api/client';
import type { components } from '@/api/schema';
import { userQuotaKeys } from '@/features/user-quotas/queries';
import type { UserListParams } from './schema';

export type AdminUser = components['schemas']['AdminUserDto'];
export type UserUpdate = components['schemas']['UpdateUserDto'];
export type NewUser = components['schemas']['CreateUserDto'];

export const userKeys = {
  all: ['admin', 'users'] as const,
  lists: () => [...userKeys.all, 'list'] as const,
  list: (params: UserListParams) => [...userKeys.lists(), params] as const,
  details: () => [...userKeys.all, 'detail'] as const,
  detail: (id: string) => [...userKeys.details(), id] as const,
};

export const usersQuery = (params: UserListParams) =>
  queryOptions({
    queryKey: userKeys.list(params),
    queryFn: () => unwrap(api.GET('/api/v1/admin/users', { params: { query: params } })),
    placeholderData: keepPreviousData,
  });

/** One page of accounts for the URL's search, filters and paging. */
export function useUsers(params: UserListParams) {
  return useQuery(usersQuery(params));
}

export const userQuery = (id: string) =>
  queryOptions({
    queryKey: userKeys.detail(id),
    queryFn: () => unwrap(api.GET('/api/v1/admin/users/{id}', { params: { path: { id } } })),
  });

export function useUser(id: string) {
  return useQuery(userQuery(id));
}

export function useCreateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: NewUser) => unwrap(api.POST('/api/v1/admin/users', { body })),
    onSuccess: (user) => queryClient.setQueryData(userKeys.detail(user.id), user),
    onSettled: () => queryClient.invalidateQueries({ queryKey: userKeys.lists() }),
  });
}

/** `PATCH /api/v1/admin/users/:id`: tier, role, active (the API refuses an admin demoting or deactivating themselves). */
export function useUpdateUser(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: UserUpdate) =>
      unwrap(api.PATCH('/api/v1/admin/users/{id}', { params: { path: { id } }, body })),
    onSuccess: (user) => queryClient.setQueryData(userKeys.detail(id), user),
    onSettled: async () => {
      await queryClient.invalidateQueries({ queryKey: userKeys.lists() });
      // A new tier changes the limits the user inherits.
      await queryClient.invalidateQueries({ queryKey: userQuotaKeys.user(id) });
    },
  });
}

/** `POST /api/v1/admin/users/:id/password {password}` → 204: audited (never with the password); the user's dashboard sessions end. */
export function useResetPassword(id: string) {
  return useMutation({
    mutationFn: (password: string) =>
      unwrap(api.POST('/api/v1/admin/users/{id}/password', { params: { path: { id } }, body: { password } })),
  });
}
