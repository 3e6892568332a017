import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { DomainError, ErrorCode } from '@tiergate/common';
import { LATENCY_BUCKETS_MS } from './usage-event';

export const GROUPINGS = ['day', 'model', 'user', 'tier', 'feature'] as const;
export type Grouping = (typeof GROUPINGS)[number];

export interface UsageFilter {
  from: string;
  to: string;
  userId?: string;
  tier?: string;
  model?: string;
  feature?: string;
  keySource?: string;
  /** `ok` (status below 400) or `error`. */
  status?: string;
}

export interface UsageTotals {
  requests: number;
  errors: number;
  error_rate: number;
  prompt_tokens: number;
  completion_tokens: number;
  total_tokens: number;
  cost_usd: number;
  fallback_rate: number;
  cache_rate: number;
  latency_ms: { avg: number; p50: number; p95: number; p99: number };
}

const GROUP_COLUMN: Record<Grouping, string> = {
  day: `to_char(day, 'YYYY-MM-DD')`,
  model: 'model',
  user: 'user_id::text',
  tier: 'tier',
  feature: 'feature',
};

const SUMS = `sum(requests)::bigint AS requests, sum(errors)::bigint AS errors, sum(fallbacks)::bigint AS fallbacks,
  sum(cached)::bigint AS cached, sum(prompt_tokens)::bigint AS prompt_tokens, sum(completion_tokens)::bigint AS completion_tokens,
  sum(total_tokens)::bigint AS total_tokens, sum(cost_usd) AS cost_usd, sum(latency_ms_sum)::bigint AS latency_ms_sum,
  ${LATENCY_BUCKETS_MS.map((_, i) => `sum(latency_buckets[${i + 1}])::bigint`)
    .concat(`sum(latency_buckets[${LATENCY_BUCKETS_MS.length + 1}])::bigint`)
    .map((expression, i) => `${expression} AS b${i}`)
    .join(', ')}`;

type SumRow = Record<string, string | number | null>;

/** The rollup tables: per user and day, and per day without the user (a few thousand rows). */
export type RollupTable = 'usage_daily' | 'usage_daily_totals';

/** A query about users reads the per-user rollups (by their index); every other one the totals. */
export function rollupFor(filter: Pick<UsageFilter, 'userId'>, groupBy?: Grouping): RollupTable {
  return filter.userId !== undefined || groupBy === 'user' ? 'usage_daily' : 'usage_daily_totals';
}

/** Reports from the daily rollups: they never scan the raw ledger. */
@Injectable()
export class UsageReports {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** A user's own usage by day, feature and model. */
  async forUser(userId: string, from: string, to: string) {
    const rows = await this.dataSource.query<SumRow[]>(
      `SELECT to_char(day, 'YYYY-MM-DD') AS day, feature, model, ${SUMS}
         FROM usage_daily WHERE user_id = $1 AND day >= $2 AND day <= $3
        GROUP BY day, feature, model ORDER BY day DESC, feature, model`,
      [userId, from, to],
    );
    return {
      data: rows.map((row) => ({ day: row.day, feature: row.feature, model: row.model, ...totalsOf(row) })),
      totals: totalsOf(
        await this.sum('usage_daily', `user_id = $1 AND day >= $2 AND day <= $3`, [userId, from, to]),
      ),
    };
  }

  /** Totals for the filter, grouped one way. */
  async report(filter: UsageFilter, groupBy: Grouping) {
    const { where, params } = whereOf(filter);
    const column = GROUP_COLUMN[groupBy];
    const table = rollupFor(filter, groupBy);
    const rows = await this.dataSource.query<SumRow[]>(
      `SELECT ${column} AS key, ${SUMS} FROM ${table} WHERE ${where} GROUP BY 1 ORDER BY 1`,
      params,
    );
    return {
      group_by: groupBy,
      data: rows.map((row) => ({ [groupBy]: row.key, ...totalsOf(row) })),
      totals: totalsOf(await this.sum(table, where, params)),
    };
  }

  /** Totals for the filter (requests, errors, tokens, cost, rates, latency percentiles). */
  async totals(filter: UsageFilter): Promise<UsageTotals> {
    const { where, params } = whereOf(filter);
    return totalsOf(await this.sum(rollupFor(filter), where, params));
  }

