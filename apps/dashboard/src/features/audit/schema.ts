import { z } from 'zod';

export const DEFAULT_PAGE_SIZE = 25;

const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .optional()
  .catch(undefined);
const text = (max: number) => z.coerce.string().trim().min(1).max(max).optional().catch(undefined);

/** The Audit Log's URL: filters (days in UTC, inclusive) and paging. */
export const auditSearchSchema = z.object({
  actor_id: text(64),
  action: text(64),
  target_type: text(32),
  target_id: text(128),
  since: day,
  until: day,
  page: z.coerce.number().int().min(1).optional().catch(undefined),
  page_size: z.coerce.number().int().min(1).max(100).optional().catch(undefined),
});
export type AuditSearch = z.infer<typeof auditSearchSchema>;

/** The next UTC day of a YYYY-MM-DD day (the API's `until` is exclusive; the form's "To" is inclusive). */
export function nextDay(value: string): string {
  const date = new Date(`${value}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + 1);
  return date.toISOString().slice(0, 10);
}

/** The list request's query for a URL state. */
export function auditListParams(search: AuditSearch) {
  return {
    actor_id: search.actor_id,
    action: search.action,
    target_type: search.target_type,
    target_id: search.target_id,
    since: search.since ? `${search.since}T00:00:00Z` : undefined,
    until: search.until ? `${nextDay(search.until)}T00:00:00Z` : undefined,
    page: search.page ?? 1,
    page_size: search.page_size ?? DEFAULT_PAGE_SIZE,
  };
}
export type AuditListParams = ReturnType<typeof auditListParams>;

export const hasFilters = (search: AuditSearch): boolean =>
  Boolean(
    search.actor_id ||
    search.action ||
    search.target_type ||
    search.target_id ||
    search.since ||
    search.until,
  );

/** Actions and target types the api records today (suggestions; any value may be typed). */
export const KNOWN_ACTIONS = [
  'flags.update',
  'flags.config_override',
  'model_config.update',
  'prices.update',
  'provider.create',
  'provider.delete',
  'provider_key.create',
  'provider_key.import',
  'provider_key.invalidated',
  'provider_key.retire',
  'provider_key.revoke',
  'provider_key.rotate',
  'quota.override_delete',
  'quota.override_set',
  'quota.request_approve',
  'quota.request_deny',
  'quota.tier_update',
  'user.create',
  'user.password_reset',
  'user.update',
  'user_provider_key.create',
  'user_provider_key.delete',
];
export const KNOWN_TARGET_TYPES = [
  'feature_flag',
  'model_config',
  'price_table',
  'provider',
  'provider_key',
  'quota_request',
  'quota_tier',
  'user',
];
