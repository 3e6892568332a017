import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { DomainError, ErrorCode } from '@tiergate/common';
import { rollupFor, whereOf, type UsageFilter } from './usage-reports';

export const SPLITS = ['model', 'tier', 'feature', 'none'] as const;
export type Split = (typeof SPLITS)[number];

/** The key of the one series when the chart is not split, and of the keys past the top ones. */
export const ALL_KEY = 'all';
export const OTHER_KEY = 'other';
/** The longest range a daily series covers. */
export const MAX_SERIES_DAYS = 366;

export interface SeriesPoint {
  day: string;
  key: string;
  requests: number;
  errors: number;
  fallbacks: number;
  cache_hits: number;
  prompt_tokens: number;
  completion_tokens: number;
  cost_usd: number;
}

export interface DailySeries {
  bucket: 'day';
  /** The series' keys, largest first by requests; `other` (last) sums the rest. */
  keys: string[];
  /** One point per day of the range and key, days with nothing included (zeros), oldest first. */
  series: SeriesPoint[];
}

export interface HourlyPoint {
  hour: string;
  requests: number;
  errors: number;
  fallbacks: number;
  cache_hits: number;
  tokens: number;
  cost_usd: number;
}

const SPLIT_COLUMN: Record<Split, string> = {
  model: 'model',
  tier: 'tier',
  feature: 'feature',
  none: `'${ALL_KEY}'`,
};

const MEASURES = [
  'requests',
  'errors',
  'fallbacks',
  'cache_hits',
  'prompt_tokens',
  'completion_tokens',
] as const;
const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;

type Row = Record<string, string>;

/**
 * Time series for charts. Days come from the rollups (the totals, or the per-user rollups when the
 * filter names a user), never the raw ledger; the last hours come from the raw ledger by its time
 * index (a day of rows).
 */
@Injectable()
export class UsageSeries {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Per day and key (model, tier or feature), the `top` largest keys kept and the rest folded into `other`. */
  async daily(filter: UsageFilter, split: Split, top: number): Promise<DailySeries> {
    const days = daysOf(filter.from, filter.to);
    const { where, params } = whereOf(filter);
    const rows = await this.dataSource.query<Row[]>(
      `SELECT to_char(day, 'YYYY-MM-DD') AS day, ${SPLIT_COLUMN[split]}::text AS key,
              sum(requests)::bigint AS requests, sum(errors)::bigint AS errors, sum(fallbacks)::bigint AS fallbacks,
              sum(cached)::bigint AS cache_hits, sum(prompt_tokens)::bigint AS prompt_tokens,
              sum(completion_tokens)::bigint AS completion_tokens, sum(cost_usd)::text AS cost_usd
         FROM ${rollupFor(filter)} WHERE ${where} GROUP BY 1, 2`,
      params,
    );
    const keys = topKeys(rows, top);
    const kept = new Set(keys);
    const points = new Map<string, SeriesPoint>();
    const point = (day: string, key: string) => {
      const id = `${day}\u0000${key}`;
      let found = points.get(id);
      if (!found) {
        found = {
          day,
          key,
          requests: 0,
          errors: 0,
          fallbacks: 0,
          cache_hits: 0,
          prompt_tokens: 0,
          completion_tokens: 0,
          cost_usd: 0,
        };
        points.set(id, found);
      }
      return found;
    };
    for (const day of days) for (const key of keys) point(day, key);
    for (const row of rows) {
      const target = point(row.day, kept.has(row.key) ? row.key : OTHER_KEY);
      for (const measure of MEASURES) target[measure] += Number(row[measure]);
      target.cost_usd = round8(target.cost_usd + Number(row.cost_usd));
    }
    return { bucket: 'day', keys, series: [...points.values()] };
  }

  /**
   * Per UTC hour over the last `hours` hours (the first hour partly), oldest first, every hour
   * present. Requests only: the rows of failed fallback attempts (`attempt_of`) are left out.
   */
  async lastHours(hours: number, now = new Date()): Promise<HourlyPoint[]> {
    const since = new Date(now.getTime() - hours * HOUR_MS);
    const rows = await this.dataSource.query<Row[]>(
      `SELECT to_char(date_trunc('hour', occurred_at AT TIME ZONE 'UTC'), 'YYYY-MM-DD"T"HH24:00:00"Z"') AS hour,
              count(*) AS requests, count(*) FILTER (WHERE status >= 400) AS errors,
              count(*) FILTER (WHERE is_fallback) AS fallbacks, count(*) FILTER (WHERE cached) AS cache_hits,
              sum(total_tokens) AS tokens, sum(cost_usd)::text AS cost_usd
         FROM usage_events WHERE occurred_at >= $1 AND occurred_at <= $2 AND attempt_of IS NULL GROUP BY 1`,
      [since.toISOString(), now.toISOString()],
    );
    const byHour = new Map(rows.map((row) => [row.hour, row]));
    const first = Math.floor(since.getTime() / HOUR_MS) * HOUR_MS;
    const points: HourlyPoint[] = [];
    for (let at = first; at <= now.getTime(); at += HOUR_MS) {
      const hour = new Date(at).toISOString().replace('.000Z', 'Z');
      const row = byHour.get(hour);
      points.push({
        hour,
        requests: Number(row?.requests ?? 0),
        errors: Number(row?.errors ?? 0),
        fallbacks: Number(row?.fallbacks ?? 0),
        cache_hits: Number(row?.cache_hits ?? 0),
        tokens: Number(row?.tokens ?? 0),
        cost_usd: round8(Number(row?.cost_usd ?? 0)),
      });
    }
    return points;
  }
}

/** The keys with the most requests, largest first, then `other` when anything is left over. */
function topKeys(rows: Row[], top: number): string[] {
  const requests = new Map<string, number>();
  for (const row of rows) requests.set(row.key, (requests.get(row.key) ?? 0) + Number(row.requests));
  const ranked = [...requests.entries()]
    .sort(([a, x], [b, y]) => y - x || a.localeCompare(b))
    .map(([key]) => key);
  return ranked.length > top ? [...ranked.slice(0, top), OTHER_KEY] : ranked;
}

/** Every day from `from` to `to` (inclusive), at most MAX_SERIES_DAYS. */
function daysOf(from: string, to: string): string[] {
  const start = Date.parse(`${from}T00:00:00Z`);
  const end = Date.parse(`${to}T00:00:00Z`);
  const count = Math.round((end - start) / DAY_MS) + 1;
  if (count < 1)
    throw new DomainError(ErrorCode.ValidationFailed, 'from must not be after to', { param: 'from' });
  if (count > MAX_SERIES_DAYS)
    throw new DomainError(
      ErrorCode.ValidationFailed,
      `A series covers at most ${MAX_SERIES_DAYS} days; narrow from and to`,
      { param: 'from' },
    );
  return Array.from({ length: count }, (_, i) => new Date(start + i * DAY_MS).toISOString().slice(0, 10));
}

function round8(value: number): number {
  return Math.round(value * 1e8) / 1e8;
}
