import { z } from 'zod';
import { usageFilterSearch } from '@/features/usage-analytics/schema';
import { MODALITIES, TIERS } from '@/lib/domain';

/**
 * The URL state of every page (page, size, sort, filters), validated: kept apart from the pages so
 * the router can validate a URL without loading the page's code (pages load on demand).
 * An invalid value is dropped (`catch`), never an error page.
 */

const PAGE_SIZES = [10, 25, 50, 100];
const QUOTA_REQUEST_STATUSES = ['pending', 'approved', 'denied', 'all'] as const;
const REQUEST_LOG_LIMITS = [25, 50, 100];
const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .optional()
  .catch(undefined);

/** The tier tab, the inbox's status filter and paging; absent means the default (a clean URL). */
export const quotasSearchSchema = z.object({
  tier: z.enum(TIERS).optional().catch(undefined),
  status: z.enum(QUOTA_REQUEST_STATUSES).optional().catch(undefined),
  page: z.coerce.number().int().min(1).optional().catch(undefined),
  page_size: z.coerce
    .number()
    .int()
    .refine((size) => PAGE_SIZES.includes(size))
    .optional()
    .catch(undefined),
});

/**
 * Filters, page size, and the keyset position: `cursors` is the stack of `next_cursor`s followed
 * from the newest page (empty on the first page), so Newer pops and Older pushes, and a shared
 * link opens the same page.
 */
export const requestLogSearchSchema = z.object({
  ...usageFilterSearch,
  limit: z.coerce
    .number()
    .int()
    .refine((limit) => REQUEST_LOG_LIMITS.includes(limit))
    .optional()
    .catch(undefined),
  cursors: z.array(z.string().min(1).max(500)).max(500).optional().catch(undefined),
});

export const usageSearchSchema = z.object({
  ...usageFilterSearch,
  split: z.enum(['model', 'tier', 'feature', 'none']).optional().catch(undefined),
  group_by: z.enum(['day', 'model', 'tier', 'feature']).optional().catch(undefined),
});

export const modelsSearchSchema = z.object({
  tab: z.enum(['routes', 'settings', 'catalog']).optional().catch(undefined),
  tier: z.enum(TIERS).optional().catch(undefined),
  modality: z.enum(MODALITIES).optional().catch(undefined),
  c_modality: z.enum(MODALITIES).optional().catch(undefined),
  q: z.string().max(200).optional().catch(undefined),
  sort: z.enum(['id', 'context_length', 'input', 'output']).optional().catch(undefined),
  dir: z.enum(['asc', 'desc']).optional().catch(undefined),
  page: z.coerce.number().int().min(1).optional().catch(undefined),
  page_size: z.coerce
    .number()
    .int()
    .refine((size) => PAGE_SIZES.includes(size))
    .optional()
    .catch(undefined),
});

/** Date range (YYYY-MM-DD, UTC, inclusive; the last 30 days when absent), chart or table, metric. */
export const myUsageSearchSchema = z.object({
  from: day,
  to: day,
  view: z.enum(['chart', 'table']).optional().catch(undefined),
  metric: z.enum(['requests', 'tokens', 'cost']).optional().catch(undefined),
});

export const myQuotaSearchSchema = z.object({
  page: z.coerce.number().int().min(1).catch(1).optional(),
});

export const myModelsSearchSchema = z.object({
  modality: z.enum(MODALITIES).optional().catch(undefined),
});

/** My batches: the stack of `after` cursors followed from the newest page (empty on the first). */
export const batchesSearchSchema = z.object({
  cursors: z
    .array(z.string().regex(/^[\w-]{1,64}$/))
    .max(500)
    .optional()
    .catch(undefined),
});

/** The endpoint whose stats are shown, and their date range (the last 30 days when absent). */
export const endpointsSearchSchema = z.object({
  stats: z.string().min(1).max(100).optional().catch(undefined),
  from: day,
  to: day,
});