  /** Requirements document 001's summary over the last hours (by whole UTC days of rollups). */
  async stats(hours: number) {
    const from = new Date(Date.now() - hours * 3_600_000).toISOString().slice(0, 10);
    const to = new Date().toISOString().slice(0, 10);
    const totals = await this.totals({ from, to });
    const models = await this.report({ from, to }, 'model');
    return {
      gateway: 'together',
      time_range: `${hours}h`,
      from,
      to,
      total_requests: totals.requests,
      successful_requests: totals.requests - totals.errors,
      failed_requests: totals.errors,
      success_rate: totals.requests ? round(1 - totals.error_rate, 4) : 1,
      total_tokens: totals.total_tokens,
      total_cost_usd: totals.cost_usd,
      avg_latency_ms: totals.latency_ms.avg,
      latency_ms: totals.latency_ms,
      fallback_rate: totals.fallback_rate,
      cache_rate: totals.cache_rate,
      by_model: models.data,
    };
  }

  /** What a user's system-key requests cost this month (credits), and whether they use their own key. */
  async monthCost(userId: string, month: Date): Promise<{ systemUsd: number; ownKeyUsd: number }> {
    const first = new Date(Date.UTC(month.getUTCFullYear(), month.getUTCMonth(), 1))
      .toISOString()
      .slice(0, 10);
    const next = new Date(Date.UTC(month.getUTCFullYear(), month.getUTCMonth() + 1, 1))
      .toISOString()
      .slice(0, 10);
    const [row] = await this.dataSource.query<Array<{ system: string | null; own: string | null }>>(
      `SELECT sum(cost_usd) FILTER (WHERE key_source = 'system') AS system, sum(cost_usd) FILTER (WHERE key_source = 'user') AS own
         FROM usage_daily WHERE user_id = $1 AND day >= $2 AND day < $3`,
      [userId, first, next],
    );
    return { systemUsd: Number(row?.system ?? 0), ownKeyUsd: Number(row?.own ?? 0) };
  }

  private async sum(table: RollupTable, where: string, params: unknown[]): Promise<SumRow> {
    const [row] = await this.dataSource.query<SumRow[]>(
      `SELECT ${SUMS} FROM ${table} WHERE ${where}`,
      params,
    );
    return row;
  }
}

export function whereOf(filter: UsageFilter): { where: string; params: unknown[] } {
  const clauses = ['day >= $1', 'day <= $2'];
  const params: unknown[] = [filter.from, filter.to];
  const add = (column: string, value: string | undefined) => {
    if (value === undefined) return;
    params.push(value);
    clauses.push(`${column} = $${params.length}`);
  };
  add('user_id', filter.userId); // a UUID (validated at the edge), so the per-user index serves it
  add('tier', filter.tier);
  add('model', filter.model);
  add('feature', filter.feature);
  add('key_source', filter.keySource);
  if (filter.status !== undefined) {
    if (filter.status !== 'ok' && filter.status !== 'error')
      throw new DomainError(ErrorCode.ValidationFailed, 'status must be ok or error', { param: 'status' });
    add('status_class', filter.status);
  }
  return { where: clauses.join(' AND '), params };
}

function totalsOf(row: SumRow): UsageTotals {
  const n = (key: string) => Number(row[key] ?? 0);
  const requests = n('requests');
  const buckets = [...LATENCY_BUCKETS_MS, LATENCY_BUCKETS_MS.at(-1)! * 2].map((_, i) => n(`b${i}`));
  return {
    requests,
    errors: n('errors'),
    error_rate: requests ? round(n('errors') / requests, 4) : 0,
    prompt_tokens: n('prompt_tokens'),
    completion_tokens: n('completion_tokens'),
    total_tokens: n('total_tokens'),
    cost_usd: round(n('cost_usd'), 8),
    fallback_rate: requests ? round(n('fallbacks') / requests, 4) : 0,
    cache_rate: requests ? round(n('cached') / requests, 4) : 0,
    latency_ms: {
      avg: requests ? round(n('latency_ms_sum') / requests, 1) : 0,
      p50: percentile(buckets, 0.5),
      p95: percentile(buckets, 0.95),
      p99: percentile(buckets, 0.99),
    },
  };
}

/** The upper bound of the bucket holding the percentile (an over-estimate by at most one bucket). */
function percentile(buckets: number[], p: number): number {
  const total = buckets.reduce((sum, count) => sum + count, 0);
  if (!total) return 0;
  let seen = 0;
  for (let i = 0; i < buckets.length; i++) {
    seen += buckets[i];
    if (seen >= total * p) return LATENCY_BUCKETS_MS[i] ?? LATENCY_BUCKETS_MS.at(-1)! * 2;
  }
  return LATENCY_BUCKETS_MS.at(-1)! * 2;
}

function round(value: number, digits: number): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}
