import { z } from 'zod';
import type { components } from '@/api/schema';
import { TIERS } from '@/lib/domain';

export type Role = components['schemas']['Role'];

export const ROLES = ['user', 'admin'] as const satisfies readonly Role[];

/** One of the DataTable's page sizes (10, 25, 50, 100). */
export const DEFAULT_PAGE_SIZE = 25;

/** The Users page's URL: search, filters and paging (bad values fall back to the defaults). */
export const usersSearchSchema = z.object({
  search: z.coerce.string().trim().max(254).optional().catch(undefined),
  tier: z.enum(TIERS).optional().catch(undefined),
  role: z.enum(ROLES).optional().catch(undefined),
  active: z.boolean().optional().catch(undefined),
  page: z.coerce.number().int().min(1).optional().catch(undefined),
  page_size: z.coerce.number().int().min(1).max(100).optional().catch(undefined),
});
export type UsersSearch = z.infer<typeof usersSearchSchema>;

/** The list request's query for a URL state (empty search left out, defaults applied). */
export function userListParams(search: UsersSearch) {
  return {
    search: search.search || undefined,
    tier: search.tier,
    role: search.role,
    active: search.active,
    page: search.page ?? 1,
    page_size: search.page_size ?? DEFAULT_PAGE_SIZE,
  };
}
export type UserListParams = ReturnType<typeof userListParams>;

export const passwordField = z.string().min(8, 'At least 8 characters').max(128, 'At most 128 characters');

export const createUserSchema = z.object({
  email: z.string().trim().min(1, 'Enter an email address').email('Enter a valid email address'),
  password: passwordField,
  tier: z.enum(TIERS),
  role: z.enum(ROLES),
});
export type CreateUserValues = z.infer<typeof createUserSchema>;

export const resetPasswordSchema = z
  .object({ password: passwordField, confirm_password: z.string() })
  .refine((values) => values.password === values.confirm_password, {
    message: 'The two passwords differ',
    path: ['confirm_password'],
  });
export type ResetPasswordValues = z.infer<typeof resetPasswordSchema>;
