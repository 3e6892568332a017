import { z } from 'zod';
import type { components } from '@/api/schema';
import { FEATURE_LABELS, FEATURES, TIER_LABELS, TIERS, type Feature, type Tier } from '@/lib/domain';
import { daysBetween, type SeriesSplit } from '@/lib/charts/usage-series';

export type UsageReport = components['schemas']['UsageReportDto'];
export type UsageGroup = components['schemas']['UsageGroupDto'];
export type UsageTotals = components['schemas']['UsageTotalsDto'];
export type UsageSeries = components['schemas']['UsageSeriesDto'];
export type Grouping = UsageReport['group_by'];

/** The longest range a daily series covers (the api's limit). */
export const MAX_RANGE_DAYS = 366;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The filters the usage report, its series, its exports and the Request Log share, as URL search
 * params (each invalid one dropped rather than failing the page).
 */
export const usageFilterSearch = {
  from: z.string().regex(DAY).optional().catch(undefined),
  to: z.string().regex(DAY).optional().catch(undefined),
  user_id: z.uuid().optional().catch(undefined),
  tier: z.enum(TIERS).optional().catch(undefined),
  model: z.string().trim().min(1).max(200).optional().catch(undefined),
  feature: z.enum(FEATURES).optional().catch(undefined),
  key_source: z.enum(['system', 'user']).optional().catch(undefined),
  status: z.enum(['ok', 'error']).optional().catch(undefined),
};
export type UsageFilters = { [K in keyof typeof usageFilterSearch]?: z.infer<(typeof usageFilterSearch)[K]> };
export const FILTER_KEYS = Object.keys(usageFilterSearch) as Array<keyof UsageFilters>;

export const SPLITS: readonly SeriesSplit[] = ['model', 'tier', 'feature', 'none'];
export const GROUPINGS: readonly Exclude<Grouping, 'user'>[] = ['day', 'model', 'tier', 'feature'];

const today = (now: Date) => now.toISOString().slice(0, 10);
const daysBefore = (day: string, days: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) - days * 86_400_000).toISOString().slice(0, 10);

/** The range the filters name, by default the last 30 days (UTC) as the api does. */
export function resolveRange(
  filters: Pick<UsageFilters, 'from' | 'to'>,
  now = new Date(),
): { from: string; to: string } {
  const to = filters.to ?? today(now);
  return { from: filters.from ?? daysBefore(to, 29), to };
}

/** Why a range cannot be asked for, or undefined. */
export function rangeProblem(range: {
  from: string;
  to: string;
}): { field: 'from' | 'to'; message: string } | undefined {
  if (range.to < range.from) return { field: 'from', message: 'From must be on or before To' };
  if (daysBetween(range.from, range.to).length > MAX_RANGE_DAYS)
    return { field: 'from', message: `At most ${MAX_RANGE_DAYS} days; narrow the range` };
  return undefined;
}

export type UsageQuery = Omit<UsageFilters, 'from' | 'to'> & { from: string; to: string };

/** The api query for the filters: the range resolved, filters left empty omitted. */
export function filterQuery(filters: UsageFilters, now = new Date()): UsageQuery {
  const query: UsageQuery = { ...resolveRange(filters, now) };
  for (const key of FILTER_KEYS)
    if (key !== 'from' && key !== 'to' && filters[key] !== undefined)
      (query as Record<string, unknown>)[key] = filters[key];
  return query;
}

/** The same-origin export URL the browser downloads (the cookie session authenticates it). */
export function exportUrl(filters: UsageFilters, format: 'csv' | 'json' | 'xlsx', now = new Date()): string {
  const params = new URLSearchParams({ format, ...(filterQuery(filters, now) as Record<string, string>) });
  return `/api/v1/admin/usage/export?${params.toString()}`;
}

/** A group's name for the table (a day, model, tier or feature). */
export function groupKey(group: UsageGroup, groupBy: Grouping): string {
  const value = group[groupBy];
  if (groupBy === 'feature' && value) return FEATURE_LABELS[value as Feature] ?? value;
  if (groupBy === 'tier' && value) return TIER_LABELS[value as Tier] ?? value;
  return value ?? '—';
}
